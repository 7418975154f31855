import type { Kysely } from 'kysely';
import {
  createWorkingCalendar,
  hoursOn,
  nextWorkingDayStart,
  type WorkingCalendar,
} from '../../../domain/calendar';
import {
  choosePolicy,
  dueDateOf,
  type DeadlineRule,
  type Received,
} from '../../../domain/deadlines';
import {
  addCalendarDays,
  isIsoDate,
  rigaDateOf,
  rigaInstantOf,
  rigaTimeOf,
} from '../../../domain/riga-time';
import type {
  TCalendarDays,
  TCalendarDaysQuery,
  TCalendarSettings,
  TCreateDayOffBody,
  TCreatePolicyBody,
  TCreateTransferBody,
  TDayOff,
  TDeadline,
  TDeadlinePolicy,
  TDeadlineQuery,
  TTransfer,
  TUpdateCalendarSettingsBody,
  TUpdateDayOffBody,
  TUpdatePolicyBody,
  TUpdateTransferBody,
} from '../../../contracts/calendar.contracts';
import type { Clock } from '../../adapters/clock';
import type { Executor } from '../../db/database';
import type { CalendarSettingsJson, DB } from '../../db/schema';
import { requirePermission, type ActionContext } from '../../http/access';
import { invalidField, notFound, versionConflict } from '../../http/errors';
import type { Language } from '../../http/messages';
import type { AuditService } from '../audit/audit.service';
import type { UnitsService } from '../units/units.service';
import { presentDayOff, presentPolicy, presentTransfer } from './calendar.presenter';
import {
  deleteDayOff,
  deleteTransfer,
  findDayOffByDate,
  findDayOffById,
  findDaysOff,
  findPolicies,
  findPolicyByCode,
  findPolicyById,
  findSetting,
  findTransferById,
  findTransfers,
  findTransferUsing,
  insertDayOff,
  insertPolicy,
  insertTransfer,
  updateDayOff,
  updatePolicy,
  updateSetting,
  updateTransfer,
} from './calendar.repository';

const SETTINGS_KEY = 'calendar';

/** When no policy fits: the standard's general rule for a written answer (clause 21.1). */
const FALLBACK_RULE: DeadlineRule = {
  count: 3,
  unit: 'working_days',
  afterHoursNextDay: true,
  sameDayCutoff: null,
};

/**
 * How long a built calendar is reused. Its data changes a few times a year; changes made
 * through this server are seen at once, those made through another instance within this time.
 */
const CACHE_MS = 30_000;

interface CalendarState {
  builtAt: number;
  calendar: WorkingCalendar;
  settings: TCalendarSettings;
  /** The deadline policies, read with the calendar: every new request needs them. */
  policies: TDeadlinePolicy[];
}

