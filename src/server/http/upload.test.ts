import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TArticle } from '../../contracts/articles.contracts';
import type { TRequestDetail } from '../../contracts/requests.contracts';
import type { TSurveyDetail } from '../../contracts/surveys.contracts';
import { MAX_ARTICLE_FILE_BYTES } from '../modules/articles/articles.service';
import { MAX_SAMPLE_FILE_BYTES } from '../modules/cati/cati.routes';
import { MAX_ATTACHMENT_BYTES } from '../modules/correspondence/correspondence.service';
import { MAX_ANSWERS_FILE_BYTES } from '../modules/survey-answers/survey-answers.routes';
import {
  call,
  createContact,
  createTestApp,
  createUnit,
  fieldErrorsOf,
  multipartFile,
  problemOf,
  signedIn,
  type Session,
  type TestApp,
} from '../testing/test-app';
import { systemContext } from './access';

const ctx = systemContext('upload-test');
const unique = () => randomBytes(4).toString('hex');
const MiB = 1024 * 1024;

/**
 * A multipart body sent in pieces, as a browser sends a large file: the file's first `kept`
 * bytes end one piece exactly, and the rest of the file comes in the next. This is how a file
 * over the limit used to be stored cut to exactly the limit.
 */
function streamedUpload(options: {
  filename: string;
  contentType: string;
  /** The start of the file (a CSV header, say); filled up to `kept` bytes with `filler`. */
  start?: string;
  filler?: number;
  kept: number;
  rest: number;
}) {
  const boundary = `----apkalpo${unique()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${options.filename}"` +
      `\r\nContent-Type: ${options.contentType}\r\n\r\n`,
  );
  const start = Buffer.from(options.start ?? '');
  const filler = options.filler ?? 0x61;
  function* pieces() {
    yield Buffer.concat([head, start]);
    const block = Buffer.alloc(MiB, filler);
    let left = options.kept - start.length;
    while (left > 0) {
      const size = Math.min(left, block.length);
      yield block.subarray(0, size);
      left -= size;
    }
    yield Buffer.concat([
      Buffer.alloc(options.rest, filler),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
  }
  return {
    payload: Readable.from(pieces(), { objectMode: false }),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe('uploads', () => {
  let test: TestApp;
  let head: Session;
  let clerk: Session;
  let unitId: string;
  beforeAll(async () => {
    test = await createTestApp();
    const unit = await createUnit(test.services);
    unitId = unit.id;
    head = await signedIn(test, { roles: ['client_service_head'] });
    clerk = await signedIn(test, { unitIds: [unit.id] });
  });
  afterAll(() => test.close());

  /** A survey of the kind with one open question, as the survey uploads need. */
  const surveyAsking = (kind: 'client' | 'staff') =>
    test.services.surveys.create(ctx, {
      title: `Aptauja ${unique()}`,
      kind,
      description: '',
      questionnaire: {
        sections: [
          {
            title: { lv: 'Darbs' },
            questions: [{ type: 'text', key: 'remarks', text: { lv: 'Jūsu ieteikumi?' } }],
          },
        ],
      },
    });

  /** Each upload route: where it is, who may use it, its limit and what it has kept. */
  const routes = [
    {
      name: 'a request’s attachment',
      limit: MAX_ATTACHMENT_BYTES,
      target: async () => {
        const contact = await createContact(test.services, unitId, { services: ['Cits'] });
        const id = contact.requests[0]?.id ?? '';
        return {
          session: clerk,
          url: `/api/v1/requests/${id}/attachments`,
          start: '',
          kept: async () => {
            const detail = await call(test.app, clerk, {
              method: 'GET',
              url: `/api/v1/requests/${id}`,
            });
            return detail.json<TRequestDetail>().attachments.length;
          },
        };
      },
    },
    {
      name: 'an article’s file',
      limit: MAX_ARTICLE_FILE_BYTES,
      target: async () => {
        const article = await test.services.articles.create(ctx, {
          kind: 'guide',
          language: 'lv',
          title: `Ceļvedis ${unique()}`,
          bodyHtml: '<p>Soļi</p>',
          visibility: 'internal',
          ownerId: head.person.id,
          reviewOn: '2031-01-10',
          serviceIds: [],
        });
        return {
          session: head,
          url: `/api/v1/articles/${article.id}/files`,
          start: '',
          kept: async () => {
            const detail = await call(test.app, head, {
              method: 'GET',
              url: `/api/v1/articles/${article.id}`,
            });
            return detail.json<TArticle>().files.length;
          },
        };
      },
    },
    {
      name: 'a survey’s answers',
      limit: MAX_ANSWERS_FILE_BYTES,
      target: async () => {
        const survey = await surveyAsking('client');
        return {
          session: head,
          url: `/api/v1/surveys/${survey.id}/answers`,
          // A whole answer, then blank lines (which are skipped): cut anywhere, it still reads.
          start: 'respondent,wave,remarks\r\nr1,2026,Labi\r\n',
          filler: 0x0a,
          kept: async () => {
            const detail = await call(test.app, head, {
              method: 'GET',
              url: `/api/v1/surveys/${survey.id}`,
            });
            const waves = detail.json<TSurveyDetail>().waves;
            return waves.reduce((sum, wave) => sum + wave.responses, 0);
          },
        };
      },
    },
    {
      name: 'a wave’s people to call',
      limit: MAX_SAMPLE_FILE_BYTES,
      target: async () => {
        const survey = await surveyAsking('staff');
        const wave = await test.services.surveys.createWave(ctx, survey.id, { name: '2026' });
        await test.services.surveys.updateWave(ctx, wave.id, {
          state: 'open',
          version: wave.version,
        });
        return {
          session: head,
          url: `/api/v1/survey-waves/${wave.id}/cati/sample/csv`,
          start: 'name,phone\r\nJānis Ozols,26000002\r\n',
          filler: 0x0a,
          kept: async () => {
            const sample = await call(test.app, head, {
              method: 'GET',
              url: `/api/v1/survey-waves/${wave.id}/cati/sample`,
            });
            expect(sample.statusCode, sample.body).toBe(200);
            return sample.json<{ total: number }>().total;
          },
        };
      },
    },
  ];

  describe.each(routes)('$name', ({ limit, target }) => {
    it('keeps a small file', async () => {
      const { session, url, start, kept } = await target();
      const response = await call(test.app, session, {
        method: 'POST',
        url,
        ...multipartFile('fails.csv', start || 'Saturs', 'text/csv'),
      });
      expect(response.statusCode, response.body).toBe(201);
      expect(await kept()).toBe(1);
    });

    it('refuses a file over the limit with 413 and keeps nothing', async () => {
      const { session, url, start, kept } = await target();
      const response = await call(test.app, session, {
        method: 'POST',
        url,
        ...streamedUpload({
          filename: 'liels.csv',
          contentType: 'text/csv',
          start,
          kept: limit + MiB,
          rest: 1,
        }),
      });
      expect(response.statusCode, response.body).toBe(413);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(problemOf(response).code).toBe('payload_too_large');
      expect(await kept()).toBe(0);
    });

    it('refuses a file whose last byte over the limit arrives after the rest', async () => {
      const { session, url, start, kept } = await target();
      const response = await call(test.app, session, {
        method: 'POST',
        url,
        ...streamedUpload({
          filename: 'liels.csv',
          contentType: 'text/csv',
          start,
          kept: limit,
          rest: 1,
        }),
      });
      expect(response.statusCode, response.body).toBe(413);
      expect(problemOf(response).code).toBe('payload_too_large');
      expect(await kept()).toBe(0);
    });

    it('refuses a form without a boundary, naming the header', async () => {
      const { session, url, kept } = await target();
      const response = await call(test.app, session, {
        method: 'POST',
        url,
        payload: 'Saturs',
        headers: { 'content-type': 'multipart/form-data' },
      });
      expect(response.statusCode, response.body).toBe(400);
      expect(problemOf(response).errors).toEqual([
        expect.objectContaining({ field: 'content-type', in: 'header', code: 'invalid_format' }),
      ]);
      expect(await kept()).toBe(0);
    });

    it('refuses a file name with a NUL character, naming the file', async () => {
      const { session, url, start, kept } = await target();
      const response = await call(test.app, session, {
        method: 'POST',
        url,
        ...multipartFile('iesniegums\u0000.csv', start || 'Saturs', 'text/csv'),
      });
      expect(response.statusCode, response.body).toBe(400);
      expect(fieldErrorsOf(response)).toEqual([{ field: 'file', code: 'invalid_characters' }]);
      expect(await kept()).toBe(0);
    });
  });
});
