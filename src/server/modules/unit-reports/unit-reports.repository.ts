import { sql } from 'kysely';
import type { ControlFigures } from '../../../domain/control';
import type { Executor } from '../../db/database';
import type { UnitReportsTable } from '../../db/schema';
import type { Insertable, Updateable } from 'kysely';

/** The units whose reports a query reads: all of them, or those listed. */
export type ReportScope = { all: true } | { all: false; unitIds: readonly string[] };

/**
 * The year's overview: every active unit that serves external clients (clause 29), in scope,
 * with its report of the year if there is one; the units still owing one counted over all pages.
 */
export async function findReportLines(
  db: Executor,
  filter: {
    year: number;
    scope: ReportScope;
    limit: number;
    offset: number;
  },
) {
  if (!filter.scope.all && filter.scope.unitIds.length === 0) return [];
  let query = db
    .selectFrom('units as u')
    .innerJoin('institutions as i', 'i.id', 'u.institution_id')
    .leftJoin('unit_reports as r', (join) =>
      join.onRef('r.unit_id', '=', 'u.id').on('r.year', '=', filter.year),
    )
    .leftJoin('staff as s', 's.id', 'r.submitted_by')
    .select([
      'u.id as unit_id',
      'u.name as unit_name',
      'i.name as institution_name',
      'r.id as report_id',
      'r.state',
      'r.submitted_by',
      's.given_name as submitted_by_given_name',
      's.surname as submitted_by_surname',
      'r.submitted_at',
      sql<number>`count(*) over ()`.as('total'),
      sql<number>`(count(*) filter (where r.state is distinct from 'submitted') over ())::int`.as(
        'not_submitted',
      ),
    ])
    .where('u.active', '=', true)
    .where('u.serves_external_clients', '=', true)
    .orderBy('i.name')
    .orderBy('u.name')
    .orderBy('u.id')
    .limit(filter.limit)
    .offset(filter.offset);
  if (!filter.scope.all) query = query.where('u.id', 'in', [...filter.scope.unitIds]);
  return query.execute();
}
export type ReportLineRow = Awaited<ReturnType<typeof findReportLines>>[number];

/** The years that have a report of a unit in scope, newest first. */
export async function findReportYears(db: Executor, scope: ReportScope): Promise<number[]> {
  if (!scope.all && scope.unitIds.length === 0) return [];
  let query = db.selectFrom('unit_reports').select('year').distinct().orderBy('year', 'desc');
  if (!scope.all) query = query.where('unit_id', 'in', [...scope.unitIds]);
  return (await query.execute()).map((row) => row.year);
}

/** A unit that reports: active and serving external clients. */
export async function findReportingUnit(db: Executor, unitId: string) {
  return db
    .selectFrom('units')
    .select(['id'])
    .where('id', '=', unitId)
    .where('active', '=', true)
    .where('serves_external_clients', '=', true)
    .executeTakeFirst();
}

export async function findUnitReportById(db: Executor, id: string) {
  return db
    .selectFrom('unit_reports as r')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .innerJoin('institutions as i', 'i.id', 'u.institution_id')
    .leftJoin('staff as s', 's.id', 'r.submitted_by')
    .selectAll('r')
    .select([
      'u.name as unit_name',
      'i.name as institution_name',
      's.given_name as submitted_by_given_name',
      's.surname as submitted_by_surname',
    ])
    .where('r.id', '=', id)
    .executeTakeFirst();
}
export type UnitReportRow = NonNullable<Awaited<ReturnType<typeof findUnitReportById>>>;

/** The new report's id; none when the unit already has one for the year. */
export async function insertUnitReport(
  db: Executor,
  row: Insertable<UnitReportsTable>,
): Promise<string | null> {
  const inserted = await db
    .insertInto('unit_reports')
    .values(row)
    .onConflict((conflict) => conflict.columns(['unit_id', 'year']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted?.id ?? null;
}

/** Applies the changes only to a draft that still has the version the client read. */
export async function updateDraftUnitReport(
  db: Executor,
  { id, version, changes }: { id: string; version: number; changes: Updateable<UnitReportsTable> },
): Promise<boolean> {
  const result = await db
    .updateTable('unit_reports')
    .set({ ...changes, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('state', '=', 'draft')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The figures as stored: a JSON text of the counts. */
export const figuresJson = (figures: ControlFigures): string => JSON.stringify(figures);
