import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TRequestDetail } from '../../../contracts/requests.contracts';
import { systemContext } from '../../http/access';
import {
  call,
  createPerson,
  createTestApp,
  fieldErrorsOf,
  multipartFile,
  problemOf,
  type Session,
  type TestApp,
  requestDesk,
} from '../../testing/test-app';
import { pdfText } from '../../testing/pdf-text';

const ctx = systemContext('correspondence-test');
const uniqueSuffix = () => randomBytes(4).toString('hex');
// The test clock stands at Tuesday 10 March 2026, 11:00 in Riga.
const TUESDAY = '2026-03-10T09:00:00Z';

describe('correspondence', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp();
  });
  afterAll(() => test.close());
  beforeEach(() => test.clock.set(TUESDAY));

  const desk = (service?: string) => requestDesk(test, service);

  const open = (session: Session, id: string) =>
    call(test.app, session, { method: 'GET', url: `/api/v1/requests/${id}` });

  const post = (session: Session, url: string, payload: Record<string, unknown>) =>
    call(test.app, session, { method: 'POST', url, payload });

  describe('attachments', () => {
    it('keeps an uploaded document and gives it back byte for byte', async () => {
      const { clerk, request } = await desk();
      const content = Buffer.from('%PDF-1.4 iesniegums ar garumzīmēm ā č ē');

      const uploaded = await call(test.app, clerk, {
        method: 'POST',
        url: `/api/v1/requests/${request.id}/attachments`,
        ...multipartFile('Iesniegums Nr. 5.pdf', content, 'application/pdf'),
      });
      expect(uploaded.statusCode, uploaded.body).toBe(201);
      const { id } = uploaded.json<{ id: string }>();

      const download = await call(test.app, clerk, {
        method: 'GET',
        url: `/api/v1/requests/${request.id}/attachments/${id}`,
      });
      expect(download.statusCode).toBe(200);
      expect(download.headers['content-type']).toBe('application/pdf');
      expect(download.headers['content-disposition']).toContain(
        "filename*=UTF-8''Iesniegums%20Nr.%205.pdf",
      );
      expect(download.rawPayload.equals(content)).toBe(true);
      const detail = (await open(clerk, request.id)).json<TRequestDetail>();
      expect(detail.attachments).toEqual([
        expect.objectContaining({ id, filename: 'Iesniegums Nr. 5.pdf', size: content.length }),
      ]);
    });

    it('refuses a file over 10 MB and keeps nothing', async () => {
      const { clerk, request } = await desk();
      const response = await call(test.app, clerk, {
        method: 'POST',
        url: `/api/v1/requests/${request.id}/attachments`,
        ...multipartFile(
          'liels.bin',
          Buffer.alloc(10 * 1024 * 1024 + 1),
          'application/octet-stream',
        ),
      });
      expect(response.statusCode).toBe(413);
      expect(problemOf(response).code).toBe('payload_too_large');
      expect((await open(clerk, request.id)).json<TRequestDetail>().attachments).toEqual([]);
    });
  });

  describe('replies and letters', () => {
    it('sends a reply with an article as PDF and marks the request answered', async () => {
      const { clerk, request } = await desk();
      const editor = await createPerson(test.services, { roles: ['client_service_head'] });
      const article = await test.services.articles.create(
        { ...ctx, principal: { ...ctx.principal, staffId: editor.id } },
        {
          kind: 'guide',
          language: 'lv',
          title: 'Kā deklarēt dzīvesvietu tiešsaistē',
          bodyHtml: '<p>Portālā latvija.gov.lv.</p>',
          visibility: 'public',
          ownerId: editor.id,
          reviewOn: '2027-01-01',
          serviceIds: [],
        },
      );
      const response = await post(clerk, `/api/v1/requests/${request.id}/replies`, {
        subject: `Atbilde uz pieprasījumu ${request.number}`,
        body: `Labdien!\nInformācija: https://example.lv${article.publicPath ?? ''}`,
        pdfArticleIds: [article.id],
        markAnswered: true,
        version: request.version,
      });
      expect(response.statusCode, response.body).toBe(200);
      const detail = response.json<TRequestDetail>();
      expect(detail.state).toBe('answered');
      const pdf = detail.attachments.find((a) => a.filename === `${article.slug}.pdf`);
      expect(pdf).toMatchObject({ contentType: 'application/pdf' });
      expect(detail.outgoingMessages.at(-1)).toMatchObject({
        subject: `Atbilde uz pieprasījumu ${request.number}`,
        attachmentIds: [pdf?.id],
        state: 'due',
      });
      expect(detail.timeline.map((entry) => entry.kind)).toContain('reply');

      const downloaded = await call(test.app, clerk, {
        method: 'GET',
        url: `/api/v1/requests/${request.id}/attachments/${pdf?.id}`,
      });
      expect(downloaded.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdfText(downloaded.rawPayload)).toContain('Kā deklarēt dzīvesvietu tiešsaistē');
    });

    it('keeps a letter waiting until a clerk marks it handed over, with who and when', async () => {
      const { clerk, request } = await desk();
      const replied = await post(clerk, `/api/v1/requests/${request.id}/replies`, {
        subject: 'Atbilde',
        body: 'Labdien!',
        version: request.version,
      });
      const letter = replied.json<TRequestDetail>().outgoingMessages.at(-1);
      expect(letter).toMatchObject({ state: 'due', delivery: null });

      test.clock.set('2026-03-10T10:30:00Z');
      const url = `/api/v1/requests/${request.id}/messages/${letter?.id}/delivery`;
      const handed = await post(clerk, url, { method: 'handed_over', note: 'Izsniegta klātienē' });
      expect(handed.statusCode, handed.body).toBe(200);
      const detail = handed.json<TRequestDetail>();
      expect(detail.outgoingMessages.at(-1)).toMatchObject({
        state: 'sent',
        delivery: {
          method: 'handed_over',
          note: 'Izsniegta klātienē',
          by: { id: clerk.person.id },
          at: '2026-03-10T10:30:00.000Z',
        },
      });
      expect(detail.timeline.at(-1)).toMatchObject({
        kind: 'letter-delivered',
        actor: { id: clerk.person.id },
        data: { messageId: letter?.id, method: 'handed_over' },
      });

      const again = await post(clerk, url, { method: 'printed' });
      expect(again.statusCode).toBe(409);
      const wrong = await post(clerk, url, { method: 'pigeon' });
      expect(fieldErrorsOf(wrong).map((error) => error.field)).toEqual(['method']);
    });

    it('refuses to send a resident an internal article, naming it, and stores nothing', async () => {
      const { clerk, request } = await desk();
      const editor = await createPerson(test.services, { roles: ['client_service_head'] });
      const write = (title: string, visibility: 'public' | 'internal') =>
        test.services.articles.create(
          { ...ctx, principal: { ...ctx.principal, staffId: editor.id } },
          {
            kind: 'procedure',
            language: 'lv',
            title,
            bodyHtml: '<p>Teksts.</p>',
            visibility,
            ownerId: editor.id,
            reviewOn: '2027-01-01',
            serviceIds: [],
          },
        );
      const guide = await write('Kā pieteikties rindai', 'public');
      const procedure = await write('Iekšējā kārtība rindas pārbaudei', 'internal');
      const before = (await open(clerk, request.id)).json<TRequestDetail>();
      expect(before.clientKind).toBe('external');
      const response = await post(clerk, `/api/v1/requests/${request.id}/replies`, {
        subject: 'Atbilde',
        body: 'Teksts',
        pdfArticleIds: [guide.id, procedure.id],
        version: request.version,
      });
      expect(response.statusCode).toBe(400);
      expect(fieldErrorsOf(response)).toEqual([
        { field: 'pdfArticleIds.1', code: 'article_internal' },
      ]);
      const after = (await open(clerk, request.id)).json<TRequestDetail>();
      expect(after.outgoingMessages).toEqual(before.outgoingMessages);
      expect(after.attachments).toEqual(before.attachments);
    });

    it('refuses a reply with an unknown article and stores nothing', async () => {
      const { clerk, request } = await desk();
      const before = (await open(clerk, request.id)).json<TRequestDetail>();
      const response = await post(clerk, `/api/v1/requests/${request.id}/replies`, {
        subject: 'Atbilde',
        body: 'Teksts',
        pdfArticleIds: ['00000000-0000-4000-8000-000000000000'],
        version: request.version,
      });
      expect(response.statusCode).toBe(400);
      expect(fieldErrorsOf(response)).toEqual([
        { field: 'pdfArticleIds', code: 'unknown_reference' },
      ]);
      const after = (await open(clerk, request.id)).json<TRequestDetail>();
      expect(after.outgoingMessages).toEqual(before.outgoingMessages);
      expect(after.attachments).toEqual(before.attachments);
      expect(after.version).toBe(before.version);
    });

    it('quotes the client’s latest letter under the answer and its signature', async () => {
      const { unit, clerk } = await desk();
      const now = test.clock.now();
      const mailbox = await test.database.db
        .insertInto('mailboxes')
        .values({
          name: 'Pastkaste',
          address: `pasts.${uniqueSuffix()}@novads.lv`,
          unit_id: unit.id,
          smtp_enabled: true,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const raw = [
        'From: "Anna Ozola" <anna.ozola@example.lv>',
        'To: pasts@novads.lv',
        'Subject: Jautājums par deklarēšanu',
        `Message-ID: <${uniqueSuffix()}@example.lv>`,
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: 8bit',
        '',
        'Labdien!\nKā deklarēt dzīvesvietu?',
        '',
      ].join('\r\n');
      const stored = await test.services.mail.ingest({
        mailboxId: mailbox.id,
        channel: 'email',
        source: 'smtp',
        sourceKey: null,
        raw: Buffer.from(raw),
        receivedAt: now,
      });
      if (!stored.requestId) throw new Error('the letter made no request');
      const request = (await open(clerk, stored.requestId)).json<TRequestDetail>();

      const response = await post(clerk, `/api/v1/requests/${request.id}/replies`, {
        subject: `Re: Jautājums par deklarēšanu [${request.number}]`,
        body: 'Labdien!\nTo var izdarīt portālā latvija.gov.lv.',
        quote: true,
        version: request.version,
      });

      expect(response.statusCode, response.body).toBe(200);
      const body = response.json<TRequestDetail>().outgoingMessages.at(-1)?.body ?? '';
      expect(body).toMatch(
        /^Labdien!\nTo var izdarīt portālā latvija\.gov\.lv\.\n\nAr cieņu\n[^]*\n\n10\.03\.2026 11:00 Anna Ozola rakstīja:\n> Labdien!\n> Kā deklarēt dzīvesvietu\?$/u,
      );
    });
  });
});
