import type { Kysely } from 'kysely';
import type {
  TCreateNewsBody,
  TListNewsQuery,
  TNewsItem,
  TNewsPage,
  TNewsReaders,
  TUpdateNewsBody,
} from '../../../contracts/news.contracts';
import type { Clock } from '../../adapters/clock';
import type { Executor } from '../../db/database';
import type { DB } from '../../db/schema';
import {
  hasPermission,
  requirePermission,
  type ActionContext,
  type Principal,
} from '../../http/access';
import { forbidden, invalidField, notFound, versionConflict } from '../../http/errors';
import { safeHtml, textOfHtml } from '../../lib/safe-html';
import { rigaDateOf } from '../../../domain/riga-time';
import type { AbsencesService } from '../absences/absences.service';
import type { AuditService } from '../audit/audit.service';
import { offsetOf } from '../paging';
import type { UnitsService } from '../units/units.service';
import { auditViewOf, presentNewsHeadline, presentNewsItem, presentReader } from './news.presenter';
import {
  countReaders,
  findNews,
  findNewsById,
  findNotRead,
  insertNews,
  insertRead,
  insertReadsOfAll,
  isNewsVisible,
  updateNews,
  type NewsItemRow,
  type NewsViewer,
} from './news.repository';

/** The most people listed as not having read an item; the count says how many there are. */
const NOT_READ_SHOWN = 500;

/** Who may publish and manage which items. */
interface Publisher {
  staffId: string | null;
  /** The client service head publishes to everyone. */
  everywhere: boolean;
  /** A unit head publishes to their units and everything below them. */
  reach: ReadonlySet<string>;
}

/** A person sees the items for their units and the units above; a system token sees all. */
const viewerOf = (principal: Principal): NewsViewer => ({
  staffId: principal.staffId,
  unitIds: principal.staffId === null ? null : principal.unitIds,
});

/** The HTML kept of a body, and whether anything is left to read once it is made safe. */
function safeBodyOf(html: string): string {
  const body = safeHtml(html);
  if (textOfHtml(body) === '' && !/<img\b/i.test(body)) throw invalidField('bodyHtml', 'required');
  return body;
}

