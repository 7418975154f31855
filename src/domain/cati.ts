/**
 * Telephone interviews (CATI): what becomes of a case after each call, the AAPOR final
 * dispositions of closed cases, the response rate per stratum, and the draw of completed
 * interviews for quality control (listening to recordings, as the 2022 VPVKAC study did with
 * 10 %). Pure: the time of the call and the random numbers are parameters.
 *
 * Disposition codes are those of AAPOR's Standard Definitions (telephone surveys):
 * - 1.1   complete interview;
 * - 2.11  refusal: the respondent declined outright (a hard refusal);
 * - 2.112 known-respondent refusal: the named respondent was reached and put us off (a soft
 *         refusal), and the case closed without converting them;
 * - 2.21  respondent never available: contact was made (an appointment set) but the attempts ran
 *         out before the interview;
 * - 3.12  always busy, 3.13 no answer: never reached, so eligibility stays unknown;
 * - 4.30  non-working, disconnected or wrong number; 4.70 no eligible respondent: not eligible.
 */
import { allocateSample } from './sample-allocation';
import { readCsv } from './survey-csv';

export const CATI_OUTCOMES = [
  'no_answer',
  'busy',
  'appointment',
  'soft_refusal',
  'hard_refusal',
  'complete',
  'wrong_number',
  'ineligible',
] as const;
export type CatiOutcome = (typeof CATI_OUTCOMES)[number];

export const CATI_STATES = [
  'new',
  'retry',
  'appointment',
  'complete',
  'refused',
  'ineligible',
  'exhausted',
] as const;
export type CatiState = (typeof CATI_STATES)[number];

/** States of a case still to be called. */
export const OPEN_CATI_STATES = ['new', 'retry', 'appointment'] as const satisfies CatiState[];

export const isOpenCatiState = (state: CatiState): boolean =>
  (OPEN_CATI_STATES as readonly CatiState[]).includes(state);

export const REFUSAL_OUTCOMES = ['soft_refusal', 'hard_refusal'] as const satisfies CatiOutcome[];

export const isRefusal = (outcome: CatiOutcome): boolean =>
  (REFUSAL_OUTCOMES as readonly CatiOutcome[]).includes(outcome);

/**
 * Why a respondent refused: a closed list, so that refusals can be counted per reason (the
 * study analyses "the number of refused interviews and their reasons"); `other` with a note.
 */
