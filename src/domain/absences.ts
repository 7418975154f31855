/** Kinds of absence, as a unit head records them (clause 7.1 of the standard). */
export const ABSENCE_KINDS = [
  'vacation',
  'sick_leave',
  'business_trip',
  'training',
  'other',
] as const;
export type AbsenceKind = (typeof ABSENCE_KINDS)[number];

/** An absence as far as "who is away and who stands in" is concerned. Dates are inclusive. */
export interface AbsencePeriod {
  staffId: string;
  startsOn: string;
  endsOn: string;
  substituteId: string | null;
}

/** Whether the absence covers the date (YYYY-MM-DD; ISO dates compare as strings). */
export function coversDate(
  absence: Pick<AbsencePeriod, 'startsOn' | 'endsOn'>,
  date: string,
): boolean {
  return absence.startsOn <= date && date <= absence.endsOn;
}

export interface StandIn<T extends AbsencePeriod = AbsencePeriod> {
  /** The absence that makes the person unavailable on the date. */
  absence: T;
  /** The first person in the substitute chain who is present, or null when nobody is. */
  standInId: string | null;
}

/**
 * Who stands in for a person on a date. When the named substitute is away too, their own
 * substitute is asked, and so on: a caller must reach someone who is at work. Returns null when
 * the person is not away on that date.
 */
export function resolveStandIn<T extends AbsencePeriod>(
  staffId: string,
  date: string,
  absences: readonly T[],
  /** People who no longer work here: they stand in for nobody, and the chain ends with them. */
  hasLeft: (staffId: string) => boolean = () => false,
): StandIn<T> | null {
  const awayOnDate = new Map<string, T>();
  for (const absence of absences) {
    if (coversDate(absence, date)) awayOnDate.set(absence.staffId, absence);
  }
  const absence = awayOnDate.get(staffId);
  if (!absence) return null;

  const visited = new Set<string>([staffId]);
  let candidate = absence.substituteId;
  while (candidate !== null && !visited.has(candidate) && !hasLeft(candidate)) {
    const candidateAbsence = awayOnDate.get(candidate);
    if (!candidateAbsence) return { absence, standInId: candidate };
    visited.add(candidate);
    candidate = candidateAbsence.substituteId;
  }
  return { absence, standInId: null };
}

/** Kinds that tell something about a person's health: special category data (GDPR art. 9). */
export const HEALTH_ABSENCE_KINDS: ReadonlySet<AbsenceKind> = new Set(['sick_leave']);

/** An absence kind as a viewer sees it: `absent` when they may not know why. */
export type ShownAbsenceKind = AbsenceKind | 'absent';

/** What a person may do about colleagues' absences (clause 7.1 of the standard). */
export interface AbsenceManager {
  staffId: string | null;
  manageAll: boolean;
  manageOwn: boolean;
  /** The units whose people's absences they manage: a unit head's units and those below. */
  headedUnitIds: ReadonlySet<string>;
}

/** Whether the manager may record and change the person's absences, and see why they are away. */
export function mayManageAbsencesOf(
  manager: AbsenceManager,
  person: { staffId: string; unitIds: readonly string[] },
): boolean {
  return (
    manager.manageAll ||
    (manager.manageOwn && manager.staffId === person.staffId) ||
    person.unitIds.some((unitId) => manager.headedUnitIds.has(unitId))
  );
}

/**
 * The kind of an absence as a viewer may see it: colleagues learn that a person is away and who
 * stands in, but only the person and those who manage their absences learn that it is sick leave.
 */
export function kindShownTo(kind: AbsenceKind, mayManage: boolean): ShownAbsenceKind {
  return !mayManage && HEALTH_ABSENCE_KINDS.has(kind) ? 'absent' : kind;
}
