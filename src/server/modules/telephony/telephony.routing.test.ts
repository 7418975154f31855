import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { nextTurn } from '../../../domain/rotation';
import { candidate } from '../../../domain/rotation.testing';
import type { TRouteAnswer } from '../../../contracts/telephony.contracts';
import { buildApp } from '../../app';
import { systemContext } from '../../http/access';
import {
  call,
  createContact,
  createPerson,
  createUnit,
  signIn,
  testHasher,
} from '../../testing/test-app';
import { createTestClock } from '../../testing/test-clock';
import { openTestDatabaseTwice } from '../../testing/test-database';
import { createLineRouting, LINE_KEEP_MS, type ReadLine } from './telephony.routing';
import { ROUTING_CHANNEL } from './telephony.service';

/**
 * A database of one line, as routeCall reads it: each read takes the next turn after the place
 * it holds and writes it there. After `hold`, reads wait until `release`.
 */
function oneLine(rotation: 'round_robin' | 'longest_idle' = 'round_robin') {
  const candidates = [candidate('anna'), candidate('berta'), candidate('cecilija')];
  const state = {
    place: null as string | null,
    reads: 0,
    log: [] as string[],
  };
  let hold = false;
  const held: Array<() => void> = [];
  const read = async (): Promise<ReadLine> => {
    state.reads += 1;
    if (hold) await new Promise<void>((resolve) => held.push(resolve));
    const first = rotation === 'round_robin' ? nextTurn(candidates, state.place) : null;
    if (first) state.place = first;
    state.log.push(`read ${first?.slice(3) ?? '-'}`);
    return { line: { unitId: 'unit', rotation, first }, candidates };
  };
  const saveTurns = async (turns: Array<{ unitId: string; staffId: string }>) => {
    await Promise.resolve();
    for (const turn of turns) {
      state.place = turn.staffId;
      state.log.push(`saved ${turn.staffId.slice(3)}`);
    }
  };
  let now = 0;
  const routing = createLineRouting({
    read,
    saveTurns,
    now: () => now,
    warn: (error) => {
      throw error;
    },
  });
  return {
    routing,
    state,
    hold: () => (hold = true),
    release: () => {
      hold = false;
      for (const resolve of held.splice(0)) resolve();
    },
    advance: (ms: number) => (now += ms),
    first: async (today = '2026-03-03') =>
      (await routing.route('+37167000000', today))?.extensions[0]?.staffId.slice(3),
  };
}

describe('answering a line from what this process kept of it', () => {
  it('reads the line once and takes the turns of the calls after it itself', async () => {
    const line = oneLine();
    line.routing.hearing(true);
    expect([
      await line.first(),
      await line.first(),
      await line.first(),
      await line.first(),
    ]).toEqual(['anna', 'berta', 'cecilija', 'anna']);
    expect(line.state.reads).toBe(1);
  });

  it('reads once for calls that come at once, each taking the next turn', async () => {
    const line = oneLine();
    line.routing.hearing(true);
    const answers = await Promise.all(Array.from({ length: 5 }, () => line.first()));
    expect(answers).toEqual(['anna', 'berta', 'cecilija', 'anna', 'berta']);
    expect(line.state.reads).toBe(1);
  });

  it('writes the turns it took before it reads the line again, so the database goes on from them', async () => {
    const line = oneLine();
    line.routing.hearing(true);
    expect([await line.first(), await line.first(), await line.first()]).toEqual([
      'anna',
      'berta',
      'cecilija',
    ]);
    line.routing.forget();
    expect(await line.first()).toBe('anna');
    expect(line.state.log).toEqual(['read anna', 'saved cecilija', 'read anna']);
  });

  it('writes the turns it took shortly after, without waiting for another read', async () => {
    const line = oneLine();
    line.routing.hearing(true);
    await line.first();
    await line.first();
    expect(line.state.place).toBe('id-anna');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(line.state.place).toBe('id-berta');
  });

  it('gives no turn twice when a change comes while the line is being read', async () => {
    const line = oneLine();
    line.routing.hearing(true);
    line.hold();
    const before = [line.first(), line.first()];
    await new Promise((resolve) => setImmediate(resolve));
    line.routing.forget();
    const after = line.first();
    await new Promise((resolve) => setImmediate(resolve));
    line.release();
    expect([...(await Promise.all(before)), await after]).toEqual(['anna', 'berta', 'cecilija']);
    expect(line.state.log).toEqual(['read anna', 'saved berta', 'read cecilija']);
  });

  it('does not keep a read that a change overtook, though it answers the calls waiting for it', async () => {
    const line = oneLine();
    line.routing.hearing(true);
    line.hold();
    const waiting = line.first();
    await new Promise((resolve) => setImmediate(resolve));
    line.routing.forget();
    line.release();
    expect(await waiting).toBe('anna');
    expect(await line.first()).toBe('berta');
    expect(line.state.reads).toBe(2);
  });

  it('reads the line again after a change, after a while, or on a new day', async () => {
    const line = oneLine();
    line.routing.hearing(true);
    await line.first();
    await line.first();
    expect(line.state.reads).toBe(1);
    line.routing.forget();
    await line.first();
    expect(line.state.reads).toBe(2);
    line.advance(LINE_KEEP_MS);
    await line.first();
    expect(line.state.reads).toBe(3);
    await line.first('2026-03-04');
    expect(line.state.reads).toBe(4);
  });

  it('reads every call while changes may go unheard, the database taking each turn', async () => {
    const line = oneLine();
    line.routing.hearing(true);
    line.routing.hearing(false);
    expect([await line.first(), await line.first(), await line.first()]).toEqual([
      'anna',
      'berta',
      'cecilija',
    ]);
    expect(line.state.reads).toBe(3);
    expect(line.routing.keeping()).toBe(false);
  });

  it('takes no turn on a longest idle line, and writes none', async () => {
    const line = oneLine('longest_idle');
    line.routing.hearing(true);
    expect([await line.first(), await line.first()]).toEqual(['anna', 'anna']);
    await line.routing.settle();
    expect(line.state.log).toEqual(['read -']);
  });
});

