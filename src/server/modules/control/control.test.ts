import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TControlAnswer } from '../../../contracts/control.contracts';
import type { TRequestSummary } from '../../../contracts/requests.contracts';
import { CONTROL_FIGURES, emptyFigures, type ControlFigures } from '../../../domain/control';
import { systemContext } from '../../http/access';
import {
  call,
  createContact,
  createPerson,
  createTestApp,
  createUnit,
  fieldErrorsOf,
  signedIn,
  type Session,
  type TestApp,
} from '../../testing/test-app';

// A small world of two units over April and May 2026, looked at on Wednesday 3 June. Every
// expected number below is counted by hand from the records the test makes.
//
// Unit A, written answers to external clients (3 working days; Riga 09:00 is 06:00 UTC):
//   R1 received Tue 7 Apr (Easter Monday 6 Apr is behind it) → due Fri 10 Apr, answered 9 Apr.
//   R2 received Thu 30 Apr: 1 May (Fri) and 4 May (Mon) are holidays → due Thu 7 May; answered
//      Wed 6 May, on time (counting calendar days it would look late).
//   R3 received Thu 30 Apr → due Thu 7 May, answered Fri 8 May: late.
//   R4 received Tue 12 May → due Fri 15 May, never answered: open and overdue.
//   R5 received Tue 12 May, extended on Thu 14 May (before its due date: the interim reply in
//      time) to Fri 29 May, answered 28 May: on time.
//   R6 received Tue 12 May, extended on Mon 18 May (after its due date of 15 May) to Fri 22 May,
//      answered 21 May: on time, the interim reply late.
// Unit A, internal (1 working day): I1 and I2 received Wed 22 Apr → due Thu 23 Apr; I1 answered
//   24 Apr (late), I2 on 22 Apr (on time).
// Unit B: R7 received Tue 12 May → due 15 May, never answered.
const NOW = '2026-06-03T09:00:00Z';
const rigaNine = (date: string) => `${date}T06:00:00Z`;

