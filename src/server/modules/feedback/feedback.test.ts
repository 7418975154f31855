import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TFeedback, TFeedbackPage } from '../../../contracts/feedback.contracts';
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

describe('the feedback registry', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp();
  });
  afterAll(() => test.close());

  const register = (session: Session, body: Record<string, unknown>) =>
    call(test.app, session, {
      method: 'POST',
      url: '/api/v1/feedback',
      payload: {
        kind: 'complaint',
        channel: 'in_person',
        text: 'Nepieklājīga apkalpošana.',
        ...body,
      },
    });
  const get = (session: Session, id: string) =>
    call(test.app, session, { method: 'GET', url: `/api/v1/feedback/${id}` });
  const act = (session: Session, id: string, action: string, payload: Record<string, unknown>) =>
    call(test.app, session, {
      method: action === 'evaluation' || action === 'evaluator' ? 'PUT' : 'POST',
      url: `/api/v1/feedback/${id}/${action}`,
      payload,
    });
  const listOf = async (session: Session, query = '') => {
    const response = await call(test.app, session, {
      method: 'GET',
      url: `/api/v1/feedback?pageSize=100${query}`,
    });
    expect(response.statusCode).toBe(200);
    return response.json<TFeedbackPage>();
  };

  /**
   * A unit with a registrar, a unit head, and a unit head complained about; the client service
   * head, an Ethics commission member, and a specialist of another unit.
   */
  async function organisation() {
    const unit = await createUnit(test.services);
    const other = await createUnit(test.services);
    return {
      unit,
      registrar: await signedIn(test, { unitIds: [unit.id] }),
      unitHead: await signedIn(test, { roles: ['unit_head'], unitIds: [unit.id] }),
      accused: await signedIn(test, { roles: ['unit_head'], unitIds: [unit.id] }),
      head: await signedIn(test, { roles: ['client_service_head'] }),
      ethics: await signedIn(test, { roles: ['ethics_commission_member'] }),
      stranger: await signedIn(test, { roles: ['unit_head'], unitIds: [other.id] }),
    };
  }

  /** A complaint about `accused`, registered and evaluated with notes and actions. */
  async function evaluatedComplaint(org: Awaited<ReturnType<typeof organisation>>) {
    const registered = await register(org.registrar, {
      unitId: org.unit.id,
      staffId: org.accused.person.id,
      name: 'Pēteris Kalniņš',
      email: 'peteris@example.lv',
    });
    expect(registered.statusCode).toBe(201);
    const item = registered.json<TFeedback>();
    const evaluated = await act(org.head, item.id, 'evaluation', {
      topic: 'Attieksme',
      unitId: org.unit.id,
      staffId: org.accused.person.id,
      justified: true,
      serious: true,
      notes: 'Liecinieki apstiprina.',
      actions: 'Pārrunas ar darbinieku.',
      version: item.version,
    });
    expect(evaluated.statusCode).toBe(200);
    return evaluated.json<TFeedback>();
  }

  describe('registration', () => {
    it('registers feedback received in person, shown to its registrar in outline', async () => {
      const org = await organisation();
      const response = await register(org.registrar, {
        kind: 'praise',
        unitId: org.unit.id,
        text: 'Paldies par palīdzību!',
        phone: '+371 20000000',
      });
      expect(response.statusCode).toBe(201);
      const item = response.json<TFeedback>();
      expect(item).toMatchObject({
        view: 'outline',
        kind: 'praise',
        channel: 'in_person',
        state: 'new',
        unit: { id: org.unit.id },
        text: null,
        phone: null,
      });
      expect(item.reference).toMatch(/^ATS-\d{4}-\d{5}$/);
      const full = (await get(org.head, item.id)).json<TFeedback>();
      expect(full).toMatchObject({ view: 'full', text: 'Paldies par palīdzību!' });
      expect(full.answerDueOn).not.toBeNull();
    });

    it('refuses an auditor, and a person not of the named unit on staffId', async () => {
      const org = await organisation();
      const auditor = await signedIn(test, { roles: ['auditor'] });
      expect((await register(auditor, { unitId: org.unit.id })).statusCode).toBe(403);
      const response = await register(org.registrar, {
        unitId: org.unit.id,
        staffId: org.stranger.person.id,
      });
      expect(response.statusCode).toBe(400);
      expect(problemOf(response).errors?.[0]).toMatchObject({
        field: 'staffId',
        code: 'not_in_unit',
      });
    });

    it('turns a request into an item once, with its client’s contact and channel', async () => {
      const org = await organisation();
      const contact = await createContact(test.services, org.unit.id, {
        channel: 'email',
        newClient: {
          kind: 'person',
          givenName: 'Jānis',
          surname: 'Bērziņš',
          email: 'janis@example.lv',
        },
        services: ['Sūdzība par rindu'],
      });
      const request = contact.requests[0];
      if (!request) throw new Error('no request');
      const post = (session: Session) =>
        call(test.app, session, {
          method: 'POST',
          url: '/api/v1/feedback/from-request',
          payload: { requestId: request.id, kind: 'complaint' },
        });

      expect((await post(org.stranger)).statusCode).toBe(404);
      const first = await post(org.registrar);
      expect(first.statusCode).toBe(201);
      const item = (await get(org.head, first.json<TFeedback>().id)).json<TFeedback>();
      expect(item).toMatchObject({
        channel: 'email',
        unit: { id: org.unit.id },
        email: 'janis@example.lv',
        name: 'Jānis Bērziņš',
        sourceRequest: { id: request.id, number: request.number },
      });
      expect(item.text).toContain('Sūdzība par rindu');

      const second = await post(org.registrar);
      expect(second.statusCode).toBe(409);
      expect(problemOf(second).code).toBe('conflict');
      expect(problemOf(second).detail).toContain(item.reference);

      // The answer goes on the e-mail's own request, to the client's address.
      await act(org.head, item.id, 'evaluation', {
        topic: 'Rinda',
        unitId: org.unit.id,
        justified: false,
        serious: false,
        version: item.version,
      });
      const answered = await act(org.head, item.id, 'answer', { body: 'Paldies, izskatījām.' });
      expect(answered.statusCode).toBe(200);
      expect(answered.json<TFeedback>()).toMatchObject({
        state: 'answered',
        answerChannel: 'email',
        answerRequest: { id: request.id },
      });
      const letters = await test.database.db
        .selectFrom('outgoing_messages')
        .select(['recipient', 'channel', 'state'])
        .where('request_id', '=', request.id)
        .execute();
      expect(letters).toEqual([{ recipient: 'janis@example.lv', channel: 'email', state: 'due' }]);
    });
  });

  describe('search', () => {
    it('finds an item by what a clerk types without diacritics, and not by a word not in it', async () => {
      const org = await organisation();
      const registered = await register(org.registrar, {
        unitId: org.unit.id,
        name: 'Jānis Bērziņš',
        text: 'Rindā gaidīju divas stundas, darbiniece bija nepieklājīga.',
      });
      const item = registered.json<TFeedback>();
      await act(org.head, item.id, 'evaluation', {
        topic: 'Gaidīšana',
        unitId: org.unit.id,
        justified: true,
        serious: false,
        version: item.version,
      });
      const found = async (q: string) =>
        (await listOf(org.head, `&q=${encodeURIComponent(q)}`)).items.map((i) => i.id);

      expect(await found('berzins')).toContain(item.id);
      expect(await found('Janis rinda NEPIEKLAJIGA')).toContain(item.id);
      expect(await found('gaidisana')).toContain(item.id);
      expect(await found(item.reference)).toContain(item.id);
      expect(await found(item.reference.slice(-5))).toContain(item.id);
      expect(await found('berzins pasts')).not.toContain(item.id);
      expect(await found('kalnins')).not.toContain(item.id);
    });
  });

  describe('attachments', () => {
    it('are downloaded by those who see the item in full, and missing for anyone else', async () => {
      const org = await organisation();
      // A plain clerk complained about: unlike a unit head, they see none of the complaint.
      const accused = await createPerson(test.services, { unitIds: [org.unit.id] });
      const pdf = Buffer.from('%PDF-1.4\n% Rindas talons\n');
      const { reference } = await test.services.feedback.submitPublic(
        {
          kind: 'complaint',
          unitId: org.unit.id,
          staffId: accused.id,
          text: 'Talons pielikumā.',
          language: 'lv',
        },
        {
          address: '198.51.100.7',
          attachments: [{ filename: 'talons ā.pdf', contentType: 'application/pdf', content: pdf }],
        },
      );
      const [found] = (await listOf(org.head, `&q=${encodeURIComponent(reference)}`)).items.filter(
        (i) => i.reference === reference,
      );
      const item = (await get(org.head, found?.id as string)).json<TFeedback>();
      const file = item.attachments[0];
      expect(file).toMatchObject({
        filename: 'talons ā.pdf',
        contentType: 'application/pdf',
        size: pdf.length,
      });
      const url = `/api/v1/feedback/${item.id}/attachments/${file?.id}`;
      const download = (session: Session) => call(test.app, session, { method: 'GET', url });

      const byHead = await download(org.head);
      expect(byHead.statusCode).toBe(200);
      expect(byHead.headers['content-type']).toBe('application/pdf');
      expect(byHead.headers['content-disposition']).toBe(
        `attachment; filename="talons _.pdf"; filename*=UTF-8''talons%20%C4%81.pdf`,
      );
      expect(byHead.rawPayload.equals(pdf)).toBe(true);
      expect((await download(org.unitHead)).statusCode).toBe(200);

      expect((await download(await signIn(test.app, accused))).statusCode).toBe(404);
      expect((await download(org.ethics)).statusCode).toBe(404);
      expect((await download(org.stranger)).statusCode).toBe(404);
      expect((await download(org.registrar)).statusCode).toBe(404);
      expect((await test.app.inject({ method: 'GET', url })).statusCode).toBe(401);
      const elsewhere = await call(test.app, org.head, {
        method: 'GET',
        url: `/api/v1/feedback/${item.id}/attachments/00000000-0000-4000-8000-000000000000`,
      });
      expect(elsewhere.statusCode).toBe(404);
    });
  });

  describe('the answer', () => {
    it('leaves as a letter in the outbox on a request of its own for the client', async () => {
      const org = await organisation();
      const item = await evaluatedComplaint(org);
      const response = await act(org.head, item.id, 'answer', { body: 'Atvainojamies.' });
      expect(response.statusCode).toBe(200);
      const answered = response.json<TFeedback>();
      expect(answered).toMatchObject({ state: 'answered', answerChannel: 'email' });
      const requestId = answered.answerRequest?.id as string;
      const request = await test.database.db
        .selectFrom('service_requests')
        .select(['case_type', 'channel', 'state'])
        .where('id', '=', requestId)
        .executeTakeFirstOrThrow();
      expect(request).toEqual({ case_type: 'feedback', channel: 'email', state: 'answered' });
      const letters = await test.database.db
        .selectFrom('outgoing_messages')
        .select(['recipient', 'channel', 'subject'])
        .where('request_id', '=', requestId)
        .execute();
      expect(letters).toEqual([
        {
          recipient: 'peteris@example.lv',
          channel: 'email',
          subject: `Atbilde uz jūsu atsauksmi ${item.reference}`,
        },
      ]);
    });

    it('is noted as by phone with only a phone number, and refused without any contact', async () => {
      const org = await organisation();
      const byPhone = (
        await register(org.registrar, { unitId: org.unit.id, phone: '+371 29999999' })
      ).json<TFeedback>();
      const anonymous = (await register(org.registrar, { unitId: org.unit.id })).json<TFeedback>();
      for (const item of [byPhone, anonymous]) {
        await act(org.head, item.id, 'evaluation', {
          topic: 'Cits',
          unitId: org.unit.id,
          justified: false,
          serious: false,
          version: item.version,
        });
      }
      const phoned = await act(org.head, byPhone.id, 'answer', { body: 'Piezvanīju 12.03.' });
      expect(phoned.json<TFeedback>()).toMatchObject({
        state: 'answered',
        answerChannel: 'phone',
        answerRequest: null,
      });
      const refused = await act(org.head, anonymous.id, 'answer', { body: 'Nav kam atbildēt.' });
      expect(refused.statusCode).toBe(409);
      expect(problemOf(refused).detail).toContain('kontakt');
    });
  });

  describe('visibility per role', () => {
    it('shows each their part, and the person complained about never the notes', async () => {
      const org = await organisation();
      const item = await evaluatedComplaint(org);
      const escalated = await act(org.head, item.id, 'escalate', { reason: 'Nopietns pārkāpums' });
      expect(escalated.statusCode).toBe(200);
      const resolved = await act(org.unitHead, item.id, 'resolve', { decision: 'Rājiens.' });
      expect(resolved.statusCode).toBe(200);

      const seen = async (session: Session) =>
        get(org.head, item.id).then(() => get(session, item.id));
      const head = (await seen(org.head)).json<TFeedback>();
      expect(head).toMatchObject({
        evaluationNotes: 'Liecinieki apstiprina.',
        actions: 'Pārrunas ar darbinieku.',
      });
      expect(head.escalations[0]).toMatchObject({ level: 'manager', decision: 'Rājiens.' });

      const unitHead = (await seen(org.unitHead)).json<TFeedback>();
      expect(unitHead).toMatchObject({ view: 'full', evaluationNotes: 'Liecinieki apstiprina.' });

      const accused = await seen(org.accused);
      expect(accused.statusCode).toBe(200);
      expect(accused.json<TFeedback>()).toMatchObject({
        view: 'full',
        text: 'Nepieklājīga apkalpošana.',
        evaluationNotes: null,
        actions: null,
      });
      expect(accused.json<TFeedback>().escalations[0]).toMatchObject({ decision: null });
      expect(accused.body).not.toContain('Liecinieki');
      expect(accused.body).not.toContain('Rājiens');

      const registrar = (await seen(org.registrar)).json<TFeedback>();
      expect(registrar).toMatchObject({ view: 'outline', text: null, evaluationNotes: null });

      expect((await seen(org.stranger)).statusCode).toBe(404);
      expect((await seen(org.ethics)).statusCode).toBe(404);
      expect((await listOf(org.ethics)).items.map((i) => i.id)).not.toContain(item.id);
      expect((await listOf(org.stranger)).items.map((i) => i.id)).not.toContain(item.id);
      expect((await listOf(org.unitHead)).items.map((i) => i.id)).toContain(item.id);
    });

    it('shows an Ethics commission member only what reached the commission, without notes', async () => {
      const org = await organisation();
      const reached = await evaluatedComplaint(org);
      const kept = await evaluatedComplaint(org);
      for (const level of ['manager', 'head', 'ethics']) {
        const response = await act(org.head, reached.id, 'escalate', { reason: `Uz ${level}` });
        expect(response.statusCode).toBe(200);
        expect(response.json<TFeedback>().escalationLevel).toBe(level);
      }
      const above = await act(org.head, reached.id, 'escalate', { reason: 'Vēl augstāk' });
      expect(above.statusCode).toBe(409);

      const seen = (await get(org.ethics, reached.id)).json<TFeedback>();
      expect(seen).toMatchObject({
        view: 'full',
        text: 'Nepieklājīga apkalpošana.',
        evaluationNotes: null,
        escalationLevel: 'ethics',
      });
      expect(seen.escalations.map((e) => [e.level, e.outcome])).toEqual([
        ['manager', 'escalated'],
        ['head', 'escalated'],
        ['ethics', null],
      ]);
      expect(seen.abilities).toMatchObject({ resolve: true, escalate: false, evaluate: false });
      expect((await get(org.ethics, kept.id)).statusCode).toBe(404);
      const list = await listOf(org.ethics);
      expect(list.items.map((i) => i.id)).toContain(reached.id);
      expect(list.items.map((i) => i.id)).not.toContain(kept.id);

      const decided = await act(org.ethics, reached.id, 'resolve', {
        decision: 'Ētikas kodekss pārkāpts.',
      });
      expect(decided.json<TFeedback>()).toMatchObject({ escalationLevel: null });
      const accused = (await get(org.accused, reached.id)).json<TFeedback>();
      expect(accused.escalations.every((e) => e.decision === null)).toBe(true);
    });

    it('lets a delegate evaluate the item handed to them, and nobody else of their rank', async () => {
      const org = await organisation();
      const item = (await register(org.registrar, { unitId: org.unit.id })).json<TFeedback>();
      const delegate = await signedIn(test, { unitIds: [org.unit.id] });
      const evaluation = {
        topic: 'Rinda',
        unitId: org.unit.id,
        justified: true,
        serious: false,
      };
      expect(
        (await act(delegate, item.id, 'evaluation', { ...evaluation, version: item.version }))
          .statusCode,
      ).toBe(404);
      const handed = await act(org.head, item.id, 'evaluator', { staffId: delegate.person.id });
      expect(handed.statusCode).toBe(200);
      const done = await act(delegate, item.id, 'evaluation', {
        ...evaluation,
        version: handed.json<TFeedback>().version,
      });
      expect(done.statusCode).toBe(200);
      expect(done.json<TFeedback>()).toMatchObject({ state: 'evaluated', topic: 'Rinda' });
      expect((await act(org.unitHead, item.id, 'evaluator', { staffId: null })).statusCode).toBe(
        403,
      );
    });
  });

  describe('escalation by deadline', () => {
    it('passes an unresolved level on at its deadline, counted past the Easter holidays', async () => {
      // Thursday 25 March 2027, 10:00 in Riga: Good Friday and Easter Monday follow.
      test.clock.set('2027-03-25T08:00:00Z');
      const org = await organisation();
      const item = await evaluatedComplaint(org);
      const opened = await act(org.head, item.id, 'escalate', { reason: 'Nopietns' });
      const manager = opened.json<TFeedback>().escalations[0];
      // Five working days: 30 and 31 March, 1, 2 and 5 April (not 26 and 29 March).
      expect(manager).toMatchObject({
        level: 'manager',
        dueOn: '2027-04-05',
        unit: { id: org.unit.id },
      });

      const levelAt = async (instant: string) => {
        await test.services.feedback.escalateOverdue(new Date(instant));
        return (await get(org.head, item.id)).json<TFeedback>();
      };
      // On 1 April, when it would be due without the holidays, it stays.
      expect((await levelAt('2027-04-01T20:00:00Z')).escalationLevel).toBe('manager');
      // Just before the office closes on 5 April, it stays.
      const dueAt = new Date(manager?.dueAt as string);
      const before = new Date(dueAt.getTime() - 60_000).toISOString();
      expect((await levelAt(before)).escalationLevel).toBe('manager');

      const after = await levelAt(new Date(dueAt.getTime() + 60_000).toISOString());
      expect(after.escalationLevel).toBe('head');
      expect(after.escalations.map((e) => [e.level, e.outcome])).toEqual([
        ['manager', 'overdue'],
        ['head', null],
      ]);
      expect(after.escalations[1]?.openedAt).toBe(dueAt.toISOString());
      // A second run finds nothing left to do.
      expect(
        await test.services.feedback.escalateOverdue(new Date(dueAt.getTime() + 120_000)),
      ).toBe(0);

      // The head's ten working days pass too; the Ethics level then stays open, shown overdue.
      const headDue = new Date(after.escalations[1]?.dueAt as string);
      const atEthics = await levelAt(new Date(headDue.getTime() + 60_000).toISOString());
      expect(atEthics.escalations.map((e) => [e.level, e.outcome])).toEqual([
        ['manager', 'overdue'],
        ['head', 'overdue'],
        ['ethics', null],
      ]);
      const ethicsDue = new Date(atEthics.escalations[2]?.dueAt as string);
      test.clock.set(new Date(ethicsDue.getTime() + 60_000));
      await test.services.feedback.escalateOverdue();
      const head = await signIn(test.app, org.head.person);
      const late = (await get(head, item.id)).json<TFeedback>();
      expect(late.escalationLevel).toBe('ethics');
      expect(late.escalations[2]).toMatchObject({ closedAt: null, overdue: true });
      test.clock.set('2026-03-10T09:00:00Z');
    });
  });

  it('answers a person who signs in anew as the same viewer (sessions are not the key)', async () => {
    const org = await organisation();
    const item = await evaluatedComplaint(org);
    const again = await signIn(test.app, org.accused.person);
    expect((await get(again, item.id)).json<TFeedback>().evaluationNotes).toBeNull();
    const person = await createPerson(test.services, { unitIds: [org.unit.id] });
    expect((await get(await signIn(test.app, person), item.id)).statusCode).toBe(404);
  });
});