describe('a line answered by two instances', () => {
  const ctx = systemContext('telephony-routing-test');
  const clock = createTestClock('2026-03-03T09:00:00Z');
  let instances: Awaited<ReturnType<typeof openTestDatabaseTwice>>;
  let first: Awaited<ReturnType<typeof buildApp>>;
  let second: Awaited<ReturnType<typeof buildApp>>;
  let token: string;
  beforeAll(async () => {
    instances = await openTestDatabaseTwice(inject('testDatabase'));
    first = await buildApp({ database: instances.first, hasher: testHasher, clock });
    second = await buildApp({ database: instances.second, hasher: testHasher, clock });
    await Promise.all([first.app.ready(), second.app.ready()]);
    token = (await first.services.telephony.createExchange(ctx, { name: 'Asterisk' })).token;
    // The second instance keeps lines exactly when the database announces changes.
    const announces = instances.second.listen !== undefined;
    for (
      let tries = 0;
      announces && !second.services.telephony.keepsLines() && tries < 100;
      tries++
    ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(second.services.telephony.keepsLines()).toBe(announces);
  });
  afterAll(async () => {
    await Promise.all([first.app.close(), second.app.close()]);
    await instances.close();
  });

  const route = async (instance: typeof first, line: string) =>
    (
      await instance.app.inject({
        method: 'GET',
        url: `/api/v1/telephony/route?number=${line}`,
        headers: { authorization: `Bearer ${token}` },
      })
    ).json<TRouteAnswer>();

  async function unitWithThree() {
    const unit = await createUnit(first.services);
    const line = `67${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
    await first.services.telephony.putLine(ctx, unit.id, {
      number: line,
      rotation: 'round_robin',
      menuKey: null,
      informationLine: false,
    });
    const people = [];
    for (const letter of ['A', 'B', 'C']) {
      const created = await createPerson(first.services, {
        unitIds: [unit.id],
        surname: `Zvans ${letter} ${randomBytes(4).toString('hex')}`,
      });
      const extension = String(5000 + Math.floor(Math.random() * 4000));
      await first.services.telephony.putExtension(ctx, created.id, { extension });
      people.push({ ...created, extension });
    }
    return { unit, line, people };
  }

  it('stops ringing someone as soon as it hears they answered a call through the other', async () => {
    const { unit, line, people } = await unitWithThree();
    const [a, b, c] = people;
    if (!a || !b || !c) throw new Error('three people');
    // The announcements of the unit's making land before the line is first read.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await route(second, line)).extensions[0]?.extension).toBe(a.extension);
    // The place moved behind the instances' backs (nothing announces it): an instance that
    // keeps the line goes on from its own turn, one that reads it goes on from the place.
    await sql`update telephony_turns set last_routed_staff_id = ${c.id}
      where unit_id = ${unit.id}`.execute(instances.first.db);
    const kept = instances.second.listen !== undefined;
    expect((await route(second, line)).extensions[0]?.extension).toBe(
      kept ? b.extension : a.extension,
    );

    const callId = `elsewhere-${randomBytes(4).toString('hex')}`;
    const event = (payload: Record<string, unknown>) =>
      first.app.inject({
        method: 'POST',
        url: '/api/v1/telephony/events',
        headers: { authorization: `Bearer ${token}` },
        payload,
      });
    const at = clock.now().toISOString();
    await event({ event: 'new_call', callId, at, direction: 'in', from: '+37126000000', to: line });
    expect((await event({ event: 'answer', callId, at, extension: b.extension })).statusCode).toBe(
      200,
    );

    // The clock stands still: only the announcement can make the second instance read again.
    let rung: string[] = [];
    for (let tries = 0; tries < 100; tries++) {
      rung = (await route(second, line)).extensions.map((target) => target.extension);
      if (!rung.includes(b.extension)) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(rung).not.toContain(b.extension);
    expect(rung).toHaveLength(2);
  });

  // Only PostgreSQL announces; PGlite's processes read the database for every call.
  it.runIf(inject('testDatabase').kind !== 'pglite')(
    'is told of every change to whom a line rings, and not of a call that only rings',
    async () => {
      const { unit, line, people } = await unitWithThree();
      const [a, b] = people;
      if (!a || !b) throw new Error('three people');
      let heard = 0;
      let listening = false;
      instances.first.listen?.(ROUTING_CHANNEL, {
        message: () => (heard += 1),
        listening: (active) => (listening = active),
      });
      for (let tries = 0; !listening && tries < 100; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      /** Whether the change was announced: at once if so, and nothing within a second if not. */
      const announced = async (change: () => Promise<unknown>) => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        const before = heard;
        await change();
        for (let tries = 0; heard === before && tries < 20; tries++) {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        return heard > before;
      };
      const event = (payload: Record<string, unknown>) =>
        first.app.inject({
          method: 'POST',
          url: '/api/v1/telephony/events',
          headers: { authorization: `Bearer ${token}` },
          payload,
        });
      const callId = `told-${randomBytes(4).toString('hex')}`;
      const at = clock.now().toISOString();
      const from = '+37126000000';
      expect(
        await announced(() =>
          event({ event: 'new_call', callId, at, direction: 'in', from, to: line }),
        ),
      ).toBe(false);
      expect(
        await announced(() => event({ event: 'answer', callId, at, extension: a.extension })),
      ).toBe(true);
      expect(await announced(() => event({ event: 'hangup', callId, at, cause: 'normal' }))).toBe(
        true,
      );
      await createContact(first.services, unit.id, { queue: true });
      const session = await signIn(first.app, b);
      expect(
        await announced(() =>
          call(first.app, session, {
            method: 'POST',
            url: '/api/v1/queue/next',
            payload: { unitId: unit.id },
          }),
        ),
      ).toBe(true);
      expect(
        await announced(() =>
          first.services.absences.create(ctx, {
            staffId: a.id,
            kind: 'vacation',
            startsOn: '2026-03-03',
            endsOn: '2026-03-04',
          }),
        ),
      ).toBe(true);
      expect(await announced(() => createPerson(first.services, { unitIds: [unit.id] }))).toBe(
        true,
      );
    },
  );

  it('goes on with the round robin from the turns the other took, once it reads the line again', async () => {
    const { unit, line, people } = await unitWithThree();
    const [a, b, c] = people;
    if (!a || !b || !c) throw new Error('three people');
    expect((await route(second, line)).extensions[0]?.extension).toBe(a.extension);
    expect((await route(first, line)).extensions[0]?.extension).toBe(b.extension);
    expect((await route(first, line)).extensions[0]?.extension).toBe(c.extension);
    await first.services.telephony.settleTurns();
    const place = await sql<{ last_routed_staff_id: string }>`
      select last_routed_staff_id from telephony_turns where unit_id = ${unit.id}`.execute(
      instances.first.db,
    );
    expect(place.rows[0]?.last_routed_staff_id).toBe(c.id);
    clock.advance(LINE_KEEP_MS);
    expect((await route(second, line)).extensions[0]?.extension).toBe(a.extension);
  });
});