describe('the standard’s control (34)', () => {
  let test: TestApp;
  let unitA: string;
  let unitB: string;
  let head: Session;
  let unitHead: Session;
  const requests: Record<string, TRequestSummary> = {};

  const ctx = systemContext('test');

  async function receive(name: string, unitId: string, date: string, internalStaff?: string) {
    test.clock.set(rigaNine(date));
    const contact = await createContact(test.services, unitId, {
      channel: 'email',
      newClient: internalStaff
        ? { kind: 'internal', staffId: internalStaff }
        : { kind: 'person', givenName: 'Jānis', surname: 'Bērziņš' },
      services: ['Dzīvesvietas deklarēšana'],
    });
    const request = contact.requests[0];
    if (!request) throw new Error('no request');
    requests[name] = request;
  }

  async function answer(name: string, date: string) {
    test.clock.set(rigaNine(date));
    const request = requests[name];
    if (!request) throw new Error(name);
    requests[name] = await test.services.requests.changeState(ctx, request.id, {
      state: 'answered',
      version: request.version,
    });
  }

  async function extend(name: string, date: string, dueOn: string, reason: string) {
    test.clock.set(rigaNine(date));
    const request = requests[name];
    if (!request) throw new Error(name);
    requests[name] = await test.services.requests.extend(ctx, request.id, {
      dueOn,
      reason,
      version: request.version,
    });
  }

  async function feedback(
    unitId: string,
    kind: 'praise' | 'complaint' | 'suggestion',
    receivedAt: string,
    topic: string | null = null,
  ): Promise<string> {
    const row = await test.database.db
      .insertInto('feedback_items')
      .values({
        reference: `T-${Math.random().toString(36).slice(2, 10)}`,
        kind,
        channel: 'web_form',
        unit_id: unitId,
        text: 'Atsauksme',
        received_at: receivedAt,
        state: topic ? 'evaluated' : 'new',
        topic,
        created_at: receivedAt,
        updated_at: receivedAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async function escalation(
    feedbackId: string,
    level: 'manager' | 'head' | 'ethics',
    openedAt: string,
    closedAt: string | null,
  ) {
    await test.database.db
      .insertInto('feedback_escalations')
      .values({
        feedback_id: feedbackId,
        level,
        opened_at: openedAt,
        due_on: openedAt.slice(0, 10),
        due_at: openedAt,
        closed_at: closedAt,
        outcome: closedAt ? 'escalated' : null,
      })
      .execute();
  }

  async function task(
    unitId: string,
    dueOn: string,
    state: 'planned' | 'in_progress' | 'done' | 'cancelled',
  ) {
    await test.database.db
      .insertInto('improvement_tasks')
      .values({
        unit_id: unitId,
        title: 'Uzlabojums',
        due_on: dueOn,
        state,
        created_at: NOW,
        updated_at: NOW,
      })
      .execute();
  }

  beforeAll(async () => {
    test = await createTestApp();
    unitA = (await createUnit(test.services, 'Centrs A')).id;
    unitB = (await createUnit(test.services, 'Centrs B')).id;
    const colleague = await createPerson(test.services, { unitIds: [unitB] });

    await receive('R1', unitA, '2026-04-07');
    await answer('R1', '2026-04-09');
    await receive('R2', unitA, '2026-04-30');
    await receive('R3', unitA, '2026-04-30');
    await answer('R2', '2026-05-06');
    await answer('R3', '2026-05-08');
    await receive('R4', unitA, '2026-05-12');
    await receive('R5', unitA, '2026-05-12');
    await receive('R6', unitA, '2026-05-12');
    await extend('R5', '2026-05-14', '2026-05-29', 'Gaidām Valsts zemes dienesta atbildi');
    await extend('R6', '2026-05-18', '2026-05-22', 'Vajag bāriņtiesas atzinumu');
    await answer('R6', '2026-05-21');
    await answer('R5', '2026-05-28');
    await receive('I1', unitA, '2026-04-22', colleague.id);
    await receive('I2', unitA, '2026-04-22', colleague.id);
    await answer('I2', '2026-04-22');
    await answer('I1', '2026-04-24');
    await receive('R7', unitB, '2026-05-12');

    // Promises: kept on time in April; in May one kept late and one never kept.
    const keeper = await createPerson(test.services, { unitIds: [unitA] });
    const promise = async (name: string, at: string, dueAt: string) => {
      test.clock.set(at);
      const request = requests[name];
      if (!request) throw new Error(name);
      return test.services.commitments.add(ctx, request.id, {
        what: 'Piezvanīt klientam',
        dueAt,
        form: 'phone',
        keeperId: keeper.id,
      });
    };
    const c1 = await promise('R1', '2026-04-07T07:00:00Z', '2026-04-09T12:00:00Z');
    test.clock.set('2026-04-09T10:00:00Z');
    await test.services.commitments.keep(ctx, c1.id, c1.version);
    const c2 = await promise('R4', '2026-05-12T07:00:00Z', '2026-05-13T12:00:00Z');
    await promise('R4', '2026-05-12T07:00:00Z', '2026-05-20T12:00:00Z');
    test.clock.set('2026-05-14T10:00:00Z');
    await test.services.commitments.keep(ctx, c2.id, c2.version);

    // Feedback: in April two praises, a complaint about waiting and a suggestion for unit A; in
    // May a complaint about waiting for A and a praise for B.
    await feedback(unitA, 'praise', '2026-04-02T08:00:00Z');
    await feedback(unitA, 'praise', '2026-04-15T08:00:00Z', 'laipnība');
    const aprilComplaint = await feedback(unitA, 'complaint', '2026-04-16T08:00:00Z', 'gaidīšana');
    await feedback(unitA, 'suggestion', '2026-04-30T21:30:00Z'); // 1 May in Riga, 00:30
    const mayComplaint = await feedback(unitA, 'complaint', '2026-05-05T08:00:00Z', 'gaidīšana');
    await feedback(unitB, 'praise', '2026-05-06T08:00:00Z');

    // April's complaint went to the manager on 20 April and on to the head on 5 May, still open;
    // May's went to the Ethics commission on 10 May, still open.
    await escalation(aprilComplaint, 'manager', '2026-04-20T08:00:00Z', '2026-05-05T08:00:00Z');
    await escalation(aprilComplaint, 'head', '2026-05-05T08:00:00Z', null);
    await escalation(mayComplaint, 'ethics', '2026-05-10T08:00:00Z', null);

    await task(unitA, '2026-04-15', 'done');
    await task(unitA, '2026-04-20', 'planned');
    await task(unitA, '2026-05-25', 'in_progress');
    await task(unitA, '2026-05-28', 'cancelled');
    await task(unitA, '2026-06-30', 'planned');

    test.clock.set(NOW);
    head = await signedIn(test, { roles: ['client_service_head'] });
    unitHead = await signedIn(test, { roles: ['unit_head'], unitIds: [unitA] });
  });
  afterAll(() => test.close());

  const look = (session: Session, query: string) =>
    call(test.app, session, { method: 'GET', url: `/api/v1/control?${query}` });

  const figuresOf = (answer: TControlAnswer, unitId: string, month: string): ControlFigures => {
    const row = answer.rows.find((r) => r.unitId === unitId && r.month === month);
    if (!row) throw new Error(`no row for ${month}`);
    return row.figures;
  };

  const expected = (counts: Partial<ControlFigures>): ControlFigures => ({
    ...emptyFigures(),
    ...counts,
  });

  it('finds the due dates the figures rest on, the holidays counted', () => {
    expect(requests.R1?.dueOn).toBe('2026-04-10');
    expect(requests.R2?.dueOn).toBe('2026-05-07');
    expect(requests.I1?.dueOn).toBe('2026-04-23');
    expect(requests.R5?.dueOn).toBe('2026-05-29');
  });

  it('counts every figure of unit A in April and May as counted by hand', async () => {
    const response = await look(head, `from=2026-04&to=2026-05&unitId=${unitA}`);
    expect(response.statusCode, response.body).toBe(200);
    const answer = response.json<TControlAnswer>();
    expect(answer.months).toEqual(['2026-04', '2026-05']);
    expect(answer.units.map((unit) => unit.id)).toEqual([unitA]);

    expect(figuresOf(answer, unitA, '2026-04')).toEqual(
      expected({
        externalDue: 1,
        externalOnTime: 1,
        internalDue: 2,
        internalOnTime: 1,
        internalLate: 1,
        commitmentsDue: 1,
        commitmentsKeptOnTime: 1,
        praise: 2,
        complaints: 1,
        escalationsManager: 1,
        tasksDone: 1,
        tasksPlanned: 1,
        tasksOverdue: 1,
      }),
    );
    expect(figuresOf(answer, unitA, '2026-05')).toEqual(
      expected({
        externalDue: 5,
        externalOnTime: 3,
        externalLate: 1,
        externalOpenOverdue: 1,
        extensions: 2,
        interimInTime: 1,
        commitmentsDue: 2,
        commitmentsKeptLate: 1,
        commitmentsOpenOverdue: 1,
        overdueRequests: 1,
        complaints: 1,
        suggestions: 1,
        escalationsHead: 1,
        escalationsEthics: 1,
        tasksInProgress: 1,
        tasksCancelled: 1,
        tasksOverdue: 1,
      }),
    );
    // April: 1 + 1 on time of 3 counted; May: 3 of 5.
    expect(answer.rows.map((row) => row.onTimeShare)).toEqual([2 / 3, 3 / 5]);
    expect(answer.topics).toEqual([
      { unitId: unitA, month: '2026-04', topic: 'gaidīšana', count: 1 },
      { unitId: unitA, month: '2026-04', topic: 'laipnība', count: 1 },
      { unitId: unitA, month: '2026-05', topic: 'gaidīšana', count: 1 },
    ]);
    expect(answer.extensionCount).toBe(2);
    expect(answer.extensions).toEqual([
      expect.objectContaining({
        requestNumber: requests.R6?.number,
        fromDate: '2026-05-15',
        toDate: '2026-05-22',
        reason: 'Vajag bāriņtiesas atzinumu',
        inTime: false,
      }),
      expect.objectContaining({
        requestNumber: requests.R5?.number,
        fromDate: '2026-05-15',
        toDate: '2026-05-29',
        inTime: true,
      }),
    ]);
  });

  it('adds up a period’s flows and keeps its states as they stood at its end', async () => {
    const answer = (
      await look(head, `from=2026-04&to=2026-05&unitId=${unitA}`)
    ).json<TControlAnswer>();
    // April + May as counted above; the states are May's end: R4 overdue, the manager's
    // escalation of April closed on 5 May, the head's and the Ethics commission's open.
    expect(answer.period.figures).toEqual(
      expected({
        externalDue: 6,
        externalOnTime: 4,
        externalLate: 1,
        externalOpenOverdue: 1,
        internalDue: 2,
        internalOnTime: 1,
        internalLate: 1,
        extensions: 2,
        interimInTime: 1,
        commitmentsDue: 3,
        commitmentsKeptOnTime: 1,
        commitmentsKeptLate: 1,
        commitmentsOpenOverdue: 1,
        overdueRequests: 1,
        praise: 2,
        complaints: 2,
        suggestions: 1,
        escalationsManager: 0,
        escalationsHead: 1,
        escalationsEthics: 1,
        tasksPlanned: 1,
        tasksInProgress: 1,
        tasksDone: 1,
        tasksCancelled: 1,
        tasksOverdue: 2,
      }),
    );
    // 1 + 1 + 3 on time of 3 + 5.
    expect(answer.period.onTimeShare).toBe(5 / 8);
    expect(answer.running).toBe(false);

    // R7 of unit B stays overdue through May and June: one request, not two.
    const b = (await look(head, `from=2026-05&to=2026-06&unitId=${unitB}`)).json<TControlAnswer>();
    expect(b.period.figures.overdueRequests).toBe(1);
    expect(b.period.figures.praise).toBe(1);
    expect(b.running).toBe(true);
  });

  it('counts a unit’s year with its states as they stand now, the year still running', async () => {
    // July to December are still to come, each read now: summed, R4 would count seven times.
    const year = await test.services.control.yearOf(test.database.db, unitA, 2026);
    expect(year).toMatchObject({
      externalDue: 6,
      overdueRequests: 1,
      escalationsManager: 0,
      escalationsHead: 1,
      escalationsEthics: 1,
      tasksPlanned: 2,
    });
  });

  it('refuses a month or a year to come, naming the field', async () => {
    const future = await look(head, 'from=2026-05&to=2026-07');
    expect(future.statusCode).toBe(400);
    expect(fieldErrorsOf(future)).toEqual([{ field: 'to', code: 'month_in_future' }]);
    expect(fieldErrorsOf(await look(head, 'from=2026-07'))).toEqual([
      { field: 'from', code: 'month_in_future' },
    ]);
    expect(fieldErrorsOf(await look(head, 'from=2027-01&to=2027-02'))).toEqual([
      { field: 'from', code: 'month_in_future' },
      { field: 'to', code: 'month_in_future' },
    ]);
    // This month is no future: the period runs up to now.
    expect((await look(head, 'from=2026-06&to=2026-06')).statusCode).toBe(200);

    const english = await call(test.app, head, {
      method: 'GET',
      url: '/api/v1/control?to=2026-07',
      headers: { 'accept-language': 'en' },
    });
    expect(english.body).toContain('The month has not begun yet');

    const reporting = await createUnit(test.services, 'Centrs Nākotne');
    await test.services.units.update(ctx, reporting.id, {
      servesExternalClients: true,
      version: reporting.version,
    });
    const report = await call(test.app, head, {
      method: 'POST',
      url: '/api/v1/unit-reports',
      payload: { unitId: reporting.id, year: 2027 },
    });
    expect(fieldErrorsOf(report)).toEqual([{ field: 'year', code: 'year_in_future' }]);
  });

  it('counts a request overdue at a month’s end while it was still open then', async () => {
    const answer = (
      await look(head, `from=2026-05&to=2026-06&unitId=${unitB}`)
    ).json<TControlAnswer>();
    expect(figuresOf(answer, unitB, '2026-05')).toEqual(
      expected({ externalDue: 1, externalOpenOverdue: 1, overdueRequests: 1, praise: 1 }),
    );
    // June runs: still overdue now.
    expect(figuresOf(answer, unitB, '2026-06')).toEqual(expected({ overdueRequests: 1 }));
    expect(answer.rows.map((row) => row.onTimeShare)).toEqual([0, null]);
  });

  it('counts the callbacks due in each month, made by their due instant or not', async () => {
    // Unit C's missed calls, due by the callback policy at the instants below (UTC):
    //   K1 due 14 Apr 10:00, rung back at 09:00: in time.
    //   K2 due 20 Apr 10:00, rung back on 21 Apr: late.
    //   K3 due 30 Apr 21:30 (1 May in Riga), closed at that very instant: in time, in May.
    //   K4 due 20 May 10:00, still open on 3 June: late.
    //   K5 due 10 June: outside the period.
    const unitC = (await createUnit(test.services, 'Centrs C')).id;
    const exchange = await test.database.db
      .insertInto('telephony_exchanges')
      .values({
        name: 'Centrāle',
        token_hash: `hash-${Math.random()}`,
        token_prefix: 'test',
        created_at: NOW,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const callback = async (dueAt: string, closedAt: string | null) => {
      const calledAt = new Date(new Date(dueAt).getTime() - 24 * 3_600_000).toISOString();
      const call = await test.database.db
        .insertInto('calls')
        .values({
          exchange_id: exchange.id,
          external_id: `call-${Math.random()}`,
          direction: 'in',
          from_number: '+37120000000',
          to_number: '+37167000000',
          number: '+37120000000',
          unit_id: unitC,
          state: 'missed',
          started_at: calledAt,
          ended_at: calledAt,
          created_at: calledAt,
          updated_at: calledAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await test.database.db
        .insertInto('callbacks')
        .values({
          kind: 'missed_call',
          call_id: call.id,
          unit_id: unitC,
          number: '+37120000000',
          called_at: calledAt,
          visible_from: calledAt,
          due_at: dueAt,
          state: closedAt ? 'closed' : 'open',
          closed_at: closedAt,
          closing: closedAt ? 'reached' : null,
          created_at: calledAt,
          updated_at: closedAt ?? calledAt,
        })
        .execute();
    };
    await callback('2026-04-14T10:00:00Z', '2026-04-14T09:00:00Z');
    await callback('2026-04-20T10:00:00Z', '2026-04-21T08:00:00Z');
    await callback('2026-04-30T21:30:00Z', '2026-04-30T21:30:00Z');
    await callback('2026-05-20T10:00:00Z', null);
    await callback('2026-06-10T10:00:00Z', null);

    const answer = (
      await look(head, `from=2026-04&to=2026-05&unitId=${unitC}`)
    ).json<TControlAnswer>();
    expect(figuresOf(answer, unitC, '2026-04')).toEqual(
      expected({ callbacksDue: 2, callbacksInTime: 1, callbacksLate: 1 }),
    );
    expect(figuresOf(answer, unitC, '2026-05')).toEqual(
      expected({ callbacksDue: 2, callbacksInTime: 1, callbacksLate: 1 }),
    );
    expect(answer.totals.map((total) => total.figures.callbacksDue)).toEqual([2, 2]);
    // Unit A had no missed calls: its callbacks stay at nought.
    const unitAnswer = (
      await look(head, `from=2026-04&to=2026-05&unitId=${unitA}`)
    ).json<TControlAnswer>();
    expect(figuresOf(unitAnswer, unitA, '2026-05').callbacksDue).toBe(0);
  });

  it('offers the client service head every unit to choose', async () => {
    const answer = (
      await look(head, `from=2026-04&to=2026-05&unitId=${unitA}`)
    ).json<TControlAnswer>();
    expect(answer.units.map((unit) => unit.id)).toEqual([unitA]);
    expect(answer.choices.map((unit) => unit.id)).toEqual(expect.arrayContaining([unitA, unitB]));
  });

  it('shows a unit head their units only, and no other unit', async () => {
    const all = (await look(unitHead, 'from=2026-04&to=2026-05')).json<TControlAnswer>();
    expect(all.units.map((unit) => unit.id)).toEqual([unitA]);
    expect(all.choices.map((unit) => unit.id)).toEqual([unitA]);
    expect(figuresOf(all, unitA, '2026-05').externalDue).toBe(5);
    expect(all.totals.map((total) => total.figures.externalDue)).toEqual([1, 5]);

    const other = await look(unitHead, `from=2026-04&to=2026-05&unitId=${unitB}`);
    expect(other.statusCode).toBe(404);
    const csv = await call(test.app, unitHead, {
      method: 'GET',
      url: `/api/v1/control.csv?from=2026-04&to=2026-05&unitId=${unitB}`,
    });
    expect(csv.statusCode).toBe(404);
  });

  it('refuses those who do not control the standard', async () => {
    const clerk = await signedIn(test, { roles: ['specialist'], unitIds: [unitA] });
    expect((await look(clerk, 'from=2026-04&to=2026-05')).statusCode).toBe(403);
  });

  it('names the field of a wrong period', async () => {
    expect(fieldErrorsOf(await look(head, 'from=2026-13&to=2026-05'))).toEqual([
      { field: 'from', code: 'invalid_format' },
    ]);
    expect(fieldErrorsOf(await look(head, 'from=2026-05&to=2026-04'))).toEqual([
      { field: 'from', code: 'range_reversed' },
    ]);
    expect(fieldErrorsOf(await look(head, 'from=2024-01&to=2026-05'))).toEqual([
      { field: 'to', code: 'range_too_long' },
    ]);
  });

  it('gives every figure as CSV, feedback by topic, and the extensions with their reasons', async () => {
    const csv = (part: string) =>
      call(test.app, head, {
        method: 'GET',
        url: `/api/v1/control.csv?from=2026-04&to=2026-05&unitId=${unitA}&part=${part}`,
      });
    const figures = await csv('figures');
    expect(figures.statusCode, figures.body).toBe(200);
    expect(figures.headers['content-type']).toMatch(/^text\/csv/);
    const lines = figures.body.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      ['unit_id', 'institution', 'unit', 'month', ...CONTROL_FIGURES, 'onTimeShare'].join(','),
    );
    expect(lines).toHaveLength(3);
    const may = lines[2]?.split(',') ?? [];
    expect(may.slice(2, 4)).toEqual(['Centrs A', '2026-05']);
    expect(may[4 + CONTROL_FIGURES.indexOf('externalDue')]).toBe('5');
    expect(may.at(-1)).toBe('0.6000');

    const topics = (await csv('topics')).body.trimEnd().split('\r\n');
    expect(topics).toEqual([
      'unit_id,unit,month,topic,count',
      `${unitA},Centrs A,2026-04,gaidīšana,1`,
      `${unitA},Centrs A,2026-04,laipnība,1`,
      `${unitA},Centrs A,2026-05,gaidīšana,1`,
    ]);

    const extensions = (await csv('extensions')).body.trimEnd().split('\r\n');
    expect(extensions[0]).toBe(
      'request,unit_id,unit,at,due_before,due_after,reason,interim_in_time',
    );
    expect(extensions.slice(1).map((line) => line.split(',').slice(4))).toEqual([
      ['2026-05-15', '2026-05-22', 'Vajag bāriņtiesas atzinumu', 'no'],
      ['2026-05-15', '2026-05-29', 'Gaidām Valsts zemes dienesta atbildi', 'yes'],
    ]);
  });
});
