import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TAuditEntry, TAuditPage } from '../../../contracts/audit.contracts';
import { systemContext } from '../../http/access';
import {
  TEST_PASSWORD,
  call,
  createPerson,
  createTestApp,
  createUnit,
  problemOf,
  signedIn,
  signIn,
  type Session,
  type TestApp,
} from '../../testing/test-app';

const unique = () => randomBytes(4).toString('hex');

/** The body of a successful answer: the record as the API shows it. */
type Answer = { id: string } & Record<string, unknown>;

describe('audit log', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp();
  });
  afterAll(() => test.close());

  const readAudit = async (session: Session, query: string): Promise<TAuditPage> => {
    const response = await call(test.app, session, {
      method: 'GET',
      url: `/api/v1/audit?${query}`,
    });
    expect(response.statusCode).toBe(200);
    return response.json();
  };

  /** The entries one request wrote, oldest first. */
  async function entriesOfRequest(requestId: string): Promise<TAuditEntry[]> {
    const page = await test.services.audit.list(systemContext('test'), { limit: 100 });
    return page.items.filter((entry) => entry.requestId === requestId).reverse();
  }

  const countFor = async (entityId: string) =>
    (await test.services.audit.list(systemContext('test'), { entityId, limit: 100 })).items.length;

  const newInstitution = () =>
    test.services.institutions.create(systemContext('test'), {
      name: `Iestāde ${unique()}`,
      kind: 'state',
    });

  describe('every change writes its entry', () => {
    interface Change {
      name: string;
      /** Makes the change as the administrator, sending the request id given. */
      perform(admin: Session, requestId: string): Promise<LightMyRequestResponse>;
      /** The entries the change must leave, given the answer's body. */
      expected(answer: Answer, admin: Session): Array<Partial<TAuditEntry>>;
    }

    const send = (
      admin: Session | null,
      requestId: string,
      method: 'POST' | 'PATCH' | 'DELETE',
      url: string,
      payload?: Record<string, unknown>,
    ) =>
      call(test.app, admin, {
        method,
        url,
        headers: { 'x-request-id': requestId },
        ...(payload ? { payload } : {}),
      });

    // What some changes act on, for their expected entries: a 204 answer has no body to name it.
    let cancelledAbsenceId = '';
    let revokedTokenId = '';

    const changes: Change[] = [
      {
        name: 'adding an institution',
        perform: (admin, id) =>
          send(admin, id, 'POST', '/api/v1/institutions', {
            name: `Iestāde ${unique()}`,
            kind: 'state',
          }),
        expected: (answer) => [
          {
            action: 'create',
            entityType: 'institution',
            entityId: answer.id,
            before: null,
            after: answer,
          },
        ],
      },
      {
        name: 'changing an institution',
        async perform(admin, id) {
          const institution = await newInstitution();
          return send(admin, id, 'PATCH', `/api/v1/institutions/${institution.id}`, {
            shortName: 'Jauns',
            version: 1,
          });
        },
        expected: (answer) => [
          {
            action: 'update',
            entityType: 'institution',
            entityId: answer.id,
            before: expect.objectContaining({ shortName: null, version: 1 }),
            after: answer,
          },
        ],
      },
      {
        name: 'adding a unit',
        async perform(admin, id) {
          const institution = await newInstitution();
          return send(admin, id, 'POST', '/api/v1/units', {
            institutionId: institution.id,
            name: 'Nodaļa',
            kind: 'department',
          });
        },
        expected: (answer) => [
          {
            action: 'create',
            entityType: 'unit',
            entityId: answer.id,
            before: null,
            after: answer,
          },
        ],
      },
      {
        name: 'changing a unit',
        async perform(admin, id) {
          const unit = await createUnit(test.services);
          return send(admin, id, 'PATCH', `/api/v1/units/${unit.id}`, {
            address: 'Lielā iela 1',
            version: 1,
          });
        },
        expected: (answer) => [
          {
            action: 'update',
            entityType: 'unit',
            entityId: answer.id,
            before: expect.objectContaining({ address: null }),
            after: answer,
          },
        ],
      },
      {
        name: 'adding a person with a password',
        perform: (admin, id) =>
          send(admin, id, 'POST', '/api/v1/staff', {
            givenName: 'Ilze',
            surname: `Kalna ${unique()}`,
            position: 'Lietvede',
            email: `ilze.${unique()}@example.lv`,
            password: 'initial password 1',
          }),
        expected: (answer) => [
          {
            action: 'create',
            entityType: 'staff',
            entityId: answer.id,
            before: null,
            after: expect.objectContaining({ id: answer.id, canSignIn: false }),
          },
          {
            action: 'set-password',
            entityType: 'staff',
            entityId: answer.id,
            before: null,
            after: null,
          },
        ],
      },
      {
        name: 'changing a person',
        async perform(admin, id) {
          const person = await createPerson(test.services);
          return send(admin, id, 'PATCH', `/api/v1/staff/${person.id}`, {
            position: 'Vadītāja',
            version: 1,
          });
        },
        expected: (answer) => [
          {
            action: 'update',
            entityType: 'staff',
            entityId: answer.id,
            before: expect.objectContaining({ position: 'Speciālists', version: 1 }),
            after: answer,
          },
        ],
      },
      {
        name: 'deactivating a person who is signed in and has a token',
        async perform(admin, id) {
          const person = await createPerson(test.services);
          await signIn(test.app, person);
          const token = await test.services.tokens.create(systemContext('test'), {
            name: 'Skripts',
            staffId: person.id,
          });
          revokedTokenId = token.id;
          return send(admin, id, 'PATCH', `/api/v1/staff/${person.id}`, {
            active: false,
            version: 1,
          });
        },
        expected: (answer) => [
          { action: 'update', entityType: 'staff', entityId: answer.id },
          {
            action: 'end-sessions',
            entityType: 'staff',
            entityId: answer.id,
            context: { sessions: 1 },
          },
          { action: 'revoke', entityType: 'api_token', entityId: revokedTokenId },
        ],
      },
      {
        name: 'setting a person’s password',
        async perform(admin, id) {
          const person = await createPerson(test.services);
          return send(admin, id, 'POST', `/api/v1/staff/${person.id}/password`, {
            password: 'another password 2',
          });
        },
        expected: (answer) => [
          {
            action: 'set-password',
            entityType: 'staff',
            entityId: answer.id,
            before: null,
            after: null,
          },
        ],
      },
      {
        name: 'recording an absence',
        perform: (admin, id) =>
          send(admin, id, 'POST', '/api/v1/absences', {
            staffId: admin.person.id,
            kind: 'training',
            startsOn: '2026-05-04',
            endsOn: '2026-05-04',
          }),
        expected: (answer) => [
          {
            action: 'create',
            entityType: 'absence',
            entityId: answer.id,
            before: null,
            after: answer,
          },
        ],
      },
      {
        name: 'changing an absence',
        async perform(admin, id) {
          const absence = await test.services.absences.create(systemContext('test'), {
            staffId: admin.person.id,
            kind: 'training',
            startsOn: '2026-05-11',
            endsOn: '2026-05-11',
          });
          return send(admin, id, 'PATCH', `/api/v1/absences/${absence.id}`, {
            endsOn: '2026-05-12',
            version: 1,
          });
        },
        expected: (answer) => [
          {
            action: 'update',
            entityType: 'absence',
            entityId: answer.id,
            before: expect.objectContaining({ endsOn: '2026-05-11' }),
            after: answer,
          },
        ],
      },
      {
        name: 'cancelling an absence',
        async perform(admin, id) {
          const absence = await test.services.absences.create(systemContext('test'), {
            staffId: admin.person.id,
            kind: 'training',
            startsOn: '2026-05-18',
            endsOn: '2026-05-18',
          });
          cancelledAbsenceId = absence.id;
          return send(admin, id, 'DELETE', `/api/v1/absences/${absence.id}?version=1`);
        },
        expected: () => [
          {
            action: 'delete',
            entityType: 'absence',
            entityId: cancelledAbsenceId,
            before: expect.objectContaining({ id: cancelledAbsenceId, startsOn: '2026-05-18' }),
            after: null,
          },
        ],
      },
      {
        name: 'issuing a token',
        perform: (admin, id) =>
          send(admin, id, 'POST', '/api/v1/tokens', {
            name: 'Integrācija',
            roles: ['administrator'],
          }),
        expected: (answer) => [
          {
            action: 'create',
            entityType: 'api_token',
            entityId: answer.id,
            before: null,
            after: Object.fromEntries(Object.entries(answer).filter(([key]) => key !== 'token')),
          },
        ],
      },
      {
        name: 'revoking a token',
        async perform(admin, id) {
          const token = await test.services.tokens.create(systemContext('test'), {
            name: 'Vecs',
            roles: ['auditor'],
          });
          return send(admin, id, 'POST', `/api/v1/tokens/${token.id}/revoke`);
        },
        expected: (answer) => [
          {
            action: 'revoke',
            entityType: 'api_token',
            entityId: answer.id,
            before: expect.objectContaining({ revokedAt: null }),
            after: answer,
          },
        ],
      },
      {
        name: 'changing one’s own password',
        perform: (admin, id) =>
          send(admin, id, 'POST', '/api/v1/auth/password', {
            currentPassword: TEST_PASSWORD,
            newPassword: 'my new password 3',
          }),
        expected: (_answer, admin) => [
          {
            action: 'change-password',
            entityType: 'staff',
            entityId: admin.person.id,
            before: null,
            after: null,
          },
        ],
      },
      {
        name: 'signing out',
        perform: (admin, id) => send(admin, id, 'POST', '/api/v1/auth/logout'),
        expected: (_answer, admin) => [
          { action: 'sign-out', entityType: 'staff', entityId: admin.person.id },
        ],
      },
    ];

    it.each(changes)('$name', async (change) => {
      const admin = await signedIn(test, { roles: ['administrator'] });
      const requestId = `audit-${unique()}`;

      const response = await change.perform(admin, requestId);

      expect(response.statusCode).toBeLessThan(300);
      const entries = await entriesOfRequest(requestId);
      const expected = change.expected(response.body ? response.json<Answer>() : { id: '' }, admin);
      expect(entries).toHaveLength(expected.length);
      expected.forEach((entry, index) => {
        expect(entries[index]).toMatchObject({
          ...entry,
          at: test.clock.now().toISOString(),
          actor: {
            kind: 'staff',
            id: admin.person.id,
            name: `${admin.person.givenName} ${admin.person.surname}`,
          },
        });
      });
    });

    it('a change made through a personal token shows the person and the token', async () => {
      const person = await createPerson(test.services, { roles: ['specialist'] });
      const token = await test.services.tokens.create(systemContext('test'), {
        name: `Skripts ${unique()}`,
        staffId: person.id,
      });
      const requestId = `audit-${unique()}`;

      const response = await test.app.inject({
        method: 'POST',
        url: '/api/v1/absences',
        headers: { authorization: `Bearer ${token.token}`, 'x-request-id': requestId },
        payload: {
          staffId: person.id,
          kind: 'training',
          startsOn: '2026-08-03',
          endsOn: '2026-08-04',
        },
      });

      expect(response.statusCode).toBe(201);
      expect(await entriesOfRequest(requestId)).toMatchObject([
        {
          action: 'create',
          entityType: 'absence',
          actor: {
            kind: 'staff',
            id: person.id,
            viaToken: { id: token.id, name: token.name },
          },
        },
      ]);
    });

    it('signing in', async () => {
      const person = await createPerson(test.services);
      const requestId = `audit-${unique()}`;

      const response = await test.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'x-request-id': requestId },
        payload: { email: person.email, password: TEST_PASSWORD },
      });

      expect(response.statusCode).toBe(200);
      expect(await entriesOfRequest(requestId)).toMatchObject([
        {
          action: 'sign-in',
          entityType: 'staff',
          entityId: person.id,
          actor: { kind: 'staff', id: person.id },
        },
      ]);
    });

    it('never records a password or a password hash', async () => {
      const admin = await signedIn(test, { roles: ['administrator'] });
      const password = `secret password ${unique()}`;
      const created = await call(test.app, admin, {
        method: 'POST',
        url: '/api/v1/staff',
        payload: {
          givenName: 'Pēteris',
          surname: `Slepenais ${unique()}`,
          position: 'Speciālists',
          email: `peteris.${unique()}@example.lv`,
          password,
        },
      });
      expect(created.statusCode).toBe(201);

      const logged = JSON.stringify(
        await test.services.audit.list(systemContext('test'), {
          entityId: created.json<Answer>().id,
          limit: 100,
        }),
      );
      expect(logged).not.toContain(password);
      expect(logged).not.toContain('$argon2');
    });
  });

  describe('a change and its entry stand or fall together', () => {
    it('leaves the record unchanged when its entry cannot be written', async () => {
      const admin = await signedIn(test, { roles: ['administrator'] });
      const institution = await newInstitution();
      // The audit log refuses this one entity: the change must then be undone with it.
      await sql
        .raw(
          `create or replace function refuse_audit_entry() returns trigger language plpgsql as $$
           begin raise exception 'audit log unavailable'; end $$;
           create trigger refuse_audit_entry before insert on audit_log for each row
           when (new.entity_id = '${institution.id}') execute function refuse_audit_entry();`,
        )
        .execute(test.database.db);
      try {
        const response = await call(test.app, admin, {
          method: 'PATCH',
          url: `/api/v1/institutions/${institution.id}`,
          payload: { name: `Pārdēvēta ${unique()}`, version: 1 },
          headers: { 'accept-language': 'en' },
        });

        expect(response.statusCode).toBe(500);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.json()).toMatchObject({ code: 'internal' });
        expect(problemOf(response).detail).toContain(problemOf(response).requestId);
        expect(response.body).not.toContain('audit log unavailable');
      } finally {
        await sql
          .raw('drop trigger refuse_audit_entry on audit_log; drop function refuse_audit_entry();')
          .execute(test.database.db);
      }
      const read = await call(test.app, admin, {
        method: 'GET',
        url: `/api/v1/institutions/${institution.id}`,
      });
      expect(read.json()).toMatchObject({ name: institution.name, version: 1 });
    });
  });

  describe('a refused change writes nothing and changes nothing', () => {
    it('on a version conflict', async () => {
      const admin = await signedIn(test, { roles: ['administrator'] });
      const institution = await newInstitution();
      await test.services.institutions.update(systemContext('test'), institution.id, {
        shortName: 'Pirmais',
        version: 1,
      });
      const entriesBefore = await countFor(institution.id);

      const response = await call(test.app, admin, {
        method: 'PATCH',
        url: `/api/v1/institutions/${institution.id}`,
        payload: { shortName: 'Otrais', version: 1 },
      });

      expect(response.statusCode).toBe(409);
      expect(await countFor(institution.id)).toBe(entriesBefore);
      const read = await call(test.app, admin, {
        method: 'GET',
        url: `/api/v1/institutions/${institution.id}`,
      });
      expect(read.json()).toMatchObject({ shortName: 'Pirmais', version: 2 });
    });

    it('on a validation error found by the service', async () => {
      const admin = await signedIn(test, { roles: ['administrator'] });
      const other = await createPerson(test.services);
      const person = await createPerson(test.services);
      const entriesBefore = await countFor(person.id);

      const response = await call(test.app, admin, {
        method: 'PATCH',
        url: `/api/v1/staff/${person.id}`,
        payload: { email: other.email, position: 'Cits amats', roles: ['auditor'], version: 1 },
      });

      expect(response.statusCode).toBe(400);
      expect(await countFor(person.id)).toBe(entriesBefore);
      const read = await call(test.app, admin, {
        method: 'GET',
        url: `/api/v1/staff/${person.id}`,
      });
      expect(read.json()).toMatchObject({
        email: person.email,
        position: person.position,
        roles: person.roles,
        version: 1,
      });
    });

    it('on an overlap of absences', async () => {
      const session = await signedIn(test);
      await test.services.absences.create(systemContext('test'), {
        staffId: session.person.id,
        kind: 'vacation',
        startsOn: '2026-08-03',
        endsOn: '2026-08-14',
      });

      const response = await call(test.app, session, {
        method: 'POST',
        url: '/api/v1/absences',
        payload: {
          staffId: session.person.id,
          kind: 'training',
          startsOn: '2026-08-14',
          endsOn: '2026-08-15',
        },
      });

      expect(response.statusCode).toBe(400);
      const byActor = await test.services.audit.list(systemContext('test'), {
        actorId: session.person.id,
        limit: 100,
      });
      expect(byActor.items.map((entry) => entry.action)).toEqual(['sign-in']);
    });
  });

  describe('reads of personal data', () => {
    it('records who looked at whose data, when, and in which connection', async () => {
      const clerk = await createPerson(test.services, { roles: ['specialist'] });
      const auditor = await signedIn(test, { roles: ['auditor'] });
      const clientId = `client-${unique()}`;
      const ctx = {
        ...systemContext(`read-${unique()}`),
        principal: { ...systemContext('').principal, kind: 'staff' as const, staffId: clerk.id },
      };

      await test.services.audit.recordRead(test.database.db, ctx, {
        entityType: 'client',
        entityId: clientId,
        context: { request: 'R-2026-0001' },
      });

      const page = await readAudit(auditor, `entityType=client&entityId=${clientId}`);
      expect(page.items).toEqual([
        expect.objectContaining({
          action: 'read',
          entityType: 'client',
          entityId: clientId,
          actor: {
            kind: 'staff',
            id: clerk.id,
            name: `${clerk.givenName} ${clerk.surname}`,
            viaToken: null,
          },
          context: { request: 'R-2026-0001' },
          requestId: ctx.requestId,
          at: test.clock.now().toISOString(),
        }),
      ]);
    });
  });

  describe('GET /api/v1/audit', () => {
    it('is open to the auditor and the administrator, not to a specialist or unit head', async () => {
      const auditor = await signedIn(test, { roles: ['auditor'] });
      const admin = await signedIn(test, { roles: ['administrator'] });
      const specialist = await signedIn(test, { roles: ['specialist'] });
      const head = await signedIn(test, { roles: ['unit_head', 'client_service_head'] });

      expect(
        (await call(test.app, auditor, { method: 'GET', url: '/api/v1/audit' })).statusCode,
      ).toBe(200);
      expect(
        (await call(test.app, admin, { method: 'GET', url: '/api/v1/audit' })).statusCode,
      ).toBe(200);
      for (const session of [specialist, head]) {
        const response = await call(test.app, session, { method: 'GET', url: '/api/v1/audit' });
        expect(response.statusCode).toBe(403);
        expect(problemOf(response).code).toBe('forbidden');
      }
    });

    it('filters by entity, actor and action', async () => {
      const admin = await signedIn(test, { roles: ['administrator'] });
      const auditor = await signedIn(test, { roles: ['auditor'] });
      const created = await call(test.app, admin, {
        method: 'POST',
        url: '/api/v1/institutions',
        payload: { name: `Iestāde ${unique()}`, kind: 'state' },
      });
      const { id } = created.json<Answer>();
      await call(test.app, admin, {
        method: 'PATCH',
        url: `/api/v1/institutions/${id}`,
        payload: { shortName: 'X', version: 1 },
      });

      const byEntity = await readAudit(auditor, `entityType=institution&entityId=${id}`);
      expect(byEntity.items.map((entry) => entry.action)).toEqual(['update', 'create']);

      const byAction = await readAudit(auditor, `entityId=${id}&action=create`);
      expect(byAction.items.map((entry) => entry.action)).toEqual(['create']);

      const byActor = await readAudit(auditor, `actorId=${admin.person.id}`);
      expect(byActor.items.map((entry) => [entry.action, entry.entityType])).toEqual([
        ['update', 'institution'],
        ['create', 'institution'],
        ['sign-in', 'staff'],
      ]);
      expect(byActor.items.every((entry) => entry.actor.id === admin.person.id)).toBe(true);
    });

    it('filters by Riga dates, whatever the server’s time zone', async () => {
      // 22:30 UTC on 10 March is 00:30 on 11 March in Riga.
      test.clock.set('2026-03-10T22:30:00Z');
      const auditor = await signedIn(test, { roles: ['auditor'] });
      const institution = await newInstitution();
      const query = (range: string) => readAudit(auditor, `entityId=${institution.id}&${range}`);

      expect((await query('from=2026-03-11&to=2026-03-11')).items).toHaveLength(1);
      expect((await query('to=2026-03-10')).items).toHaveLength(0);
      expect((await query('from=2026-03-12')).items).toHaveLength(0);
    });

    it('pages newest first with a cursor, without repeating or skipping entries', async () => {
      const auditor = await signedIn(test, { roles: ['auditor'] });
      const institution = await newInstitution();
      for (let version = 1; version <= 4; version++) {
        await test.services.institutions.update(systemContext('test'), institution.id, {
          shortName: `v${version + 1}`,
          version,
        });
      }

      const seen: number[] = [];
      const pageSizes: number[] = [];
      let cursor: number | null = null;
      do {
        const page: TAuditPage = await readAudit(
          auditor,
          `entityId=${institution.id}&limit=2${cursor ? `&before=${cursor}` : ''}`,
        );
        pageSizes.push(page.items.length);
        seen.push(...page.items.map((entry) => entry.id));
        cursor = page.nextCursor;
      } while (cursor !== null && pageSizes.length < 10);

      expect(pageSizes).toEqual([2, 2, 1]);
      expect(seen).toEqual([...seen].sort((a, b) => b - a));
      expect(new Set(seen).size).toBe(5);
      const all = await readAudit(auditor, `entityId=${institution.id}`);
      expect(all.items.map((entry) => entry.id)).toEqual(seen);
      expect(all.nextCursor).toBeNull();
    });

    it('refuses a reversed period and a limit over 100', async () => {
      const auditor = await signedIn(test, { roles: ['auditor'] });
      const reversed = await call(test.app, auditor, {
        method: 'GET',
        url: '/api/v1/audit?from=2026-03-02&to=2026-03-01',
      });
      const tooMany = await call(test.app, auditor, {
        method: 'GET',
        url: '/api/v1/audit?limit=101',
      });
      expect(reversed.statusCode).toBe(400);
      expect(problemOf(reversed).errors).toEqual([
        expect.objectContaining({ field: 'to', in: 'query', code: 'range_reversed' }),
      ]);
      expect(tooMany.statusCode).toBe(400);
      expect(problemOf(tooMany).errors).toEqual([
        expect.objectContaining({ field: 'limit', in: 'query', code: 'too_big_number' }),
      ]);
    });
  });
});
