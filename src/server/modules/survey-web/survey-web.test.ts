import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  TCreatedInvitations,
  TInvitationsPage,
  TQuestionnaire,
  TSurveyAnalysis,
  TSurveyDetail,
  TWaveDetail,
} from '../../../contracts/surveys.contracts';
import {
  call,
  createTestApp,
  problemOf,
  signedIn,
  type Session,
  type TestApp,
} from '../../testing/test-app';
import { SURVEY_COOKIE } from './survey-web.pages';

/**
 * Three pages: whether the client visited (and, only then, how the waiting was), the channels
 * used and the staff (importance and satisfaction), and remarks.
 */
const questionnaire: TQuestionnaire = {
  sections: [
    {
      title: { lv: 'Apmeklējums', en: 'Your visit' },
      questions: [
        {
          type: 'single',
          key: 'visited',
          text: { lv: 'Vai apmeklējāt centru?', en: 'Did you visit the centre?' },
          options: [
            { value: 'yes', label: { lv: 'Jā', en: 'Yes' } },
            { value: 'no', label: { lv: 'Nē', en: 'No' } },
          ],
        },
        {
          type: 'rating',
          factor: 'waiting',
          dimensions: ['satisfaction'],
          scale: 'satisfaction',
          dk: true,
          comment: true,
          text: { lv: 'Gaidīšanas laiks', en: 'Waiting time' },
          showIf: { column: 'visited', anyOf: ['yes'] },
        },
      ],
    },
    {
      title: { lv: 'Apkalpošana', en: 'Service' },
      questions: [
        {
          type: 'multiple',
          key: 'channels',
          text: { lv: 'Kā sazinājāties?', en: 'How did you get in touch?' },
          options: [
            { value: 'in_person', label: { lv: 'Klātienē', en: 'In person' } },
            { value: 'phone', label: { lv: 'Pa tālruni', en: 'By phone' } },
            { value: 'web', label: { lv: 'Tīmeklī', en: 'Online' } },
          ],
        },
        {
          type: 'rating',
          factor: 'staff',
          dimensions: ['importance', 'satisfaction'],
          scale: 'satisfaction',
          dk: false,
          comment: false,
          text: { lv: 'Darbinieku laipnība', en: 'Courtesy of the staff' },
        },
      ],
    },
    {
      title: { lv: 'Ieteikumi', en: 'Suggestions' },
      questions: [{ type: 'text', key: 'remarks', text: { lv: 'Jūsu ieteikumi', en: 'Ideas' } }],
    },
  ],
};

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/** A form body as a browser sends it: repeated names for several checked boxes. */
const formOf = (fields: Array<[string, string]>) => new URLSearchParams(fields).toString();

