import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TContact } from '../../../contracts/contacts.contracts';
import type { TQueue, TQueueEntry } from '../../../contracts/queue.contracts';
import type { TUnit } from '../../../contracts/units.contracts';
import {
  call,
  createContact,
  createPerson,
  createTestApp,
  createUnit,
  problemOf,
  signedIn,
  signIn,
  type Session,
  type TestApp,
} from '../../testing/test-app';

const MINUTE = 60_000;

describe('the queue', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp();
  });
  afterAll(() => test.close());
  beforeEach(() => test.clock.set('2026-03-10T08:00:00Z'));

  /** Someone joining the unit's queue now. */
  async function arrives(unit: TUnit, who: 'resident' | 'colleague', channel = 'in_person') {
    const colleague =
      who === 'colleague' ? await createPerson(test.services, { unitIds: [unit.id] }) : null;
    const contact = await createContact(test.services, unit.id, {
      channel: channel as 'in_person',
      queue: true,
      newClient: colleague
        ? { kind: 'internal', staffId: colleague.id }
        : { kind: 'person', givenName: 'Rita', surname: `Kalna ${unit.name}` },
      services: ['Konsultācija', 'Iesniegums'],
    });
    test.clock.advance(MINUTE);
    return contact;
  }

  const queueOf = async (session: Session, unit: TUnit) => {
    const response = await call(test.app, session, {
      method: 'GET',
      url: `/api/v1/queue?unitId=${unit.id}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<TQueue>();
  };

  const callNext = (session: Session, unit: TUnit) =>
    call(test.app, session, {
      method: 'POST',
      url: '/api/v1/queue/next',
      payload: { unitId: unit.id },
    });

  it('serves external and in-person clients first, then by arrival, with waiting times', async () => {
    const unit = await createUnit(test.services);
    const clerk = await signedIn(test, { unitIds: [unit.id] });
    const colleagueFirst = await arrives(unit, 'colleague');
    const callback = await arrives(unit, 'resident', 'phone');
    const residentLater = await arrives(unit, 'resident');
    test.clock.advance(10 * MINUTE);

    const queue = await queueOf(clerk, unit);

    expect(queue.waiting.map((entry) => entry.contactId)).toEqual([
      residentLater.id,
      callback.id,
      colleagueFirst.id,
    ]);
    expect(queue.waiting.map((entry) => entry.minutesWaiting)).toEqual([11, 12, 13]);
    expect(queue.waiting[0]).toMatchObject({
      external: true,
      inPerson: true,
      services: ['Konsultācija', 'Iesniegums'],
      state: 'waiting',
    });

    const called = await callNext(clerk, unit);
    expect(called.statusCode, called.body).toBe(200);
    expect(called.json()).toMatchObject({
      contactId: residentLater.id,
      state: 'serving',
      assignedTo: { id: clerk.person.id },
    });
    const after = await queueOf(clerk, unit);
    expect(after.waiting.map((entry) => entry.contactId)).toEqual([callback.id, colleagueFirst.id]);
    expect(after.serving.map((entry) => entry.contactId)).toEqual([residentLater.id]);
  });

  it('gives two clerks calling at once two different people', async () => {
    const unit = await createUnit(test.services);
    const [first, second] = [
      await signedIn(test, { unitIds: [unit.id] }),
      await signedIn(test, { unitIds: [unit.id] }),
    ];
    await arrives(unit, 'resident');
    await arrives(unit, 'resident');

    const responses = await Promise.all([callNext(first, unit), callNext(second, unit)]);

    expect(responses.map((r) => r.statusCode)).toEqual([200, 200]);
    const contacts = responses.map((r) => r.json<TQueueEntry>().contactId);
    expect(new Set(contacts).size).toBe(2);
    const none = await callNext(first, unit);
    expect(none.statusCode).toBe(409);
    expect(problemOf(none).detail).toBe('Rindā neviena nav.');
  });

  it('moves a waiting person to a colleague, who calls them before the rest', async () => {
    const unit = await createUnit(test.services);
    const clerk = await signedIn(test, { unitIds: [unit.id] });
    const expert = await createPerson(test.services, { unitIds: [unit.id] });
    const first = await arrives(unit, 'resident');
    const second = await arrives(unit, 'resident');
    const entry = (await queueOf(clerk, unit)).waiting.find((e) => e.contactId === second.id);

    const moved = await call(test.app, clerk, {
      method: 'POST',
      url: `/api/v1/queue/${entry?.id ?? ''}/assign`,
      payload: { staffId: expert.id, version: entry?.version },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ assignedTo: { id: expert.id }, state: 'waiting' });

    const expertSession = await signIn(test.app, expert);
    expect((await callNext(expertSession, unit)).json()).toMatchObject({ contactId: second.id });
    // The clerk is not given the person moved to the expert.
    expect((await callNext(clerk, unit)).json()).toMatchObject({ contactId: first.id });
  });

  it('moves a person only to a colleague of the unit', async () => {
    const unit = await createUnit(test.services);
    const clerk = await signedIn(test, { unitIds: [unit.id] });
    const outsider = await createPerson(test.services, {
      unitIds: [(await createUnit(test.services)).id],
    });
    await arrives(unit, 'resident');
    const [entry] = (await queueOf(clerk, unit)).waiting;

    const response = await call(test.app, clerk, {
      method: 'POST',
      url: `/api/v1/queue/${entry?.id ?? ''}/assign`,
      payload: { staffId: outsider.id, version: entry?.version },
    });
    expect(response.statusCode).toBe(400);
    expect(problemOf(response).errors).toEqual([
      expect.objectContaining({ field: 'staffId', code: 'not_in_unit' }),
    ]);
  });

  it('records that someone left, and refuses a stale version', async () => {
    const unit = await createUnit(test.services);
    const clerk = await signedIn(test, { unitIds: [unit.id] });
    await arrives(unit, 'resident');
    const [entry] = (await queueOf(clerk, unit)).waiting;

    const left = await call(test.app, clerk, {
      method: 'POST',
      url: `/api/v1/queue/${entry?.id ?? ''}/leave`,
      payload: { version: entry?.version },
    });
    expect(left.statusCode, left.body).toBe(200);
    expect((await queueOf(clerk, unit)).waiting).toEqual([]);

    const again = await call(test.app, clerk, {
      method: 'POST',
      url: `/api/v1/queue/${entry?.id ?? ''}/leave`,
      payload: { version: entry?.version },
    });
    expect(again.statusCode).toBe(409);
  });

  it('takes a visitor out of the queue when their visit is closed', async () => {
    const unit = await createUnit(test.services);
    const clerk = await signedIn(test, { unitIds: [unit.id] });
    const contact = await arrives(unit, 'resident');
    await callNext(clerk, unit);
    const served = await call(test.app, clerk, {
      method: 'GET',
      url: `/api/v1/contacts/${contact.id}`,
    });
    const closed = await call(test.app, clerk, {
      method: 'POST',
      url: `/api/v1/contacts/${contact.id}/close`,
      payload: {
        outcome: 'Apkalpots',
        requests: Object.fromEntries(
          served.json<TContact>().requests.map((r) => [r.id, { decision: 'answered_at_desk' }]),
        ),
        version: served.json<TContact>().version,
      },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ queue: { state: 'done' } });
    expect((await queueOf(clerk, unit)).serving).toEqual([]);
  });

  it('shows a unit’s queue only to its people', async () => {
    const unit = await createUnit(test.services);
    const elsewhere = await createUnit(test.services);
    const stranger = await signedIn(test, { unitIds: [elsewhere.id] });
    const response = await call(test.app, stranger, {
      method: 'GET',
      url: `/api/v1/queue?unitId=${unit.id}`,
    });
    expect(response.statusCode).toBe(403);
  });
});
