import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createArgon2Hasher } from '../../adapters/password-hasher';
import { buildApp } from '../../app';
import { systemContext, type Principal } from '../../http/access';
import { call, createPerson, createUnit, signIn, type Session } from '../../testing/test-app';
import { openTestDatabaseTwice } from '../../testing/test-database';
import { createSessionCache } from './session-cache';

const hasher = createArgon2Hasher({ memoryCost: 1024, timeCost: 1 });

const principal = (staffId: string): Principal => ({
  kind: 'staff',
  staffId,
  tokenId: null,
  sessionId: 's',
  csrfToken: 'c',
  roles: [],
  permissions: new Set(),
  unitIds: [],
});

describe('the sessions a process keeps', () => {
  const session = (staffId: string) => ({
    principal: principal(staffId),
    staffId,
    expiresAt: new Date(2_000_000),
    lastSeenAt: new Date(1_000),
  });

  it('keeps nothing until changes are heard, and forgets everything when hearing stops', () => {
    const cache = createSessionCache(() => 0);
    cache.keep('a', session('p'), cache.mark());
    expect(cache.get('a')).toBeNull();

    cache.hearing(true);
    cache.keep('a', session('p'), cache.mark());
    expect(cache.get('a')?.staffId).toBe('p');

    cache.hearing(false);
    expect(cache.get('a')).toBeNull();
  });

  it('does not keep a lookup that was under way when a change was heard', () => {
    const cache = createSessionCache(() => 0);
    cache.hearing(true);
    const mark = cache.mark();
    cache.forgetStaff('someone else');
    cache.keep('a', session('p'), mark);
    expect(cache.get('a')).toBeNull();
  });

  it("forgets a person's sessions and keeps the others'", () => {
    const cache = createSessionCache(() => 0);
    cache.hearing(true);
    cache.keep('a1', session('a'), cache.mark());
    cache.keep('a2', session('a'), cache.mark());
    cache.keep('b1', session('b'), cache.mark());
    cache.forgetStaff('a');
    expect([cache.get('a1'), cache.get('a2'), cache.get('b1')?.staffId]).toEqual([null, null, 'b']);
  });

  it('asks the database again after half a minute even when nothing was heard', () => {
    let now = 0;
    const cache = createSessionCache(() => now);
    cache.hearing(true);
    cache.keep('a', session('p'), cache.mark());
    now = 29_999;
    expect(cache.get('a')).not.toBeNull();
    now = 30_000;
    expect(cache.get('a')).toBeNull();
  });
});

describe("the exchanges' principals a process keeps", () => {
  const exchange = (exchangeId: string) => ({
    principal: { ...principal('unused'), kind: 'system' as const, staffId: null, exchangeId },
  });

  it("forgets a revoked exchange's principal, and the others' after their own time", () => {
    let now = 0;
    const cache = createSessionCache<ReturnType<typeof exchange>>(() => now, 5_000);
    cache.hearing(true);
    cache.keep('a', exchange('a'), cache.mark());
    cache.keep('b', exchange('b'), cache.mark());
    cache.forgetExchange('a');
    expect([cache.get('a'), cache.get('b')?.principal.exchangeId]).toEqual([null, 'b']);
    now = 5_000;
    expect(cache.get('b')).toBeNull();
  });
});

describe('a change made through one instance, seen by another', () => {
  let instances: Awaited<ReturnType<typeof openTestDatabaseTwice>>;
  let first: Awaited<ReturnType<typeof buildApp>>;
  let second: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    instances = await openTestDatabaseTwice(inject('testDatabase'));
    first = await buildApp({ database: instances.first, hasher });
    second = await buildApp({ database: instances.second, hasher });
    await Promise.all([first.app.ready(), second.app.ready()]);
  });
  afterAll(async () => {
    await Promise.all([first.app.close(), second.app.close()]);
    await instances.close();
  });

  /** The second instance keeps sessions exactly when the database announces changes. */
  async function untilKeeping(): Promise<void> {
    const announces = instances.second.listen !== undefined;
    for (
      let tries = 0;
      announces && !second.services.auth.keepsSessions() && tries < 100;
      tries++
    ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(second.services.auth.keepsSessions()).toBe(announces);
  }

  /** The second instance's answer once it has heard the change (it hears within moments). */
  async function secondAnswers(session: Session, url: string, expected: number): Promise<number> {
    let status = 0;
    for (let tries = 0; tries < 100; tries++) {
      status = (await call(second.app, session, { method: 'GET', url })).statusCode;
      if (status === expected) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return status;
  }

  it('refuses a session signed out through the other instance', async () => {
    await untilKeeping();
    const unit = await createUnit(first.services);
    const person = await createPerson(first.services, { unitIds: [unit.id] });
    const session = await signIn(first.app, person);
    const me = { method: 'GET' as const, url: '/api/v1/auth/me' };
    expect((await call(second.app, session, me)).statusCode).toBe(200);
    expect((await call(second.app, session, me)).statusCode).toBe(200);

    const out = await call(first.app, session, { method: 'POST', url: '/api/v1/auth/logout' });
    expect(out.statusCode).toBe(204);

    expect(await secondAnswers(session, me.url, 401)).toBe(401);
  });

  it('narrows what a person may do once the other instance takes a role away', async () => {
    await untilKeeping();
    const unit = await createUnit(first.services);
    const person = await createPerson(first.services, { unitIds: [unit.id] });
    const session = await signIn(first.app, person);
    const mine = '/api/v1/requests?list=mine';
    expect((await call(second.app, session, { method: 'GET', url: mine })).statusCode).toBe(200);

    await first.services.staff.update(systemContext('test'), person.id, {
      version: person.version,
      roles: [],
    });

    expect(await secondAnswers(session, mine, 403)).toBe(403);
  });

  it('ends the sessions of a person the other instance deactivates', async () => {
    await untilKeeping();
    const unit = await createUnit(first.services);
    const person = await createPerson(first.services, { unitIds: [unit.id] });
    const session = await signIn(first.app, person);
    const me = '/api/v1/auth/me';
    expect((await call(second.app, session, { method: 'GET', url: me })).statusCode).toBe(200);

    await first.services.staff.update(systemContext('test'), person.id, {
      version: person.version,
      active: false,
    });

    expect(await secondAnswers(session, me, 401)).toBe(401);
  });

  it("refuses an exchange's token revoked through the other instance", async () => {
    await untilKeeping();
    const exchange = await first.services.telephony.createExchange(systemContext('test'), {
      name: 'Asterisk',
    });
    const ask = () =>
      second.app.inject({
        method: 'GET',
        url: '/api/v1/telephony/route?number=67000000',
        headers: { authorization: `Bearer ${exchange.token}` },
      });
    expect((await ask()).statusCode).toBe(200);
    expect((await ask()).statusCode).toBe(200);

    await first.services.telephony.revokeExchange(systemContext('test'), exchange.id);

    // Heard at once on PostgreSQL; on PGlite (one database, no notifications) the second
    // instance keeps the principal for its five seconds at most.
    let status = 0;
    for (let tries = 0; status !== 401 && tries < 140; tries++) {
      status = (await ask()).statusCode;
      if (status !== 401) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(status).toBe(401);
  });
});