describe('surveys on the web', () => {
  let test: TestApp;
  let head: Session;
  beforeAll(async () => {
    test = await createTestApp();
    head = await signedIn(test, { roles: ['client_service_head'] });
  });
  afterAll(() => test.close());

  /** A survey with one wave, opened with an anonymous link unless said otherwise. */
  async function openWave(
    state: 'draft' | 'open' | 'closed' = 'open',
  ): Promise<{ survey: TSurveyDetail; wave: TWaveDetail; path: string }> {
    const created = await call(test.app, head, {
      method: 'POST',
      url: '/api/v1/surveys',
      payload: {
        title: 'Klientu aptauja',
        titleEn: 'Client survey',
        kind: 'client',
        description: 'Lūdzu, novērtējiet mūsu darbu.',
        questionnaire,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const survey = created.json<TSurveyDetail>();
    const wave = await call(test.app, head, {
      method: 'POST',
      url: `/api/v1/surveys/${survey.id}/waves`,
      payload: { name: '2026' },
    });
    expect(wave.statusCode, wave.body).toBe(201);
    let detail = wave.json<TWaveDetail>();
    const states = state === 'closed' ? ['open', 'closed'] : state === 'open' ? ['open'] : [];
    const opened = await call(test.app, head, {
      method: 'PATCH',
      url: `/api/v1/survey-waves/${detail.id}`,
      payload: { publicLink: true, version: detail.version },
    });
    detail = opened.json<TWaveDetail>();
    for (const next of states) {
      const changed = await call(test.app, head, {
        method: 'PATCH',
        url: `/api/v1/survey-waves/${detail.id}`,
        payload: { state: next, version: detail.version },
      });
      expect(changed.statusCode, changed.body).toBe(200);
      detail = changed.json<TWaveDetail>();
    }
    return { survey, wave: detail, path: detail.publicPath as string };
  }

  /** A respondent's browser: it keeps the survey cookie the pages set. */
  function browser() {
    let cookie: string | null = null;
    return {
      get cookie() {
        return cookie;
      },
      async get(url: string) {
        return test.app.inject({
          method: 'GET',
          url,
          headers: cookie ? { cookie: `${SURVEY_COOKIE}=${cookie}` } : {},
        });
      },
      async post(url: string, fields: Array<[string, string]> = []) {
        const response = await test.app.inject({
          method: 'POST',
          url,
          headers: { ...FORM, ...(cookie ? { cookie: `${SURVEY_COOKIE}=${cookie}` } : {}) },
          payload: formOf(fields),
        });
        const set = response.cookies.find((entry) => entry.name === SURVEY_COOKIE);
        if (set) cookie = set.value;
        return response;
      },
    };
  }

  const locationOf = (response: LightMyRequestResponse) => {
    expect(response.statusCode, response.body).toBe(303);
    return response.headers.location as string;
  };

  async function analysis(surveyId: string): Promise<TSurveyAnalysis> {
    const response = await call(test.app, head, {
      method: 'GET',
      url: `/api/v1/surveys/${surveyId}/analysis`,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }

  const nOf = (result: TSurveyAnalysis, factor: string, dimension: string) =>
    result.factors.find((entry) => entry.factor === factor && entry.dimension === dimension)?.n ??
    0;

  /** The completed answers as the export gives them, one record per respondent. */
  async function exported(surveyId: string): Promise<Array<Record<string, string>>> {
    const response = await call(test.app, head, {
      method: 'GET',
      url: `/api/v1/surveys/${surveyId}/answers?format=csv`,
    });
    expect(response.statusCode, response.body).toBe(200);
    const [header = '', ...lines] = response.body.trim().split('\r\n');
    const names = header.split(',');
    // The test's answers hold no commas or quotes, so a plain split reads them.
    return lines.map((line): Record<string, string> =>
      Object.fromEntries(line.split(',').map((value, index) => [names[index] ?? '', value])),
    );
  }

  async function webCounts(waveId: string) {
    const response = await call(test.app, head, {
      method: 'GET',
      url: `/api/v1/survey-waves/${waveId}`,
    });
    return (
      response.json<TWaveDetail>().bySource.find((entry) => entry.source === 'web') ?? {
        complete: 0,
        inProgress: 0,
      }
    );
  }

  it('takes the anonymous link from start to submit, page by page, and counts the answers', async () => {
    const { survey, path } = await openWave();
    const respondent = browser();

    const landing = await respondent.get(path);
    expect(landing.statusCode).toBe(200);
    expect(landing.headers['content-type']).toContain('text/html');
    expect(landing.body).toContain('<html lang="lv">');
    expect(landing.body).toContain('Klientu aptauja');
    expect(landing.body).toContain('Lūdzu, novērtējiet mūsu darbu.');
    expect(landing.body).toContain('Sākt aptauju');

    const started = await respondent.post(`${path}/start?lang=lv`);
    expect(locationOf(started)).toBe(`${path}/p/1?lang=lv`);
    const cookie = started.cookies.find((entry) => entry.name === SURVEY_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path });

    const first = await respondent.get(`${path}/p/1?lang=lv`);
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('1. lapa no 3');
    expect(first.body).toContain('<legend>Vai apmeklējāt centru?</legend>');
    // The waiting question waits for a "yes".
    expect(first.body).not.toContain('Gaidīšanas laiks');
    expect(first.body).not.toContain('>Atpakaļ<');

    // The "yes" brings up the waiting question on the same page: shown before moving on.
    const revealed = await respondent.post(`${path}/p/1?lang=lv`, [
      ['visited', 'yes'],
      ['nav', 'next'],
    ]);
    expect(revealed.statusCode).toBe(200);
    expect(revealed.body).toContain('<legend>Gaidīšanas laiks</legend>');
    expect(revealed.body).toContain('Grūti pateikt');
    expect(revealed.body).toContain('Ļoti labi');
    expect(revealed.body).toMatch(/name="visited" value="yes" checked/);

    const toSecond = await respondent.post(`${path}/p/1?lang=lv`, [
      ['visited', 'yes'],
      ['waiting:satisfaction', '4'],
      ['waiting:comment', 'Ātri'],
      ['nav', 'next'],
    ]);
    expect(locationOf(toSecond)).toBe(`${path}/p/2?lang=lv`);
    const second = await respondent.get(`${path}/p/2?lang=lv`);
    expect(second.body).toContain('2. lapa no 3');
    expect(second.body).toContain('type="checkbox"');
    expect(second.body).toContain('>Atpakaļ<');
    expect(second.body).not.toContain('Grūti pateikt');

    const toThird = await respondent.post(`${path}/p/2?lang=lv`, [
      ['channels', 'phone'],
      ['channels', 'in_person'],
      ['staff:importance', '4'],
      ['staff:satisfaction', '3'],
      ['nav', 'next'],
    ]);
    expect(locationOf(toThird)).toBe(`${path}/p/3?lang=lv`);
    const third = await respondent.get(`${path}/p/3?lang=lv`);
    expect(third.body).toContain('>Iesniegt<');

    const submitted = await respondent.post(`${path}/p/3?lang=lv`, [
      ['remarks', 'Paldies'],
      ['nav', 'next'],
    ]);
    expect(submitted.statusCode).toBe(200);
    expect(submitted.body).toContain('Paldies!');

    const counted = await analysis(survey.id);
    expect(counted.responses).toEqual({ '2026': 1 });
    expect(nOf(counted, 'waiting', 'satisfaction')).toBe(1);
    expect(nOf(counted, 'staff', 'importance')).toBe(1);
    const [answers] = await exported(survey.id);
    expect(answers).toMatchObject({
      visited: 'yes',
      'waiting:satisfaction': '4',
      'waiting:comment': 'Ātri',
      channels: 'in_person;phone',
      'staff:satisfaction': '3',
      remarks: 'Paldies',
    });

    // The same browser is told it has answered, rather than starting again.
    const again = await respondent.get(path);
    expect(again.statusCode).toBe(200);
    expect(again.body).toContain('Jūsu atbildes uz šo aptauju jau ir saņemtas');
    const startedAgain = await respondent.post(`${path}/start?lang=lv`);
    expect(startedAgain.body).toContain('jau ir saņemtas');
    expect((await analysis(survey.id)).responses).toEqual({ '2026': 1 });
  });

  it('speaks English when asked', async () => {
    const { path } = await openWave();
    const landing = await browser().get(`${path}?lang=en`);
    expect(landing.body).toContain('<html lang="en">');
    expect(landing.body).toContain('Client survey');
    expect(landing.body).toContain('Start the survey');
    expect(landing.body).toContain(`href="${path}?lang=lv" lang="lv"`);
  });

  it('continues where the respondent stopped, with the cookie, and only with it', async () => {
    const { wave, path } = await openWave();
    const respondent = browser();
    await respondent.post(`${path}/start?lang=lv`);
    await respondent.post(`${path}/p/1?lang=lv`, [['visited', 'no']]);

    expect(locationOf(await respondent.get(`${path}?lang=en`))).toBe(`${path}/p/2?lang=en`);
    // Back on the first page, the answer given is there.
    const first = await respondent.get(`${path}/p/1?lang=lv`);
    expect(first.body).toMatch(/name="visited" value="no" checked/);

    // Another browser (no cookie) is a new respondent, and cannot reach the pages directly.
    const other = browser();
    expect((await other.get(path)).body).toContain('Sākt aptauju');
    expect(locationOf(await other.get(`${path}/p/2`))).toBe(`${path}?lang=lv`);
    expect(await webCounts(wave.id)).toMatchObject({ inProgress: 1, complete: 0 });
  });

  it('drops the answer of a question a changed answer hides', async () => {
    const { survey, path } = await openWave();
    const respondent = browser();
    await respondent.post(`${path}/start`);
    await respondent.post(`${path}/p/1`, [
      ['visited', 'yes'],
      ['waiting:satisfaction', '1'],
    ]);
    // The respondent goes back and says no; the browser still sends the rating it showed.
    const changed = await respondent.post(`${path}/p/1`, [
      ['visited', 'no'],
      ['waiting:satisfaction', '1'],
      ['nav', 'next'],
    ]);
    expect(locationOf(changed)).toBe(`${path}/p/2?lang=lv`);
    const first = await respondent.get(`${path}/p/1`);
    expect(first.body).not.toContain('Gaidīšanas laiks');
    await respondent.post(`${path}/p/2`, [['staff:importance', '3']]);
    const done = await respondent.post(`${path}/p/3`, [['nav', 'next']]);
    expect(done.body).toContain('Paldies!');

    const counted = await analysis(survey.id);
    expect(nOf(counted, 'waiting', 'satisfaction')).toBe(0);
    expect(nOf(counted, 'staff', 'importance')).toBe(1);
    const [answers] = await exported(survey.id);
    expect(answers).toMatchObject({ visited: 'no', 'waiting:satisfaction': '' });
  });

  it('refuses an answer the question does not offer beside its field, saving nothing', async () => {
    const { path } = await openWave();
    const respondent = browser();
    await respondent.post(`${path}/start`);
    await respondent.post(`${path}/p/1`, [['visited', 'no']]);

    const refused = await respondent.post(`${path}/p/2?lang=en`, [
      ['channels', 'phone'],
      ['staff:importance', '7'],
      ['nav', 'next'],
    ]);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('<title>Error: Service');
    expect(refused.body).toContain('class="error-summary"');
    expect(refused.body).toContain(
      'href="#f-staff-importance-0">Courtesy of the staff: How important is it to you?: Choose one of the answers offered.</a>',
    );
    expect(refused.body).toContain('id="f-staff-importance-error"');
    // What was sent is shown again as sent.
    expect(refused.body).toMatch(/name="channels" value="phone" checked/);

    const again = await respondent.get(`${path}/p/2?lang=lv`);
    expect(again.statusCode).toBe(200);
    expect(again.body).not.toMatch(/value="phone" checked/);
    const latvian = await respondent.post(`${path}/p/2`, [['channels', 'fax']]);
    expect(latvian.body).toContain('Izvēlieties kādu no piedāvātajām atbildēm.');
  });

  it('does not count a submission without a single answer as complete', async () => {
    const { wave, path } = await openWave();
    const respondent = browser();
    await respondent.post(`${path}/start`);
    locationOf(await respondent.post(`${path}/p/1`, [['nav', 'next']]));
    locationOf(await respondent.post(`${path}/p/2`, [['nav', 'next']]));

    const empty = await respondent.post(`${path}/p/3?lang=en`, [['nav', 'next']]);
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('class="error-summary"');
    expect(empty.body).toContain('You have not answered any question.');
    expect(await webCounts(wave.id)).toMatchObject({ complete: 0, inProgress: 1 });

    const answered = await respondent.post(`${path}/p/3`, [
      ['remarks', 'Labi'],
      ['nav', 'next'],
    ]);
    expect(answered.statusCode).toBe(200);
    expect(await webCounts(wave.id)).toMatchObject({ complete: 1, inProgress: 0 });
  });

  it('says politely when the survey is closed, not open yet, or not there', async () => {
    const closed = await openWave('closed');
    const page = await browser().get(closed.path);
    expect(page.statusCode).toBe(410);
    expect(page.body).toContain('Aptauja ir noslēgusies');
    expect((await browser().post(`${closed.path}/start`)).statusCode).toBe(410);

    const draft = await openWave('draft');
    const notYet = await browser().get(`${draft.path}?lang=en`);
    expect(notYet.statusCode).toBe(404);
    expect(notYet.body).toContain('The survey is not open yet');

    const unknown = await browser().get('/s/nosuchsurveytoken');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('Aptauja nav atrasta');
  });

  it('stops a respondent whose wave closes midway, keeping what they gave uncounted', async () => {
    const { survey, wave, path } = await openWave();
    const respondent = browser();
    await respondent.post(`${path}/start`);
    await call(test.app, head, {
      method: 'PATCH',
      url: `/api/v1/survey-waves/${wave.id}`,
      payload: { state: 'closed', version: wave.version },
    });
    const refused = await respondent.post(`${path}/p/1`, [['visited', 'no']]);
    expect(refused.statusCode).toBe(410);
    expect((await analysis(survey.id)).responses).toEqual({});
  });

  it('starts nothing when the trap field is filled', async () => {
    const { wave, path } = await openWave();
    const bot = browser();
    const response = await bot.post(`${path}/start`, [['website', 'http://spam.example']]);
    expect(locationOf(response)).toBe(`${path}?lang=lv`);
    expect(bot.cookie).toBeNull();
    expect(await webCounts(wave.id)).toMatchObject({ inProgress: 0, complete: 0 });

    const person = browser();
    await person.post(`${path}/start`, [['website', '']]);
    expect(person.cookie).not.toBeNull();
  });

  describe('personal invitations', () => {
    async function invite(waveId: string, emails: string[]) {
      return call(test.app, head, {
        method: 'POST',
        url: `/api/v1/survey-waves/${waveId}/invitations`,
        payload: { emails },
      });
    }

    it('makes a link per new address, skips those invited, and never shows a link again', async () => {
      const { wave } = await openWave();
      const first = await invite(wave.id, [
        'Anna@Example.lv',
        'janis@example.lv',
        ' anna@example.lv ',
      ]);
      expect(first.statusCode, first.body).toBe(201);
      const made = first.json<TCreatedInvitations>();
      expect(made.created.map((entry) => entry.email)).toEqual([
        'anna@example.lv',
        'janis@example.lv',
      ]);
      expect(made.created[0]?.link).toMatch(/^\/s\/i\/[A-Za-z0-9_-]{40,}$/);
      expect(made.skipped).toEqual([]);

      const second = await invite(wave.id, ['janis@example.lv', 'liga@example.lv']);
      expect(second.json<TCreatedInvitations>()).toMatchObject({
        created: [{ email: 'liga@example.lv' }],
        skipped: [{ email: 'janis@example.lv', reason: 'already_invited' }],
      });

      const list = await call(test.app, head, {
        method: 'GET',
        url: `/api/v1/survey-waves/${wave.id}/invitations?pageSize=2`,
      });
      expect(list.statusCode, list.body).toBe(200);
      const page = list.json<TInvitationsPage>();
      expect(page.total).toBe(3);
      expect(page.items).toHaveLength(2);
      expect(page.items[0]).toMatchObject({ used: false, usedAt: null });
      for (const entry of made.created) {
        expect(list.body).not.toContain(entry.link.slice('/s/i/'.length));
      }
    });

    it('names each address that is not one, and makes no invitation', async () => {
      const { wave } = await openWave();
      const response = await invite(wave.id, ['anna@example.lv', 'not-an-address', 'x@']);
      expect(response.statusCode).toBe(400);
      const errors = problemOf(response).errors ?? [];
      expect(errors.map((error) => error.field)).toEqual(['emails.1', 'emails.2']);
      expect(errors[0]?.message).toContain('not-an-address');
      const list = await call(test.app, head, {
        method: 'GET',
        url: `/api/v1/survey-waves/${wave.id}/invitations`,
      });
      expect(list.json<TInvitationsPage>().total).toBe(0);
    });

    it('is for those who run surveys', async () => {
      const { wave } = await openWave();
      const specialist = await signedIn(test, { roles: ['specialist'] });
      const response = await call(test.app, specialist, {
        method: 'POST',
        url: `/api/v1/survey-waves/${wave.id}/invitations`,
        payload: { emails: ['anna@example.lv'] },
      });
      expect(response.statusCode).toBe(403);
      const list = await call(test.app, specialist, {
        method: 'GET',
        url: `/api/v1/survey-waves/${wave.id}/invitations`,
      });
      expect(list.statusCode).toBe(403);
    });

    it('takes one answer per invitation, continued with the link on any device', async () => {
      const { survey, wave } = await openWave();
      const made = (await invite(wave.id, ['anna@example.lv'])).json<TCreatedInvitations>();
      const link = made.created[0]?.link as string;
      const phone = browser();
      expect((await phone.get(link)).body).toContain('Sākt aptauju');
      expect(locationOf(await phone.post(`${link}/start`))).toBe(`${link}/p/1?lang=lv`);
      // The link is the key: no cookie is needed.
      expect(phone.cookie).toBeNull();
      await phone.post(`${link}/p/1`, [['visited', 'no']]);

      const laptop = browser();
      expect(locationOf(await laptop.get(link))).toBe(`${link}/p/2?lang=lv`);
      expect(locationOf(await laptop.post(`${link}/start`))).toBe(`${link}/p/2?lang=lv`);
      await laptop.post(`${link}/p/2`, [['staff:importance', '4']]);
      const done = await laptop.post(`${link}/p/3`, [['remarks', 'Labi']]);
      expect(done.body).toContain('Paldies!');

      const used = await phone.get(link);
      expect(used.statusCode).toBe(410);
      expect(used.body).toContain('Ielūgums jau ir izmantots');
      expect((await phone.post(`${link}/start`)).statusCode).toBe(410);
      expect((await phone.post(`${link}/p/3`, [['remarks', 'Vēlreiz']])).statusCode).toBe(410);

      expect((await analysis(survey.id)).responses).toEqual({ '2026': 1 });
      const list = await call(test.app, head, {
        method: 'GET',
        url: `/api/v1/survey-waves/${wave.id}/invitations`,
      });
      expect(
        list
          .json<TInvitationsPage>()
          .items.map((item) => [item.email, item.used, item.usedAt !== null]),
      ).toEqual([['anna@example.lv', true, true]]);
      expect((await browser().get('/s/i/nosuchinvitation')).statusCode).toBe(404);
    });
  });
});
