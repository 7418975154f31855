import { describe, expect, it } from 'vitest';
import {
  caseAfterAttempt,
  DEFAULT_RETRY_RULES,
  drawQcSample,
  isRefusalReason,
  qcSampleSize,
  qcSpread,
  readSampleCsv,
  responseRate,
  type CatiOutcome,
  type CompletedInterview,
} from './cati';

const at = new Date('2026-03-10T09:00:00Z');
const after = (outcome: CatiOutcome, previous: CatiOutcome[] = [], appointmentAt?: Date) =>
  caseAfterAttempt({ outcome, appointmentAt }, previous, DEFAULT_RETRY_RULES, at);

describe('caseAfterAttempt', () => {
  it('calls again after no answer in 3 hours, a busy line in 30 minutes, a soft refusal in 2 days', () => {
    expect(after('no_answer')).toEqual({
      state: 'retry',
      nextCallAt: new Date('2026-03-10T12:00:00Z'),
      disposition: null,
    });
    expect(after('busy')).toEqual({
      state: 'retry',
      nextCallAt: new Date('2026-03-10T09:30:00Z'),
      disposition: null,
    });
    expect(after('soft_refusal')).toEqual({
      state: 'retry',
      nextCallAt: new Date('2026-03-12T09:00:00Z'),
      disposition: null,
    });
  });

  it('calls at the appointment, which must have its time', () => {
    const time = new Date('2026-03-11T14:30:00Z');
    expect(after('appointment', [], time)).toEqual({
      state: 'appointment',
      nextCallAt: time,
      disposition: null,
    });
    expect(() => after('appointment')).toThrow();
  });

  it('closes the case on a final outcome, whatever came before', () => {
    expect(after('complete', ['no_answer', 'soft_refusal'])).toEqual({
      state: 'complete',
      nextCallAt: null,
      disposition: '1.1',
    });
    expect(after('hard_refusal')).toMatchObject({ state: 'refused', disposition: '2.11' });
    expect(after('wrong_number')).toMatchObject({ state: 'ineligible', disposition: '4.30' });
    expect(after('ineligible')).toMatchObject({ state: 'ineligible', disposition: '4.70' });
  });

  it('completes on the last attempt allowed', () => {
    const five: CatiOutcome[] = ['no_answer', 'no_answer', 'busy', 'no_answer', 'no_answer'];
    expect(after('complete', five)).toMatchObject({ state: 'complete', disposition: '1.1' });
  });

  it('keeps calling until the attempts run out', () => {
    expect(after('no_answer', ['no_answer', 'no_answer', 'no_answer', 'no_answer'])).toMatchObject({
      state: 'retry',
      disposition: null,
    });
  });

  it('closes the case after the sixth call without a final outcome, by what was heard', () => {
    const noAnswers: CatiOutcome[] = [
      'no_answer',
      'no_answer',
      'no_answer',
      'no_answer',
      'no_answer',
    ];
    expect(after('no_answer', noAnswers)).toEqual({
      state: 'exhausted',
      nextCallAt: null,
      disposition: '3.13',
    });
    expect(after('busy', ['busy', 'busy', 'busy', 'busy', 'busy'])).toMatchObject({
      state: 'exhausted',
      disposition: '3.12',
    });
    expect(after('busy', ['busy', 'no_answer', 'busy', 'busy', 'busy'])).toMatchObject({
      state: 'exhausted',
      disposition: '3.13',
    });
    expect(
      after('no_answer', ['appointment', 'no_answer', 'busy', 'no_answer', 'no_answer']),
    ).toMatchObject({
      state: 'exhausted',
      disposition: '2.21',
    });
    // A soft refusal heard once, never converted, closes as a refusal.
    expect(
      after('no_answer', ['soft_refusal', 'appointment', 'busy', 'no_answer', 'no_answer']),
    ).toMatchObject({
      state: 'refused',
      disposition: '2.112',
    });
    expect(
      after('appointment', ['no_answer', 'no_answer', 'busy', 'no_answer', 'no_answer'], at),
    ).toMatchObject({ state: 'exhausted', nextCallAt: null, disposition: '2.21' });
  });

  it('follows the wave’s own rules', () => {
    const rules = { noAnswerMinutes: 60, busyMinutes: 5, softRefusalMinutes: 1440, maxAttempts: 2 };
    expect(caseAfterAttempt({ outcome: 'no_answer' }, [], rules, at)).toMatchObject({
      state: 'retry',
      nextCallAt: new Date('2026-03-10T10:00:00Z'),
    });
    expect(caseAfterAttempt({ outcome: 'busy' }, [], rules, at).nextCallAt).toEqual(
      new Date('2026-03-10T09:05:00Z'),
    );
    expect(caseAfterAttempt({ outcome: 'busy' }, ['no_answer'], rules, at)).toMatchObject({
      state: 'exhausted',
      disposition: '3.13',
    });
  });
});

