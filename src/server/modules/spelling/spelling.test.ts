import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TSpellingResult } from '../../../contracts/spelling.contracts';
import {
  call,
  createTestApp,
  fieldErrorsOf,
  signedIn,
  type Session,
  type TestApp,
} from '../../testing/test-app';

describe('spelling', () => {
  let test: TestApp;
  let clerk: Session;
  beforeAll(async () => {
    test = await createTestApp();
    clerk = await signedIn(test, { roles: ['specialist'] });
  });
  afterAll(() => test.close());

  const check = (session: Session | null, payload: Record<string, unknown>) =>
    call(test.app, session, { method: 'POST', url: '/api/v1/spelling', payload });

  it('answers with the misspelt words, their UTF-16 offsets and suggestions', async () => {
    const text = 'Labdien! Jūsu pieteikumz Nr. 2026-001234 ir saņemts pasvaldiba, {numurs}.';
    const response = await check(clerk, { text, language: 'lv' });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json<TSpellingResult>();
    expect(result.language).toBe('lv');
    expect(result.issues.map(({ word, start, end }) => ({ word, start, end }))).toEqual([
      { word: 'pieteikumz', start: 14, end: 24 },
      { word: 'pasvaldiba', start: 52, end: 62 },
    ]);
    for (const issue of result.issues) expect(text.slice(issue.start, issue.end)).toBe(issue.word);
    expect(result.issues[0]?.suggestions.slice(0, 3)).toContain('pieteikums');
    expect(result.issues[1]?.suggestions[0]).toBe('pašvaldība');
  });

  it('checks English too, and finds nothing in a correct text', async () => {
    const wrong = await check(clerk, { text: 'We recieved your request.', language: 'en' });
    expect(wrong.statusCode, wrong.body).toBe(200);
    const [issue, ...others] = wrong.json<TSpellingResult>().issues;
    expect(others).toEqual([]);
    expect(issue).toMatchObject({ word: 'recieved', start: 3, end: 11 });
    expect(issue?.suggestions).toContain('received');
    const right = await check(clerk, { text: "We don't know yet.", language: 'en' });
    expect(right.json<TSpellingResult>()).toEqual({ language: 'en', issues: [] });
  });

  it('refuses a caller who has not signed in', async () => {
    const response = await check(null, { text: 'Labdien', language: 'lv' });
    expect(response.statusCode).toBe(401);
  });

  it('refuses an unknown language, a text too long and unknown fields, naming the field', async () => {
    const language = await check(clerk, { text: 'Labdien', language: 'de' });
    expect(language.statusCode).toBe(400);
    expect(fieldErrorsOf(language).map(({ field }) => field)).toEqual(['language']);

    const long = await check(clerk, { text: 'a'.repeat(20001), language: 'lv' });
    expect(long.statusCode).toBe(400);
    expect(fieldErrorsOf(long).map(({ field }) => field)).toEqual(['text']);

    const extra = await check(clerk, { text: 'Labdien', language: 'lv', html: '<p>' });
    expect(extra.statusCode).toBe(400);
  });
});
