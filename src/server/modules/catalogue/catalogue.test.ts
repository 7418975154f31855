import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TService, TServicePage } from '../../../contracts/catalogue.contracts';
import type { TUnit } from '../../../contracts/units.contracts';
import { addCalendarDays, rigaDateOf } from '../../../domain/riga-time';
import { systemContext } from '../../http/access';
import {
  call,
  createContact,
  createPerson,
  createTestApp,
  createUnit,
  fieldErrorsOf,
  problemOf,
  signIn,
  signedIn,
  type Session,
  type TestApp,
} from '../../testing/test-app';

/** A marker that starts with a letter no test word starts with, so it never matches by prefix. */
const unique = () => `x${randomBytes(4).toString('hex')}`;
const MISSING = '00000000-0000-4000-8000-000000000000';

describe('service catalogue', () => {
  let test: TestApp;
  let editor: Session;
  let reader: Session;
  beforeAll(async () => {
    test = await createTestApp();
    editor = await signedIn(test, { roles: ['client_service_head'] });
    reader = await signedIn(test, { roles: ['specialist'] });
  });
  afterAll(() => test.close());

  const today = () => rigaDateOf(test.clock.now());

  async function createService(body: Record<string, unknown> = {}): Promise<TService> {
    const response = await call(test.app, editor, {
      method: 'POST',
      url: '/api/v1/services',
      payload: {
        name: `Pakalpojums ${unique()}`,
        kind: 'consultation',
        ownerId: editor.person.id,
        reviewOn: addCalendarDays(today(), 90),
        ...body,
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }

  async function read(id: string, as: Session = reader): Promise<TService> {
    const response = await call(test.app, as, { method: 'GET', url: `/api/v1/services/${id}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }

  async function list(query: Record<string, string>): Promise<TServicePage> {
    const response = await call(test.app, reader, {
      method: 'GET',
      url: `/api/v1/services?${new URLSearchParams(query).toString()}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }
  const namesOf = (page: TServicePage) => page.items.map((item) => item.name);

  describe('GET /api/v1/services', () => {
    let unit: TUnit;
    beforeAll(async () => {
      unit = await createUnit(test.services);
    });
    /** Searches among the services of this block's institution only. */
    const search = async (q: string) =>
      namesOf(await list({ q, institutionId: unit.institutionId }));

    it('finds a service by its name typed without diacritics', async () => {
      const marker = unique();
      const wanted = `Bērziņa prēmijas pieteikšana ${marker}`;
      await createService({ name: wanted, institutionId: unit.institutionId });
      await createService({
        name: `Ūdens skaitītāju rādījumi ${marker}`,
        institutionId: unit.institutionId,
      });

      expect(await search('berzina premija')).toEqual([wanted]);
      expect(await search('BĒRZIŅA PRĒMIJAS')).toEqual([wanted]);
    });

    it('finds a hyphenated name written whole, apart or joined up', async () => {
      const marker = unique();
      const wanted = `E-adreses lietošana ${marker}`;
      await createService({ name: wanted, institutionId: unit.institutionId });
      await createService({
        name: `Zvejas tiesību noma ${marker}`,
        institutionId: unit.institutionId,
      });

      for (const q of ['eadrese', 'e adrese', 'e-adrese', 'E-adresi']) {
        expect(await search(q), q).toEqual([wanted]);
      }
    });

    it('forgives a typo', async () => {
      const marker = unique();
      const wanted = `Dzīvesvietas deklarācija ${marker}`;
      await createService({ name: wanted, institutionId: unit.institutionId });

      expect(await search('deklaracja')).toEqual([wanted]);
    });

    it('finds words of the description, a match in the name first', async () => {
      const marker = unique();
      const inName = `Suņu reģistrācija ${marker}`;
      const inDescription = `Mājdzīvnieku uzskaite ${marker}`;
      await createService({
        name: inDescription,
        description: 'Arī suņu čipošana un reģistrācija.',
        institutionId: unit.institutionId,
      });
      await createService({ name: inName, institutionId: unit.institutionId });

      expect(await search('sunu')).toEqual([inName, inDescription]);
    });

    it('lists by name and filters by kind, unit and whether active', async () => {
      const own = await createUnit(test.services);
      const scope = { institutionId: own.institutionId };
      const b = await createService({ name: `B ${unique()}`, ...scope, kind: 'application' });
      const a = await createService({ name: `A ${unique()}`, ...scope, unitId: own.id });
      const c = await createService({ name: `C ${unique()}`, ...scope, active: false });

      expect(await list(scope)).toMatchObject({ total: 2, items: [{ id: a.id }, { id: b.id }] });
      expect(namesOf(await list({ ...scope, kind: 'application' }))).toEqual([b.name]);
      expect(namesOf(await list({ ...scope, unitId: own.id }))).toEqual([a.name]);
      expect(namesOf(await list({ ...scope, active: 'false' }))).toEqual([c.name]);
      const page = await list({ ...scope, pageSize: '1', page: '2' });
      expect(page).toMatchObject({ total: 2, page: 2, pageSize: 1, items: [{ id: b.id }] });
    });

    it('shows the owner, institution and unit, and whether the review is overdue', async () => {
      const own = await createUnit(test.services);
      const overdue = await createService({
        institutionId: own.institutionId,
        unitId: own.id,
        reviewOn: addCalendarDays(today(), -1),
      });

      const page = await list({ institutionId: own.institutionId });

      expect(page.items).toMatchObject([
        {
          id: overdue.id,
          institution: { id: own.institutionId, name: own.institutionName },
          unit: { id: own.id, name: own.name },
          owner: { id: editor.person.id, email: editor.person.email },
          reviewOverdue: true,
        },
      ]);
    });
  });

  describe('GET /api/v1/services/:id', () => {
    it('names who handles it today, with the stand-in of one who is away', async () => {
      const unit = await createUnit(test.services);
      const competence = `Būvatļaujas ${unique()}`;
      const away = await createPerson(test.services, {
        unitIds: [unit.id],
        competences: [competence],
      });
      const substitute = await createPerson(test.services, { unitIds: [unit.id] });
      await test.services.absences.create(systemContext('test'), {
        staffId: away.id,
        kind: 'vacation',
        startsOn: today(),
        endsOn: addCalendarDays(today(), 3),
        substituteId: substitute.id,
      });
      const service = await createService({ competence });

      const card = await read(service.id);

      expect(card.specialists).toMatchObject([
        {
          id: away.id,
          away: { kind: 'vacation', until: addCalendarDays(today(), 3) },
          standIn: { id: substitute.id },
        },
      ]);
    });

    it('lists its live articles and counts its requests, open and all', async () => {
      const unit = await createUnit(test.services);
      const service = await createService();
      const { db } = test.database;
      const article = async (title: string, archived: boolean) => {
        const now = test.clock.now();
        const row = await db
          .insertInto('articles')
          .values({
            slug: `raksts-${unique()}`,
            kind: 'guide',
            language: 'lv',
            title,
            body_html: '<p>Teksts</p>',
            body_text: 'Teksts',
            search_text: 'teksts',
            visibility: 'internal',
            owner_id: editor.person.id,
            review_on: today(),
            archived_at: archived ? now : null,
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await db
          .insertInto('article_services')
          .values({ article_id: row.id, service_id: service.id })
          .execute();
        return row.id;
      };
      const live = await article('Kā aizpildīt iesniegumu', false);
      await article('Vecā kārtība', true);
      const contact = await createContact(test.services, unit.id, {
        services: ['Viens', 'Otrs'],
      });
      const requestIds = contact.requests.map((request) => request.id);
      await db
        .updateTable('service_requests')
        .set({ service_id: service.id })
        .where('id', 'in', requestIds)
        .execute();
      await db
        .updateTable('service_requests')
        .set({ state: 'closed' })
        .where('id', '=', requestIds[0] ?? '')
        .execute();

      const card = await read(service.id);

      expect(card.articles).toEqual([
        { id: live, title: 'Kā aizpildīt iesniegumu', kind: 'guide', visibility: 'internal' },
      ]);
      expect(card.requestCounts).toEqual({ open: 1, total: 2 });
    });

    it('tells the viewer whether they may change it: editors and its owner, no one else', async () => {
      const owner = await createPerson(test.services);
      const ownerSession = await signIn(test.app, owner);
      const card = await createService({ ownerId: owner.id });

      expect((await read(card.id, editor)).can).toEqual({ edit: true });
      expect((await read(card.id, ownerSession)).can).toEqual({ edit: true });
      expect((await read(card.id, reader)).can).toEqual({ edit: false });
    });

    it('answers 404 for a service that does not exist', async () => {
      const response = await call(test.app, reader, {
        method: 'GET',
        url: `/api/v1/services/${MISSING}`,
      });
      expect(response.statusCode).toBe(404);
    });
  });

  describe('related services and suggestions', () => {
    it('relates services both ways and suggests the active related ones', async () => {
      const passport = await createService({ name: `Pase ${unique()}` });
      const inactive = await createService({ name: `Vecā ID karte ${unique()}`, active: false });
      const eid = await createService({ name: `eID karte ${unique()}` });
      const photo = await createService({
        name: `Fotografēšana ${unique()}`,
        relatedIds: [passport.id, eid.id, inactive.id, eid.id],
      });

      expect(photo.related.map((service) => service.id).sort()).toEqual(
        [passport.id, eid.id, inactive.id].sort(),
      );
      expect((await read(passport.id)).related).toEqual([
        { id: photo.id, name: photo.name, kind: 'consultation' },
      ]);

      const suggested = await call(test.app, reader, {
        method: 'GET',
        url: `/api/v1/services/suggestions?ids=${photo.id}&ids=${passport.id}`,
      });
      expect(suggested.statusCode).toBe(200);
      expect(suggested.json()).toEqual({
        items: [{ id: eid.id, name: eid.name, kind: 'consultation' }],
      });
      const forOne = await call(test.app, reader, {
        method: 'GET',
        url: `/api/v1/services/suggestions?ids=${passport.id}`,
      });
      expect(forOne.json()).toEqual({
        items: [{ id: photo.id, name: photo.name, kind: 'consultation' }],
      });
      const viaService = await test.services.catalogue.suggestionsFor(test.database.db, [photo.id]);
      expect(viaService.map((service) => service.id).sort()).toEqual([passport.id, eid.id].sort());
    });

    it('drops a relation from both sides when one card no longer names it', async () => {
      const first = await createService();
      const second = await createService({ relatedIds: [first.id] });

      const response = await call(test.app, editor, {
        method: 'PATCH',
        url: `/api/v1/services/${first.id}`,
        payload: { relatedIds: [], version: first.version },
      });

      expect(response.statusCode).toBe(200);
      expect(response.json<TService>().related).toEqual([]);
      expect((await read(second.id)).related).toEqual([]);
    });

    it('tells other modules what the services are', async () => {
      const unit = await createUnit(test.services);
      const service = await createService({
        kind: 'application',
        institutionId: unit.institutionId,
        unitId: unit.id,
      });

      const refs = await test.services.catalogue.refsOf(test.database.db, [service.id, MISSING]);

      expect([...refs.values()]).toEqual([
        {
          id: service.id,
          name: service.name,
          kind: 'application',
          active: true,
          unitId: unit.id,
          institutionId: unit.institutionId,
        },
      ]);
    });
  });

  describe('POST /api/v1/services', () => {
    it('saves the whole card at version 1 and audits it', async () => {
      const unit = await createUnit(test.services);
      const body = {
        name: `Sociālā palīdzība ${unique()}`,
        nameEn: 'Social assistance',
        kind: 'application',
        description: 'Pabalsts trūcīgām personām.',
        audience: 'Novada iedzīvotāji',
        territory: 'Novads',
        fee: 'Bez maksas',
        duration: '10 darba dienas',
        steps: ['Iesniegt iesniegumu', 'Sagaidīt lēmumu'],
        documents: [{ title: 'Iesniegums', url: 'https://example.lv/iesniegums.pdf' }],
        legalActs: [{ title: 'Sociālo pakalpojumu likums', url: '' }],
        notices: 'Līdzi jāņem pase.',
        competence: 'Sociālā palīdzība',
        eServiceUrl: 'https://latvija.gov.lv',
        reviewOn: addCalendarDays(today(), 30),
      };
      const references = {
        institutionId: unit.institutionId,
        unitId: unit.id,
        ownerId: editor.person.id,
      };

      const created = await createService({ ...body, ...references });

      expect(created).toMatchObject({
        ...body,
        owner: { id: editor.person.id },
        institution: { id: unit.institutionId, name: unit.institutionName },
        unit: { id: unit.id, name: unit.name },
        legalActs: [{ title: 'Sociālo pakalpojumu likums', url: null }],
        reviewedAt: null,
        reviewOverdue: false,
        active: true,
        related: [],
        articles: [],
        requestCounts: { open: 0, total: 0 },
        version: 1,
        createdAt: test.clock.now().toISOString(),
      });
      // Read by the one who saved it: what a viewer may do (`can`) is part of the answer.
      expect(await read(created.id, editor)).toEqual(created);
      const audit = await test.services.audit.list(systemContext('test'), {
        entityType: 'service',
        entityId: created.id,
        limit: 10,
      });
      expect(audit.items.map((item) => item.action)).toEqual(['create']);
    });

    it('names each reference that does not exist', async () => {
      const post = (payload: Record<string, unknown>) =>
        call(test.app, editor, {
          method: 'POST',
          url: '/api/v1/services',
          payload: {
            name: `Pakalpojums ${unique()}`,
            kind: 'consultation',
            ownerId: editor.person.id,
            reviewOn: today(),
            ...payload,
          },
        });
      const existing = await createService();

      for (const [field, payload] of [
        ['institutionId', { institutionId: MISSING }],
        ['unitId', { unitId: MISSING }],
        ['ownerId', { ownerId: MISSING }],
        ['relatedIds.1', { relatedIds: [existing.id, MISSING] }],
      ] as const) {
        const response = await post(payload);
        expect(response.statusCode, field).toBe(400);
        expect(fieldErrorsOf(response)).toEqual([{ field, code: 'unknown_reference' }]);
      }
    });

    it('refuses a name another service has, whatever its case', async () => {
      const existing = await createService();

      const response = await call(test.app, editor, {
        method: 'POST',
        url: '/api/v1/services',
        payload: {
          name: existing.name.toUpperCase(),
          kind: 'consultation',
          ownerId: editor.person.id,
          reviewOn: today(),
        },
      });

      expect(response.statusCode).toBe(400);
      expect(fieldErrorsOf(response)).toEqual([{ field: 'name', code: 'name_taken' }]);
    });

    it('refuses an owner who has left', async () => {
      const gone = await createPerson(test.services);
      await test.services.staff.update(systemContext('test'), gone.id, {
        active: false,
        version: gone.version,
      });

      const response = await call(test.app, editor, {
        method: 'POST',
        url: '/api/v1/services',
        payload: {
          name: `Pakalpojums ${unique()}`,
          kind: 'consultation',
          ownerId: gone.id,
          reviewOn: today(),
        },
      });

      expect(fieldErrorsOf(response)).toEqual([{ field: 'ownerId', code: 'person_inactive' }]);
    });

    it('is not for a specialist', async () => {
      const response = await call(test.app, reader, {
        method: 'POST',
        url: '/api/v1/services',
        payload: {
          name: `Pakalpojums ${unique()}`,
          kind: 'consultation',
          ownerId: reader.person.id,
          reviewOn: today(),
        },
      });
      expect(response.statusCode).toBe(403);
    });
  });

  describe('PATCH /api/v1/services/:id', () => {
    it('changes the given fields, keeps the others and moves the version on', async () => {
      const created = await createService({ fee: '5 EUR', steps: ['Pirmais'] });

      const response = await call(test.app, editor, {
        method: 'PATCH',
        url: `/api/v1/services/${created.id}`,
        payload: { fee: '', duration: '1 diena', version: 1 },
      });

      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({
        name: created.name,
        fee: null,
        duration: '1 diena',
        steps: ['Pirmais'],
        version: 2,
      });
    });

    it('finds a renamed service by its new name', async () => {
      const unit = await createUnit(test.services);
      const created = await createService({ institutionId: unit.institutionId });
      const name = `Kapavietu uzturēšana ${unique()}`;

      await call(test.app, editor, {
        method: 'PATCH',
        url: `/api/v1/services/${created.id}`,
        payload: { name, version: 1 },
      });

      expect(namesOf(await list({ q: 'kapavietas', institutionId: unit.institutionId }))).toEqual([
        name,
      ]);
    });

    it('refuses a stale version with 409', async () => {
      const created = await createService();
      const patch = (fee: string) =>
        call(test.app, editor, {
          method: 'PATCH',
          url: `/api/v1/services/${created.id}`,
          payload: { fee, version: 1 },
        });

      expect((await patch('1 EUR')).statusCode).toBe(200);
      const stale = await patch('2 EUR');

      expect(stale.statusCode).toBe(409);
      expect(problemOf(stale).code).toBe('version_conflict');
      expect(await read(created.id)).toMatchObject({ fee: '1 EUR', version: 2 });
    });

    it('refuses relating a service to itself', async () => {
      const created = await createService();

      const response = await call(test.app, editor, {
        method: 'PATCH',
        url: `/api/v1/services/${created.id}`,
        payload: { relatedIds: [created.id], version: 1 },
      });

      expect(response.statusCode).toBe(400);
      expect(fieldErrorsOf(response)).toEqual([{ field: 'relatedIds', code: 'related_to_itself' }]);
    });

    it('lets the owner keep their own card, not another’s', async () => {
      const owner = await createPerson(test.services);
      const ownerSession = await signIn(test.app, owner);
      const own = await createService({ ownerId: owner.id });
      const others = await createService();

      const mine = await call(test.app, ownerSession, {
        method: 'PATCH',
        url: `/api/v1/services/${own.id}`,
        payload: { notices: 'Jauna piezīme', version: 1 },
      });
      const theirs = await call(test.app, ownerSession, {
        method: 'PATCH',
        url: `/api/v1/services/${others.id}`,
        payload: { notices: 'Jauna piezīme', version: 1 },
      });

      expect(mine.statusCode).toBe(200);
      expect(mine.json()).toMatchObject({ notices: 'Jauna piezīme' });
      expect(theirs.statusCode).toBe(403);
    });

    it('answers 404 for a service that does not exist', async () => {
      const response = await call(test.app, editor, {
        method: 'PATCH',
        url: `/api/v1/services/${MISSING}`,
        payload: { fee: '1 EUR', version: 1 },
      });
      expect(response.statusCode).toBe(404);
    });
  });

  describe('POST /api/v1/services/:id/reviewed', () => {
    it('records the owner’s review and the next review date', async () => {
      const owner = await createPerson(test.services);
      const ownerSession = await signIn(test.app, owner);
      const created = await createService({
        ownerId: owner.id,
        reviewOn: addCalendarDays(today(), -10),
      });
      expect(created.reviewOverdue).toBe(true);
      const next = addCalendarDays(today(), 180);

      const response = await call(test.app, ownerSession, {
        method: 'POST',
        url: `/api/v1/services/${created.id}/reviewed`,
        payload: { nextReviewOn: next, version: 1 },
      });

      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({
        reviewOn: next,
        reviewedAt: test.clock.now().toISOString(),
        reviewOverdue: false,
        version: 2,
      });
    });

    it('wants the next review after today', async () => {
      const created = await createService();

      const response = await call(test.app, editor, {
        method: 'POST',
        url: `/api/v1/services/${created.id}/reviewed`,
        payload: { nextReviewOn: today(), version: 1 },
      });

      expect(response.statusCode).toBe(400);
      expect(fieldErrorsOf(response)).toEqual([{ field: 'nextReviewOn', code: 'date_not_future' }]);
    });

    it('is not for a specialist who does not own the card', async () => {
      const created = await createService();

      const response = await call(test.app, reader, {
        method: 'POST',
        url: `/api/v1/services/${created.id}/reviewed`,
        payload: { nextReviewOn: addCalendarDays(today(), 30), version: 1 },
      });

      expect(response.statusCode).toBe(403);
    });
  });
});