export const REFUSAL_REASONS = [
  'no_time',
  'not_interested',
  'not_competent',
  'not_permitted',
  'too_many_surveys',
  'distrust',
  'other',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** Whether a text is one of the reasons (a count of refusals also has '—' for calls without one). */
export const isRefusalReason = (value: string): value is RefusalReason =>
  (REFUSAL_REASONS as readonly string[]).includes(value);

/** The reasons' names as the report prints them. */
export const REFUSAL_REASON_LABELS: Record<RefusalReason, { lv: string; en: string }> = {
  no_time: { lv: 'Nav laika', en: 'No time' },
  not_interested: { lv: 'Nav intereses', en: 'Not interested' },
  not_competent: {
    lv: 'Neuzskata sevi par kompetentu atbildēt',
    en: 'Feels unqualified to answer',
  },
  not_permitted: { lv: 'Nav atļauts piedalīties', en: 'Not allowed to take part' },
  too_many_surveys: { lv: 'Pārāk daudz aptauju', en: 'Too many surveys' },
  distrust: { lv: 'Neuzticas aptaujai', en: 'Distrusts the survey' },
  other: { lv: 'Cits iemesls', en: 'Other reason' },
};

export const DISPOSITIONS = [
  '1.1',
  '2.11',
  '2.112',
  '2.21',
  '3.12',
  '3.13',
  '4.30',
  '4.70',
] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

/** Whether a disposition says the case was found not eligible (AAPOR group 4). */
export const isNotEligible = (disposition: string | null): boolean =>
  disposition !== null && disposition.startsWith('4.');

export interface RetryRules {
  /** Minutes until the next call after no answer, a busy line and a soft refusal. */
  noAnswerMinutes: number;
  busyMinutes: number;
  softRefusalMinutes: number;
  /** Calls at most; a case with no final outcome after them is closed. */
  maxAttempts: number;
}

export const DEFAULT_RETRY_RULES: RetryRules = {
  noAnswerMinutes: 180,
  busyMinutes: 30,
  softRefusalMinutes: 2880,
  maxAttempts: 6,
};

export interface CaseAfterAttempt {
  state: CatiState;
  /** When to call next; null for a closed case. */
  nextCallAt: Date | null;
  /** The AAPOR final disposition of a closed case; null while open. */
  disposition: Disposition | null;
}

const MINUTE = 60_000;
const addMinutes = (at: Date, minutes: number) => new Date(at.getTime() + minutes * MINUTE);

/**
 * The disposition of a case whose attempts ran out, from all its outcomes: a refusal heard once
 * outweighs later non-contacts, an appointment shows the respondent was reached, and a line
 * that was busy at every call is told from one that did not answer.
 */
function exhaustedCase(outcomes: readonly CatiOutcome[]): CaseAfterAttempt {
  if (outcomes.includes('soft_refusal')) {
    return { state: 'refused', nextCallAt: null, disposition: '2.112' };
  }
  if (outcomes.includes('appointment')) {
    return { state: 'exhausted', nextCallAt: null, disposition: '2.21' };
  }
  const alwaysBusy = outcomes.every((outcome) => outcome === 'busy');
  return { state: 'exhausted', nextCallAt: null, disposition: alwaysBusy ? '3.12' : '3.13' };
}

/** The case closed by a final outcome; null for an outcome that calls for another call. */
function closedBy(outcome: CatiOutcome): CaseAfterAttempt | null {
  const closed = (state: CatiState, disposition: Disposition): CaseAfterAttempt => ({
    state,
    nextCallAt: null,
    disposition,
  });
  switch (outcome) {
    case 'complete':
      return closed('complete', '1.1');
    case 'hard_refusal':
      return closed('refused', '2.11');
    case 'wrong_number':
      return closed('ineligible', '4.30');
    case 'ineligible':
      return closed('ineligible', '4.70');
    case 'no_answer':
    case 'busy':
    case 'soft_refusal':
    case 'appointment':
      return null;
  }
}

/**
 * The case after a call: `previous` are the outcomes of the earlier calls (oldest first), `at`
 * the time of this one. An appointment needs its time. A final outcome closes the case; any
 * other schedules the next call, unless this was the last call the rules allow.
 */
export function caseAfterAttempt(
  attempt: { outcome: CatiOutcome; appointmentAt?: Date | null },
  previous: readonly CatiOutcome[],
  rules: RetryRules,
  at: Date,
): CaseAfterAttempt {
  const closed = closedBy(attempt.outcome);
  if (closed) return closed;
  const outcomes = [...previous, attempt.outcome];
  if (outcomes.length >= rules.maxAttempts) return exhaustedCase(outcomes);
  if (attempt.outcome === 'appointment') {
    if (!attempt.appointmentAt) throw new Error('an appointment needs its time');
    return { state: 'appointment', nextCallAt: attempt.appointmentAt, disposition: null };
  }
  const minutes =
    attempt.outcome === 'busy'
      ? rules.busyMinutes
      : attempt.outcome === 'soft_refusal'
        ? rules.softRefusalMinutes
        : rules.noAnswerMinutes;
  return { state: 'retry', nextCallAt: addMinutes(at, minutes), disposition: null };
}

/**
 * The response rate of a stratum, AAPOR RR1: completes divided by every case in the sample
 * except those found not eligible (disposition 4.x). Cases still open or never reached count in
 * the denominator as of unknown eligibility, all assumed eligible, which makes RR1 the most
 * conservative rate. Null when no case is left in the denominator.
 */
export function responseRate(counts: { cases: number; completes: number; notEligible: number }) {
  const eligible = counts.cases - counts.notEligible;
  return eligible <= 0 ? null : counts.completes / eligible;
}

/**
 * How many completed interviews to listen to: ceil(fraction × completes). The fraction has at
 * most three decimals (the wave keeps numeric(4, 3)) and is computed in thousandths, so that
 * 10 % of 30 is 3 and not the 4 that 0.1 × 30 = 3.0000000000000004 would round up to.
 */
export function qcSampleSize(fraction: number, completes: number): number {
  const thousandths = Math.round(fraction * 1000);
  return Math.min(completes, Math.ceil((thousandths * completes) / 1000));
}

/** A completed interview, as the QC draw sees it. */
export interface CompletedInterview {
  id: string;
  interviewerId: string;
}

/**
 * How many of the draw each interviewer gets: in proportion to their completes, by largest
 * remainders (ties to the one with more completes, then to the interviewer listed first), and
 * at least one each when the size allows it. Interviewers are listed by id for a stable answer.
 */
export function qcSpread(size: number, completesByInterviewer: ReadonlyMap<string, number>) {
  const strata = [...completesByInterviewer]
    .filter(([, completes]) => completes > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, completes]) => ({ name, size: completes }));
  const total = strata.reduce((sum, stratum) => sum + stratum.size, 0);
  const spread = new Map<string, number>();
  if (strata.length === 0 || size <= 0) return spread;
  const result = allocateSample({
    total: Math.min(size, total),
    strata,
    minimum: size >= strata.length ? 1 : 0,
  });
  // The request is within bounds by construction: every interviewer has at least one complete.
  if (!result.ok) throw new Error(result.problem);
  for (const { name, sample } of result.allocation) if (sample > 0) spread.set(name, sample);
  return spread;
}