describe('isRefusalReason', () => {
  it('knows the listed reasons and nothing else', () => {
    expect(isRefusalReason('no_time')).toBe(true);
    expect(isRefusalReason('other')).toBe(true);
    expect(isRefusalReason('—')).toBe(false);
    expect(isRefusalReason('toString')).toBe(false);
  });
});

describe('responseRate', () => {
  it('divides completes by the cases not found ineligible (RR1)', () => {
    // 12 of 20, two wrong numbers: 12 / 18.
    expect(responseRate({ cases: 20, completes: 12, notEligible: 2 })).toBeCloseTo(2 / 3, 12);
    expect(responseRate({ cases: 21, completes: 21, notEligible: 0 })).toBe(1);
  });

  it('has no rate when no case is eligible', () => {
    expect(responseRate({ cases: 0, completes: 0, notEligible: 0 })).toBeNull();
    expect(responseRate({ cases: 3, completes: 0, notEligible: 3 })).toBeNull();
  });
});

describe('qcSampleSize', () => {
  it('is the fraction of the completes, rounded up', () => {
    expect(qcSampleSize(0.1, 21)).toBe(3);
    expect(qcSampleSize(0.1, 20)).toBe(2);
    expect(qcSampleSize(0.1, 1)).toBe(1);
    expect(qcSampleSize(0.1, 0)).toBe(0);
    expect(qcSampleSize(0.15, 7)).toBe(2);
    expect(qcSampleSize(1, 5)).toBe(5);
  });

  it('is exact where floating point is not', () => {
    // 0.1 × 30 = 3.0000000000000004 in floating point.
    expect(qcSampleSize(0.1, 30)).toBe(3);
    expect(qcSampleSize(0.3, 10)).toBe(3);
    expect(qcSampleSize(0.333, 3)).toBe(1);
  });
});

describe('qcSpread', () => {
  const spread = (size: number, completes: Record<string, number>) =>
    Object.fromEntries(qcSpread(size, new Map(Object.entries(completes))));

  it('gives each interviewer a share in proportion to their completes', () => {
    expect(spread(10, { a: 60, b: 30, c: 10 })).toEqual({ a: 6, b: 3, c: 1 });
  });

  it('gives everyone with completes at least one when the size allows', () => {
    // 3 of 21: quotas 1.43, 1.00, 0.57.
    expect(spread(3, { a: 10, b: 7, c: 4 })).toEqual({ a: 1, b: 1, c: 1 });
    // 5 of 21: c gets its one; 4 left over 17 are 2.35 and 1.65, so b takes the seat left.
    expect(spread(5, { a: 10, b: 7, c: 4 })).toEqual({ a: 2, b: 2, c: 1 });
  });

  it('gives the seats by largest remainder when there are fewer than interviewers', () => {
    // 2 of 21: quotas 0.95, 0.67, 0.38.
    expect(spread(2, { a: 10, b: 7, c: 4 })).toEqual({ a: 1, b: 1 });
  });

  it('breaks an equal remainder by the interviewer listed first', () => {
    // c gets its one; 3 left over a and b are 1.5 each.
    expect(spread(4, { b: 5, a: 5, c: 1 })).toEqual({ a: 2, b: 1, c: 1 });
  });

  it('leaves out interviewers without completes, and draws nothing from nothing', () => {
    expect(spread(2, { a: 3, b: 0 })).toEqual({ a: 2 });
    expect(spread(0, { a: 3 })).toEqual({});
    expect(spread(3, {})).toEqual({});
  });
});

