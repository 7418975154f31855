import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TInstitution, TInstitutionPage } from '../../../contracts/institutions.contracts';
import {
  call,
  createTestApp,
  problemOf,
  signedIn,
  type Session,
  type TestApp,
} from '../../testing/test-app';

const unique = () => randomBytes(4).toString('hex');

describe('institutions', () => {
  let test: TestApp;
  let admin: Session;
  let reader: Session;
  beforeAll(async () => {
    test = await createTestApp();
    admin = await signedIn(test, { roles: ['administrator'] });
    reader = await signedIn(test, { roles: ['specialist'] });
  });
  afterAll(() => test.close());

  async function createInstitution(body: Record<string, unknown> = {}): Promise<TInstitution> {
    const response = await call(test.app, admin, {
      method: 'POST',
      url: '/api/v1/institutions',
      payload: { name: `Iestāde ${unique()}`, kind: 'state', ...body },
    });
    expect(response.statusCode).toBe(201);
    return response.json();
  }

  describe('POST /api/v1/institutions', () => {
    it('adds an institution with its details at version 1', async () => {
      const name = `Valsts ieņēmumu dienests ${unique()}`;
      const created = await createInstitution({
        name,
        shortName: 'VID',
        registrationNumber: '90000069281',
        website: 'https://www.vid.gov.lv',
        email: 'VID@VID.gov.lv',
        phone: '+371 67120000',
      });

      expect(created).toMatchObject({
        name,
        shortName: 'VID',
        kind: 'state',
        registrationNumber: '90000069281',
        website: 'https://www.vid.gov.lv',
        email: 'vid@vid.gov.lv',
        phone: '+371 67120000',
        active: true,
        version: 1,
        createdAt: test.clock.now().toISOString(),
      });
      const read = await call(test.app, reader, {
        method: 'GET',
        url: `/api/v1/institutions/${created.id}`,
      });
      expect(read.statusCode).toBe(200);
      expect(read.json()).toEqual(created);
    });

    it('stores empty optional fields as nothing', async () => {
      const created = await createInstitution({
        shortName: '  ',
        website: '',
        email: '',
        phone: '',
      });
      expect(created).toMatchObject({ shortName: null, website: null, email: null, phone: null });
    });

    it('refuses a name another institution has, whatever its case', async () => {
      const first = await createInstitution();

      const response = await call(test.app, admin, {
        method: 'POST',
        url: '/api/v1/institutions',
        payload: { name: first.name.toUpperCase(), kind: 'municipality' },
      });

      expect(response.statusCode).toBe(400);
      expect(problemOf(response).errors).toEqual([
        expect.objectContaining({ field: 'name', in: 'body', code: 'name_taken' }),
      ]);
    });

    it('names each invalid field', async () => {
      const response = await call(test.app, admin, {
        method: 'POST',
        url: '/api/v1/institutions',
        payload: { name: '', kind: 'county', website: 'vid.gov.lv', email: 'vid', phone: 'zvanīt' },
      });

      expect(response.statusCode).toBe(400);
      const codes = Object.fromEntries(
        response
          .json<{ errors: Array<{ field: string; code: string }> }>()
          .errors.map((error) => [error.field, error.code]),
      );
      expect(codes).toEqual({
        name: 'required',
        kind: 'invalid_value',
        website: 'invalid_url',
        email: 'invalid_email',
        phone: 'invalid_phone',
      });
    });
  });

  describe('GET /api/v1/institutions', () => {
    it('finds institutions by any word of their name, without diacritics', async () => {
      const marker = unique();
      const vzd = await createInstitution({
        name: `Valsts zemes dienests ${marker}`,
        shortName: 'VZD',
      });
      await createInstitution({ name: `Lauku atbalsta dienests ${marker}` });

      const response = await call(test.app, reader, {
        method: 'GET',
        url: `/api/v1/institutions?q=${encodeURIComponent(`ZEMES ${marker}`)}`,
      });

      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ total: 1, items: [{ id: vzd.id }] });
    });

    it('filters by kind and pages through the result', async () => {
      const marker = unique();
      const names = ['A', 'B', 'C'].map((letter) => `${letter} pašvaldība ${marker}`);
      for (const name of names) await createInstitution({ name, kind: 'municipality' });
      await createInstitution({ name: `D valsts ${marker}`, kind: 'state' });

      const page = (number: number) =>
        call(test.app, reader, {
          method: 'GET',
          url: `/api/v1/institutions?q=${marker}&kind=municipality&pageSize=2&page=${number}`,
        });
      const first = (await page(1)).json<TInstitutionPage>();
      const second = (await page(2)).json<TInstitutionPage>();

      expect(first).toMatchObject({ total: 3, page: 1, pageSize: 2 });
      expect([...first.items, ...second.items].map((item) => item.name)).toEqual(names);
    });
  });

  describe('GET /api/v1/institutions/:id', () => {
    it('answers 404 problem+json for an institution that does not exist', async () => {
      const response = await call(test.app, reader, {
        method: 'GET',
        url: '/api/v1/institutions/00000000-0000-4000-8000-000000000000',
      });
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(problemOf(response).code).toBe('not_found');
    });

    it('answers 400 naming the path parameter for an id that is not one', async () => {
      const response = await call(test.app, reader, {
        method: 'GET',
        url: '/api/v1/institutions/42',
      });
      expect(response.statusCode).toBe(400);
      expect(problemOf(response).errors).toEqual([
        expect.objectContaining({ field: 'id', in: 'path', code: 'invalid_uuid' }),
      ]);
    });
  });

  describe('PATCH /api/v1/institutions/:id', () => {
    it('changes the given fields, keeps the others and moves the version on', async () => {
      const created = await createInstitution({ shortName: 'VSAA', phone: '+371 67000001' });

      const response = await call(test.app, admin, {
        method: 'PATCH',
        url: `/api/v1/institutions/${created.id}`,
        payload: { shortName: 'SAA', active: false, version: 1 },
      });

      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        name: created.name,
        shortName: 'SAA',
        phone: '+371 67000001',
        active: false,
        version: 2,
      });
    });

    it('refuses a stale version with 409 and keeps the newer change', async () => {
      const created = await createInstitution();
      const first = await call(test.app, admin, {
        method: 'PATCH',
        url: `/api/v1/institutions/${created.id}`,
        payload: { shortName: 'Pirmais', version: 1 },
      });
      expect(first.statusCode).toBe(200);

      const second = await call(test.app, admin, {
        method: 'PATCH',
        url: `/api/v1/institutions/${created.id}`,
        payload: { shortName: 'Otrais', version: 1 },
      });

      expect(second.statusCode).toBe(409);
      expect(problemOf(second).code).toBe('version_conflict');
      const read = await call(test.app, reader, {
        method: 'GET',
        url: `/api/v1/institutions/${created.id}`,
      });
      expect(read.json()).toMatchObject({ shortName: 'Pirmais', version: 2 });
    });

    it('refuses renaming to another institution’s name but allows keeping its own', async () => {
      const taken = await createInstitution();
      const created = await createInstitution();

      const clash = await call(test.app, admin, {
        method: 'PATCH',
        url: `/api/v1/institutions/${created.id}`,
        payload: { name: taken.name, version: 1 },
      });
      const same = await call(test.app, admin, {
        method: 'PATCH',
        url: `/api/v1/institutions/${created.id}`,
        payload: { name: created.name, version: 1 },
      });

      expect(clash.statusCode).toBe(400);
      expect(problemOf(clash).errors).toEqual([
        expect.objectContaining({ field: 'name', code: 'name_taken' }),
      ]);
      expect(same.statusCode).toBe(200);
    });

    it('requires the version', async () => {
      const created = await createInstitution();
      const response = await call(test.app, admin, {
        method: 'PATCH',
        url: `/api/v1/institutions/${created.id}`,
        payload: { shortName: 'X' },
      });
      expect(response.statusCode).toBe(400);
      expect(problemOf(response).errors).toEqual([
        expect.objectContaining({ field: 'version', code: 'required' }),
      ]);
    });

    it('answers 404 for an institution that does not exist', async () => {
      const response = await call(test.app, admin, {
        method: 'PATCH',
        url: '/api/v1/institutions/00000000-0000-4000-8000-000000000000',
        payload: { shortName: 'X', version: 1 },
      });
      expect(response.statusCode).toBe(404);
    });
  });
});
