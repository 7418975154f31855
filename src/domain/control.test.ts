import { describe, expect, it } from 'vitest';
import {
  assembleFigures,
  emptyFigures,
  isFutureMonth,
  isFutureYear,
  isMonth,
  monthCutoff,
  monthSpan,
  monthsBetween,
  onTimeShare,
  periodFigures,
  previousMonth,
  sumFigures,
} from './control';

describe('control months', () => {
  it('reads only real months', () => {
    expect(isMonth('2026-05')).toBe(true);
    expect(isMonth('2026-13')).toBe(false);
    expect(isMonth('2026-5')).toBe(false);
  });

  it('counts months across a year end', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(monthsBetween('2026-02', '2026-01')).toEqual([]);
    expect(previousMonth('2026-01')).toBe('2025-12');
  });

  it('bounds a month in Riga time, summer and winter', () => {
    expect(monthSpan('2026-05')).toEqual({
      start: new Date('2026-04-30T21:00:00Z'),
      end: new Date('2026-05-31T21:00:00Z'),
    });
    expect(monthSpan('2026-01').start).toEqual(new Date('2025-12-31T22:00:00Z'));
  });

  it('reads a running month now, a past one at its end', () => {
    const now = new Date('2026-05-10T10:00:00Z');
    expect(monthCutoff('2026-05', now)).toEqual(now);
    expect(monthCutoff('2026-04', now)).toEqual(new Date('2026-04-30T21:00:00Z'));
  });
});

describe('control figures', () => {
  it('fills every unit and month, adding the families and leaving strangers out', () => {
    const table = assembleFigures(
      ['a'],
      ['2026-04'],
      [
        { unitId: 'a', month: '2026-04', counts: { praise: 2 } },
        { unitId: 'a', month: '2026-04', counts: { complaints: 1, praise: 1 } },
        { unitId: 'b', month: '2026-04', counts: { praise: 5 } },
        { unitId: 'a', month: '2026-05', counts: { praise: 5 } },
      ],
    );
    expect(table.get('a')?.get('2026-04')).toEqual({
      ...emptyFigures(),
      praise: 3,
      complaints: 1,
    });
    expect(table.has('b')).toBe(false);
  });

  it('shares answers on time among those answered or overdue, none when nothing fell due', () => {
    expect(onTimeShare(emptyFigures())).toBeNull();
    const figures = {
      ...emptyFigures(),
      externalOnTime: 3,
      externalLate: 1,
      internalOnTime: 1,
      internalOpenOverdue: 3,
    };
    expect(onTimeShare(figures)).toBe(0.5);
    expect(sumFigures([figures, figures]).externalOnTime).toBe(6);
  });
});

describe('a period’s figures', () => {
  it('adds up what happened in its months and keeps the states of its last month', () => {
    const march = { ...emptyFigures(), praise: 2, overdueRequests: 3, escalationsHead: 1 };
    const april = { ...emptyFigures(), praise: 1, overdueRequests: 1, externalOpenOverdue: 2 };
    const may = { ...emptyFigures(), complaints: 1, overdueRequests: 2, externalOpenOverdue: 1 };
    expect(periodFigures([march, april, may])).toEqual({
      ...emptyFigures(),
      praise: 3,
      complaints: 1,
      // Each answer counts in the month it fell due: these add up.
      externalOpenOverdue: 3,
      // States: May's, not 3 + 1 + 2, and March's open escalation has closed since.
      overdueRequests: 2,
      escalationsHead: 0,
    });
    expect(periodFigures([])).toEqual(emptyFigures());
  });
});

describe('months and years to come', () => {
  it('takes the running month and year as present, the next ones as future', () => {
    expect(isFutureMonth('2026-06', '2026-06-30')).toBe(false);
    expect(isFutureMonth('2026-07', '2026-06-30')).toBe(true);
    expect(isFutureMonth('2025-12', '2026-01-01')).toBe(false);
    expect(isFutureYear(2026, '2026-12-31')).toBe(false);
    expect(isFutureYear(2027, '2026-12-31')).toBe(true);
  });
});
