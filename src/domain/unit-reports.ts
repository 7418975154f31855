/**
 * The yearly unit reports (clause 29): which years a report can be of and which the page offers.
 * Dates are Riga calendar dates written YYYY-MM-DD; the caller reads today from its clock.
 */

import { isFutureYear } from './control';

const yearOf = (today: string): number => Number(today.slice(0, 4));

/** The year a report is of unless one is chosen: last year, the last one that has ended. */
export function defaultReportYear(today: string): number {
  return yearOf(today) - 1;
}

/**
 * The years to choose among, newest first: this year and last, every year that has a report,
 * and the year being looked at (one typed into the address may have none).
 */
export function reportYearChoices(
  today: string,
  withReports: readonly number[],
  shown: number,
): number[] {
  const years = new Set([yearOf(today), yearOf(today) - 1, shown, ...withReports]);
  return [...years].filter((year) => !isFutureYear(year, today)).sort((a, b) => b - a);
}