/**
 * Draws `size` of the interviews for listening, spread across interviewers by `qcSpread`, each
 * interviewer's share chosen uniformly with `random` (returns [0, 1), like Math.random). The
 * interviews are taken in id order first, so the same random numbers give the same draw.
 */
export function drawQcSample(
  interviews: readonly CompletedInterview[],
  size: number,
  random: () => number,
): CompletedInterview[] {
  const byInterviewer = new Map<string, CompletedInterview[]>();
  for (const interview of [...interviews].sort((a, b) =>
    a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  )) {
    const list = byInterviewer.get(interview.interviewerId) ?? [];
    list.push(interview);
    byInterviewer.set(interview.interviewerId, list);
  }
  const spread = qcSpread(
    size,
    new Map([...byInterviewer].map(([interviewer, list]) => [interviewer, list.length])),
  );
  const drawn: CompletedInterview[] = [];
  for (const [interviewer, count] of spread) {
    const pool = [...(byInterviewer.get(interviewer) ?? [])];
    // A partial Fisher–Yates shuffle: the first `count` places end up a uniform random choice.
    for (let i = 0; i < count; i++) {
      const j = i + Math.floor(random() * (pool.length - i));
      [pool[i], pool[j]] = [pool[j] as CompletedInterview, pool[i] as CompletedInterview];
      drawn.push(pool[i] as CompletedInterview);
    }
  }
  return drawn;
}

/** One row of a sample file, its cells as written (the contract checks them). */
export interface SampleCsvRow {
  /** The line the row starts on. */
  line: number;
  name: string;
  phone: string;
  organisation: string;
  stratum: string;
}

/** Why a sample file is refused, and where. */
export type SampleCsvProblem =
  | { line: number; code: 'csv_malformed' }
  | { line: number; code: 'csv_cell_count'; expected: number; found: number }
  | { line: 1; code: 'csv_missing_column'; column: string }
  | { line: 1; code: 'csv_empty' };

export const SAMPLE_CSV_COLUMNS = ['name', 'phone', 'organisation', 'stratum'] as const;
const REQUIRED_SAMPLE_COLUMNS = ['name', 'phone'] as const;

/**
 * Reads a sample file: CSV (RFC 4180) with a header row naming the columns `name`, `phone`,
 * optional `organisation` and `stratum`, in any order and case; other columns are read past.
 * Every row must have as many cells as the header. Refused at the first problem, by its line.
 */
export function readSampleCsv(
  text: string,
): { ok: true; rows: SampleCsvRow[] } | { ok: false; problem: SampleCsvProblem } {
  let header: string[] | null = null;
  const at = new Map<string, number>();
  const rows: SampleCsvRow[] = [];
  // Set inside the callback, which the compiler cannot follow: hence the cast.
  let problem = null as SampleCsvProblem | null;
  const broken = readCsv(text, (cells, cellLines) => {
    const line = cellLines[0] ?? 1;
    if (header === null) {
      header = cells.map((cell) => cell.trim().toLowerCase());
      for (const [index, name] of header.entries()) if (!at.has(name)) at.set(name, index);
      const missing = REQUIRED_SAMPLE_COLUMNS.find((column) => !at.has(column));
      if (missing) {
        problem = { line: 1, code: 'csv_missing_column', column: missing };
        return { line, column: null, message: 'missing column' };
      }
      return undefined;
    }
    if (cells.length !== header.length) {
      problem = { line, code: 'csv_cell_count', expected: header.length, found: cells.length };
      return { line, column: null, message: 'cell count' };
    }
    const cell = (column: string) => {
      const index = at.get(column);
      return index === undefined ? '' : (cells[index] ?? '');
    };
    rows.push({
      line,
      name: cell('name'),
      phone: cell('phone'),
      organisation: cell('organisation'),
      stratum: cell('stratum'),
    });
    return undefined;
  });
  if (problem) return { ok: false, problem };
  if (broken) return { ok: false, problem: { line: broken.line, code: 'csv_malformed' } };
  if (rows.length === 0) return { ok: false, problem: { line: 1, code: 'csv_empty' } };
  return { ok: true, rows };
}