export function createNewsService(deps: {
  db: Kysely<DB>;
  audit: AuditService;
  clock: Clock;
  units: UnitsService;
  absences: AbsencesService;
}) {
  const { db, audit, clock, units, absences } = deps;

  async function publisherOf(executor: Executor, principal: Principal): Promise<Publisher> {
    const publishes = hasPermission(principal, 'news.publish');
    // news.publish without a role is the operator's system context, which may do everything.
    const everywhere =
      publishes &&
      (principal.roles.includes('client_service_head') || principal.roles.length === 0);
    return {
      staffId: principal.staffId,
      everywhere,
      reach:
        publishes && !everywhere ? await units.subtreeOf(executor, principal.unitIds) : new Set(),
    };
  }

  const mayManage = (publisher: Publisher, row: Pick<NewsItemRow, 'author_id' | 'unit_id'>) =>
    (publisher.staffId !== null && row.author_id === publisher.staffId) ||
    publisher.everywhere ||
    (row.unit_id !== null && publisher.reach.has(row.unit_id));

  /**
   * A unit head follows an important item meant for their units, whoever wrote it: who of their
   * people has read it. Their reach is where they look; the item is one of those they see.
   */
  const mayFollow = (publisher: Publisher, row: Pick<NewsItemRow, 'important'>) =>
    row.important && publisher.reach.size > 0;

  async function load(executor: Executor, id: string, principal: Principal) {
    const row = await findNewsById(executor, id, principal.staffId);
    if (!row) throw notFound();
    const publisher = await publisherOf(executor, principal);
    return { row, item: presentNewsItem(row, mayManage(publisher, row)) };
  }

  /** An item the principal manages; refused with 403 otherwise, 404 when there is none. */
  async function loadManaged(executor: Executor, id: string, principal: Principal) {
    const loaded = await load(executor, id, principal);
    if (!loaded.item.canManage) throw forbidden();
    return loaded;
  }

  return {
    async list(ctx: ActionContext, query: TListNewsQuery): Promise<TNewsPage> {
      const publisher = await publisherOf(db, ctx.principal);
      const rows = await findNews(db, {
        viewer: { ...viewerOf(ctx.principal), managedUnitIds: [...publisher.reach] },
        unreadOnly: query.unread,
        limit: query.pageSize,
        offset: offsetOf(query),
      });
      return {
        items: rows.map((row) =>
          presentNewsItem(
            row,
            mayManage(publisher, row),
            mayManage(publisher, row) || mayFollow(publisher, row),
          ),
        ),
        total: rows[0]?.total ?? 0,
        unread: rows[0]?.unread ?? 0,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    /** The important items meant for the person that they have not read: how many, and the newest. */
    async unreadImportant(ctx: ActionContext, limit: number) {
      const rows = await findNews(db, {
        viewer: viewerOf(ctx.principal),
        unreadOnly: true,
        importantOnly: true,
        limit,
        offset: 0,
      });
      return {
        count: rows[0]?.total ?? 0,
        items: rows.map(presentNewsHeadline),
      };
    },

    async create(ctx: ActionContext, body: TCreateNewsBody): Promise<TNewsItem> {
      requirePermission(ctx.principal, 'news.publish');
      const bodyHtml = safeBodyOf(body.bodyHtml);
      return db.transaction().execute(async (trx) => {
        const unitId = body.unitId ?? null;
        if (unitId !== null && !(await units.existing(trx, [unitId])).has(unitId)) {
          throw invalidField('unitId', 'unknown_reference');
        }
        const publisher = await publisherOf(trx, ctx.principal);
        if (!publisher.everywhere) {
          if (unitId === null) throw invalidField('unitId', 'required');
          if (!publisher.reach.has(unitId)) throw forbidden();
        }
        const now = clock.now();
        const id = await insertNews(trx, {
          title: body.title,
          body_html: bodyHtml,
          body_text: textOfHtml(bodyHtml),
          important: body.important,
          unit_id: unitId,
          author_id: ctx.principal.staffId,
          published_at: now,
          created_at: now,
          updated_at: now,
        });
        // The author has read what they wrote: it is not news to them.
        if (ctx.principal.staffId) {
          await insertRead(trx, { newsId: id, staffId: ctx.principal.staffId, at: now });
        }
        const { item } = await load(trx, id, ctx.principal);
        await audit.record(trx, ctx, {
          action: 'create',
          entityType: 'news',
          entityId: id,
          after: auditViewOf(item),
        });
        return item;
      });
    },

    async update(ctx: ActionContext, id: string, body: TUpdateNewsBody): Promise<TNewsItem> {
      return db.transaction().execute(async (trx) => {
        const { item: before } = await loadManaged(trx, id, ctx.principal);
        if (before.version !== body.version) throw versionConflict();
        const bodyHtml = body.bodyHtml !== undefined ? safeBodyOf(body.bodyHtml) : undefined;
        const updated = await updateNews(trx, {
          id,
          version: body.version,
          changes: {
            title: body.title ?? before.title,
            ...(bodyHtml !== undefined
              ? { body_html: bodyHtml, body_text: textOfHtml(bodyHtml) }
              : {}),
            important: body.important ?? before.important,
            updated_at: clock.now(),
          },
        });
        if (!updated) throw versionConflict();
        const { item: after } = await load(trx, id, ctx.principal);
        await audit.record(trx, ctx, {
          action: 'update',
          entityType: 'news',
          entityId: id,
          before: auditViewOf(before),
          after: auditViewOf(after),
        });
        return after;
      });
    },

    /**
     * Marks an item the person is meant to see as read; marking it again changes nothing. The
     * mark itself records who read what and when, so it is not written to the audit log too.
     */
    async markRead(ctx: ActionContext, id: string): Promise<void> {
      const staffId = ctx.principal.staffId;
      if (staffId === null) throw forbidden();
      if (!(await isNewsVisible(db, id, viewerOf(ctx.principal)))) throw notFound();
      await insertRead(db, { newsId: id, staffId, at: clock.now() });
    },

    async markAllRead(ctx: ActionContext): Promise<void> {
      const staffId = ctx.principal.staffId;
      if (staffId === null) throw forbidden();
      await insertReadsOfAll(db, { viewer: viewerOf(ctx.principal), staffId, at: clock.now() });
    },

    /**
     * Whom the item is meant for, how many have read it, and who has not, marked when away
     * today. Those who manage it see its whole audience; a unit head following an important
     * item sees their units' part of it.
     */
    async readers(ctx: ActionContext, id: string): Promise<TNewsReaders> {
      const { row, item } = await load(db, id, ctx.principal);
      const publisher = await publisherOf(db, ctx.principal);
      let unitIds: string[] | null;
      if (item.canManage)
        unitIds = row.unit_id === null ? null : [...(await units.subtreeOf(db, [row.unit_id]))];
      else if (mayFollow(publisher, row) && (await isNewsVisible(db, id, viewerOf(ctx.principal))))
        // Meant for everyone or for a unit above theirs: its audience in their reach is the reach.
        unitIds = [...publisher.reach];
      else throw forbidden();
      const counts = await countReaders(db, { newsId: id, unitIds });
      const notRead = await findNotRead(db, { newsId: id, unitIds, limit: NOT_READ_SHOWN });
      const away = await absences.awayOn(
        db,
        rigaDateOf(clock.now()),
        notRead.map((person) => person.id),
      );
      return {
        ...counts,
        notRead: notRead.map((person) =>
          presentReader(person, away.get(person.id)?.period.endsOn ?? null),
        ),
      };
    },
  };
}
export type NewsService = ReturnType<typeof createNewsService>;
