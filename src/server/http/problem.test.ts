import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createTestApp,
  fieldErrorsOf,
  problemOf,
  signedIn,
  type Session,
  type TestApp,
} from '../testing/test-app';

const PROBLEM_JSON = /^application\/problem\+json/;

describe('errors as application/problem+json', () => {
  let test: TestApp;
  let admin: Session;
  beforeAll(async () => {
    test = await createTestApp();
    admin = await signedIn(test, { roles: ['administrator'] });
  });
  afterAll(() => test.close());

  const createInstitution = (options: {
    payload?: string | Record<string, unknown>;
    headers?: Record<string, string>;
  }) => call(test.app, admin, { method: 'POST', url: '/api/v1/institutions', ...options });

  describe('400 validation', () => {
    it('names each wrong body field, where it is, a stable code and a message', async () => {
      const response = await createInstitution({ payload: { kind: 'state', website: 'ftp:x' } });

      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
      const { errors, ...problem } = problemOf(response);
      expect(problem).toEqual({
        type: 'urn:apkalpo:problem:validation',
        title: 'Dati nav derīgi',
        status: 400,
        code: 'validation',
        detail: 'Lūdzu, izlabojiet atzīmētos laukus.',
        instance: '/api/v1/institutions',
        requestId: response.headers['x-request-id'],
      });
      expect(errors).toHaveLength(2);
      expect(errors).toEqual(
        expect.arrayContaining([
          { field: 'name', in: 'body', code: 'required', message: 'Obligāti aizpildāms lauks.' },
          {
            field: 'website',
            in: 'body',
            code: 'invalid_url',
            message: 'Nepareiza tīmekļa adrese.',
          },
        ]),
      );
    });

    it('names query parameters as in: query and path parameters as in: path', async () => {
      const query = await call(test.app, admin, {
        method: 'GET',
        url: '/api/v1/staff?pageSize=500&page=0',
      });
      const path = await call(test.app, admin, { method: 'GET', url: '/api/v1/staff/not-an-id' });

      expect(query.statusCode).toBe(400);
      expect(problemOf(query).errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'pageSize', in: 'query', code: 'too_big_number' }),
          expect.objectContaining({ field: 'page', in: 'query', code: 'too_small_number' }),
        ]),
      );
      expect(path.statusCode).toBe(400);
      expect(problemOf(path).errors).toEqual([
        expect.objectContaining({ field: 'id', in: 'path', code: 'invalid_uuid' }),
      ]);
    });

    it('refuses a body field the contract does not know, and changes nothing', async () => {
      const name = 'Iestāde ar lieku lauku';
      const response = await createInstitution({
        payload: { name, kind: 'state', isAdmin: true },
      });

      expect(response.statusCode).toBe(400);
      expect(problemOf(response).errors).toEqual([
        expect.objectContaining({ field: 'isAdmin', in: 'body', code: 'unknown_field' }),
      ]);
      const list = await call(test.app, admin, {
        method: 'GET',
        url: `/api/v1/institutions?q=${encodeURIComponent(name)}`,
      });
      expect(list.json<{ total: number }>().total).toBe(0);
    });

    it('names fields inside lists and nested objects by their path', async () => {
      const response = await call(test.app, admin, {
        method: 'POST',
        url: '/api/v1/staff',
        payload: {
          givenName: 'A',
          surname: 'B',
          position: 'C',
          email: 'a.b@example.lv',
          units: [{ unitId: 'nav', primary: true }],
        },
      });
      expect(problemOf(response).errors).toEqual([
        expect.objectContaining({ field: 'units.0.unitId', in: 'body', code: 'invalid_uuid' }),
      ]);
    });

    it('names an empty choice or date as required, not as a malformed value', async () => {
      const institution = await createInstitution({ payload: { name: 'Iestāde', kind: '' } });
      expect(problemOf(institution).errors).toEqual([
        {
          field: 'kind',
          in: 'body',
          code: 'required',
          message: 'Obligāti aizpildāms lauks.',
        },
      ]);

      const task = await call(test.app, admin, {
        method: 'POST',
        url: '/api/v1/improvement-tasks',
        payload: { unitId: '', title: 'Uzdevums', dueOn: '' },
      });
      expect(task.statusCode).toBe(400);
      expect(problemOf(task).errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'unitId', code: 'required' }),
          expect.objectContaining({ field: 'dueOn', code: 'required' }),
        ]),
      );
      expect(problemOf(task).errors).toHaveLength(2);
    });

    it('refuses text the database cannot store (a NUL character) as a field error, not a 500', async () => {
      const body = await createInstitution({ payload: { name: 'Iestāde\u0000', kind: 'state' } });
      expect(body.statusCode).toBe(400);
      expect(problemOf(body).errors).toEqual([
        expect.objectContaining({ field: 'name', in: 'body', code: 'invalid_characters' }),
      ]);

      const query = await call(test.app, admin, {
        method: 'GET',
        url: '/api/v1/directory?position=a%00b',
      });
      expect(query.statusCode).toBe(400);
      expect(problemOf(query).errors).toEqual([
        expect.objectContaining({ field: 'position', in: 'query', code: 'invalid_characters' }),
      ]);
    });

    it('refuses a date outside the years 1900–2999, which the database would not take', async () => {
      const response = await call(test.app, admin, {
        method: 'GET',
        url: '/api/v1/absences?from=0000-01-01',
      });
      expect(response.statusCode).toBe(400);
      expect(problemOf(response).errors).toEqual([
        expect.objectContaining({ field: 'from', in: 'query', code: 'date_out_of_range' }),
      ]);
    });

    it('explains in English when asked, with the parameters filled in', async () => {
      const response = await createInstitution({
        payload: { name: 'x'.repeat(201), kind: 'state' },
        headers: { 'accept-language': 'en' },
      });
      expect(response.json()).toMatchObject({
        title: 'The data are not valid',
        detail: 'Please correct the marked fields.',
        errors: [{ field: 'name', code: 'too_long', message: 'At most 200 characters.' }],
      });
    });

    it('takes the language the client prefers most, and Latvian when it offers neither', async () => {
      const titleFor = async (acceptLanguage: string) =>
        (
          await call(test.app, admin, {
            method: 'GET',
            url: '/api/v1/staff?page=0',
            headers: { 'accept-language': acceptLanguage },
          })
        ).json<{ title: string }>().title;

      expect(await titleFor('de-DE, en;q=0.8, lv;q=0.5')).toBe('The data are not valid');
      expect(await titleFor('en;q=0.3, lv-LV')).toBe('Dati nav derīgi');
      expect(await titleFor('de, fr;q=0.9')).toBe('Dati nav derīgi');
      // A regional tag counts for its language; refused (q=0) or "anything" leaves Latvian.
      expect(await titleFor('en-US')).toBe('The data are not valid');
      expect(await titleFor('ru, en-GB;q=0.7, lv;q=0.6')).toBe('The data are not valid');
      expect(await titleFor('en;q=0, *')).toBe('Dati nav derīgi');
      expect(await titleFor('')).toBe('Dati nav derīgi');
    });

    it('answers malformed JSON with 400, not a server error', async () => {
      const response = await createInstitution({
        payload: '{"name": "nepabeigts',
        headers: { 'content-type': 'application/json' },
      });
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(problemOf(response).code).toBe('validation');
    });
  });

  describe('checking a change without making it (X-Validate-Only)', () => {
    const institutionsNamed = async (name: string) =>
      (
        await call(test.app, admin, {
          method: 'GET',
          url: `/api/v1/institutions?q=${encodeURIComponent(name)}`,
        })
      ).json<{ total: number }>().total;

    it('answers a valid change 204 and makes nothing, so a form can ask what else is wrong', async () => {
      const name = 'Tikai pārbaudāma iestāde';
      const response = await createInstitution({
        payload: { name, kind: 'state' },
        headers: { 'x-validate-only': 'true' },
      });

      expect(response.statusCode).toBe(204);
      expect(response.body).toBe('');
      expect(await institutionsNamed(name)).toBe(0);
    });

    it('names every wrong field of the change at once, as the change itself would', async () => {
      const response = await createInstitution({
        payload: { name: '', kind: 'state', website: 'ftp:x' },
        headers: { 'x-validate-only': 'true' },
      });

      expect(response.statusCode).toBe(400);
      expect(fieldErrorsOf(response)).toEqual(
        expect.arrayContaining([
          { field: 'name', code: 'required' },
          { field: 'website', code: 'invalid_url' },
        ]),
      );
    });

    it('still needs the sign-in and the CSRF token', async () => {
      const anonymous = await call(test.app, null, {
        method: 'POST',
        url: '/api/v1/institutions',
        payload: { name: 'Iestāde', kind: 'state' },
        headers: { 'x-validate-only': 'true' },
      });
      const withoutToken = await call(test.app, admin, {
        method: 'POST',
        url: '/api/v1/institutions',
        payload: { name: 'Iestāde', kind: 'state' },
        headers: { 'x-validate-only': 'true', 'x-csrf-token': 'nav' },
      });

      expect(anonymous.statusCode).toBe(401);
      expect(withoutToken.statusCode).toBe(403);
    });
  });

  describe('415 unsupported media type', () => {
    it.each(['text/plain', 'application/xml', 'application/x-www-form-urlencoded'])(
      'refuses a %s body: data must be sent as JSON',
      async (contentType) => {
        const response = await createInstitution({
          payload: contentType === 'application/xml' ? '<name>X</name>' : 'name=X&kind=state',
          headers: { 'content-type': contentType },
        });

        expect(response.statusCode).toBe(415);
        expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
        expect(response.json()).toMatchObject({
          code: 'unsupported_media_type',
          detail: 'Dati jānosūta JSON formātā.',
        });
      },
    );
  });

  describe('413 payload too large', () => {
    it('refuses a body over 256 KiB', async () => {
      const response = await createInstitution({
        payload: { name: 'x'.repeat(256 * 1024), kind: 'state' },
      });
      expect(response.statusCode).toBe(413);
      expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(problemOf(response).code).toBe('payload_too_large');
    });

    it('reads a body just under the limit and judges its content instead', async () => {
      const response = await createInstitution({
        payload: { name: 'x'.repeat(250 * 1024), kind: 'state' },
      });
      expect(response.statusCode).toBe(400);
      expect(problemOf(response).errors).toEqual([
        expect.objectContaining({ field: 'name', code: 'too_long' }),
      ]);
    });
  });

  describe('addresses the router cannot read', () => {
    it('answers a broken percent-encoding with a 400 problem, signed in or not, before any check', async () => {
      for (const [session, method] of [
        [admin, 'GET'],
        [admin, 'DELETE'],
        [null, 'GET'],
      ] as const) {
        const response = await call(test.app, session, {
          method,
          url: '/api/v1/clients/%E0%A4%A',
          headers: { 'x-csrf-token': 'nav' },
        });
        expect(response.statusCode, `${method} ${response.body}`).toBe(400);
        expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
        expect(response.json()).toMatchObject({
          code: 'validation',
          detail: 'Adresē ir nepareizi kodēta rakstzīme.',
          instance: '/api/v1/clients/%E0%A4%A',
        });
      }
      const page = await test.app.inject({
        method: 'GET',
        url: '/public/kb/%E0%A4%A',
        headers: { accept: 'text/html', 'accept-language': 'en' },
      });
      expect(page.statusCode).toBe(400);
      expect(page.json()).toMatchObject({
        detail: 'The address holds a wrongly encoded character.',
      });
    });

    it('answers a path parameter longer than the router takes with a 414 problem', async () => {
      const response = await call(test.app, admin, {
        method: 'GET',
        url: `/api/v1/clients/${'a'.repeat(150)}`,
      });
      expect(response.statusCode).toBe(414);
      expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(response.json()).toMatchObject({
        code: 'uri_too_long',
        title: 'Adrese ir pārāk gara',
        requestId: response.headers['x-request-id'],
      });
    });
  });

  describe('addresses beside the web app', () => {
    let web: TestApp;
    beforeAll(async () => {
      const root = await mkdtemp(path.join(tmpdir(), 'apkalpo-web-'));
      await mkdir(path.join(root, 'assets'));
      await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Apkalpo</title>');
      await writeFile(path.join(root, 'assets', 'app.js'), 'export {};');
      web = await createTestApp({ webRoot: root });
    });
    afterAll(() => web.close());

    it('answers an address that would leave the web app’s folder with 404, not 403', async () => {
      expect((await web.app.inject({ method: 'GET', url: '/assets/app.js' })).statusCode).toBe(200);
      for (const url of ['/%2e%2e/%2e%2e/etc/passwd', '/..%5c..%5cpackage.json']) {
        const response = await web.app.inject({ method: 'GET', url });
        expect(response.statusCode, url).toBe(404);
        expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
        expect(response.json()).toMatchObject({ code: 'not_found' });
      }
    });
  });

  describe('404 not found', () => {
    it('answers an unknown API address with problem+json', async () => {
      for (const [method, url] of [
        ['GET', '/api/v1/nothing-here'],
        ['GET', '/api/nothing-here'],
        ['DELETE', '/api/v1/institutions'],
      ] as const) {
        const response = await call(test.app, admin, { method, url });
        expect(response.statusCode).toBe(404);
        expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
        expect(response.json()).toMatchObject({
          code: 'not_found',
          detail: 'Šāda adrese nav zināma.',
          instance: url,
        });
      }
    });
  });

  describe('401 unauthenticated', () => {
    it('answers an anonymous API call with problem+json and leaks nothing', async () => {
      const response = await test.app.inject({ method: 'GET', url: '/api/v1/staff?q=berzins' });
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(response.json()).toMatchObject({ code: 'unauthenticated', instance: '/api/v1/staff' });
      expect(response.json()).not.toHaveProperty('items');
    });
  });

  describe('request id', () => {
    it('echoes the caller’s X-Request-Id in the header and the problem', async () => {
      const response = await createInstitution({
        payload: { kind: 'state' },
        headers: { 'x-request-id': 'desk-7.call_42' },
      });
      expect(response.headers['x-request-id']).toBe('desk-7.call_42');
      expect(problemOf(response).requestId).toBe('desk-7.call_42');
    });

    it('echoes it on success too', async () => {
      const response = await call(test.app, admin, {
        method: 'GET',
        url: '/api/v1/auth/me',
        headers: { 'x-request-id': 'trace-123' },
      });
      expect(response.statusCode).toBe(200);
      expect(response.headers['x-request-id']).toBe('trace-123');
    });

    it('makes a new one when none is sent or the one sent is unsafe', async () => {
      for (const headers of [
        {},
        { 'x-request-id': 'two words' },
        { 'x-request-id': 'x'.repeat(65) },
      ]) {
        const response = await call(test.app, admin, {
          method: 'GET',
          url: '/api/v1/nothing-here',
          headers,
        });
        const id = response.headers['x-request-id'];
        expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
        expect(problemOf(response).requestId).toBe(id);
      }
    });
  });
});
