import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { MATCH_END, MATCH_START, WEAK_MATCH_SHARE } from '../../../domain/knowledge-search';
import type { Executor } from '../../db/database';
import type { ArticleKind } from '../../../domain/knowledge';
import type { ArticleUpdate, DB, NewArticleRow } from '../../db/schema';

const OWNER_COLUMNS = [
  'o.given_name as owner_given_name',
  'o.surname as owner_surname',
  'o.position as owner_position',
  'o.phone as owner_phone',
  'o.email as owner_email',
] as const;

const SUMMARY_COLUMNS = [
  'a.id',
  'a.slug',
  'a.kind',
  'a.language',
  'a.title',
  'a.summary',
  'a.visibility',
  'a.owner_id',
  'a.review_on',
  'a.reviewed_at',
  'a.revision',
  'a.updated_at',
  'a.version',
] as const;

function selectSummaries(db: Executor) {
  return db
    .selectFrom('articles as a')
    .innerJoin('staff as o', 'o.id', 'a.owner_id')
    .select([...SUMMARY_COLUMNS, ...OWNER_COLUMNS]);
}

export type ArticleSummaryRow = Awaited<
  ReturnType<ReturnType<typeof selectSummaries>['executeTakeFirstOrThrow']>
>;

export interface ArticleFilter {
  kind?: ArticleKind | undefined;
  visibility?: 'internal' | 'public' | undefined;
  language?: 'lv' | 'en' | undefined;
  serviceId?: string | undefined;
  ownerId?: string | undefined;
}

/** Settings of ts_headline: two short fragments of the text, matched words between marks. */
const HEADLINE_OPTIONS = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=24, MinWords=10, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * Articles matching a text-search query, best first: the rank of the words (title above summary
 * above text), then the trigram likeness of the title to the words typed; those scoring under a
 * share of the best are left out. The page is chosen
 * before headlines are made, because a headline reads the whole text.
 */
export async function searchArticles(
  db: Executor,
  options: {
    tsQuery: string;
    folded: string;
    filter: ArticleFilter;
    limit: number;
    offset: number;
  },
) {
  const query = sql`to_tsquery('simple', ${options.tsQuery})`;
  const scored = db
    .selectFrom('articles as a')
    .select([
      'a.id',
      sql<number>`ts_rank(a.search_vector, ${query}) + 0.2 * word_similarity(${options.folded}, a.search_text)`.as(
        'score',
      ),
    ])
    .where(matching(options.filter))
    .where(sql<boolean>`a.search_vector @@ ${query}`);
  const ranked = db
    .selectFrom(scored.as('s'))
    .select(['s.id', 's.score', sql<number>`max(s.score) over ()`.as('best')]);
  // Weak matches fall away: a word named once in passing, when another article is about it.
  const page = await db
    .selectFrom(ranked.as('m'))
    .select(['m.id', sql<number>`count(*) over ()`.as('total')])
    .where(sql<boolean>`m.score >= ${WEAK_MATCH_SHARE} * m.best`)
    .orderBy('m.score', 'desc')
    .orderBy('m.id')
    .limit(options.limit)
    .offset(options.offset)
    .execute();
  if (page.length === 0) return [];
  const rows = await selectSummaries(db)
    .select(
      sql<string>`ts_headline('apkalpo_search', a.body_text, ${query}, ${HEADLINE_OPTIONS})`.as(
        'headline',
      ),
    )
    .where(
      'a.id',
      'in',
      page.map((match) => match.id),
    )
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return page.flatMap((match) => {
    const row = byId.get(match.id);
    return row ? [{ ...row, total: Number(match.total) }] : [];
  });
}

/** The list's filters, as one condition on the article `a`. */
function matching(filter: ArticleFilter) {
  return (eb: ExpressionBuilder<DB & { a: DB['articles'] }, 'a'>) => {
    const conditions: Expression<SqlBool>[] = [eb('a.archived_at', 'is', null)];
    if (filter.kind) conditions.push(eb('a.kind', '=', filter.kind));
    if (filter.visibility) conditions.push(eb('a.visibility', '=', filter.visibility));
    if (filter.language) conditions.push(eb('a.language', '=', filter.language));
    if (filter.ownerId) conditions.push(eb('a.owner_id', '=', filter.ownerId));
    if (filter.serviceId)
      conditions.push(
        eb.exists(
          eb
            .selectFrom('article_services as s')
            .select('s.article_id')
            .whereRef('s.article_id', '=', 'a.id')
            .where('s.service_id', '=', filter.serviceId),
        ),
      );
    return eb.and(conditions);
  };
}

/** Articles without a search, most recently changed first. */
export async function findArticles(
  db: Executor,
  options: { filter: ArticleFilter; limit: number; offset: number },
) {
  return selectSummaries(db)
    .select(sql<number>`count(*) over ()`.as('total'))
    .where(matching(options.filter))
    .orderBy('a.updated_at', 'desc')
    .orderBy('a.id')
    .limit(options.limit)
    .offset(options.offset)
    .execute();
}

/** An article with its owner and its last editor's name: what its page shows. */
function selectDetail(db: Executor) {
  return db
    .selectFrom('articles as a')
    .innerJoin('staff as o', 'o.id', 'a.owner_id')
    .leftJoin('staff as u', 'u.id', 'a.updated_by')
    .selectAll('a')
    .select([
      ...OWNER_COLUMNS,
      sql<string | null>`u.given_name || ' ' || u.surname`.as('updated_by_name'),
    ])
    .where('a.archived_at', 'is', null);
}

