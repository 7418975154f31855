import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TReviewPage, TSearchResults } from '../../../contracts/articles.contracts';
import { call, createTestApp, signedIn, type Session, type TestApp } from '../../testing/test-app';

/** A word of letters no other test uses. */
const token = () =>
  `qq${randomBytes(4)
    .toString('hex')
    .replace(/\d/g, (d) => 'abcdefghij'[Number(d)] ?? 'x')}`;

describe('knowledge: search and reviews', () => {
  let test: TestApp;
  let head: Session;
  let clerk: Session;
  beforeAll(async () => {
    test = await createTestApp();
    head = await signedIn(test, { roles: ['client_service_head'] });
    clerk = await signedIn(test, { roles: ['specialist'] });
  });
  afterAll(() => test.close());

  async function post<T>(as: Session, url: string, payload: Record<string, unknown>): Promise<T> {
    const response = await call(test.app, as, { method: 'POST', url, payload });
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response.json<T>();
  }

  const article = (body: Record<string, unknown>) =>
    post<{ id: string; version: number }>(head, '/api/v1/articles', {
      kind: 'faq',
      bodyHtml: '<p>Atbilde.</p>',
      ownerId: head.person.id,
      reviewOn: '2027-01-01',
      ...body,
    });

  const service = (body: Record<string, unknown>) =>
    post<{ id: string; version: number }>(head, '/api/v1/services', {
      kind: 'application',
      ownerId: head.person.id,
      reviewOn: '2027-01-01',
      ...body,
    });

  it('finds articles, services and people from one search box', async () => {
    const word = token();
    const guide = await article({ title: `E-paraksta lietošana ${word}` });
    const card = await service({
      name: `E-paraksta sertifikāts ${word}`,
      description: `Sertifikātu e-parakstam izsniedz ${word} birojā.`,
    });
    const person = await signedIn(test, {
      roles: ['specialist'],
      givenName: 'Žanis',
      surname: `Ķēniņš ${word}`,
    });

    const response = await call(test.app, clerk, {
      method: 'GET',
      url: `/api/v1/search?q=${encodeURIComponent(`eparaksta ${word}`)}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    const results = response.json<TSearchResults>();
    expect(results.articles.map((hit) => hit.id)).toEqual([guide.id]);
    expect(results.services.map((hit) => hit.id)).toEqual([card.id]);
    expect(results.services[0]?.snippet.some((part) => part.match)).toBe(true);
    expect(results.totals).toMatchObject({ articles: 1, services: 1 });

    const people = (
      await call(test.app, clerk, {
        method: 'GET',
        url: `/api/v1/search?q=${encodeURIComponent(`kenins ${word}`)}`,
      })
    ).json<TSearchResults>();
    expect(people.people.map((hit) => hit.id)).toEqual([person.person.id]);
  });

  it('refuses an empty search, naming the field', async () => {
    const response = await call(test.app, clerk, { method: 'GET', url: '/api/v1/search?q=%20' });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe('q');
  });

  describe('reviews', () => {
    it('lists what is due by a date, oldest first, for its owner and for the head', async () => {
      const owner = await signedIn(test, { roles: ['specialist'] });
      const word = token();
      const stale = await article({
        title: `Novecojis ${word}`,
        ownerId: owner.person.id,
        reviewOn: '2026-01-15',
      });
      const card = await service({
        name: `Pakalpojums ${word}`,
        ownerId: owner.person.id,
        reviewOn: '2026-02-20',
      });
      await article({ title: `Svaigs ${word}`, ownerId: owner.person.id, reviewOn: '2026-06-01' });

      const mine = (
        await call(test.app, owner, { method: 'GET', url: '/api/v1/reviews' })
      ).json<TReviewPage>();
      // Today is 2026-03-10: the article is 54 days overdue, the card 18.
      expect(mine.items.map(({ type, id, daysOverdue }) => ({ type, id, daysOverdue }))).toEqual([
        { type: 'article', id: stale.id, daysOverdue: 54 },
        { type: 'service', id: card.id, daysOverdue: 18 },
      ]);

      const byJune = (
        await call(test.app, owner, { method: 'GET', url: '/api/v1/reviews?dueBy=2026-06-01' })
      ).json<TReviewPage>();
      expect(byJune.total).toBe(3);

      const byFebruary = (
        await call(test.app, owner, { method: 'GET', url: '/api/v1/reviews?dueBy=2026-02-01' })
      ).json<TReviewPage>();
      expect(byFebruary.items.map((item) => item.id)).toEqual([stale.id]);

      const everyone = (
        await call(test.app, head, { method: 'GET', url: '/api/v1/reviews?scope=all&pageSize=100' })
      ).json<TReviewPage>();
      expect(everyone.items.map((item) => item.id)).toEqual(
        expect.arrayContaining([stale.id, card.id]),
      );

      const refused = await call(test.app, owner, {
        method: 'GET',
        url: '/api/v1/reviews?scope=all',
      });
      expect(refused.statusCode).toBe(403);

      await post(owner, `/api/v1/articles/${stale.id}/reviewed`, {
        nextReviewOn: '2027-03-10',
        version: stale.version,
      });
      const after = (
        await call(test.app, owner, { method: 'GET', url: '/api/v1/reviews' })
      ).json<TReviewPage>();
      expect(after.items.map((item) => item.id)).toEqual([card.id]);
    });
  });
});

describe('knowledge: broad words find what is about them, not every passing mention', () => {
  // A database of its own: a broad query alone ("eadrese"), with no word unique to one test.
  let test: TestApp;
  let head: Session;
  let clerk: Session;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    test = await createTestApp();
    head = await signedIn(test, { roles: ['client_service_head'] });
    clerk = await signedIn(test, { roles: ['specialist'] });
    const write = async (key: string, title: string, bodyHtml: string) => {
      const response = await call(test.app, head, {
        method: 'POST',
        url: '/api/v1/articles',
        payload: {
          kind: 'guide',
          title,
          bodyHtml,
          ownerId: head.person.id,
          reviewOn: '2027-01-01',
        },
      });
      expect(response.statusCode, response.body).toBe(201);
      ids[key] = response.json<{ id: string }>().id;
    };
    await write(
      'eAddress',
      'E-adrese nav e-pasts: kā atšķirt',
      '<p>E-adrese ir oficiālā elektroniskā adrese portālā latvija.gov.lv. E-adresi aktivizē ar eID. Konsultē Jānis Bērziņš.</p>',
    );
    await write(
      'declaration',
      'Dzīvesvietas deklarēšana',
      '<p>Deklarēt var tiešsaistē vai klātienē. Vajadzīgs īres līgums.</p>',
    );
    // Unrelated: the tax guide names the e-address once among the ways a notice comes; the
    // income guide shares only a near word with a typo of "deklarēšana"; the form guide has a
    // lone "e" of e-pasts and an "adrešu" far apart.
    await write(
      'tax',
      'Nekustamā īpašuma nodoklis',
      '<p>Nodokli aprēķina pašvaldība. Maksāšanas paziņojumu nosūta līdz 15. februārim pa pastu vai uz e-adresi. Maksāt var bankā, portālā vai kasē, pa daļām četras reizes gadā. Atvieglojumus piešķir pēc iesnieguma.</p>',
    );
    await write(
      'income',
      'Gada ienākumi',
      '<p>Ienākumi deklarēti VID EDS līdz jūnija sākumam. Pārmaksu atmaksā mēneša laikā.</p>',
    );
    await write(
      'forms',
      'Veidlapas iesniegumiem',
      '<p>Veidlapu var saņemt e-pastā. Valsts adrešu reģistrā pārbauda īpašumu.</p>',
    );
  });
  afterAll(() => test.close());

  const found = async (q: string) => {
    const response = await call(test.app, clerk, {
      method: 'GET',
      url: `/api/v1/articles?q=${encodeURIComponent(q)}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ items: Array<{ id: string }> }>().items.map((hit) => hit.id);
  };

  it('finds the e-address guide alone however "e-adrese" is written', async () => {
    for (const q of ['eadrese', 'e adrese', 'e-adrese', 'E-ADRESI'])
      expect(await found(q), q).toEqual([ids.eAddress]);
  });

  it('still finds the guide by a name typed without diacritics', async () => {
    expect(await found('Berzins')).toEqual([ids.eAddress]);
  });

  it('forgives a typo without bringing in articles that share only a weaker near word', async () => {
    expect(await found('deklaresna')).toEqual([ids.declaration]);
  });

  it('answers the one search box the same way', async () => {
    const response = await call(test.app, clerk, {
      method: 'GET',
      url: `/api/v1/search?q=${encodeURIComponent('eadrese')}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<TSearchResults>().articles.map((hit) => hit.id)).toEqual([ids.eAddress]);
  });
});
