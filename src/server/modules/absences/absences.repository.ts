import { sql } from 'kysely';
import type { AbsenceKind, AbsencePeriod } from '../../../domain/absences';
import type { Executor } from '../../db/database';
import type { AbsenceUpdate, NewAbsenceRow } from '../../db/schema';

function selectAbsences(db: Executor) {
  return db
    .selectFrom('absences as a')
    .innerJoin('staff as s', 's.id', 'a.staff_id')
    .leftJoin('staff as sub', 'sub.id', 'a.substitute_id')
    .select([
      'a.id',
      'a.staff_id',
      'a.kind',
      'a.starts_on',
      'a.ends_on',
      'a.substitute_id',
      'a.note',
      'a.version',
      'a.created_at',
      'a.updated_at',
      's.given_name',
      's.surname',
      's.position',
      's.phone',
      's.email',
      'sub.given_name as sub_given_name',
      'sub.surname as sub_surname',
      'sub.position as sub_position',
      'sub.phone as sub_phone',
      'sub.email as sub_email',
      sql<string[]>`coalesce((select array_agg(su.unit_id) from staff_units su
                              where su.staff_id = a.staff_id), '{}')`.as('staff_unit_ids'),
    ]);
}
export type AbsenceListRow = Awaited<ReturnType<typeof findAbsenceById>> & object;

export interface AbsenceFilter {
  /** Absences overlapping from–to (inclusive). */
  from: string;
  to: string | null;
  staffId?: string | undefined;
  unitId?: string | undefined;
  kind?: AbsenceKind | undefined;
  /** Only the absences of this person and of the people of these units. */
  managedBy?: { staffId: string | null; unitIds: readonly string[] } | undefined;
  limit: number;
  offset: number;
}

export async function findAbsences(db: Executor, filter: AbsenceFilter) {
  let query = selectAbsences(db)
    .select(sql<number>`count(*) over ()`.as('total'))
    .where('a.ends_on', '>=', filter.from)
    .orderBy('a.starts_on')
    .orderBy('s.sort_name')
    .orderBy('a.id')
    .limit(filter.limit)
    .offset(filter.offset);
  if (filter.to) query = query.where('a.starts_on', '<=', filter.to);
  if (filter.staffId) query = query.where('a.staff_id', '=', filter.staffId);
  if (filter.kind) query = query.where('a.kind', '=', filter.kind);
  if (filter.managedBy) {
    const { staffId, unitIds } = filter.managedBy;
    query = query.where((eb) =>
      eb.or([
        ...(staffId ? [eb('a.staff_id', '=', staffId)] : []),
        ...(unitIds.length > 0
          ? [
              eb.exists(
                eb
                  .selectFrom('staff_units as su')
                  .whereRef('su.staff_id', '=', 'a.staff_id')
                  .where('su.unit_id', 'in', [...unitIds]),
              ),
            ]
          : []),
      ]),
    );
  }
  if (filter.unitId) {
    const unitId = filter.unitId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('staff_units as su')
          .whereRef('su.staff_id', '=', 'a.staff_id')
          .where('su.unit_id', '=', unitId),
      ),
    );
  }
  return query.execute();
}

export async function findAbsenceById(db: Executor, id: string) {
  return selectAbsences(db).where('a.id', '=', id).executeTakeFirst();
}

/** Every absence that covers the date: what stand-in chains are resolved against. */
export async function findAbsencePeriodsOn(
  db: Executor,
  date: string,
): Promise<Array<AbsencePeriod & { kind: AbsenceKind }>> {
  return db
    .selectFrom('absences')
    .select([
      'staff_id as staffId',
      'kind',
      'starts_on as startsOn',
      'ends_on as endsOn',
      'substitute_id as substituteId',
    ])
    .where('starts_on', '<=', date)
    .where('ends_on', '>=', date)
    .execute();
}

/** Another absence of the same person that shares a day with the period. */
export async function findOverlappingAbsence(
  db: Executor,
  {
    staffId,
    startsOn,
    endsOn,
    exceptId,
  }: { staffId: string; startsOn: string; endsOn: string; exceptId?: string },
) {
  let query = db
    .selectFrom('absences')
    .select(['id', 'starts_on', 'ends_on'])
    .where('staff_id', '=', staffId)
    .where('starts_on', '<=', endsOn)
    .where('ends_on', '>=', startsOn);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return query.executeTakeFirst();
}

export async function insertAbsence(db: Executor, row: NewAbsenceRow): Promise<string> {
  const inserted = await db
    .insertInto('absences')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** Applies the changes only when the row still has the version the client read. */
export async function updateAbsence(
  db: Executor,
  { id, version, changes }: { id: string; version: number; changes: AbsenceUpdate },
): Promise<boolean> {
  const result = await db
    .updateTable('absences')
    .set({ ...changes, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function deleteAbsence(
  db: Executor,
  { id, version }: { id: string; version: number },
) {
  const result = await db
    .deleteFrom('absences')
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
