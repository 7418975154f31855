import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  TArticle,
  TArticlePage,
  TVersionComparison,
} from '../../../contracts/articles.contracts';
import { pdfText } from '../../testing/pdf-text';
import {
  call,
  createTestApp,
  fieldErrorsOf,
  multipartFile,
  signedIn,
  type Session,
  type TestApp,
} from '../../testing/test-app';

/** A word no other test uses, so searches here find only this test's articles. */
const token = () =>
  `zz${randomBytes(4)
    .toString('hex')
    .replace(/\d/g, (d) => 'abcdefghij'[Number(d)] ?? 'x')}`;

describe('articles', () => {
  let test: TestApp;
  let editor: Session;
  let clerk: Session;
  beforeAll(async () => {
    test = await createTestApp();
    editor = await signedIn(test, { roles: ['client_service_head'] });
    clerk = await signedIn(test, { roles: ['specialist'] });
  });
  afterAll(() => test.close());

  async function write(body: Record<string, unknown>, as: Session = editor): Promise<TArticle> {
    const response = await call(test.app, as, {
      method: 'POST',
      url: '/api/v1/articles',
      payload: {
        kind: 'guide',
        title: `Raksts ${token()}`,
        bodyHtml: '<p>Teksts.</p>',
        ownerId: editor.person.id,
        reviewOn: '2026-09-01',
        ...body,
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }

  async function search(q: string, extra = ''): Promise<TArticlePage> {
    const response = await call(test.app, clerk, {
      method: 'GET',
      url: `/api/v1/articles?q=${encodeURIComponent(q)}${extra}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }

  describe('search', () => {
    it('finds the e-address guide however the word is written, and Bērziņš without diacritics', async () => {
      const word = token();
      const guide = await write({
        title: `Kā lietot e-adresi ${word}`,
        bodyHtml: `<p>E-adrese ir oficiālā elektroniskā adrese. Konsultē Jānis Bērziņš.</p>`,
      });
      for (const q of [
        `eadrese ${word}`,
        `e adrese ${word}`,
        `e-adrese ${word}`,
        `E-ADRESI ${word}`,
      ])
        expect(
          (await search(q)).items.map((hit) => hit.id),
          q,
        ).toEqual([guide.id]);
      expect((await search(`Berzins ${word}`)).items.map((hit) => hit.id)).toEqual([guide.id]);
    });

    it('forgives a typo by trying the indexed words nearest to it', async () => {
      const word = token();
      const guide = await write({
        title: `Dzīvesvietas deklarēšana ${word}`,
        bodyHtml: '<p>Deklarēt var tiešsaistē.</p>',
      });
      expect((await search(`deklaresna ${word}`)).items.map((hit) => hit.id)).toEqual([guide.id]);
      expect((await search(`dzivesvietas ${word}`)).items.map((hit) => hit.id)).toEqual([guide.id]);
    });

    it('ranks a match in the title above one in the text, and marks the matching words', async () => {
      const word = token();
      const inText = await write({
        title: `Citi jautājumi ${word}`,
        bodyHtml: '<p>Beigās minēts arī eParaksts mobile un tā lietošana.</p>',
      });
      const inTitle = await write({
        title: `eParaksts mobile lietošana ${word}`,
        bodyHtml: '<p>Lietotne tālrunī.</p>',
      });
      const page = await search(`eparaksts ${word}`);
      expect(page.items.map((hit) => hit.id)).toEqual([inTitle.id, inText.id]);
      expect(page.total).toBe(2);
      const marked = page.items[1]?.snippet.filter((part) => part.match).map((part) => part.text);
      expect(marked).toContain('eParaksts');
    });

    it('survives indexed text with quotes and odd addresses when a word is mistyped', async () => {
      const word = token();
      await write({
        title: `Veidlapas ${word}`,
        bodyHtml: `<p>Skatīt https://portals.lv/veidlapa'jauna un O'Brien\\ ${word}.</p>`,
      });
      const response = await call(test.app, clerk, {
        method: 'GET',
        url: `/api/v1/articles?q=${encodeURIComponent(`veidlapajauna ${word}`)}`,
      });
      expect(response.statusCode, response.body).toBe(200);
      const publicSearch = await test.app.inject({
        method: 'GET',
        url: `/public/kb?q=${encodeURIComponent("obrien'")}`,
      });
      expect(publicSearch.statusCode).toBe(200);
    });

    it('finds nothing for words that are nowhere', async () => {
      expect((await search(`${token()} ${token()}`)).items).toEqual([]);
    });
  });

  describe('writing', () => {
    it('keeps only safe HTML: no scripts, handlers, styles or foreign images', async () => {
      const article = await write({
        bodyHtml:
          '<p onclick="steal()">Labi<script>alert(1)</script></p>' +
          '<img src="https://tracker.example/p.gif"><img src="x" onerror="alert(2)">' +
          '<img src="/api/v1/clients/00000000-0000-4000-8000-000000000000">' +
          '<a href=" https://example.lv" target="_self">atstarpe</a><a href="/knowledge" target="_blank">iekšēja</a>' +
          '<a href="javascript:alert(3)">klikšķini</a><a href="https://latvija.gov.lv">portāls</a>' +
          '<iframe src="https://evil.example"></iframe><style>body{}</style>',
      });
      expect(article.bodyHtml).not.toMatch(
        /script|onclick|onerror|javascript:|iframe|style|tracker/i,
      );
      expect(article.bodyHtml).toContain('<p>Labi</p>');
      expect(article.bodyHtml).toContain(
        '<a href="https://latvija.gov.lv" rel="noopener noreferrer" target="_blank">portāls</a>',
      );
    });

    it('refuses an empty text and an unknown owner, naming the fields, and changes nothing', async () => {
      const title = `Tukšs ${token()}`;
      const response = await call(test.app, editor, {
        method: 'POST',
        url: '/api/v1/articles',
        payload: {
          kind: 'faq',
          title,
          bodyHtml: '<script>only()</script>',
          ownerId: editor.person.id,
          reviewOn: '2026-09-01',
        },
      });
      expect(response.statusCode).toBe(400);
      expect(fieldErrorsOf(response)).toEqual([{ field: 'bodyHtml', code: 'required' }]);
      const unknownOwner = await call(test.app, editor, {
        method: 'POST',
        url: '/api/v1/articles',
        payload: {
          kind: 'faq',
          title,
          bodyHtml: '<p>Teksts</p>',
          ownerId: '00000000-0000-4000-8000-000000000000',
          reviewOn: '2026-09-01',
        },
      });
      expect(fieldErrorsOf(unknownOwner)).toEqual([
        { field: 'ownerId', code: 'unknown_reference' },
      ]);
      expect((await search(title)).total).toBe(0);
    });

    it('lets a specialist read but not write, and the owner edit their own article', async () => {
      const refused = await call(test.app, clerk, {
        method: 'POST',
        url: '/api/v1/articles',
        payload: {
          kind: 'faq',
          title: 'X',
          bodyHtml: '<p>X</p>',
          ownerId: clerk.person.id,
          reviewOn: '2026-09-01',
        },
      });
      expect(refused.statusCode).toBe(403);
      const owned = await write({ ownerId: clerk.person.id });
      const edited = await call(test.app, clerk, {
        method: 'PATCH',
        url: `/api/v1/articles/${owned.id}`,
        payload: { summary: 'Īsumā', version: owned.version },
      });
      expect(edited.statusCode, edited.body).toBe(200);
      const published = await call(test.app, clerk, {
        method: 'PATCH',
        url: `/api/v1/articles/${owned.id}`,
        payload: { visibility: 'public', version: edited.json<TArticle>().version },
      });
      expect(fieldErrorsOf(published)).toEqual([
        { field: 'visibility', code: 'visibility_needs_editor' },
      ]);
      const other = await write({});
      const forbidden = await call(test.app, clerk, {
        method: 'PATCH',
        url: `/api/v1/articles/${other.id}`,
        payload: { summary: 'Īsumā', version: other.version },
      });
      expect(forbidden.statusCode).toBe(403);
    });

    it('tells the viewer whether they may change it: editors and its owner, no one else', async () => {
      const article = await write({ ownerId: clerk.person.id });
      const other = await signedIn(test, { roles: ['specialist'] });
      const canOf = async (as: Session) => {
        const response = await call(test.app, as, {
          method: 'GET',
          url: `/api/v1/articles/${article.id}`,
        });
        expect(response.statusCode, response.body).toBe(200);
        return response.json<TArticle>().can;
      };

      expect(article.can).toEqual({ edit: true });
      expect(await canOf(editor)).toEqual({ edit: true });
      expect(await canOf(clerk)).toEqual({ edit: true });
      expect(await canOf(other)).toEqual({ edit: false });
    });
  });

  describe('archiving', () => {
    it('takes an article out of lists, search and the public pages', async () => {
      const word = token();
      const article = await write({ title: `Novecojusi kārtība ${word}`, visibility: 'public' });
      const stale = await call(test.app, editor, {
        method: 'DELETE',
        url: `/api/v1/articles/${article.id}?version=${article.version + 1}`,
      });
      expect(stale.statusCode).toBe(409);
      const byOwner = await call(test.app, clerk, {
        method: 'DELETE',
        url: `/api/v1/articles/${article.id}?version=${article.version}`,
      });
      expect(byOwner.statusCode).toBe(403);

      const removed = await call(test.app, editor, {
        method: 'DELETE',
        url: `/api/v1/articles/${article.id}?version=${article.version}`,
      });
      expect(removed.statusCode).toBe(204);
      expect((await search(word)).total).toBe(0);
      const opened = await call(test.app, clerk, {
        method: 'GET',
        url: `/api/v1/articles/${article.id}`,
      });
      expect(opened.statusCode).toBe(404);
      const publicPage = await test.app.inject({ method: 'GET', url: article.publicPath ?? '' });
      expect(publicPage.statusCode).toBe(404);
    });
  });

  describe('versions', () => {
    it('keeps every save, compares two and restores an old one as a new version', async () => {
      const article = await write({
        title: `Pirmā ${token()}`,
        bodyHtml: '<p>Pieņemšana pirmdienās.</p>',
      });
      const saved = await call(test.app, editor, {
        method: 'PATCH',
        url: `/api/v1/articles/${article.id}`,
        payload: {
          bodyHtml: '<p>Pieņemšana otrdienās.</p>',
          note: 'Mainīta diena',
          version: article.version,
        },
      });
      expect(saved.statusCode).toBe(200);
      const second = saved.json<TArticle>();
      expect(second.revision).toBe(2);

      const stale = await call(test.app, editor, {
        method: 'PATCH',
        url: `/api/v1/articles/${article.id}`,
        payload: { title: 'Novecojis', version: article.version },
      });
      expect(stale.statusCode).toBe(409);

      const versions = await call(test.app, clerk, {
        method: 'GET',
        url: `/api/v1/articles/${article.id}/versions`,
      });
      expect(versions.json<{ items: { revision: number; note: string | null }[] }>().items).toEqual(
        [
          expect.objectContaining({ revision: 2, note: 'Mainīta diena' }),
          expect.objectContaining({ revision: 1, note: null }),
        ],
      );

      const comparison = (
        await call(test.app, clerk, {
          method: 'GET',
          url: `/api/v1/articles/${article.id}/compare?from=1&to=2`,
        })
      ).json<TVersionComparison>();
      expect(comparison.body.filter((part) => part.op !== 'same')).toEqual([
        { op: 'removed', text: 'pirmdienās' },
        { op: 'added', text: 'otrdienās' },
      ]);

      const restored = await call(test.app, editor, {
        method: 'POST',
        url: `/api/v1/articles/${article.id}/restore`,
        payload: { revision: 1, version: second.version },
      });
      expect(restored.statusCode, restored.body).toBe(200);
      expect(restored.json<TArticle>()).toMatchObject({
        revision: 3,
        bodyHtml: '<p>Pieņemšana pirmdienās.</p>',
      });
      const unknown = await call(test.app, editor, {
        method: 'POST',
        url: `/api/v1/articles/${article.id}/restore`,
        payload: { revision: 99, version: restored.json<TArticle>().version },
      });
      expect(fieldErrorsOf(unknown)).toEqual([{ field: 'revision', code: 'unknown_reference' }]);
    });
  });

  describe('public and internal', () => {
    it('serves a public article to anyone and hides an internal one', async () => {
      const word = token();
      const open = await write({
        title: `Publisks ceļvedis ${word}`,
        visibility: 'public',
        bodyHtml: '<p>Kā aktivizēt eID karti.</p>',
      });
      const internal = await write({ title: `Iekšēja kārtība ${word}`, visibility: 'internal' });
      expect(open.publicPath).toBe(`/public/kb/${open.slug}`);
      expect(internal.publicPath).toBeNull();

      const page = await test.app.inject({ method: 'GET', url: open.publicPath ?? '' });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.body).toContain('<html lang="lv">');
      expect(page.body).toContain('Kā aktivizēt eID karti.');
      expect(page.body).toContain('Pēdējo reizi pārbaudīts');
      // The date as the rest of the app writes it, day first.
      expect(page.body).toMatch(/<time datetime="(\d{4})-(\d{2})-(\d{2})">\3\.\2\.\1<\/time>/);

      const hidden = await test.app.inject({ method: 'GET', url: `/public/kb/${internal.slug}` });
      expect(hidden.statusCode).toBe(404);
      expect(hidden.body).not.toContain(internal.title);

      const index = await test.app.inject({ method: 'GET', url: `/public/kb?q=${word}` });
      expect(index.body).toContain(open.title);
      expect(index.body).not.toContain(internal.title);

      const anonymousApi = await test.app.inject({
        method: 'GET',
        url: `/api/v1/articles/${open.id}`,
      });
      expect(anonymousApi.statusCode).toBe(401);
    });

    it('escapes what residents type into the public search', async () => {
      const response = await test.app.inject({
        method: 'GET',
        url: `/public/kb?q=${encodeURIComponent('"><script>alert(1)</script>')}`,
      });
      expect(response.statusCode).toBe(200);
      expect(response.body).not.toContain('<script>alert(1)');
    });
  });

  describe('files and PDF', () => {
    it('streams a recording in byte ranges and keeps internal files from strangers', async () => {
      const article = await write({ kind: 'training', visibility: 'internal' });
      const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));
      const upload = await call(test.app, editor, {
        method: 'POST',
        url: `/api/v1/articles/${article.id}/files`,
        ...multipartFile('apmaciba.mp4', bytes, 'video/mp4'),
      });
      expect(upload.statusCode, upload.body).toBe(201);
      const { url } = upload.json<{ url: string }>();

      const part = await call(test.app, clerk, {
        method: 'GET',
        url,
        headers: { range: 'bytes=100-199' },
      });
      expect(part.statusCode).toBe(206);
      expect(part.headers['content-range']).toBe('bytes 100-199/1000');
      expect(part.rawPayload).toEqual(bytes.subarray(100, 200));

      const tail = await call(test.app, clerk, {
        method: 'GET',
        url,
        headers: { range: 'bytes=-10' },
      });
      expect(tail.rawPayload).toEqual(bytes.subarray(990));

      const whole = await call(test.app, clerk, { method: 'GET', url });
      expect(whole.statusCode).toBe(200);
      expect(whole.rawPayload).toEqual(bytes);

      const backwards = await call(test.app, clerk, {
        method: 'GET',
        url,
        headers: { range: 'bytes=5-2' },
      });
      expect(backwards.statusCode).toBe(200);
      expect(backwards.rawPayload).toEqual(bytes);

      const beyond = await call(test.app, clerk, {
        method: 'GET',
        url,
        headers: { range: 'bytes=5000-' },
      });
      expect(beyond.statusCode).toBe(416);

      const stranger = await test.app.inject({ method: 'GET', url });
      expect(stranger.statusCode).toBe(404);
    });

    it('lays out a PDF even when an image address in the text leads nowhere', async () => {
      const article = await write({
        bodyHtml:
          '<p>Attēls:</p><img src="/api/v1/articles/00000000-0000-4000-8000-000000000000/files/00000000-0000-4000-8000-000000000001" alt="shēma">',
      });
      const pdf = await call(test.app, clerk, {
        method: 'GET',
        url: `/api/v1/articles/${article.id}/pdf`,
      });
      expect(pdf.statusCode).toBe(200);
    });

    it('lays an article out as a PDF', async () => {
      const article = await write({
        title: 'Ēģiptes ķiršu ņaudēšana',
        bodyHtml: '<h2>Soļi</h2><ol><li>Pirmais</li></ol>',
      });
      const pdf = await call(test.app, clerk, {
        method: 'GET',
        url: `/api/v1/articles/${article.id}/pdf`,
      });
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      const text = pdfText(pdf.rawPayload);
      expect(text).toContain('Ēģiptes ķiršu ņaudēšana');
      expect(text).toContain('Pirmais');
    });
  });

  describe('review', () => {
    it('records the check and the next date, which must be in the future', async () => {
      const article = await write({ ownerId: clerk.person.id, reviewOn: '2026-01-01' });
      expect(article.reviewOverdue).toBe(true);
      const past = await call(test.app, clerk, {
        method: 'POST',
        url: `/api/v1/articles/${article.id}/reviewed`,
        payload: { nextReviewOn: '2026-03-10', version: article.version },
      });
      expect(fieldErrorsOf(past)).toEqual([{ field: 'nextReviewOn', code: 'date_not_future' }]);
      const checked = await call(test.app, clerk, {
        method: 'POST',
        url: `/api/v1/articles/${article.id}/reviewed`,
        payload: { nextReviewOn: '2027-03-10', version: article.version },
      });
      expect(checked.statusCode, checked.body).toBe(200);
      expect(checked.json<TArticle>()).toMatchObject({
        reviewOn: '2027-03-10',
        reviewOverdue: false,
        checkedAt: test.clock.now().toISOString(),
      });
    });
  });
});
