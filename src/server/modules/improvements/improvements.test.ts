import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  TImprovementTask,
  TImprovementTaskPage,
} from '../../../contracts/improvements.contracts';
import type { TUnit } from '../../../contracts/units.contracts';
import { systemContext } from '../../http/access';
import {
  call,
  createPerson,
  createTestApp,
  createUnit,
  problemOf,
  signedIn,
  type Session,
  type TestApp,
} from '../../testing/test-app';

const ctx = systemContext('improvements-test');

/** The failed fields of a 400 answer, by name, with their codes. */
const fieldErrorsOf = (response: LightMyRequestResponse) =>
  Object.fromEntries((problemOf(response).errors ?? []).map((error) => [error.field, error.code]));
const START = '2026-03-10T09:00:00Z';

describe('improvement tasks', () => {
  let test: TestApp;
  let head: Session;
  let deputy: Session;
  let unit: TUnit;
  let otherUnit: TUnit;
  let unitHead: Session;
  let otherHead: Session;
  let owner: Session;
  let colleague: Session;
  beforeAll(async () => {
    test = await createTestApp();
    unit = await createUnit(test.services);
    otherUnit = await createUnit(test.services);
    head = await signedIn(test, { roles: ['client_service_head'] });
    deputy = await signedIn(test, { roles: ['deputy_executive_director'] });
    unitHead = await signedIn(test, { roles: ['unit_head'], unitIds: [unit.id] });
    otherHead = await signedIn(test, { roles: ['unit_head'], unitIds: [otherUnit.id] });
    owner = await signedIn(test, { roles: ['specialist'], unitIds: [unit.id] });
    colleague = await signedIn(test, { roles: ['specialist'], unitIds: [unit.id] });
  });
  afterAll(() => test.close());

  async function createTask(body: Record<string, unknown> = {}, as = head) {
    const response = await call(test.app, as, {
      method: 'POST',
      url: '/api/v1/improvement-tasks',
      payload: {
        unitId: unit.id,
        title: 'Atbildēt uz zvaniem ātrāk',
        description: 'Zvanu gaidīšanas laiks pārsniedz standartu.',
        ownerId: owner.person.id,
        dueOn: '2026-04-30',
        ...body,
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<TImprovementTask>();
  }

  const move = (as: Session, task: TImprovementTask, payload: Record<string, unknown>) =>
    call(test.app, as, {
      method: 'POST',
      url: `/api/v1/improvement-tasks/${task.id}/state`,
      payload: { version: task.version, ...payload },
    });

  const listAs = async (as: Session, query = '') =>
    (
      await call(test.app, as, {
        method: 'GET',
        url: `/api/v1/improvement-tasks?pageSize=100${query}`,
      })
    ).json<TImprovementTaskPage>();

  describe('POST /api/v1/improvement-tasks', () => {
    it('sets a unit a planned task with its owner and the one who set it', async () => {
      const task = await createTask();
      expect(task).toMatchObject({
        unit: { id: unit.id, name: unit.name },
        owner: { id: owner.person.id },
        createdBy: { id: head.person.id },
        state: 'planned',
        overdue: false,
        feedbackId: null,
        survey: null,
        version: 1,
        abilities: { edit: true, move: true },
      });
    });

    it('takes a survey result as its basis, with the wave and the map’s factor', async () => {
      const survey = await test.services.surveys.create(ctx, {
        title: 'Klientu aptauja 2026',
        kind: 'client',
        description: '',
        questionnaire: { sections: [] },
      });
      const wave = await test.services.surveys.createWave(ctx, survey.id, { name: '2026' });

      const task = await createTask({
        surveyId: survey.id,
        surveyWaveId: wave.id,
        surveyFactor: 'waiting',
      });

      expect(task.survey).toEqual({
        id: survey.id,
        title: 'Klientu aptauja 2026',
        wave: { id: wave.id, name: '2026' },
        factor: 'waiting',
      });
    });

    it('takes a feedback item as its basis', async () => {
      // The feedback registry is another module's; the row is made here only to point at.
      const now = test.clock.now();
      const feedback = await test.database.db
        .insertInto('feedback_items')
        .values({
          reference: `FB-${now.getTime()}`,
          kind: 'complaint',
          channel: 'phone',
          unit_id: unit.id,
          text: 'Ilgi gaidīju.',
          received_at: now,
          state: 'new',
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();

      const task = await createTask({ feedbackId: feedback.id });

      expect(task).toMatchObject({ feedbackId: feedback.id, survey: null });
    });

    it('refuses a basis that does not exist, and a wave of another survey', async () => {
      const missing = '00000000-0000-4000-8000-000000000000';
      const survey = await test.services.surveys.create(ctx, {
        title: 'Cita aptauja',
        kind: 'client',
        description: '',
        questionnaire: { sections: [] },
      });
      const other = await test.services.surveys.create(ctx, {
        title: 'Vēl cita',
        kind: 'client',
        description: '',
        questionnaire: { sections: [] },
      });
      const otherWave = await test.services.surveys.createWave(ctx, other.id, { name: 'W1' });
      const post = (payload: Record<string, unknown>) =>
        call(test.app, head, {
          method: 'POST',
          url: '/api/v1/improvement-tasks',
          payload: { unitId: unit.id, title: 'X', dueOn: '2026-04-30', ...payload },
        });

      expect(fieldErrorsOf(await post({ feedbackId: missing }))).toEqual({
        feedbackId: 'unknown_reference',
      });
      expect(fieldErrorsOf(await post({ surveyId: missing }))).toEqual({
        surveyId: 'unknown_reference',
      });
      expect(
        fieldErrorsOf(await post({ surveyId: survey.id, surveyWaveId: otherWave.id })),
      ).toEqual({ surveyWaveId: 'unknown_reference' });
      const both = await post({ feedbackId: missing, surveyId: survey.id });
      expect(problemOf(both).errors).toEqual([
        expect.objectContaining({
          field: 'surveyId',
          code: 'task_one_basis',
          message: 'Uzdevumam ir viens pamats: atsauksme vai aptaujas rezultāts, ne abi.',
        }),
      ]);
      expect(fieldErrorsOf(await post({ surveyFactor: 'waiting' }))).toEqual({
        surveyId: 'required',
      });
      expect(fieldErrorsOf(await post({ unitId: missing }))).toEqual({
        unitId: 'unknown_reference',
      });
      expect(fieldErrorsOf(await post({ ownerId: missing }))).toEqual({
        ownerId: 'unknown_reference',
      });
    });

    it('names each invalid field and refuses a due date already past', async () => {
      const response = await call(test.app, head, {
        method: 'POST',
        url: '/api/v1/improvement-tasks',
        payload: { unitId: 'nav', title: '', dueOn: '2026-13-01' },
      });
      expect(response.statusCode).toBe(400);
      expect(fieldErrorsOf(response)).toEqual({
        unitId: 'invalid_uuid',
        title: 'required',
        dueOn: 'invalid_date',
      });

      const past = await call(test.app, head, {
        method: 'POST',
        url: '/api/v1/improvement-tasks',
        payload: { unitId: unit.id, title: 'Vēlu', dueOn: '2026-03-09' },
      });
      expect(fieldErrorsOf(past)).toEqual({ dueOn: 'date_in_past' });
    });

    it('lets the deputy set tasks too, but not a unit head', async () => {
      await createTask({}, deputy);
      const response = await call(test.app, unitHead, {
        method: 'POST',
        url: '/api/v1/improvement-tasks',
        payload: { unitId: unit.id, title: 'Pašu uzdevums', dueOn: '2026-04-30' },
      });
      expect(response.statusCode).toBe(403);
    });
  });

  describe('PUT /api/v1/improvement-tasks/:id', () => {
    it('changes the task and refuses a stale version', async () => {
      const task = await createTask();
      const first = await call(test.app, head, {
        method: 'PUT',
        url: `/api/v1/improvement-tasks/${task.id}`,
        payload: { title: 'Jauns nosaukums', ownerId: null, version: 1 },
      });
      expect(first.statusCode).toBe(200);
      expect(first.json()).toMatchObject({ title: 'Jauns nosaukums', owner: null, version: 2 });

      const stale = await call(test.app, head, {
        method: 'PUT',
        url: `/api/v1/improvement-tasks/${task.id}`,
        payload: { title: 'Cits', version: 1 },
      });
      expect(stale.statusCode).toBe(409);
    });

    it('is not for the task’s owner', async () => {
      const task = await createTask();
      const response = await call(test.app, owner, {
        method: 'PUT',
        url: `/api/v1/improvement-tasks/${task.id}`,
        payload: { title: 'Vieglāk', version: 1 },
      });
      expect(response.statusCode).toBe(403);
    });
  });

  describe('POST /api/v1/improvement-tasks/:id/state', () => {
    it('lets the owner start and finish the task, with its outcome', async () => {
      const task = await createTask();
      const started = await move(owner, task, { state: 'in_progress' });
      expect(started.statusCode, started.body).toBe(200);

      const withoutOutcome = await move(owner, started.json(), { state: 'done' });
      expect(fieldErrorsOf(withoutOutcome)).toEqual({ outcome: 'required' });

      const done = await move(owner, started.json(), {
        state: 'done',
        outcome: 'Ieviests atzvanīšanas grafiks.',
      });
      expect(done.statusCode).toBe(200);
      expect(done.json()).toMatchObject({
        state: 'done',
        outcome: 'Ieviests atzvanīšanas grafiks.',
        completedAt: test.clock.now().toISOString(),
        version: 3,
      });
    });

    it('lets the unit’s head move it but not cancel it; the department cancels', async () => {
      const task = await createTask({ ownerId: null });
      const cancelByHead = await move(unitHead, task, { state: 'cancelled', outcome: 'Nevajag' });
      expect(problemOf(cancelByHead).errors).toEqual([
        expect.objectContaining({
          field: 'state',
          code: 'task_move_department_only',
          message:
            'Uzdevumu no stāvokļa „Plānots” uz „Atcelts” var pārvietot tikai Klientu apkalpošanas pārvalde, jo tā nosaka, kas struktūrvienībai jādara.',
        }),
      ]);
      const started = await move(unitHead, task, { state: 'in_progress' });
      expect(started.statusCode).toBe(200);

      const cancelled = await move(head, started.json(), {
        state: 'cancelled',
        outcome: 'Aizstāts ar citu uzdevumu.',
      });
      expect(cancelled.json()).toMatchObject({ state: 'cancelled' });
    });

    it('names the states in words when a move goes nowhere the task may go', async () => {
      const task = await createTask();
      const done = await move(head, task, { state: 'done', outcome: 'Izdarīts.' });
      const back = await move(head, done.json(), { state: 'planned' });
      expect(back.statusCode).toBe(400);
      expect(problemOf(back).errors).toEqual([
        expect.objectContaining({
          field: 'state',
          code: 'task_invalid_transition',
          message: 'Uzdevumu nevar pārvietot no stāvokļa „Izpildīts” uz „Plānots”.',
        }),
      ]);
    });

    it('refuses the head of another unit and a colleague who does not own it', async () => {
      const task = await createTask();
      expect((await move(otherHead, task, { state: 'in_progress' })).statusCode).toBe(403);
      expect((await move(colleague, task, { state: 'in_progress' })).statusCode).toBe(403);
      const read = await call(test.app, head, {
        method: 'GET',
        url: `/api/v1/improvement-tasks/${task.id}`,
      });
      expect(read.json()).toMatchObject({ state: 'planned', version: 1 });
    });
  });

  describe('GET /api/v1/improvement-tasks', () => {
    it('shows each what is theirs: the department all, a head their units’, an owner theirs', async () => {
      const inUnit = await createTask({ ownerId: null });
      const owned = await createTask({ unitId: otherUnit.id, ownerId: owner.person.id });
      const elsewhere = await createTask({ unitId: otherUnit.id, ownerId: null });
      const ids = async (as: Session) => (await listAs(as)).items.map((task) => task.id);

      const all = await ids(deputy);
      expect(all).toEqual(expect.arrayContaining([inUnit.id, owned.id, elsewhere.id]));
      const headSees = await ids(unitHead);
      expect(headSees).toContain(inUnit.id);
      expect(headSees).not.toContain(elsewhere.id);
      expect(await ids(otherHead)).not.toContain(inUnit.id);
      const ownerSees = await ids(owner);
      expect(ownerSees).toContain(owned.id);
      expect(ownerSees).not.toContain(inUnit.id);
      expect(await ids(colleague)).toEqual([]);
      const auditor = await signedIn(test, { roles: ['auditor'] });
      expect(await ids(auditor)).toEqual(expect.arrayContaining([elsewhere.id]));

      const hidden = await call(test.app, otherHead, {
        method: 'GET',
        url: `/api/v1/improvement-tasks/${inUnit.id}`,
      });
      expect(hidden.statusCode).toBe(404);
      expect(problemOf(hidden).code).toBe('not_found');
    });

    it('marks and filters the overdue, and filters by due dates, owner and state', async () => {
      const person = await createPerson(test.services, { unitIds: [unit.id] });
      const soon = await createTask({ ownerId: person.id, dueOn: '2026-03-12' });
      const later = await createTask({ ownerId: person.id, dueOn: '2026-05-01' });
      const finished = await createTask({ ownerId: person.id, dueOn: '2026-03-11' });
      await move(head, finished, { state: 'done', outcome: 'Izdarīts.' });
      try {
        test.clock.set('2026-03-20T09:00:00Z');
        // Ten days on, the morning's sessions have expired: the head signs in again.
        const headLater = await signedIn(test, { roles: ['client_service_head'] });
        const mine = `&ownerId=${person.id}`;
        const overdue = await listAs(headLater, `${mine}&overdue=true`);
        expect(overdue.items.map((task) => task.id)).toEqual([soon.id]);
        expect(overdue.items[0]?.overdue).toBe(true);

        const byDue = await listAs(headLater, `${mine}&dueFrom=2026-04-01&dueTo=2026-05-31`);
        expect(byDue.items.map((task) => task.id)).toEqual([later.id]);
        const done = await listAs(headLater, `${mine}&state=done`);
        expect(done.items.map((task) => task.id)).toEqual([finished.id]);
        expect(done.items[0]?.overdue).toBe(false);
      } finally {
        test.clock.set(START);
      }
    });

    it('refuses a reversed due range', async () => {
      const response = await call(test.app, head, {
        method: 'GET',
        url: '/api/v1/improvement-tasks?dueFrom=2026-05-01&dueTo=2026-04-01',
      });
      expect(fieldErrorsOf(response)).toEqual({ dueTo: 'range_reversed' });
    });
  });
});
