import { Readable } from 'node:stream';
import { diffWords } from 'diff';
import type { Kysely } from 'kysely';
import { knowledgeAbilitiesOf } from '../../../domain/knowledge';
import { queryWordsOf, slugOf, tsQueryOf, uniqueSlug } from '../../../domain/knowledge-search';
import { displayDate, rigaDateOf } from '../../../domain/riga-time';
import { foldForSearch, searchTextOf } from '../../../domain/search-text';
import type {
  TArticle,
  TArticleFile,
  TArticlePage,
  TCreateArticleBody,
  TDiffPart,
  TListArticlesQuery,
  TUpdateArticleBody,
  TVersionComparison,
} from '../../../contracts/articles.contracts';
import type { Clock } from '../../adapters/clock';
import type { Executor } from '../../db/database';
import type { DB } from '../../db/schema';
import { hasPermission, type ActionContext } from '../../http/access';
import { AppError, invalidField, notFound, versionConflict } from '../../http/errors';
import type { ByteRange } from '../../http/download';
import { renderPdf } from '../../lib/pdf';
import { safeHtml, textOfHtml } from '../../lib/safe-html';
import type { AuditService } from '../audit/audit.service';
import { offsetOf } from '../paging';
import type { SearchWordsService } from '../search-words/search-words.service';
import type { CatalogueService } from '../catalogue/catalogue.service';
import type { StaffService } from '../staff/staff.service';
import {
  presentArticle,
  presentArticleFile,
  presentArticleFor,
  presentArticleHit,
  presentArticleVersion,
  type ArticleRecord,
} from './articles.presenter';
import {
  deleteArticleFile,
  findArticleById,
  findArticleFile,
  findArticleFiles,
  findArticles,
  findArticleServiceIds,
  findArticleVersion,
  findArticleVersions,
  findPublicArticleBySlug,
  findSlugsStartingWith,
  insertArticle,
  insertArticleFile,
  insertArticleVersion,
  readArticleFileBytes,
  replaceArticleServices,
  searchArticles,
  updateArticle,
  type ArticleDetailRow,
  type ArticleFilter,
} from './articles.repository';

/** Training recordings are the largest files: a 100 MB limit holds an hour of screen video. */
export const MAX_ARTICLE_FILE_BYTES = 100 * 1024 * 1024;
/** A file is read in pieces no larger than this, so a video streams and memory stays small. */
const MAX_RANGE_BYTES = 4 * 1024 * 1024;
/** An image larger than this is left out of a PDF (shown by its alternative text). */
const MAX_PDF_IMAGE_BYTES = 10 * 1024 * 1024;
/** The address of an article's own file, as the editor inserts it. */
const OWN_FILE = /^\/api\/v1\/articles\/[0-9a-f-]{36}\/files\/([0-9a-f-]{36})$/;

type ArticleContent = Pick<
  ArticleDetailRow,
  'kind' | 'language' | 'title' | 'summary' | 'body_html' | 'visibility'
>;

