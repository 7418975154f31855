import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  TCall,
  TCallback,
  TCallPage,
  TCallbackPage,
  TCallerCard,
  TLoad,
} from '../../../contracts/telephony.contracts';
import { systemContext } from '../../http/access';
import {
  call,
  createContact,
  createPerson,
  fieldErrorsOf,
  createTestApp,
  createUnit,
  signedIn,
  type TestApp,
} from '../../testing/test-app';

const ctx = systemContext('telephony-test');
const unique = () => randomBytes(4).toString('hex');
const number = () => `67${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
/** A mobile number no other test uses, written as a client record would: "2x xxx xxx". */
const mobile = () => {
  const digits = `2${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  return `${digits.slice(0, 2)} ${digits.slice(2, 5)} ${digits.slice(5)}`;
};

describe('telephony', () => {
  let test: TestApp;
  let token: string;
  let unitId: string;
  let line: string;

  const event = (payload: Record<string, unknown>, bearer = token) =>
    test.app.inject({
      method: 'POST',
      url: '/api/v1/telephony/events',
      headers: { authorization: `Bearer ${bearer}` },
      payload,
    });

  beforeAll(async () => {
    test = await createTestApp();
    test.clock.set(new Date('2026-03-03T09:00:00Z'));
    const exchange = await test.services.telephony.createExchange(ctx, { name: 'Asterisk' });
    token = exchange.token;
    const unit = await createUnit(test.services);
    unitId = unit.id;
    line = number();
    await test.services.telephony.putLine(ctx, unitId, {
      number: line,
      rotation: 'round_robin',
      menuKey: null,
      informationLine: false,
    });
  });
  afterAll(() => test.close());

  it('refuses events without an exchange token, and a staff session', async () => {
    const refused = await event({}, 'apx_wrong');
    expect(refused.statusCode).toBe(401);
    const clerk = await signedIn(test, { roles: ['specialist'], unitIds: [unitId] });
    const byClerk = await call(test.app, clerk, {
      method: 'POST',
      url: '/api/v1/telephony/events',
      payload: { event: 'hangup', callId: 'x', at: '2026-03-03T08:00:00Z', cause: 'normal' },
    });
    expect(byClerk.statusCode).toBe(403);
  });

  it("refuses an exchange's token the moment it is revoked, though it was just let in", async () => {
    const exchange = await test.services.telephony.createExchange(ctx, { name: 'Revoked' });
    const ask = () =>
      test.app.inject({
        method: 'GET',
        url: `/api/v1/telephony/route?number=${line}`,
        headers: { authorization: `Bearer ${exchange.token}` },
      });
    expect((await ask()).statusCode).toBe(200);
    expect((await ask()).statusCode).toBe(200);
    const admin = await signedIn(test, { roles: ['administrator'] });
    const revoked = await call(test.app, admin, {
      method: 'POST',
      url: `/api/v1/telephony/exchanges/${exchange.id}/revoke`,
    });
    expect(revoked.statusCode).toBe(200);
    expect((await ask()).statusCode).toBe(401);
  });

  it('refuses a bad payload with 400 naming the field, storing nothing', async () => {
    const callId = `bad-${unique()}`;
    const response = await event({ event: 'hangup', callId, at: 'yesterday', cause: 'normal' });
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json())).toContain('at');
    const stored = await test.database.db
      .selectFrom('calls')
      .select('id')
      .where('external_id', '=', callId)
      .execute();
    expect(stored).toEqual([]);
  });

  it('turns a missed call into one callback, repeated and out-of-order events changing nothing', async () => {
    const callId = `missed-${unique()}`;
    const caller = '+371 26 000 001';
    const hangup = { event: 'hangup', callId, at: '2026-03-03T08:01:00Z', cause: 'no_answer' };
    // The hangup arrives before the new_call, and twice.
    expect((await event(hangup)).json()).toMatchObject({ state: 'missed', applied: true });
    expect((await event(hangup)).json()).toMatchObject({ applied: false });
    const rang = await event({
      event: 'new_call',
      callId,
      at: '2026-03-03T08:00:30Z',
      direction: 'in',
      from: caller,
      to: line,
    });
    expect(rang.json()).toMatchObject({ state: 'missed', applied: true });

    const clerk = await signedIn(test, { roles: ['specialist'], unitIds: [unitId] });
    const list = await call(test.app, clerk, {
      method: 'GET',
      url: `/api/v1/callbacks?unitId=${unitId}`,
    });
    expect(list.statusCode).toBe(200);
    const mine = list.json<TCallbackPage>().items.filter((c) => c.number === '+37126000001');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ kind: 'missed_call', state: 'open' });
  });

  it('logs a missed call from a withheld number, owing no callback nobody could make', async () => {
    const callId = `withheld-${unique()}`;
    const rang = await event({
      event: 'new_call',
      callId,
      at: '2026-03-03T08:10:00Z',
      direction: 'in',
      from: 'anonymous',
      to: line,
    });
    expect(rang.statusCode).toBe(200);
    await event({ event: 'hangup', callId, at: '2026-03-03T08:10:40Z', cause: 'no_answer' });
    const notANumber = await event({
      event: 'new_call',
      callId: `hidden-${unique()}`,
      at: '2026-03-03T08:11:00Z',
      direction: 'in',
      from: 'hidden',
      to: line,
    });
    expect(notANumber.statusCode).toBe(400);
    expect(JSON.stringify(notANumber.json())).toContain('from');

    const clerk = await signedIn(test, { roles: ['specialist'], unitIds: [unitId] });
    const calls = await call(test.app, clerk, {
      method: 'GET',
      url: `/api/v1/calls?unitId=${unitId}`,
    });
    const withheld = calls.json<TCallPage>().items.filter((c) => c.from === 'anonymous');
    expect(withheld).toHaveLength(1);
    expect(withheld[0]).toMatchObject({ state: 'missed', number: '' });
    const callbacks = await call(test.app, clerk, {
      method: 'GET',
      url: `/api/v1/callbacks?unitId=${unitId}`,
    });
    const owed = callbacks.json<TCallbackPage>().items.filter((c) => c.callId === withheld[0]?.id);
    expect(owed).toEqual([]);
  });

  it('lets exactly one of two clerks claim a callback at once', async () => {
    const callId = `race-${unique()}`;
    await event({
      event: 'new_call',
      callId,
      at: '2026-03-03T08:10:00Z',
      direction: 'in',
      from: '+37126000002',
      to: line,
    });
    await event({ event: 'hangup', callId, at: '2026-03-03T08:10:20Z', cause: 'cancelled' });
    const first = await signedIn(test, { roles: ['specialist'], unitIds: [unitId] });
    const second = await signedIn(test, { roles: ['specialist'], unitIds: [unitId] });
    const list = await call(test.app, first, {
      method: 'GET',
      url: `/api/v1/callbacks?unitId=${unitId}`,
    });
    const callback = list
      .json<TCallbackPage>()
      .items.find((c) => c.number === '+37126000002') as TCallback;
    const claims = await Promise.all(
      [first, second].map((session) =>
        call(test.app, session, { method: 'POST', url: `/api/v1/callbacks/${callback.id}/claim` }),
      ),
    );
    expect(claims.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const winner = claims.find((r) => r.statusCode === 200);
    const loser = claims.find((r) => r.statusCode === 409);
    expect(loser?.json()).toMatchObject({ code: 'conflict' });
    const claimedBy = winner?.json<TCallback>().claimedBy?.id;
    const claimer = claimedBy === first.person.id ? first : second;

    const attempt = await call(test.app, claimer, {
      method: 'POST',
      url: `/api/v1/callbacks/${callback.id}/attempts`,
      payload: { outcome: 'reached', note: 'Atbildēts' },
    });
    expect(attempt.statusCode).toBe(201);
    expect(attempt.json()).toMatchObject({ state: 'closed', closing: 'reached' });
  });

  it('shows the caller card: the client by number, their open requests and promises', async () => {
    const phone = mobile();
    const contact = await createContact(test.services, unitId, {
      channel: 'email',
      newClient: { kind: 'person', givenName: 'Anna', surname: 'Kalniņa', phone },
      services: ['Dzīvesvietas deklarēšana'],
    });
    const request = contact.requests[0];
    if (!request) throw new Error('no request');
    const clerk = await signedIn(test, { roles: ['specialist'], unitIds: [unitId] });
    const promised = await call(test.app, clerk, {
      method: 'POST',
      url: `/api/v1/requests/${request.id}/commitments`,
      payload: {
        what: 'Atzvanīt par dokumentiem',
        dueAt: '2026-03-05T10:00:00Z',
        form: 'phone',
        keeperId: clerk.person.id,
      },
    });
    expect(promised.statusCode).toBe(201);

    // The exchange writes the number with the country code, the record without.
    const asked = `+371${phone.replace(/ /g, '')}`;
    const card = await call(test.app, clerk, {
      method: 'GET',
      url: `/api/v1/telephony/caller?number=${encodeURIComponent(asked)}`,
    });
    expect(card.statusCode).toBe(200);
    const body = card.json<TCallerCard>();
    expect(body.number).toBe(asked);
    expect(body.clients.map((client) => client.id)).toEqual([contact.client?.id]);
    expect(body.openRequests.map((open) => open.id)).toEqual([request.id]);
    expect(body.promises.map((promise) => promise.what)).toEqual(['Atzvanīt par dokumentiem']);

    // A clerk of another unit recognises the caller but does not see the unit's requests.
    const elsewhere = await createUnit(test.services);
    const stranger = await signedIn(test, { roles: ['specialist'], unitIds: [elsewhere.id] });
    const strangers = (
      await call(test.app, stranger, {
        method: 'GET',
        url: `/api/v1/telephony/caller?number=${encodeURIComponent(asked)}`,
      })
    ).json<TCallerCard>();
    expect(strangers.clients).toHaveLength(1);
    expect(strangers.openRequests).toEqual([]);
    expect(strangers.promises).toEqual([]);

    const unknown = (
      await call(test.app, clerk, { method: 'GET', url: '/api/v1/telephony/caller?number=29999' })
    ).json<TCallerCard>();
    expect(unknown).toMatchObject({ clients: [], openRequests: [], promises: [] });

    const bad = await call(test.app, clerk, {
      method: 'GET',
      url: '/api/v1/telephony/caller?number=calls',
    });
    expect(bad.statusCode).toBe(400);
    expect(fieldErrorsOf(bad)).toEqual([{ field: 'number', code: 'invalid_phone' }]);
  });

  it('ties a call to the phone contact logged for it, once, by a clerk of its unit', async () => {
    const phone = mobile();
    const callId = `contact-${unique()}`;
    await event({
      event: 'new_call',
      callId,
      at: '2026-03-03T08:30:00Z',
      direction: 'in',
      from: phone,
      to: line,
    });
    const answered = await event({ event: 'answer', callId, at: '2026-03-03T08:30:05Z' });
    const callRowId = answered.json<{ id: string }>().id;
    const clerk = await signedIn(test, { roles: ['specialist'], unitIds: [unitId] });
    const logged = await call(test.app, clerk, {
      method: 'POST',
      url: '/api/v1/contacts',
      payload: {
        channel: 'phone',
        unitId,
        reason: 'Jautā par deklarēšanu',
        newClient: { kind: 'person', givenName: 'Pēteris', surname: 'Ozols', phone },
        requests: [{ kind: 'consultation', unitId, service: 'Konsultācija' }],
      },
    });
    expect(logged.statusCode).toBe(201);
    const contact = logged.json<{ id: string; client: { id: string } }>();
    const link = (contactId: string, session = clerk) =>
      call(test.app, session, {
        method: 'POST',
        url: `/api/v1/telephony/calls/${callRowId}/contact`,
        payload: { contactId },
      });

    const unknown = await link('00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(400);
    expect(fieldErrorsOf(unknown)).toEqual([{ field: 'contactId', code: 'unknown_reference' }]);
    const visit = await createContact(test.services, unitId, { channel: 'in_person' });
    const notPhone = await link(visit.id);
    expect(fieldErrorsOf(notPhone)).toEqual([{ field: 'contactId', code: 'not_a_phone_contact' }]);
    const elsewhere = await createUnit(test.services);
    const stranger = await signedIn(test, { roles: ['specialist'], unitIds: [elsewhere.id] });
    expect((await link(contact.id, stranger)).statusCode).toBe(404);
    // Nothing of the refused ones was stored.
    expect((await test.services.telephony.getCall(ctx, callRowId)).contactId).toBeNull();

    const linked = await link(contact.id);
    expect(linked.statusCode).toBe(200);
    expect(linked.json<TCall>()).toMatchObject({
      contactId: contact.id,
      client: { id: contact.client.id },
    });
    expect((await link(contact.id)).statusCode).toBe(200);
    const other = await createContact(test.services, unitId, { channel: 'phone' });
    const second = await link(other.id);
    expect(second.statusCode).toBe(409);

    // The call shows in the client's call log with its contact, and the link was audited once.
    const log = await call(test.app, clerk, {
      method: 'GET',
      url: `/api/v1/calls?clientId=${contact.client.id}`,
    });
    expect(log.json<{ items: TCall[] }>().items.map((item) => [item.id, item.contactId])).toEqual([
      [callRowId, contact.id],
    ]);
    const audited = await test.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'call')
      .where('entity_id', '=', callRowId)
      .execute();
    expect(audited).toEqual([{ action: 'link_contact' }]);
  });

  it('routes round robin, skipping the absent and those on a call', async () => {
    const people = [];
    for (const extension of ['201', '202', '203']) {
      const person = await createPerson(test.services, { unitIds: [unitId] });
      await test.services.telephony.putExtension(ctx, person.id, { extension });
      people.push(person);
    }
    const route = async () =>
      (
        await test.app.inject({
          method: 'GET',
          url: `/api/v1/telephony/route?number=${line}`,
          headers: { authorization: `Bearer ${token}` },
        })
      ).json<{ extensions: { extension: string }[] }>();
    const firsts = [];
    for (let n = 0; n < 6; n += 1) firsts.push((await route()).extensions[0]?.extension);
    expect(new Set(firsts)).toEqual(new Set(['201', '202', '203']));

    // 202 answers a call: they are skipped while on it.
    const callId = `busy-${unique()}`;
    await event({
      event: 'new_call',
      callId,
      at: '2026-03-03T08:20:00Z',
      direction: 'in',
      from: '+37126000003',
      to: line,
    });
    await event({ event: 'answer', callId, at: '2026-03-03T08:20:05Z', extension: '202' });
    expect((await route()).extensions.map((e) => e.extension)).not.toContain('202');
    await event({ event: 'hangup', callId, at: '2026-03-03T08:25:00Z', cause: 'normal' });
    expect((await route()).extensions.map((e) => e.extension)).toContain('202');
  });

  it('counts the load per unit, weekday and hour of Riga, with callbacks made in time', async () => {
    const unit = await createUnit(test.services);
    const unitLine = number();
    await test.services.telephony.putLine(ctx, unit.id, {
      number: unitLine,
      rotation: 'round_robin',
      menuKey: null,
      informationLine: false,
    });
    const ring = async (at: string, from = `+371${mobile().replace(/ /g, '')}`) => {
      const callId = `load-${unique()}`;
      await event({ event: 'new_call', callId, at, direction: 'in', from, to: unitLine });
      return callId;
    };
    // Monday 2 March 09:15 Riga (UTC+2 in winter): answered.
    const answered = await ring('2026-03-02T07:15:00Z');
    await event({ event: 'answer', callId: answered, at: '2026-03-02T07:15:10Z' });
    await event({ event: 'hangup', callId: answered, at: '2026-03-02T07:20:00Z', cause: 'normal' });
    // Thursday 26 February 09:40: missed, reached only days later; Tuesday 08:30: missed, reached
    // the same morning.
    const late = await ring('2026-02-26T07:40:00Z');
    await event({ event: 'hangup', callId: late, at: '2026-02-26T07:41:00Z', cause: 'no_answer' });
    const inTime = await ring('2026-03-03T06:30:00Z');
    await event({ event: 'hangup', callId: inTime, at: '2026-03-03T06:31:00Z', cause: 'busy' });
    // Monday 20:00: a message left after hours.
    const message = await ring('2026-03-02T18:00:00Z');
    await event({
      event: 'voicemail',
      callId: message,
      at: '2026-03-02T18:01:00Z',
      recording: Buffer.from('RIFF').toString('base64'),
    });
    // An outgoing call is not load.
    await event({
      event: 'new_call',
      callId: `load-out-${unique()}`,
      at: '2026-03-02T07:15:00Z',
      direction: 'out',
      from: unitLine,
      to: '+37126000009',
    });

    const clerk = await signedIn(test, { roles: ['specialist'], unitIds: [unit.id] });
    const owed = (
      await call(test.app, clerk, { method: 'GET', url: `/api/v1/callbacks?unitId=${unit.id}` })
    )
      .json<TCallbackPage>()
      .items.filter((callback) => callback.kind === 'missed_call');
    expect(owed).toHaveLength(2);
    for (const callback of owed) {
      await call(test.app, clerk, {
        method: 'POST',
        url: `/api/v1/callbacks/${callback.id}/claim`,
      });
      const reached = await call(test.app, clerk, {
        method: 'POST',
        url: `/api/v1/callbacks/${callback.id}/attempts`,
        payload: { outcome: 'reached' },
      });
      expect(reached.statusCode).toBe(201);
    }

    const head = await signedIn(test, { roles: ['unit_head'], unitIds: [unit.id] });
    const url = `/api/v1/telephony/load?unitId=${unit.id}&from=2026-02-23&to=2026-03-03`;
    const load = await call(test.app, head, { method: 'GET', url });
    expect(load.statusCode).toBe(200);
    const body = load.json<TLoad>();
    expect(body).toMatchObject({ from: '2026-02-23', to: '2026-03-03', units: [{ id: unit.id }] });
    const zero = { answered: 0, missed: 0, calledBackInTime: 0, voicemail: 0 };
    expect(body.cells).toEqual([
      { unitId: unit.id, weekday: 1, hour: 9, ...zero, answered: 1 },
      { unitId: unit.id, weekday: 1, hour: 20, ...zero, voicemail: 1 },
      { unitId: unit.id, weekday: 2, hour: 8, ...zero, missed: 1, calledBackInTime: 1 },
      { unitId: unit.id, weekday: 4, hour: 9, ...zero, missed: 1 },
    ]);

    // The last four weeks up to today by default; a period outside it counts nothing.
    const lastWeeks = await call(test.app, head, {
      method: 'GET',
      url: `/api/v1/telephony/load?unitId=${unit.id}`,
    });
    expect(lastWeeks.json<TLoad>()).toMatchObject({ from: '2026-02-04', to: '2026-03-03' });
    expect(lastWeeks.json<TLoad>().cells).toHaveLength(4);
    const before = await call(test.app, head, {
      method: 'GET',
      url: `/api/v1/telephony/load?unitId=${unit.id}&from=2026-01-01&to=2026-02-22`,
    });
    expect(before.json<TLoad>().cells).toEqual([]);

    // Another unit's head sees none of it, a clerk may not ask; a reversed period is refused.
    const otherHead = await signedIn(test, {
      roles: ['unit_head'],
      unitIds: [(await createUnit(test.services)).id],
    });
    expect((await call(test.app, otherHead, { method: 'GET', url })).json<TLoad>().cells).toEqual(
      [],
    );
    expect((await call(test.app, clerk, { method: 'GET', url })).statusCode).toBe(403);
    const reversed = await call(test.app, head, {
      method: 'GET',
      url: `/api/v1/telephony/load?from=2026-03-03&to=2026-03-01`,
    });
    expect(reversed.statusCode).toBe(400);
    expect(fieldErrorsOf(reversed)).toEqual([{ field: 'to', code: 'range_reversed' }]);
  });
});
