import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TClientPage } from '../../../contracts/clients.contracts';
import type { TContact } from '../../../contracts/contacts.contracts';
import type { TRequestDetail, TRequestPage } from '../../../contracts/requests.contracts';
import { systemContext } from '../../http/access';
import {
  call,
  createContact,
  createTestApp,
  createUnit,
  fieldErrorsOf,
  problemOf,
  signedIn,
  uniquePersonalCode,
  type Session,
  type TestApp,
} from '../../testing/test-app';

const ctx = systemContext('contacts-test');

describe('contacts', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp();
  });
  afterAll(() => test.close());

  async function desk() {
    const unit = await createUnit(test.services);
    const clerk = await signedIn(test, { unitIds: [unit.id] });
    return { unit, clerk };
  }

  /** Every request of the contact settled the same way. */
  const settled = (contact: TContact, decision: 'answered_at_desk') =>
    Object.fromEntries(contact.requests.map((r) => [r.id, { decision }]));

  const register = (session: Session, body: Record<string, unknown>) =>
    call(test.app, session, { method: 'POST', url: '/api/v1/contacts', payload: body });

  const clientsNamed = async (session: Session, name: string) =>
    (
      await call(test.app, session, {
        method: 'GET',
        url: `/api/v1/clients?q=${encodeURIComponent(name)}`,
      })
    ).json<TClientPage>().total;

  describe('one visit, several services', () => {
    it('registers a new visitor with three services on one call, each its own request', async () => {
      const { unit, clerk } = await desk();
      const otherUnit = await createUnit(test.services);
      const personalCode = uniquePersonalCode();

      const response = await register(clerk, {
        channel: 'in_person',
        unitId: unit.id,
        reason: 'Pārcēlās uz novadu',
        newClient: { kind: 'person', givenName: 'Līga', surname: 'Ozoliņa', personalCode },
        requests: [
          { service: 'Dzīvesvietas deklarēšana', kind: 'application', unitId: unit.id },
          { service: 'E-adreses lietošana', kind: 'consultation', unitId: unit.id },
          {
            service: 'Bērna reģistrācija pirmsskolā',
            kind: 'application',
            unitId: otherUnit.id,
          },
        ],
      });

      expect(response.statusCode, response.body).toBe(201);
      const contact = response.json<TContact>();
      expect(contact).toMatchObject({
        channel: 'in_person',
        reason: 'Pārcēlās uz novadu',
        staff: { id: clerk.person.id },
        client: {
          displayName: 'Līga Ozoliņa',
          personalCodeMasked: `${personalCode.slice(0, 6)}-*****`,
        },
        closedAt: null,
        queue: null,
      });
      // The clerk sees the two requests of their unit; the third went to the other unit.
      expect(contact.requests.map((r) => r.service)).toEqual([
        'Dzīvesvietas deklarēšana',
        'E-adreses lietošana',
      ]);
      const all = await test.services.contacts.get(ctx, contact.id);
      expect(all.requests.map((r) => [r.service, r.kind, r.unit.id])).toEqual([
        ['Dzīvesvietas deklarēšana', 'application', unit.id],
        ['E-adreses lietošana', 'consultation', unit.id],
        ['Bērna reģistrācija pirmsskolā', 'application', otherUnit.id],
      ]);
      expect(new Set(all.requests.map((r) => r.number)).size).toBe(3);
    });

    it('saves nothing when one of the services is wrong, and names the row', async () => {
      const { unit, clerk } = await desk();
      const surname = `Nesaglabātā${Date.now()}`;

      const response = await register(clerk, {
        channel: 'in_person',
        unitId: unit.id,
        newClient: { kind: 'person', givenName: 'Ilze', surname },
        requests: [
          { service: 'Pirmais', kind: 'consultation', unitId: unit.id },
          { service: 'Otrais', kind: 'consultation', unitId: unit.id },
          {
            service: 'Trešais',
            kind: 'consultation',
            unitId: '00000000-0000-4000-8000-000000000000',
          },
        ],
      });

      expect(response.statusCode).toBe(400);
      expect(fieldErrorsOf(response)).toEqual([
        { field: 'requests.2.unitId', code: 'unknown_reference' },
      ]);
      expect(await clientsNamed(clerk, surname)).toBe(0);
    });

    it('names an empty service and a wrong kind in their rows', async () => {
      const { unit, clerk } = await desk();
      const response = await register(clerk, {
        channel: 'in_person',
        unitId: unit.id,
        requests: [
          { service: 'Labs', kind: 'consultation', unitId: unit.id },
          { service: '  ', kind: 'advice', unitId: unit.id },
        ],
      });
      expect(response.statusCode).toBe(400);
      expect(fieldErrorsOf(response)).toEqual(
        expect.arrayContaining([
          { field: 'requests.1.service', code: 'required' },
          { field: 'requests.1.kind', code: 'invalid_value' },
        ]),
      );
    });

    it('checks the personal code of a new client and says what is wrong with it', async () => {
      const { unit, clerk } = await desk();
      const valid = uniquePersonalCode();
      const wrongCheck = `${valid.slice(0, 11)}${(Number(valid.slice(11)) + 1) % 10}`;
      const cases: Array<[string, string]> = [
        ['12345', 'personal_code_format'],
        ['310290-12345', 'personal_code_date'],
        ['010190-52345', 'personal_code_century'],
        [wrongCheck, 'personal_code_check_digit'],
      ];
      for (const [personalCode, code] of cases) {
        const response = await register(clerk, {
          channel: 'in_person',
          unitId: unit.id,
          newClient: { kind: 'person', givenName: 'Pēteris', surname: 'Kļava', personalCode },
          requests: [{ service: 'Konsultācija', kind: 'consultation', unitId: unit.id }],
        });
        expect(fieldErrorsOf(response), personalCode).toEqual([
          { field: 'newClient.personalCode', code },
        ]);
      }
    });

    it('needs at least one service, and says a personal code is taken beside its field', async () => {
      const { unit, clerk } = await desk();
      const personalCode = uniquePersonalCode();
      await test.services.clients.create(ctx, {
        kind: 'person',
        givenName: 'Esošā',
        surname: 'Klienta',
        personalCode,
      });

      const none = await register(clerk, { channel: 'in_person', unitId: unit.id, requests: [] });
      expect(fieldErrorsOf(none)).toEqual([{ field: 'requests', code: 'too_few_items' }]);

      const taken = await register(clerk, {
        channel: 'in_person',
        unitId: unit.id,
        newClient: { kind: 'person', givenName: 'Cita', surname: 'Persona', personalCode },
        requests: [{ service: 'Konsultācija', kind: 'consultation', unitId: unit.id }],
      });
      expect(fieldErrorsOf(taken)).toEqual([
        { field: 'newClient.personalCode', code: 'personal_code_taken' },
      ]);
    });

    it('takes an anonymous quick consultation without a client', async () => {
      const { unit, clerk } = await desk();
      const response = await register(clerk, {
        channel: 'phone',
        unitId: unit.id,
        requests: [{ service: 'Darba laiks', kind: 'consultation', unitId: unit.id }],
      });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json()).toMatchObject({ client: null, clientKind: 'external' });
    });

    it('refuses an existing client and a new one at once', async () => {
      const { unit, clerk } = await desk();
      const client = await test.services.clients.create(ctx, {
        kind: 'person',
        givenName: 'Anna',
        surname: 'Liepa',
      });
      const response = await register(clerk, {
        channel: 'in_person',
        unitId: unit.id,
        clientId: client.id,
        newClient: { kind: 'person', givenName: 'Anna', surname: 'Liepa' },
        requests: [{ service: 'Konsultācija', kind: 'consultation', unitId: unit.id }],
      });
      expect(fieldErrorsOf(response)).toEqual([
        { field: 'newClient', code: 'client_or_new_client' },
      ]);
    });
  });

  describe('closing a visit', () => {
    it('records the outcome, the next steps told and the services offered, once', async () => {
      const { unit, clerk } = await desk();
      const contact = await createContact(test.services, unit.id);

      const closed = await call(test.app, clerk, {
        method: 'POST',
        url: `/api/v1/contacts/${contact.id}/close`,
        payload: {
          outcome: 'Deklarācija pieņemta',
          nextSteps: 'Apstiprinājumu saņemsiet e-adresē 3 darba dienu laikā',
          offeredServices: ['E-adreses lietošana'],
          requests: settled(contact, 'answered_at_desk'),
          version: contact.version,
        },
      });
      expect(closed.statusCode, closed.body).toBe(200);
      expect(closed.json()).toMatchObject({
        outcome: 'Deklarācija pieņemta',
        nextSteps: 'Apstiprinājumu saņemsiet e-adresē 3 darba dienu laikā',
        offeredServices: ['E-adreses lietošana'],
      });
      expect(closed.json<TContact>().closedAt).toBe(test.clock.now().toISOString());

      const again = await call(test.app, clerk, {
        method: 'POST',
        url: `/api/v1/contacts/${contact.id}/close`,
        payload: { outcome: 'Vēlreiz', version: closed.json<TContact>().version },
      });
      expect(again.statusCode).toBe(409);
      expect(problemOf(again).detail).toContain('jau ir noslēgts');
    });

    it('settles each request: one answered at the desk, one kept open for a colleague', async () => {
      const { unit, clerk } = await desk();
      const colleague = await signedIn(test, { unitIds: [unit.id] });
      const contact = await createContact(test.services, unit.id, {
        services: ['Kā iesniegt deklarāciju', { service: 'Dzīvesvietas deklarēšana' }],
      });
      const [consultation, application] = contact.requests;
      if (!consultation || !application) throw new Error('two requests expected');

      const closed = await call(test.app, clerk, {
        method: 'POST',
        url: `/api/v1/contacts/${contact.id}/close`,
        payload: {
          outcome: 'Izskaidrots; iesniegums pieņemts',
          requests: {
            [consultation.id]: { decision: 'answered_at_desk' },
            [application.id]: {
              decision: 'keep_open',
              ownerId: colleague.person.id,
              reason: 'Jāpārbauda ziņas reģistrā',
            },
          },
          version: contact.version,
        },
      });
      expect(closed.statusCode, closed.body).toBe(200);
      const byId = new Map(closed.json<TContact>().requests.map((r) => [r.id, r]));
      // Answered at the desk: closed, owned by the clerk who served, no longer counted as due.
      expect(byId.get(consultation.id)).toMatchObject({
        state: 'closed',
        owner: { id: clerk.person.id },
        overdue: false,
        dueToday: false,
      });
      // Kept open: owned by the colleague, with the reason on its timeline.
      expect(byId.get(application.id)).toMatchObject({
        state: 'new',
        owner: { id: colleague.person.id },
      });
      const kept = await call(test.app, colleague, {
        method: 'GET',
        url: `/api/v1/requests/${application.id}`,
      });
      expect(kept.json<TRequestDetail>().timeline.at(-1)).toMatchObject({
        kind: 'kept-open',
        data: { reason: 'Jāpārbauda ziņas reģistrā', toOwner: colleague.person.id },
      });
      const mine = await call(test.app, colleague, {
        method: 'GET',
        url: '/api/v1/requests?list=mine',
      });
      expect(mine.json<TRequestPage>().items.map((r) => r.id)).toEqual([application.id]);
    });

    it('keeps a request open for the clerk who served when no one else is named', async () => {
      const { unit, clerk } = await desk();
      const contact = await createContact(test.services, unit.id);
      const [request] = contact.requests;
      if (!request) throw new Error('a request expected');
      const closed = await call(test.app, clerk, {
        method: 'POST',
        url: `/api/v1/contacts/${contact.id}/close`,
        payload: {
          outcome: 'Jāprecizē',
          requests: { [request.id]: { decision: 'keep_open', reason: 'Atzvanīšu rīt' } },
          version: contact.version,
        },
      });
      expect(closed.statusCode, closed.body).toBe(200);
      expect(closed.json<TContact>().requests[0]).toMatchObject({
        state: 'new',
        owner: { id: clerk.person.id },
      });
    });

    it('refuses to close with a request left undecided or kept open without a reason', async () => {
      const { unit, clerk } = await desk();
      const contact = await createContact(test.services, unit.id, {
        services: ['Konsultācija', 'Iesniegums'],
      });
      const [first, second] = contact.requests;
      if (!first || !second) throw new Error('two requests expected');
      const close = (requests: Record<string, unknown>) =>
        call(test.app, clerk, {
          method: 'POST',
          url: `/api/v1/contacts/${contact.id}/close`,
          payload: { outcome: 'Izskaidrots', requests, version: contact.version },
        });

      const undecided = await close({ [first.id]: { decision: 'answered_at_desk' } });
      expect(undecided.statusCode).toBe(400);
      expect(fieldErrorsOf(undecided)).toEqual([
        { field: `requests.${second.id}`, code: 'request_undecided' },
      ]);
      expect(problemOf(undecided).errors?.[0]?.message).toContain(second.number);

      const noReason = await close({
        [first.id]: { decision: 'answered_at_desk' },
        [second.id]: { decision: 'keep_open' },
      });
      expect(fieldErrorsOf(noReason)).toEqual([
        { field: `requests.${second.id}.reason`, code: 'required' },
      ]);

      // Nothing changed: the visit is open and its requests as they were.
      const after = await call(test.app, clerk, {
        method: 'GET',
        url: `/api/v1/contacts/${contact.id}`,
      });
      expect(after.json<TContact>()).toMatchObject({ closedAt: null, version: contact.version });
      expect(after.json<TContact>().requests.map((r) => [r.state, r.owner])).toEqual([
        ['new', null],
        ['new', null],
      ]);
    });

    it('needs an outcome', async () => {
      const { unit, clerk } = await desk();
      const contact = await createContact(test.services, unit.id);
      const response = await call(test.app, clerk, {
        method: 'POST',
        url: `/api/v1/contacts/${contact.id}/close`,
        payload: { version: contact.version },
      });
      expect(fieldErrorsOf(response)).toEqual([{ field: 'outcome', code: 'required' }]);
    });

    it('keeps a contact of another unit hidden', async () => {
      const { clerk } = await desk();
      const elsewhere = await createUnit(test.services);
      const contact = await createContact(test.services, elsewhere.id);
      const response = await call(test.app, clerk, {
        method: 'GET',
        url: `/api/v1/contacts/${contact.id}`,
      });
      expect(response.statusCode).toBe(404);
    });
  });

  describe('incidents', () => {
    it('records an abusive visit, which the unit head sees and a specialist may not list', async () => {
      const { unit, clerk } = await desk();
      const head = await signedIn(test, { roles: ['unit_head'], unitIds: [unit.id] });
      const contact = await createContact(test.services, unit.id);

      const recorded = await call(test.app, clerk, {
        method: 'POST',
        url: `/api/v1/contacts/${contact.id}/incidents`,
        payload: {
          description: 'Apmeklētājs lamājās un draudēja',
          policeCalled: true,
          securityCalled: false,
        },
      });
      expect(recorded.statusCode, recorded.body).toBe(201);
      expect(recorded.json()).toMatchObject({
        contactId: contact.id,
        policeCalled: true,
        recordedBy: { id: clerk.person.id },
      });

      const list = await call(test.app, head, { method: 'GET', url: '/api/v1/incidents' });
      expect(list.json()).toMatchObject({
        total: 1,
        items: [{ description: 'Apmeklētājs lamājās un draudēja' }],
      });
      const refused = await call(test.app, clerk, { method: 'GET', url: '/api/v1/incidents' });
      expect(refused.statusCode).toBe(403);
      const detail = await call(test.app, clerk, {
        method: 'GET',
        url: `/api/v1/contacts/${contact.id}`,
      });
      expect(detail.json<TContact>().incidents).toHaveLength(1);
    });
  });

  describe('closing a visit', () => {
    it('suggests services related to those asked for, leaving out the ones asked for', async () => {
      const { unit, clerk } = await desk();
      const suffix = unit.id.slice(0, 8);
      const card = (name: string, relatedIds: string[] = []) =>
        test.services.catalogue.create(ctx, {
          name: `${name} ${suffix}`,
          kind: 'application',
          description: '',
          steps: [],
          documents: [],
          legalActs: [],
          relatedIds,
          ownerId: clerk.person.id,
          reviewOn: '2027-01-01',
        });
      const tax = await card('Nekustamā īpašuma nodoklis');
      const kindergarten = await card('Pirmsskolas rinda');
      const residence = await card('Dzīvesvietas deklarēšana', [tax.id, kindergarten.id]);

      const response = await register(clerk, {
        channel: 'in_person',
        unitId: unit.id,
        requests: [
          {
            serviceId: residence.id,
            service: residence.name,
            kind: 'application',
            unitId: unit.id,
          },
          { serviceId: tax.id, service: tax.name, kind: 'consultation', unitId: unit.id },
        ],
      });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json<TContact>().suggestedServices).toEqual([
        { id: kindergarten.id, name: kindergarten.name, kind: 'application' },
      ]);
    });
  });
});
