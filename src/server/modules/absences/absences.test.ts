import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TAbsence } from '../../../contracts/absences.contracts';
import type { TStaff } from '../../../contracts/staff.contracts';
import { systemContext } from '../../http/access';
import {
  call,
  createPerson,
  createTestApp,
  createUnit,
  fieldErrorsOf,
  problemOf,
  signedIn,
  signIn,
  type Session,
  type TestApp,
} from '../../testing/test-app';

describe('absences', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp();
  });
  afterAll(() => test.close());

  const postAbsence = (session: Session, body: Record<string, unknown>) =>
    call(test.app, session, {
      method: 'POST',
      url: '/api/v1/absences',
      payload: { kind: 'vacation', startsOn: '2026-07-06', endsOn: '2026-07-17', ...body },
    });

  /** An absence recorded by the system, for tests about reading and changing absences. */
  const recordAbsence = (
    person: TStaff,
    startsOn: string,
    endsOn: string,
    substitute: TStaff | null = null,
  ) =>
    test.services.absences.create(systemContext('test'), {
      staffId: person.id,
      kind: 'vacation',
      startsOn,
      endsOn,
      substituteId: substitute?.id ?? null,
    });

  /** A department with a sub-unit, and a unit elsewhere, each with a specialist. */
  async function organisation() {
    const department = await createUnit(test.services);
    const subUnit = await test.services.units.create(systemContext('test'), {
      institutionId: department.institutionId,
      parentId: department.id,
      name: 'Apakšnodaļa',
      kind: 'department',
    });
    const elsewhere = await createUnit(test.services);
    return {
      department,
      inDepartment: await createPerson(test.services, { unitIds: [department.id] }),
      inSubUnit: await createPerson(test.services, { unitIds: [subUnit.id] }),
      elsewhere: await createPerson(test.services, { unitIds: [elsewhere.id] }),
    };
  }

  describe('POST /api/v1/absences', () => {
    it('records one’s own absence with a substitute', async () => {
      const session = await signedIn(test);
      const substitute = await createPerson(test.services);

      const response = await postAbsence(session, {
        staffId: session.person.id,
        substituteId: substitute.id,
        note: 'Ikgadējais atvaļinājums',
      });

      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({
        staff: { id: session.person.id, surname: session.person.surname },
        kind: 'vacation',
        startsOn: '2026-07-06',
        endsOn: '2026-07-17',
        substitute: { id: substitute.id, email: substitute.email },
        note: 'Ikgadējais atvaļinājums',
        version: 1,
      });
    });

    it('lets a unit head record absences in their unit and its sub-units, not elsewhere', async () => {
      const { department, inDepartment, inSubUnit, elsewhere } = await organisation();
      const head = await signedIn(test, { roles: ['unit_head'], unitIds: [department.id] });

      expect((await postAbsence(head, { staffId: inDepartment.id })).statusCode).toBe(201);
      expect((await postAbsence(head, { staffId: inSubUnit.id })).statusCode).toBe(201);
      const refused = await postAbsence(head, { staffId: elsewhere.id });
      expect(refused.statusCode).toBe(403);
      expect(problemOf(refused).code).toBe('forbidden');
    });

    it('refuses a specialist recording someone else’s absence', async () => {
      const { department, inDepartment } = await organisation();
      const colleague = await signedIn(test, { roles: ['specialist'], unitIds: [department.id] });

      const response = await postAbsence(colleague, { staffId: inDepartment.id });

      expect(response.statusCode).toBe(403);
      const list = await call(test.app, colleague, {
        method: 'GET',
        url: `/api/v1/absences?staffId=${inDepartment.id}&from=2026-01-01`,
      });
      expect(list.json<{ total: number }>().total).toBe(0);
    });

    it('refuses the auditor, even for their own absence', async () => {
      const auditor = await signedIn(test, { roles: ['auditor'] });
      const response = await postAbsence(auditor, { staffId: auditor.person.id });
      expect(response.statusCode).toBe(403);
    });

    it('lets the client service head record anyone’s absence', async () => {
      const { elsewhere } = await organisation();
      const head = await signedIn(test, { roles: ['client_service_head'] });
      expect((await postAbsence(head, { staffId: elsewhere.id })).statusCode).toBe(201);
    });

    it('refuses a period that overlaps another absence of the person, naming that period', async () => {
      const session = await signedIn(test);
      await recordAbsence(session.person, '2026-04-01', '2026-04-10');

      const response = await postAbsence(session, {
        staffId: session.person.id,
        startsOn: '2026-04-10',
        endsOn: '2026-04-12',
      });

      expect(response.statusCode).toBe(400);
      expect(problemOf(response).errors).toEqual([
        {
          field: 'startsOn',
          in: 'body',
          code: 'absence_overlap',
          message: 'Šim darbiniekam jau ir reģistrēta prombūtne 2026-04-01–2026-04-10.',
        },
      ]);
      const nextDay = await postAbsence(session, {
        staffId: session.person.id,
        startsOn: '2026-04-11',
        endsOn: '2026-04-12',
      });
      expect(nextDay.statusCode).toBe(201);
    });

    it('refuses a person as their own substitute', async () => {
      const session = await signedIn(test);
      const response = await postAbsence(session, {
        staffId: session.person.id,
        substituteId: session.person.id,
      });
      expect(response.statusCode).toBe(400);
      expect(fieldErrorsOf(response)).toEqual([
        { field: 'substituteId', code: 'substitute_is_self' },
      ]);
    });

    it('refuses an end before the start, an unknown substitute and one who has left', async () => {
      const session = await signedIn(test);
      const left = await createPerson(test.services, { active: false });
      const staffId = session.person.id;

      const reversed = await postAbsence(session, {
        staffId,
        startsOn: '2026-08-10',
        endsOn: '2026-08-09',
      });
      const unknown = await postAbsence(session, {
        staffId,
        substituteId: '00000000-0000-4000-8000-000000000000',
      });
      const inactive = await postAbsence(session, { staffId, substituteId: left.id });

      expect(fieldErrorsOf(reversed)).toEqual([{ field: 'endsOn', code: 'ends_before_starts' }]);
      expect(fieldErrorsOf(unknown)).toEqual([
        { field: 'substituteId', code: 'unknown_reference' },
      ]);
      expect(fieldErrorsOf(inactive)).toEqual([
        { field: 'substituteId', code: 'substitute_inactive' },
      ]);
    });

    it('refuses dates that do not exist', async () => {
      const session = await signedIn(test);
      const response = await postAbsence(session, {
        staffId: session.person.id,
        startsOn: '2026-02-29',
        endsOn: '2026-03-01',
      });
      expect(response.statusCode).toBe(400);
      expect(fieldErrorsOf(response)).toEqual([{ field: 'startsOn', code: 'invalid_date' }]);
      // A date left empty is missing, told once: not malformed, nor out of range.
      const empty = await postAbsence(session, {
        staffId: session.person.id,
        startsOn: '',
        endsOn: '2026-03-01',
      });
      expect(fieldErrorsOf(empty)).toEqual([{ field: 'startsOn', code: 'required' }]);
    });
  });

  describe('GET /api/v1/absences', () => {
    it('lists who is away on a date with the stand-in found through the substitute chain', async () => {
      const unit = await createUnit(test.services);
      const [anna, berta, carl] = await Promise.all(
        [1, 2, 3].map(() => createPerson(test.services, { unitIds: [unit.id] })),
      );
      if (!anna || !berta || !carl) throw new Error('people were not created');
      await recordAbsence(anna, '2026-09-01', '2026-09-30', berta);
      await recordAbsence(berta, '2026-09-14', '2026-09-18', carl);
      const session = await signedIn(test);

      const list = async (query: string) =>
        (
          await call(test.app, session, {
            method: 'GET',
            url: `/api/v1/absences?unitId=${unit.id}&${query}`,
          })
        ).json<{ items: TAbsence[]; total: number }>();

      const onSixteenth = await list('date=2026-09-16');
      expect(onSixteenth.total).toBe(2);
      const annaAway = onSixteenth.items.find((item) => item.staff.id === anna.id);
      const bertaAway = onSixteenth.items.find((item) => item.staff.id === berta.id);
      expect(annaAway?.substitute?.id).toBe(berta.id);
      expect(annaAway?.standIn).toMatchObject({ id: carl.id, email: carl.email });
      expect(bertaAway?.standIn?.id).toBe(carl.id);

      const onSecond = await list('date=2026-09-02');
      expect(onSecond.items.map((item) => [item.staff.id, item.standIn?.id])).toEqual([
        [anna.id, berta.id],
      ]);

      const period = await list('from=2026-09-01&to=2026-09-30');
      expect(period.total).toBe(2);
      expect(period.items.every((item) => item.standIn === null)).toBe(true);
    });

    it('gives no stand-in when the chain comes back to the absent person', async () => {
      const unit = await createUnit(test.services);
      const anna = await createPerson(test.services, { unitIds: [unit.id] });
      const berta = await createPerson(test.services, { unitIds: [unit.id] });
      await recordAbsence(anna, '2026-10-05', '2026-10-09', berta);
      await recordAbsence(berta, '2026-10-05', '2026-10-09', anna);
      const session = await signedIn(test);

      const response = await call(test.app, session, {
        method: 'GET',
        url: `/api/v1/absences?unitId=${unit.id}&date=2026-10-07`,
      });

      const items = response.json<{ items: TAbsence[] }>().items;
      expect(items).toHaveLength(2);
      expect(items.map((item) => item.standIn)).toEqual([null, null]);
    });

    it('lists from today on by default, Riga time', async () => {
      const unit = await createUnit(test.services);
      const person = await createPerson(test.services, { unitIds: [unit.id] });
      // 22:30 UTC on 31 March 2026 is already 1 April in Riga.
      test.clock.set('2026-03-31T22:30:00Z');
      const session = await signedIn(test);
      await recordAbsence(person, '2026-03-30', '2026-03-31');
      const current = await recordAbsence(person, '2026-04-01', '2026-04-02');

      const response = await call(test.app, session, {
        method: 'GET',
        url: `/api/v1/absences?staffId=${person.id}`,
      });

      expect(response.json<{ items: TAbsence[] }>().items.map((item) => item.id)).toEqual([
        current.id,
      ]);
    });

    it('lists everything up to the end of a period given without a start', async () => {
      const person = await createPerson(test.services);
      const session = await signedIn(test);
      const past = await recordAbsence(person, '2025-02-03', '2025-02-07');
      await recordAbsence(person, '2025-09-01', '2025-09-05');

      const response = await call(test.app, session, {
        method: 'GET',
        url: `/api/v1/absences?staffId=${person.id}&to=2025-06-30`,
      });

      expect(response.json<{ items: TAbsence[] }>().items.map((item) => item.id)).toEqual([
        past.id,
      ]);
    });

    it('refuses a period that ends before it starts', async () => {
      const session = await signedIn(test);
      const response = await call(test.app, session, {
        method: 'GET',
        url: '/api/v1/absences?from=2026-05-10&to=2026-05-01',
      });
      expect(response.statusCode).toBe(400);
      expect(problemOf(response).errors).toEqual([
        expect.objectContaining({ field: 'to', in: 'query', code: 'range_reversed' }),
      ]);
    });
  });

  describe('sick leave is health data', () => {
    it('tells colleagues only that a person is away; the person and their heads see why', async () => {
      const { department, inDepartment, elsewhere } = await organisation();
      const head = await signedIn(test, { roles: ['unit_head'], unitIds: [department.id] });
      const colleague = await signIn(test.app, elsewhere);
      const self = await signIn(test.app, inDepartment);
      const absence = await test.services.absences.create(systemContext('test'), {
        staffId: inDepartment.id,
        kind: 'sick_leave',
        startsOn: '2026-10-05',
        endsOn: '2026-10-09',
        note: 'Ārsta zīme līdz piektdienai',
      });
      const seenBy = async (session: Session) => {
        const one = await call(test.app, session, {
          method: 'GET',
          url: `/api/v1/absences/${absence.id}`,
        });
        const list = await call(test.app, session, {
          method: 'GET',
          url: `/api/v1/absences?staffId=${inDepartment.id}&from=2026-10-01`,
        });
        const listed = list.json<{ items: TAbsence[] }>().items[0];
        expect(listed).toMatchObject(one.json<TAbsence>());
        return { kind: listed?.kind, note: listed?.note };
      };

      expect(await seenBy(colleague)).toEqual({ kind: 'absent', note: null });
      expect(await seenBy(self)).toEqual({
        kind: 'sick_leave',
        note: 'Ārsta zīme līdz piektdienai',
      });
      expect(await seenBy(head)).toEqual({
        kind: 'sick_leave',
        note: 'Ārsta zīme līdz piektdienai',
      });
    });

    it('does not let a colleague find who is on sick leave by filtering for it', async () => {
      const { department, inDepartment } = await organisation();
      const head = await signedIn(test, { roles: ['unit_head'], unitIds: [department.id] });
      const colleague = await signedIn(test);
      await test.services.absences.create(systemContext('test'), {
        staffId: inDepartment.id,
        kind: 'sick_leave',
        startsOn: '2026-10-12',
        endsOn: '2026-10-13',
      });
      const url = `/api/v1/absences?kind=sick_leave&unitId=${department.id}&from=2026-10-01`;

      const byColleague = await call(test.app, colleague, { method: 'GET', url });
      const byHead = await call(test.app, head, { method: 'GET', url });

      expect(byColleague.json<{ total: number }>().total).toBe(0);
      expect(byHead.json<{ items: TAbsence[] }>().items.map((item) => item.staff.id)).toEqual([
        inDepartment.id,
      ]);
    });
  });

  describe('GET /api/v1/absences/:id', () => {
    it('shows one absence to anyone signed in, and 404 when there is none', async () => {
      const person = await createPerson(test.services);
      const absence = await recordAbsence(person, '2026-11-02', '2026-11-03');
      const session = await signedIn(test, { roles: ['auditor'] });

      const found = await call(test.app, session, {
        method: 'GET',
        url: `/api/v1/absences/${absence.id}`,
      });
      const missing = await call(test.app, session, {
        method: 'GET',
        url: '/api/v1/absences/00000000-0000-4000-8000-000000000000',
      });

      expect(found.statusCode).toBe(200);
      expect(found.json()).toEqual(absence);
      expect(missing.statusCode).toBe(404);
    });
  });

  describe('PATCH /api/v1/absences/:id', () => {
    it('changes one’s own absence and moves the version on', async () => {
      const session = await signedIn(test);
      const absence = await recordAbsence(session.person, '2026-12-01', '2026-12-05');

      const response = await call(test.app, session, {
        method: 'PATCH',
        url: `/api/v1/absences/${absence.id}`,
        payload: { endsOn: '2026-12-08', kind: 'sick_leave', version: 1 },
      });

      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        startsOn: '2026-12-01',
        endsOn: '2026-12-08',
        kind: 'sick_leave',
        version: 2,
      });
    });

    it('checks the changed absence as a whole: end before start, self as substitute, overlap', async () => {
      const session = await signedIn(test);
      await recordAbsence(session.person, '2027-01-10', '2027-01-12');
      const absence = await recordAbsence(session.person, '2027-01-20', '2027-01-25');
      const patch = (body: Record<string, unknown>) =>
        call(test.app, session, {
          method: 'PATCH',
          url: `/api/v1/absences/${absence.id}`,
          payload: { version: 1, ...body },
        });

      expect(fieldErrorsOf(await patch({ endsOn: '2027-01-19' }))).toEqual([
        { field: 'endsOn', code: 'ends_before_starts' },
      ]);
      expect(fieldErrorsOf(await patch({ substituteId: session.person.id }))).toEqual([
        { field: 'substituteId', code: 'substitute_is_self' },
      ]);
      expect(fieldErrorsOf(await patch({ startsOn: '2027-01-12' }))).toEqual([
        { field: 'startsOn', code: 'absence_overlap' },
      ]);
      const unchanged = await call(test.app, session, {
        method: 'GET',
        url: `/api/v1/absences/${absence.id}`,
      });
      expect(unchanged.json()).toMatchObject({
        startsOn: '2027-01-20',
        endsOn: '2027-01-25',
        version: 1,
      });
    });

    it('refuses a stale version with 409', async () => {
      const session = await signedIn(test);
      const absence = await recordAbsence(session.person, '2027-02-01', '2027-02-02');
      const patch = (note: string) =>
        call(test.app, session, {
          method: 'PATCH',
          url: `/api/v1/absences/${absence.id}`,
          payload: { note, version: 1 },
        });

      expect((await patch('pirmā')).statusCode).toBe(200);
      const stale = await patch('otrā');

      expect(stale.statusCode).toBe(409);
      expect(problemOf(stale).code).toBe('version_conflict');
    });

    it('refuses a specialist changing a colleague’s absence', async () => {
      const colleague = await createPerson(test.services);
      const absence = await recordAbsence(colleague, '2027-03-01', '2027-03-02');
      const session = await signedIn(test);

      const response = await call(test.app, session, {
        method: 'PATCH',
        url: `/api/v1/absences/${absence.id}`,
        payload: { endsOn: '2027-03-20', version: 1 },
      });

      expect(response.statusCode).toBe(403);
    });
  });

  describe('DELETE /api/v1/absences/:id', () => {
    it('cancels an absence when given the version read', async () => {
      const session = await signedIn(test);
      const absence = await recordAbsence(session.person, '2027-04-01', '2027-04-02');

      const response = await call(test.app, session, {
        method: 'DELETE',
        url: `/api/v1/absences/${absence.id}?version=1`,
      });

      expect(response.statusCode).toBe(204);
      const gone = await call(test.app, session, {
        method: 'GET',
        url: `/api/v1/absences/${absence.id}`,
      });
      expect(gone.statusCode).toBe(404);
    });

    it('refuses a stale version and keeps the absence', async () => {
      const session = await signedIn(test);
      const absence = await recordAbsence(session.person, '2027-05-01', '2027-05-02');
      await test.services.absences.update(systemContext('test'), absence.id, {
        note: 'pagarināts',
        version: 1,
      });

      const response = await call(test.app, session, {
        method: 'DELETE',
        url: `/api/v1/absences/${absence.id}?version=1`,
      });

      expect(response.statusCode).toBe(409);
      const kept = await call(test.app, session, {
        method: 'GET',
        url: `/api/v1/absences/${absence.id}`,
      });
      expect(kept.json()).toMatchObject({ note: 'pagarināts', version: 2 });
    });

    it('requires the version', async () => {
      const session = await signedIn(test);
      const absence = await recordAbsence(session.person, '2027-06-01', '2027-06-02');
      const response = await call(test.app, session, {
        method: 'DELETE',
        url: `/api/v1/absences/${absence.id}`,
      });
      expect(response.statusCode).toBe(400);
      expect(problemOf(response).errors).toEqual([
        expect.objectContaining({ field: 'version', in: 'query' }),
      ]);
    });

    it('lets a unit head cancel the absence of someone in a sub-unit', async () => {
      const { department, inSubUnit } = await organisation();
      const absence = await recordAbsence(inSubUnit, '2027-07-01', '2027-07-02');
      const head = await signIn(
        test.app,
        await createPerson(test.services, { roles: ['unit_head'], unitIds: [department.id] }),
      );

      const response = await call(test.app, head, {
        method: 'DELETE',
        url: `/api/v1/absences/${absence.id}?version=1`,
      });

      expect(response.statusCode).toBe(204);
    });
  });
});
