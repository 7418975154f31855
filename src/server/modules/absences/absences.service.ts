import type { Kysely } from 'kysely';
import {
  HEALTH_ABSENCE_KINDS,
  mayManageAbsencesOf,
  resolveStandIn,
  type AbsenceKind,
  type AbsenceManager,
  type AbsencePeriod,
} from '../../../domain/absences';
import { rigaDateOf } from '../../../domain/riga-time';
import type {
  TAbsence,
  TCreateAbsenceBody,
  TListAbsencesQuery,
  TUpdateAbsenceBody,
} from '../../../contracts/absences.contracts';
import type { TPersonContact } from '../../../contracts/common';
import type { Clock } from '../../adapters/clock';
import type { Executor } from '../../db/database';
import type { DB } from '../../db/schema';
import { hasPermission, type ActionContext, type Principal } from '../../http/access';
import { AppError, invalidField, notFound, versionConflict } from '../../http/errors';
import type { AuditService } from '../audit/audit.service';
import { offsetOf, pageFrom } from '../paging';
import type { StaffService } from '../staff/staff.service';
import type { UnitsService } from '../units/units.service';
import { presentAbsence } from './absences.presenter';
import {
  deleteAbsence,
  findAbsenceById,
  findAbsencePeriodsOn,
  findAbsences,
  findOverlappingAbsence,
  insertAbsence,
  updateAbsence,
} from './absences.repository';

/** A person's absence on a date and who stands in for them. */
export interface Away {
  period: AbsencePeriod & { kind: AbsenceKind };
  standIn: TPersonContact | null;
}

/** The earliest date the contracts accept: "from the beginning". */
const EARLIEST_DATE = '1900-01-01';

