import type { Kysely } from 'kysely';
import { searchTermsOf, searchTextOf } from '../../../domain/search-text';
import type {
  TCreateInstitutionBody,
  TInstitution,
  TListInstitutionsQuery,
  TUpdateInstitutionBody,
} from '../../../contracts/institutions.contracts';
import type { Clock } from '../../adapters/clock';
import type { Executor } from '../../db/database';
import type { DB, InstitutionRow } from '../../db/schema';
import { requirePermission, type ActionContext } from '../../http/access';
import { invalidField, notFound, versionConflict } from '../../http/errors';
import type { AuditService } from '../audit/audit.service';
import { offsetOf, pageFrom } from '../paging';
import { presentInstitution } from './institutions.presenter';
import {
  findInstitutionById,
  findInstitutionByName,
  findInstitutions,
  insertInstitution,
  updateInstitution,
} from './institutions.repository';

const searchTextFor = (row: Pick<InstitutionRow, 'name' | 'short_name' | 'registration_number'>) =>
  searchTextOf([row.name, row.short_name, row.registration_number]);

export function createInstitutionsService(deps: {
  db: Kysely<DB>;
  audit: AuditService;
  clock: Clock;
}) {
  const { db, audit, clock } = deps;

  async function assertNameFree(trx: Executor, name: string, exceptId?: string) {
    const existing = await findInstitutionByName(trx, name);
    if (existing && existing.id !== exceptId) throw invalidField('name', 'name_taken');
  }

  return {
    async list(_ctx: ActionContext, query: TListInstitutionsQuery) {
      const rows = await findInstitutions(db, {
        terms: searchTermsOf(query.q ?? ''),
        kind: query.kind,
        active: query.active,
        sort: query.sort,
        order: query.order,
        limit: query.pageSize,
        offset: offsetOf(query),
      });
      return pageFrom(rows, query, presentInstitution);
    },

    async get(_ctx: ActionContext, id: string): Promise<TInstitution> {
      const row = await findInstitutionById(db, id);
      if (!row) throw notFound();
      return presentInstitution(row);
    },

    /** Whether the institution exists, for other modules that refer to it. */
    async exists(executor: Executor, id: string): Promise<boolean> {
      return (await findInstitutionById(executor, id)) !== undefined;
    },

    async create(ctx: ActionContext, body: TCreateInstitutionBody): Promise<TInstitution> {
      requirePermission(ctx.principal, 'organisation.manage');
      return db.transaction().execute(async (trx) => {
        await assertNameFree(trx, body.name);
        const now = clock.now();
        const values = {
          name: body.name,
          short_name: body.shortName ?? null,
          kind: body.kind,
          registration_number: body.registrationNumber ?? null,
          website: body.website ?? null,
          email: body.email ?? null,
          phone: body.phone ?? null,
          active: body.active ?? true,
        };
        const row = await insertInstitution(trx, {
          ...values,
          search_text: searchTextFor(values),
          created_at: now,
          updated_at: now,
        });
        const created = presentInstitution(row);
        await audit.record(trx, ctx, {
          action: 'create',
          entityType: 'institution',
          entityId: row.id,
          after: created,
        });
        return created;
      });
    },

    async update(
      ctx: ActionContext,
      id: string,
      body: TUpdateInstitutionBody,
    ): Promise<TInstitution> {
      requirePermission(ctx.principal, 'organisation.manage');
      return db.transaction().execute(async (trx) => {
        const current = await findInstitutionById(trx, id);
        if (!current) throw notFound();
        if (current.version !== body.version) throw versionConflict();
        if (body.name !== undefined && body.name !== current.name)
          await assertNameFree(trx, body.name, id);
        const merged = {
          name: body.name ?? current.name,
          short_name: body.shortName !== undefined ? body.shortName : current.short_name,
          kind: body.kind ?? current.kind,
          registration_number:
            body.registrationNumber !== undefined
              ? body.registrationNumber
              : current.registration_number,
          website: body.website !== undefined ? body.website : current.website,
          email: body.email !== undefined ? body.email : current.email,
          phone: body.phone !== undefined ? body.phone : current.phone,
          active: body.active ?? current.active,
        };
        const row = await updateInstitution(trx, {
          id,
          version: body.version,
          changes: { ...merged, search_text: searchTextFor(merged), updated_at: clock.now() },
        });
        if (!row) throw versionConflict();
        const before = presentInstitution(current);
        const after = presentInstitution(row);
        await audit.record(trx, ctx, {
          action: 'update',
          entityType: 'institution',
          entityId: id,
          before,
          after,
        });
        return after;
      });
    },
  };
}
export type InstitutionsService = ReturnType<typeof createInstitutionsService>;
