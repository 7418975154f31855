import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  call,
  createPerson,
  createTestApp,
  createUnit,
  fieldErrorsOf,
  signIn,
  type Session,
  type TestApp,
  requestDesk,
} from '../../testing/test-app';

// The test clock stands at Tuesday 10 March 2026, 11:00 in Riga.
const TUESDAY = '2026-03-10T09:00:00Z';

describe('commitments', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp();
  });
  afterAll(() => test.close());
  beforeEach(() => test.clock.set(TUESDAY));

  const desk = (service?: string) => requestDesk(test, service);

  const post = (session: Session, url: string, payload: Record<string, unknown>) =>
    call(test.app, session, { method: 'POST', url, payload });

  it('shows a promise on the keeper’s list, red a day before it is due, gone once kept', async () => {
    const { clerk, request } = await desk();
    const created = await post(clerk, `/api/v1/requests/${request.id}/commitments`, {
      what: 'Atzvanīt un pateikt, vai dokumenti ir gatavi',
      dueAt: '2026-03-12T12:00:00Z',
      form: 'phone',
    });
    expect(created.statusCode, created.body).toBe(201);
    const commitment = created.json<{ id: string; version: number }>();
    let session = clerk;
    const mine = async () => {
      // The clerk signs in again as the hours pass.
      session = await signIn(test.app, clerk.person);
      const response = await call(test.app, session, {
        method: 'GET',
        url: '/api/v1/commitments',
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json<{ items: Array<{ id: string; urgency: string }> }>().items;
    };

    expect(await mine()).toEqual([expect.objectContaining({ id: commitment.id, urgency: 'open' })]);
    test.clock.set('2026-03-11T13:00:00Z');
    expect((await mine())[0]?.urgency).toBe('due_soon');
    test.clock.set('2026-03-12T12:30:00Z');
    expect((await mine())[0]?.urgency).toBe('overdue');

    const kept = await post(session, `/api/v1/commitments/${commitment.id}/kept`, {
      version: commitment.version,
    });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(await mine()).toEqual([]);
    const again = await post(session, `/api/v1/commitments/${commitment.id}/kept`, {
      version: commitment.version,
    });
    expect(again.statusCode).toBe(409);
  });

  it('needs a form it knows', async () => {
    const { clerk, request } = await desk();
    const response = await post(clerk, `/api/v1/requests/${request.id}/commitments`, {
      what: 'Aizsūtīt',
      dueAt: '2026-03-12T12:00:00Z',
      form: 'pigeon',
    });
    expect(response.statusCode).toBe(400);
    expect(fieldErrorsOf(response)).toEqual([{ field: 'form', code: 'invalid_value' }]);
  });

  it('refuses a promise for a day gone by or an hour gone today, as an extension’s date', async () => {
    const { clerk, request } = await desk();
    const promise = (dueAt: string) =>
      post(clerk, `/api/v1/requests/${request.id}/commitments`, {
        what: 'Atzvanīt',
        dueAt,
        form: 'phone',
      });
    // The clock stands at 11:00 on 10 March in Riga.
    expect(fieldErrorsOf(await promise('2026-03-09T12:00:00Z'))).toEqual([
      { field: 'dueAt', code: 'date_in_past' },
    ]);
    expect(fieldErrorsOf(await promise('2026-03-10T10:30:00+02:00'))).toEqual([
      { field: 'dueAt', code: 'time_in_past' },
    ]);
    const later = await promise('2026-03-10T15:00:00+02:00');
    expect(later.statusCode, later.body).toBe(201);
    expect(later.json()).toMatchObject({ dueAt: '2026-03-10T13:00:00.000Z' });
  });

  it('hands the previous owner’s open promises to the new owner', async () => {
    const { clerk, request } = await desk();
    await post(clerk, `/api/v1/requests/${request.id}/state`, {
      state: 'in_progress',
      version: request.version,
    });
    const promise = await post(clerk, `/api/v1/requests/${request.id}/commitments`, {
      what: 'Atzvanīt par būvatļauju',
      dueAt: '2026-03-12T12:00:00Z',
      form: 'phone',
    });
    expect(promise.json()).toMatchObject({ keeper: { id: clerk.person.id } });
    const expert = await createPerson(test.services, {
      unitIds: [(await createUnit(test.services)).id],
    });

    const referred = await post(clerk, `/api/v1/requests/${request.id}/referral`, {
      ownerId: expert.id,
      note: 'Lūdzu, atzvani klientam',
      version: request.version + 1,
    });
    expect(referred.statusCode, referred.body).toBe(200);

    const expertSession = await signIn(test.app, expert);
    const theirs = await call(test.app, expertSession, {
      method: 'GET',
      url: '/api/v1/commitments',
    });
    expect(theirs.json()).toMatchObject({ items: [{ what: 'Atzvanīt par būvatļauju' }] });
    const mine = await call(test.app, clerk, { method: 'GET', url: '/api/v1/commitments' });
    expect(mine.json()).toMatchObject({ items: [] });
  });
});
