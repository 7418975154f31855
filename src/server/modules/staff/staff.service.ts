import type { Kysely } from 'kysely';
import { searchTermsOf, searchTextOf } from '../../../domain/search-text';
import type {
  TCreateStaffBody,
  TListStaffQuery,
  TSetPasswordBody,
  TStaff,
  TUpdateStaffBody,
} from '../../../contracts/staff.contracts';
import type { Clock } from '../../adapters/clock';
import type { TPersonContact } from '../../../contracts/common';
import type { Executor } from '../../db/database';
import type { DB } from '../../db/schema';
import { requirePermission, type ActionContext } from '../../http/access';
import { AppError, invalidField, notFound, versionConflict } from '../../http/errors';
import type { AuditService } from '../audit/audit.service';
import type { AuthService } from '../auth/auth.service';
import { offsetOf, pageFrom } from '../paging';
import type { UnitsService } from '../units/units.service';
import { presentStaff } from './staff.presenter';
import {
  anyStaffExists,
  findContacts,
  findStaff,
  findStaffById,
  findStaffIdByEmail,
  findActiveStaffByEmails,
  findUnitIdsOfStaff,
  insertStaff,
  replaceRoles,
  replaceUnits,
  updateStaff,
} from './staff.repository';

const searchTextFor = (person: {
  givenName: string;
  surname: string;
  position: string;
  email: string;
  competences: readonly string[];
}) =>
  searchTextOf([
    person.givenName,
    person.surname,
    person.position,
    person.email,
    ...person.competences,
  ]);

const sameRoles = (a: readonly string[], b: readonly string[]) =>
  new Set(a).size === new Set(b).size && a.every((role) => b.includes(role));

/** Sorting by the folded name puts "Šmite" among the S and "Āboliņa" among the A (decision 7). */
const sortNameFor = (person: { givenName: string; surname: string }) =>
  searchTextOf([person.surname, person.givenName]);

