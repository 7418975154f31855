import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TUnit } from '../../../contracts/units.contracts';
import { DEFAULT_OPENING_HOURS } from '../../../domain/opening-hours';
import { systemContext } from '../../http/access';
import {
  call,
  createPerson,
  createTestApp,
  fieldErrorsOf,
  problemOf,
  signedIn,
  type Session,
  type TestApp,
} from '../../testing/test-app';

const unique = () => randomBytes(4).toString('hex');

describe('units', () => {
  let test: TestApp;
  let admin: Session;
  let reader: Session;
  beforeAll(async () => {
    test = await createTestApp();
    admin = await signedIn(test, { roles: ['administrator'] });
    reader = await signedIn(test, { roles: ['specialist'] });
  });
  afterAll(() => test.close());

  const newInstitution = () =>
    test.services.institutions.create(systemContext('test'), {
      name: `Pašvaldība ${unique()}`,
      kind: 'municipality',
    });

  const postUnit = (body: Record<string, unknown>) =>
    call(test.app, admin, { method: 'POST', url: '/api/v1/units', payload: body });

  async function createUnit(body: Record<string, unknown>): Promise<TUnit> {
    const response = await postUnit({ name: `Nodaļa ${unique()}`, kind: 'department', ...body });
    expect(response.statusCode).toBe(201);
    return response.json();
  }

  const patchUnit = (unit: TUnit, body: Record<string, unknown>) =>
    call(test.app, admin, {
      method: 'PATCH',
      url: `/api/v1/units/${unit.id}`,
      payload: { version: unit.version, ...body },
    });

  describe('POST /api/v1/units', () => {
    it('adds a unit with the usual opening hours when none are given', async () => {
      const institution = await newInstitution();
      const unit = await createUnit({
        institutionId: institution.id,
        name: 'Klientu apkalpošanas centrs',
        kind: 'client_service_centre',
        address: 'Skolas iela 1, Priedaine',
      });

      expect(unit).toMatchObject({
        institutionId: institution.id,
        institutionName: institution.name,
        parentId: null,
        name: 'Klientu apkalpošanas centrs',
        kind: 'client_service_centre',
        address: 'Skolas iela 1, Priedaine',
        openingHours: DEFAULT_OPENING_HOURS,
        active: true,
        staffCount: 0,
        version: 1,
      });
    });

    it('marks whether a unit serves external clients: a centre by default, any unit when asked', async () => {
      const institution = await newInstitution();
      const centre = await createUnit({
        institutionId: institution.id,
        kind: 'client_service_centre',
      });
      const department = await createUnit({ institutionId: institution.id });
      expect(centre.servesExternalClients).toBe(true);
      expect(department.servesExternalClients).toBe(false);

      const marked = await patchUnit(department, { servesExternalClients: true });
      expect(marked.statusCode, marked.body).toBe(200);
      const unmarked = await patchUnit(centre, { servesExternalClients: false });
      expect(unmarked.statusCode, unmarked.body).toBe(200);

      const listed = await call(test.app, reader, {
        method: 'GET',
        url: `/api/v1/units?institutionId=${institution.id}`,
      });
      const serving = Object.fromEntries(
        listed
          .json<{ items: TUnit[] }>()
          .items.map((unit) => [unit.id, unit.servesExternalClients]),
      );
      expect(serving).toEqual({ [centre.id]: false, [department.id]: true });
    });

    it('keeps the opening hours it is given', async () => {
      const institution = await newInstitution();
      const openingHours = {
        mon: { open: '08:00', close: '18:00' },
        tue: { open: '08:00', close: '17:00' },
        wed: null,
        thu: { open: '10:00', close: '19:00' },
        fri: { open: '08:00', close: '14:00' },
        sat: { open: '09:00', close: '12:00' },
        sun: null,
      };
      const unit = await createUnit({ institutionId: institution.id, openingHours });
      expect(unit.openingHours).toEqual(openingHours);
    });

    it('refuses opening hours that close before they open, naming the day and field', async () => {
      const institution = await newInstitution();
      const response = await postUnit({
        institutionId: institution.id,
        name: 'Nakts nodaļa',
        kind: 'department',
        openingHours: { ...DEFAULT_OPENING_HOURS, mon: { open: '17:00', close: '08:00' } },
      });

      expect(response.statusCode).toBe(400);
      expect(problemOf(response).errors).toEqual([
        {
          field: 'openingHours.mon.close',
          in: 'body',
          code: 'closes_before_opens',
          message: 'Slēgšanas laikam jābūt vēlākam par atvēršanas laiku.',
        },
      ]);
    });

    it('refuses times that are not HH:MM and days left out', async () => {
      const institution = await newInstitution();
      const withoutSunday: Partial<typeof DEFAULT_OPENING_HOURS> = { ...DEFAULT_OPENING_HOURS };
      delete withoutSunday.sun;
      const response = await postUnit({
        institutionId: institution.id,
        name: 'Nodaļa',
        kind: 'department',
        openingHours: { ...withoutSunday, tue: { open: '8:00', close: '24:00' } },
      });

      expect(response.statusCode).toBe(400);
      expect(fieldErrorsOf(response)).toEqual(
        expect.arrayContaining([
          { field: 'openingHours.tue.open', code: 'invalid_time' },
          { field: 'openingHours.tue.close', code: 'invalid_time' },
          { field: 'openingHours.sun', code: 'required' },
        ]),
      );
    });

    it('refuses an institution that does not exist', async () => {
      const response = await postUnit({
        institutionId: '00000000-0000-4000-8000-000000000000',
        name: 'Nodaļa',
        kind: 'department',
      });
      expect(response.statusCode).toBe(400);
      expect(fieldErrorsOf(response)).toEqual([
        { field: 'institutionId', code: 'unknown_reference' },
      ]);
    });

    it('refuses a parent unit in another institution', async () => {
      const ours = await newInstitution();
      const theirs = await newInstitution();
      const foreignParent = await createUnit({ institutionId: theirs.id });

      const response = await postUnit({
        institutionId: ours.id,
        parentId: foreignParent.id,
        name: 'Apakšnodaļa',
        kind: 'department',
      });

      expect(response.statusCode).toBe(400);
      expect(fieldErrorsOf(response)).toEqual([
        { field: 'parentId', code: 'parent_other_institution' },
      ]);
    });

    it('refuses a name a sibling has, whatever its case, but allows it elsewhere in the tree', async () => {
      const institution = await newInstitution();
      const social = await createUnit({
        institutionId: institution.id,
        name: 'Sociālais dienests',
      });
      const registry = await createUnit({
        institutionId: institution.id,
        name: 'Dzimtsarakstu nodaļa',
      });
      await createUnit({ institutionId: institution.id, parentId: social.id, name: 'Lietvedība' });

      const sibling = await postUnit({
        institutionId: institution.id,
        parentId: social.id,
        name: 'LIETVEDĪBA',
        kind: 'department',
      });
      const topLevelSibling = await postUnit({
        institutionId: institution.id,
        name: 'sociālais dienests',
        kind: 'other',
      });
      const cousin = await postUnit({
        institutionId: institution.id,
        parentId: registry.id,
        name: 'Lietvedība',
        kind: 'department',
      });
      const otherInstitution = await postUnit({
        institutionId: (await newInstitution()).id,
        name: 'Sociālais dienests',
        kind: 'department',
      });

      expect(sibling.statusCode).toBe(400);
      expect(fieldErrorsOf(sibling)).toEqual([{ field: 'name', code: 'name_taken' }]);
      expect(topLevelSibling.statusCode).toBe(400);
      expect(fieldErrorsOf(topLevelSibling)).toEqual([{ field: 'name', code: 'name_taken' }]);
      expect(cousin.statusCode).toBe(201);
      expect(otherInstitution.statusCode).toBe(201);
    });
  });

  describe('GET /api/v1/units', () => {
    it('gives an institution’s tree: every unit with its parent', async () => {
      const institution = await newInstitution();
      const council = await createUnit({ institutionId: institution.id, name: 'Dome' });
      const social = await createUnit({
        institutionId: institution.id,
        parentId: council.id,
        name: 'Sociālais dienests',
      });
      const care = await createUnit({
        institutionId: institution.id,
        parentId: social.id,
        name: 'Aprūpe mājās',
      });
      await createUnit({ institutionId: (await newInstitution()).id, name: 'Cita' });

      const response = await call(test.app, reader, {
        method: 'GET',
        url: `/api/v1/units?institutionId=${institution.id}`,
      });

      expect(response.statusCode).toBe(200);
      const tree = response
        .json<{ items: TUnit[] }>()
        .items.map(({ id, parentId }) => ({ id, parentId }));
      expect(tree).toHaveLength(3);
      expect(tree).toEqual(
        expect.arrayContaining([
          { id: council.id, parentId: null },
          { id: social.id, parentId: council.id },
          { id: care.id, parentId: social.id },
        ]),
      );
    });

    it('finds units by name without diacritics', async () => {
      const institution = await newInstitution();
      const marker = unique();
      const unit = await createUnit({
        institutionId: institution.id,
        name: `Būvvalde ${marker}`,
      });

      const response = await call(test.app, reader, {
        method: 'GET',
        url: `/api/v1/units?q=buvvalde%20${marker}`,
      });

      expect(response.json()).toMatchObject({ total: 1, items: [{ id: unit.id }] });
    });

    it('counts the active staff of each unit', async () => {
      const institution = await newInstitution();
      const unit = await createUnit({ institutionId: institution.id });
      await createPerson(test.services, { unitIds: [unit.id] });
      await createPerson(test.services, { unitIds: [unit.id] });
      await createPerson(test.services, { unitIds: [unit.id], active: false });

      const response = await call(test.app, reader, {
        method: 'GET',
        url: `/api/v1/units/${unit.id}`,
      });

      expect(response.json<TUnit>().staffCount).toBe(2);
    });
  });

  describe('GET /api/v1/units/:id', () => {
    it('answers 404 for a unit that does not exist', async () => {
      const response = await call(test.app, reader, {
        method: 'GET',
        url: '/api/v1/units/00000000-0000-4000-8000-000000000000',
      });
      expect(response.statusCode).toBe(404);
      expect(problemOf(response).code).toBe('not_found');
    });
  });

  describe('PATCH /api/v1/units/:id', () => {
    it('moves a unit under another and moves the version on', async () => {
      const institution = await newInstitution();
      const council = await createUnit({ institutionId: institution.id });
      const unit = await createUnit({ institutionId: institution.id });

      const response = await patchUnit(unit, { parentId: council.id, address: 'Jaunā iela 2' });

      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        parentId: council.id,
        address: 'Jaunā iela 2',
        name: unit.name,
        version: 2,
      });
    });

    it('refuses to place a unit under itself or under its own sub-unit', async () => {
      const institution = await newInstitution();
      const top = await createUnit({ institutionId: institution.id });
      const middle = await createUnit({ institutionId: institution.id, parentId: top.id });
      const bottom = await createUnit({ institutionId: institution.id, parentId: middle.id });

      for (const parent of [top, middle, bottom]) {
        const response = await patchUnit(top, { parentId: parent.id });
        expect(response.statusCode).toBe(400);
        expect(fieldErrorsOf(response)).toEqual([{ field: 'parentId', code: 'unit_cycle' }]);
      }
      const unchanged = await call(test.app, reader, {
        method: 'GET',
        url: `/api/v1/units/${top.id}`,
      });
      expect(unchanged.json()).toMatchObject({ parentId: null, version: 1 });
    });

    it('refuses a move that gives the unit a sibling’s name', async () => {
      const institution = await newInstitution();
      const parent = await createUnit({ institutionId: institution.id });
      await createUnit({ institutionId: institution.id, parentId: parent.id, name: 'Arhīvs' });
      const unit = await createUnit({ institutionId: institution.id, name: 'arhīvs' });

      const response = await patchUnit(unit, { parentId: parent.id });

      expect(response.statusCode).toBe(400);
      expect(fieldErrorsOf(response)).toEqual([{ field: 'name', code: 'name_taken' }]);
    });

    it('refuses to move a unit that has sub-units to another institution', async () => {
      const institution = await newInstitution();
      const other = await newInstitution();
      const parent = await createUnit({ institutionId: institution.id });
      await createUnit({ institutionId: institution.id, parentId: parent.id });

      const response = await patchUnit(parent, { institutionId: other.id });

      expect(response.statusCode).toBe(400);
      expect(fieldErrorsOf(response)).toEqual([
        { field: 'institutionId', code: 'unit_has_children' },
      ]);
    });

    it('validates new opening hours the same way', async () => {
      const unit = await createUnit({ institutionId: (await newInstitution()).id });
      const response = await patchUnit(unit, {
        openingHours: { ...DEFAULT_OPENING_HOURS, fri: { open: '16:00', close: '16:00' } },
      });
      expect(response.statusCode).toBe(400);
      expect(fieldErrorsOf(response)).toEqual([
        { field: 'openingHours.fri.close', code: 'closes_before_opens' },
      ]);
    });

    it('refuses a stale version with 409', async () => {
      const unit = await createUnit({ institutionId: (await newInstitution()).id });
      expect((await patchUnit(unit, { address: 'Pirmā adrese' })).statusCode).toBe(200);

      const stale = await patchUnit(unit, { address: 'Otrā adrese' });

      expect(stale.statusCode).toBe(409);
      expect(problemOf(stale).code).toBe('version_conflict');
      const read = await call(test.app, reader, { method: 'GET', url: `/api/v1/units/${unit.id}` });
      expect(read.json()).toMatchObject({ address: 'Pirmā adrese', version: 2 });
    });
  });
});