export async function findArticleById(db: Executor, id: string) {
  return selectDetail(db).where('a.id', '=', id).executeTakeFirst();
}
export type ArticleDetailRow = NonNullable<Awaited<ReturnType<typeof findArticleById>>>;

export async function findPublicArticleBySlug(db: Executor, slug: string) {
  return selectDetail(db)
    .where('a.slug', '=', slug)
    .where('a.visibility', '=', 'public')
    .executeTakeFirst();
}

/** Slugs in use that start with the given one, to make a new one unique. */
export async function findSlugsStartingWith(db: Executor, slug: string): Promise<string[]> {
  const rows = await db
    .selectFrom('articles')
    .select('slug')
    .where('slug', 'like', `${slug.replace(/[%_\\]/g, '\\$&')}%`)
    .execute();
  return rows.map((row) => row.slug);
}

export async function insertArticle(db: Executor, row: NewArticleRow) {
  return db.insertInto('articles').values(row).returning(['id']).executeTakeFirstOrThrow();
}

/** Applies the changes only when the row still has the version the client read. */
export async function updateArticle(
  db: Executor,
  { id, version, changes }: { id: string; version: number; changes: ArticleUpdate },
) {
  return db
    .updateTable('articles')
    .set({ ...changes, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('archived_at', 'is', null)
    .returning(['id'])
    .executeTakeFirst();
}

export async function insertArticleVersion(
  db: Executor,
  row: {
    article_id: string;
    revision: number;
    kind: NewArticleRow['kind'];
    language: NewArticleRow['language'];
    title: string;
    summary: string | null;
    body_html: string;
    body_text: string;
    visibility: NewArticleRow['visibility'];
    note: string | null;
    edited_by: string | null;
    edited_at: Date;
  },
) {
  await db.insertInto('article_versions').values(row).execute();
}

export async function findArticleVersions(db: Executor, articleId: string) {
  return db
    .selectFrom('article_versions as v')
    .leftJoin('staff as e', 'e.id', 'v.edited_by')
    .select([
      'v.revision',
      'v.kind',
      'v.language',
      'v.title',
      'v.summary',
      'v.visibility',
      'v.note',
      'v.edited_at',
      'v.edited_by',
      sql<string | null>`e.given_name || ' ' || e.surname`.as('editor_name'),
    ])
    .where('v.article_id', '=', articleId)
    .orderBy('v.revision', 'desc')
    .execute();
}

export async function findArticleVersion(db: Executor, articleId: string, revision: number) {
  return db
    .selectFrom('article_versions as v')
    .leftJoin('staff as e', 'e.id', 'v.edited_by')
    .selectAll('v')
    .select(sql<string | null>`e.given_name || ' ' || e.surname`.as('editor_name'))
    .where('v.article_id', '=', articleId)
    .where('v.revision', '=', revision)
    .executeTakeFirst();
}
export type ArticleVersionRow = NonNullable<Awaited<ReturnType<typeof findArticleVersion>>>;

export async function replaceArticleServices(
  db: Executor,
  articleId: string,
  serviceIds: readonly string[],
) {
  await db.deleteFrom('article_services').where('article_id', '=', articleId).execute();
  if (serviceIds.length > 0)
    await db
      .insertInto('article_services')
      .values(serviceIds.map((serviceId) => ({ article_id: articleId, service_id: serviceId })))
      .execute();
}

export async function findArticleServiceIds(db: Executor, articleId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('article_services')
    .select('service_id')
    .where('article_id', '=', articleId)
    .execute();
  return rows.map((row) => row.service_id);
}

const FILE_COLUMNS = [
  'f.id',
  'f.article_id',
  'f.filename',
  'f.content_type',
  'f.size',
  'f.uploaded_at',
] as const;

export async function findArticleFiles(db: Executor, articleId: string) {
  return db
    .selectFrom('article_files as f')
    .select(FILE_COLUMNS)
    .where('f.article_id', '=', articleId)
    .orderBy('f.uploaded_at')
    .orderBy('f.id')
    .execute();
}

/** A file's description with its article's visibility, without the content. */
export async function findArticleFile(db: Executor, fileId: string) {
  return db
    .selectFrom('article_files as f')
    .innerJoin('articles as a', 'a.id', 'f.article_id')
    .select([...FILE_COLUMNS, 'a.visibility', 'a.archived_at'])
    .where('f.id', '=', fileId)
    .executeTakeFirst();
}

/**
 * Bytes of a file from `start` (0-based), at most `length` of them. The content is stored out of
 * line uncompressed, so PostgreSQL reads only the chunks that hold them.
 */
export async function readArticleFileBytes(
  db: Executor,
  fileId: string,
  start: number,
  length: number,
): Promise<Buffer | undefined> {
  const row = await db
    .selectFrom('article_files')
    .select(sql<Buffer>`substring(content from ${start + 1} for ${length})`.as('bytes'))
    .where('id', '=', fileId)
    .executeTakeFirst();
  return row?.bytes;
}

export async function insertArticleFile(
  db: Executor,
  row: {
    article_id: string;
    filename: string;
    content_type: string;
    size: number;
    content: Buffer;
    uploaded_by: string | null;
    uploaded_at: Date;
  },
) {
  return db
    .insertInto('article_files')
    .values(row)
    .returning(['id', 'article_id', 'filename', 'content_type', 'size', 'uploaded_at'])
    .executeTakeFirstOrThrow();
}

export async function deleteArticleFile(db: Executor, articleId: string, fileId: string) {
  const result = await db
    .deleteFrom('article_files')
    .where('id', '=', fileId)
    .where('article_id', '=', articleId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
