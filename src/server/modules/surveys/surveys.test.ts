import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  TImportResult,
  TSamplePlan,
  TSurveysPage,
  TQuestionnaire,
  TSurveyAnalysis,
  TSurveyDetail,
  TWaveDetail,
} from '../../../contracts/surveys.contracts';
import { systemContext } from '../../http/access';
import {
  call,
  createTestApp,
  fieldErrorsOf,
  multipartFile,
  problemOf,
  signedIn,
  type Session,
  type TestApp,
} from '../../testing/test-app';

const rating = (factor: string, dimensions: Array<'importance' | 'satisfaction'>) => ({
  type: 'rating' as const,
  factor,
  dimensions,
  scale: 'satisfaction' as const,
  dk: true,
  comment: true,
  text: { lv: `Faktors ${factor}`, en: `Factor ${factor}` },
});

const questionnaire: TQuestionnaire = {
  sections: [
    {
      title: { lv: 'Darbs', en: 'Work' },
      questions: [
        rating('colleagues', ['importance', 'satisfaction']),
        rating('system', ['importance', 'satisfaction']),
        {
          type: 'single',
          key: 'standard',
          text: { lv: 'Vai ir standarts?' },
          options: [
            { value: 'yes', label: { lv: 'Jā' } },
            { value: 'no', label: { lv: 'Nē' } },
          ],
        },
      ],
    },
  ],
};

const header =
  'respondent,wave,stratum,colleagues:importance,colleagues:satisfaction,system:importance,system:satisfaction,colleagues:comment,standard';

/** Two waves: 2021 (three answers) and 2022 (four), in two strata. */
const answersCsv = [
  header,
  'a1,2021,Rīga,4,4,4,3,,yes',
  'a2,2021,Rīga,3,3,4,2,,no',
  'a3,2021,Latgale,4,4,3,3,"Labi, paldies",yes',
  'b1,2022,Rīga,4,4,4,2,,yes',
  'b2,2022,Latgale,4,4,4,3,"Saka: ""viss kārtībā""",',
  'b3,2022,Latgale,3,3,4,dk,,no',
  'b4,2022,Latgale,4,4,4,,,yes',
].join('\r\n');

