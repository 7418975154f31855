import { describe, expect, it } from 'vitest';
import {
  coversDate,
  kindShownTo,
  mayManageAbsencesOf,
  resolveStandIn,
  type AbsencePeriod,
} from './absences';

const away = (
  staffId: string,
  startsOn: string,
  endsOn: string,
  substituteId: string | null = null,
): AbsencePeriod => ({ staffId, startsOn, endsOn, substituteId });

describe('coversDate', () => {
  const vacation = { startsOn: '2025-07-07', endsOn: '2025-07-18' };

  it('includes the first and the last day', () => {
    expect(coversDate(vacation, '2025-07-07')).toBe(true);
    expect(coversDate(vacation, '2025-07-18')).toBe(true);
    expect(coversDate(vacation, '2025-07-10')).toBe(true);
  });

  it('excludes the days before and after', () => {
    expect(coversDate(vacation, '2025-07-06')).toBe(false);
    expect(coversDate(vacation, '2025-07-19')).toBe(false);
  });

  it('covers a one-day absence on that day only', () => {
    const day = { startsOn: '2025-12-31', endsOn: '2025-12-31' };
    expect(coversDate(day, '2025-12-31')).toBe(true);
    expect(coversDate(day, '2026-01-01')).toBe(false);
  });
});

describe('resolveStandIn', () => {
  const date = '2025-07-10';

  it('ends the chain at a substitute who has left: they stand in for nobody', () => {
    const absences = [away('anna', '2025-07-01', '2025-07-31', 'berta')];
    const hasLeft = (id: string) => id === 'berta';
    expect(resolveStandIn('anna', date, absences, hasLeft)).toEqual({
      absence: absences[0],
      standInId: null,
    });
  });

  it('passes over an absent substitute to one at work, but not to one who has left', () => {
    const absences = [
      away('anna', '2025-07-01', '2025-07-31', 'berta'),
      away('berta', '2025-07-05', '2025-07-15', 'carl'),
    ];
    expect(resolveStandIn('anna', date, absences)?.standInId).toBe('carl');
    expect(resolveStandIn('anna', date, absences, (id) => id === 'carl')?.standInId).toBeNull();
  });

  it('is null when the person is not away that day', () => {
    const absences = [away('anna', '2025-07-11', '2025-07-20', 'berta')];
    expect(resolveStandIn('anna', date, absences)).toBeNull();
    expect(resolveStandIn('carl', date, absences)).toBeNull();
  });

  it('names the substitute when the substitute is at work', () => {
    const absence = away('anna', '2025-07-07', '2025-07-18', 'berta');
    expect(resolveStandIn('anna', date, [absence])).toEqual({ absence, standInId: 'berta' });
  });

  it('follows the chain past a substitute who is away too', () => {
    const absence = away('anna', '2025-07-07', '2025-07-18', 'berta');
    const absences = [
      absence,
      away('berta', '2025-07-09', '2025-07-11', 'carl'),
      away('carl', '2025-07-01', '2025-07-05', 'dace'),
    ];
    expect(resolveStandIn('anna', date, absences)).toEqual({ absence, standInId: 'carl' });
  });

  it('ignores a substitute’s absence that does not cover the date', () => {
    const absences = [
      away('anna', '2025-07-07', '2025-07-18', 'berta'),
      away('berta', '2025-07-11', '2025-07-20', 'carl'),
    ];
    expect(resolveStandIn('anna', date, absences)?.standInId).toBe('berta');
  });

  it('gives nobody when the chain runs in a circle', () => {
    const absence = away('anna', '2025-07-07', '2025-07-18', 'berta');
    const absences = [absence, away('berta', '2025-07-10', '2025-07-10', 'anna')];
    expect(resolveStandIn('anna', date, absences)).toEqual({ absence, standInId: null });
  });

  it('gives nobody when a longer chain loops back before reaching anyone at work', () => {
    const absences = [
      away('anna', '2025-07-07', '2025-07-18', 'berta'),
      away('berta', '2025-07-07', '2025-07-18', 'carl'),
      away('carl', '2025-07-07', '2025-07-18', 'berta'),
    ];
    expect(resolveStandIn('anna', date, absences)?.standInId).toBeNull();
  });

  it('gives nobody when no substitute is named, or the last one away names none', () => {
    expect(resolveStandIn('anna', date, [away('anna', date, date)])?.standInId).toBeNull();
    const absences = [away('anna', date, date, 'berta'), away('berta', date, date)];
    expect(resolveStandIn('anna', date, absences)?.standInId).toBeNull();
  });

  it('returns the absence record it was given, with its own fields', () => {
    const absence = { ...away('anna', date, date, 'berta'), kind: 'sick_leave' as const };
    expect(resolveStandIn('anna', date, [absence])?.absence.kind).toBe('sick_leave');
  });
});

describe('who may manage and see an absence', () => {
  const nobody = {
    staffId: 'me',
    manageAll: false,
    manageOwn: true,
    headedUnitIds: new Set<string>(),
  };
  const colleague = { staffId: 'colleague', unitIds: ['unit-a'] };

  it('lets a person manage their own absences only, a unit head those of their units, a head all', () => {
    expect(mayManageAbsencesOf(nobody, { staffId: 'me', unitIds: [] })).toBe(true);
    expect(mayManageAbsencesOf(nobody, colleague)).toBe(false);
    expect(mayManageAbsencesOf({ ...nobody, headedUnitIds: new Set(['unit-a']) }, colleague)).toBe(
      true,
    );
    expect(mayManageAbsencesOf({ ...nobody, headedUnitIds: new Set(['unit-b']) }, colleague)).toBe(
      false,
    );
    expect(mayManageAbsencesOf({ ...nobody, manageAll: true }, colleague)).toBe(true);
  });

  it('refuses one’s own absence to someone without the permission (the auditor)', () => {
    expect(
      mayManageAbsencesOf({ ...nobody, manageOwn: false }, { staffId: 'me', unitIds: [] }),
    ).toBe(false);
  });

  it('hides sick leave from those who do not manage the absence, and nothing else', () => {
    expect(kindShownTo('sick_leave', false)).toBe('absent');
    expect(kindShownTo('sick_leave', true)).toBe('sick_leave');
    for (const kind of ['vacation', 'business_trip', 'training', 'other'] as const) {
      expect(kindShownTo(kind, false)).toBe(kind);
    }
  });
});
