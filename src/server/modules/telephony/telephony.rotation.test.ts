import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRouteAnswer } from '../../../contracts/telephony.contracts';
import type { TStaff } from '../../../contracts/staff.contracts';
import { systemContext } from '../../http/access';
import {
  call,
  createContact,
  createPerson,
  createTestApp,
  createUnit,
  signIn,
  type TestApp,
} from '../../testing/test-app';

const ctx = systemContext('telephony-rotation-test');
const unique = () => randomBytes(4).toString('hex');
const number = () => `67${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
let nextExtension = 4000 + Math.floor(Math.random() * 5000);

describe('routing an incoming call', () => {
  let test: TestApp;
  let token: string;

  const event = (payload: Record<string, unknown>) =>
    test.app.inject({
      method: 'POST',
      url: '/api/v1/telephony/events',
      headers: { authorization: `Bearer ${token}` },
      payload,
    });
  const route = async (line: string) =>
    (
      await test.app.inject({
        method: 'GET',
        url: `/api/v1/telephony/route?number=${line}`,
        headers: { authorization: `Bearer ${token}` },
      })
    ).json<TRouteAnswer>();

  /** A unit with its line and people, each with an extension, in the unit's list order. */
  async function unitWith(rotation: 'round_robin' | 'longest_idle', size: number) {
    const unit = await createUnit(test.services);
    const line = number();
    await test.services.telephony.putLine(ctx, unit.id, {
      number: line,
      rotation,
      menuKey: null,
      informationLine: false,
    });
    const people: Array<TStaff & { extension: string }> = [];
    for (let n = 0; n < size; n += 1) {
      const person = await createPerson(test.services, {
        unitIds: [unit.id],
        surname: `Zvanītājs ${String.fromCharCode(65 + n)} ${unique()}`,
      });
      const extension = String((nextExtension += 1));
      await test.services.telephony.putExtension(ctx, person.id, { extension });
      people.push({ ...person, extension });
    }
    return { unit, line, people };
  }

  /** A call to the line taken by the extension, and hung up at the time when given. */
  async function taken(line: string, extension: string, at: string, endedAt?: string) {
    const callId = `taken-${unique()}`;
    await event({ event: 'new_call', callId, at, direction: 'in', from: '+37126111111', to: line });
    await event({ event: 'answer', callId, at, extension });
    if (endedAt) await event({ event: 'hangup', callId, at: endedAt, cause: 'normal' });
    return callId;
  }

  beforeAll(async () => {
    test = await createTestApp();
    test.clock.set(new Date('2026-03-03T09:00:00Z'));
    token = (await test.services.telephony.createExchange(ctx, { name: 'Asterisk' })).token;
  });
  afterAll(() => test.close());

  it('skips the absent, the one on a call and the one serving a visitor, then rings the substitute', async () => {
    const { unit, line, people } = await unitWith('round_robin', 4);
    const [absent, serving, onCall, free] = people;
    if (!absent || !serving || !onCall || !free) throw new Error('four people');
    const elsewhere = await createUnit(test.services);
    const substitute = await createPerson(test.services, { unitIds: [elsewhere.id] });
    const substituteExtension = String((nextExtension += 1));
    await test.services.telephony.putExtension(ctx, substitute.id, {
      extension: substituteExtension,
    });
    await test.services.absences.create(ctx, {
      staffId: absent.id,
      kind: 'vacation',
      startsOn: '2026-03-02',
      endsOn: '2026-03-06',
      substituteId: substitute.id,
    });
    // A visitor waits in the unit's queue and is called in by one of them (clause 11.8).
    await createContact(test.services, unit.id, { queue: true });
    const called = await call(test.app, await signIn(test.app, serving), {
      method: 'POST',
      url: '/api/v1/queue/next',
      payload: { unitId: unit.id },
    });
    expect(called.statusCode).toBe(200);
    await taken(line, onCall.extension, '2026-03-03T08:55:00Z');

    const answer = await route(line);
    expect(answer.extensions).toEqual([
      { extension: free.extension, staffId: free.id, substitute: false },
      { extension: substituteExtension, staffId: substitute.id, substitute: true },
    ]);
    expect(answer.dial).toBe(`${free.extension},${substituteExtension}`);
  });

  it('rings the unit fairly round robin over many calls', async () => {
    const { line, people } = await unitWith('round_robin', 3);
    const firsts = new Map<string, number>();
    for (let n = 0; n < 30; n += 1) {
      const first = (await route(line)).extensions[0]?.extension ?? 'none';
      firsts.set(first, (firsts.get(first) ?? 0) + 1);
    }
    expect(Object.fromEntries(firsts)).toEqual(
      Object.fromEntries(people.map((person) => [person.extension, 10])),
    );
  });

  it('rings the unit fairly round robin when the calls come at once', async () => {
    const { line, people } = await unitWith('round_robin', 3);
    const answers = await Promise.all(Array.from({ length: 30 }, () => route(line)));
    const firsts = new Map<string, number>();
    for (const answer of answers) {
      const first = answer.extensions[0]?.extension ?? 'none';
      firsts.set(first, (firsts.get(first) ?? 0) + 1);
    }
    expect(Object.fromEntries(firsts)).toEqual(
      Object.fromEntries(people.map((person) => [person.extension, 10])),
    );
  });

  it('keeps ringing everyone in turn after a crash has emptied the round robin places', async () => {
    const { unit, line, people } = await unitWith('round_robin', 3);
    const [a, b] = people;
    if (!a || !b) throw new Error('three people');
    const first = async () => (await route(line)).extensions[0]?.extension;
    expect(await first()).toBe(a.extension);
    expect(await first()).toBe(b.extension);
    // The places are an unlogged table: PostgreSQL empties it when it recovers from a crash. A
    // process that kept the line goes on from its own turn, one that did not from the top of the
    // list (as a line that has no place yet, below): either way the next three calls ring the
    // three in turn.
    await sql`delete from telephony_turns where unit_id = ${unit.id}`.execute(test.database.db);
    const next = [await first(), await first(), await first()];
    expect(next.toSorted()).toEqual(people.map((person) => person.extension).toSorted());
  });

  // On PostgreSQL the six questions overlap (each its own connection) and the first takes the
  // place's row while the others wait for it; on PGlite, one connection, they come in turn.
  it('gives calls at once each the next turn when the line has no place yet (new, or after a crash)', async () => {
    const { unit, line, people } = await unitWith('round_robin', 3);
    await sql`delete from telephony_turns where unit_id = ${unit.id}`.execute(test.database.db);
    const answers = await Promise.all(Array.from({ length: 6 }, () => route(line)));
    const firsts = answers.map((answer) => answer.extensions[0]?.extension);
    expect(firsts.toSorted()).toEqual(
      people.flatMap((person) => [person.extension, person.extension]).toSorted(),
    );
  });

  it('passes over someone on a call and keeps the round robin going from the one rung', async () => {
    const { line, people } = await unitWith('round_robin', 3);
    const [a, b, c] = people;
    if (!a || !b || !c) throw new Error('three people');
    const first = async () => (await route(line)).extensions.map((target) => target.extension);
    expect(await first()).toEqual([a.extension, b.extension, c.extension]);
    const callId = await taken(line, b.extension, '2026-03-03T08:58:00Z');
    expect(await first()).toEqual([c.extension, a.extension]);
    expect(await first()).toEqual([a.extension, c.extension]);
    await event({ event: 'hangup', callId, at: '2026-03-03T08:59:00Z', cause: 'normal' });
    expect(await first()).toEqual([b.extension, c.extension, a.extension]);
    expect(await first()).toEqual([c.extension, a.extension, b.extension]);
  });

  it('wraps past a busy member at the top, and starts at the top when the one rung has left', async () => {
    const { line, people } = await unitWith('round_robin', 3);
    const [a, b, c] = people;
    if (!a || !b || !c) throw new Error('three people');
    const first = async () => (await route(line)).extensions[0]?.extension;
    expect([await first(), await first(), await first()]).toEqual([
      a.extension,
      b.extension,
      c.extension,
    ]);
    const callId = await taken(line, a.extension, '2026-03-03T08:58:00Z');
    expect(await first()).toBe(b.extension);
    await event({ event: 'hangup', callId, at: '2026-03-03T08:59:00Z', cause: 'normal' });
    await test.services.staff.update(ctx, b.id, { active: false, version: b.version });
    // Not c, who comes after b: a place naming nobody in the unit starts at the top.
    expect(await first()).toBe(a.extension);
  });

  it('rings the longest idle first: whoever never had a call, then the longest since their last', async () => {
    const { line, people } = await unitWith('longest_idle', 3);
    const [recent, earlier, never] = people;
    if (!recent || !earlier || !never) throw new Error('three people');
    await taken(line, recent.extension, '2026-03-03T08:30:00Z', '2026-03-03T08:50:00Z');
    await taken(line, earlier.extension, '2026-03-03T08:20:00Z', '2026-03-03T08:25:00Z');
    expect((await route(line)).extensions.map((target) => target.extension)).toEqual([
      never.extension,
      earlier.extension,
      recent.extension,
    ]);
  });

  it('records a transfer once, whatever order it arrives in', async () => {
    const { line, people } = await unitWith('round_robin', 1);
    const [person] = people;
    if (!person) throw new Error('one person');
    const callId = await taken(line, person.extension, '2026-03-03T08:40:00Z');
    const transfer = { event: 'transfer', callId, at: '2026-03-03T08:41:00Z', to: '4999' };
    expect((await event(transfer)).json()).toMatchObject({ state: 'answered', applied: true });
    expect((await event(transfer)).json()).toMatchObject({ applied: false });
    const hangup = await event({
      event: 'hangup',
      callId,
      at: '2026-03-03T08:45:00Z',
      cause: 'normal',
    });
    const id = hangup.json<{ id: string }>().id;
    expect(await test.services.telephony.getCall(ctx, id)).toMatchObject({
      state: 'ended',
      transferredTo: '4999',
      durationSeconds: 300,
    });
  });
});
