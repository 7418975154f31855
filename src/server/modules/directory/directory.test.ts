import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TDirectoryEntry, TDirectoryPage } from '../../../contracts/directory.contracts';
import type { TStaff } from '../../../contracts/staff.contracts';
import { addCalendarDays, rigaDateOf } from '../../../domain/riga-time';
import { systemContext } from '../../http/access';
import {
  call,
  createPerson,
  createTestApp,
  createUnit,
  problemOf,
  signedIn,
  type Session,
  type TestApp,
} from '../../testing/test-app';

const unique = () => randomBytes(4).toString('hex');

describe('GET /api/v1/directory', () => {
  let test: TestApp;
  let reader: Session;
  beforeAll(async () => {
    test = await createTestApp();
    reader = await signedIn(test, { roles: ['specialist'] });
  });
  afterAll(() => test.close());

  const search = async (query: Record<string, string>): Promise<TDirectoryPage> => {
    const response = await call(test.app, reader, {
      method: 'GET',
      url: `/api/v1/directory?${new URLSearchParams(query).toString()}`,
    });
    expect(response.statusCode).toBe(200);
    return response.json();
  };
  const idsOf = (page: TDirectoryPage) => page.items.map((item) => item.id);

  const today = () => rigaDateOf(test.clock.now());
  const recordAbsence = (person: TStaff, days: number, substitute: TStaff | null) =>
    test.services.absences.create(systemContext('test'), {
      staffId: person.id,
      kind: 'vacation',
      startsOn: addCalendarDays(today(), -1),
      endsOn: addCalendarDays(today(), days),
      substituteId: substitute?.id ?? null,
    });

  it('lists names in letter order, “Āboliņa” among the A and “Šmite” among the S', async () => {
    const unit = await createUnit(test.services);
    for (const surname of ['Zariņa', 'Šmite', 'Āboliņa', 'Bērziņa', 'Rozīte']) {
      await createPerson(test.services, { givenName: 'Anna', surname, unitIds: [unit.id] });
    }

    const page = await search({ unitId: unit.id });

    expect(page.items.map((item) => item.surname)).toEqual([
      'Āboliņa',
      'Bērziņa',
      'Rozīte',
      'Šmite',
      'Zariņa',
    ]);
  });

  it('finds “Bērziņš” when the clerk types “berzins”', async () => {
    const unit = await createUnit(test.services);
    const berzins = await createPerson(test.services, {
      givenName: 'Jānis',
      surname: 'Bērziņš',
      unitIds: [unit.id],
    });
    await createPerson(test.services, { surname: 'Kalniņš', unitIds: [unit.id] });

    const page = await search({ q: 'berzins', unitId: unit.id });

    expect(idsOf(page)).toEqual([berzins.id]);
    expect(page.items[0]).toMatchObject({ givenName: 'Jānis', surname: 'Bērziņš' });
    expect(idsOf(await search({ q: 'JANIS BĒRZIŅŠ', unitId: unit.id }))).toEqual([berzins.id]);
  });

  it('finds people by the name of their unit', async () => {
    const marker = unique();
    const unit = await createUnit(test.services, `Dzimtsarakstu nodaļa ${marker}`);
    const registrar = await createPerson(test.services, { unitIds: [unit.id] });
    await createPerson(test.services);

    const page = await search({ q: `dzimtsarakstu ${marker}` });

    expect(idsOf(page)).toEqual([registrar.id]);
    expect(page.items[0]?.units).toEqual([
      { id: unit.id, name: unit.name, institutionName: unit.institutionName },
    ]);
  });

  it('finds people by competence, typed loosely or chosen exactly', async () => {
    const marker = unique();
    const competence = `Būvatļaujas ${marker}`;
    const expert = await createPerson(test.services, {
      competences: ['Nekustamā īpašuma nodoklis', competence],
    });
    await createPerson(test.services, { competences: ['Nekustamā īpašuma nodoklis'] });

    expect(idsOf(await search({ q: `BUVATLAUJAS ${marker}` }))).toEqual([expert.id]);
    expect(idsOf(await search({ competence }))).toEqual([expert.id]);
  });

  it('finds people by position, typed or chosen', async () => {
    const position = `Juriskonsults ${unique()}`;
    const lawyer = await createPerson(test.services, { position });
    await createPerson(test.services, { position: 'Lietvede' });

    expect(idsOf(await search({ position: position.toUpperCase() }))).toEqual([lawyer.id]);
    expect(idsOf(await search({ q: position }))).toEqual([lawyer.id]);
  });

  it('shows who is away today, until when, and who stands in through the chain', async () => {
    const unit = await createUnit(test.services);
    const [away, alsoAway, standIn] = [
      await createPerson(test.services, { unitIds: [unit.id] }),
      await createPerson(test.services, { unitIds: [unit.id] }),
      await createPerson(test.services, { unitIds: [unit.id] }),
    ];
    await recordAbsence(away, 10, alsoAway);
    await recordAbsence(alsoAway, 2, standIn);

    const page = await search({ unitId: unit.id });

    expect(page.date).toBe(today());
    const entry = (id: string) => page.items.find((item) => item.id === id) as TDirectoryEntry;
    expect(entry(away.id)).toMatchObject({
      away: { kind: 'vacation', until: addCalendarDays(today(), 10) },
      standIn: { id: standIn.id, email: standIn.email, phone: standIn.phone },
    });
    expect(entry(alsoAway.id).standIn?.id).toBe(standIn.id);
    expect(entry(standIn.id)).toMatchObject({ away: null, standIn: null });
  });

  it('names no stand-in when the substitute has left since the absence was recorded', async () => {
    const unit = await createUnit(test.services);
    const person = await createPerson(test.services, { unitIds: [unit.id] });
    const substitute = await createPerson(test.services, { unitIds: [unit.id] });
    await recordAbsence(person, 5, substitute);
    await test.services.staff.update(systemContext('test'), substitute.id, {
      active: false,
      version: substitute.version,
    });

    const page = await search({ unitId: unit.id });

    expect(page.items.find((item) => item.id === person.id)).toMatchObject({
      away: { kind: 'vacation' },
      standIn: null,
    });
  });

  it('shows a colleague’s sick leave only as being away', async () => {
    const unit = await createUnit(test.services);
    const person = await createPerson(test.services, { unitIds: [unit.id] });
    await test.services.absences.create(systemContext('test'), {
      staffId: person.id,
      kind: 'sick_leave',
      startsOn: today(),
      endsOn: addCalendarDays(today(), 2),
    });

    const page = await search({ unitId: unit.id });

    expect(page.items.find((item) => item.id === person.id)?.away).toEqual({
      kind: 'absent',
      until: addCalendarDays(today(), 2),
    });
  });

  it('does not list people who have left, nor offer their competences as filters', async () => {
    const competence = `Arhivārs ${unique()}`;
    const person = await createPerson(test.services, { competences: [competence] });
    expect(idsOf(await search({ competence }))).toEqual([person.id]);

    await test.services.staff.update(systemContext('test'), person.id, {
      active: false,
      version: person.version,
    });

    expect(idsOf(await search({ competence }))).toEqual([]);
    expect(idsOf(await search({ q: person.surname }))).toEqual([]);
    const facets = await call(test.app, reader, { method: 'GET', url: '/api/v1/directory/facets' });
    expect(facets.json<{ competences: string[] }>().competences).not.toContain(competence);
  });

  it('refuses an unknown filter', async () => {
    const response = await call(test.app, reader, {
      method: 'GET',
      url: '/api/v1/directory?name=berzins',
    });
    expect(response.statusCode).toBe(400);
    expect(problemOf(response).errors).toEqual([
      expect.objectContaining({ field: 'name', in: 'query', code: 'unknown_field' }),
    ]);
  });
});

describe('GET /api/v1/directory/facets', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp();
  });
  afterAll(() => test.close());

  it('offers the positions and competences of active staff, each once', async () => {
    const marker = unique();
    const position = `Sociālais darbinieks ${marker}`;
    await createPerson(test.services, { position, competences: [`Pabalsti ${marker}`] });
    await createPerson(test.services, { position, competences: [`Pabalsti ${marker}`] });
    const session = await signedIn(test);

    const response = await call(test.app, session, {
      method: 'GET',
      url: '/api/v1/directory/facets',
    });

    expect(response.statusCode).toBe(200);
    const facets = response.json<{ positions: string[]; competences: string[] }>();
    expect(facets.positions.filter((item) => item === position)).toHaveLength(1);
    expect(facets.competences.filter((item) => item === `Pabalsti ${marker}`)).toHaveLength(1);
  });
});
