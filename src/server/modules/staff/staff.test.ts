import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TStaff } from '../../../contracts/staff.contracts';
import {
  TEST_PASSWORD,
  call,
  createPerson,
  createTestApp,
  createUnit,
  fieldErrorsOf,
  problemOf,
  signedIn,
  signIn,
  type Session,
  type TestApp,
} from '../../testing/test-app';

const unique = () => randomBytes(4).toString('hex');

describe('staff', () => {
  let test: TestApp;
  let admin: Session;
  let reader: Session;
  beforeAll(async () => {
    test = await createTestApp();
    admin = await signedIn(test, { roles: ['administrator'] });
    reader = await signedIn(test, { roles: ['specialist'] });
  });
  afterAll(() => test.close());

  const newPersonBody = (extra: Record<string, unknown> = {}) => ({
    givenName: 'Anna',
    surname: `Bērziņa ${unique()}`,
    position: 'Klientu apkalpošanas speciāliste',
    email: `anna.${unique()}@example.lv`,
    ...extra,
  });

  const postStaff = (body: Record<string, unknown>) =>
    call(test.app, admin, { method: 'POST', url: '/api/v1/staff', payload: body });

  const patchStaff = (person: Pick<TStaff, 'id' | 'version'>, body: Record<string, unknown>) =>
    call(test.app, admin, {
      method: 'PATCH',
      url: `/api/v1/staff/${person.id}`,
      payload: { version: person.version, ...body },
    });

  const getStaff = async (id: string): Promise<TStaff> =>
    (await call(test.app, reader, { method: 'GET', url: `/api/v1/staff/${id}` })).json();

  describe('POST /api/v1/staff', () => {
    it('adds a person with roles, units and a password, who can then sign in', async () => {
      const main = await createUnit(test.services, 'Klientu apkalpošanas centrs');
      const second = await createUnit(test.services, 'Sociālais dienests');
      const body = newPersonBody({
        phone: '+371 20000000',
        competences: ['Dzīvesvietas deklarēšana', 'Sociālie pabalsti'],
        roles: ['unit_head', 'specialist'],
        units: [
          { unitId: second.id, primary: false },
          { unitId: main.id, primary: true },
        ],
        password: 'a long enough password',
      });

      const response = await postStaff(body);

      expect(response.statusCode).toBe(201);
      const created = response.json<TStaff>();
      expect(created).toMatchObject({
        givenName: 'Anna',
        surname: body.surname,
        email: body.email,
        phone: '+371 20000000',
        competences: ['Dzīvesvietas deklarēšana', 'Sociālie pabalsti'],
        roles: ['specialist', 'unit_head'],
        units: [
          { id: main.id, name: main.name, institutionName: main.institutionName, primary: true },
          { id: second.id, name: second.name, primary: false },
        ],
        active: true,
        canSignIn: true,
        version: 1,
      });
      expect(JSON.stringify(created)).not.toContain('a long enough password');
      const session = await signIn(test.app, created, 'a long enough password');
      expect(session.cookie).toBeTruthy();
    });

    it('adds a person without a password, who cannot sign in yet', async () => {
      const response = await postStaff(newPersonBody());
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({ canSignIn: false, roles: [], units: [] });
    });

    it('refuses an email address someone else has, whatever its case', async () => {
      const existing = await createPerson(test.services);

      const response = await postStaff(newPersonBody({ email: existing.email.toUpperCase() }));

      expect(response.statusCode).toBe(400);
      expect(problemOf(response).errors).toEqual([
        {
          field: 'email',
          in: 'body',
          code: 'email_taken',
          message: 'Šī e-pasta adrese jau pieder citam darbiniekam.',
        },
      ]);
    });

    it('needs exactly one main unit when units are given', async () => {
      const first = await createUnit(test.services);
      const second = await createUnit(test.services);

      const none = await postStaff(
        newPersonBody({
          units: [
            { unitId: first.id, primary: false },
            { unitId: second.id, primary: false },
          ],
        }),
      );
      const two = await postStaff(
        newPersonBody({
          units: [
            { unitId: first.id, primary: true },
            { unitId: second.id, primary: true },
          ],
        }),
      );

      for (const response of [none, two]) {
        expect(response.statusCode).toBe(400);
        expect(fieldErrorsOf(response)).toEqual([{ field: 'units', code: 'one_primary_unit' }]);
      }
    });

    it('refuses a unit that does not exist, naming its place in the list', async () => {
      const known = await createUnit(test.services);
      const response = await postStaff(
        newPersonBody({
          units: [
            { unitId: known.id, primary: true },
            { unitId: '00000000-0000-4000-8000-000000000000', primary: false },
          ],
        }),
      );
      expect(response.statusCode).toBe(400);
      expect(fieldErrorsOf(response)).toEqual([
        { field: 'units.1.unitId', code: 'unknown_reference' },
      ]);
    });

    it('refuses repeated roles, repeated competences and a short password', async () => {
      const response = await postStaff(
        newPersonBody({
          roles: ['specialist', 'specialist'],
          competences: ['Pabalsti', 'pabalsti'],
          password: 'short',
        }),
      );
      expect(response.statusCode).toBe(400);
      expect(fieldErrorsOf(response)).toEqual(
        expect.arrayContaining([
          { field: 'roles', code: 'duplicate_item' },
          { field: 'competences', code: 'duplicate_item' },
          { field: 'password', code: 'too_short' },
        ]),
      );
    });
  });

  describe('GET /api/v1/staff', () => {
    it('finds people by name without diacritics, and by unit, role and state', async () => {
      const unit = await createUnit(test.services);
      const marker = unique();
      const head = await createPerson(test.services, {
        surname: `Ozoliņš ${marker}`,
        roles: ['unit_head'],
        unitIds: [unit.id],
      });
      const specialist = await createPerson(test.services, {
        surname: `Kalniņa ${marker}`,
        unitIds: [unit.id],
      });
      const left = await createPerson(test.services, {
        surname: `Liepiņš ${marker}`,
        unitIds: [unit.id],
        active: false,
      });
      const ids = async (query: string) =>
        (await call(test.app, reader, { method: 'GET', url: `/api/v1/staff?${query}` }))
          .json<{ items: TStaff[] }>()
          .items.map((item) => item.id);

      expect(await ids(`q=ozolins%20${marker}`)).toEqual([head.id]);
      expect(await ids(`unitId=${unit.id}&sort=surname`)).toEqual([
        specialist.id,
        left.id,
        head.id,
      ]);
      expect(await ids(`unitId=${unit.id}&role=unit_head`)).toEqual([head.id]);
      expect(await ids(`unitId=${unit.id}&active=false`)).toEqual([left.id]);
    });
  });

  describe('GET /api/v1/staff/:id', () => {
    it('answers 404 for a person who does not exist', async () => {
      const response = await call(test.app, reader, {
        method: 'GET',
        url: '/api/v1/staff/00000000-0000-4000-8000-000000000000',
      });
      expect(response.statusCode).toBe(404);
    });
  });

  describe('PATCH /api/v1/staff/:id', () => {
    it('changes details, replaces roles and units, and moves the version on', async () => {
      const oldUnit = await createUnit(test.services);
      const newUnit = await createUnit(test.services);
      const person = await createPerson(test.services, {
        roles: ['specialist'],
        unitIds: [oldUnit.id],
      });

      const response = await patchStaff(person, {
        position: 'Nodaļas vadītāja',
        roles: ['unit_head'],
        units: [{ unitId: newUnit.id, primary: true }],
      });

      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        givenName: person.givenName,
        position: 'Nodaļas vadītāja',
        roles: ['unit_head'],
        units: [{ id: newUnit.id, primary: true }],
        version: 2,
      });
      expect(response.json<TStaff>().units).toHaveLength(1);
    });

    it('lets nobody change their own roles, while the rest of their record can change', async () => {
      const self = await signedIn(test, { roles: ['administrator'] });
      const patchSelf = (payload: Record<string, unknown>) =>
        call(test.app, self, {
          method: 'PATCH',
          url: `/api/v1/staff/${self.person.id}`,
          payload: { version: self.person.version, ...payload },
        });

      for (const roles of [['administrator', 'auditor'], [], ['auditor']]) {
        const refused = await patchSelf({ roles });
        expect(refused.statusCode).toBe(403);
        expect(problemOf(refused)).toMatchObject({
          code: 'forbidden',
          detail: 'Savas lomas mainīt nevar: tās maina cits administrators.',
        });
      }
      const unchanged = await patchSelf({ roles: ['administrator'], position: 'Vadītāja' });
      expect(unchanged.statusCode, unchanged.body).toBe(200);
      expect(unchanged.json<TStaff>()).toMatchObject({
        roles: ['administrator'],
        position: 'Vadītāja',
      });

      const byColleague = await call(test.app, admin, {
        method: 'PATCH',
        url: `/api/v1/staff/${self.person.id}`,
        payload: { roles: ['administrator', 'auditor'], version: self.person.version + 1 },
      });
      expect(byColleague.statusCode, byColleague.body).toBe(200);
    });

    it('refuses a stale version with 409 and keeps the newer change', async () => {
      const person = await createPerson(test.services);
      expect((await patchStaff(person, { position: 'Vecākā speciāliste' })).statusCode).toBe(200);

      const stale = await patchStaff(person, { position: 'Praktikante' });

      expect(stale.statusCode).toBe(409);
      expect(problemOf(stale).code).toBe('version_conflict');
      expect(problemOf(stale).detail).toContain('ierakstu saglabāja kāds cits');
      expect(await getStaff(person.id)).toMatchObject({
        position: 'Vecākā speciāliste',
        version: 2,
      });
    });

    it('refuses another person’s email address', async () => {
      const other = await createPerson(test.services);
      const person = await createPerson(test.services);

      const response = await patchStaff(person, { email: other.email });

      expect(response.statusCode).toBe(400);
      expect(fieldErrorsOf(response)).toEqual([{ field: 'email', code: 'email_taken' }]);
      expect((await getStaff(person.id)).email).toBe(person.email);
    });

    it('deactivates a person: they can no longer sign in and their session ends', async () => {
      const person = await createPerson(test.services);
      const session = await signIn(test.app, person);

      const response = await patchStaff(person, { active: false });

      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ active: false, canSignIn: false });
      const me = await call(test.app, session, { method: 'GET', url: '/api/v1/auth/me' });
      expect(me.statusCode).toBe(401);
      const login = await test.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: person.email, password: TEST_PASSWORD },
      });
      expect(login.statusCode).toBe(401);
    });
  });

  describe('POST /api/v1/staff/:id/password', () => {
    it('sets a password the person can sign in with', async () => {
      const person = await createPerson(test.services, { password: undefined });
      expect(person.canSignIn).toBe(false);

      const response = await call(test.app, admin, {
        method: 'POST',
        url: `/api/v1/staff/${person.id}/password`,
        payload: { password: 'set by the administrator' },
      });

      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ id: person.id, canSignIn: true, version: 1 });
      await expect(signIn(test.app, person, 'set by the administrator')).resolves.toBeTruthy();
    });

    it('signs out whoever was signed in with the old password', async () => {
      const person = await createPerson(test.services);
      const theirs = await signIn(test.app, person);

      const response = await call(test.app, admin, {
        method: 'POST',
        url: `/api/v1/staff/${person.id}/password`,
        payload: { password: 'set by the administrator' },
      });

      expect(response.statusCode).toBe(200);
      const me = await call(test.app, theirs, { method: 'GET', url: '/api/v1/auth/me' });
      expect(me.statusCode).toBe(401);
      const adminMe = await call(test.app, admin, { method: 'GET', url: '/api/v1/auth/me' });
      expect(adminMe.statusCode).toBe(200);
    });

    it('answers 404 for a person who does not exist', async () => {
      const response = await call(test.app, admin, {
        method: 'POST',
        url: '/api/v1/staff/00000000-0000-4000-8000-000000000000/password',
        payload: { password: 'set by the administrator' },
      });
      expect(response.statusCode).toBe(404);
    });
  });
});
