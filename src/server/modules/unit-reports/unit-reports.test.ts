import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TUnitReport, TUnitReportPage } from '../../../contracts/unit-reports.contracts';
import { systemContext } from '../../http/access';
import {
  call,
  createContact,
  createTestApp,
  createUnit,
  fieldErrorsOf,
  problemOf,
  signedIn,
  type Session,
  type TestApp,
} from '../../testing/test-app';

// Reports of 2025, written on 10 March 2026 (the test clock's start).
describe('yearly unit reports (29)', () => {
  let test: TestApp;
  let head: Session;
  const ctx = systemContext('test');

  beforeAll(async () => {
    test = await createTestApp();
    head = await signedIn(test, { roles: ['client_service_head'] });
  });
  afterAll(() => test.close());

  async function reportingUnit(name: string) {
    const unit = await createUnit(test.services, name);
    return test.services.units.update(ctx, unit.id, {
      servesExternalClients: true,
      version: unit.version,
    });
  }

  const post = (session: Session, url: string, payload: Record<string, unknown>) =>
    call(test.app, session, { method: 'POST', url, payload });

  it('starts a draft with the unit’s figures of the year, and submits it with them kept', async () => {
    const unit = await reportingUnit('Centrs Ziemeļi');
    // One request of 2025 still open, overdue since December.
    test.clock.set('2025-12-01T08:00:00Z');
    await createContact(test.services, unit.id, {
      channel: 'email',
      newClient: { kind: 'person', givenName: 'Anna', surname: 'Kalniņa' },
    });
    test.clock.set('2026-03-10T09:00:00Z');
    const unitHead = await signedIn(test, { roles: ['unit_head'], unitIds: [unit.id] });

    const created = await post(unitHead, '/api/v1/unit-reports', { unitId: unit.id, year: 2025 });
    expect(created.statusCode, created.body).toBe(201);
    const draft = created.json<TUnitReport>();
    expect(draft).toMatchObject({ state: 'draft', year: 2025, unitName: 'Centrs Ziemeļi' });
    expect(draft.figures).toMatchObject({ externalDue: 1, externalOpenOverdue: 1 });
    // Each month from December counts it overdue at its end: December alone in 2025.
    expect(draft.figures.overdueRequests).toBe(1);

    const again = await post(unitHead, '/api/v1/unit-reports', { unitId: unit.id, year: 2025 });
    expect(again.statusCode).toBe(409);

    const empty = await post(unitHead, `/api/v1/unit-reports/${draft.id}/submit`, {
      version: draft.version,
    });
    expect(fieldErrorsOf(empty)).toEqual([{ field: 'shortcomings', code: 'required' }]);

    const written = await call(test.app, unitHead, {
      method: 'PUT',
      url: `/api/v1/unit-reports/${draft.id}`,
      payload: { shortcomings: 'Atbildes kavējas', measures: 'Termiņu kontrole', version: 1 },
    });
    expect(written.statusCode, written.body).toBe(200);
    expect(written.json<TUnitReport>()).toMatchObject({
      shortcomings: 'Atbildes kavējas',
      version: 2,
    });

    const submitted = await post(unitHead, `/api/v1/unit-reports/${draft.id}/submit`, {
      version: 2,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json<TUnitReport>()).toMatchObject({
      state: 'submitted',
      submittedBy: { id: unitHead.person.id },
      submittedAt: '2026-03-10T09:00:00.000Z',
    });

    const late = await call(test.app, unitHead, {
      method: 'PUT',
      url: `/api/v1/unit-reports/${draft.id}`,
      payload: { shortcomings: 'Cits', measures: '', version: 3 },
    });
    expect(late.statusCode).toBe(409);
    expect(problemOf(late).code).toBe('conflict');
  });

  it('shows the head of client service which units have not submitted', async () => {
    const done = await reportingUnit('Centrs Austrumi');
    const missing = await reportingUnit('Centrs Rietumi');
    const started = await test.services.unitReports.create(ctx, { unitId: done.id, year: 2024 });
    await test.services.unitReports.update(ctx, started.id, {
      shortcomings: 'Nav',
      measures: '',
      version: started.version,
    });

    const response = await call(test.app, head, {
      method: 'GET',
      url: '/api/v1/unit-reports?year=2024',
    });
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json<TUnitReportPage>();
    // Listed by institution, then unit: each test unit has an institution of its own.
    const lines = page.items
      .filter((line) => [done.id, missing.id].includes(line.unitId))
      .sort((a, b) => a.unitName.localeCompare(b.unitName));
    expect(lines.map((line) => [line.unitName, line.state])).toEqual([
      ['Centrs Austrumi', 'draft'],
      ['Centrs Rietumi', 'missing'],
    ]);
    expect(page.notSubmitted).toBe(page.total);
  });

  it('shows a unit head only their units, and refuses a report of another', async () => {
    const mine = await reportingUnit('Mans centrs');
    const other = await reportingUnit('Cits centrs');
    const unitHead = await signedIn(test, { roles: ['unit_head'], unitIds: [mine.id] });
    const page = (
      await call(test.app, unitHead, { method: 'GET', url: '/api/v1/unit-reports?year=2025' })
    ).json<TUnitReportPage>();
    expect(page.items.map((line) => line.unitId)).toEqual([mine.id]);

    const refused = await post(unitHead, '/api/v1/unit-reports', { unitId: other.id, year: 2025 });
    expect(fieldErrorsOf(refused)).toEqual([{ field: 'unitId', code: 'not_in_unit' }]);
    const theirs = await test.services.unitReports.create(ctx, { unitId: other.id, year: 2025 });
    const open = await call(test.app, unitHead, {
      method: 'GET',
      url: `/api/v1/unit-reports/${theirs.id}`,
    });
    expect(open.statusCode).toBe(404);
  });

  it('takes no report from a unit that does not serve external clients', async () => {
    const unit = await createUnit(test.services);
    const response = await post(head, '/api/v1/unit-reports', { unitId: unit.id, year: 2025 });
    expect(fieldErrorsOf(response)).toEqual([{ field: 'unitId', code: 'unit_not_reporting' }]);
  });

  it('refuses a specialist', async () => {
    const clerk = await signedIn(test, { roles: ['specialist'] });
    const response = await call(test.app, clerk, { method: 'GET', url: '/api/v1/unit-reports' });
    expect(response.statusCode).toBe(403);
  });
});
