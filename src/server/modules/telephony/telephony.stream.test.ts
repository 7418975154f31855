import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCallStreamMessage } from '../../../contracts/telephony.contracts';
import { permissionsOf } from '../../../domain/roles';
import { systemContext, type ActionContext } from '../../http/access';
import {
  createContact,
  createPerson,
  createTestApp,
  createUnit,
  signedIn,
  type TestApp,
} from '../../testing/test-app';

const ctx = systemContext('telephony-stream-test');
const unique = () => randomBytes(4).toString('hex');
const number = () => `67${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
const mobile = () => `2${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;

/** A stream's messages as they come, and the next one awaited. */
function inbox() {
  const messages: TCallStreamMessage[] = [];
  const waiting: Array<(message: TCallStreamMessage) => void> = [];
  return {
    messages,
    send: (message: TCallStreamMessage) => {
      messages.push(message);
      waiting.shift()?.(message);
    },
    next: () => new Promise<TCallStreamMessage>((resolve) => waiting.push(resolve)),
  };
}

/** A specialist of the units, as their session would make them. */
const personCtx = (staffId: string, unitIds: string[]): ActionContext => {
  const system = systemContext('stream');
  return {
    ...system,
    principal: {
      ...system.principal,
      kind: 'staff',
      staffId,
      unitIds,
      roles: ['specialist'],
      permissions: permissionsOf(['specialist']),
    },
  };
};

describe('the call stream', () => {
  let test: TestApp;
  let token: string;
  let unitId: string;
  let line: string;

  const event = (payload: Record<string, unknown>) =>
    test.app.inject({
      method: 'POST',
      url: '/api/v1/telephony/events',
      headers: { authorization: `Bearer ${token}` },
      payload,
    });

  beforeAll(async () => {
    test = await createTestApp();
    test.clock.set(new Date('2026-03-03T09:00:00Z'));
    token = (await test.services.telephony.createExchange(ctx, { name: 'Asterisk' })).token;
    unitId = (await createUnit(test.services)).id;
    line = number();
    await test.services.telephony.putLine(ctx, unitId, {
      number: line,
      rotation: 'round_robin',
      menuKey: null,
      informationLine: false,
    });
  });
  afterAll(() => test.close());

  it('tells the unit and the extension rung of a call, with the caller card while it rings', async () => {
    const phone = mobile();
    const contact = await createContact(test.services, unitId, {
      channel: 'email',
      newClient: { kind: 'person', givenName: 'Līga', surname: 'Liepa', phone },
    });
    const clerk = await createPerson(test.services, { unitIds: [unitId] });
    // Someone of another unit whose extension the call rings, and someone it does not concern.
    const elsewhere = await createUnit(test.services);
    const rung = await createPerson(test.services, { unitIds: [elsewhere.id] });
    const rungExtension = String(3000 + Math.floor(Math.random() * 6999));
    await test.services.telephony.putExtension(ctx, rung.id, { extension: rungExtension });
    const bystander = await createPerson(test.services, { unitIds: [elsewhere.id] });

    const clerkInbox = inbox();
    const rungInbox = inbox();
    const bystanderInbox = inbox();
    const stops = [
      test.services.telephony.subscribe(personCtx(clerk.id, [unitId]), clerkInbox.send),
      test.services.telephony.subscribe(personCtx(rung.id, [elsewhere.id]), rungInbox.send),
      test.services.telephony.subscribe(
        personCtx(bystander.id, [elsewhere.id]),
        bystanderInbox.send,
      ),
    ];

    const callId = `stream-${unique()}`;
    const ringing = Promise.all([clerkInbox.next(), rungInbox.next()]);
    const rang = await event({
      event: 'new_call',
      callId,
      at: '2026-03-03T08:00:00Z',
      direction: 'in',
      from: `+371${phone}`,
      to: line,
      extension: rungExtension,
    });
    expect(rang.statusCode).toBe(200);
    const [toClerk, toRung] = await ringing;
    expect(toClerk.call).toMatchObject({ state: 'ringing', number: `+371${phone}` });
    expect(toClerk.card?.clients.map((client) => client.id)).toEqual([contact.client?.id]);
    // Each sees the card as they may: the clerk their unit's request, the other unit's person not.
    expect(toClerk.card?.openRequests.map((request) => request.id)).toEqual([
      contact.requests[0]?.id,
    ]);
    expect(toRung.card?.clients).toHaveLength(1);
    expect(toRung.card?.openRequests).toEqual([]);

    const answered = clerkInbox.next();
    await event({ event: 'answer', callId, at: '2026-03-03T08:00:10Z' });
    expect(await answered).toMatchObject({ call: { state: 'answered' }, card: null });

    // A repeat changes nothing and announces nothing; the bystander heard of none of it.
    await event({ event: 'answer', callId, at: '2026-03-03T08:00:10Z' });
    const call = toClerk.call.id;
    expect(await test.services.telephony.announce(call)).toBe(2);
    expect(clerkInbox.messages.map((message) => message.call.state)).toEqual([
      'ringing',
      'answered',
      'answered',
    ]);
    expect(bystanderInbox.messages).toEqual([]);

    for (const stop of stops) stop();
    expect(await test.services.telephony.announce(call)).toBe(0);
  });

  it('refuses the stream to those who do not serve clients', async () => {
    const auditor = await signedIn(test, { roles: ['auditor'], unitIds: [unitId] });
    const response = await test.app.inject({
      method: 'GET',
      url: '/api/v1/telephony/stream',
      headers: auditor.headers,
    });
    expect(response.statusCode).toBe(403);
    const anonymous = await test.app.inject({ method: 'GET', url: '/api/v1/telephony/stream' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('streams server-sent events over HTTP to a signed-in clerk', async () => {
    const clerk = await signedIn(test, { roles: ['specialist'], unitIds: [unitId] });
    const address = await test.app.listen({ port: 0, host: '127.0.0.1' });
    const abort = new AbortController();
    const response = await fetch(`${address}/api/v1/telephony/stream`, {
      headers: { cookie: clerk.headers.cookie ?? '' },
      signal: abort.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
    if (!reader) throw new Error('no body');
    // The stream is open once its first line (the retry interval) has come.
    let text = (await reader.read()).value ?? '';
    expect(text).toMatch(/^retry: \d+/);

    const callId = `http-${unique()}`;
    await event({
      event: 'new_call',
      callId,
      at: '2026-03-03T08:30:00Z',
      direction: 'in',
      from: `+371${mobile()}`,
      to: line,
    });
    while (!/event: call\ndata: .*\n\n/.test(text)) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += chunk.value;
    }
    const data = /event: call\ndata: (.*)\n\n/.exec(text)?.[1] ?? 'null';
    const message = JSON.parse(data) as TCallStreamMessage;
    expect(message.call).toMatchObject({ state: 'ringing', unit: { id: unitId } });
    expect(message.card).toMatchObject({ clients: [], openRequests: [], promises: [] });
    abort.abort();
  });
});
