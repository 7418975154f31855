import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCall, TCallPage, TCallbackPage } from '../../../contracts/telephony.contracts';
import { systemContext } from '../../http/access';
import { startKamailio, type Phone, type SipExchange, type Trunk } from '../../testing/sip';
import {
  call,
  createPerson,
  createTestApp,
  createUnit,
  signedIn,
  type Session,
  type TestApp,
} from '../../testing/test-app';

// A real SIP exchange drives Apkalpo: Debian's Kamailio runs docs/telephony/kamailio.cfg against
// the application listening on a port, a trunk calls a unit's line and the unit's desk phones
// ring, answer, are busy or are hung up on. What the exchange reported is read as a clerk reads
// it, through the HTTP API. Run by `npm run test:servers` (CI installs Kamailio).

const ctx = systemContext('kamailio-test');
const unique = () => randomBytes(4).toString('hex');
const digits = (count: number) =>
  Array.from({ length: count }, () => Math.floor(Math.random() * 10)).join('');

describe('calls through a real SIP exchange (Kamailio)', () => {
  let test: TestApp;
  let exchange: SipExchange;
  let trunk: Trunk;

  beforeAll(async () => {
    test = await createTestApp();
    // Kamailio stamps the events with the machine's time, so the application keeps that time too.
    test.clock.set(new Date());
    await test.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = test.app.server.address() as AddressInfo;
    const { token } = await test.services.telephony.createExchange(ctx, { name: 'Kamailio' });
    exchange = await startKamailio({ url: `http://127.0.0.1:${port}`, token, ringMs: 3000 });
    trunk = await exchange.trunk();
  }, 120_000);
  afterAll(async () => {
    await exchange?.stop();
    await test?.close();
  });

  /** A unit with its line and two people whose desk phones are registered at the exchange. */
  async function unitWithPhones() {
    const unit = await createUnit(test.services);
    const line = `67${digits(6)}`;
    await test.services.telephony.putLine(ctx, unit.id, {
      number: line,
      rotation: 'round_robin',
      menuKey: null,
      informationLine: false,
    });
    const phones = new Map<string, { phone: Phone; staffId: string }>();
    for (let n = 0; n < 2; n += 1) {
      const person = await createPerson(test.services, {
        unitIds: [unit.id],
        surname: `Zvanītājs ${unique()}`,
      });
      const extension = `9${digits(5)}`;
      await test.services.telephony.putExtension(ctx, person.id, { extension });
      phones.set(extension, { phone: await exchange.phone(extension), staffId: person.id });
    }
    const clerk = await signedIn(test, { roles: ['specialist'], unitIds: [unit.id] });
    return { unitId: unit.id, line, phones, clerk };
  }

  /** The phones in the order the call rang them. */
  const rungFor = (phones: Map<string, { phone: Phone }>, callId: string) =>
    [...phones.values()]
      .flatMap(({ phone }) =>
        phone.rang.filter((rang) => rang.callId === callId).map(({ ring }) => ({ phone, ring })),
      )
      .sort((a, b) => a.ring - b.ring)
      .map(({ phone }) => phone);

  async function callOf(clerk: Session, unitId: string, caller: string): Promise<TCall> {
    const response = await call(test.app, clerk, {
      method: 'GET',
      url: `/api/v1/calls?unitId=${unitId}`,
    });
    expect(response.statusCode).toBe(200);
    const calls = response.json<TCallPage>().items.filter((c) => c.from === caller);
    expect(calls, exchange.log()).toHaveLength(1);
    return calls[0] as TCall;
  }

  async function callbacksOf(clerk: Session, unitId: string) {
    // The clerk looks at the list after the events, by the machine's time.
    test.clock.set(new Date());
    const response = await call(test.app, clerk, {
      method: 'GET',
      url: `/api/v1/callbacks?unitId=${unitId}`,
    });
    expect(response.statusCode).toBe(200);
    return response.json<TCallbackPage>().items;
  }

  it('logs a call answered by the first extension rung, then ended normally', async () => {
    const { unitId, line, phones, clerk } = await unitWithPhones();
    const caller = `+37126${digits(6)}`;
    const ringing = trunk.dial(line, caller);
    expect(await ringing.outcome()).toBe(200);
    const rung = rungFor(phones, ringing.callId);
    expect(rung).toHaveLength(1);
    const answerer = phones.get(rung[0]?.extension ?? '');

    const answered = await callOf(clerk, unitId, caller);
    expect(answered).toMatchObject({ state: 'answered', direction: 'in', to: line });
    expect(answered.staff?.id).toBe(answerer?.staffId);

    expect(await ringing.hangUp()).toBe(200);
    const ended = await callOf(clerk, unitId, caller);
    expect(ended).toMatchObject({ state: 'ended', hangupCause: 'normal' });
    expect(ended.staff?.id).toBe(answerer?.staffId);
    expect(ended.endedAt).not.toBeNull();
    expect(await callbacksOf(clerk, unitId)).toEqual([]);
  });

  it('rings the second extension when the first is busy, and logs who answered', async () => {
    const { unitId, line, phones, clerk } = await unitWithPhones();
    // Whichever phone rings first is busy; the other picks up.
    let rings = 0;
    for (const { phone } of phones.values()) {
      phone.behaviour = () => (rings++ === 0 ? 'busy' : 'answer');
    }
    const caller = `+37126${digits(6)}`;
    const ringing = trunk.dial(line, caller);
    expect(await ringing.outcome()).toBe(200);
    const rung = rungFor(phones, ringing.callId);
    expect(rung).toHaveLength(2);
    const second = phones.get(rung[1]?.extension ?? '');

    expect(await ringing.hangUp()).toBe(200);
    const logged = await callOf(clerk, unitId, caller);
    expect(logged).toMatchObject({ state: 'ended', hangupCause: 'normal' });
    expect(logged.staff?.id).toBe(second?.staffId);
    expect(await callbacksOf(clerk, unitId)).toEqual([]);
  });

  it('turns a call that found everyone busy into a missed call and a callback due by the policy', async () => {
    const { unitId, line, phones, clerk } = await unitWithPhones();
    for (const { phone } of phones.values()) phone.behaviour = () => 'busy';
    const caller = `+37126${digits(6)}`;
    const ringing = trunk.dial(line, caller);
    expect(await ringing.outcome()).toBe(486);
    expect(rungFor(phones, ringing.callId)).toHaveLength(2);

    const missed = await callOf(clerk, unitId, caller);
    expect(missed).toMatchObject({ state: 'missed', hangupCause: 'busy', staff: null });
    const callbacks = await callbacksOf(clerk, unitId);
    expect(callbacks).toHaveLength(1);
    const due = await test.services.calendar.deadlineFor(new Date(missed.endedAt ?? ''), {
      channel: 'phone',
      clientKind: 'external',
      caseType: 'missed-call',
    });
    expect(callbacks[0]).toMatchObject({
      kind: 'missed_call',
      state: 'open',
      callId: missed.id,
      number: caller,
      dueAt: due.dueEnd.toISOString(),
    });
  });

  it('rings each extension for its time and, when none answers, logs a missed call (no answer)', async () => {
    const { unitId, line, phones, clerk } = await unitWithPhones();
    for (const { phone } of phones.values()) phone.behaviour = () => 'ring';
    const caller = `+37126${digits(6)}`;
    const ringing = trunk.dial(line, caller);
    expect(await ringing.outcome()).toBe(480);
    expect(rungFor(phones, ringing.callId)).toHaveLength(2);

    const missed = await callOf(clerk, unitId, caller);
    expect(missed).toMatchObject({ state: 'missed', hangupCause: 'no_answer', staff: null });
    const callbacks = await callbacksOf(clerk, unitId);
    expect(callbacks.map((callback) => callback.callId)).toEqual([missed.id]);
  });

  it('logs a call the caller gave up on while it rang as missed (cancelled), owed a callback', async () => {
    const { unitId, line, phones, clerk } = await unitWithPhones();
    for (const { phone } of phones.values()) phone.behaviour = () => 'ring';
    const caller = `+37126${digits(6)}`;
    const ringing = trunk.dial(line, caller);
    // The caller hangs up once the first phone rings.
    await expect.poll(() => rungFor(phones, ringing.callId).length).toBe(1);
    expect(await ringing.cancel()).toBe(487);

    const missed = await callOf(clerk, unitId, caller);
    expect(missed).toMatchObject({ state: 'missed', hangupCause: 'cancelled', staff: null });
    const callbacks = await callbacksOf(clerk, unitId);
    expect(callbacks.map((callback) => callback.callId)).toEqual([missed.id]);
  });

  it('logs a call from a withheld number, with quotes in its Call-ID, as missed and owing nothing', async () => {
    const { unitId, line, phones, clerk } = await unitWithPhones();
    for (const { phone } of phones.values()) phone.behaviour = () => 'busy';
    // SIP lets a Call-ID hold quotes and backslashes, which the JSON of the events cannot.
    const ringing = trunk.dial(line, 'anonymous', `"${unique()}\\x"@apkalpo.test`);
    expect(await ringing.outcome()).toBe(486);

    const missed = await callOf(clerk, unitId, 'anonymous');
    expect(missed).toMatchObject({ state: 'missed', hangupCause: 'busy', number: '' });
    expect(await callbacksOf(clerk, unitId)).toEqual([]);
  });
});
