import { sql, type SqlBool } from 'kysely';
import type { Executor } from '../../db/database';
import type { NewServiceRow, ServiceUpdate, ServicesTable } from '../../db/schema';

/** The request states in which a request still waits for an answer. */
const OPEN_REQUEST_STATES = [
  'new',
  'in_progress',
  'waiting_client',
  'waiting_institution',
] as const;

/** A service with its owner, institution and unit joined: what a list row and a card share. */
function selectServices(db: Executor) {
  return db
    .selectFrom('services as sv')
    .innerJoin('staff as o', 'o.id', 'sv.owner_id')
    .leftJoin('institutions as i', 'i.id', 'sv.institution_id')
    .leftJoin('units as u', 'u.id', 'sv.unit_id')
    .select([
      'sv.id',
      'sv.name',
      'sv.name_en',
      'sv.kind',
      'sv.institution_id',
      'i.name as institution_name',
      'sv.unit_id',
      'u.name as unit_name',
      'sv.competence',
      'sv.e_service_url',
      'sv.owner_id',
      'o.given_name as owner_given_name',
      'o.surname as owner_surname',
      'o.position as owner_position',
      'o.phone as owner_phone',
      'o.email as owner_email',
      'sv.review_on',
      'sv.reviewed_at',
      'sv.active',
      'sv.version',
    ]);
}

export interface ServiceFilter {
  /** The tsquery text of the query words, and the words folded into one line for trigrams. */
  search?: { tsQuery: string; folded: string } | undefined;
  kind?: ServicesTable['kind'] | undefined;
  institutionId?: string | undefined;
  unitId?: string | undefined;
  active: boolean;
  limit: number;
  offset: number;
}

/**
 * Services matching the words as indexed text (diacritics and hyphens ignored), or close enough
 * to the folded text that a typo still finds them; best matches first.
 */
export async function findServices(db: Executor, filter: ServiceFilter) {
  let query = selectServices(db)
    .select(sql<number>`count(*) over ()`.as('total'))
    .where('sv.active', '=', filter.active)
    .limit(filter.limit)
    .offset(filter.offset);
  if (filter.search) {
    const tsQuery = sql`to_tsquery('simple', ${filter.search.tsQuery})`;
    const folded = filter.search.folded;
    query = query
      .where((eb) =>
        eb.or([
          sql<SqlBool>`sv.search_vector @@ ${tsQuery}`,
          sql<SqlBool>`sv.search_text %> ${folded}`,
        ]),
      )
      .orderBy(sql`ts_rank(sv.search_vector, ${tsQuery})`, 'desc');
  }
  query = query.orderBy('sv.name').orderBy('sv.id');
  if (filter.kind) query = query.where('sv.kind', '=', filter.kind);
  if (filter.institutionId) query = query.where('sv.institution_id', '=', filter.institutionId);
  if (filter.unitId) query = query.where('sv.unit_id', '=', filter.unitId);
  return query.execute();
}
export type ServiceListRow = Awaited<ReturnType<typeof findServices>>[number];

/** One service with the whole card. */
export async function findServiceById(db: Executor, id: string) {
  return selectServices(db)
    .select([
      'sv.description',
      'sv.audience',
      'sv.territory',
      'sv.fee',
      'sv.duration',
      'sv.steps',
      'sv.documents',
      'sv.legal_acts',
      'sv.notices',
      'sv.created_at',
      'sv.updated_at',
    ])
    .where('sv.id', '=', id)
    .executeTakeFirst();
}
export type ServiceCardRow = NonNullable<Awaited<ReturnType<typeof findServiceById>>>;

/** The services related to one; relations are stored in both directions, so one side suffices. */
export async function findRelatedServices(db: Executor, id: string) {
  return db
    .selectFrom('service_relations as r')
    .innerJoin('services as sv', 'sv.id', 'r.related_id')
    .select(['sv.id', 'sv.name', 'sv.kind'])
    .where('r.service_id', '=', id)
    .orderBy('sv.name')
    .execute();
}

/**
 * The knowledge-base articles linked to a service. article_services belongs to the articles
 * module; reading the link here (never writing it) saves the card a call per article.
 */
export async function findServiceArticles(db: Executor, id: string) {
  return db
    .selectFrom('article_services as link')
    .innerJoin('articles as a', 'a.id', 'link.article_id')
    .select(['a.id', 'a.title', 'a.kind', 'a.visibility'])
    .where('link.service_id', '=', id)
    .where('a.archived_at', 'is', null)
    .orderBy('a.title')
    .execute();
}

/** How many requests were made for the service, and how many of them are still open. */
export async function countServiceRequests(db: Executor, id: string) {
  const row = await db
    .selectFrom('service_requests')
    .select([
      sql<number>`count(*) filter (where state in (${sql.join(OPEN_REQUEST_STATES)}))`.as('open'),
      sql<number>`count(*)`.as('total'),
    ])
    .where('service_id', '=', id)
    .executeTakeFirstOrThrow();
  return { open: Number(row.open), total: Number(row.total) };
}

export async function findServiceIdByName(db: Executor, name: string) {
  return db
    .selectFrom('services')
    .select('id')
    .where(sql<string>`lower(name)`, '=', name.toLowerCase())
    .executeTakeFirst();
}

/** The given services as other records refer to them. */
export async function findServiceRefs(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('services')
    .select(['id', 'name', 'kind', 'active', 'unit_id', 'institution_id'])
    .where('id', 'in', [...ids])
    .execute();
}

/** Active services related to any of the given ones, leaving the given ones out, by name. */
export async function findSuggestedServices(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('services as sv')
    .select(['sv.id', 'sv.name', 'sv.kind'])
    .where('sv.active', '=', true)
    .where('sv.id', 'not in', [...ids])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('service_relations as r')
          .whereRef('r.related_id', '=', 'sv.id')
          .where('r.service_id', 'in', [...ids]),
      ),
    )
    .orderBy('sv.name')
    .orderBy('sv.id')
    .execute();
}

export async function insertService(db: Executor, row: NewServiceRow): Promise<string> {
  const inserted = await db
    .insertInto('services')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** Applies the changes only when the row still has the version the client read. */
export async function updateService(
  db: Executor,
  { id, version, changes }: { id: string; version: number; changes: ServiceUpdate },
): Promise<boolean> {
  const result = await db
    .updateTable('services')
    .set({ ...changes, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Makes the service related to exactly these, both ways: a relation is mutual. */
export async function replaceRelations(
  db: Executor,
  id: string,
  relatedIds: readonly string[],
): Promise<void> {
  await db
    .deleteFrom('service_relations')
    .where((eb) => eb.or([eb('service_id', '=', id), eb('related_id', '=', id)]))
    .execute();
  if (relatedIds.length === 0) return;
  await db
    .insertInto('service_relations')
    .values(
      relatedIds.flatMap((relatedId) => [
        { service_id: id, related_id: relatedId },
        { service_id: relatedId, related_id: id },
      ]),
    )
    .execute();
}
