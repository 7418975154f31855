import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../testing/pdf-text';
import type {
  TCommentsPage,
  TReportsPage,
  TReportView,
} from '../../../contracts/survey-reports.contracts';
import type { TQuestionnaire, TSurveyDetail } from '../../../contracts/surveys.contracts';
import {
  call,
  createTestApp,
  fieldErrorsOf,
  multipartFile,
  signedIn,
  type Session,
  type TestApp,
} from '../../testing/test-app';

const questionnaire: TQuestionnaire = {
  sections: [
    {
      title: { lv: 'Darbs' },
      questions: [
        {
          type: 'rating',
          factor: 'system',
          dimensions: ['importance', 'satisfaction'],
          scale: 'satisfaction',
          dk: true,
          comment: true,
          group: 'Datorsistēma',
          text: { lv: 'Datorsistēma darbojas bez problēmām' },
        },
      ],
    },
  ],
};

const answers = [
  'respondent,wave,stratum,system:importance,system:satisfaction,system:comment',
  'a1,2021,Rīga,4,3,',
  'a2,2021,Latgale,4,4,',
  'b1,2022,Rīga,4,2,Bieži uzkaras',
  'b2,2022,Latgale,3,3,',
].join('\n');

describe('survey reports', () => {
  let test: TestApp;
  let head: Session;
  let specialist: Session;
  beforeAll(async () => {
    test = await createTestApp();
    head = await signedIn(test, { roles: ['client_service_head'] });
    specialist = await signedIn(test, { roles: ['specialist'] });
  });
  afterAll(() => test.close());

  async function surveyWithAnswers(): Promise<TSurveyDetail> {
    const created = await call(test.app, head, {
      method: 'POST',
      url: '/api/v1/surveys',
      payload: { title: 'Darbinieku aptauja', kind: 'staff', questionnaire },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<TSurveyDetail>().id;
    const imported = await call(test.app, head, {
      method: 'POST',
      url: `/api/v1/surveys/${id}/answers`,
      ...multipartFile('a.csv', answers, 'text/csv'),
    });
    expect(imported.statusCode, imported.body).toBe(201);
    const detail = await call(test.app, head, { method: 'GET', url: `/api/v1/surveys/${id}` });
    return detail.json();
  }

  async function draft(survey: TSurveyDetail, extra: Record<string, unknown> = {}) {
    const wave = survey.waves.find((item) => item.name === '2022');
    return call(test.app, head, {
      method: 'POST',
      url: `/api/v1/surveys/${survey.id}/reports`,
      payload: {
        waveId: wave?.id,
        title: 'Darbinieku aptauja 2022',
        conclusionsHtml: '<p>Datorsistēma <script>x()</script>jāuzlabo.</p>',
        ...extra,
      },
    });
  }

  it('assembles the method and the analysis, quoting the chosen comments as written', async () => {
    const survey = await surveyWithAnswers();
    const wave = survey.waves.find((item) => item.name === '2022');
    const comments = await call(test.app, head, {
      method: 'GET',
      url: `/api/v1/survey-waves/${wave?.id}/comments`,
    });
    expect(comments.statusCode, comments.body).toBe(200);
    const page = comments.json<TCommentsPage>();
    expect(page.items).toEqual([
      expect.objectContaining({ column: 'system:comment', text: 'Bieži uzkaras', stratum: 'Rīga' }),
    ]);
    const { responseId, column, text } = page.items[0]!;
    const quote = { responseId, column, text };
    // An imported wave comes closed: reopened to be planned after the fact.
    const current = await call(test.app, head, {
      method: 'GET',
      url: `/api/v1/survey-waves/${wave?.id}`,
    });
    await call(test.app, head, {
      method: 'PATCH',
      url: `/api/v1/survey-waves/${wave?.id}`,
      payload: {
        state: 'open',
        reopenReason: 'Plāns pierakstīts vēlāk',
        version: current.json<{ version: number }>().version,
      },
    });
    const planned = await call(test.app, head, {
      method: 'PUT',
      url: `/api/v1/survey-waves/${wave?.id}/sample-plan`,
      payload: {
        total: 3,
        strata: [
          { name: 'Latgale', size: 10 },
          { name: 'Rīga', size: 20 },
        ],
      },
    });
    expect(planned.statusCode, planned.body).toBe(200);
    // The report quotes what the respondent wrote, whatever text the request carries.
    const response = await draft(survey, { quotes: [{ ...quote, text: 'Izdomāts citāts' }] });
    expect(response.statusCode, response.body).toBe(201);
    const report = response.json<TReportView>();
    expect(report.conclusionsHtml).toBe('<p>Datorsistēma jāuzlabo.</p>');
    expect(report.method).toMatchObject({
      plannedSample: 3,
      reachedSample: 2,
      // Each stratum's planned interviews add up to the planned sample beside them.
      strata: [
        { stratum: 'Latgale', planned: 1, sample: 1, completes: 1 },
        { stratum: 'Rīga', planned: 2, sample: 1, completes: 1 },
      ],
    });
    expect(report.analysis.map?.wave).toBe('2022');
    expect(report.analysis.map?.borderWaves).toEqual(['2021', '2022']);
    expect(report.quotes).toEqual([quote]);
  });

  it('refuses a border wave the survey lacks and a quote from another wave', async () => {
    const survey = await surveyWithAnswers();
    expect(fieldErrorsOf(await draft(survey, { borderWaves: ['1999'] }))).toEqual([
      { field: 'borderWaves.0', code: 'unknown_wave' },
    ]);
    const other = survey.waves.find((item) => item.name === '2021');
    const otherComments = await call(test.app, head, {
      method: 'GET',
      url: `/api/v1/survey-waves/${other?.id}/comments?column=system:comment`,
    });
    expect(otherComments.json<TCommentsPage>().total).toBe(0);
    const stranger = await surveyWithAnswers();
    const strangerWave = stranger.waves.find((item) => item.name === '2022');
    const strangerComments = await call(test.app, head, {
      method: 'GET',
      url: `/api/v1/survey-waves/${strangerWave?.id}/comments`,
    });
    const { responseId, column, text } = strangerComments.json<TCommentsPage>().items[0]!;
    const quote = { responseId, column, text };
    expect(fieldErrorsOf(await draft(survey, { quotes: [quote] }))).toEqual([
      { field: 'quotes.0.responseId', code: 'unknown_reference' },
    ]);
  });

  it('keeps a draft from staff until it is published, then lists it and prints it', async () => {
    const survey = await surveyWithAnswers();
    const report = (await draft(survey)).json<TReportView>();
    const asSpecialist = () =>
      call(test.app, specialist, { method: 'GET', url: `/api/v1/survey-reports/${report.id}` });
    expect((await asSpecialist()).statusCode).toBe(403);

    const published = await call(test.app, head, {
      method: 'POST',
      url: `/api/v1/survey-reports/${report.id}/publish`,
      payload: { published: true, version: report.version },
    });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json<TReportView>().publishedAt).toBe(test.clock.now().toISOString());

    const seen = await asSpecialist();
    expect(seen.statusCode).toBe(200);
    expect(seen.json<TReportView>().canEdit).toBe(false);
    const list = await call(test.app, specialist, {
      method: 'GET',
      url: '/api/v1/survey-reports?pageSize=100',
    });
    expect(list.json<TReportsPage>().items.map((item) => item.id)).toContain(report.id);

    const pdf = await call(test.app, specialist, {
      method: 'GET',
      url: `/api/v1/survey-reports/${report.id}/pdf`,
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfText(pdf.rawPayload)).toContain('Darbinieku aptauja 2022');

    const change = await call(test.app, specialist, {
      method: 'PATCH',
      url: `/api/v1/survey-reports/${report.id}`,
      payload: { title: 'Cits', version: published.json<TReportView>().version },
    });
    expect(change.statusCode).toBe(403);
  });

  it('keeps the figures a report was published with, in the page and the PDF', async () => {
    const survey = await surveyWithAnswers();
    const report = (await draft(survey)).json<TReportView>();
    const other = (await draft(survey)).json<TReportView>();
    expect(report).toMatchObject({ figuresAsPublished: false, method: { reachedSample: 2 } });
    const published = await call(test.app, head, {
      method: 'POST',
      url: `/api/v1/survey-reports/${report.id}/publish`,
      payload: { published: true, version: report.version },
    });
    expect(published.json<TReportView>()).toMatchObject({ figuresAsPublished: true });

    // More answers come into the wave after publication.
    const later = [answers.split('\n')[0], 'b3,2022,Rīga,1,1,Pēc publicēšanas'].join('\n');
    const imported = await call(test.app, head, {
      method: 'POST',
      url: `/api/v1/surveys/${survey.id}/answers`,
      ...multipartFile('b.csv', later, 'text/csv'),
    });
    expect(imported.statusCode, imported.body).toBe(201);

    const seen = (
      await call(test.app, specialist, {
        method: 'GET',
        url: `/api/v1/survey-reports/${report.id}`,
      })
    ).json<TReportView>();
    expect(seen.method.reachedSample).toBe(2);
    expect(seen.analysis.responses['2022']).toBe(2);
    expect(seen.analysis).toEqual(published.json<TReportView>().analysis);
    const pdf = await call(test.app, specialist, {
      method: 'GET',
      url: `/api/v1/survey-reports/${report.id}/pdf`,
    });
    expect(pdf.statusCode).toBe(200);
    // A draft shows the figures as they are now.
    const current = (
      await call(test.app, head, { method: 'GET', url: `/api/v1/survey-reports/${other.id}` })
    ).json<TReportView>();
    expect(current).toMatchObject({ figuresAsPublished: false, method: { reachedSample: 3 } });
    // Taken back to a draft, the report follows the answers again until published anew.
    const unpublished = await call(test.app, head, {
      method: 'POST',
      url: `/api/v1/survey-reports/${report.id}/publish`,
      payload: { published: false, version: seen.version },
    });
    expect(unpublished.json<TReportView>()).toMatchObject({
      figuresAsPublished: false,
      method: { reachedSample: 3 },
    });
  });

  it('refuses a change made from an older version', async () => {
    const survey = await surveyWithAnswers();
    const report = (await draft(survey)).json<TReportView>();
    const first = await call(test.app, head, {
      method: 'PATCH',
      url: `/api/v1/survey-reports/${report.id}`,
      payload: { recommendationsHtml: '<p>Uzlabot datorsistēmu.</p>', version: report.version },
    });
    expect(first.statusCode, first.body).toBe(200);
    const second = await call(test.app, head, {
      method: 'PATCH',
      url: `/api/v1/survey-reports/${report.id}`,
      payload: { title: 'Vecs', version: report.version },
    });
    expect(second.statusCode).toBe(409);
  });
});
