import type { Kysely } from 'kysely';
import { knowledgeAbilitiesOf } from '../../../domain/knowledge';
import { queryWordsOf, tsQueryOf } from '../../../domain/knowledge-search';
import { rigaDateOf } from '../../../domain/riga-time';
import { foldForSearch, searchTextOf } from '../../../domain/search-text';
import type {
  TCreateServiceBody,
  TListServicesQuery,
  TMarkReviewedBody,
  TService,
  TServicePage,
  TSuggestedService,
  TUpdateServiceBody,
} from '../../../contracts/catalogue.contracts';
import type { Clock } from '../../adapters/clock';
import type { Executor } from '../../db/database';
import type { DB, ServicesTable } from '../../db/schema';
import { requirePermission, type ActionContext } from '../../http/access';
import { forbidden, invalidField, notFound, versionConflict } from '../../http/errors';
import type { AuditService } from '../audit/audit.service';
import type { DirectoryService } from '../directory/directory.service';
import type { InstitutionsService } from '../institutions/institutions.service';
import { offsetOf, pageFrom } from '../paging';
import type { SearchWordsService } from '../search-words/search-words.service';
import type { StaffService } from '../staff/staff.service';
import type { UnitsService } from '../units/units.service';
import {
  presentService,
  presentServiceCard,
  presentServiceSummary,
  type ServiceCard,
} from './catalogue.presenter';
import {
  countServiceRequests,
  findRelatedServices,
  findServiceArticles,
  findServiceById,
  findServiceIdByName,
  findServiceRefs,
  findServices,
  findSuggestedServices,
  insertService,
  replaceRelations,
  updateService,
} from './catalogue.repository';

/** A service as requests and contacts refer to it. */
export interface ServiceRef {
  id: string;
  name: string;
  kind: ServicesTable['kind'];
  active: boolean;
  unitId: string | null;
  institutionId: string | null;
}

/** What a saved card refers to: checked before it is written. */
interface References {
  name: string;
  institutionId: string | null;
  unitId: string | null;
  ownerId: string;
  relatedIds: readonly string[];
}

/** Documents and legal acts as stored: a missing link is null. */
const linksJson = (items: ReadonlyArray<{ title: string; url?: string | null }>) =>
  JSON.stringify(items.map((item) => ({ title: item.title, url: item.url ?? null })));

/** How many people the card lists as handling the service; a directory page, not all of them. */
const SPECIALISTS_SHOWN = 50;