export function createStaffService(deps: {
  db: Kysely<DB>;
  audit: AuditService;
  clock: Clock;
  auth: AuthService;
  units: UnitsService;
}) {
  const { db, audit, clock, auth, units } = deps;

  async function load(executor: Executor, id: string): Promise<TStaff> {
    const row = await findStaffById(executor, id);
    if (!row) throw notFound();
    return presentStaff(row);
  }

  async function assertEmailFree(trx: Executor, email: string, exceptId?: string) {
    const owner = await findStaffIdByEmail(trx, email);
    if (owner && owner !== exceptId) throw invalidField('email', 'email_taken');
  }

  async function assertUnitsExist(trx: Executor, unitIds: readonly string[]) {
    const known = await units.existing(trx, unitIds);
    const unknownIndex = unitIds.findIndex((id) => !known.has(id));
    if (unknownIndex >= 0) throw invalidField(`units.${unknownIndex}.unitId`, 'unknown_reference');
  }

  return {
    async list(_ctx: ActionContext, query: TListStaffQuery) {
      const rows = await findStaff(db, {
        terms: searchTermsOf(query.q ?? ''),
        unitId: query.unitId,
        role: query.role,
        active: query.active,
        sort: query.sort,
        order: query.order,
        limit: query.pageSize,
        offset: offsetOf(query),
      });
      return pageFrom(rows, query, presentStaff);
    },

    /** Whether anyone has been registered: an installation without people is a new one. */
    anyExists(): Promise<boolean> {
      return anyStaffExists(db);
    },

    get(_ctx: ActionContext, id: string): Promise<TStaff> {
      return load(db, id);
    },

    /** The units a person belongs to, their main unit first. */
    /** The active staff among the addresses, by lower-case address: who wrote, who was written to. */
    async activeIdsByEmail(
      executor: Executor,
      emails: readonly string[],
    ): Promise<Map<string, string>> {
      const rows = await findActiveStaffByEmails(executor, [
        ...new Set(emails.map((email) => email.toLowerCase())),
      ]);
      return new Map(rows.map((row) => [row.email, row.id] as const));
    },

    unitIdsOf(executor: Executor, staffId: string): Promise<string[]> {
      return findUnitIdsOfStaff(executor, staffId);
    },

    /** How to reach each of the given people, and whether they still work here. */
    async contactsOf(
      executor: Executor,
      ids: readonly string[],
    ): Promise<Map<string, TPersonContact & { active: boolean }>> {
      const rows = await findContacts(executor, [...new Set(ids)]);
      return new Map(
        rows.map((row) => [
          row.id,
          {
            id: row.id,
            givenName: row.given_name,
            surname: row.surname,
            position: row.position,
            phone: row.phone,
            email: row.email,
            active: row.active,
          },
        ]),
      );
    },

    async create(ctx: ActionContext, body: TCreateStaffBody): Promise<TStaff> {
      requirePermission(ctx.principal, 'staff.manage');
      const passwordHash = body.password ? await auth.hashPassword(body.password) : null;
      return db.transaction().execute(async (trx) => {
        await assertEmailFree(trx, body.email);
        const unitInputs = body.units ?? [];
        await assertUnitsExist(
          trx,
          unitInputs.map((unit) => unit.unitId),
        );
        const now = clock.now();
        const competences = body.competences ?? [];
        const id = await insertStaff(trx, {
          given_name: body.givenName,
          surname: body.surname,
          position: body.position,
          email: body.email,
          phone: body.phone ?? null,
          competences,
          active: body.active ?? true,
          password_hash: null,
          search_text: searchTextFor({ ...body, competences }),
          sort_name: sortNameFor(body),
          created_at: now,
          updated_at: now,
        });
        await replaceRoles(trx, id, body.roles ?? []);
        await replaceUnits(trx, id, unitInputs);
        const created = await load(trx, id);
        await audit.record(trx, ctx, {
          action: 'create',
          entityType: 'staff',
          entityId: id,
          after: created,
        });
        if (passwordHash) await auth.setPasswordHash(trx, ctx, id, passwordHash);
        return passwordHash ? load(trx, id) : created;
      });
    },

    async update(ctx: ActionContext, id: string, body: TUpdateStaffBody): Promise<TStaff> {
      requirePermission(ctx.principal, 'staff.manage');
      const changed = await db.transaction().execute(async (trx) => {
        const before = await load(trx, id);
        if (before.version !== body.version) throw versionConflict();
        // Nobody widens (or narrows) their own reach: another administrator changes one's roles.
        if (body.roles && id === ctx.principal.staffId && !sameRoles(body.roles, before.roles)) {
          throw new AppError('forbidden', 'own_roles');
        }
        if (body.email !== undefined && body.email !== before.email)
          await assertEmailFree(trx, body.email, id);
        if (body.units)
          await assertUnitsExist(
            trx,
            body.units.map((unit) => unit.unitId),
          );
        const merged = {
          givenName: body.givenName ?? before.givenName,
          surname: body.surname ?? before.surname,
          position: body.position ?? before.position,
          email: body.email ?? before.email,
          competences: body.competences ?? before.competences,
        };
        const active = body.active ?? before.active;
        const updated = await updateStaff(trx, {
          id,
          version: body.version,
          changes: {
            given_name: merged.givenName,
            surname: merged.surname,
            position: merged.position,
            email: merged.email,
            phone: body.phone !== undefined ? body.phone : before.phone,
            competences: merged.competences,
            active,
            search_text: searchTextFor(merged),
            sort_name: sortNameFor(merged),
            updated_at: clock.now(),
          },
        });
        if (!updated) throw versionConflict();
        if (body.roles) await replaceRoles(trx, id, body.roles);
        if (body.units) await replaceUnits(trx, id, body.units);
        const after = await load(trx, id);
        await audit.record(trx, ctx, {
          action: 'update',
          entityType: 'staff',
          entityId: id,
          before,
          after,
        });
        // A person who leaves loses access at once: sessions end and personal tokens stop working.
        if (before.active && !active) await auth.endAccessOf(trx, ctx, id);
        return after;
      });
      auth.forgetSessionsOf(id);
      return changed;
    },

    async setPassword(ctx: ActionContext, id: string, body: TSetPasswordBody): Promise<TStaff> {
      requirePermission(ctx.principal, 'staff.manage');
      const passwordHash = await auth.hashPassword(body.password);
      const changed = await db.transaction().execute(async (trx) => {
        await load(trx, id);
        await auth.setPasswordHash(trx, ctx, id, passwordHash);
        return load(trx, id);
      });
      auth.forgetSessionsOf(id);
      return changed;
    },
  };
}
export type StaffService = ReturnType<typeof createStaffService>;
