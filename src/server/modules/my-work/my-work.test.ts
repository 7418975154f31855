import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TMyWork } from '../../../contracts/my-work.contracts';
import { systemContext } from '../../http/access';
import {
  call,
  createContact,
  createPerson,
  createTestApp,
  createUnit,
  signedIn,
  signIn,
  type Session,
  type TestApp,
} from '../../testing/test-app';

const ctx = systemContext('my-work-test');
// Thursday 5 March 2026, 11:00 in Riga: an email received now is due Tuesday 10 March.
const THURSDAY = '2026-03-05T09:00:00Z';
// Tuesday 10 March 2026, 11:00 in Riga: an email received now is due Friday 13 March.
const TUESDAY = '2026-03-10T09:00:00Z';
// Friday 13 March 2026, 10:00 in Riga: the day the start page is looked at.
const FRIDAY = '2026-03-13T08:00:00Z';

describe('my work: the start page', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp();
  });
  afterAll(() => test.close());
  beforeEach(() => test.clock.set(FRIDAY));

  const myWorkOf = async (session: Session | null) => {
    const response = await call(test.app, session, { method: 'GET', url: '/api/v1/my-work' });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<TMyWork>();
  };

  /** An email request of the unit received at the clock's time, owned by the person given. */
  async function emailRequest(unitId: string, ownerId: string | null, service: string) {
    const contact = await createContact(test.services, unitId, {
      channel: 'email',
      services: [{ service, ownerId }],
    });
    const request = contact.requests[0];
    if (!request) throw new Error('no request');
    return request;
  }

  it('shows a clerk their own work of the day, the queue of their centre and unread important news', async () => {
    const unit = await createUnit(test.services);
    const otherUnit = await createUnit(test.services);
    const clerk = await signedIn(test, { unitIds: [unit.id] });
    const colleague = await createPerson(test.services, { unitIds: [unit.id] });
    const head = await signedIn(test, { roles: ['unit_head'], unitIds: [unit.id] });

    test.clock.set(THURSDAY);
    await emailRequest(unit.id, clerk.person.id, 'Nokavēts iesniegums');
    test.clock.set(TUESDAY);
    await emailRequest(unit.id, clerk.person.id, 'Šodienas iesniegums');
    await emailRequest(unit.id, colleague.id, 'Kolēģa iesniegums');
    test.clock.set(FRIDAY);
    const referred = await emailRequest(unit.id, colleague.id, 'Pārsūtīts iesniegums');
    const refer = await call(test.app, head, {
      method: 'POST',
      url: `/api/v1/requests/${referred.id}/referral`,
      payload: { ownerId: clerk.person.id, note: 'Lūdzu, izskati', version: referred.version },
    });
    expect(refer.statusCode, refer.body).toBe(200);
    const promised = await emailRequest(unit.id, clerk.person.id, 'Solījums');
    const promise = await call(test.app, clerk, {
      method: 'POST',
      url: `/api/v1/requests/${promised.id}/commitments`,
      payload: { what: 'Piezvanīt klientam', dueAt: '2026-03-13T14:00:00Z', form: 'phone' },
    });
    expect(promise.statusCode, promise.body).toBe(201);
    const waiting = await createContact(test.services, unit.id, {
      queue: true,
      newClient: { kind: 'person', givenName: 'Anna', surname: 'Rinda' },
    });
    await createContact(test.services, otherUnit.id, { queue: true });
    const important = await test.services.news.create(ctx, {
      title: 'Svarīgi: jauna kārtība',
      bodyHtml: '<p>Lasiet</p>',
      important: true,
      unitId: unit.id,
    });
    await test.services.news.create(ctx, {
      title: 'Ikdienas ziņa',
      bodyHtml: '<p>Lasiet</p>',
      important: false,
      unitId: unit.id,
    });

    const work = await myWorkOf(clerk);

    expect(work).toMatchObject({ date: '2026-03-13', scope: 'mine' });
    expect(work.dueToday.count).toBe(1);
    expect(work.dueToday.items.map((r) => r.service)).toEqual(['Šodienas iesniegums']);
    expect(work.overdue.count).toBe(1);
    expect(work.overdue.items.map((r) => r.service)).toEqual(['Nokavēts iesniegums']);
    expect(work.referred.items.map((r) => r.service)).toEqual(['Pārsūtīts iesniegums']);
    expect(work.commitments.items.map((c) => c.what)).toEqual(['Piezvanīt klientam']);
    expect(work.queue.count).toBe(1);
    expect(work.queue.items.map((e) => e.contactId)).toEqual([waiting.id]);
    expect(work.news.count).toBe(1);
    expect(work.news.items.map((n) => n.id)).toEqual([important.id]);

    const read = await call(test.app, clerk, {
      method: 'POST',
      url: `/api/v1/news/${important.id}/read`,
    });
    expect(read.statusCode, read.body).toBeLessThan(300);
    expect((await myWorkOf(clerk)).news.count).toBe(0);
  });

  it('shows a unit head the work of their unit and the units below, not of other units', async () => {
    const unit = await createUnit(test.services);
    const child = await test.services.units.create(ctx, {
      institutionId: unit.institutionId,
      name: 'Apakšnodaļa',
      kind: 'department',
      parentId: unit.id,
    });
    const elsewhere = await createUnit(test.services);
    const head = await signedIn(test, { roles: ['unit_head'], unitIds: [unit.id] });
    const clerk = await createPerson(test.services, { unitIds: [child.id] });

    test.clock.set(TUESDAY);
    await emailRequest(child.id, clerk.id, 'Apakšnodaļas iesniegums');
    await emailRequest(unit.id, null, 'Nodaļas iesniegums');
    await emailRequest(elsewhere.id, null, 'Citas nodaļas iesniegums');
    test.clock.set(FRIDAY);

    const work = await myWorkOf(head);

    expect(work.scope).toBe('unit');
    expect(work.dueToday.count).toBe(2);
    expect(work.dueToday.items.map((r) => r.service).sort()).toEqual([
      'Apakšnodaļas iesniegums',
      'Nodaļas iesniegums',
    ]);
  });

  it('shows at most five of a section and counts them all', async () => {
    const unit = await createUnit(test.services);
    const clerk = await signedIn(test, { unitIds: [unit.id] });
    test.clock.set(TUESDAY);
    for (let n = 1; n <= 7; n += 1) await emailRequest(unit.id, clerk.person.id, `Iesniegums ${n}`);
    test.clock.set(FRIDAY);

    const work = await myWorkOf(clerk);

    expect(work.dueToday.count).toBe(7);
    expect(work.dueToday.items).toHaveLength(5);
  });

  it('is not for those who do not serve clients, nor for anyone signed out', async () => {
    const administrator = await signIn(
      test.app,
      await createPerson(test.services, { roles: ['administrator'] }),
    );
    const refused = await call(test.app, administrator, { method: 'GET', url: '/api/v1/my-work' });
    expect(refused.statusCode).toBe(403);
    const anonymous = await call(test.app, null, { method: 'GET', url: '/api/v1/my-work' });
    expect(anonymous.statusCode).toBe(401);
  });
});