export function createCalendarService(deps: {
  db: Kysely<DB>;
  audit: AuditService;
  clock: Clock;
  units: UnitsService;
}) {
  const { db, audit, clock, units } = deps;
  let cached: CalendarState | null = null;
  // Bumped by every change: a calendar built from data read before a change is not kept.
  let generation = 0;

  async function settingsOf(executor: Executor): Promise<TCalendarSettings> {
    const row = await findSetting(executor, SETTINGS_KEY);
    if (!row) throw new Error('The calendar settings are missing: run the migrations.');
    const value = row.value;
    return {
      followTransfers: value.followTransfers,
      standardHours: value.standardHours,
      version: row.version,
    };
  }

  // While the calendar is being read, everyone who needs it waits for that one reading: letters
  // arriving together after the cache lapsed would otherwise each read and build it.
  let reading: { generation: number; state: Promise<CalendarState> } | null = null;

  async function build(): Promise<CalendarState> {
    const builtFor = generation;
    const [daysOff, transfers, settings, policies] = [
      await findDaysOff(db),
      await findTransfers(db),
      await settingsOf(db),
      (await findPolicies(db)).map(presentPolicy),
    ];
    const calendar = createWorkingCalendar({
      oneOffDaysOff: daysOff.filter((day) => day.kind === 'one-off'),
      festivalClosingDays: daysOff.filter((day) => day.kind === 'festival'),
      transfers: transfers.map((t) => ({
        dayOff: t.day_off,
        workingDay: t.working_day,
        source: t.source,
      })),
      followTransfers: settings.followTransfers,
    });
    const built = { builtAt: Date.now(), calendar, settings, policies };
    if (builtFor === generation) cached = built;
    return built;
  }

  function state(): Promise<CalendarState> {
    if (cached && Date.now() - cached.builtAt < CACHE_MS) return Promise.resolve(cached);
    if (reading?.generation === generation) return reading.state;
    const current = { generation, state: build() };
    reading = current;
    const done = () => {
      if (reading === current) reading = null;
    };
    current.state.then(done, done);
    return current.state;
  }

  /** Runs a change in one transaction with its audit record, then rebuilds the calendar. */
  async function change<T>(work: (trx: Executor) => Promise<T>): Promise<T> {
    generation += 1;
    cached = null;
    const result = await db.transaction().execute(work);
    generation += 1;
    cached = null;
    return result;
  }

  /** When it is due under the rule, and the moment the office closes that day. */
  function dueOf(current: CalendarState, rule: DeadlineRule, received: Received) {
    const { calendar, settings } = current;
    const hours = (date: string) => hoursOn(calendar, date, settings.standardHours);
    const due = dueDateOf(calendar, rule, received, (date) => hours(date)?.close ?? null);
    const close = hours(due)?.close;
    // A due day without office hours ends at midnight.
    const dueEnd = close ? rigaInstantOf(due, close) : rigaInstantOf(addCalendarDays(due, 1));
    return { due, dueEnd };
  }

  const receivedAt = (from: string): Received => {
    if (isIsoDate(from)) return { date: from, time: null };
    const instant = new Date(from);
    return { date: rigaDateOf(instant), time: rigaTimeOf(instant) };
  };

  async function loadDayOff(executor: Executor, id: string): Promise<TDayOff> {
    const row = await findDayOffById(executor, id);
    if (!row) throw notFound();
    return presentDayOff(row);
  }

  async function loadTransfer(executor: Executor, id: string): Promise<TTransfer> {
    const row = await findTransferById(executor, id);
    if (!row) throw notFound();
    return presentTransfer(row);
  }

  async function loadPolicy(executor: Executor, id: string): Promise<TDeadlinePolicy> {
    const row = await findPolicyById(executor, id);
    if (!row) throw notFound();
    return presentPolicy(row);
  }

  async function assertDayFree(trx: Executor, date: string, exceptId?: string) {
    const taken = await findDayOffByDate(trx, date);
    if (taken && taken.id !== exceptId) throw invalidField('date', 'date_taken');
  }

  /** A holiday is off already: it can be neither the day made free nor the day worked instead. */
  function assertNotHolidays(
    calendar: WorkingCalendar,
    transfer: { dayOff: string; workingDay: string },
  ) {
    if (calendar.day(transfer.dayOff).kind === 'holiday') {
      throw invalidField('dayOff', 'date_is_holiday');
    }
    if (calendar.day(transfer.workingDay).kind === 'holiday') {
      throw invalidField('workingDay', 'date_is_holiday');
    }
  }

  async function assertTransferDatesFree(
    trx: Executor,
    transfer: { dayOff: string; workingDay: string },
    exceptId?: string,
  ) {
    const taken = await findTransferUsing(trx, {
      dates: [transfer.dayOff, transfer.workingDay],
      ...(exceptId ? { exceptId } : {}),
    });
    if (!taken) return;
    const clash = [taken.day_off, taken.working_day].includes(transfer.dayOff)
      ? 'dayOff'
      : 'workingDay';
    throw invalidField(clash, 'date_taken');
  }

  return {
    /** The working calendar as configured, for other modules counting deadlines. */
    async calendar(): Promise<WorkingCalendar> {
      return (await state()).calendar;
    },

    /**
     * When a request received at the instant is due under the deadline policy that fits it. Read
     * before a transaction opens: on PGlite the transaction would hold the only connection.
     */
    async deadlineFor(
      received: Date,
      item: {
        channel: string;
        clientKind: 'external' | 'internal';
        caseType: string | null;
        /** A policy named by where the item came in (a mailbox's); else chosen by the item. */
        policyCode?: string | null;
      },
    ): Promise<{ policyCode: string | null; due: string; dueEnd: Date }> {
      const current = await state();
      const named = item.policyCode
        ? current.policies.find((p) => p.active && p.code === item.policyCode)
        : undefined;
      const policy = named ?? choosePolicy(current.policies, item);
      const rule: DeadlineRule = policy
        ? {
            count: policy.count,
            unit: policy.unit,
            afterHoursNextDay: policy.afterHoursNextDay,
            sameDayCutoff: policy.sameDayCutoff,
          }
        : FALLBACK_RULE;
      const { due, dueEnd } = dueOf(current, rule, {
        date: rigaDateOf(received),
        time: rigaTimeOf(received),
      });
      return { policyCode: policy?.code ?? null, due, dueEnd };
    },

    /**
     * When something arriving at the instant reaches staff: at once in working hours, else when
     * the office next opens on a working day (after-hours voicemail, clause 17).
     */
    async nextOpening(instant: Date): Promise<Date> {
      const { calendar, settings } = await state();
      const date = rigaDateOf(instant);
      const hours = hoursOn(calendar, date, settings.standardHours);
      const time = rigaTimeOf(instant);
      if (hours && time >= hours.open && time < hours.close) return instant;
      return nextWorkingDayStart(calendar, instant, settings.standardHours) ?? instant;
    },

    /** The moment the office closes on a date (a new due date set by hand ends then). */
    async closingOf(date: string): Promise<Date> {
      const { calendar, settings } = await state();
      const close = hoursOn(calendar, date, settings.standardHours)?.close;
      return close ? rigaInstantOf(date, close) : rigaInstantOf(addCalendarDays(date, 1));
    },

    /** When something received at the instant is due under the rule (e.g. a deadline policy's). */
    async dueDate(received: Date, rule: DeadlineRule): Promise<{ due: string; dueEnd: Date }> {
      return dueOf(await state(), rule, { date: rigaDateOf(received), time: rigaTimeOf(received) });
    },

    async days(
      ctx: ActionContext,
      query: TCalendarDaysQuery,
      language: Language,
    ): Promise<TCalendarDays> {
      const current = await state();
      const weekly = query.unitId
        ? (await units.get(ctx, query.unitId)).openingHours
        : current.settings.standardHours;
      const days: TCalendarDays['days'] = [];
      for (let date = query.from; date <= query.to; date = addCalendarDays(date, 1)) {
        const day = current.calendar.day(date);
        days.push({
          date,
          kind: day.kind,
          working: day.working,
          shortened: day.shortened,
          hours: hoursOn(current.calendar, date, weekly),
          reason: day.reason ? day.reason[language] : null,
        });
      }
      return { days };
    },

    async deadline(_ctx: ActionContext, query: TDeadlineQuery): Promise<TDeadline> {
      const current = await state();
      const received = receivedAt(query.from);
      let rule: DeadlineRule;
      if (query.policy !== undefined) {
        const policy = await findPolicyByCode(db, query.policy);
        if (!policy?.active) throw invalidField('policy', 'unknown_policy', {}, 'query');
        rule = {
          count: policy.count,
          unit: policy.unit,
          afterHoursNextDay: policy.after_hours_next_day,
          sameDayCutoff: policy.same_day_cutoff,
        };
      } else {
        // As the written-reply policies count: something received on a day off, or after closing
        // time when the time is given, counts as received on the next working day.
        rule = {
          count: query.workingDays ?? 0,
          unit: 'working_days',
          afterHoursNextDay: true,
          sameDayCutoff: null,
        };
      }
      const { due, dueEnd } = dueOf(current, rule, received);
      return {
        from: query.from,
        ...(query.policy !== undefined
          ? { policy: query.policy }
          : { workingDays: query.workingDays ?? 0 }),
        due,
        dueEnd: dueEnd.toISOString(),
      };
    },

    async settings(_ctx: ActionContext): Promise<TCalendarSettings> {
      return settingsOf(db);
    },

    async updateSettings(
      ctx: ActionContext,
      body: TUpdateCalendarSettingsBody,
    ): Promise<TCalendarSettings> {
      requirePermission(ctx.principal, 'calendar.manage');
      return change(async (trx) => {
        const before = await settingsOf(trx);
        if (before.version !== body.version) throw versionConflict();
        const value: CalendarSettingsJson = {
          followTransfers: body.followTransfers ?? before.followTransfers,
          standardHours: body.standardHours ?? before.standardHours,
        };
        const updated = await updateSetting(trx, {
          key: SETTINGS_KEY,
          value,
          version: body.version,
          now: clock.now(),
        });
        if (!updated) throw versionConflict();
        const after = await settingsOf(trx);
        await audit.record(trx, ctx, {
          action: 'update',
          entityType: 'calendar_settings',
          entityId: SETTINGS_KEY,
          before,
          after,
        });
        return after;
      });
    },

    async daysOff(_ctx: ActionContext, year?: number): Promise<TDayOff[]> {
      return (await findDaysOff(db, year)).map(presentDayOff);
    },

    async createDayOff(ctx: ActionContext, body: TCreateDayOffBody): Promise<TDayOff> {
      requirePermission(ctx.principal, 'calendar.manage');
      return change(async (trx) => {
        await assertDayFree(trx, body.date);
        const id = await insertDayOff(trx, { ...body, now: clock.now() });
        const created = await loadDayOff(trx, id);
        await audit.record(trx, ctx, {
          action: 'create',
          entityType: 'calendar_day_off',
          entityId: id,
          after: created,
        });
        return created;
      });
    },

    async updateDayOff(ctx: ActionContext, id: string, body: TUpdateDayOffBody): Promise<TDayOff> {
      requirePermission(ctx.principal, 'calendar.manage');
      return change(async (trx) => {
        const before = await loadDayOff(trx, id);
        if (before.version !== body.version) throw versionConflict();
        const merged = {
          date: body.date ?? before.date,
          kind: body.kind ?? before.kind,
          name: body.name ?? before.name,
          source: body.source ?? before.source,
        };
        if (merged.date !== before.date) await assertDayFree(trx, merged.date, id);
        const updated = await updateDayOff(trx, {
          id,
          version: body.version,
          changes: { ...merged, updated_at: clock.now() },
        });
        if (!updated) throw versionConflict();
        const after = await loadDayOff(trx, id);
        await audit.record(trx, ctx, {
          action: 'update',
          entityType: 'calendar_day_off',
          entityId: id,
          before,
          after,
        });
        return after;
      });
    },

    async removeDayOff(ctx: ActionContext, id: string, version: number): Promise<void> {
      requirePermission(ctx.principal, 'calendar.manage');
      await change(async (trx) => {
        const before = await loadDayOff(trx, id);
        if (before.version !== version || !(await deleteDayOff(trx, { id, version }))) {
          throw versionConflict();
        }
        await audit.record(trx, ctx, {
          action: 'delete',
          entityType: 'calendar_day_off',
          entityId: id,
          before,
        });
      });
    },

    async transfers(_ctx: ActionContext, year?: number): Promise<TTransfer[]> {
      return (await findTransfers(db, year)).map(presentTransfer);
    },

    async createTransfer(ctx: ActionContext, body: TCreateTransferBody): Promise<TTransfer> {
      requirePermission(ctx.principal, 'calendar.manage');
      // Read before the transaction: on PGlite it holds the only connection.
      const { calendar } = await state();
      assertNotHolidays(calendar, body);
      return change(async (trx) => {
        await assertTransferDatesFree(trx, body);
        const id = await insertTransfer(trx, { ...body, now: clock.now() });
        const created = await loadTransfer(trx, id);
        await audit.record(trx, ctx, {
          action: 'create',
          entityType: 'calendar_transfer',
          entityId: id,
          after: created,
        });
        return created;
      });
    },

    async updateTransfer(
      ctx: ActionContext,
      id: string,
      body: TUpdateTransferBody,
    ): Promise<TTransfer> {
      requirePermission(ctx.principal, 'calendar.manage');
      const { calendar } = await state();
      return change(async (trx) => {
        const before = await loadTransfer(trx, id);
        if (before.version !== body.version) throw versionConflict();
        const merged = {
          dayOff: body.dayOff ?? before.dayOff,
          workingDay: body.workingDay ?? before.workingDay,
          source: body.source ?? before.source,
        };
        assertNotHolidays(calendar, merged);
        await assertTransferDatesFree(trx, merged, id);
        const updated = await updateTransfer(trx, {
          id,
          version: body.version,
          changes: {
            day_off: merged.dayOff,
            working_day: merged.workingDay,
            source: merged.source,
            updated_at: clock.now(),
          },
        });
        if (!updated) throw versionConflict();
        const after = await loadTransfer(trx, id);
        await audit.record(trx, ctx, {
          action: 'update',
          entityType: 'calendar_transfer',
          entityId: id,
          before,
          after,
        });
        return after;
      });
    },

    async removeTransfer(ctx: ActionContext, id: string, version: number): Promise<void> {
      requirePermission(ctx.principal, 'calendar.manage');
      await change(async (trx) => {
        const before = await loadTransfer(trx, id);
        if (before.version !== version || !(await deleteTransfer(trx, { id, version }))) {
          throw versionConflict();
        }
        await audit.record(trx, ctx, {
          action: 'delete',
          entityType: 'calendar_transfer',
          entityId: id,
          before,
        });
      });
    },

    async policies(_ctx: ActionContext): Promise<TDeadlinePolicy[]> {
      // Sorted in Latvian here: the database's collation may put "ā" after "z".
      const collator = new Intl.Collator('lv');
      return (await findPolicies(db))
        .map(presentPolicy)
        .sort((a, b) => collator.compare(a.name, b.name));
    },

    /** Whether a deadline policy has the code, for other modules that name one (a mailbox). */
    async policyExists(executor: Executor, code: string): Promise<boolean> {
      return (await findPolicyByCode(executor, code)) !== undefined;
    },

    async createPolicy(ctx: ActionContext, body: TCreatePolicyBody): Promise<TDeadlinePolicy> {
      requirePermission(ctx.principal, 'calendar.manage');
      return change(async (trx) => {
        if (await findPolicyByCode(trx, body.code)) throw invalidField('code', 'code_taken');
        const now = clock.now();
        const id = await insertPolicy(trx, {
          code: body.code,
          name: body.name,
          name_en: body.nameEn,
          channel: body.channel ?? null,
          client_kind: body.clientKind ?? null,
          case_type: body.caseType ?? null,
          count: body.count,
          unit: body.unit,
          after_hours_next_day: body.afterHoursNextDay,
          same_day_cutoff: body.sameDayCutoff ?? null,
          source: body.source,
          active: body.active ?? true,
          created_at: now,
          updated_at: now,
        });
        const created = await loadPolicy(trx, id);
        await audit.record(trx, ctx, {
          action: 'create',
          entityType: 'deadline_policy',
          entityId: id,
          after: created,
        });
        return created;
      });
    },

    async updatePolicy(
      ctx: ActionContext,
      id: string,
      body: TUpdatePolicyBody,
    ): Promise<TDeadlinePolicy> {
      requirePermission(ctx.principal, 'calendar.manage');
      return change(async (trx) => {
        const before = await loadPolicy(trx, id);
        if (before.version !== body.version) throw versionConflict();
        // Absent fields keep their value; null clears what may be cleared.
        const or = <T>(value: T | undefined, current: T): T =>
          value !== undefined ? value : current;
        const updated = await updatePolicy(trx, {
          id,
          version: body.version,
          changes: {
            name: body.name ?? before.name,
            name_en: body.nameEn ?? before.nameEn,
            channel: or(body.channel, before.channel),
            client_kind: or(body.clientKind, before.clientKind),
            case_type: or(body.caseType, before.caseType),
            count: body.count ?? before.count,
            unit: body.unit ?? before.unit,
            after_hours_next_day: body.afterHoursNextDay ?? before.afterHoursNextDay,
            same_day_cutoff: or(body.sameDayCutoff, before.sameDayCutoff),
            source: body.source ?? before.source,
            active: body.active ?? before.active,
            updated_at: clock.now(),
          },
        });
        if (!updated) throw versionConflict();
        const after = await loadPolicy(trx, id);
        await audit.record(trx, ctx, {
          action: 'update',
          entityType: 'deadline_policy',
          entityId: id,
          before,
          after,
        });
        return after;
      });
    },
  };
}
export type CalendarService = ReturnType<typeof createCalendarService>;
