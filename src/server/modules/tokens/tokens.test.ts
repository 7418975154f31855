import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TApiToken } from '../../../contracts/tokens.contracts';
import type { TStaff } from '../../../contracts/staff.contracts';
import { addCalendarDays, rigaDateOf, rigaInstantOf } from '../../../domain/riga-time';
import type { Role } from '../../../domain/roles';
import { systemContext } from '../../http/access';
import {
  call,
  createPerson,
  createTestApp,
  fieldErrorsOf,
  problemOf,
  signedIn,
  signIn,
  type Session,
  type TestApp,
} from '../../testing/test-app';

/** An administrator who also holds the roles the system tokens here carry. */
const ISSUER: Role[] = ['administrator', 'auditor', 'specialist'];

describe('API tokens', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp();
  });
  afterAll(() => test.close());

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  async function issue(admin: Session, body: Record<string, unknown>) {
    const response = await call(test.app, admin, {
      method: 'POST',
      url: '/api/v1/tokens',
      payload: body,
    });
    expect(response.statusCode).toBe(201);
    return response.json<{ id: string; token: string; prefix: string; kind: string }>();
  }

  const createInstitutionWith = (headers: Record<string, string>, name: string) =>
    test.app.inject({
      method: 'POST',
      url: '/api/v1/institutions',
      headers,
      payload: { name, kind: 'state' },
    });

  describe('system tokens', () => {
    it('authenticate with their roles and need no CSRF token', async () => {
      const admin = await signedIn(test, { roles: ISSUER });
      const issued = await issue(admin, { name: 'Telefonu centrāle', roles: ['administrator'] });
      expect(issued.kind).toBe('system');
      expect(issued.token.startsWith(issued.prefix)).toBe(true);

      const response = await createInstitutionWith(bearer(issued.token), 'Iestāde no sistēmas');

      expect(response.statusCode).toBe(201);
      const audit = await test.services.audit.list(systemContext('test'), {
        entityId: response.json<{ id: string }>().id,
        limit: 10,
      });
      expect(audit.items[0]?.actor).toEqual({
        kind: 'token',
        id: issued.id,
        name: 'Telefonu centrāle',
        viaToken: null,
      });
    });

    it('may do only what their roles allow', async () => {
      const admin = await signedIn(test, { roles: ISSUER });
      const issued = await issue(admin, { name: 'Lasītājs', roles: ['specialist'] });

      const response = await createInstitutionWith(bearer(issued.token), 'Neatļauta iestāde');

      expect(response.statusCode).toBe(403);
      expect(problemOf(response).code).toBe('forbidden');
    });
  });

  describe('personal tokens', () => {
    it('act as their person, with the person’s roles, and need no CSRF token', async () => {
      const person = await createPerson(test.services, { roles: ['specialist'] });
      const issued = await test.services.tokens.create(systemContext('test'), {
        name: 'Skripts',
        staffId: person.id,
      });
      expect(issued.kind).toBe('personal');

      const me = await test.app.inject({
        method: 'GET',
        url: '/api/v1/auth/me',
        headers: bearer(issued.token),
      });
      expect(me.statusCode).toBe(200);
      expect(me.json()).toMatchObject({ id: person.id, roles: ['specialist'], csrfToken: null });

      const ownAbsence = await test.app.inject({
        method: 'POST',
        url: '/api/v1/absences',
        headers: bearer(issued.token),
        payload: {
          staffId: person.id,
          kind: 'training',
          startsOn: '2026-06-01',
          endsOn: '2026-06-01',
        },
      });
      expect(ownAbsence.statusCode).toBe(201);
      expect((await createInstitutionWith(bearer(issued.token), 'Ne man')).statusCode).toBe(403);
    });

    it('are issued only for oneself: never acting as a colleague', async () => {
      const admin = await signedIn(test, { roles: ['administrator'] });
      const colleague = await createPerson(test.services, { roles: ['client_service_head'] });
      for (const staffId of [colleague.id, '00000000-0000-4000-8000-000000000000']) {
        const response = await call(test.app, admin, {
          method: 'POST',
          url: '/api/v1/tokens',
          payload: { name: 'Svešs', staffId },
          headers: { 'accept-language': 'en' },
        });
        expect(response.statusCode).toBe(403);
        expect(problemOf(response)).toMatchObject({
          code: 'forbidden',
          detail: 'A personal token can only be issued for yourself.',
        });
      }

      const own = await issue(admin, { name: 'Mans skripts', staffId: admin.person.id });
      expect(own.kind).toBe('personal');
    });
  });

  it('carry no permission their issuer lacks', async () => {
    const admin = await signedIn(test, { roles: ['administrator'] });
    for (const roles of [['auditor'], ['administrator', 'specialist']]) {
      const response = await call(test.app, admin, {
        method: 'POST',
        url: '/api/v1/tokens',
        payload: { name: 'Plašāka', roles },
      });
      expect(response.statusCode).toBe(403);
      expect(problemOf(response)).toMatchObject({
        code: 'forbidden',
        detail: 'Sistēmas pilnvarai var piešķirt tikai lomas, kuru tiesības ir arī jums.',
      });
    }
    const list = await call(test.app, admin, { method: 'GET', url: '/api/v1/tokens' });
    expect(list.json<{ items: TApiToken[] }>().items.map((t) => t.name)).not.toContain('Plašāka');

    expect((await issue(admin, { name: 'Līdzvērtīga', roles: ['administrator'] })).kind).toBe(
      'system',
    );
  });

  it('needs either a person or roles, not both and not neither', async () => {
    const admin = await signedIn(test, { roles: ISSUER });
    for (const body of [
      { name: 'Abi', staffId: admin.person.id, roles: ['auditor'] },
      { name: 'Neviens' },
      { name: 'Tukšas lomas', roles: [] },
    ]) {
      const response = await call(test.app, admin, {
        method: 'POST',
        url: '/api/v1/tokens',
        payload: body,
      });
      expect(response.statusCode).toBe(400);
      expect(problemOf(response).errors).toEqual([
        expect.objectContaining({ field: 'roles', code: 'token_owner_or_roles' }),
      ]);
    }
  });

  it('shows the token value only in the answer that creates it', async () => {
    const admin = await signedIn(test, { roles: ISSUER });
    const issued = await issue(admin, { name: 'Vienreiz redzams', roles: ['auditor'] });

    const list = await call(test.app, admin, {
      method: 'GET',
      url: '/api/v1/tokens?includeRevoked=true&pageSize=100',
    });
    const listed = list.json<{ items: Array<Record<string, unknown>> }>().items;
    const mine = listed.find((item) => item.id === issued.id);
    expect(mine).toMatchObject({ name: 'Vienreiz redzams', prefix: issued.prefix });
    expect(mine).not.toHaveProperty('token');
    expect(list.body).not.toContain(issued.token);

    const revoked = await call(test.app, admin, {
      method: 'POST',
      url: `/api/v1/tokens/${issued.id}/revoke`,
    });
    expect(revoked.body).not.toContain(issued.token);

    const audit = await test.services.audit.list(systemContext('test'), {
      entityId: issued.id,
      limit: 10,
    });
    expect(audit.items.length).toBeGreaterThan(0);
    expect(JSON.stringify(audit.items)).not.toContain(issued.token);

    const stored = await test.database.db.selectFrom('api_tokens').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(issued.token);
  });

  it('stops working at once when revoked; revoking again changes nothing', async () => {
    const admin = await signedIn(test, { roles: ISSUER });
    const issued = await issue(admin, { name: 'Atsaucams', roles: ['auditor'] });
    const audit = () =>
      test.app.inject({
        method: 'GET',
        url: '/api/v1/audit?limit=1',
        headers: bearer(issued.token),
      });
    expect((await audit()).statusCode).toBe(200);

    const revoked = await call(test.app, admin, {
      method: 'POST',
      url: `/api/v1/tokens/${issued.id}/revoke`,
    });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json<TApiToken>().revokedAt).toBe(test.clock.now().toISOString());

    const refused = await audit();
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.json()).toMatchObject({
      code: 'unauthenticated',
      detail: 'API pilnvara nav derīga, ir atsaukta vai beigusies.',
    });

    test.clock.advance(60_000);
    const again = await call(test.app, admin, {
      method: 'POST',
      url: `/api/v1/tokens/${issued.id}/revoke`,
    });
    expect(again.statusCode).toBe(200);
    expect(again.json<TApiToken>().revokedAt).toBe(revoked.json<TApiToken>().revokedAt);
  });

  it('is hidden from the list once revoked unless asked for', async () => {
    const admin = await signedIn(test, { roles: ISSUER });
    const issued = await issue(admin, { name: 'Paslēpjams', roles: ['auditor'] });
    await call(test.app, admin, { method: 'POST', url: `/api/v1/tokens/${issued.id}/revoke` });

    const ids = async (query: string) =>
      (await call(test.app, admin, { method: 'GET', url: `/api/v1/tokens?pageSize=100${query}` }))
        .json<{ items: Array<{ id: string }> }>()
        .items.map((item) => item.id);

    expect(await ids('')).not.toContain(issued.id);
    expect(await ids('&includeRevoked=true')).toContain(issued.id);
  });

  it('answers 404 for revoking a token that does not exist', async () => {
    const admin = await signedIn(test, { roles: ISSUER });
    const response = await call(test.app, admin, {
      method: 'POST',
      url: '/api/v1/tokens/00000000-0000-4000-8000-000000000000/revoke',
    });
    expect(response.statusCode).toBe(404);
    expect(problemOf(response).code).toBe('not_found');
  });

  it('refuses an expiry date that has already passed, naming the field', async () => {
    const admin = await signedIn(test, { roles: ISSUER });
    const yesterday = addCalendarDays(rigaDateOf(test.clock.now()), -1);

    const response = await call(test.app, admin, {
      method: 'POST',
      url: '/api/v1/tokens',
      payload: { name: 'Novēlota', roles: ['auditor'], expiresOn: yesterday },
    });

    expect(response.statusCode).toBe(400);
    expect(fieldErrorsOf(response)).toEqual([{ field: 'expiresOn', code: 'date_in_past' }]);
  });

  it('works through its last day, Riga time, and not a second longer', async () => {
    const admin = await signedIn(test, { roles: ISSUER });
    const lastDay = rigaDateOf(test.clock.now());
    const issued = await issue(admin, { name: 'Termiņš', roles: ['auditor'], expiresOn: lastDay });
    const endOfLastDay = rigaInstantOf(addCalendarDays(lastDay, 1)).getTime();
    const audit = () =>
      test.app.inject({
        method: 'GET',
        url: '/api/v1/audit?limit=1',
        headers: bearer(issued.token),
      });

    test.clock.set(new Date(endOfLastDay - 1000));
    expect((await audit()).statusCode).toBe(200);

    test.clock.set(new Date(endOfLastDay));
    const expired = await audit();
    expect(expired.statusCode).toBe(401);
    expect(problemOf(expired).code).toBe('unauthenticated');
  });

  it('refuses a made-up token and an authorization scheme other than Bearer', async () => {
    for (const authorization of [
      'Bearer apk_made-up',
      'Bearer something',
      'Basic YWRtaW46YWRtaW4=',
    ]) {
      const response = await test.app.inject({
        method: 'GET',
        url: '/api/v1/auth/me',
        headers: { authorization },
      });
      expect(response.statusCode).toBe(401);
    }
  });

  it('end with their person: deactivating someone revokes their tokens and ends their sessions', async () => {
    const admin = await signedIn(test, { roles: ISSUER });
    const person = await createPerson(test.services, { roles: ['specialist'] });
    const session = await signIn(test.app, person);
    const issued = await test.services.tokens.create(systemContext('test'), {
      name: 'Aizgājēja skripts',
      staffId: person.id,
    });
    const me = (headers: Record<string, string>) =>
      test.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers });
    expect((await me(session.headers)).statusCode).toBe(200);
    expect((await me(bearer(issued.token))).statusCode).toBe(200);

    const deactivated = await call(test.app, admin, {
      method: 'PATCH',
      url: `/api/v1/staff/${person.id}`,
      payload: { active: false, version: person.version },
    });
    expect(deactivated.statusCode).toBe(200);

    expect((await me(session.headers)).statusCode).toBe(401);
    expect((await me(bearer(issued.token))).statusCode).toBe(401);
    const list = await call(test.app, admin, {
      method: 'GET',
      url: '/api/v1/tokens?includeRevoked=true&pageSize=100',
    });
    const token = list
      .json<{ items: Array<{ id: string; revokedAt: string | null }> }>()
      .items.find((item) => item.id === issued.id);
    expect(token?.revokedAt).not.toBeNull();

    // Coming back does not bring old credentials back to life.
    const reactivated = await call(test.app, admin, {
      method: 'PATCH',
      url: `/api/v1/staff/${person.id}`,
      payload: { active: true, version: deactivated.json<TStaff>().version },
    });
    expect(reactivated.statusCode).toBe(200);
    expect((await me(session.headers)).statusCode).toBe(401);
    expect((await me(bearer(issued.token))).statusCode).toBe(401);
  });
});
