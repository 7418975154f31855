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

    const written = await call(test.app, unitHead, {
      method: 'PUT',
      url: `/api/v1/unit-reports/${draft.id}`,
      payload: { shortcomings: 'Atbildes kavējas', measures: '', version: 1 },
    });
    expect(written.statusCode, written.body).toBe(200);
    expect(written.json<TUnitReport>()).toMatchObject({
      shortcomings: 'Atbildes kavējas',
      state: 'draft',
      version: 2,
    });

    const submitted = await post(unitHead, `/api/v1/unit-reports/${draft.id}/submit`, {
      shortcomings: 'Atbildes kavējas',
      measures: 'Termiņu kontrole',
      version: 2,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json<TUnitReport>()).toMatchObject({
      state: 'submitted',
      measures: 'Termiņu kontrole',
      submittedBy: { id: unitHead.person.id },
      submittedAt: '2026-03-10T09:00:00.000Z',
      version: 3,
    });

    const late = await call(test.app, unitHead, {
      method: 'PUT',
      url: `/api/v1/unit-reports/${draft.id}`,
      payload: { shortcomings: 'Cits', measures: '', version: 3 },
    });
    expect(late.statusCode).toBe(409);
    expect(problemOf(late).code).toBe('conflict');
    const twice = await post(unitHead, `/api/v1/unit-reports/${draft.id}/submit`, {
      shortcomings: 'Cits',
      measures: '',
      version: 3,
    });
    expect(problemOf(twice).code).toBe('conflict');
  });

  it('writes nothing when it refuses a submission, so the corrected one needs no reload', async () => {
    test.clock.set('2026-03-10T09:00:00Z');
    const unit = await reportingUnit('Centrs Dienvidi');
    const unitHead = await signedIn(test, { roles: ['unit_head'], unitIds: [unit.id] });
    const draft = await test.services.unitReports.create(ctx, { unitId: unit.id, year: 2025 });
    const submit = (payload: Record<string, unknown>) =>
      post(unitHead, `/api/v1/unit-reports/${draft.id}/submit`, payload);

    // Spaces alone are no shortcomings: the text is trimmed first.
    const refused = await submit({ shortcomings: '  ', measures: 'Rindu kontrole', version: 1 });
    expect(refused.statusCode).toBe(400);
    expect(fieldErrorsOf(refused)).toEqual([{ field: 'shortcomings', code: 'required' }]);
    const unchanged = await call(test.app, unitHead, {
      method: 'GET',
      url: `/api/v1/unit-reports/${draft.id}`,
    });
    expect(unchanged.json<TUnitReport>()).toMatchObject({
      state: 'draft',
      measures: '',
      version: 1,
    });

    const corrected = await submit({
      shortcomings: 'Garas rindas pirmdienās',
      measures: 'Rindu kontrole',
      version: 1,
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json<TUnitReport>()).toMatchObject({
      state: 'submitted',
      shortcomings: 'Garas rindas pirmdienās',
      measures: 'Rindu kontrole',
      version: 2,
    });

    // One record of the submission, with the words it wrote; none of the refused one.
    const audited = await test.database.db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('entity_type', '=', 'unit_report')
      .where('entity_id', '=', draft.id)
      .orderBy('id')
      .execute();
    expect(audited.map((entry) => entry.action)).toEqual(['create', 'submit']);
    expect(audited[1]?.before).toMatchObject({ state: 'draft', shortcomings: '' });
    expect(audited[1]?.after).toMatchObject({
      state: 'submitted',
      shortcomings: 'Garas rindas pirmdienās',
    });
  });

  it('refuses a submission made over a change saved meanwhile', async () => {
    const unit = await reportingUnit('Centrs Vidus');
    const draft = await test.services.unitReports.create(ctx, { unitId: unit.id, year: 2025 });
    const unitHead = await signedIn(test, { roles: ['unit_head'], unitIds: [unit.id] });
    await test.services.unitReports.update(ctx, draft.id, {
      shortcomings: 'Kolēģa teksts',
      measures: '',
      version: draft.version,
    });

    const stale = await post(unitHead, `/api/v1/unit-reports/${draft.id}/submit`, {
      shortcomings: 'Mans teksts',
      measures: '',
      version: draft.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(problemOf(stale).code).toBe('version_conflict');
    expect(await test.services.unitReports.get(ctx, draft.id)).toMatchObject({
      state: 'draft',
      shortcomings: 'Kolēģa teksts',
      version: 2,
    });
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
    expect(page).toMatchObject({ total: 1, notSubmitted: 1 });

    const refused = await post(unitHead, '/api/v1/unit-reports', { unitId: other.id, year: 2025 });
    expect(fieldErrorsOf(refused)).toEqual([{ field: 'unitId', code: 'not_in_unit' }]);
    const theirs = await test.services.unitReports.create(ctx, { unitId: other.id, year: 2025 });
    const url = `/api/v1/unit-reports/${theirs.id}`;
    const words = { shortcomings: 'Svešs teksts', measures: '', version: theirs.version };
    const open = await call(test.app, unitHead, { method: 'GET', url });
    const written = await call(test.app, unitHead, { method: 'PUT', url, payload: words });
    const submitted = await post(unitHead, `${url}/submit`, words);
    expect([open, written, submitted].map((response) => response.statusCode)).toEqual([
      404, 404, 404,
    ]);
    expect(await test.services.unitReports.get(ctx, theirs.id)).toMatchObject({
      state: 'draft',
      shortcomings: '',
      version: theirs.version,
    });

    // Their report, of a year none of the unit head's units reported, is not offered either.
    const older = await test.services.unitReports.create(ctx, { unitId: other.id, year: 2021 });
    expect(older.year).toBe(2021);
    const years = (
      await call(test.app, unitHead, { method: 'GET', url: '/api/v1/unit-reports' })
    ).json<TUnitReportPage>().years;
    expect(years).not.toContain(2021);
  });

  it('offers this year, last year and the years with reports, and refuses a year to come', async () => {
    test.clock.set('2026-03-10T09:00:00Z');
    const unit = await reportingUnit('Centrs Pagātne');
    const unitHead = await signedIn(test, { roles: ['unit_head'], unitIds: [unit.id] });
    await post(unitHead, '/api/v1/unit-reports', { unitId: unit.id, year: 2022 });

    const list = await call(test.app, unitHead, { method: 'GET', url: '/api/v1/unit-reports' });
    expect(list.json<TUnitReportPage>()).toMatchObject({ year: 2025, years: [2026, 2025, 2022] });
    const allYears = (
      await call(test.app, head, { method: 'GET', url: '/api/v1/unit-reports' })
    ).json<TUnitReportPage>().years;
    expect(allYears).toEqual(expect.arrayContaining([2026, 2025, 2022]));

    // This year's report may be started before the year ends; next year's may not.
    const current = await post(unitHead, '/api/v1/unit-reports', { unitId: unit.id, year: 2026 });
    expect(current.statusCode, current.body).toBe(201);
    const next = await post(unitHead, '/api/v1/unit-reports', { unitId: unit.id, year: 2027 });
    expect(next.statusCode).toBe(400);
    expect(problemOf(next).errors).toMatchObject([
      { field: 'year', in: 'body', code: 'year_in_future' },
    ]);
    const ahead = await call(test.app, head, {
      method: 'GET',
      url: '/api/v1/unit-reports?year=2027',
    });
    expect(ahead.statusCode).toBe(400);
    expect(problemOf(ahead).errors).toMatchObject([
      { field: 'year', in: 'query', code: 'year_in_future' },
    ]);
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
