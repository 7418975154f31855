import { sql } from 'kysely';
import type { Executor } from '../../db/database';

export interface DirectoryFilter {
  terms: string[];
  unitId?: string | undefined;
  position?: string | undefined;
  competence?: string | undefined;
  limit: number;
  offset: number;
}

/**
 * Active staff matching every word: each word in the person's own search text (name, position,
 * email, competences) or in the name or address of one of their units. The page's ids are found
 * first, so the units are gathered for the people shown, not for every match.
 */
export async function findDirectoryEntries(db: Executor, filter: DirectoryFilter) {
  let page = db
    .selectFrom('staff as s')
    .select([
      's.id',
      sql<number>`count(*) over ()`.as('total'),
      sql<number>`row_number() over (order by s.sort_name, s.id)`.as('place'),
    ])
    .where('s.active', '=', true)
    .orderBy(sql`place`)
    .limit(filter.limit)
    .offset(filter.offset);
  for (const term of filter.terms) {
    const pattern = `%${term}%`;
    page = page.where((eb) =>
      eb.or([
        eb('s.search_text', 'like', pattern),
        eb.exists(
          eb
            .selectFrom('staff_units as su')
            .innerJoin('units as u', 'u.id', 'su.unit_id')
            .whereRef('su.staff_id', '=', 's.id')
            .where('u.search_text', 'like', pattern),
        ),
      ]),
    );
  }
  if (filter.unitId) {
    const unitId = filter.unitId;
    page = page.where((eb) =>
      eb.exists(
        eb
          .selectFrom('staff_units as su')
          .whereRef('su.staff_id', '=', 's.id')
          .where('su.unit_id', '=', unitId),
      ),
    );
  }
  if (filter.position) {
    page = page.where(sql<string>`lower(s.position)`, '=', filter.position.toLowerCase());
  }
  if (filter.competence) {
    const competence = filter.competence;
    page = page.where(sql<boolean>`${competence} = any(s.competences)`);
  }
  return db
    .with('page', () => page)
    .selectFrom('page')
    .innerJoin('staff as s', 's.id', 'page.id')
    .select([
      's.id',
      's.given_name',
      's.surname',
      's.position',
      's.phone',
      's.email',
      's.competences',
      sql<Array<{ id: string; name: string; institutionName: string }>>`coalesce((
        select json_agg(json_build_object('id', u.id, 'name', u.name, 'institutionName', i.name)
                        order by su.is_primary desc, u.name)
        from staff_units su join units u on u.id = su.unit_id join institutions i on i.id = u.institution_id
        where su.staff_id = s.id), '[]')`.as('units'),
      'page.total',
    ])
    .orderBy('page.place')
    .execute();
}
export type DirectoryRow = Awaited<ReturnType<typeof findDirectoryEntries>>[number];

/** The positions and competences of active staff, for the directory's filters. */
export async function findDirectoryFacets(db: Executor) {
  const [positions, competences] = await Promise.all([
    db
      .selectFrom('staff')
      .select('position')
      .distinct()
      .where('active', '=', true)
      .orderBy('position')
      .execute(),
    sql<{ competence: string }>`
      select distinct c as competence from staff, unnest(competences) as c
      where active order by c`.execute(db),
  ]);
  return {
    positions: positions.map((row) => row.position),
    competences: competences.rows.map((row) => row.competence),
  };
}
