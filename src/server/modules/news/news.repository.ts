import { sql, type SqlBool } from 'kysely';
import type { Executor } from '../../db/database';
import type { NewNewsRow, NewsUpdate } from '../../db/schema';

/** Whose feed is read: the person (for read marks) and their units; null units see every item. */
export interface NewsViewer {
  staffId: string | null;
  unitIds: readonly string[] | null;
  /** Units whose items the viewer manages (a unit head's reach): shown to them as well. */
  managedUnitIds?: readonly string[];
}

/**
 * The items meant for the viewer: those for everyone, and those for one of the viewer's units or
 * a unit above one of them. The walk up the tree is a subquery, so that the feed, a read mark and
 * "mark all read" stay one statement each on the indexes of news.
 */
function visibleTo(viewer: NewsViewer) {
  if (viewer.unitIds === null) return sql<SqlBool>`true`;
  // What one wrote, or manages, one sees: a head who posts to a unit below their own, too.
  const own =
    viewer.staffId === null ? sql<SqlBool>`false` : sql<SqlBool>`n.author_id = ${viewer.staffId}`;
  const managed =
    viewer.managedUnitIds && viewer.managedUnitIds.length > 0
      ? sql<SqlBool>`n.unit_id in (${sql.join(viewer.managedUnitIds)})`
      : sql<SqlBool>`false`;
  if (viewer.unitIds.length === 0) return sql<SqlBool>`(n.unit_id is null or ${own} or ${managed})`;
  return sql<SqlBool>`(n.unit_id is null or ${own} or ${managed} or n.unit_id in (
    with recursive above(id, parent_id) as (
      select id, parent_id from units where id in (${sql.join(viewer.unitIds)})
      union
      select u.id, u.parent_id from units u join above on u.id = above.parent_id
    )
    select id from above))`;
}

/** Items with their unit, author and the viewer's read mark. */
function selectNews(db: Executor, staffId: string | null) {
  return db
    .selectFrom('news as n')
    .leftJoin('units as u', 'u.id', 'n.unit_id')
    .leftJoin('staff as a', 'a.id', 'n.author_id')
    .leftJoin('news_reads as r', (join) =>
      join
        .onRef('r.news_id', '=', 'n.id')
        .on(staffId ? sql<SqlBool>`r.staff_id = ${staffId}` : sql<SqlBool>`false`),
    )
    .select([
      'n.id',
      'n.title',
      'n.body_html',
      'n.important',
      'n.unit_id',
      'u.name as unit_name',
      'n.author_id',
      'a.given_name as author_given_name',
      'a.surname as author_surname',
      'a.position as author_position',
      'a.phone as author_phone',
      'a.email as author_email',
      'n.published_at',
      'r.read_at',
      'n.version',
    ]);
}
export type NewsItemRow = Awaited<ReturnType<typeof findNewsById>> & object;

/** The viewer's feed, newest first, with how many items in it they have not read. */
export async function findNews(
  db: Executor,
  filter: {
    viewer: NewsViewer;
    unreadOnly: boolean;
    /** Only the items marked important. */
    importantOnly?: boolean;
    limit: number;
    offset: number;
  },
) {
  let query = selectNews(db, filter.viewer.staffId)
    .select([
      sql<number>`count(*) over ()`.as('total'),
      sql<number>`count(*) filter (where r.read_at is null) over ()`.as('unread'),
    ])
    .where(visibleTo(filter.viewer))
    .orderBy('n.published_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset);
  if (filter.unreadOnly) query = query.where('r.read_at', 'is', null);
  if (filter.importantOnly) query = query.where('n.important', '=', true);
  return query.execute();
}

/** One item, whoever it is meant for (those who manage it need not be its readers). */
export async function findNewsById(db: Executor, id: string, staffId: string | null) {
  return selectNews(db, staffId).where('n.id', '=', id).executeTakeFirst();
}

/** Whether the item exists and is meant for the viewer. */
export async function isNewsVisible(db: Executor, id: string, viewer: NewsViewer) {
  const row = await db
    .selectFrom('news as n')
    .select('n.id')
    .where('n.id', '=', id)
    .where(visibleTo(viewer))
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertNews(db: Executor, row: NewNewsRow): Promise<string> {
  const inserted = await db
    .insertInto('news')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** Applies the changes only when the row still has the version the client read. */
export async function updateNews(
  db: Executor,
  { id, version, changes }: { id: string; version: number; changes: NewsUpdate },
): Promise<boolean> {
  const result = await db
    .updateTable('news')
    .set({ ...changes, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Marks the item read by the person; the first mark stands. */
export async function insertRead(
  db: Executor,
  read: { newsId: string; staffId: string; at: Date },
): Promise<void> {
  await db
    .insertInto('news_reads')
    .values({ news_id: read.newsId, staff_id: read.staffId, read_at: read.at })
    .onConflict((conflict) => conflict.doNothing())
    .execute();
}

/** Marks every item meant for the person read, in one statement. */
export async function insertReadsOfAll(
  db: Executor,
  { viewer, staffId, at }: { viewer: NewsViewer; staffId: string; at: Date },
): Promise<void> {
  await db
    .insertInto('news_reads')
    .columns(['news_id', 'staff_id', 'read_at'])
    .expression(
      db
        .selectFrom('news as n')
        .select([
          'n.id',
          sql<string>`${staffId}::uuid`.as('staff_id'),
          sql<Date>`${at}::timestamptz`.as('read_at'),
        ])
        .where(visibleTo(viewer)),
    )
    .onConflict((conflict) => conflict.doNothing())
    .execute();
}

/** Active staff of the units (everyone active for null): whom an item is meant for. */
function audienceOf(db: Executor, unitIds: readonly string[] | null) {
  let query = db.selectFrom('staff as s').where('s.active', '=', true);
  if (unitIds !== null) {
    const ids = [...unitIds];
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('staff_units as su')
          .select('su.staff_id')
          .whereRef('su.staff_id', '=', 's.id')
          .where('su.unit_id', 'in', ids),
      ),
    );
  }
  return query;
}

/** How many people an item is meant for, and how many of them have read it. */
export async function countReaders(
  db: Executor,
  { newsId, unitIds }: { newsId: string; unitIds: readonly string[] | null },
) {
  const row = await audienceOf(db, unitIds)
    .leftJoin('news_reads as r', (join) =>
      join.onRef('r.staff_id', '=', 's.id').on('r.news_id', '=', newsId),
    )
    .select([sql<number>`count(*)`.as('audience'), sql<number>`count(r.staff_id)`.as('read')])
    .executeTakeFirstOrThrow();
  return { audience: Number(row.audience), read: Number(row.read) };
}

/** Those an item is meant for who have not read it, by surname. */
export async function findNotRead(
  db: Executor,
  { newsId, unitIds, limit }: { newsId: string; unitIds: readonly string[] | null; limit: number },
) {
  return audienceOf(db, unitIds)
    .select(['s.id', 's.given_name', 's.surname', 's.position', 's.phone', 's.email'])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('news_reads as r')
            .select('r.staff_id')
            .whereRef('r.staff_id', '=', 's.id')
            .where('r.news_id', '=', newsId),
        ),
      ),
    )
    .orderBy('s.sort_name')
    .orderBy('s.id')
    .limit(limit)
    .execute();
}
