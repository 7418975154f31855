import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rigaDateOf } from '../../domain/riga-time';
import { seedDemoIfEmpty } from '../runtime';
import { createTestApp, type TestApp } from '../testing/test-app';

// Friday 20 November 2026, 12:00 in Riga: two days after a public holiday (18 November).
const NOW = new Date('2026-11-20T10:00:00Z');

describe('the demo’s year of feedback', () => {
  let test: TestApp;
  const unitIds = new Map<string, string>();

  beforeAll(async () => {
    test = await createTestApp();
    test.clock.set(NOW);
    await seedDemoIfEmpty(test.services, test.database, test.clock);
    const units = await test.database.db.selectFrom('units').select(['id', 'name']).execute();
    for (const unit of units) unitIds.set(unit.name, unit.id);
  }, 300_000);
  afterAll(() => test.close());

  const db = () => test.database.db;

  it('has praise, complaints and suggestions on both centres, over the last twelve months', async () => {
    const counts = await db()
      .selectFrom('feedback_items')
      .select(['unit_id', 'kind', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['unit_id', 'kind'])
      .execute();
    for (const centre of ['Priedaines VPVKAC', 'Mežciema VPVKAC']) {
      for (const kind of ['praise', 'complaint', 'suggestion']) {
        const row = counts.find((c) => c.unit_id === unitIds.get(centre) && c.kind === kind);
        expect(Number(row?.n ?? 0), `${kind} at ${centre}`).toBeGreaterThan(0);
      }
    }
    const items = await db()
      .selectFrom('feedback_items')
      .select(['reference', 'received_at', 'channel', 'state', 'answered_at', 'answer_due_at'])
      .execute();
    expect(items.length).toBeGreaterThanOrEqual(120);
    expect(items.length).toBeLessThanOrEqual(200);
    const yearAgo = new Date(NOW.getTime() - 366 * 24 * 3_600_000);
    for (const item of items) {
      expect(item.reference).toMatch(/^ATS-20\d\d-\d{5}$/);
      expect(item.received_at.getTime()).toBeLessThan(NOW.getTime());
      expect(item.received_at.getTime()).toBeGreaterThan(yearAgo.getTime());
      if (item.answered_at) expect(item.answered_at.getTime()).toBeLessThan(NOW.getTime());
    }
    const channels = new Set(items.map((item) => item.channel));
    for (const channel of ['web_form', 'in_person', 'email', 'phone', 'letter', 'mobile_app']) {
      expect(channels.has(channel as never), channel).toBe(true);
    }
    // This month's last few are new; a couple are past their answer's due time.
    expect(items.filter((item) => item.state === 'new').length).toBeGreaterThanOrEqual(3);
    const overdue = items.filter(
      (item) =>
        (item.state === 'new' || item.state === 'evaluated') &&
        item.answer_due_at !== null &&
        item.answer_due_at.getTime() < NOW.getTime(),
    );
    expect(overdue.length).toBeGreaterThanOrEqual(2);
  });

  it('answers are due ten working days after receipt, counted past the holiday', async () => {
    const item = await db()
      .selectFrom('feedback_items')
      .select(['received_at', 'answer_due_on'])
      .where('answer_due_on', 'is not', null)
      .orderBy('received_at', 'desc')
      .executeTakeFirstOrThrow();
    const { due } = await test.services.calendar.deadlineFor(item.received_at, {
      channel: 'web_form',
      clientKind: 'external',
      caseType: null,
      policyCode: 'feedback-answer',
    });
    expect(item.answer_due_on).toBe(due);
  });

  it('has exactly one complaint before the Ethics commission, with its history, not yet overdue', async () => {
    const atEthics = await db()
      .selectFrom('feedback_items')
      .select(['id', 'kind', 'serious'])
      .where('escalation_level', '=', 'ethics')
      .execute();
    expect(atEthics).toHaveLength(1);
    expect(atEthics[0]?.kind).toBe('complaint');
    expect(atEthics[0]?.serious).toBe(true);
    const history = await db()
      .selectFrom('feedback_escalations')
      .selectAll()
      .where('feedback_id', '=', atEthics[0]?.id ?? '')
      .orderBy('opened_at')
      .execute();
    expect(history.map((level) => [level.level, level.outcome])).toEqual([
      ['manager', 'escalated'],
      ['head', 'escalated'],
      ['ethics', null],
    ]);
    expect(history.every((level) => level.reason)).toBe(true);
    expect(history[0]?.decision).toBeTruthy();
    expect(history[2]?.due_at.getTime()).toBeGreaterThan(NOW.getTime());
    expect(history[2]?.due_on).toBe(rigaDateOf(history[2]?.due_at ?? NOW));

    // Every open level is the item's level, and one level is open at a time.
    const open = await db()
      .selectFrom('feedback_escalations')
      .innerJoin('feedback_items', 'feedback_items.id', 'feedback_escalations.feedback_id')
      .select(['feedback_escalations.level', 'feedback_items.escalation_level'])
      .where('feedback_escalations.closed_at', 'is', null)
      .execute();
    expect(open).toEqual([{ level: 'ethics', escalation_level: 'ethics' }]);
    const resolved = await db()
      .selectFrom('feedback_escalations')
      .select(['level'])
      .where('outcome', '=', 'resolved')
      .execute();
    expect(resolved.map((r) => r.level).toSorted()).toEqual(['head', 'manager']);
  });

  it('has every answer on record: an e-mail one in its request with the letter sent, a call in its note', async () => {
    const answered = await db()
      .selectFrom('feedback_items')
      .selectAll()
      .where('answered_at', 'is not', null)
      .execute();
    expect(answered.filter((item) => item.email).length).toBeGreaterThanOrEqual(20);
    expect(answered.some((item) => !item.email && item.phone)).toBe(true);
    const requests = await db()
      .selectFrom('service_requests')
      .selectAll()
      .where(
        'id',
        'in',
        answered.flatMap((item) => (item.answer_request_id ? [item.answer_request_id] : [])),
      )
      .execute();
    const letters = await db()
      .selectFrom('outgoing_messages')
      .selectAll()
      .where(
        'request_id',
        'in',
        requests.map((request) => request.id),
      )
      .execute();
    const audit = await db()
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'feedback')
      .where(
        'entity_id',
        'in',
        answered.map((item) => item.id),
      )
      .execute();
    for (const item of answered) {
      const entries = audit.filter((entry) => entry.entity_id === item.id);
      const evaluated = entries.find((entry) => entry.action === 'evaluate');
      const answer = entries.find((entry) => entry.action === 'answer');
      expect(evaluated?.at.getTime(), item.reference).toBeLessThan(
        item.answered_at?.getTime() ?? 0,
      );
      expect(answer?.at, item.reference).toEqual(item.answered_at);
      if (!item.email) {
        expect(item.answer_request_id, item.reference).toBeNull();
        const note = (answer?.context as { note?: unknown } | null)?.note;
        expect(typeof note === 'string' && note.length > 0, item.reference).toBe(true);
        continue;
      }
      const request = requests.find((r) => r.id === item.answer_request_id);
      expect(request, item.reference).toMatchObject({
        channel: 'email',
        policy_code: 'feedback-answer',
        state: 'answered',
        due_on: item.answer_due_on,
        answered_at: item.answered_at,
      });
      const sent = letters.filter((letter) => letter.request_id === request?.id);
      expect(sent, item.reference).toHaveLength(1);
      expect(sent[0], item.reference).toMatchObject({ state: 'sent', recipient: item.email });
      expect(sent[0]?.subject, item.reference).toContain(item.reference);
      expect(answer?.after, item.reference).toMatchObject({
        channel: 'email',
        requestId: request?.id,
        messageId: sent[0]?.id,
      });
    }
  });

  it('classifies feedback by a small fixed set of topics, each used again and again', async () => {
    const topics = await db()
      .selectFrom('feedback_items')
      .select(['topic', (eb) => eb.fn.countAll<number>().as('n')])
      .where('topic', 'is not', null)
      .groupBy('topic')
      .execute();
    expect(topics.length).toBeGreaterThanOrEqual(5);
    expect(topics.length).toBeLessThanOrEqual(8);
    for (const topic of topics)
      expect(Number(topic.n), topic.topic ?? '').toBeGreaterThanOrEqual(5);
  });

  it('has improvement tasks in every state, one overdue, from feedback, a survey and an observation', async () => {
    const tasks = await db().selectFrom('improvement_tasks').selectAll().execute();
    expect(tasks.length).toBeGreaterThanOrEqual(6);
    expect(new Set(tasks.map((t) => t.state))).toEqual(
      new Set(['planned', 'in_progress', 'done', 'cancelled']),
    );
    const today = rigaDateOf(NOW);
    const overdue = tasks.filter(
      (t) => (t.state === 'planned' || t.state === 'in_progress') && t.due_on < today,
    );
    expect(overdue).toHaveLength(1);
    expect(tasks.some((t) => t.feedback_id)).toBe(true);
    expect(tasks.some((t) => t.survey_id && t.survey_wave_id && t.survey_factor)).toBe(true);
    expect(tasks.some((t) => !t.feedback_id && !t.survey_id)).toBe(true);
    for (const t of tasks.filter((t) => t.state === 'done' || t.state === 'cancelled')) {
      expect(t.outcome).toBeTruthy();
      expect(t.completed_at).not.toBeNull();
    }
  });

  it('misses one of last year’s reports among the units that serve external clients', async () => {
    const serving = await db()
      .selectFrom('units')
      .select(['id', 'name'])
      .where('serves_external_clients', '=', true)
      .execute();
    expect(serving.length).toBeGreaterThanOrEqual(2);
    const submitted = await db()
      .selectFrom('unit_reports')
      .select(['unit_id', 'figures'])
      .where('year', '=', 2025)
      .where('state', '=', 'submitted')
      .execute();
    const missing = serving.filter((unit) => !submitted.some((r) => r.unit_id === unit.id));
    expect(missing.map((unit) => unit.name)).toEqual(['Mežciema VPVKAC']);
    // Pre-filled from the records as the unit reports module counts them, and not all zeros:
    // last year's written answers are there, mostly in time, a few late.
    for (const report of submitted) {
      const counted = await test.services.control.yearOf(db(), report.unit_id, 2025);
      expect(report.figures).toEqual(counted);
      expect(counted.externalDue).toBeGreaterThanOrEqual(10);
      expect(counted.externalOnTime).toBeGreaterThan(counted.externalLate);
    }
    const main = submitted.find((r) => r.unit_id === unitIds.get('Priedaines VPVKAC'));
    expect(main?.figures.externalLate).toBeGreaterThan(0);
    const drafts = await db()
      .selectFrom('unit_reports')
      .select('id')
      .where('year', '=', 2026)
      .where('state', '=', 'draft')
      .execute();
    expect(drafts).toHaveLength(1);
  });

  it('has staff ideas to each addressee, in several states, answered where decided', async () => {
    const ideas = await db().selectFrom('staff_ideas').selectAll().execute();
    expect(ideas.length).toBeGreaterThanOrEqual(5);
    expect(new Set(ideas.map((i) => i.addressee))).toEqual(
      new Set(['manager', 'client_service_head', 'deputy_executive_director']),
    );
    expect(new Set(ideas.map((i) => i.author_id)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(ideas.map((i) => i.state)).size).toBeGreaterThanOrEqual(4);
    for (const idea of ideas.filter((i) => i.state !== 'submitted')) {
      expect(idea.response).toBeTruthy();
    }
  });

  it('gives the deputy executive director a demo account', async () => {
    const deputy = await db()
      .selectFrom('staff')
      .innerJoin('staff_roles', 'staff_roles.staff_id', 'staff.id')
      .select(['staff.position', 'staff_roles.role'])
      .where('staff.email', '=', 'deputy@example.lv')
      .execute();
    expect(deputy).toEqual([
      { position: 'Izpilddirektora vietnieks', role: 'deputy_executive_director' },
    ]);
  });
});
