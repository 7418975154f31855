import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TIdea, TIdeaPage } from '../../../contracts/ideas.contracts';
import type { TUnit } from '../../../contracts/units.contracts';
import {
  call,
  createTestApp,
  createUnit,
  problemOf,
  signedIn,
  type Session,
  type TestApp,
} from '../../testing/test-app';

/** The failed fields of a 400 answer, by name, with their codes. */
const fieldErrorsOf = (response: LightMyRequestResponse) =>
  Object.fromEntries((problemOf(response).errors ?? []).map((error) => [error.field, error.code]));

describe('staff ideas', () => {
  let test: TestApp;
  let unit: TUnit;
  let otherUnit: TUnit;
  let author: Session;
  let unitHead: Session;
  let otherHead: Session;
  let csHead: Session;
  let deputy: Session;
  let colleague: Session;
  beforeAll(async () => {
    test = await createTestApp();
    unit = await createUnit(test.services);
    otherUnit = await createUnit(test.services);
    author = await signedIn(test, { roles: ['specialist'], unitIds: [unit.id] });
    unitHead = await signedIn(test, { roles: ['unit_head'], unitIds: [unit.id] });
    otherHead = await signedIn(test, { roles: ['unit_head'], unitIds: [otherUnit.id] });
    csHead = await signedIn(test, { roles: ['client_service_head'], unitIds: [otherUnit.id] });
    deputy = await signedIn(test, { roles: ['deputy_executive_director'] });
    colleague = await signedIn(test, { roles: ['specialist'], unitIds: [unit.id] });
  });
  afterAll(() => test.close());

  async function submit(payload: Record<string, unknown>, as = author) {
    const response = await call(test.app, as, {
      method: 'POST',
      url: '/api/v1/ideas',
      payload: {
        title: 'Rindas numuri SMS',
        text: 'Klienti varētu saņemt īsziņu, kad pienāk viņu kārta.',
        ...payload,
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<TIdea>();
  }

  const move = (as: Session, idea: TIdea, payload: Record<string, unknown>) =>
    call(test.app, as, {
      method: 'POST',
      url: `/api/v1/ideas/${idea.id}/state`,
      payload: { version: idea.version, ...payload },
    });

  const box = async (as: Session, which: 'mine' | 'received') =>
    (await call(test.app, as, { method: 'GET', url: `/api/v1/ideas?box=${which}&pageSize=100` }))
      .json<TIdeaPage>()
      .items.map((idea) => idea.id);

  it('sends an idea to the manager of the author’s own unit by default', async () => {
    const idea = await submit({ addressee: 'manager' });
    expect(idea).toMatchObject({
      author: { id: author.person.id },
      addressee: 'manager',
      unit: { id: unit.id },
      state: 'submitted',
      response: null,
      abilities: { respond: false },
      version: 1,
    });
  });

  it('asks for a unit when the author has none and refuses one that does not exist', async () => {
    const loner = await signedIn(test, { roles: ['specialist'] });
    const none = await call(test.app, loner, {
      method: 'POST',
      url: '/api/v1/ideas',
      payload: { addressee: 'manager', title: 'Ideja', text: 'Teksts' },
    });
    expect(fieldErrorsOf(none)).toEqual({ unitId: 'required' });
    const missing = await call(test.app, loner, {
      method: 'POST',
      url: '/api/v1/ideas',
      payload: {
        addressee: 'manager',
        title: 'Ideja',
        text: 'Teksts',
        unitId: '00000000-0000-4000-8000-000000000000',
      },
    });
    expect(fieldErrorsOf(missing)).toEqual({ unitId: 'unknown_reference' });
  });

  it('names each invalid field', async () => {
    const response = await call(test.app, author, {
      method: 'POST',
      url: '/api/v1/ideas',
      payload: { addressee: 'mayor', title: ' ', text: '' },
    });
    expect(response.statusCode).toBe(400);
    expect(fieldErrorsOf(response)).toEqual({
      addressee: 'invalid_value',
      title: 'required',
      text: 'required',
    });
  });

  it('reaches only its receivers: the unit’s head, not another unit’s head nor colleagues', async () => {
    const toManager = await submit({ addressee: 'manager' });
    const toHead = await submit({ addressee: 'client_service_head' });
    const toDeputy = await submit({ addressee: 'deputy_executive_director' });

    expect(await box(unitHead, 'received')).toContain(toManager.id);
    expect(await box(unitHead, 'received')).not.toContain(toHead.id);
    expect(await box(otherHead, 'received')).not.toContain(toManager.id);
    const csReceived = await box(csHead, 'received');
    expect(csReceived).toContain(toHead.id);
    expect(csReceived).not.toContain(toManager.id);
    expect(csReceived).not.toContain(toDeputy.id);
    expect(await box(deputy, 'received')).toContain(toDeputy.id);
    expect(await box(colleague, 'received')).toEqual([]);
    expect(await box(colleague, 'mine')).toEqual([]);
    expect(await box(author, 'mine')).toEqual(
      expect.arrayContaining([toManager.id, toHead.id, toDeputy.id]),
    );

    for (const outsider of [otherHead, colleague, deputy]) {
      const read = await call(test.app, outsider, {
        method: 'GET',
        url: `/api/v1/ideas/${toManager.id}`,
      });
      expect(read.statusCode).toBe(404);
    }
    const byHead = await call(test.app, unitHead, {
      method: 'GET',
      url: `/api/v1/ideas/${toManager.id}`,
    });
    expect(byHead.json()).toMatchObject({ abilities: { respond: true } });
  });

  it('lets the receiver decide with a response, which the author then reads', async () => {
    const idea = await submit({ addressee: 'client_service_head' });
    const review = await move(csHead, idea, { state: 'under_review' });
    expect(review.statusCode, review.body).toBe(200);

    const bare = await move(csHead, review.json(), { state: 'accepted' });
    expect(fieldErrorsOf(bare)).toEqual({ response: 'required' });

    const task = (
      await call(test.app, csHead, {
        method: 'POST',
        url: '/api/v1/improvement-tasks',
        payload: { unitId: unit.id, title: 'SMS par rindu', dueOn: '2026-06-30' },
      })
    ).json<{ id: string }>();
    const accepted = await move(csHead, review.json(), {
      state: 'accepted',
      response: 'Labs ierosinājums, ieviesīsim līdz vasarai.',
      improvementTaskId: task.id,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);

    const seen = await call(test.app, author, { method: 'GET', url: `/api/v1/ideas/${idea.id}` });
    expect(seen.json()).toMatchObject({
      state: 'accepted',
      response: 'Labs ierosinājums, ieviesīsim līdz vasarai.',
      respondedBy: { id: csHead.person.id },
      respondedAt: test.clock.now().toISOString(),
      improvementTask: { id: task.id, title: 'SMS par rindu' },
      abilities: { respond: false },
    });

    // The author reads the task their idea led to; a colleague without rights finds none.
    const taskUrl = `/api/v1/improvement-tasks/${task.id}`;
    const authorReads = await call(test.app, author, { method: 'GET', url: taskUrl });
    expect(authorReads.statusCode, authorReads.body).toBe(200);
    expect(authorReads.json()).toMatchObject({
      id: task.id,
      title: 'SMS par rindu',
      abilities: { edit: false, move: false },
    });
    const colleagueReads = await call(test.app, colleague, { method: 'GET', url: taskUrl });
    expect(colleagueReads.statusCode).toBe(404);
  });

  it('keeps to the order of decisions and refuses a stale version', async () => {
    const idea = await submit({ addressee: 'deputy_executive_director' });
    const rejected = await move(deputy, idea, { state: 'rejected', response: 'Nav līdzekļu.' });
    expect(rejected.statusCode).toBe(200);
    const again = await move(deputy, rejected.json(), { state: 'accepted', response: 'Tomēr.' });
    expect(problemOf(again).errors).toEqual([
      expect.objectContaining({
        field: 'state',
        code: 'idea_invalid_transition',
        message: 'Ideju nevar pārvietot no stāvokļa „Noraidīts” uz „Pieņemts”.',
      }),
    ]);
    const stale = await move(deputy, idea, { state: 'under_review' });
    expect(stale.statusCode).toBe(409);
  });

  it('refuses answering to the author, to colleagues and to another unit’s head', async () => {
    const idea = await submit({ addressee: 'manager' });
    for (const outsider of [author, colleague, otherHead, csHead]) {
      const response = await move(outsider, idea, { state: 'under_review' });
      expect(response.statusCode).toBe(403);
    }
    const byHead = await move(unitHead, idea, { state: 'under_review' });
    expect(byHead.statusCode).toBe(200);
  });

  it('refuses linking a task that does not exist', async () => {
    const idea = await submit({ addressee: 'client_service_head' });
    const response = await move(csHead, idea, {
      state: 'under_review',
      improvementTaskId: '00000000-0000-4000-8000-000000000000',
    });
    expect(fieldErrorsOf(response)).toEqual({ improvementTaskId: 'unknown_reference' });
  });

  it('refuses linking a task the answerer cannot see, which the author would then read', async () => {
    const hidden = (
      await call(test.app, csHead, {
        method: 'POST',
        url: '/api/v1/improvement-tasks',
        payload: { unitId: otherUnit.id, title: 'Cita struktūrvienība', dueOn: '2026-06-30' },
      })
    ).json<{ id: string }>();
    const idea = await submit({ addressee: 'manager' });
    const response = await move(unitHead, idea, {
      state: 'under_review',
      improvementTaskId: hidden.id,
    });
    expect(fieldErrorsOf(response)).toEqual({ improvementTaskId: 'unknown_reference' });
    const taskUrl = `/api/v1/improvement-tasks/${hidden.id}`;
    expect((await call(test.app, author, { method: 'GET', url: taskUrl })).statusCode).toBe(404);
  });
});
