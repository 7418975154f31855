import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TMe } from '../../../contracts/auth.contracts';
import { CSRF_HEADER, SESSION_COOKIE } from '../../http/authentication';
import { DEVICE_COOKIE } from './auth.routes';
import {
  TEST_PASSWORD,
  call,
  createPerson,
  createTestApp,
  createUnit,
  problemOf,
  signIn,
  type TestApp,
} from '../../testing/test-app';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe('sign-in and sessions', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp();
  });
  afterAll(() => test.close());

  let addressCounter = 0;
  /** A client address of its own, so one test's failed attempts never throttle another's. */
  const newAddress = () => `10.0.${Math.floor(++addressCounter / 250)}.${addressCounter % 250}`;

  const login = (
    email: string,
    password: string,
    options: { headers?: Record<string, string>; remoteAddress?: string } = {},
  ) =>
    test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password },
      ...options,
    });

  const me = (cookie: string) =>
    test.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: `${SESSION_COOKIE}=${cookie}` },
    });

  describe('POST /api/v1/auth/login', () => {
    it('starts a session in an httpOnly, SameSite=Lax cookie and returns the person', async () => {
      const unit = await createUnit(test.services);
      const person = await createPerson(test.services, {
        roles: ['unit_head', 'specialist'],
        unitIds: [unit.id],
      });

      const response = await login(person.email, TEST_PASSWORD);

      expect(response.statusCode).toBe(200);
      const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(cookie?.value.length).toBeGreaterThan(30);
      const body = response.json<TMe>();
      expect(body).toMatchObject({
        id: person.id,
        email: person.email,
        roles: ['specialist', 'unit_head'],
        units: [{ id: unit.id, name: unit.name }],
      });
      expect(body.permissions).toEqual(
        expect.arrayContaining(['absences.manage-own', 'absences.manage-unit']),
      );
      expect(body.permissions).not.toContain('staff.manage');
      expect(typeof body.csrfToken).toBe('string');
    });

    it('ignores the case and surrounding spaces of the email address', async () => {
      const person = await createPerson(test.services);
      const response = await login(`  ${person.email.toUpperCase()} `, TEST_PASSWORD);
      expect(response.statusCode).toBe(200);
    });

    it('answers a wrong password and an unknown email the same, in Latvian by default', async () => {
      const person = await createPerson(test.services);
      const remoteAddress = newAddress();

      const wrongPassword = await login(person.email, 'not the password', { remoteAddress });
      const unknownEmail = await login('nobody.here@example.lv', TEST_PASSWORD, { remoteAddress });

      for (const response of [wrongPassword, unknownEmail]) {
        expect(response.statusCode).toBe(401);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
      }
      const strip = (body: Record<string, unknown>) => ({
        ...body,
        requestId: undefined,
        instance: undefined,
      });
      expect(strip(wrongPassword.json())).toEqual(strip(unknownEmail.json()));
      expect(wrongPassword.json()).toMatchObject({
        status: 401,
        code: 'invalid_credentials',
        title: 'Pieteikšanās neizdevās',
        detail: 'Nepareiza e-pasta adrese vai parole.',
      });
    });

    it('answers in English when the client asks for it', async () => {
      const response = await login('nobody.else@example.lv', 'whatever it is', {
        headers: { 'accept-language': 'en-GB,en;q=0.9' },
        remoteAddress: newAddress(),
      });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({
        title: 'Sign-in failed',
        detail: 'Wrong email address or password.',
      });
    });

    it('refuses a person who has no password yet or who has left', async () => {
      const withoutPassword = await createPerson(test.services, { password: undefined });
      const left = await createPerson(test.services, { active: false });
      const remoteAddress = newAddress();
      expect(
        (await login(withoutPassword.email, TEST_PASSWORD, { remoteAddress })).statusCode,
      ).toBe(401);
      expect((await login(left.email, TEST_PASSWORD, { remoteAddress })).statusCode).toBe(401);
    });

    it('slows wrong guesses down with a growing wait, told in the problem and in Retry-After', async () => {
      const person = await createPerson(test.services);
      const remoteAddress = newAddress();
      for (let attempt = 1; attempt <= 4; attempt++) {
        const response = await login(person.email, `wrong password ${attempt}`, { remoteAddress });
        expect(response.statusCode).toBe(401);
      }

      const slowed = await login(person.email, TEST_PASSWORD, { remoteAddress });
      expect(slowed.statusCode).toBe(429);
      expect(slowed.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(slowed.headers['retry-after']).toBe('2');
      expect(slowed.json()).toMatchObject({ code: 'rate_limited' });
      expect(problemOf(slowed).detail).toContain('Mēģiniet vēlreiz pēc 2 s.');
      expect(slowed.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();

      test.clock.advance(2000);
      expect((await login(person.email, 'wrong again', { remoteAddress })).statusCode).toBe(401);
      const longer = await login(person.email, TEST_PASSWORD, {
        remoteAddress,
        headers: { 'accept-language': 'en' },
      });
      expect(longer.statusCode).toBe(429);
      expect(longer.headers['retry-after']).toBe('4');
      expect(problemOf(longer).detail).toContain('Try again in 4 s.');

      test.clock.advance(4000);
      expect((await login(person.email, TEST_PASSWORD, { remoteAddress })).statusCode).toBe(200);
    });

    it('never waits longer than 5 minutes, however many guesses: there is no lock', async () => {
      const person = await createPerson(test.services);
      const remoteAddress = newAddress();
      const waits: number[] = [];
      for (let guess = 0; guess < 14;) {
        const response = await login(person.email, `guess ${guess}`, { remoteAddress });
        if (response.statusCode === 429) {
          waits.push(Number(response.headers['retry-after']));
          test.clock.advance((waits.at(-1) ?? 0) * 1000);
        } else {
          guess += 1;
        }
      }
      expect(waits).toEqual([2, 4, 8, 16, 32, 64, 128, 256, 300, 300]);
      const slowed = await login(person.email, TEST_PASSWORD, { remoteAddress });
      expect(slowed.statusCode).toBe(429);
      expect(slowed.headers['retry-after']).toBe('300');
      expect(problemOf(slowed).detail).toContain('Mēģiniet vēlreiz pēc 5 min.');

      test.clock.advance(300 * 1000);
      expect((await login(person.email, TEST_PASSWORD, { remoteAddress })).statusCode).toBe(200);
    });

    it('lets the person in from a trusted device after an attacker’s 50 wrong passwords from their office address', async () => {
      const person = await createPerson(test.services);
      const office = newAddress();
      const first = await login(person.email, TEST_PASSWORD, { remoteAddress: office });
      const device = first.cookies.find((c) => c.name === DEVICE_COOKIE);
      expect(device).toMatchObject({ httpOnly: true, path: '/api/v1/auth/login' });
      expect(device?.expires?.getTime()).toBeGreaterThan(test.clock.now().getTime() + 90 * DAY);

      for (let guess = 0; guess < 50;) {
        const response = await login(person.email, `attacker ${guess}`, { remoteAddress: office });
        if (response.statusCode === 429) {
          test.clock.advance(Number(response.headers['retry-after']) * 1000);
        } else {
          expect(response.statusCode).toBe(401);
          guess += 1;
        }
      }
      // Without the device cookie the person waits like the attacker, from anywhere.
      expect((await login(person.email, TEST_PASSWORD, { remoteAddress: office })).statusCode).toBe(
        429,
      );
      expect(
        (await login(person.email, TEST_PASSWORD, { remoteAddress: newAddress() })).statusCode,
      ).toBe(429);

      const trusted = await login(person.email, TEST_PASSWORD, {
        remoteAddress: office,
        headers: { cookie: `${DEVICE_COOKIE}=${device?.value ?? ''}` },
      });
      expect(trusted.statusCode).toBe(200);
      expect(trusted.cookies.find((c) => c.name === SESSION_COOKIE)).toBeDefined();
    });

    it('judges a device trusted for one person like any other for someone else', async () => {
      const owner = await createPerson(test.services);
      const other = await createPerson(test.services);
      const remoteAddress = newAddress();
      const first = await login(owner.email, TEST_PASSWORD, { remoteAddress });
      const cookie = `${DEVICE_COOKIE}=${first.cookies.find((c) => c.name === DEVICE_COOKIE)?.value ?? ''}`;
      for (let guess = 1; guess <= 4; guess++)
        await login(other.email, `guess ${guess}`, { remoteAddress, headers: { cookie } });

      const slowed = await login(other.email, TEST_PASSWORD, {
        remoteAddress,
        headers: { cookie },
      });
      expect(slowed.statusCode).toBe(429);
    });

    it('counts an attempt only once its password has failed: correct sign-ins at once all succeed', async () => {
      const person = await createPerson(test.services);
      const remoteAddress = newAddress();

      const answers = await Promise.all(
        Array.from({ length: 8 }, () => login(person.email, TEST_PASSWORD, { remoteAddress })),
      );

      expect(answers.map((answer) => answer.statusCode)).toEqual(Array(8).fill(200));
    });

    it('slows only the attacked account, not others signing in from the same address', async () => {
      const attacked = await createPerson(test.services);
      const colleague = await createPerson(test.services);
      const remoteAddress = newAddress();
      for (let attempt = 1; attempt <= 5; attempt++)
        await login(attacked.email, 'wrong password', { remoteAddress });

      expect((await login(attacked.email, TEST_PASSWORD, { remoteAddress })).statusCode).toBe(429);
      expect((await login(colleague.email, TEST_PASSWORD, { remoteAddress })).statusCode).toBe(200);
    });

    it('slows an unknown address the same way, so a wait does not reveal who has an account', async () => {
      const remoteAddress = newAddress();
      const email = 'nobody.at.all@example.lv';
      for (let attempt = 1; attempt <= 4; attempt++)
        expect((await login(email, 'guess', { remoteAddress })).statusCode).toBe(401);

      const slowed = await login(email, 'guess', { remoteAddress });
      expect(slowed.statusCode).toBe(429);
      expect(problemOf(slowed).detail).toContain('2 s');
    });

    it('counts failures from an address only since the last successful sign-in there', async () => {
      const person = await createPerson(test.services);
      const remoteAddress = newAddress();
      for (let attempt = 1; attempt <= 3; attempt++)
        await login(person.email, 'typo in password', { remoteAddress });
      expect((await login(person.email, TEST_PASSWORD, { remoteAddress })).statusCode).toBe(200);
      for (let attempt = 1; attempt <= 3; attempt++)
        await login(person.email, 'typo in password', { remoteAddress });

      expect((await login(person.email, TEST_PASSWORD, { remoteAddress })).statusCode).toBe(200);
    });

    it('refuses an unknown field and a malformed email with field errors', async () => {
      const response = await test.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'not-an-email', password: 'x', remember: true },
      });
      expect(response.statusCode).toBe(400);
      expect(problemOf(response).errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'email', in: 'body', code: 'invalid_email' }),
          expect.objectContaining({ field: 'remember', in: 'body', code: 'unknown_field' }),
        ]),
      );
    });
  });

  describe('GET /api/v1/auth/me', () => {
    it('tells who is signed in, with the CSRF token for changes', async () => {
      const person = await createPerson(test.services, { roles: ['auditor'] });
      const session = await signIn(test.app, person);

      const response = await call(test.app, session, { method: 'GET', url: '/api/v1/auth/me' });

      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        id: person.id,
        givenName: person.givenName,
        surname: person.surname,
        roles: ['auditor'],
        permissions: [
          'audit.read',
          'requests.read-all',
          'clients.access-log',
          'incidents.read',
          'control.read',
        ],
        csrfToken: session.csrfToken,
      });
    });

    it('answers 401 problem+json without a session', async () => {
      const response = await test.app.inject({ method: 'GET', url: '/api/v1/auth/me' });
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({ code: 'unauthenticated' });
    });

    it('answers 401 with "session ended" for a made-up session cookie', async () => {
      const response = await me('made-up-session-token');
      expect(response.statusCode).toBe(401);
      expect(problemOf(response).detail).toBe(
        'Jūsu sesija ir beigusies. Lūdzu, piesakieties vēlreiz.',
      );
    });
  });

  describe('POST /api/v1/auth/logout', () => {
    it('ends the session and clears the cookie', async () => {
      const session = await signIn(test.app, await createPerson(test.services));

      const response = await call(test.app, session, {
        method: 'POST',
        url: '/api/v1/auth/logout',
      });

      expect(response.statusCode).toBe(204);
      const cleared = response.cookies.find((c) => c.name === SESSION_COOKIE);
      expect(cleared?.value).toBe('');
      expect((await me(session.cookie)).statusCode).toBe(401);
    });

    it('ends only that session, not the person’s other sessions', async () => {
      const person = await createPerson(test.services);
      const first = await signIn(test.app, person);
      const second = await signIn(test.app, person);

      await call(test.app, first, { method: 'POST', url: '/api/v1/auth/logout' });

      expect((await me(first.cookie)).statusCode).toBe(401);
      expect((await me(second.cookie)).statusCode).toBe(200);
    });

    it('refuses to end a session without its CSRF token, so another site cannot sign a clerk out', async () => {
      const session = await signIn(test.app, await createPerson(test.services));

      const response = await test.app.inject({
        method: 'POST',
        url: '/api/v1/auth/logout',
        headers: { cookie: session.headers.cookie },
      });

      expect(response.statusCode).toBe(403);
      expect(problemOf(response).code).toBe('csrf');
      expect((await me(session.cookie)).statusCode).toBe(200);
    });

    it('answers 204 even when nobody is signed in', async () => {
      const response = await test.app.inject({ method: 'POST', url: '/api/v1/auth/logout' });
      expect(response.statusCode).toBe(204);
    });
  });

  describe('session lifetime', () => {
    it('ends a session left unused for 120 minutes', async () => {
      const session = await signIn(test.app, await createPerson(test.services));

      test.clock.advance(119 * MINUTE);
      expect((await me(session.cookie)).statusCode).toBe(200);
      // Using the session keeps it alive for another 120 minutes.
      test.clock.advance(119 * MINUTE);
      expect((await me(session.cookie)).statusCode).toBe(200);

      test.clock.advance(121 * MINUTE);
      const expired = await me(session.cookie);
      expect(expired.statusCode).toBe(401);
      expect(expired.json()).toMatchObject({ code: 'unauthenticated' });
      expect(problemOf(expired).detail).toContain('sesija ir beigusies');
    });

    it('ends a session 12 hours after sign-in even when it is in use', async () => {
      const session = await signIn(test.app, await createPerson(test.services));
      for (let hour = 1; hour < 12; hour++) {
        test.clock.advance(60 * MINUTE);
        expect((await me(session.cookie)).statusCode).toBe(200);
      }
      test.clock.advance(60 * MINUTE);
      expect((await me(session.cookie)).statusCode).toBe(401);
    });
  });

  describe('CSRF protection', () => {
    const recordOwnAbsence = (
      session: Awaited<ReturnType<typeof signIn>>,
      headers: Record<string, string>,
    ) =>
      test.app.inject({
        method: 'POST',
        url: '/api/v1/absences',
        headers,
        payload: {
          staffId: session.person.id,
          kind: 'training',
          startsOn: '2026-05-04',
          endsOn: '2026-05-05',
        },
      });

    it('refuses a change made through a session without the X-CSRF-Token header', async () => {
      const session = await signIn(test.app, await createPerson(test.services));

      const response = await recordOwnAbsence(session, {
        cookie: `${SESSION_COOKIE}=${session.cookie}`,
      });

      expect(response.statusCode).toBe(403);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({ code: 'csrf' });
      const absences = await call(test.app, session, {
        method: 'GET',
        url: `/api/v1/absences?staffId=${session.person.id}&from=2026-01-01`,
      });
      expect(absences.json<{ total: number }>().total).toBe(0);
    });

    it('checks an address written with escapes the same way as the plain one', async () => {
      const session = await signIn(test.app, await createPerson(test.services));

      const response = await test.app.inject({
        method: 'POST',
        url: '/%61pi/v1/absences',
        headers: { cookie: `${SESSION_COOKIE}=${session.cookie}` },
        payload: {
          staffId: session.person.id,
          kind: 'training',
          startsOn: '2026-06-01',
          endsOn: '2026-06-02',
        },
      });

      expect(response.statusCode).toBe(403);
      expect(problemOf(response).code).toBe('csrf');
    });

    it('refuses a wrong token, and the token of another session', async () => {
      const session = await signIn(test.app, await createPerson(test.services));
      const other = await signIn(test.app, await createPerson(test.services));
      const cookie = `${SESSION_COOKIE}=${session.cookie}`;

      const wrong = await recordOwnAbsence(session, { cookie, [CSRF_HEADER]: 'guessed' });
      const borrowed = await recordOwnAbsence(session, { cookie, [CSRF_HEADER]: other.csrfToken });

      expect(wrong.statusCode).toBe(403);
      expect(problemOf(wrong).code).toBe('csrf');
      expect(borrowed.statusCode).toBe(403);
      expect(problemOf(borrowed).code).toBe('csrf');
    });

    it('accepts the change with the session’s own token, and reads need none', async () => {
      const session = await signIn(test.app, await createPerson(test.services));
      const cookie = `${SESSION_COOKIE}=${session.cookie}`;

      const created = await recordOwnAbsence(session, {
        cookie,
        [CSRF_HEADER]: session.csrfToken,
      });
      const read = await test.app.inject({
        method: 'GET',
        url: `/api/v1/absences?staffId=${session.person.id}&from=2026-01-01`,
        headers: { cookie },
      });

      expect(created.statusCode).toBe(201);
      expect(read.statusCode).toBe(200);
      expect(read.json<{ total: number }>().total).toBe(1);
    });
  });

  describe('POST /api/v1/auth/password', () => {
    it('changes one’s own password: the new one works, the old one no longer does', async () => {
      const person = await createPerson(test.services);
      const session = await signIn(test.app, person);
      const newPassword = 'a new and longer password';

      const response = await call(test.app, session, {
        method: 'POST',
        url: '/api/v1/auth/password',
        payload: { currentPassword: TEST_PASSWORD, newPassword },
      });

      expect(response.statusCode).toBe(204);
      const remoteAddress = newAddress();
      expect((await login(person.email, TEST_PASSWORD, { remoteAddress })).statusCode).toBe(401);
      expect((await login(person.email, newPassword, { remoteAddress })).statusCode).toBe(200);
    });

    it('signs the person out everywhere else, keeping the session that changed it', async () => {
      const person = await createPerson(test.services);
      const here = await signIn(test.app, person);
      const elsewhere = await signIn(test.app, person);

      const response = await call(test.app, here, {
        method: 'POST',
        url: '/api/v1/auth/password',
        payload: { currentPassword: TEST_PASSWORD, newPassword: 'a new and longer password' },
      });

      expect(response.statusCode).toBe(204);
      expect((await me(here.cookie)).statusCode).toBe(200);
      expect((await me(elsewhere.cookie)).statusCode).toBe(401);
    });

    it('slows guesses of the current password like sign-in attempts', async () => {
      const person = await createPerson(test.services);
      const session = await signIn(test.app, person);
      const change = (currentPassword: string) =>
        call(test.app, session, {
          method: 'POST',
          url: '/api/v1/auth/password',
          payload: { currentPassword, newPassword: 'a new and longer password' },
        });
      for (let guess = 1; guess <= 4; guess++) {
        expect((await change(`guess number ${guess}`)).statusCode).toBe(400);
      }

      const locked = await change(TEST_PASSWORD);

      expect(locked.statusCode).toBe(429);
      expect(problemOf(locked).code).toBe('rate_limited');
      expect((await login(person.email, TEST_PASSWORD)).statusCode).toBe(429);
    });

    it('refuses a wrong current password, naming the field, and keeps the old password', async () => {
      const person = await createPerson(test.services);
      const session = await signIn(test.app, person);

      const response = await call(test.app, session, {
        method: 'POST',
        url: '/api/v1/auth/password',
        payload: { currentPassword: 'not my password', newPassword: 'a new and longer password' },
      });

      expect(response.statusCode).toBe(400);
      expect(problemOf(response).errors).toEqual([
        expect.objectContaining({
          field: 'currentPassword',
          in: 'body',
          code: 'wrong_password',
          message: 'Pašreizējā parole nav pareiza.',
        }),
      ]);
      expect((await login(person.email, TEST_PASSWORD)).statusCode).toBe(200);
    });

    it('refuses a new password shorter than 12 characters', async () => {
      const session = await signIn(test.app, await createPerson(test.services));

      const response = await call(test.app, session, {
        method: 'POST',
        url: '/api/v1/auth/password',
        payload: { currentPassword: TEST_PASSWORD, newPassword: 'short' },
      });

      expect(response.statusCode).toBe(400);
      expect(problemOf(response).errors).toEqual([
        expect.objectContaining({
          field: 'newPassword',
          code: 'too_short',
          message: 'Jābūt vismaz 12 rakstzīmēm.',
        }),
      ]);
    });

    it('needs the CSRF token like every other change', async () => {
      const session = await signIn(test.app, await createPerson(test.services));
      const response = await test.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        headers: { cookie: `${SESSION_COOKIE}=${session.cookie}` },
        payload: { currentPassword: TEST_PASSWORD, newPassword: 'a new and longer password' },
      });
      expect(response.statusCode).toBe(403);
      expect(problemOf(response).code).toBe('csrf');
    });
  });
});