export function createArticlesService(deps: {
  db: Kysely<DB>;
  audit: AuditService;
  clock: Clock;
  staff: StaffService;
  catalogue: CatalogueService;
  searchWords: SearchWordsService;
}) {
  const { db, audit, clock, staff, catalogue, searchWords } = deps;
  const today = () => rigaDateOf(clock.now());

  function assertMayEdit(ctx: ActionContext, ownerId: string | null) {
    if (!knowledgeAbilitiesOf(ctx.principal, { ownerId }).edit) throw new AppError('forbidden');
  }

  async function assertOwner(executor: Executor, ownerId: string) {
    const owner = (await staff.contactsOf(executor, [ownerId])).get(ownerId);
    if (!owner?.active) throw invalidField('ownerId', 'unknown_reference');
  }

  async function assertServices(executor: Executor, serviceIds: readonly string[]) {
    const unique = [...new Set(serviceIds)];
    if (unique.length !== serviceIds.length) throw invalidField('serviceIds', 'duplicate_item');
    const found = await catalogue.refsOf(executor, unique);
    if (unique.some((id) => !found.has(id))) throw invalidField('serviceIds', 'unknown_reference');
  }

  function cleanBody(html: string) {
    const bodyHtml = safeHtml(html);
    const bodyText = textOfHtml(bodyHtml);
    if (bodyText === '' && !bodyHtml.includes('<img')) throw invalidField('bodyHtml', 'required');
    return { bodyHtml, bodyText };
  }

  async function load(executor: Executor, id: string): Promise<ArticleRecord> {
    const row = await findArticleById(executor, id);
    if (!row) throw notFound();
    const [serviceIds, files] = [
      await findArticleServiceIds(executor, id),
      await findArticleFiles(executor, id),
    ];
    const refs = await catalogue.refsOf(executor, serviceIds);
    return presentArticle(row, {
      today: today(),
      services: serviceIds.flatMap((serviceId) => {
        const ref = refs.get(serviceId);
        return ref ? [{ id: ref.id, name: ref.name }] : [];
      }),
      files: files.map(presentArticleFile),
    });
  }

  async function saveVersion(
    trx: Executor,
    ctx: ActionContext,
    articleId: string,
    revision: number,
    content: ArticleContent & { body_text: string },
    note: string | null,
  ) {
    await insertArticleVersion(trx, {
      article_id: articleId,
      revision,
      kind: content.kind,
      language: content.language,
      title: content.title,
      summary: content.summary,
      body_html: content.body_html,
      body_text: content.body_text,
      visibility: content.visibility,
      note,
      edited_by: ctx.principal.staffId,
      edited_at: clock.now(),
    });
  }

  async function versionOf(executor: Executor, id: string, revision: number) {
    const version = await findArticleVersion(executor, id, revision);
    if (!version) throw notFound();
    return version;
  }

  async function page(
    query: TListArticlesQuery,
    known?: { words: string[]; alternatives: Map<string, string[]> },
  ): Promise<TArticlePage> {
    const filter: ArticleFilter = {
      kind: query.kind,
      visibility: query.visibility,
      language: query.language,
      serviceId: query.serviceId,
      ownerId: query.ownerId,
    };
    const words = known?.words ?? queryWordsOf(query.q ?? '');
    const limits = { limit: query.pageSize, offset: offsetOf(query) };
    const rows =
      words.length === 0
        ? await findArticles(db, { filter, ...limits })
        : await searchArticles(db, {
            tsQuery:
              tsQueryOf(
                words,
                known?.alternatives ?? (await searchWords.alternativesFor(db, words)),
              ) ?? '',
            folded: foldForSearch(query.q ?? ''),
            filter,
            ...limits,
          });
    const date = today();
    return {
      items: rows.map((row) => presentArticleHit(row, date)),
      total: rows[0]?.total ?? 0,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  const service = {
    /** Articles, ranked by the words searched for when there are some. */
    list(_ctx: ActionContext, query: TListArticlesQuery): Promise<TArticlePage> {
      return page(query);
    },

    /** The best matches for words already folded, with their typo stand-ins (one search box). */
    hits(
      query: string,
      known: { words: string[]; alternatives: Map<string, string[]> },
      limit: number,
    ): Promise<TArticlePage> {
      return page({ q: query, page: 1, pageSize: limit }, known);
    },

    async get(ctx: ActionContext, id: string): Promise<TArticle> {
      return presentArticleFor(ctx.principal, await load(db, id));
    },

    async create(ctx: ActionContext, body: TCreateArticleBody): Promise<TArticle> {
      if (!hasPermission(ctx.principal, 'knowledge.edit')) throw new AppError('forbidden');
      const { bodyHtml, bodyText } = cleanBody(body.bodyHtml);
      return db.transaction().execute(async (trx) => {
        await assertOwner(trx, body.ownerId);
        await assertServices(trx, body.serviceIds);
        const slug = slugOf(body.title);
        const taken = new Set(await findSlugsStartingWith(trx, slug));
        const now = clock.now();
        const content = {
          kind: body.kind,
          language: body.language,
          title: body.title,
          summary: body.summary ?? null,
          body_html: bodyHtml,
          body_text: bodyText,
          visibility: body.visibility,
        };
        const { id } = await insertArticle(trx, {
          ...content,
          slug: uniqueSlug(slug, taken),
          owner_id: body.ownerId,
          review_on: body.reviewOn,
          revision: 1,
          search_text: searchTextOf([body.title, body.summary]),
          created_by: ctx.principal.staffId,
          created_at: now,
          updated_by: ctx.principal.staffId,
          updated_at: now,
        });
        await saveVersion(trx, ctx, id, 1, content, body.note ?? null);
        await replaceArticleServices(trx, id, body.serviceIds);
        await searchWords.learn(trx, 'articles', [id]);
        const created = await load(trx, id);
        await audit.record(trx, ctx, {
          action: 'create',
          entityType: 'article',
          entityId: id,
          after: { ...created, bodyHtml: undefined },
        });
        return presentArticleFor(ctx.principal, created);
      });
    },

    /** Every save is a new version of the text, kept whole. */
    async update(ctx: ActionContext, id: string, body: TUpdateArticleBody): Promise<TArticle> {
      const cleaned = body.bodyHtml !== undefined ? cleanBody(body.bodyHtml) : null;
      return db.transaction().execute(async (trx) => {
        const current = await findArticleById(trx, id);
        if (!current) throw notFound();
        assertMayEdit(ctx, current.owner_id);
        if (current.version !== body.version) throw versionConflict();
        // Making an article public puts it on the internet: an editor's decision, not an owner's.
        if (
          body.visibility !== undefined &&
          body.visibility !== current.visibility &&
          !hasPermission(ctx.principal, 'knowledge.edit')
        )
          throw invalidField('visibility', 'visibility_needs_editor');
        if (body.ownerId !== undefined && body.ownerId !== current.owner_id)
          await assertOwner(trx, body.ownerId);
        if (body.serviceIds !== undefined) await assertServices(trx, body.serviceIds);
        const before = await load(trx, id);
        const content = {
          kind: body.kind ?? current.kind,
          language: body.language ?? current.language,
          title: body.title ?? current.title,
          summary: body.summary !== undefined ? body.summary : current.summary,
          body_html: cleaned?.bodyHtml ?? current.body_html,
          body_text: cleaned?.bodyText ?? current.body_text,
          visibility: body.visibility ?? current.visibility,
        };
        const revision = current.revision + 1;
        const updated = await updateArticle(trx, {
          id,
          version: body.version,
          changes: {
            ...content,
            owner_id: body.ownerId ?? current.owner_id,
            review_on: body.reviewOn ?? current.review_on,
            revision,
            search_text: searchTextOf([content.title, content.summary]),
            updated_by: ctx.principal.staffId,
            updated_at: clock.now(),
          },
        });
        if (!updated) throw versionConflict();
        await saveVersion(trx, ctx, id, revision, content, body.note ?? null);
        if (body.serviceIds !== undefined) await replaceArticleServices(trx, id, body.serviceIds);
        await searchWords.learn(trx, 'articles', [id]);
        const after = await load(trx, id);
        await audit.record(trx, ctx, {
          action: 'update',
          entityType: 'article',
          entityId: id,
          before: { ...before, bodyHtml: undefined },
          after: { ...after, bodyHtml: undefined, revision },
        });
        return presentArticleFor(ctx.principal, after);
      });
    },

    /** Makes an old version the text again, as a new version (history is never rewritten). */
    async restore(
      ctx: ActionContext,
      id: string,
      body: { revision: number; version: number },
    ): Promise<TArticle> {
      const old = await findArticleVersion(db, id, body.revision);
      if (!old) throw invalidField('revision', 'unknown_reference');
      return service.update(ctx, id, {
        kind: old.kind,
        language: old.language,
        title: old.title,
        summary: old.summary,
        bodyHtml: old.body_html,
        visibility: old.visibility,
        note: `↩ ${old.revision}`,
        version: body.version,
      });
    },

    async versions(_ctx: ActionContext, id: string) {
      if (!(await findArticleById(db, id))) throw notFound();
      const rows = await findArticleVersions(db, id);
      return { items: rows.map(presentArticleVersion) };
    },

    async version(_ctx: ActionContext, id: string, revision: number) {
      if (!(await findArticleById(db, id))) throw notFound();
      const row = await versionOf(db, id, revision);
      return { ...presentArticleVersion(row), bodyHtml: row.body_html };
    },

    /** What changed between two versions, word by word, in the title, summary and text. */
    async compare(
      _ctx: ActionContext,
      id: string,
      query: { from: number; to: number },
    ): Promise<TVersionComparison> {
      if (!(await findArticleById(db, id))) throw notFound();
      const from = await findArticleVersion(db, id, query.from);
      if (!from) throw invalidField('from', 'unknown_reference', {}, 'query');
      const to = await findArticleVersion(db, id, query.to);
      if (!to) throw invalidField('to', 'unknown_reference', {}, 'query');
      return {
        from: presentArticleVersion(from),
        to: presentArticleVersion(to),
        title: differences(from.title, to.title),
        summary: differences(from.summary ?? '', to.summary ?? ''),
        body: differences(from.body_text, to.body_text),
      };
    },

    /** The owner or an editor checked the article: true as of now, next check on the date. */
    async markReviewed(
      ctx: ActionContext,
      id: string,
      body: { nextReviewOn: string; version: number },
    ): Promise<TArticle> {
      return db.transaction().execute(async (trx) => {
        const current = await findArticleById(trx, id);
        if (!current) throw notFound();
        assertMayEdit(ctx, current.owner_id);
        if (body.nextReviewOn <= today()) throw invalidField('nextReviewOn', 'date_not_future');
        const now = clock.now();
        const updated = await updateArticle(trx, {
          id,
          version: body.version,
          changes: {
            reviewed_at: now,
            reviewed_by: ctx.principal.staffId,
            review_on: body.nextReviewOn,
          },
        });
        if (!updated) throw versionConflict();
        await audit.record(trx, ctx, {
          action: 'review',
          entityType: 'article',
          entityId: id,
          before: { reviewOn: current.review_on },
          after: { reviewOn: body.nextReviewOn, reviewedAt: now.toISOString() },
        });
        return presentArticleFor(ctx.principal, await load(trx, id));
      });
    },

    /**
     * Takes an article out of the knowledge base (editors): it leaves lists, search and the public
     * pages; its versions stay for the record.
     */
    async archive(ctx: ActionContext, id: string, version: number): Promise<void> {
      if (!hasPermission(ctx.principal, 'knowledge.edit')) throw new AppError('forbidden');
      await db.transaction().execute(async (trx) => {
        const before = await load(trx, id);
        if (before.version !== version) throw versionConflict();
        const archived = await updateArticle(trx, {
          id,
          version,
          changes: { archived_at: clock.now(), updated_by: ctx.principal.staffId },
        });
        if (!archived) throw versionConflict();
        await audit.record(trx, ctx, {
          action: 'delete',
          entityType: 'article',
          entityId: id,
          before: { ...before, bodyHtml: undefined },
        });
      });
    },

    /** Refused before a file is read, so a stranger's upload is not buffered. */
    async assertMayAddFiles(ctx: ActionContext, id: string): Promise<void> {
      const row = await findArticleById(db, id);
      if (!row) throw notFound();
      assertMayEdit(ctx, row.owner_id);
    },

    async addFile(
      ctx: ActionContext,
      id: string,
      file: { filename: string; contentType: string; content: Buffer },
    ): Promise<TArticleFile> {
      if (file.content.length > MAX_ARTICLE_FILE_BYTES) throw new AppError('payload_too_large');
      if (file.content.length === 0) throw new AppError('validation', 'attachment_missing');
      return db.transaction().execute(async (trx) => {
        const row = await findArticleById(trx, id);
        if (!row) throw notFound();
        assertMayEdit(ctx, row.owner_id);
        const created = await insertArticleFile(trx, {
          article_id: id,
          filename: file.filename.slice(0, 255),
          content_type: file.contentType,
          size: file.content.length,
          content: file.content,
          uploaded_by: ctx.principal.staffId,
          uploaded_at: clock.now(),
        });
        const presented = presentArticleFile(created);
        await audit.record(trx, ctx, {
          action: 'attach',
          entityType: 'article',
          entityId: id,
          after: presented,
        });
        return presented;
      });
    },

    async removeFile(ctx: ActionContext, id: string, fileId: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const row = await findArticleById(trx, id);
        if (!row) throw notFound();
        assertMayEdit(ctx, row.owner_id);
        const file = await findArticleFile(trx, fileId);
        if (!file || file.article_id !== id) throw notFound();
        await deleteArticleFile(trx, id, fileId);
        await audit.record(trx, ctx, {
          action: 'detach',
          entityType: 'article',
          entityId: id,
          before: presentArticleFile(file),
        });
      });
    },

    /**
     * A file of an article, whole or the byte range asked for. Files of public articles are
     * served to anyone (their images show on the public pages); others only to staff.
     */
    async file(
      principal: { signedIn: boolean },
      id: string,
      fileId: string,
      /** The part asked for, given the file's size; null for all of it. */
      rangeFor: (size: number) => ByteRange | null,
    ) {
      const file = await findArticleFile(db, fileId);
      if (!file || file.article_id !== id || file.archived_at !== null) throw notFound();
      if (!principal.signedIn && file.visibility !== 'public') throw notFound();
      const last = file.size - 1;
      const range = rangeFor(file.size);
      if (range === null)
        return {
          ...file,
          content: wholeFile(fileId, file.size),
          start: 0,
          end: last,
          partial: false,
        };
      if (range.start > last) return { ...file, content: null, start: 0, end: last, partial: true };
      const end = Math.min(range.end ?? last, last, range.start + MAX_RANGE_BYTES - 1);
      const content = await readArticleFileBytes(db, fileId, range.start, end - range.start + 1);
      if (!content) throw notFound();
      return { ...file, content, start: range.start, end, partial: true };
    },

    /** The article laid out as a PDF, for printing or sending to a resident. */
    async pdf(_ctx: ActionContext, id: string) {
      const row = await findArticleById(db, id);
      if (!row) throw notFound();
      return { filename: `${row.slug}.pdf`, content: await pdfOf(db, row) };
    },

    /** PDFs of the given articles, for a letter to a client (read outside any transaction). */
    async pdfsFor(ids: readonly string[], options: { publicOnly: boolean }) {
      const files: { articleId: string; title: string; filename: string; content: Buffer }[] = [];
      const rows = [];
      for (const id of ids) {
        const row = await findArticleById(db, id);
        if (!row) throw invalidField('pdfArticleIds', 'unknown_reference');
        rows.push(row);
      }
      // A resident is sent only what the public may read; all are checked before any is laid out.
      const internal = rows.findIndex((row) => row.visibility !== 'public');
      if (options.publicOnly && internal >= 0)
        throw invalidField(`pdfArticleIds.${internal}`, 'article_internal');
      for (const row of rows) {
        files.push({
          articleId: row.id,
          title: row.title,
          filename: `${row.slug}.pdf`,
          content: await pdfOf(db, row),
        });
      }
      return files;
    },

    /** A public article for the public page; internal and unknown ones alike are not found. */
    async publicArticle(slug: string) {
      const row = await findPublicArticleBySlug(db, slug);
      if (!row) throw notFound();
      const files = await findArticleFiles(db, row.id);
      return { row, files: files.map(presentArticleFile), today: today() };
    },

    /** Public articles for the public index, ranked by the words searched for. */
    publicList(query: { q?: string; language?: 'lv' | 'en'; page: number; pageSize: number }) {
      return page({ ...query, visibility: 'public' });
    },

    /** A public article's PDF, for the public page's download link. */
    async publicPdf(slug: string) {
      const row = await findPublicArticleBySlug(db, slug);
      if (!row) throw notFound();
      return { filename: `${row.slug}.pdf`, content: await pdfOf(db, row) };
    },
  };
  return service;

  /**
   * A whole file, read in pieces as it is sent: memory stays small, and PGlite's one connection is
   * free between pieces for other requests.
   */
  function wholeFile(fileId: string, size: number): Readable {
    return Readable.from(
      (async function* () {
        for (let start = 0; start < size; start += MAX_RANGE_BYTES) {
          const piece = await readArticleFileBytes(db, fileId, start, MAX_RANGE_BYTES);
          if (!piece) throw notFound();
          yield piece;
        }
      })(),
    );
  }

  async function pdfOf(executor: Executor, row: ArticleDetailRow): Promise<Buffer> {
    const checked = rigaDateOf(
      row.reviewed_at && row.reviewed_at > row.updated_at ? row.reviewed_at : row.updated_at,
    );
    const prefix = `/api/v1/articles/${row.id}/files/`;
    return renderPdf({
      title: row.title,
      summary: row.summary,
      html: row.body_html,
      language: row.language,
      byline:
        row.language === 'lv'
          ? `Pārbaudīts ${displayDate(checked)}`
          : `Checked ${displayDate(checked)}`,
      imageFor: async (src) => {
        if (src.startsWith('data:')) {
          const base64 = src.split(',', 2)[1];
          return base64 ? Buffer.from(base64, 'base64') : null;
        }
        const fileId = OWN_FILE.exec(src)?.[1];
        if (fileId === undefined || !src.startsWith(prefix)) return null;
        const file = await findArticleFile(executor, fileId);
        if (!file || file.article_id !== row.id || file.size > MAX_PDF_IMAGE_BYTES) return null;
        return (await readArticleFileBytes(executor, fileId, 0, file.size)) ?? null;
      },
    });
  }
}
export type ArticlesService = ReturnType<typeof createArticlesService>;

function differences(before: string, after: string): TDiffPart[] {
  return diffWords(before, after).map((part) => ({
    op: part.added ? 'added' : part.removed ? 'removed' : 'same',
    text: part.value,
  }));
}
