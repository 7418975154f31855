import { sql } from 'kysely';
import { MATCH_END, MATCH_START, WEAK_MATCH_SHARE } from '../../../domain/knowledge-search';
import type { Executor } from '../../db/database';

// The read side of the knowledge base: one search box and one review list over both articles
// and service cards. The writes stay with the articles and services modules; these queries only
// read their tables.

const HEADLINE_OPTIONS = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=24, MinWords=10, ShortWord=2, MaxFragments=1`;

/**
 * Active services matching the query (or with a name close to the words typed), best first;
 * those scoring under a share of the best are left out.
 */
export async function searchServiceHits(
  db: Executor,
  options: { tsQuery: string; folded: string; limit: number },
) {
  const query = sql`to_tsquery('simple', ${options.tsQuery})`;
  const result = await sql<{
    id: string;
    name: string;
    kind: 'consultation' | 'application';
    institution_id: string | null;
    institution_name: string | null;
    headline: string;
    total: number;
  }>`
    with scored as (
      select s.id, s.name, ts_rank(s.search_vector, ${query})
               + 0.3 * word_similarity(${options.folded}, s.search_text) as score
      from services s
      where s.active
        and (s.search_vector @@ ${query} or s.search_text %> ${options.folded})
    ), ranked as (
      select id, name, score, max(score) over () as best from scored
    ), matches as (
      -- Weak matches fall away, as in the article search.
      select id, score, count(*) over () as total
      from ranked
      where score >= ${WEAK_MATCH_SHARE} * best
      order by score desc, name, id
      limit ${options.limit}
    )
    select s.id, s.name, s.kind, s.institution_id, i.name as institution_name,
           ts_headline('apkalpo_search', s.description, ${query}, ${HEADLINE_OPTIONS}) as headline,
           m.total
    from matches m
    join services s on s.id = m.id
    left join institutions i on i.id = s.institution_id
    order by m.score desc, s.name, s.id`.execute(db);
  return result.rows.map((row) => ({ ...row, total: Number(row.total) }));
}

export interface ReviewFilter {
  dueBy: string;
  ownerId: string | null;
  limit: number;
  offset: number;
}

/** Articles and services whose review date is on or before the day, the longest overdue first. */
export async function findDueReviews(db: Executor, filter: ReviewFilter) {
  const owner = (column: string) =>
    filter.ownerId === null ? sql`true` : sql`${sql.ref(column)} = ${filter.ownerId}`;
  const result = await sql<{
    type: 'article' | 'service';
    id: string;
    title: string;
    owner_id: string;
    review_on: string;
    checked_at: Date | null;
    version: number;
    owner_given_name: string;
    owner_surname: string;
    owner_position: string;
    owner_phone: string | null;
    owner_email: string;
    total: number;
  }>`
    with due as (
      select 'article' as type, a.id, a.title, a.owner_id, a.review_on,
             greatest(a.reviewed_at, a.updated_at) as checked_at, a.version
      from articles a
      where a.archived_at is null and a.review_on <= ${filter.dueBy} and ${owner('a.owner_id')}
      union all
      select 'service', s.id, s.name, s.owner_id, s.review_on,
             greatest(s.reviewed_at, s.updated_at), s.version
      from services s
      where s.active and s.review_on <= ${filter.dueBy} and ${owner('s.owner_id')}
    )
    select d.*, o.given_name as owner_given_name, o.surname as owner_surname,
           o.position as owner_position, o.phone as owner_phone, o.email as owner_email,
           count(*) over () as total
    from due d
    join staff o on o.id = d.owner_id
    order by d.review_on, d.title, d.id
    limit ${filter.limit} offset ${filter.offset}`.execute(db);
  return result.rows.map((row) => ({ ...row, total: Number(row.total) }));
}
