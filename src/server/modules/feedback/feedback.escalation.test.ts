import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { TFeedback } from '../../../contracts/feedback.contracts';
import { createArgon2Hasher } from '../../adapters/password-hasher';
import { buildApp } from '../../app';
import { call, createPerson, createUnit, signIn } from '../../testing/test-app';
import { createTestClock } from '../../testing/test-clock';
import { openTestDatabaseTwice } from '../../testing/test-database';

// Several server processes (decision 38) each run the jobs, so two escalation runs can meet over
// the same overdue complaints. Here they are two instances of the product with pools of their
// own on PostgreSQL (on PGlite one database serves both, one statement at a time).
const hasher = createArgon2Hasher({ memoryCost: 1024, timeCost: 1 });
const COMPLAINTS = 20;

describe('two escalation runs at once', () => {
  const clock = createTestClock('2026-03-10T08:00:00Z');
  let instances: Awaited<ReturnType<typeof openTestDatabaseTwice>>;
  let first: Awaited<ReturnType<typeof buildApp>>;
  let second: Awaited<ReturnType<typeof buildApp>>;

  beforeAll(async () => {
    instances = await openTestDatabaseTwice(inject('testDatabase'));
    first = await buildApp({ database: instances.first, clock, hasher });
    second = await buildApp({ database: instances.second, clock, hasher });
    await Promise.all([first.app.ready(), second.app.ready()]);
  });
  afterAll(async () => {
    await Promise.all([first.app.close(), second.app.close()]);
    await instances.close();
  });

  /** Complaints about a person of a new unit, each escalated to their direct manager by the head. */
  async function escalatedComplaints(count: number) {
    const unit = await createUnit(first.services);
    const accused = await createPerson(first.services, { unitIds: [unit.id] });
    const head = await signIn(
      first.app,
      await createPerson(first.services, { roles: ['client_service_head'] }),
    );
    const items: TFeedback[] = [];
    for (let index = 0; index < count; index++) {
      const registered = await call(first.app, head, {
        method: 'POST',
        url: '/api/v1/feedback',
        payload: {
          kind: 'complaint',
          channel: 'in_person',
          unitId: unit.id,
          staffId: accused.id,
          text: `Nepieklājīga apkalpošana ${index}.`,
        },
      });
      expect(registered.statusCode).toBe(201);
      const escalated = await call(first.app, head, {
        method: 'POST',
        url: `/api/v1/feedback/${registered.json<TFeedback>().id}/escalate`,
        payload: { reason: 'Nopietns pārkāpums' },
      });
      expect(escalated.statusCode).toBe(200);
      items.push(escalated.json<TFeedback>());
    }
    const managerDue = new Date(items[0]?.escalations[0]?.dueAt as string);
    return { head, ids: items.map((item) => item.id), managerDue };
  }

  const historyOf = async (ids: readonly string[]) => {
    const levels = await instances.first.db
      .selectFrom('feedback_escalations')
      .select(['feedback_id', 'level', 'outcome', 'opened_at'])
      .where('feedback_id', 'in', [...ids])
      .orderBy('opened_at')
      .execute();
    return (id: string) => levels.filter((level) => level.feedback_id === id);
  };

  it('pass each overdue complaint on exactly one level, with one history entry each', async () => {
    const { ids, managerDue } = await escalatedComplaints(COMPLAINTS);
    // A minute past the direct manager's deadline; the heads' ten working days are far off.
    const at = new Date(managerDue.getTime() + 60_000);

    const passed = await Promise.all([
      first.services.feedback.escalateOverdue(at),
      second.services.feedback.escalateOverdue(at),
    ]);
    expect(passed[0] + passed[1]).toBe(COMPLAINTS);

    const db = instances.first.db;
    const levels = await historyOf(ids);
    for (const id of ids) {
      const history = levels(id);
      expect(history.map((level) => [level.level, level.outcome])).toEqual([
        ['manager', 'overdue'],
        ['head', null],
      ]);
      expect(new Date(history[1]?.opened_at as Date).toISOString()).toBe(managerDue.toISOString());
    }
    const states = await db
      .selectFrom('feedback_items')
      .select('escalation_level')
      .where('id', 'in', ids)
      .execute();
    expect(states.map((row) => row.escalation_level)).toEqual(ids.map(() => 'head'));
    const audited = await db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('action', '=', 'escalate-overdue')
      .where('entity_id', 'in', ids)
      .execute();
    expect(audited.map((row) => row.entity_id).sort()).toEqual([...ids].sort());

    // Run again together at the same instant, they find nothing left to pass on.
    expect(
      await Promise.all([
        first.services.feedback.escalateOverdue(at),
        second.services.feedback.escalateOverdue(at),
      ]),
    ).toEqual([0, 0]);
  });

  it('and a head resolving the same complaints meanwhile: each is resolved or passed on, never both', async () => {
    const { head, ids, managerDue } = await escalatedComplaints(COMPLAINTS);
    const at = new Date(managerDue.getTime() + 60_000);
    clock.set(at);
    // The head resolves through the second instance while the first runs the job.
    const secondHead = await signIn(second.app, head.person);
    const [passed, ...resolved] = await Promise.all([
      first.services.feedback.escalateOverdue(at),
      ...ids.map((id) =>
        call(second.app, secondHead, {
          method: 'POST',
          url: `/api/v1/feedback/${id}/resolve`,
          payload: { decision: 'Pārrunāts ar darbinieku.' },
        }),
      ),
    ]);
    expect(resolved.map((response) => response.statusCode)).toEqual(ids.map(() => 200));

    const levels = await historyOf(ids);
    const histories = ids.map((id) => levels(id).map((level) => [level.level, level.outcome]));
    for (const history of histories) {
      expect([
        [['manager', 'resolved']],
        [
          ['manager', 'overdue'],
          ['head', 'resolved'],
        ],
      ]).toContainEqual(history);
    }
    expect(histories.filter((history) => history.length === 2)).toHaveLength(passed);
    clock.set('2026-03-10T08:00:00Z');
  });
});
