import type { Kysely } from 'kysely';
import { DEFAULT_OPENING_HOURS } from '../../../domain/opening-hours';
import { searchTermsOf, searchTextOf } from '../../../domain/search-text';
import { subtreeIds, wouldCreateCycle } from '../../../domain/unit-tree';
import type {
  TCreateUnitBody,
  TListUnitsQuery,
  TUnit,
  TUpdateUnitBody,
} from '../../../contracts/units.contracts';
import type { Clock } from '../../adapters/clock';
import type { Executor } from '../../db/database';
import type { DB } from '../../db/schema';
import { requirePermission, type ActionContext } from '../../http/access';
import { invalidField, notFound, versionConflict } from '../../http/errors';
import type { AuditService } from '../audit/audit.service';
import type { InstitutionsService } from '../institutions/institutions.service';
import { offsetOf, pageFrom } from '../paging';
import { presentUnit } from './units.presenter';
import {
  findExistingUnitIds,
  findSiblingByName,
  findUnitById,
  findUnitNodes,
  findUnits,
  insertUnit,
  updateUnit,
} from './units.repository';

interface Placement {
  institutionId: string;
  parentId: string | null;
  name: string;
}

export function createUnitsService(deps: {
  db: Kysely<DB>;
  audit: AuditService;
  clock: Clock;
  institutions: InstitutionsService;
}) {
  const { db, audit, clock, institutions } = deps;

  async function load(executor: Executor, id: string): Promise<TUnit> {
    const row = await findUnitById(executor, id);
    if (!row) throw notFound();
    return presentUnit(row);
  }

  /** Checks where a unit is to stand: a known institution, a parent in it, no cycle, a free name. */
  async function assertPlacement(trx: Executor, placement: Placement, unitId?: string) {
    if (!(await institutions.exists(trx, placement.institutionId))) {
      throw invalidField('institutionId', 'unknown_reference');
    }
    if (placement.parentId !== null) {
      const nodes = await findUnitNodes(trx);
      const parent = nodes.find((node) => node.id === placement.parentId);
      if (!parent) throw invalidField('parentId', 'unknown_reference');
      if (parent.institutionId !== placement.institutionId) {
        throw invalidField('parentId', 'parent_other_institution');
      }
      if (unitId && wouldCreateCycle(nodes, unitId, placement.parentId)) {
        throw invalidField('parentId', 'unit_cycle');
      }
    }
    const sibling = await findSiblingByName(trx, placement);
    if (sibling && sibling.id !== unitId) throw invalidField('name', 'name_taken');
  }

  return {
    async list(_ctx: ActionContext, query: TListUnitsQuery) {
      const rows = await findUnits(db, {
        institutionId: query.institutionId,
        terms: searchTermsOf(query.q ?? ''),
        active: query.active,
        limit: query.pageSize,
        offset: offsetOf(query),
      });
      return pageFrom(rows, query, presentUnit);
    },

    get(_ctx: ActionContext, id: string): Promise<TUnit> {
      return load(db, id);
    },

    /**
     * The given units and all units below them: the reach of a unit head. Read through the
     * caller's executor: inside a transaction on PGlite's single connection, a query through
     * `db` would wait for that connection forever.
     */
    async subtreeOf(executor: Executor, unitIds: readonly string[]): Promise<Set<string>> {
      if (unitIds.length === 0) return new Set();
      return subtreeIds(await findUnitNodes(executor), unitIds);
    },

    /** Which of the ids name existing units, for other modules that refer to units. */
    async existing(executor: Executor, ids: readonly string[]): Promise<Set<string>> {
      return new Set(await findExistingUnitIds(executor, ids));
    },

    async create(ctx: ActionContext, body: TCreateUnitBody): Promise<TUnit> {
      requirePermission(ctx.principal, 'organisation.manage');
      return db.transaction().execute(async (trx) => {
        const parentId = body.parentId ?? null;
        await assertPlacement(trx, {
          institutionId: body.institutionId,
          parentId,
          name: body.name,
        });
        const now = clock.now();
        const id = await insertUnit(trx, {
          institution_id: body.institutionId,
          parent_id: parentId,
          name: body.name,
          kind: body.kind,
          address: body.address ?? null,
          phone: body.phone ?? null,
          email: body.email ?? null,
          opening_hours: JSON.stringify(body.openingHours ?? DEFAULT_OPENING_HOURS),
          active: body.active ?? true,
          // A client service centre serves residents by its nature; any other unit when marked.
          serves_external_clients:
            body.servesExternalClients ?? body.kind === 'client_service_centre',
          search_text: searchTextOf([body.name, body.address]),
          created_at: now,
          updated_at: now,
        });
        const created = await load(trx, id);
        await audit.record(trx, ctx, {
          action: 'create',
          entityType: 'unit',
          entityId: id,
          after: created,
        });
        return created;
      });
    },

    async update(ctx: ActionContext, id: string, body: TUpdateUnitBody): Promise<TUnit> {
      requirePermission(ctx.principal, 'organisation.manage');
      return db.transaction().execute(async (trx) => {
        const before = await load(trx, id);
        if (before.version !== body.version) throw versionConflict();
        const merged = {
          institutionId: body.institutionId ?? before.institutionId,
          parentId: body.parentId !== undefined ? body.parentId : before.parentId,
          name: body.name ?? before.name,
          address: body.address !== undefined ? body.address : before.address,
        };
        if (merged.institutionId !== before.institutionId) {
          const nodes = await findUnitNodes(trx);
          if (nodes.some((node) => node.parentId === id)) {
            throw invalidField('institutionId', 'unit_has_children');
          }
        }
        await assertPlacement(trx, merged, id);
        const updated = await updateUnit(trx, {
          id,
          version: body.version,
          changes: {
            institution_id: merged.institutionId,
            parent_id: merged.parentId,
            name: merged.name,
            kind: body.kind ?? before.kind,
            address: merged.address,
            phone: body.phone !== undefined ? body.phone : before.phone,
            email: body.email !== undefined ? body.email : before.email,
            opening_hours: JSON.stringify(body.openingHours ?? before.openingHours),
            active: body.active ?? before.active,
            serves_external_clients: body.servesExternalClients ?? before.servesExternalClients,
            search_text: searchTextOf([merged.name, merged.address]),
            updated_at: clock.now(),
          },
        });
        if (!updated) throw versionConflict();
        const after = await load(trx, id);
        await audit.record(trx, ctx, {
          action: 'update',
          entityType: 'unit',
          entityId: id,
          before,
          after,
        });
        return after;
      });
    },
  };
}
export type UnitsService = ReturnType<typeof createUnitsService>;