describe('surveys', () => {
  let test: TestApp;
  let head: Session;
  let specialist: Session;
  beforeAll(async () => {
    test = await createTestApp();
    head = await signedIn(test, { roles: ['client_service_head'] });
    specialist = await signedIn(test, { roles: ['specialist'] });
  });
  afterAll(() => test.close());

  async function createSurvey(body: Record<string, unknown> = {}): Promise<TSurveyDetail> {
    const response = await call(test.app, head, {
      method: 'POST',
      url: '/api/v1/surveys',
      payload: { title: 'Darbinieku aptauja', kind: 'staff', questionnaire, ...body },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }

  async function upload(surveyId: string, filename: string, content: Buffer | string) {
    const type = filename.endsWith('.xlsx')
      ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
      : 'text/csv';
    return call(test.app, head, {
      method: 'POST',
      url: `/api/v1/surveys/${surveyId}/answers`,
      ...multipartFile(filename, content, type),
    });
  }

  async function analysis(surveyId: string, query = ''): Promise<TSurveyAnalysis> {
    const response = await call(test.app, head, {
      method: 'GET',
      url: `/api/v1/surveys/${surveyId}/analysis${query}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }

  const stat = (result: TSurveyAnalysis, factor: string, wave: string, dimension: string) =>
    result.factors.find(
      (entry) => entry.factor === factor && entry.wave === wave && entry.dimension === dimension,
    );

  describe('questionnaires', () => {
    it('refuses a questionnaire that rates one factor twice, naming the question', async () => {
      const response = await call(test.app, head, {
        method: 'POST',
        url: '/api/v1/surveys',
        payload: {
          title: 'Dubults',
          kind: 'client',
          questionnaire: {
            sections: [
              { title: { lv: 'A' }, questions: [rating('wait', ['satisfaction'])] },
              { title: { lv: 'B' }, questions: [rating('wait', ['satisfaction'])] },
            ],
          },
        },
      });
      expect(response.statusCode).toBe(400);
      expect(fieldErrorsOf(response)).toEqual([
        { field: 'questionnaire.sections.1.questions.0.factor', code: 'questionnaire_rule' },
      ]);
      const list = await call(test.app, head, {
        method: 'GET',
        url: '/api/v1/surveys?pageSize=100',
      });
      expect(list.json<TSurveysPage>().items.some((item) => item.title === 'Dubults')).toBe(false);
    });

    it('changes the version in place until it has answers, then makes a new one', async () => {
      const survey = await createSurvey();
      const changed = structuredClone(questionnaire);
      changed.sections[0]!.title = { lv: 'Darba vide', en: 'Workplace' };
      let revision = survey.version;
      const save = async (basedOn: number, definition: TQuestionnaire, version = revision) => {
        const response = await call(test.app, head, {
          method: 'PUT',
          url: `/api/v1/surveys/${survey.id}/questionnaire`,
          payload: { questionnaire: definition, basedOn, version },
        });
        if (response.statusCode === 200) revision = response.json<TSurveyDetail>().version;
        return response;
      };
      const first = await save(1, changed);
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json<TSurveyDetail>().questionnaire).toMatchObject({ number: 1, frozen: false });

      expect((await upload(survey.id, 'a.csv', answersCsv)).statusCode).toBe(201);
      changed.sections[0]!.questions.pop();
      const second = await save(1, changed);
      expect(second.statusCode, second.body).toBe(200);
      expect(second.json<TSurveyDetail>().questionnaire).toMatchObject({
        number: 2,
        frozen: false,
      });
      expect(second.json<TSurveyDetail>().versions.map((v) => v.frozen)).toEqual([true, false]);
      const old = await call(test.app, head, {
        method: 'GET',
        url: `/api/v1/surveys/${survey.id}/questionnaire?version=1`,
      });
      expect(
        old.json<{ definition: TQuestionnaire }>().definition.sections[0]?.questions,
      ).toHaveLength(3);
      // An editor that started from version 1 meanwhile must not overwrite version 2.
      expect((await save(1, changed)).statusCode).toBe(409);
      // Nor may one that read the same version before another save rewrote it.
      const stale = revision;
      expect((await save(2, changed)).statusCode).toBe(200);
      expect((await save(2, changed, stale)).statusCode).toBe(409);
    });

    it('is for those who run surveys only', async () => {
      const response = await call(test.app, specialist, {
        method: 'POST',
        url: '/api/v1/surveys',
        payload: { title: 'X', kind: 'client' },
      });
      expect(response.statusCode).toBe(403);
    });
  });

  describe('waves and sample plans', () => {
    async function wave(surveyId: string, name: string): Promise<TWaveDetail> {
      const response = await call(test.app, head, {
        method: 'POST',
        url: `/api/v1/surveys/${surveyId}/waves`,
        payload: { name, fieldworkStart: '2022-05-18', fieldworkEnd: '2022-06-22' },
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json();
    }

    it('runs the questionnaire again under a new name, never the same name twice', async () => {
      const survey = await createSurvey();
      const created = await wave(survey.id, '2022');
      expect(created).toMatchObject({ name: '2022', state: 'draft', questionnaireVersion: 1 });
      const again = await call(test.app, head, {
        method: 'POST',
        url: `/api/v1/surveys/${survey.id}/waves`,
        payload: { name: '2022' },
      });
      expect(fieldErrorsOf(again)).toEqual([{ field: 'name', code: 'name_taken' }]);
    });

    it('opens a wave with a public link and closes it again', async () => {
      const survey = await createSurvey();
      const created = await wave(survey.id, 'pavasaris');
      const opened = await call(test.app, head, {
        method: 'PATCH',
        url: `/api/v1/survey-waves/${created.id}`,
        payload: { state: 'open', publicLink: true, version: created.version },
      });
      expect(opened.statusCode, opened.body).toBe(200);
      expect(opened.json<TWaveDetail>().publicPath).toMatch(/^\/s\/[A-Za-z0-9_-]{16}$/);
      const closed = await call(test.app, head, {
        method: 'PATCH',
        url: `/api/v1/survey-waves/${created.id}`,
        payload: {
          state: 'closed',
          publicLink: false,
          version: opened.json<TWaveDetail>().version,
        },
      });
      expect(closed.json()).toMatchObject({ state: 'closed', publicPath: null });
    });

    it('keeps a closed wave and its plan as they are until it is reopened with a reason', async () => {
      const survey = await createSurvey();
      const created = await wave(survey.id, '2022');
      const planUrl = `/api/v1/survey-waves/${created.id}/sample-plan`;
      const plan = (total: number, version?: number) =>
        call(test.app, head, {
          method: 'PUT',
          url: planUrl,
          payload: { total, strata: [{ name: 'Rīga', size: 10 }], version },
        });
      expect((await plan(4)).statusCode).toBe(200);
      const patch = (payload: Record<string, unknown>) =>
        call(test.app, head, {
          method: 'PATCH',
          url: `/api/v1/survey-waves/${created.id}`,
          payload,
        });
      let current = (
        await patch({ state: 'closed', version: created.version })
      ).json<TWaveDetail>();
      expect(current.state).toBe('closed');

      const replanned = await plan(5, 1);
      expect(replanned.statusCode).toBe(409);
      expect(problemOf(replanned).detail).toContain('slēgta');
      const redated = await patch({ fieldworkEnd: '2022-07-01', version: current.version });
      expect(redated.statusCode).toBe(409);
      // The settings form sends every field: the same values are no change.
      const same = await patch({
        state: 'closed',
        fieldworkStart: current.fieldworkStart,
        fieldworkEnd: current.fieldworkEnd,
        publicLink: false,
        retryRules: current.retryRules,
        qcFraction: current.qcFraction,
        version: current.version,
      });
      expect(same.statusCode, same.body).toBe(200);
      current = same.json<TWaveDetail>();

      const noReason = await patch({ state: 'open', version: current.version });
      expect(fieldErrorsOf(noReason)).toEqual([{ field: 'reopenReason', code: 'required' }]);
      const reopened = await patch({
        state: 'open',
        reopenReason: 'Trūka divu Latgales interviju',
        version: current.version,
      });
      expect(reopened.statusCode, reopened.body).toBe(200);
      expect(reopened.json<TWaveDetail>().state).toBe('open');
      const audit = await test.services.audit.list(systemContext('surveys-test'), {
        actorId: head.person.id,
        limit: 1,
      });
      expect(audit.items[0]).toMatchObject({
        entityType: 'survey_wave',
        before: { state: 'closed' },
        after: { state: 'open' },
        context: { reopenReason: 'Trūka divu Latgales interviju' },
      });
      expect((await plan(5, 1)).statusCode).toBe(200);
    });

    it('allocates the sample in proportion with largest remainders, within the caps', async () => {
      const survey = await createSurvey();
      const created = await wave(survey.id, '2022');
      const response = await call(test.app, head, {
        method: 'PUT',
        url: `/api/v1/survey-waves/${created.id}/sample-plan`,
        payload: {
          total: 20,
          strata: [
            { name: 'Rīga', size: 30 },
            { name: 'Vidzeme', size: 52 },
            { name: 'Kurzeme', size: 41 },
            { name: 'Zemgale', size: 49 },
            { name: 'Latgale', size: 33, max: 2 },
          ],
          perUnitCap: 1,
        },
      });
      expect(response.statusCode, response.body).toBe(200);
      const allocation = response.json<TSamplePlan>().allocation;
      expect(allocation.Latgale).toBe(2);
      expect(Object.values(allocation).reduce((a, b) => a + b, 0)).toBe(20);
      const detail = await call(test.app, head, {
        method: 'GET',
        url: `/api/v1/survey-waves/${created.id}`,
      });
      expect(detail.json<TWaveDetail>().plan).toMatchObject({
        total: 20,
        perUnitCap: 1,
        allocation,
      });
    });

    it('tells the second of two analysts planning at once, instead of overwriting', async () => {
      const survey = await createSurvey();
      const created = await wave(survey.id, '2022');
      const plan = (version?: number) =>
        call(test.app, head, {
          method: 'PUT',
          url: `/api/v1/survey-waves/${created.id}/sample-plan`,
          payload: { total: 4, strata: [{ name: 'Rīga', size: 10 }], version },
        });
      const first = await plan();
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json<TSamplePlan>().version).toBe(1);
      expect((await plan()).statusCode).toBe(409);
      const second = await plan(1);
      expect(second.json<TSamplePlan>().version).toBe(2);
      expect((await plan(1)).statusCode).toBe(409);
    });

    it('refuses a plan that cannot be met, saying why, and keeps the old one', async () => {
      const survey = await createSurvey();
      const created = await wave(survey.id, '2022');
      const response = await call(test.app, head, {
        method: 'PUT',
        url: `/api/v1/survey-waves/${created.id}/sample-plan`,
        payload: {
          total: 10,
          strata: [
            { name: 'A', size: 3 },
            { name: 'B', size: 4 },
          ],
        },
      });
      expect(response.statusCode).toBe(400);
      expect(fieldErrorsOf(response)).toEqual([{ field: 'total', code: 'allocation_impossible' }]);
      const detail = await call(test.app, head, {
        method: 'GET',
        url: `/api/v1/survey-waves/${created.id}`,
      });
      expect(detail.json<TWaveDetail>().plan).toBeNull();
    });
  });

  describe('import and analysis', () => {
    it('imports a CSV, making its waves, and analyses it as the command line does', async () => {
      const survey = await createSurvey();
      const response = await upload(survey.id, 'answers.csv', answersCsv);
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json<TImportResult>()).toEqual({
        imported: 7,
        waves: [
          { name: '2021', created: true, respondents: 3 },
          { name: '2022', created: true, respondents: 4 },
        ],
      });
      const result = await analysis(survey.id);
      expect(result.waves).toEqual(['2021', '2022']);
      expect(result.strata).toEqual(['Latgale', 'Rīga']);
      expect(result.responses).toEqual({ '2021': 3, '2022': 4 });
      // 2022 system satisfaction: 2, 3, dk, empty → n 2, mean 2.5; 2021: 3, 2, 3 → 8/3.
      expect(stat(result, 'system', '2022', 'satisfaction')).toMatchObject({
        n: 2,
        counts: { '1': 0, '2': 1, '3': 1, '4': 0, dk: 1 },
        mean: 2.5,
      });
      expect(stat(result, 'system', '2022', 'satisfaction')?.change).toBeCloseTo(2.5 - 8 / 3, 12);
      expect(stat(result, 'system', '2021', 'satisfaction')?.change).toBeNull();
      // Borders pooled over 2021 and 2022: importance (11/3 + 11/3 + 15/4 + 4) / 4,
      // satisfaction (11/3 + 8/3 + 15/4 + 5/2) / 4.
      expect(result.map?.wave).toBe('2022');
      expect(result.map?.borderWaves).toEqual(['2021', '2022']);
      expect(result.map?.borders.importance).toBeCloseTo((11 / 3 + 11 / 3 + 15 / 4 + 4) / 4, 12);
      expect(result.map?.borders.satisfaction).toBeCloseTo(
        (11 / 3 + 8 / 3 + 15 / 4 + 5 / 2) / 4,
        12,
      );
      expect(result.map?.points).toEqual([
        { factor: 'colleagues', importance: 3.75, satisfaction: 3.75, quadrant: 'keep' },
        { factor: 'system', importance: 4, satisfaction: 2.5, quadrant: 'improve' },
      ]);
    });

    it('filters the analysis by stratum', async () => {
      const survey = await createSurvey();
      expect((await upload(survey.id, 'answers.csv', answersCsv)).statusCode).toBe(201);
      const result = await analysis(survey.id, '?stratum=Rīga&mapWave=2021&borderWaves=2021');
      expect(result.stratum).toBe('Rīga');
      expect(result.responses).toEqual({ '2021': 2, '2022': 1 });
      expect(stat(result, 'colleagues', '2021', 'importance')).toMatchObject({ n: 2, mean: 3.5 });
      expect(result.map?.borderWaves).toEqual(['2021']);
    });

    it('names an unknown wave in the analysis query', async () => {
      const survey = await createSurvey();
      const response = await call(test.app, head, {
        method: 'GET',
        url: `/api/v1/surveys/${survey.id}/analysis?mapWave=1999`,
      });
      expect(response.statusCode).toBe(400);
      expect(fieldErrorsOf(response)).toEqual([{ field: 'mapWave', code: 'unknown_wave' }]);
    });

    it.each([
      ['an unknown value', `${header}\r\nx1,2022,,5,4,4,4,,yes`, 2, 'colleagues:importance'],
      ['a choice not offered', `${header}\r\nx1,2022,,4,4,4,4,,maybe`, 2, 'standard'],
      [
        'a respondent twice in a wave',
        `${header}\r\nx1,2022,,4,4,4,4,,\r\nx1,2022,,4,4,4,4,,`,
        3,
        'respondent',
      ],
      ['no wave column', 'respondent,colleagues:importance\r\nx1,4', 1, '–'],
      [
        'a rating the questionnaire lacks',
        'respondent,wave,speed:importance\r\nx1,2022,4',
        1,
        'speed:importance',
      ],
    ])(
      'refuses a file with %s, naming line and column, importing nothing',
      async (_, csv, line, column) => {
        const survey = await createSurvey();
        const response = await upload(survey.id, 'bad.csv', `${csv}\r\nlast,2023,,,,,,,`);
        expect(response.statusCode, response.body).toBe(400);
        const [error] = problemOf(response).errors ?? [];
        expect(error).toMatchObject({ field: 'file', code: 'answers_file_problem' });
        expect(error?.message).toContain(`${line}. rinda, kolonna ${column}:`);
        const detail = await call(test.app, head, {
          method: 'GET',
          url: `/api/v1/surveys/${survey.id}`,
        });
        expect(detail.json<TSurveyDetail>().waves).toEqual([]);
      },
    );

    it('says what is wrong with a file in the clerk’s language', async () => {
      const survey = await createSurvey();
      const bad = `${header}\r\nx1,2022,,5,4,4,4,,yes`;
      const latvian = await upload(survey.id, 'bad.csv', bad);
      expect(problemOf(latvian).errors?.[0]?.message).toBe(
        'Failu nevar ielasīt — nekas nav ielasīts. 2. rinda, kolonna colleagues:importance: nederīga vērtība "5".',
      );
      const english = await call(test.app, head, {
        method: 'POST',
        url: `/api/v1/surveys/${survey.id}/answers`,
        ...(() => {
          const form = multipartFile('bad.csv', bad, 'text/csv');
          return { ...form, headers: { ...form.headers, 'accept-language': 'en' } };
        })(),
      });
      expect(problemOf(english).errors?.[0]?.message).toBe(
        'The file cannot be read — nothing was imported. Line 2, column colleagues:importance: unknown value "5".',
      );
    });

    it('refuses answers of a respondent already stored in the wave', async () => {
      const survey = await createSurvey();
      expect((await upload(survey.id, 'answers.csv', answersCsv)).statusCode).toBe(201);
      const again = await upload(
        survey.id,
        'more.csv',
        `${header}\r\nc1,2022,,4,4,4,4,,\r\nb3,2022,,4,4,4,4,,`,
      );
      expect(again.statusCode).toBe(400);
      expect(problemOf(again).errors?.[0]?.message).toContain('3. rinda, kolonna respondent:');
      expect((await analysis(survey.id)).responses).toEqual({ '2021': 3, '2022': 4 });
    });

    it('imports the same answers from an XLSX workbook', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Atbildes');
      for (const line of answersCsv.split('\r\n')) {
        // Numbers as numbers, as a spreadsheet holds them; the quoted comments are left out.
        sheet.addRow(
          line
            .replace(/"[^"]*(""[^"]*)*"/g, '')
            .split(',')
            .map((cell) => (/^\d+$/.test(cell) ? Number(cell) : cell)),
        );
      }
      const content = Buffer.from(await workbook.xlsx.writeBuffer());
      const survey = await createSurvey();
      const response = await upload(survey.id, 'answers.xlsx', content);
      expect(response.statusCode, response.body).toBe(201);
      const result = await analysis(survey.id);
      expect(stat(result, 'system', '2022', 'satisfaction')).toMatchObject({ n: 2, mean: 2.5 });
      expect(result.map?.points.map((point) => point.quadrant)).toEqual(['keep', 'improve']);
    });

    it('exports what it imported, so the file imports again to the same figures', async () => {
      const survey = await createSurvey();
      expect((await upload(survey.id, 'answers.csv', answersCsv)).statusCode).toBe(201);
      const exported = await call(test.app, head, {
        method: 'GET',
        url: `/api/v1/surveys/${survey.id}/answers?format=csv`,
      });
      expect(exported.statusCode).toBe(200);
      expect(exported.headers['content-type']).toMatch(/^text\/csv/);
      // The questionnaire's order: each factor's ratings, then its comment.
      expect(exported.body.split('\r\n')[0]).toBe(
        'respondent,wave,stratum,colleagues:importance,colleagues:satisfaction,colleagues:comment,system:importance,system:satisfaction,system:comment,standard',
      );
      expect(exported.body).toContain('"Saka: ""viss kārtībā"""');

      const copy = await createSurvey();
      expect((await upload(copy.id, 'copy.csv', exported.body)).statusCode).toBe(201);
      const [a, b] = [await analysis(survey.id), await analysis(copy.id)];
      expect(b.factors).toEqual(a.factors);
      expect(b.map).toEqual(a.map);
    });

    it('exports a survey with no answers yet as its header line alone', async () => {
      const survey = await createSurvey();
      const exported = await call(test.app, head, {
        method: 'GET',
        url: `/api/v1/surveys/${survey.id}/answers?format=csv`,
      });
      expect(exported.statusCode).toBe(200);
      expect(exported.body.trim().split('\r\n')).toEqual(['respondent,wave,stratum']);
    });

    it('exports for SPSS: numeric codes with "hard to say" as 9, and labels', async () => {
      const survey = await createSurvey();
      expect((await upload(survey.id, 'answers.csv', answersCsv)).statusCode).toBe(201);
      const data = await call(test.app, head, {
        method: 'GET',
        url: `/api/v1/surveys/${survey.id}/answers?format=spss&wave=2022`,
      });
      const rows = data.body.trim().split('\r\n');
      expect(rows[0]).toBe(
        'respondent,wave,stratum,colleagues_imp,colleagues_sat,colleagues_com,system_imp,system_sat,system_com,standard',
      );
      expect(rows).toContain('b3,2022,Latgale,3,3,,4,9,,2');
      const syntax = await call(test.app, head, {
        method: 'GET',
        url: `/api/v1/surveys/${survey.id}/answers?format=sps&wave=2022`,
      });
      expect(syntax.body).toContain("system_sat 'Faktors system (satisfaction)'");
      expect(syntax.body).toContain("9 'Grūti pateikt'");
      expect(syntax.body).toMatch(/MISSING VALUES[\s\S]*system_sat \(9\)/);
    });

    it('gives a workbook for XLSX', async () => {
      const survey = await createSurvey();
      expect((await upload(survey.id, 'answers.csv', answersCsv)).statusCode).toBe(201);
      const response = await call(test.app, head, {
        method: 'GET',
        url: `/api/v1/surveys/${survey.id}/answers?format=xlsx`,
      });
      expect(response.statusCode).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      expect(sheet?.rowCount).toBe(8);
      expect(sheet?.getRow(1).getCell(1).value).toBe('respondent');
    });
  });
});
