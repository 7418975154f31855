import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  TCalendarDay,
  TCalendarDays,
  TCalendarSettings,
  TDayOff,
  TDeadline,
  TDeadlinePolicy,
  TTransfer,
} from '../../../contracts/calendar.contracts';
import { systemContext } from '../../http/access';
import {
  call,
  createTestApp,
  createUnit,
  fieldErrorsOf,
  problemOf,
  signedIn,
  type Session,
  type TestApp,
} from '../../testing/test-app';

describe('working-day calendar API', () => {
  let test: TestApp;
  let clerk: Session;
  let admin: Session;
  beforeAll(async () => {
    test = await createTestApp();
    clerk = await signedIn(test, { roles: ['specialist'] });
    admin = await signedIn(test, { roles: ['administrator'] });
  });
  afterAll(() => test.close());

  const get = (session: Session, url: string, headers: Record<string, string> = {}) =>
    call(test.app, session, { method: 'GET', url, headers });

  const days = async (from: string, to: string, extra = '') => {
    const response = await get(clerk, `/api/v1/calendar/days?from=${from}&to=${to}${extra}`);
    expect(response.statusCode).toBe(200);
    const byDate = new Map(response.json<TCalendarDays>().days.map((day) => [day.date, day]));
    return (date: string) => byDate.get(date) as TCalendarDay;
  };

  const deadline = async (query: string) => {
    const response = await get(clerk, `/api/v1/calendar/deadline?${query}`);
    expect(response.statusCode).toBe(200);
    return response.json<TDeadline>();
  };

  /** Follows or ignores the Cabinet's transfers for one test, as the administrator would. */
  async function followTransfers(follow: boolean) {
    const settings = await test.services.calendar.settings(systemContext('test'));
    await test.services.calendar.updateSettings(systemContext('test'), {
      followTransfers: follow,
      version: settings.version,
    });
  }

  describe('GET /api/v1/calendar/days', () => {
    it('tells each day’s kind, hours and reason, May 2025 included', async () => {
      const day = await days('2025-04-30', '2025-05-12');

      expect(day('2025-04-30')).toEqual({
        date: '2025-04-30',
        kind: 'working',
        working: true,
        shortened: true,
        hours: { open: '08:00', close: '16:00' },
        reason: null,
      });
      expect(day('2025-05-01')).toMatchObject({
        kind: 'holiday',
        working: false,
        hours: null,
        reason: 'Darba svētki',
      });
      expect(day('2025-05-02')).toMatchObject({ kind: 'transferred-off', working: false });
      expect(day('2025-05-02').reason).toContain('Ministru kabineta rīkojums');
      expect(day('2025-05-04')).toMatchObject({ kind: 'holiday' });
      expect(day('2025-05-05')).toMatchObject({ kind: 'holiday', working: false });
      expect(day('2025-05-05').reason).toContain(
        'Latvijas Republikas Neatkarības atjaunošanas diena',
      );
      expect(day('2025-05-10')).toMatchObject({
        kind: 'transferred-working',
        working: true,
        hours: { open: '08:00', close: '16:00' },
      });
      expect(day('2025-05-11')).toMatchObject({ kind: 'weekend', working: false, reason: null });
      expect(day('2025-05-12')).toMatchObject({ kind: 'working', shortened: false });
    });

    it('names holidays in English when asked', async () => {
      const response = await get(clerk, '/api/v1/calendar/days?from=2025-06-24&to=2025-06-24', {
        'accept-language': 'en',
      });
      expect(response.json<TCalendarDays>().days[0]?.reason).toBe('Midsummer');
    });

    it('shows a unit’s own opening hours', async () => {
      const unit = await createUnit(test.services);
      await test.services.units.update(systemContext('test'), unit.id, {
        version: unit.version,
        openingHours: {
          mon: { open: '08:00', close: '17:00' },
          tue: { open: '08:00', close: '17:00' },
          wed: { open: '10:00', close: '19:00' },
          thu: { open: '08:00', close: '17:00' },
          fri: { open: '08:00', close: '15:00' },
          sat: null,
          sun: null,
        },
      });

      const day = await days('2025-04-16', '2025-04-17', `&unitId=${unit.id}`);

      expect(day('2025-04-16').hours).toEqual({ open: '10:00', close: '19:00' });
      expect(day('2025-04-17').hours).toEqual({ open: '08:00', close: '16:00' });
    });

    it('needs a signed-in user', async () => {
      const response = await test.app.inject({
        method: 'GET',
        url: '/api/v1/calendar/days?from=2025-05-01&to=2025-05-02',
      });
      expect(response.statusCode).toBe(401);
    });

    it('names a missing, wrong or reversed parameter, and refuses more than two years', async () => {
      expect(fieldErrorsOf(await get(clerk, '/api/v1/calendar/days?to=2025-05-01'))).toEqual([
        { field: 'from', code: 'required' },
      ]);
      expect(
        fieldErrorsOf(await get(clerk, '/api/v1/calendar/days?from=2025-02-30&to=2025-03-01')),
      ).toEqual([{ field: 'from', code: 'invalid_date' }]);
      expect(
        fieldErrorsOf(await get(clerk, '/api/v1/calendar/days?from=2025-05-02&to=2025-05-01')),
      ).toEqual([{ field: 'to', code: 'range_reversed' }]);
      const tooLong = await get(clerk, '/api/v1/calendar/days?from=2025-01-01&to=2027-01-02');
      expect(tooLong.statusCode).toBe(400);
      expect(problemOf(tooLong).errors).toEqual([
        expect.objectContaining({ field: 'to', in: 'query', code: 'range_too_long' }),
      ]);
      const twoYears = await get(clerk, '/api/v1/calendar/days?from=2025-01-01&to=2026-12-31');
      expect(twoYears.statusCode).toBe(200);
    });
  });

  describe('GET /api/v1/calendar/deadline', () => {
    it('counts from the day after receipt: Thursday 17 April 2025 + 3 working days is 24 April', async () => {
      expect(await deadline('from=2025-04-17&workingDays=3')).toEqual({
        from: '2025-04-17',
        workingDays: 3,
        due: '2025-04-24',
        // 17:00 in Riga, summer time.
        dueEnd: '2025-04-24T14:00:00.000Z',
      });
    });

    it('counts something received after closing time from the next working day', async () => {
      // Thursday 17 April 2025 closes at 16:00: the day before Good Friday is shortened.
      expect((await deadline('from=2025-04-17T15:30:00%2B03:00&workingDays=3')).due).toBe(
        '2025-04-24',
      );
      expect((await deadline('from=2025-04-17T16:30:00%2B03:00&workingDays=3')).due).toBe(
        '2025-04-25',
      );
    });

    it('counts something received on a day off from the next working day, with or without a time', async () => {
      // Saturday 19 April 2025: counted as received on Tuesday 22 April, after Easter.
      expect((await deadline('from=2025-04-19&workingDays=3')).due).toBe('2025-04-25');
      expect((await deadline('from=2025-04-19T11:00:00%2B03:00&workingDays=3')).due).toBe(
        '2025-04-25',
      );
      expect((await deadline('from=2025-04-19&policy=external-written')).due).toBe('2025-04-25');
    });

    it('answers a due date past the last year it accepts', async () => {
      // Monday 30 December 2999; New Year's Eve and Day are off: 2, 3, 6, 7, 8 January.
      expect((await deadline('from=2999-12-30&workingDays=5')).due).toBe('3000-01-08');
    });

    it('ends a shortened due day an hour early', async () => {
      expect((await deadline('from=2025-12-18&workingDays=3')).dueEnd).toBe(
        // Tuesday 23 December, before Christmas Eve: 16:00 in Riga, winter time.
        '2025-12-23T14:00:00.000Z',
      );
    });

    it('follows a deadline policy: a callback after 15:00 is due the next working day', async () => {
      expect((await deadline('from=2025-06-05T14:00:00%2B03:00&policy=callback')).due).toBe(
        '2025-06-05',
      );
      const late = await deadline('from=2025-06-05T16:00:00%2B03:00&policy=callback');
      expect(late).toEqual({
        from: '2025-06-05T16:00:00+03:00',
        policy: 'callback',
        due: '2025-06-06',
        dueEnd: '2025-06-06T13:00:00.000Z',
      });
      expect(late).not.toHaveProperty('workingDays');
    });

    it('names the parameter that is missing or wrong', async () => {
      expect(fieldErrorsOf(await get(clerk, '/api/v1/calendar/deadline?workingDays=3'))).toEqual([
        { field: 'from', code: 'required' },
      ]);
      expect(
        fieldErrorsOf(await get(clerk, '/api/v1/calendar/deadline?from=yesterday&workingDays=3')),
      ).toEqual([{ field: 'from', code: 'invalid_date_or_datetime' }]);
      for (const wrong of ['-1', '1e2', '2.5']) {
        expect(
          fieldErrorsOf(
            await get(clerk, `/api/v1/calendar/deadline?from=2025-04-17&workingDays=${wrong}`),
          ),
        ).toEqual([{ field: 'workingDays', code: 'not_integer' }]);
      }
      // Left empty, it is missing rather than malformed.
      expect(
        fieldErrorsOf(await get(clerk, '/api/v1/calendar/deadline?from=2025-04-17&workingDays=')),
      ).toEqual([{ field: 'workingDays', code: 'required' }]);
      expect(
        fieldErrorsOf(
          await get(clerk, '/api/v1/calendar/deadline?from=2025-04-17&workingDays=367'),
        ),
      ).toEqual([{ field: 'workingDays', code: 'too_big_number' }]);
      expect(
        fieldErrorsOf(
          await get(clerk, '/api/v1/calendar/deadline?from=9999-12-31T23:00:00Z&workingDays=1'),
        ),
      ).toEqual([{ field: 'from', code: 'date_out_of_range' }]);
      // An empty date is one mistake, told once.
      expect(
        fieldErrorsOf(await get(clerk, '/api/v1/calendar/deadline?from=&workingDays=1')),
      ).toEqual([{ field: 'from', code: 'invalid_date_or_datetime' }]);
      expect(fieldErrorsOf(await get(clerk, '/api/v1/calendar/deadline?from=2025-04-17'))).toEqual([
        { field: 'workingDays', code: 'working_days_or_policy' },
      ]);
      expect(
        fieldErrorsOf(await get(clerk, '/api/v1/calendar/deadline?from=2025-04-17&policy=nav')),
      ).toEqual([{ field: 'policy', code: 'unknown_policy' }]);
    });
  });

  describe('settings: following the Cabinet’s transfers', () => {
    it('is on by default and can be switched off by an administrator, seen at once', async () => {
      const settings = (await get(clerk, '/api/v1/calendar/settings')).json<TCalendarSettings>();
      expect(settings.followTransfers).toBe(true);

      const response = await call(test.app, admin, {
        method: 'PATCH',
        url: '/api/v1/calendar/settings',
        payload: { followTransfers: false, version: settings.version },
      });
      expect(response.statusCode).toBe(200);

      const day = await days('2025-05-02', '2025-05-10');
      expect(day('2025-05-02')).toMatchObject({ kind: 'working', working: true });
      expect(day('2025-05-10')).toMatchObject({ kind: 'weekend', working: false });
      await followTransfers(true);
    });

    it('refuses a stale version and a clerk', async () => {
      const settings = (await get(clerk, '/api/v1/calendar/settings')).json<TCalendarSettings>();
      const byClerk = await call(test.app, clerk, {
        method: 'PATCH',
        url: '/api/v1/calendar/settings',
        payload: { followTransfers: false, version: settings.version },
      });
      expect(byClerk.statusCode).toBe(403);
      const stale = await call(test.app, admin, {
        method: 'PATCH',
        url: '/api/v1/calendar/settings',
        payload: { followTransfers: false, version: settings.version - 1 || 99 },
      });
      expect(stale.statusCode).toBe(409);
    });
  });

  describe('days off declared by law', () => {
    it('ships the known ones with their legal source', async () => {
      const list = (await get(clerk, '/api/v1/calendar/days-off?year=2023')).json<{
        items: TDayOff[];
      }>();
      expect(list.items.map((day) => [day.date, day.kind])).toEqual([
        ['2023-05-29', 'one-off'],
        ['2023-07-09', 'festival'],
      ]);
      expect(list.items.every((day) => day.source.length > 0)).toBe(true);
    });

    it('takes a new one from an administrator, and the calendar shows it at once', async () => {
      const response = await call(test.app, admin, {
        method: 'POST',
        url: '/api/v1/calendar/days-off',
        payload: {
          date: '2027-09-27',
          kind: 'one-off',
          name: 'Svinību diena',
          source: 'Grozījumi likumā (tests)',
        },
      });
      expect(response.statusCode).toBe(201);
      const created = response.json<TDayOff>();
      expect((await days('2027-09-24', '2027-09-27'))('2027-09-27')).toMatchObject({
        kind: 'holiday',
        reason: 'Svinību diena',
      });
      // The Friday before is the last working day before it: an hour shorter.
      expect((await days('2027-09-24', '2027-09-27'))('2027-09-24').shortened).toBe(true);

      const duplicate = await call(test.app, admin, {
        method: 'POST',
        url: '/api/v1/calendar/days-off',
        payload: { date: '2027-09-27', kind: 'one-off', name: 'Cita', source: 'Tests' },
      });
      expect(fieldErrorsOf(duplicate)).toEqual([{ field: 'date', code: 'date_taken' }]);

      const removed = await call(test.app, admin, {
        method: 'DELETE',
        url: `/api/v1/calendar/days-off/${created.id}?version=${created.version}`,
      });
      expect(removed.statusCode).toBe(204);
      expect((await days('2027-09-27', '2027-09-27'))('2027-09-27').kind).toBe('working');
    });

    it('moves a festival closing day on a Sunday to Monday', async () => {
      await call(test.app, admin, {
        method: 'POST',
        url: '/api/v1/calendar/days-off',
        payload: { date: '2028-07-09', kind: 'festival', name: 'XXVIII svētki', source: 'Tests' },
      });
      expect((await days('2028-07-10', '2028-07-10'))('2028-07-10')).toMatchObject({
        kind: 'holiday',
        working: false,
      });
    });
  });

  describe('transfers', () => {
    it('takes a new Cabinet order from an administrator: a weekday off, a Saturday worked', async () => {
      const response = await call(test.app, admin, {
        method: 'POST',
        url: '/api/v1/calendar/transfers',
        payload: { dayOff: '2027-05-03', workingDay: '2027-05-15', source: 'MK rīkojums (tests)' },
      });
      expect(response.statusCode).toBe(201);
      const day = await days('2027-05-03', '2027-05-15');
      expect(day('2027-05-03').kind).toBe('transferred-off');
      expect(day('2027-05-15')).toMatchObject({ kind: 'transferred-working', working: true });

      const transfer = response.json<TTransfer>();
      const clash = await call(test.app, admin, {
        method: 'POST',
        url: '/api/v1/calendar/transfers',
        payload: { dayOff: '2027-05-03', workingDay: '2027-05-22', source: 'Tests' },
      });
      expect(fieldErrorsOf(clash)).toEqual([{ field: 'dayOff', code: 'date_taken' }]);

      await call(test.app, admin, {
        method: 'DELETE',
        url: `/api/v1/calendar/transfers/${transfer.id}?version=${transfer.version}`,
      });
      expect((await days('2027-05-03', '2027-05-03'))('2027-05-03').kind).toBe('working');
    });

    it('refuses a holiday as the day made free or the day worked instead', async () => {
      const response = await call(test.app, admin, {
        method: 'POST',
        url: '/api/v1/calendar/transfers',
        payload: { dayOff: '2027-05-04', workingDay: '2027-05-08', source: 'Tests' },
      });
      expect(fieldErrorsOf(response)).toEqual([{ field: 'dayOff', code: 'date_is_holiday' }]);
    });

    it('refuses a day off that is not a weekday and a working day that is not a Saturday', async () => {
      const response = await call(test.app, admin, {
        method: 'POST',
        url: '/api/v1/calendar/transfers',
        payload: { dayOff: '2027-05-08', workingDay: '2027-05-14', source: 'Tests' },
      });
      expect(fieldErrorsOf(response)).toEqual([
        { field: 'dayOff', code: 'not_a_weekday' },
        { field: 'workingDay', code: 'not_a_saturday' },
      ]);
    });
  });

  describe('deadline policies', () => {
    const policies = async () =>
      (await get(clerk, '/api/v1/calendar/policies')).json<{ items: TDeadlinePolicy[] }>().items;

    it('ship the standard’s deadlines and the Law on Submissions, each with its source', async () => {
      const byCode = new Map((await policies()).map((policy) => [policy.code, policy]));
      expect(byCode.get('external-written')).toMatchObject({
        count: 3,
        unit: 'working_days',
        clientKind: 'external',
        afterHoursNextDay: true,
      });
      expect(byCode.get('internal')).toMatchObject({ count: 1, clientKind: 'internal' });
      expect(byCode.get('voicemail')).toMatchObject({ count: 1, channel: 'voicemail' });
      expect(byCode.get('callback')).toMatchObject({ count: 0, sameDayCutoff: '15:00' });
      expect(byCode.get('submission-answer')).toMatchObject({ count: 10, caseType: 'submission' });
      expect(byCode.get('submission-forward')).toMatchObject({ count: 5 });
      expect([...byCode.values()].every((policy) => policy.source.length > 0)).toBe(true);
    });

    it('change when a law changes, and the deadlines follow', async () => {
      const body = {
        code: 'tests-change',
        name: 'Pārbaude',
        nameEn: 'Test',
        count: 10,
        unit: 'working_days',
        afterHoursNextDay: false,
        source: 'Tests',
      };
      const created = await call(test.app, admin, {
        method: 'POST',
        url: '/api/v1/calendar/policies',
        payload: body,
      });
      const policy = created.json<TDeadlinePolicy>();
      expect((await deadline('from=2026-03-02&policy=tests-change')).due).toBe('2026-03-16');

      const changed = await call(test.app, admin, {
        method: 'PATCH',
        url: `/api/v1/calendar/policies/${policy.id}`,
        payload: { count: 1, unit: 'calendar_months', version: policy.version },
      });
      expect(changed.statusCode).toBe(200);
      expect((await deadline('from=2026-03-02&policy=tests-change')).due).toBe('2026-04-02');

      const duplicate = await call(test.app, admin, {
        method: 'POST',
        url: '/api/v1/calendar/policies',
        payload: body,
      });
      expect(fieldErrorsOf(duplicate)).toEqual([{ field: 'code', code: 'code_taken' }]);
    });

    it('records every change in the audit log', async () => {
      const settings = await test.services.calendar.settings(systemContext('test'));
      await call(test.app, admin, {
        method: 'PATCH',
        url: '/api/v1/calendar/settings',
        payload: { followTransfers: true, version: settings.version },
      });
      const log = await test.services.audit.list(systemContext('test'), {
        entityType: 'calendar_settings',
        limit: 5,
      });
      expect(log.items[0]).toMatchObject({
        action: 'update',
        actor: { id: admin.person.id },
        before: { version: settings.version },
        after: { followTransfers: true },
      });
    });
  });
});
