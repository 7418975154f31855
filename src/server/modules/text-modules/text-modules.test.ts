import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TTextModule, TTextModulePage } from '../../../contracts/text-modules.contracts';
import { fillTextModule } from '../../../domain/letters';
import {
  call,
  createTestApp,
  fieldErrorsOf,
  signedIn,
  type Session,
  type TestApp,
} from '../../testing/test-app';

const unique = () => randomBytes(4).toString('hex');

describe('text modules', () => {
  let test: TestApp;
  let head: Session;
  let clerk: Session;
  beforeAll(async () => {
    test = await createTestApp();
    head = await signedIn(test, { roles: ['client_service_head'] });
    clerk = await signedIn(test, { roles: ['specialist'] });
  });
  afterAll(() => test.close());

  const create = (session: Session, payload: object) =>
    call(test.app, session, { method: 'POST', url: '/api/v1/text-modules', payload });
  const list = async (session: Session, query: string) => {
    const response = await call(test.app, session, {
      method: 'GET',
      url: `/api/v1/text-modules?${query}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<TTextModulePage>();
  };

  it('keeps a module with placeholders that a clerk finds without diacritics and fills in', async () => {
    const title = `Dzīvesvietas deklarēšana ${unique()}`;
    const created = await create(head, {
      title,
      language: 'lv',
      body: 'Labdien, {klients}!\nJūsu pieprasījums {numurs} tiks izskatīts līdz {termiņš}.',
    });
    expect(created.statusCode, created.body).toBe(201);

    const found = await list(
      clerk,
      `language=lv&q=${encodeURIComponent('dzivesvietas deklaresana')}`,
    );
    const module = found.items.find((item) => item.title === title);
    expect(module).toBeDefined();
    expect(
      fillTextModule(module?.body ?? '', {
        client: 'Jānis Bērziņš',
        number: '2026-000123',
        dueOn: '2026-03-13',
      }),
    ).toBe(
      'Labdien, Jānis Bērziņš!\nJūsu pieprasījums 2026-000123 tiks izskatīts līdz 13.03.2026.',
    );
    expect((await list(clerk, `language=en&q=${encodeURIComponent(title)}`)).items).toEqual([]);
  });

  it('refuses a placeholder the composer cannot fill, and empty text, naming the fields', async () => {
    const response = await create(head, { title: ' ', language: 'lv', body: 'Labdien, {vārds}!' });

    expect(response.statusCode).toBe(400);
    expect(
      fieldErrorsOf(response)
        .map((error) => error.field)
        .sort(),
    ).toEqual(['body', 'title']);
  });

  it('lets a specialist use modules but not write them', async () => {
    const response = await create(clerk, { title: 'Mans', language: 'lv', body: 'Labdien!' });

    expect(response.statusCode).toBe(403);
  });

  it('retires a module with the version read; a stale change is refused', async () => {
    const title = `Atvaļinājums ${unique()}`;
    const created = (
      await create(head, { title, language: 'en', body: 'Good day, {client}!' })
    ).json<TTextModule>();
    const patch = (payload: object) =>
      call(test.app, head, {
        method: 'PATCH',
        url: `/api/v1/text-modules/${created.id}`,
        payload,
      });

    expect((await patch({ active: false, version: created.version })).statusCode).toBe(200);
    expect((await patch({ title: 'Cits', version: created.version })).statusCode).toBe(409);

    const q = `q=${encodeURIComponent(title)}`;
    expect((await list(clerk, q)).items).toEqual([]);
    expect((await list(clerk, `${q}&active=false`)).items).toEqual([
      expect.objectContaining({ id: created.id, active: false }),
    ]);
  });
});