describe('drawQcSample', () => {
  /** 21 interviews: 10 by a, 7 by b, 4 by c. */
  const interviews: CompletedInterview[] = [
    ...Array.from({ length: 10 }, (_, i) => ({
      id: `a${String(i).padStart(2, '0')}`,
      interviewerId: 'a',
    })),
    ...Array.from({ length: 7 }, (_, i) => ({
      id: `b${String(i).padStart(2, '0')}`,
      interviewerId: 'b',
    })),
    ...Array.from({ length: 4 }, (_, i) => ({
      id: `c${String(i).padStart(2, '0')}`,
      interviewerId: 'c',
    })),
  ].reverse();

  /** A small deterministic generator (a linear congruential one), values in [0, 1). */
  const seeded = (seed: number) => () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };

  it('chooses by the random numbers, in id order', () => {
    expect(drawQcSample(interviews, 3, () => 0).map((item) => item.id)).toEqual([
      'a00',
      'b00',
      'c00',
    ]);
    expect(drawQcSample(interviews, 3, () => 0.999).map((item) => item.id)).toEqual([
      'a09',
      'b06',
      'c03',
    ]);
  });

  it('draws the size, each interviewer’s share, never one interview twice', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const drawn = drawQcSample(interviews, 5, seeded(seed));
      expect(drawn).toHaveLength(5);
      expect(new Set(drawn.map((item) => item.id)).size).toBe(5);
      const per = (interviewer: string) =>
        drawn.filter((item) => item.interviewerId === interviewer).length;
      expect([per('a'), per('b'), per('c')]).toEqual([2, 2, 1]);
      for (const item of drawn) expect(item.id.startsWith(item.interviewerId)).toBe(true);
    }
  });

  it('draws everything when the size is all', () => {
    expect(drawQcSample(interviews, 21, seeded(7))).toHaveLength(21);
  });
});

describe('readSampleCsv', () => {
  it('reads the columns in any order and case, past other columns, quotes and all', () => {
    const text =
      '\uFEFFPhone,Name,Stratum,note,Organisation\r\n' +
      '+371 2000 0001,Anna Kalniņa,Kurzeme,,"VPVKAC Kuldīga, Baznīcas iela"\r\n' +
      '\r\n' +
      '26000002,"Jānis ""Jancis"" Ozols",,x,\n';
    expect(readSampleCsv(text)).toEqual({
      ok: true,
      rows: [
        {
          line: 2,
          name: 'Anna Kalniņa',
          phone: '+371 2000 0001',
          organisation: 'VPVKAC Kuldīga, Baznīcas iela',
          stratum: 'Kurzeme',
        },
        { line: 4, name: 'Jānis "Jancis" Ozols', phone: '26000002', organisation: '', stratum: '' },
      ],
    });
  });

  it('needs the name and phone columns, and at least one row', () => {
    expect(readSampleCsv('name,organisation\nAnna,VPVKAC\n')).toEqual({
      ok: false,
      problem: { line: 1, code: 'csv_missing_column', column: 'phone' },
    });
    expect(readSampleCsv('name,phone\n')).toEqual({
      ok: false,
      problem: { line: 1, code: 'csv_empty' },
    });
  });

  it('names the line of a row with the wrong number of cells or broken quotes', () => {
    expect(readSampleCsv('name,phone\nAnna,2000\nJānis\n')).toEqual({
      ok: false,
      problem: { line: 3, code: 'csv_cell_count', expected: 2, found: 1 },
    });
    expect(readSampleCsv('name,phone\nAnna,2000\nJā"nis,2001\n')).toEqual({
      ok: false,
      problem: { line: 3, code: 'csv_malformed' },
    });
  });
});