export function createCatalogueService(deps: {
  db: Kysely<DB>;
  audit: AuditService;
  clock: Clock;
  institutions: InstitutionsService;
  units: UnitsService;
  staff: StaffService;
  directory: DirectoryService;
  searchWords: SearchWordsService;
}) {
  const { db, audit, clock, institutions, units, staff, directory, searchWords } = deps;

  const today = () => rigaDateOf(clock.now());

  async function loadCard(executor: Executor, id: string): Promise<ServiceCard> {
    const row = await findServiceById(executor, id);
    if (!row) throw notFound();
    return presentServiceCard(row, await findRelatedServices(executor, id), today());
  }

  function assertMayEdit(ctx: ActionContext, ownerId: string) {
    if (!knowledgeAbilitiesOf(ctx.principal, { ownerId }).edit) throw forbidden();
  }

  async function assertValid(trx: Executor, card: References, id?: string) {
    const sameName = await findServiceIdByName(trx, card.name);
    if (sameName && sameName.id !== id) throw invalidField('name', 'name_taken');
    if (card.institutionId && !(await institutions.exists(trx, card.institutionId))) {
      throw invalidField('institutionId', 'unknown_reference');
    }
    if (card.unitId && !(await units.existing(trx, [card.unitId])).has(card.unitId)) {
      throw invalidField('unitId', 'unknown_reference');
    }
    const owner = (await staff.contactsOf(trx, [card.ownerId])).get(card.ownerId);
    if (!owner) throw invalidField('ownerId', 'unknown_reference');
    if (!owner.active) throw invalidField('ownerId', 'person_inactive');
    if (id && card.relatedIds.includes(id)) throw invalidField('relatedIds', 'related_to_itself');
    const known = new Set((await findServiceRefs(trx, card.relatedIds)).map((ref) => ref.id));
    const unknownIndex = card.relatedIds.findIndex((relatedId) => !known.has(relatedId));
    if (unknownIndex >= 0) throw invalidField(`relatedIds.${unknownIndex}`, 'unknown_reference');
  }

  async function get(ctx: ActionContext, id: string): Promise<TService> {
    const card = await loadCard(db, id);
    const [specialists, articles, requestCounts] = await Promise.all([
      card.competence
        ? directory.search(ctx, {
            competence: card.competence,
            page: 1,
            pageSize: SPECIALISTS_SHOWN,
          })
        : null,
      findServiceArticles(db, id),
      countServiceRequests(db, id),
    ]);
    return presentService(
      card,
      { specialists: specialists?.items ?? [], articles, requestCounts },
      ctx.principal,
    );
  }

  return {
    async list(_ctx: ActionContext, query: TListServicesQuery): Promise<TServicePage> {
      // The same query as the one search box, typo stand-ins included, so both find the same.
      const words = queryWordsOf(query.q ?? '');
      const tsQuery =
        words.length > 0 ? tsQueryOf(words, await searchWords.alternativesFor(db, words)) : null;
      const rows = await findServices(db, {
        search: tsQuery ? { tsQuery, folded: foldForSearch(query.q ?? '') } : undefined,
        kind: query.kind,
        institutionId: query.institutionId,
        unitId: query.unitId,
        active: query.active,
        limit: query.pageSize,
        offset: offsetOf(query),
      });
      const date = today();
      return pageFrom(rows, query, (row) => presentServiceSummary(row, date));
    },

    get,

    /** Active services related to those the client asked for, to offer them too. */
    async suggestions(
      _ctx: ActionContext,
      ids: readonly string[],
    ): Promise<{ items: TSuggestedService[] }> {
      return { items: await findSuggestedServices(db, ids) };
    },

    /** The same suggestions, read through the caller's executor (e.g. inside its transaction). */
    suggestionsFor(executor: Executor, ids: readonly string[]): Promise<TSuggestedService[]> {
      return findSuggestedServices(executor, ids);
    },

    /** The given services that exist, by id, for other modules that refer to them. */
    async refsOf(executor: Executor, ids: readonly string[]): Promise<Map<string, ServiceRef>> {
      const rows = await findServiceRefs(executor, [...new Set(ids)]);
      return new Map(
        rows.map((row) => [
          row.id,
          {
            id: row.id,
            name: row.name,
            kind: row.kind,
            active: row.active,
            unitId: row.unit_id,
            institutionId: row.institution_id,
          },
        ]),
      );
    },

    async create(ctx: ActionContext, body: TCreateServiceBody): Promise<TService> {
      requirePermission(ctx.principal, 'knowledge.edit');
      const id = await db.transaction().execute(async (trx) => {
        const relatedIds = [...new Set(body.relatedIds)];
        const values = {
          name: body.name,
          name_en: body.nameEn ?? null,
          competence: body.competence ?? null,
          institution_id: body.institutionId ?? null,
          unit_id: body.unitId ?? null,
          owner_id: body.ownerId,
        };
        await assertValid(trx, {
          name: values.name,
          institutionId: values.institution_id,
          unitId: values.unit_id,
          ownerId: values.owner_id,
          relatedIds,
        });
        const now = clock.now();
        const id = await insertService(trx, {
          ...values,
          kind: body.kind,
          description: body.description,
          audience: body.audience ?? null,
          territory: body.territory ?? null,
          fee: body.fee ?? null,
          duration: body.duration ?? null,
          steps: body.steps,
          documents: linksJson(body.documents),
          legal_acts: linksJson(body.legalActs),
          notices: body.notices ?? null,
          e_service_url: body.eServiceUrl ?? null,
          review_on: body.reviewOn,
          active: body.active ?? true,
          search_text: searchTextOf([values.name, values.name_en, values.competence]),
          created_at: now,
          updated_at: now,
        });
        await replaceRelations(trx, id, relatedIds);
        // Its words become stand-ins for mistyped ones in the knowledge search.
        await searchWords.learn(trx, 'services', [id]);
        const created = await loadCard(trx, id);
        await audit.record(trx, ctx, {
          action: 'create',
          entityType: 'service',
          entityId: id,
          after: created,
        });
        return id;
      });
      // The specialists come from the directory, which reads outside the transaction.
      return get(ctx, id);
    },

    async update(ctx: ActionContext, id: string, body: TUpdateServiceBody): Promise<TService> {
      await db.transaction().execute(async (trx) => {
        const before = await loadCard(trx, id);
        assertMayEdit(ctx, before.owner.id);
        if (before.version !== body.version) throw versionConflict();
        const pick = <T>(given: T | undefined, current: T): T =>
          given !== undefined ? given : current;
        const merged = {
          name: body.name ?? before.name,
          nameEn: pick(body.nameEn, before.nameEn),
          competence: pick(body.competence, before.competence),
          institutionId: pick(body.institutionId, before.institution?.id ?? null),
          unitId: pick(body.unitId, before.unit?.id ?? null),
          ownerId: body.ownerId ?? before.owner.id,
          relatedIds: body.relatedIds
            ? [...new Set(body.relatedIds)]
            : before.related.map((service) => service.id),
        };
        await assertValid(trx, merged, id);
        const updated = await updateService(trx, {
          id,
          version: body.version,
          changes: {
            name: merged.name,
            name_en: merged.nameEn,
            kind: body.kind ?? before.kind,
            description: body.description ?? before.description,
            audience: pick(body.audience, before.audience),
            territory: pick(body.territory, before.territory),
            fee: pick(body.fee, before.fee),
            duration: pick(body.duration, before.duration),
            steps: body.steps ?? before.steps,
            documents: linksJson(body.documents ?? before.documents),
            legal_acts: linksJson(body.legalActs ?? before.legalActs),
            notices: pick(body.notices, before.notices),
            institution_id: merged.institutionId,
            unit_id: merged.unitId,
            competence: merged.competence,
            e_service_url: pick(body.eServiceUrl, before.eServiceUrl),
            owner_id: merged.ownerId,
            review_on: body.reviewOn ?? before.reviewOn,
            active: body.active ?? before.active,
            search_text: searchTextOf([merged.name, merged.nameEn, merged.competence]),
            updated_at: clock.now(),
          },
        });
        if (!updated) throw versionConflict();
        if (body.relatedIds) await replaceRelations(trx, id, merged.relatedIds);
        await searchWords.learn(trx, 'services', [id]);
        const after = await loadCard(trx, id);
        await audit.record(trx, ctx, {
          action: 'update',
          entityType: 'service',
          entityId: id,
          before,
          after,
        });
      });
      return get(ctx, id);
    },

    /** The card was checked and is true as of now; the next check is due on the given date. */
    async markReviewed(ctx: ActionContext, id: string, body: TMarkReviewedBody): Promise<TService> {
      await db.transaction().execute(async (trx) => {
        const before = await loadCard(trx, id);
        assertMayEdit(ctx, before.owner.id);
        if (body.nextReviewOn <= today()) throw invalidField('nextReviewOn', 'date_not_future');
        if (before.version !== body.version) throw versionConflict();
        const now = clock.now();
        const updated = await updateService(trx, {
          id,
          version: body.version,
          changes: {
            reviewed_at: now,
            reviewed_by: ctx.principal.staffId,
            review_on: body.nextReviewOn,
            updated_at: now,
          },
        });
        if (!updated) throw versionConflict();
        const after = await loadCard(trx, id);
        await audit.record(trx, ctx, {
          action: 'review',
          entityType: 'service',
          entityId: id,
          before,
          after,
        });
      });
      return get(ctx, id);
    },
  };
}
export type CatalogueService = ReturnType<typeof createCatalogueService>;
