import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TClientPage } from '../../contracts/clients.contracts';
import type { TServicePage } from '../../contracts/catalogue.contracts';
import {
  call,
  createUnit,
  createTestApp,
  fieldErrorsOf,
  problemOf,
  signedIn,
  type Session,
  type TestApp,
} from '../testing/test-app';
import { isStorableText, unstorableFieldsOf } from './text-input';

const unique = () => randomBytes(4).toString('hex');

describe('text that cannot be stored as sent', () => {
  it('is a NUL character or half of a surrogate pair; a whole pair is fine', () => {
    expect(isStorableText('Bērziņš 😀 ok')).toBe(true);
    expect(isStorableText('')).toBe(true);
    expect(isStorableText('a\u0000b')).toBe(false);
    expect(isStorableText('a\ud800')).toBe(false);
    expect(isStorableText('\ud800b')).toBe(false);
    expect(isStorableText('a\udc00b')).toBe(false);
    expect(isStorableText('\ude00\ud83d')).toBe(false);
  });

  it('is found by its path in nested input, keys included, without recursion', () => {
    expect(
      unstorableFieldsOf(
        { name: 'ok', steps: ['a', 'b\u0000'], answers: { 'q\ud800': 'x', q2: { lv: '\udfff' } } },
        'body',
      ),
    ).toEqual([
      { field: 'steps.1', in: 'body', code: 'invalid_characters', params: {} },
      { field: 'answers', in: 'body', code: 'invalid_characters', params: {} },
      { field: 'answers.q2.lv', in: 'body', code: 'invalid_characters', params: {} },
    ]);
    let deep: unknown = 'x\u0000';
    for (let level = 0; level < 50_000; level++) deep = [deep];
    expect(unstorableFieldsOf(deep, 'body')).toHaveLength(1);
    expect(unstorableFieldsOf(undefined, 'query')).toEqual([]);
  });
});

describe('malformed text in requests', () => {
  let test: TestApp;
  let head: Session;
  beforeAll(async () => {
    test = await createTestApp();
    head = await signedIn(test, {
      roles: ['client_service_head'],
      unitIds: [(await createUnit(test.services)).id],
    });
  });
  afterAll(() => test.close());

  const post = (url: string, payload: string) =>
    call(test.app, head, {
      method: 'POST',
      url,
      payload,
      headers: { 'content-type': 'application/json' },
    });

  it('refuses a NUL in any body field with 400 naming it, where the database gave a 500', async () => {
    const name = `Pakalpojums ${unique()}`;
    const response = await post(
      '/api/v1/services',
      JSON.stringify({
        name,
        kind: 'consultation',
        description: 'Apraksts\u0000',
        ownerId: head.person.id,
        reviewOn: '2031-01-10',
      }),
    );
    expect(response.statusCode, response.body).toBe(400);
    expect(problemOf(response).errors).toEqual([
      {
        field: 'description',
        in: 'body',
        code: 'invalid_characters',
        message: 'Tekstā ir neatļauta rakstzīme.',
      },
    ]);
    const list = await call(test.app, head, {
      method: 'GET',
      url: `/api/v1/services?q=${encodeURIComponent(name)}`,
    });
    expect(list.json<TServicePage>().total).toBe(0);
  });

  it('refuses a lone surrogate instead of storing the text changed', async () => {
    const surname = `Ozols${unique()}`;
    // Written as JSON escapes: a lone surrogate cannot be sent as UTF-8 at all.
    const response = await post(
      '/api/v1/clients',
      `{"kind":"person","givenName":"An\\ud800na","surname":"${surname}"}`,
    );
    expect(response.statusCode, response.body).toBe(400);
    expect(fieldErrorsOf(response)).toEqual([{ field: 'givenName', code: 'invalid_characters' }]);
    const found = await call(test.app, head, {
      method: 'GET',
      url: `/api/v1/clients?q=${surname}`,
    });
    expect(found.json<TClientPage>().total).toBe(0);
  });

  it('refuses a lone surrogate bound for a JSON column, where the database gave a 500', async () => {
    const response = await post(
      '/api/v1/surveys',
      '{"title":"Aptauja","kind":"client","questionnaire":' +
        '{"sections":[{"title":{"lv":"Sadaļa \\udc00"},"questions":[]}]}}',
    );
    expect(response.statusCode, response.body).toBe(400);
    expect(fieldErrorsOf(response)).toEqual([
      { field: 'questionnaire.sections.0.title.lv', code: 'invalid_characters' },
    ]);
  });

  it('refuses a NUL in a path or query parameter, in English when asked', async () => {
    const page = await test.app.inject({ method: 'GET', url: '/public/kb/raksts%00' });
    expect(page.statusCode, page.body).toBe(400);
    expect(problemOf(page).errors).toEqual([
      expect.objectContaining({ in: 'path', code: 'invalid_characters' }),
    ]);

    const query = await call(test.app, head, {
      method: 'GET',
      url: '/api/v1/search?q=e-adrese%00',
      headers: { 'accept-language': 'en' },
    });
    expect(query.statusCode, query.body).toBe(400);
    expect(problemOf(query).errors).toEqual([
      {
        field: 'q',
        in: 'query',
        code: 'invalid_characters',
        message: 'The text holds a character that is not allowed.',
      },
    ]);
  });
});
