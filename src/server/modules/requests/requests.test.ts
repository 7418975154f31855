import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TContact } from '../../../contracts/contacts.contracts';
import type {
  TOutOfSight,
  TRequestDetail,
  TRequestPage,
} from '../../../contracts/requests.contracts';
import type { TUnit } from '../../../contracts/units.contracts';
import { systemContext } from '../../http/access';
import {
  call,
  createContact,
  createPerson,
  createTestApp,
  createUnit,
  fieldErrorsOf,
  problemOf,
  signedIn,
  signIn,
  type Session,
  type TestApp,
  requestDesk,
} from '../../testing/test-app';

const ctx = systemContext('requests-test');
// The test clock stands at Tuesday 10 March 2026, 11:00 in Riga.
const TUESDAY = '2026-03-10T09:00:00Z';

describe('service requests', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp();
  });
  afterAll(() => test.close());
  beforeEach(() => test.clock.set(TUESDAY));

  const desk = (service?: string) => requestDesk(test, service);

  const open = (session: Session, id: string) =>
    call(test.app, session, { method: 'GET', url: `/api/v1/requests/${id}` });

  const listOf = async (session: Session, query: string) => {
    const response = await call(test.app, session, {
      method: 'GET',
      url: `/api/v1/requests?${query}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<TRequestPage>();
  };

  const post = (session: Session, url: string, payload: Record<string, unknown>) =>
    call(test.app, session, { method: 'POST', url, payload });

  describe('deadlines', () => {
    it('gives an external written request three working days and an internal one one', async () => {
      const unit = await createUnit(test.services);
      const colleague = await createPerson(test.services, { unitIds: [unit.id] });
      const external = await createContact(test.services, unit.id, { channel: 'email' });
      const internal = await createContact(test.services, unit.id, {
        channel: 'email',
        newClient: { kind: 'internal', staffId: colleague.id },
      });

      expect(external.requests[0]).toMatchObject({ dueOn: '2026-03-13', clientKind: 'external' });
      expect(internal.requests[0]).toMatchObject({ dueOn: '2026-03-11', clientKind: 'internal' });
    });

    it('counts a message received after closing hours from the next working day', async () => {
      test.clock.set('2026-03-13T17:30:00Z'); // Friday 19:30 in Riga
      const unit = await createUnit(test.services);

      const contact = await createContact(test.services, unit.id, { channel: 'email' });

      // Counting starts on Monday 16 March: Thursday 19 March is the third working day.
      expect(contact.requests[0]?.dueOn).toBe('2026-03-19');
    });

    it('gives a formal submission ten working days under the Law on Submissions', async () => {
      const unit = await createUnit(test.services);
      const contact = await createContact(test.services, unit.id, {
        channel: 'e_address',
        services: [{ service: 'Iesniegums', kind: 'application', caseType: 'submission' }],
      });
      const detail = await test.services.requests.get(ctx, contact.requests[0]?.id ?? '');
      expect(detail).toMatchObject({ dueOn: '2026-03-24', policyCode: 'submission-answer' });
    });
  });

  describe('work lists', () => {
    it('shows a specialist the requests of their unit and their own, and nobody else’s', async () => {
      const { clerk, request } = await desk();
      const elsewhere = await createUnit(test.services);
      const stranger = await signedIn(test, { unitIds: [elsewhere.id] });
      const head = await signedIn(test, { roles: ['client_service_head'] });

      expect((await listOf(clerk, 'list=unit')).items.map((r) => r.id)).toEqual([request.id]);
      expect((await open(clerk, request.id)).statusCode).toBe(200);
      expect((await listOf(stranger, 'list=all')).items.map((r) => r.id)).not.toContain(request.id);
      expect((await open(stranger, request.id)).statusCode).toBe(404);
      expect((await open(head, request.id)).statusCode).toBe(200);
    });

    it('lists mine, due today, overdue and waiting as the clock moves', async () => {
      const scene = await desk();
      const { request, unit } = scene;
      let clerk = scene.clerk;
      const taken = await post(clerk, `/api/v1/requests/${request.id}/state`, {
        state: 'in_progress',
        version: request.version,
      });
      expect(taken.json()).toMatchObject({ owner: { id: clerk.person.id } });
      const ids = async (list: string) =>
        (await listOf(clerk, `list=${list}&unitId=${unit.id}`)).items.map((r) => r.id);

      expect(await ids('mine')).toEqual([request.id]);
      expect(await ids('due-today')).toEqual([]);

      // Days pass; the clerk signs in again each morning.
      test.clock.set('2026-03-13T08:00:00Z'); // the due day
      clerk = await signIn(test.app, clerk.person);
      expect(await ids('due-today')).toEqual([request.id]);
      expect(await ids('overdue')).toEqual([]);

      test.clock.set('2026-03-16T08:00:00Z'); // the Monday after
      clerk = await signIn(test.app, clerk.person);
      expect(await ids('overdue')).toEqual([request.id]);
      const page = await listOf(clerk, 'list=overdue');
      expect(page.items.find((r) => r.id === request.id)).toMatchObject({ overdue: true });

      const waiting = await post(clerk, `/api/v1/requests/${request.id}/state`, {
        state: 'waiting_client',
        version: request.version + 1,
      });
      expect(waiting.statusCode, waiting.body).toBe(200);
      expect(await ids('waiting')).toEqual([request.id]);
    });

    it('finds requests by the client’s name typed without diacritics, and by number', async () => {
      const { clerk, request } = await desk('Pabalsta pieteikums');
      expect((await listOf(clerk, 'list=unit&q=berzins')).items.map((r) => r.id)).toEqual([
        request.id,
      ]);
      expect((await listOf(clerk, `list=unit&q=${request.number}`)).total).toBe(1);
      expect((await listOf(clerk, 'list=unit&q=nekas')).total).toBe(0);
    });

    it('sorts numbers past 999 999 in a year as numbers', async () => {
      await sql`select setval('service_request_number', 999998)`.execute(test.database.db);
      const unit = await createUnit(test.services);
      const clerk = await signedIn(test, { unitIds: [unit.id] });
      await createContact(test.services, unit.id, {
        channel: 'email',
        services: ['Pirmais', 'Otrais', 'Trešais'],
      });

      const descending = await listOf(clerk, 'list=unit&sort=number&order=desc');
      expect(descending.items.map((r) => r.number)).toEqual([
        '2026-1000001',
        '2026-1000000',
        '2026-999999',
      ]);
      const ascending = await listOf(clerk, 'list=unit&sort=number&order=asc');
      expect(ascending.items.map((r) => r.service)).toEqual(['Pirmais', 'Otrais', 'Trešais']);
    });

    it('finds older requests by the client’s new name, and after a merge by the name kept', async () => {
      const { unit, clerk, contact, request } = await desk();
      const head = await signedIn(test, { roles: ['client_service_head'], unitIds: [unit.id] });
      const clientId = contact.client?.id ?? '';
      const client = await call(test.app, clerk, {
        method: 'GET',
        url: `/api/v1/clients/${clientId}`,
      });
      const renamed = await call(test.app, clerk, {
        method: 'PATCH',
        url: `/api/v1/clients/${clientId}`,
        payload: { surname: 'Kalniņa', version: client.json<{ version: number }>().version },
      });
      expect(renamed.statusCode, renamed.body).toBe(200);
      const search = async (q: string) =>
        (await listOf(clerk, `list=unit&unitId=${unit.id}&q=${q}`)).items.map((r) => r.id);

      expect(await search('kalnina')).toEqual([request.id]);
      expect(await search('berzins')).toEqual([]);

      const keeper = await createContact(test.services, unit.id, {
        channel: 'email',
        newClient: { kind: 'person', givenName: 'Anna', surname: 'Ozoliņa' },
      });
      const merged = await call(test.app, head, {
        method: 'POST',
        url: `/api/v1/clients/${clientId}/merge`,
        payload: {
          intoId: keeper.client?.id,
          version: renamed.json<{ version: number }>().version,
        },
      });
      expect(merged.statusCode, merged.body).toBe(200);

      expect(await search('ozolina')).toEqual(
        expect.arrayContaining([request.id, keeper.requests[0]?.id]),
      );
      expect(await search('kalnina')).toEqual([]);
    });

    it('sorts and pages, and refuses a list it does not know', async () => {
      const unit = await createUnit(test.services);
      const clerk = await signedIn(test, { unitIds: [unit.id] });
      await createContact(test.services, unit.id, {
        channel: 'email',
        services: ['Pirmais', 'Otrais', 'Trešais'],
      });

      const first = await listOf(clerk, 'list=unit&sort=number&order=desc&pageSize=2');
      expect(first).toMatchObject({ total: 3, totalIsLowerBound: false, pageSize: 2 });
      expect(first.items.map((r) => r.service)).toEqual(['Trešais', 'Otrais']);
      const second = await listOf(clerk, 'list=unit&sort=number&order=desc&pageSize=2&page=2');
      expect(second.items.map((r) => r.service)).toEqual(['Pirmais']);
      expect(second.total).toBe(3);
      // A page past the end is empty and still says how many there are.
      const past = await listOf(clerk, 'list=unit&sort=number&order=desc&pageSize=2&page=5');
      expect(past).toMatchObject({ items: [], total: 3 });

      const wrong = await call(test.app, clerk, {
        method: 'GET',
        url: '/api/v1/requests?list=everything',
      });
      expect(wrong.statusCode).toBe(400);
      expect(fieldErrorsOf(wrong)).toEqual([{ field: 'list', code: 'invalid_value' }]);
    });

    it('is closed to those who do not serve clients', async () => {
      const admin = await signedIn(test, { roles: ['administrator'] });
      const response = await call(test.app, admin, { method: 'GET', url: '/api/v1/requests' });
      expect(response.statusCode).toBe(403);
    });
  });

  describe('states', () => {
    it('moves only as the state machine allows and says why not', async () => {
      const { clerk, request } = await desk();

      const answer = await post(clerk, `/api/v1/requests/${request.id}/state`, {
        state: 'answered',
        note: 'Atbilde nosūtīta e-pastā',
        version: request.version,
      });
      expect(answer.statusCode, answer.body).toBe(200);

      const back = await post(clerk, `/api/v1/requests/${request.id}/state`, {
        state: 'waiting_client',
        version: request.version + 1,
      });
      expect(back.statusCode).toBe(400);
      expect(fieldErrorsOf(back)).toEqual([{ field: 'state', code: 'invalid_transition' }]);
      // The clerk reads the states' names, not their codes.
      expect(problemOf(back).errors?.[0]?.message).toBe(
        'Pieprasījumu nevar pārvietot no stāvokļa „Atbildēts” uz „Gaida klientu”.',
      );
      const detail = (await open(clerk, request.id)).json<TRequestDetail>();
      expect(detail.state).toBe('answered');
      expect(detail.answeredAt).not.toBeNull();
      expect(detail.nextStates).toEqual(expect.arrayContaining(['closed', 'in_progress']));
      expect(detail.timeline.map((e) => e.kind)).toEqual(['created', 'state']);
    });

    it('refuses the second of two clerks saving the same version', async () => {
      const { clerk, unit, request } = await desk();
      const colleague = await signedIn(test, { unitIds: [unit.id] });
      const first = await call(test.app, clerk, {
        method: 'PATCH',
        url: `/api/v1/requests/${request.id}`,
        payload: { service: 'Deklarēšana (labots)', version: request.version },
      });
      const second = await call(test.app, colleague, {
        method: 'PATCH',
        url: `/api/v1/requests/${request.id}`,
        payload: { service: 'Cits nosaukums', version: request.version },
      });

      expect(first.statusCode).toBe(200);
      expect(second.statusCode).toBe(409);
      expect(problemOf(second).code).toBe('version_conflict');
      expect((await open(clerk, request.id)).json()).toMatchObject({
        service: 'Deklarēšana (labots)',
      });
    });
  });

  describe('referral', () => {
    it('moves the request to a competent colleague, who is told, and keeps the due date', async () => {
      const { clerk, request } = await desk();
      const otherUnit = await createUnit(test.services);
      const expert = await createPerson(test.services, { unitIds: [otherUnit.id] });
      const expertSession = await signIn(test.app, expert);

      const referred = await post(clerk, `/api/v1/requests/${request.id}/referral`, {
        ownerId: expert.id,
        note: 'Būvniecības jautājums, lūdzu atbildēt',
        version: request.version,
      });

      expect(referred.statusCode, referred.body).toBe(200);
      expect(referred.json()).toMatchObject({
        owner: { id: expert.id },
        unit: { id: otherUnit.id },
        dueOn: request.dueOn,
        referred: true,
      });
      const counts = await call(test.app, expertSession, {
        method: 'GET',
        url: '/api/v1/requests/counts',
      });
      expect(counts.json()).toMatchObject({ referred: 1, mine: 1 });
      expect((await listOf(expertSession, 'list=referred')).items.map((r) => r.id)).toEqual([
        request.id,
      ]);
      const detail = (await open(expertSession, request.id)).json<TRequestDetail>();
      expect(detail.timeline.at(-1)).toMatchObject({
        kind: 'referral',
        actor: { id: clerk.person.id },
        data: { toOwner: expert.id, note: 'Būvniecības jautājums, lūdzu atbildēt' },
      });
      // It left the clerk's unit, so the clerk no longer sees it.
      expect((await open(clerk, request.id)).statusCode).toBe(404);
    });

    it('needs a note, and a colleague or a unit', async () => {
      const { clerk, request } = await desk();
      const withoutNote = await post(clerk, `/api/v1/requests/${request.id}/referral`, {
        unitId: request.unit.id,
        version: request.version,
      });
      expect(fieldErrorsOf(withoutNote)).toEqual([{ field: 'note', code: 'required' }]);

      const toNobody = await post(clerk, `/api/v1/requests/${request.id}/referral`, {
        note: 'Lūdzu izskatīt',
        version: request.version,
      });
      expect(toNobody.statusCode).toBe(400);
      expect(fieldErrorsOf(toNobody)).toEqual([{ field: 'ownerId', code: 'owner_or_unit' }]);
    });
  });

  describe('extension', () => {
    it('is refused without a reason, and changes nothing', async () => {
      const { clerk, request } = await desk();
      const response = await post(clerk, `/api/v1/requests/${request.id}/extension`, {
        dueOn: '2026-03-27',
        version: request.version,
      });
      expect(response.statusCode).toBe(400);
      expect(fieldErrorsOf(response)).toEqual([{ field: 'reason', code: 'required' }]);
      expect((await open(clerk, request.id)).json()).toMatchObject({ dueOn: '2026-03-13' });
    });

    it('refuses a date that is not later than the present one', async () => {
      const { clerk, request } = await desk();
      const response = await post(clerk, `/api/v1/requests/${request.id}/extension`, {
        dueOn: '2026-03-12',
        reason: 'Vajag vairāk laika',
        version: request.version,
      });
      expect(response.statusCode).toBe(400);
      expect(fieldErrorsOf(response)).toEqual([{ field: 'dueOn', code: 'due_not_later' }]);
    });

    it('refuses a date already past, and a day the office does not work', async () => {
      const { clerk, request } = await desk();
      test.clock.set('2026-03-20T08:00:00Z'); // a week after the request fell due
      const session = await signIn(test.app, clerk.person);
      const extendTo = (dueOn: string) =>
        post(session, `/api/v1/requests/${request.id}/extension`, {
          dueOn,
          reason: 'Gaidām atzinumu',
          version: request.version,
        });

      expect(fieldErrorsOf(await extendTo('2026-03-18'))).toEqual([
        { field: 'dueOn', code: 'date_in_past' },
      ]);
      expect(fieldErrorsOf(await extendTo('2026-03-22'))).toEqual([
        { field: 'dueOn', code: 'not_a_working_day' },
      ]);
    });

    it('moves the date, shows it on the timeline and owes the client an explanation', async () => {
      const { clerk, request } = await desk();
      const response = await post(clerk, `/api/v1/requests/${request.id}/extension`, {
        dueOn: '2026-03-27',
        reason: 'Gaidām Valsts zemes dienesta atbildi',
        version: request.version,
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({ dueOn: '2026-03-27' });

      const detail = (await open(clerk, request.id)).json<TRequestDetail>();
      expect(detail.timeline.at(-1)).toMatchObject({
        kind: 'extension',
        data: { from: '2026-03-13', to: '2026-03-27' },
      });
      expect(detail.outgoingMessages).toHaveLength(1);
      expect(detail.outgoingMessages[0]).toMatchObject({ channel: 'email', state: 'due' });
      expect(detail.outgoingMessages[0]?.body).toContain('Gaidām Valsts zemes dienesta atbildi');
      expect(detail.outgoingMessages[0]?.body).toContain('27.03.2026');
    });
  });

  describe('links', () => {
    it('links related requests both ways, and not a request to itself', async () => {
      const { clerk, unit, request } = await desk();
      const other = await createContact(test.services, unit.id, { services: ['Cits'] });
      const relatedId = other.requests[0]?.id ?? '';

      const self = await post(clerk, `/api/v1/requests/${request.id}/links`, {
        relatedId: request.id,
      });
      expect(fieldErrorsOf(self)).toEqual([{ field: 'relatedId', code: 'link_to_itself' }]);

      const linked = await post(clerk, `/api/v1/requests/${request.id}/links`, { relatedId });
      expect(linked.statusCode, linked.body).toBe(204);
      expect((await open(clerk, relatedId)).json<TRequestDetail>().links).toEqual([
        expect.objectContaining({ id: request.id }),
      ]);

      const unlinked = await call(test.app, clerk, {
        method: 'DELETE',
        url: `/api/v1/requests/${request.id}/links/${relatedId}`,
      });
      expect(unlinked.statusCode).toBe(204);
      expect((await open(clerk, request.id)).json<TRequestDetail>().links).toEqual([]);
    });
  });

  describe('confidentiality', () => {
    it('records who opened a request with a person’s data, and the person can get that list', async () => {
      const { clerk, request } = await desk();
      const head = await signedIn(test, { roles: ['client_service_head'] });
      await open(clerk, request.id);

      const log = await call(test.app, head, {
        method: 'GET',
        url: `/api/v1/clients/${request.client?.id ?? ''}/access-log?format=json`,
      });
      expect(log.statusCode, log.body).toBe(200);
      expect(log.json()).toMatchObject({
        entries: [
          expect.objectContaining({ staffId: clerk.person.id, requestNumber: request.number }),
        ],
      });

      const csv = await call(test.app, head, {
        method: 'GET',
        url: `/api/v1/clients/${request.client?.id ?? ''}/access-log?format=csv`,
      });
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(csv.body.split('\r\n')[0]).toBe('at,staff,token,request');
      expect(csv.body).toContain(request.number);
    });

    it('does not let a specialist see who looked at a person’s data', async () => {
      const { clerk, request } = await desk();
      const response = await call(test.app, clerk, {
        method: 'GET',
        url: `/api/v1/clients/${request.client?.id ?? ''}/access-log`,
      });
      expect(response.statusCode).toBe(403);
    });

    it('lets the clerk who registered a request routed elsewhere see its number, not its content', async () => {
      const centre = await createUnit(test.services);
      const board = await createUnit(test.services);
      const clerk = await signedIn(test, { unitIds: [centre.id] });
      const registered = await post(clerk, '/api/v1/contacts', {
        channel: 'in_person',
        unitId: centre.id,
        newClient: { kind: 'person', givenName: 'Ieva', surname: 'Kalniņa' },
        requests: [
          { service: 'Dzīvesvietas deklarēšana', kind: 'application', unitId: centre.id },
          { service: 'E-adrese', kind: 'consultation', unitId: centre.id },
          { service: 'Būvatļauja', kind: 'application', unitId: board.id },
        ],
      });
      expect(registered.statusCode, registered.body).toBe(201);
      const contact = registered.json<TContact>();
      const clientId = contact.client?.id ?? '';
      // The clerk's view leaves out the request now in the building board's work.
      expect(contact.requests.map((r) => r.service)).toEqual([
        'Dzīvesvietas deklarēšana',
        'E-adrese',
      ]);
      // The board has another of the client's requests, which the clerk did not register.
      await createContact(test.services, board.id, { clientId, services: ['Ceļa zīme'] });

      const outOfSight = await call(test.app, clerk, {
        method: 'GET',
        url: `/api/v1/requests/out-of-sight?clientId=${clientId}`,
      });
      expect(outOfSight.statusCode, outOfSight.body).toBe(200);
      const seen = outOfSight.json<TOutOfSight>();
      expect(seen).toMatchObject({
        registeredByMe: [
          { service: 'Būvatļauja', unit: { id: board.id, name: board.name }, state: 'new' },
        ],
        others: 1,
      });
      // Number, service, unit and state: nothing of the client or the content.
      expect(Object.keys(seen.registeredByMe[0] ?? {}).sort()).toEqual([
        'id',
        'number',
        'service',
        'state',
        'unit',
      ]);
      const ofVisit = await call(test.app, clerk, {
        method: 'GET',
        url: `/api/v1/requests/out-of-sight?contactId=${contact.id}`,
      });
      expect(ofVisit.json<TOutOfSight>()).toMatchObject({
        registeredByMe: [{ service: 'Būvatļauja' }],
        others: 0,
      });
      // Its content stays closed to the clerk.
      expect((await open(clerk, seen.registeredByMe[0]?.id ?? '')).statusCode).toBe(404);

      const neither = await call(test.app, clerk, {
        method: 'GET',
        url: '/api/v1/requests/out-of-sight',
      });
      expect(fieldErrorsOf(neither)).toEqual([{ field: 'clientId', code: 'client_or_contact' }]);
    });
  });

  it('says which unit or institution is unknown', async () => {
    const unknown: Pick<TUnit, 'id'> = { id: '00000000-0000-4000-8000-000000000000' };
    const { clerk, unit } = await desk();
    const service = { service: 'Konsultācija', kind: 'consultation', unitId: unit.id };

    const wrongUnit = await post(clerk, '/api/v1/contacts', {
      channel: 'in_person',
      unitId: unknown.id,
      requests: [service],
    });
    expect(wrongUnit.statusCode).toBe(400);
    expect(fieldErrorsOf(wrongUnit)).toEqual([{ field: 'unitId', code: 'unknown_reference' }]);

    const wrongInstitution = await post(clerk, '/api/v1/contacts', {
      channel: 'in_person',
      unitId: unit.id,
      requests: [service, { ...service, institutionId: unknown.id }],
    });
    expect(wrongInstitution.statusCode).toBe(400);
    expect(fieldErrorsOf(wrongInstitution)).toEqual([
      { field: 'requests.1.institutionId', code: 'unknown_reference' },
    ]);
  });

  describe('catalogue', () => {
    async function catalogueService(name: string, extra: Record<string, unknown> = {}) {
      return test.services.catalogue.create(ctx, {
        name,
        kind: 'application',
        description: '',
        steps: [],
        documents: [],
        legalActs: [],
        relatedIds: [],
        ownerId: (await createPerson(test.services)).id,
        reviewOn: '2027-01-01',
        ...extra,
      });
    }

    it('takes the service from the catalogue and counts requests by it', async () => {
      const unit = await createUnit(test.services);
      const clerk = await signedIn(test, { unitIds: [unit.id] });
      const service = await catalogueService(`Bērna piedzimšanas pabalsts ${unit.id.slice(0, 8)}`);
      await createContact(test.services, unit.id, {
        services: [{ serviceId: service.id, service: 'ko klients teica', kind: 'application' }],
      });
      await createContact(test.services, unit.id, { services: ['Cits jautājums'] });

      const list = await listOf(clerk, `list=unit&serviceId=${service.id}`);
      expect(list.items.map((item) => [item.service, item.serviceId])).toEqual([
        [service.name, service.id],
      ]);
      const card = await call(test.app, clerk, {
        method: 'GET',
        url: `/api/v1/services/${service.id}`,
      });
      expect(card.json<{ requestCounts: unknown }>().requestCounts).toEqual({ open: 1, total: 1 });
    });

    it('refuses a service that is not in the catalogue, naming the request row', async () => {
      const unit = await createUnit(test.services);
      const clerk = await signedIn(test, { unitIds: [unit.id] });
      const response = await post(clerk, '/api/v1/contacts', {
        channel: 'in_person',
        unitId: unit.id,
        requests: [
          { service: 'A', kind: 'consultation', unitId: unit.id },
          {
            serviceId: '00000000-0000-4000-8000-000000000000',
            service: 'B',
            kind: 'consultation',
            unitId: unit.id,
          },
        ],
      });
      expect(response.statusCode).toBe(400);
      expect(fieldErrorsOf(response)).toEqual([
        { field: 'requests.1.serviceId', code: 'unknown_reference' },
      ]);
    });
  });
});
