import { describe, expect, it } from 'vitest';
import { defaultReportYear, reportYearChoices } from './unit-reports';

describe('yearly unit reports (29)', () => {
  it('is of last year unless a year is chosen, from the first day of a year to its last', () => {
    expect(defaultReportYear('2026-01-01')).toBe(2025);
    expect(defaultReportYear('2026-12-31')).toBe(2025);
  });

  it('offers this year and last even before any report, newest first', () => {
    expect(reportYearChoices('2026-03-10', [], 2025)).toEqual([2026, 2025]);
  });

  it('offers every year with a report once, and the year looked at', () => {
    expect(reportYearChoices('2026-03-10', [2023, 2025, 2023], 2019)).toEqual([
      2026, 2025, 2023, 2019,
    ]);
  });

  it('offers no year that has not begun', () => {
    expect(reportYearChoices('2026-03-10', [2027], 2027)).toEqual([2026, 2025]);
  });
});
