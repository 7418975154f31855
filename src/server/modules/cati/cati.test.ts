import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  TCatiCase,
  TCatiSummary,
  TQcDrawResult,
  TQcItem,
  TQcList,
  TRecordAttemptBody,
  TRecordAttemptResult,
  TSampleMember,
  TSamplePage,
} from '../../../contracts/cati.contracts';
import type {
  TQuestionnaire,
  TRetryRules,
  TSamplePlanBody,
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

const unique = () => randomBytes(4).toString('hex');
const ctx = systemContext('cati-test');
const MINUTE = 60_000;

const QUESTIONNAIRE: TQuestionnaire = {
  sections: [
    {
      title: { lv: 'Darbs' },
      questions: [
        {
          type: 'rating',
          factor: 'job',
          dimensions: ['satisfaction'],
          scale: 'job',
          dk: true,
          comment: false,
          text: { lv: 'Cik apmierināts esat ar savu darbu kopumā?' },
        },
        {
          type: 'single',
          key: 'standard',
          options: [
            { value: 'yes', label: { lv: 'Jā' } },
            { value: 'no', label: { lv: 'Nē' } },
          ],
          text: { lv: 'Vai centrā ir klientu apkalpošanas standarts?' },
        },
      ],
    },
  ],
};

describe('telephone interviews (CATI)', () => {
  let test: TestApp;
  let head: Session;
  let interviewer: Session;
  beforeAll(async () => {
    // Calls are retried hours and days later: sessions here outlast the moves of the clock.
    test = await createTestApp({
      sessionPolicy: { idleMinutes: 365 * 24 * 60, maxHours: 365 * 24 },
    });
    head = await signedIn(test, { roles: ['client_service_head'] });
    interviewer = await signedIn(test, { roles: ['specialist'] });
  });
  afterAll(() => test.close());

  /** An open wave of a survey of its own, with its rules, QC share and plan when given. */
  async function openWave(
    options: { retryRules?: TRetryRules; qcFraction?: number; plan?: TSamplePlanBody } = {},
  ): Promise<TWaveDetail> {
    const survey = await test.services.surveys.create(ctx, {
      title: `Darbinieku aptauja ${unique()}`,
      kind: 'staff',
      description: '',
      questionnaire: QUESTIONNAIRE,
    });
    const wave = await test.services.surveys.createWave(ctx, survey.id, { name: '2026' });
    if (options.plan) await test.services.surveys.savePlan(ctx, wave.id, options.plan);
    return test.services.surveys.updateWave(ctx, wave.id, {
      state: 'open',
      retryRules: options.retryRules,
      qcFraction: options.qcFraction,
      version: wave.version,
    });
  }

  const member = (fields: Partial<TSampleMember> = {}): TSampleMember => ({
    name: `Respondents ${unique()}`,
    phone: '+371 2000 0000',
    organisation: null,
    stratum: null,
    ...fields,
  });

  async function addMembers(waveId: string, members: TSampleMember[]): Promise<void> {
    const response = await call(test.app, head, {
      method: 'POST',
      url: `/api/v1/survey-waves/${waveId}/cati/sample`,
      payload: { members },
    });
    expect(response.statusCode, response.body).toBe(201);
  }

  async function sample(waveId: string, query = ''): Promise<TSamplePage> {
    const response = await call(test.app, head, {
      method: 'GET',
      url: `/api/v1/survey-waves/${waveId}/cati/sample?pageSize=100${query}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }

  /** The next case for the interviewer in the wave, or null when nobody is due. */
  async function next(as: Session, waveId: string): Promise<TCatiCase | null> {
    const response = await call(test.app, as, {
      method: 'POST',
      url: '/api/v1/cati/next',
      payload: { waveId },
    });
    if (response.statusCode === 204) return null;
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }

  function attempt(as: Session, caseId: string, body: Partial<TRecordAttemptBody>) {
    return call(test.app, as, {
      method: 'POST',
      url: `/api/v1/cati/cases/${caseId}/attempts`,
      payload: body,
    });
  }

  async function recorded(
    as: Session,
    caseId: string,
    body: Partial<TRecordAttemptBody>,
  ): Promise<TRecordAttemptResult> {
    const response = await attempt(as, caseId, body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }

  /** The interviewer takes the next case and completes it; returns the case. */
  async function completeNext(as: Session, waveId: string): Promise<TCatiCase> {
    const found = await next(as, waveId);
    if (!found) throw new Error('nobody is due');
    await recorded(as, found.id, { outcome: 'complete', answers: { 'job:satisfaction': '4' } });
    return found;
  }

  async function summary(waveId: string): Promise<TCatiSummary> {
    const response = await call(test.app, head, {
      method: 'GET',
      url: `/api/v1/survey-waves/${waveId}/cati/summary`,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }

  describe('the sample', () => {
    it('takes members as JSON and as CSV, and lists them with their state, by stratum', async () => {
      const wave = await openWave();
      await addMembers(wave.id, [
        member({ name: 'Anna Kalniņa', stratum: 'Kurzeme', organisation: 'VPVKAC Kuldīga' }),
        member({ stratum: 'Rīga' }),
      ]);
      const csv =
        'name,phone,organisation,stratum\n' +
        'Jānis Ozols,+371 2000 0001,"VPVKAC Talsi, Kareivju iela",Kurzeme\n' +
        'Ilze Liepa,26000002,,Latgale\n';
      const upload = await call(test.app, head, {
        method: 'POST',
        url: `/api/v1/survey-waves/${wave.id}/cati/sample/csv`,
        ...multipartFile('izlase.csv', csv, 'text/csv'),
      });
      expect(upload.statusCode, upload.body).toBe(201);
      expect(upload.json()).toEqual({ added: 2 });

      const all = await sample(wave.id);
      expect(all.total).toBe(4);
      const kurzeme = await sample(wave.id, '&stratum=Kurzeme&state=new');
      expect(kurzeme.items.map((item) => item.name).sort()).toEqual([
        'Anna Kalniņa',
        'Jānis Ozols',
      ]);
      expect(kurzeme.items.find((item) => item.name === 'Jānis Ozols')).toMatchObject({
        phone: '+371 2000 0001',
        organisation: 'VPVKAC Talsi, Kareivju iela',
        state: 'new',
        attempts: 0,
        nextCallAt: null,
        finalDisposition: null,
        heldBy: null,
      });
      expect((await sample(wave.id, '&state=complete')).total).toBe(0);
    });

    it('refuses a CSV file with a bad line, naming it, and adds nothing', async () => {
      const wave = await openWave();
      const csv = 'name,phone,stratum\nAnna,26000001,Rīga\nJānis,zvaniet vakarā,Rīga\n';
      const response = await call(test.app, head, {
        method: 'POST',
        url: `/api/v1/survey-waves/${wave.id}/cati/sample/csv`,
        ...multipartFile('izlase.csv', csv, 'text/csv'),
      });
      expect(response.statusCode, response.body).toBe(400);
      expect(fieldErrorsOf(response)).toEqual([{ field: 'lines.3.phone', code: 'invalid_phone' }]);
      expect((await sample(wave.id)).total).toBe(0);

      const noPhone = await call(test.app, head, {
        method: 'POST',
        url: `/api/v1/survey-waves/${wave.id}/cati/sample/csv`,
        ...multipartFile('izlase.csv', 'name,stratum\nAnna,Rīga\n', 'text/csv'),
      });
      expect(noPhone.statusCode).toBe(400);
      expect(fieldErrorsOf(noPhone)).toEqual([{ field: 'file', code: 'csv_missing_column' }]);

      // A line without its phone: the phone is missing, not badly written.
      const emptyPhone = await call(test.app, head, {
        method: 'POST',
        url: `/api/v1/survey-waves/${wave.id}/cati/sample/csv`,
        ...multipartFile(
          'izlase.csv',
          'name,phone,stratum\nAnna,26000001,Rīga\nJānis, ,Rīga\n',
          'text/csv',
        ),
      });
      expect(emptyPhone.statusCode).toBe(400);
      expect(problemOf(emptyPhone).errors).toEqual([
        expect.objectContaining({
          field: 'lines.3.phone',
          code: 'csv_cell_missing',
          message: expect.stringContaining('Trūkst vērtības') as string,
        }),
      ]);
      expect((await sample(wave.id)).total).toBe(0);
    });

    it('refuses a bad member, naming the field', async () => {
      const wave = await openWave();
      const response = await call(test.app, head, {
        method: 'POST',
        url: `/api/v1/survey-waves/${wave.id}/cati/sample`,
        payload: { members: [member(), member({ phone: 'nav' })] },
      });
      expect(response.statusCode).toBe(400);
      expect(fieldErrorsOf(response)).toEqual([
        { field: 'members.1.phone', code: 'invalid_phone' },
      ]);
      expect((await sample(wave.id)).total).toBe(0);
    });
  });

  describe('calls', () => {
    it('calls again by the retry rules: no answer in 3 hours, busy in 30 minutes, at the appointment', async () => {
      const wave = await openWave();
      await addMembers(wave.id, [member()]);
      const start = test.clock.now().getTime();

      const first = await next(interviewer, wave.id);
      expect(first).toMatchObject({ state: 'new', attempts: 0, history: [] });
      expect(first?.heldBy?.id).toBe(interviewer.person.id);
      expect(first?.questionnaire).toEqual(QUESTIONNAIRE);
      const id = first?.id as string;
      const noAnswer = await recorded(interviewer, id, { outcome: 'no_answer' });
      expect(noAnswer.case).toMatchObject({
        state: 'retry',
        attempts: 1,
        nextCallAt: new Date(start + 180 * MINUTE).toISOString(),
        heldBy: null,
      });
      expect(await next(interviewer, wave.id)).toBeNull();
      test.clock.advance(179 * MINUTE);
      expect(await next(interviewer, wave.id)).toBeNull();
      test.clock.advance(MINUTE);
      expect((await next(interviewer, wave.id))?.id).toBe(id);

      const busy = await recorded(interviewer, id, { outcome: 'busy' });
      expect(busy.case.nextCallAt).toBe(new Date(start + 210 * MINUTE).toISOString());
      test.clock.advance(30 * MINUTE);
      expect((await next(interviewer, wave.id))?.id).toBe(id);

      const appointmentAt = new Date(start + 26 * 60 * MINUTE).toISOString();
      const appointment = await recorded(interviewer, id, {
        outcome: 'appointment',
        appointmentAt,
        note: 'Lūdza zvanīt rīt pēcpusdienā',
      });
      expect(appointment.case).toMatchObject({ state: 'appointment', nextCallAt: appointmentAt });
      expect(appointment.attempt).toMatchObject({
        outcome: 'appointment',
        appointmentAt,
        note: 'Lūdza zvanīt rīt pēcpusdienā',
        interviewer: { id: interviewer.person.id },
      });
      test.clock.set(new Date(new Date(appointmentAt).getTime() - MINUTE));
      expect(await next(interviewer, wave.id)).toBeNull();
      test.clock.set(appointmentAt);
      const due = await next(interviewer, wave.id);
      expect(due?.history.map((item) => item.outcome)).toEqual([
        'no_answer',
        'busy',
        'appointment',
      ]);
    });

    it('gives due appointments first, then due retries, then new cases', async () => {
      const wave = await openWave();
      await addMembers(wave.id, [member({ name: 'Atzvanīt' })]);
      test.clock.advance(MINUTE);
      await addMembers(wave.id, [member({ name: 'Vēlreiz' })]);
      test.clock.advance(MINUTE);
      await addMembers(wave.id, [member({ name: 'Jauns' })]);

      const a = (await next(interviewer, wave.id)) as TCatiCase;
      expect(a.name).toBe('Atzvanīt');
      await recorded(interviewer, a.id, {
        outcome: 'appointment',
        appointmentAt: new Date(test.clock.now().getTime() + 60 * MINUTE).toISOString(),
      });
      const b = (await next(interviewer, wave.id)) as TCatiCase;
      expect(b.name).toBe('Vēlreiz');
      await recorded(interviewer, b.id, { outcome: 'busy' });
      test.clock.advance(60 * MINUTE);

      expect((await next(interviewer, wave.id))?.name).toBe('Atzvanīt');
      await recorded(interviewer, a.id, { outcome: 'no_answer' });
      expect((await next(interviewer, wave.id))?.name).toBe('Vēlreiz');
      await recorded(interviewer, b.id, { outcome: 'no_answer' });
      expect((await next(interviewer, wave.id))?.name).toBe('Jauns');
    });

    it('closes a case whose attempts run out with its AAPOR disposition', async () => {
      const wave = await openWave({
        retryRules: {
          noAnswerMinutes: 60,
          busyMinutes: 10,
          softRefusalMinutes: 60,
          maxAttempts: 2,
        },
      });
      await addMembers(wave.id, [member()]);
      const found = (await next(interviewer, wave.id)) as TCatiCase;
      await recorded(interviewer, found.id, { outcome: 'busy' });
      test.clock.advance(10 * MINUTE);
      await next(interviewer, wave.id);
      const last = await recorded(interviewer, found.id, { outcome: 'no_answer' });
      expect(last.case).toMatchObject({
        state: 'exhausted',
        attempts: 2,
        nextCallAt: null,
        finalDisposition: '3.13',
      });
      test.clock.advance(24 * 60 * MINUTE);
      expect(await next(interviewer, wave.id)).toBeNull();
    });

    it('refuses a call without what its outcome needs, naming the field', async () => {
      const wave = await openWave();
      await addMembers(wave.id, [member()]);
      const found = (await next(interviewer, wave.id)) as TCatiCase;

      const noReason = await attempt(interviewer, found.id, { outcome: 'soft_refusal' });
      expect(noReason.statusCode).toBe(400);
      expect(fieldErrorsOf(noReason)).toEqual([{ field: 'refusalReason', code: 'required' }]);
      const noTime = await attempt(interviewer, found.id, { outcome: 'appointment' });
      expect(fieldErrorsOf(noTime)).toEqual([{ field: 'appointmentAt', code: 'required' }]);
      const past = await attempt(interviewer, found.id, {
        outcome: 'appointment',
        appointmentAt: new Date(test.clock.now().getTime() - MINUTE).toISOString(),
      });
      expect(fieldErrorsOf(past)).toEqual([{ field: 'appointmentAt', code: 'time_not_future' }]);
      const noAnswers = await attempt(interviewer, found.id, { outcome: 'complete' });
      expect(fieldErrorsOf(noAnswers)).toEqual([{ field: 'answers', code: 'required' }]);
      const emptyAnswers = await attempt(interviewer, found.id, {
        outcome: 'complete',
        answers: { 'job:satisfaction': ' ' },
      });
      expect(fieldErrorsOf(emptyAnswers)).toEqual([{ field: 'answers', code: 'answers_empty' }]);
      const badAnswer = await attempt(interviewer, found.id, {
        outcome: 'complete',
        answers: { 'job:satisfaction': '5' },
      });
      expect(badAnswer.statusCode).toBe(400);
      expect(fieldErrorsOf(badAnswer)).toEqual([
        { field: 'answers.job:satisfaction', code: 'answer_not_allowed' },
      ]);
      const badOutcome = await attempt(interviewer, found.id, { outcome: 'maybe' as never });
      expect(fieldErrorsOf(badOutcome)).toEqual([{ field: 'outcome', code: 'invalid_value' }]);
      expect((await sample(wave.id)).items[0]).toMatchObject({ state: 'new', attempts: 0 });
    });
  });

  describe('interviewers', () => {
    it('never gives two interviewers the same case, even asking at once', async () => {
      const wave = await openWave();
      await addMembers(wave.id, [member(), member()]);
      const other = await signedIn(test, { roles: ['unit_head'] });
      const third = await signedIn(test, { roles: ['specialist'] });

      const [a, b] = await Promise.all([next(interviewer, wave.id), next(other, wave.id)]);
      expect(a).not.toBeNull();
      expect(b).not.toBeNull();
      expect(a?.id).not.toBe(b?.id);
      expect(await next(third, wave.id)).toBeNull();
      // Asking again gives an interviewer the case they hold.
      expect((await next(interviewer, wave.id))?.id).toBe(a?.id);

      const notHeld = await attempt(other, a?.id as string, { outcome: 'no_answer' });
      expect(notHeld.statusCode).toBe(409);
      expect(problemOf(notHeld).code).toBe('conflict');
      const notShown = await call(test.app, other, {
        method: 'GET',
        url: `/api/v1/cati/cases/${a?.id}`,
      });
      expect(notShown.statusCode).toBe(404);

      // Once the holds lapse, a case goes to whoever asks next, and its former holder's call on
      // it is refused. (Which of the two cases comes first depends on which of the two requests
      // above reached the database first.)
      test.clock.advance(20 * MINUTE);
      const taken = await next(third, wave.id);
      expect([a?.id, b?.id]).toContain(taken?.id);
      const formerHolder = taken?.id === a?.id ? interviewer : other;
      expect(
        (await attempt(formerHolder, taken?.id as string, { outcome: 'busy' })).statusCode,
      ).toBe(409);
    });

    it('keeps answers during the interview, and completes with them stored and counted', async () => {
      const wave = await openWave();
      await addMembers(wave.id, [member({ stratum: 'Zemgale' })]);
      const found = (await next(interviewer, wave.id)) as TCatiCase;

      const saved = await call(test.app, interviewer, {
        method: 'PUT',
        url: `/api/v1/cati/cases/${found.id}/answers`,
        payload: { answers: { 'job:satisfaction': '3' } },
      });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json<TCatiCase>().answers).toEqual({ 'job:satisfaction': '3' });
      const reloaded = await call(test.app, interviewer, {
        method: 'GET',
        url: `/api/v1/cati/cases/${found.id}`,
      });
      expect(reloaded.json<TCatiCase>().answers).toEqual({ 'job:satisfaction': '3' });

      const done = await recorded(interviewer, found.id, {
        outcome: 'complete',
        answers: { 'job:satisfaction': '4', standard: 'yes' },
      });
      expect(done.case).toMatchObject({ state: 'complete', finalDisposition: '1.1' });
      const response = await test.database.db
        .selectFrom('survey_responses')
        .selectAll()
        .where('wave_id', '=', wave.id)
        .executeTakeFirstOrThrow();
      expect(response).toMatchObject({
        respondent: found.id,
        stratum: 'Zemgale',
        source: 'cati',
        state: 'complete',
        answers: { 'job:satisfaction': '4', standard: 'yes' },
        interviewer_id: interviewer.person.id,
      });
      const tallies = await test.database.db
        .selectFrom('survey_tallies')
        .selectAll()
        .where('wave_id', '=', wave.id)
        .execute();
      expect(tallies).toEqual([
        expect.objectContaining({ stratum: 'Zemgale', factor: 'job', c3: 0, c4: 1 }),
      ]);
      const closed = await attempt(interviewer, found.id, { outcome: 'no_answer' });
      expect(closed.statusCode).toBe(409);
    });

    it('passes over an organisation that has the plan’s interviews per unit', async () => {
      const wave = await openWave({
        plan: { total: 2, strata: [{ name: 'Vidzeme', size: 10 }], perUnitCap: 1 },
      });
      await addMembers(wave.id, [member({ name: 'Cēsis 1', organisation: 'VPVKAC Cēsis' })]);
      test.clock.advance(MINUTE);
      await addMembers(wave.id, [member({ name: 'Cēsis 2', organisation: 'VPVKAC Cēsis' })]);
      test.clock.advance(MINUTE);
      await addMembers(wave.id, [member({ name: 'Valmiera 1', organisation: 'VPVKAC Valmiera' })]);

      expect((await completeNext(interviewer, wave.id)).name).toBe('Cēsis 1');
      expect((await completeNext(interviewer, wave.id)).name).toBe('Valmiera 1');
      expect(await next(interviewer, wave.id)).toBeNull();
      expect((await sample(wave.id, '&state=new')).items.map((item) => item.name)).toEqual([
        'Cēsis 2',
      ]);
    });
  });

  describe('the summary', () => {
    it('counts refusals per stratum with their reasons, and the response rate', async () => {
      const wave = await openWave({
        plan: {
          total: 4,
          strata: [
            { name: 'Kurzeme', size: 50 },
            { name: 'Rīga', size: 50 },
          ],
        },
      });
      await addMembers(wave.id, [
        member({ stratum: 'Kurzeme' }),
        member({ stratum: 'Kurzeme' }),
        member({ stratum: 'Kurzeme' }),
        member({ stratum: 'Rīga' }),
        member({ stratum: 'Rīga' }),
      ]);
      const byStratum = new Map<string, string[]>();
      for (const item of (await sample(wave.id)).items) {
        byStratum.set(item.stratum ?? '', [...(byStratum.get(item.stratum ?? '') ?? []), item.id]);
      }
      // Each call is made on the case the console gave; the order of new cases is the console's.
      const outcomes: Record<string, Array<Partial<TRecordAttemptBody>>> = {};
      const [k1, k2, k3] = byStratum.get('Kurzeme') as string[];
      const [r1, r2] = byStratum.get('Rīga') as string[];
      outcomes[k1 as string] = [{ outcome: 'hard_refusal', refusalReason: 'no_time' }];
      outcomes[k2 as string] = [{ outcome: 'soft_refusal', refusalReason: 'not_interested' }];
      outcomes[k3 as string] = [
        { outcome: 'soft_refusal', refusalReason: 'no_time', note: 'Atvaļinājumā' },
      ];
      outcomes[r1 as string] = [{ outcome: 'complete', answers: { 'job:satisfaction': '3' } }];
      outcomes[r2 as string] = [{ outcome: 'wrong_number' }];
      for (let i = 0; i < 5; i++) {
        const found = (await next(interviewer, wave.id)) as TCatiCase;
        const [body] = outcomes[found.id] ?? [];
        await recorded(interviewer, found.id, body as Partial<TRecordAttemptBody>);
      }

      const result = await summary(wave.id);
      expect(result.strata.map((item) => item.stratum)).toEqual(['Kurzeme', 'Rīga']);
      const [kurzeme, riga] = result.strata;
      expect(kurzeme).toEqual({
        stratum: 'Kurzeme',
        sample: 3,
        planned: 2,
        attempts: 3,
        completes: 0,
        open: 2,
        refusals: {
          calls: 3,
          soft: 2,
          hard: 1,
          cases: 1,
          reasons: [
            { reason: 'no_time', count: 2 },
            { reason: 'not_interested', count: 1 },
          ],
        },
        notEligible: 0,
        responseRate: 0,
        dispositions: { '2.11': 1 },
      });
      expect(riga).toMatchObject({
        sample: 2,
        planned: 2,
        completes: 1,
        notEligible: 1,
        responseRate: 1,
        refusals: { calls: 0, reasons: [] },
        dispositions: { '1.1': 1, '4.30': 1 },
      });
      expect(result.total).toMatchObject({
        stratum: null,
        sample: 5,
        planned: 4,
        completes: 1,
        responseRate: 0.25,
        refusals: { calls: 3, cases: 1 },
      });
    });
  });

  describe('quality control', () => {
    it('draws 10 % of the completes, rounded up, one per interviewer, and only adds later', async () => {
      const wave = await openWave();
      await addMembers(
        wave.id,
        Array.from({ length: 31 }, () => member()),
      );
      const second = await signedIn(test, { roles: ['specialist'] });
      const third = await signedIn(test, { roles: ['unit_head'] });
      for (const [as, count] of [
        [interviewer, 10],
        [second, 7],
        [third, 4],
      ] as const) {
        for (let i = 0; i < count; i++) await completeNext(as, wave.id);
      }

      const draw = () =>
        call(test.app, head, { method: 'POST', url: `/api/v1/survey-waves/${wave.id}/cati/qc` });
      const first = await draw();
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json<TQcDrawResult>()).toEqual({ drawn: 3, total: 3, completes: 21 });
      const list = async () => {
        const response = await call(test.app, head, {
          method: 'GET',
          url: `/api/v1/survey-waves/${wave.id}/cati/qc`,
        });
        expect(response.statusCode, response.body).toBe(200);
        return response.json<TQcList>();
      };
      const drawn = await list();
      expect(drawn).toMatchObject({ completes: 21, fraction: 0.1 });
      expect(drawn.items.map((item) => item.interviewer?.id).sort()).toEqual(
        [interviewer.person.id, second.person.id, third.person.id].sort(),
      );
      expect(drawn.items[0]).toMatchObject({
        answers: { 'job:satisfaction': '4' },
        verdict: null,
        feedback: null,
      });

      // At once again: nothing new to consider.
      expect((await draw()).json<TQcDrawResult>()).toEqual({ drawn: 0, total: 3, completes: 21 });
      // Ten more: 31 completes want 4, so one is drawn, from the new ones.
      test.clock.advance(MINUTE);
      for (let i = 0; i < 10; i++) await completeNext(second, wave.id);
      expect((await draw()).json<TQcDrawResult>()).toEqual({ drawn: 1, total: 4, completes: 31 });
      const after = await list();
      const added = after.items.filter(
        (item) => !drawn.items.some((earlier) => earlier.responseId === item.responseId),
      );
      expect(added.map((item) => item.interviewer?.id)).toEqual([second.person.id]);
    });

    it('records the listener’s verdict and feedback', async () => {
      const wave = await openWave();
      await addMembers(wave.id, [member({ name: 'Dace Bērziņa', stratum: 'Latgale' })]);
      await completeNext(interviewer, wave.id);
      await call(test.app, head, {
        method: 'POST',
        url: `/api/v1/survey-waves/${wave.id}/cati/qc`,
      });
      const [item] = (
        await call(test.app, head, {
          method: 'GET',
          url: `/api/v1/survey-waves/${wave.id}/cati/qc`,
        })
      ).json<TQcList>().items;
      const url = `/api/v1/survey-waves/${wave.id}/cati/qc/${item?.responseId}`;

      const noFeedback = await call(test.app, head, {
        method: 'PUT',
        url,
        payload: { verdict: 'remarks' },
      });
      expect(noFeedback.statusCode).toBe(400);
      expect(fieldErrorsOf(noFeedback)).toEqual([{ field: 'feedback', code: 'required' }]);

      const response = await call(test.app, head, {
        method: 'PUT',
        url,
        payload: { verdict: 'remarks', feedback: 'Skalu nolasīt līdz galam.' },
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json<TQcItem>()).toMatchObject({
        respondent: 'Dace Bērziņa',
        stratum: 'Latgale',
        interviewer: { id: interviewer.person.id },
        verdict: 'remarks',
        feedback: 'Skalu nolasīt līdz galam.',
        checkedBy: { id: head.person.id },
        checkedAt: test.clock.now().toISOString(),
      });
      const audit = await test.services.audit.list(ctx, { actorId: head.person.id, limit: 5 });
      expect(audit.items[0]).toMatchObject({ action: 'update', entityType: 'cati_qc_check' });
    });

    it('refuses a review dated before the interview was completed', async () => {
      const wave = await openWave();
      await addMembers(wave.id, [member()]);
      const completedAt = test.clock.now();
      await completeNext(interviewer, wave.id);
      await call(test.app, head, {
        method: 'POST',
        url: `/api/v1/survey-waves/${wave.id}/cati/qc`,
      });
      const [item] = (
        await call(test.app, head, {
          method: 'GET',
          url: `/api/v1/survey-waves/${wave.id}/cati/qc`,
        })
      ).json<TQcList>().items;
      const url = `/api/v1/survey-waves/${wave.id}/cati/qc/${item?.responseId}`;

      // A server clock set back must not make the review seem older than the interview.
      test.clock.set(new Date(completedAt.getTime() - MINUTE));
      const early = await call(test.app, head, {
        method: 'PUT',
        url,
        payload: { verdict: 'pass' },
      });
      expect(early.statusCode).toBe(409);
      expect(problemOf(early)).toMatchObject({
        code: 'conflict',
        detail: 'Interviju nevar novērtēt agrāk, nekā tā pabeigta.',
      });

      test.clock.set(new Date(completedAt.getTime() + MINUTE));
      const later = await call(test.app, head, {
        method: 'PUT',
        url,
        payload: { verdict: 'pass' },
      });
      expect(later.statusCode, later.body).toBe(200);
    });
  });

  describe('access', () => {
    it('lets only those who run surveys manage the sample, summary and QC', async () => {
      const wave = await openWave();
      const requests = [
        {
          method: 'POST',
          url: `/api/v1/survey-waves/${wave.id}/cati/sample`,
          payload: { members: [member()] },
        },
        { method: 'GET', url: `/api/v1/survey-waves/${wave.id}/cati/sample` },
        { method: 'GET', url: `/api/v1/survey-waves/${wave.id}/cati/summary` },
        { method: 'POST', url: `/api/v1/survey-waves/${wave.id}/cati/qc` },
        { method: 'GET', url: `/api/v1/survey-waves/${wave.id}/cati/qc` },
      ] as const;
      for (const request of requests) {
        const response = await call(test.app, interviewer, { ...request });
        expect(response.statusCode, `${request.method} ${request.url}`).toBe(403);
      }
    });

    it('lets only interviewers ask for the next respondent', async () => {
      const wave = await openWave();
      await addMembers(wave.id, [member()]);
      for (const role of ['administrator', 'auditor', 'ethics_commission_member'] as const) {
        const outsider = await signedIn(test, { roles: [role] });
        const response = await call(test.app, outsider, {
          method: 'POST',
          url: '/api/v1/cati/next',
          payload: { waveId: wave.id },
        });
        expect(response.statusCode, role).toBe(403);
      }
      expect((await sample(wave.id)).items[0]?.heldBy).toBeNull();
    });
  });
});