export function createAbsencesService(deps: {
  db: Kysely<DB>;
  audit: AuditService;
  clock: Clock;
  staff: StaffService;
  units: UnitsService;
}) {
  const { db, audit, clock, staff, units } = deps;

  /** What the principal may do about absences; a unit head's reach is their units' subtree. */
  async function managerOf(executor: Executor, principal: Principal): Promise<AbsenceManager> {
    return {
      staffId: principal.staffId,
      manageAll: hasPermission(principal, 'absences.manage-all'),
      manageOwn: hasPermission(principal, 'absences.manage-own'),
      headedUnitIds: hasPermission(principal, 'absences.manage-unit')
        ? await units.subtreeOf(executor, principal.unitIds)
        : new Set(),
    };
  }

  /** An absence as one who manages it sees it (after a change, and for the audit log). */
  async function load(executor: Executor, id: string): Promise<TAbsence> {
    const row = await findAbsenceById(executor, id);
    if (!row) throw notFound();
    return presentAbsence(row, { mayManage: true });
  }

  /** A person records their own absences, a unit head those of their units, the heads anyone's. */
  async function assertMayManage(executor: Executor, ctx: ActionContext, staffId: string) {
    const manager = await managerOf(executor, ctx.principal);
    const unitIds = manager.headedUnitIds.size > 0 ? await staff.unitIdsOf(executor, staffId) : [];
    if (!mayManageAbsencesOf(manager, { staffId, unitIds })) throw new AppError('forbidden');
  }

  /** The rules a saved absence keeps: real, active people, and no double booking of a person. */
  async function assertValid(
    trx: Executor,
    absence: { staffId: string; substituteId: string | null; startsOn: string; endsOn: string },
    exceptId?: string,
  ) {
    if (absence.endsOn < absence.startsOn) throw invalidField('endsOn', 'ends_before_starts');
    if (absence.substituteId === absence.staffId)
      throw invalidField('substituteId', 'substitute_is_self');
    const people = await staff.contactsOf(
      trx,
      absence.substituteId ? [absence.staffId, absence.substituteId] : [absence.staffId],
    );
    if (!people.has(absence.staffId)) throw invalidField('staffId', 'unknown_reference');
    if (absence.substituteId) {
      const substitute = people.get(absence.substituteId);
      if (!substitute) throw invalidField('substituteId', 'unknown_reference');
      if (!substitute.active) throw invalidField('substituteId', 'substitute_inactive');
    }
    const overlap = await findOverlappingAbsence(trx, {
      ...absence,
      ...(exceptId ? { exceptId } : {}),
    });
    if (overlap) {
      throw invalidField('startsOn', 'absence_overlap', {
        startsOn: overlap.starts_on,
        endsOn: overlap.ends_on,
      });
    }
  }

  /** Who is away on the date among the given people, and who stands in for each. */
  async function awayOn(
    executor: Executor,
    date: string,
    staffIds: readonly string[],
  ): Promise<Map<string, Away>> {
    const periods = await findAbsencePeriodsOn(executor, date);
    // A stand-in is always someone named as a substitute on that day; one query finds them all.
    const contacts = await staff.contactsOf(
      executor,
      periods.flatMap((period) => (period.substituteId ? [period.substituteId] : [])),
    );
    const hasLeft = (id: string) => contacts.get(id)?.active === false;
    const away = new Map<string, { period: Away['period']; standInId: string | null }>();
    for (const staffId of staffIds) {
      const resolved = resolveStandIn(staffId, date, periods, hasLeft);
      if (resolved) away.set(staffId, { period: resolved.absence, standInId: resolved.standInId });
    }
    return new Map(
      [...away].map(([staffId, entry]): [string, Away] => {
        const contact = entry.standInId ? contacts.get(entry.standInId) : undefined;
        const standIn: TPersonContact | null = contact
          ? {
              id: contact.id,
              givenName: contact.givenName,
              surname: contact.surname,
              position: contact.position,
              phone: contact.phone,
              email: contact.email,
            }
          : null;
        return [staffId, { period: entry.period, standIn }];
      }),
    );
  }

  return {
    awayOn,
    managerOf,

    async list(ctx: ActionContext, query: TListAbsencesQuery) {
      const manager = await managerOf(db, ctx.principal);
      // Filtering by sick leave would tell who is ill: only among the people one manages.
      const managedBy =
        query.kind && HEALTH_ABSENCE_KINDS.has(query.kind) && !manager.manageAll
          ? {
              staffId: manager.manageOwn ? manager.staffId : null,
              unitIds: [...manager.headedUnitIds],
            }
          : undefined;
      const today = rigaDateOf(clock.now());
      // Without a start: from today on, unless only an end is given (everything up to it).
      const from = query.date ?? query.from ?? (query.to ? EARLIEST_DATE : today);
      const to = query.date ?? query.to ?? null;
      const rows = await findAbsences(db, {
        from,
        to,
        staffId: query.staffId,
        unitId: query.unitId,
        kind: query.kind,
        managedBy,
        limit: query.pageSize,
        offset: offsetOf(query),
      });
      const away = query.date
        ? await awayOn(
            db,
            query.date,
            rows.map((row) => row.staff_id),
          )
        : new Map<string, Away>();
      return pageFrom(rows, query, (row) =>
        presentAbsence(row, {
          standIn: away.get(row.staff_id)?.standIn ?? null,
          mayManage: mayManageAbsencesOf(manager, {
            staffId: row.staff_id,
            unitIds: row.staff_unit_ids,
          }),
        }),
      );
    },

    async get(ctx: ActionContext, id: string): Promise<TAbsence> {
      const row = await findAbsenceById(db, id);
      if (!row) throw notFound();
      const manager = await managerOf(db, ctx.principal);
      return presentAbsence(row, {
        mayManage: mayManageAbsencesOf(manager, {
          staffId: row.staff_id,
          unitIds: row.staff_unit_ids,
        }),
      });
    },

    async create(ctx: ActionContext, body: TCreateAbsenceBody): Promise<TAbsence> {
      return db.transaction().execute(async (trx) => {
        await assertMayManage(trx, ctx, body.staffId);
        const substituteId = body.substituteId ?? null;
        await assertValid(trx, { ...body, substituteId });
        const now = clock.now();
        const id = await insertAbsence(trx, {
          staff_id: body.staffId,
          kind: body.kind,
          starts_on: body.startsOn,
          ends_on: body.endsOn,
          substitute_id: substituteId,
          note: body.note ?? null,
          created_by: ctx.principal.staffId,
          created_at: now,
          updated_at: now,
        });
        const created = await load(trx, id);
        await audit.record(trx, ctx, {
          action: 'create',
          entityType: 'absence',
          entityId: id,
          after: created,
        });
        return created;
      });
    },

    async update(ctx: ActionContext, id: string, body: TUpdateAbsenceBody): Promise<TAbsence> {
      return db.transaction().execute(async (trx) => {
        const row = await findAbsenceById(trx, id);
        if (!row) throw notFound();
        await assertMayManage(trx, ctx, row.staff_id);
        const before = presentAbsence(row, { mayManage: true });
        if (before.version !== body.version) throw versionConflict();
        const merged = {
          staffId: row.staff_id,
          kind: body.kind ?? row.kind,
          startsOn: body.startsOn ?? before.startsOn,
          endsOn: body.endsOn ?? before.endsOn,
          substituteId:
            body.substituteId !== undefined ? body.substituteId : (before.substitute?.id ?? null),
          note: body.note !== undefined ? body.note : before.note,
        };
        await assertValid(trx, merged, id);
        const updated = await updateAbsence(trx, {
          id,
          version: body.version,
          changes: {
            kind: merged.kind,
            starts_on: merged.startsOn,
            ends_on: merged.endsOn,
            substitute_id: merged.substituteId,
            note: merged.note,
            updated_at: clock.now(),
          },
        });
        if (!updated) throw versionConflict();
        const after = await load(trx, id);
        await audit.record(trx, ctx, {
          action: 'update',
          entityType: 'absence',
          entityId: id,
          before,
          after,
        });
        return after;
      });
    },

    async remove(ctx: ActionContext, id: string, version: number): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const before = await load(trx, id);
        await assertMayManage(trx, ctx, before.staff.id);
        if (before.version !== version || !(await deleteAbsence(trx, { id, version }))) {
          throw versionConflict();
        }
        await audit.record(trx, ctx, {
          action: 'delete',
          entityType: 'absence',
          entityId: id,
          before,
        });
      });
    },
  };
}
export type AbsencesService = ReturnType<typeof createAbsencesService>;
