import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  DESKTOP,
  PHONE,
  adminApi,
  browserPages,
  context,
  expectAccessible,
  signIn,
  unique,
} from './support';

const PASSWORD = 'feedback-e2e-password';

/**
 * A centre of its own: the clerk complained about, the centre's head (the direct manager), the
 * head of client service, and a member of the Ethics commission.
 */
async function centreWithPeople(tag: string) {
  const post = await adminApi();
  const institution = await post<{ id: string }>('/institutions', {
    name: `Atsauksmju pašvaldība ${tag}`,
    kind: 'municipality',
  });
  const unit = await post<{ id: string; name: string }>('/units', {
    institutionId: institution.id,
    name: `Klientu centrs ${tag}`,
    kind: 'client_service_centre',
  });
  const person = async (givenName: string, surname: string, roles: string[], inUnit: boolean) => {
    const email = `${givenName.toLowerCase()}.${tag}@example.lv`;
    const created = await post<{ id: string }>('/staff', {
      givenName,
      surname: `${surname}${tag}`,
      position: 'Darbiniece',
      email,
      roles,
      units: inUnit ? [{ unitId: unit.id, primary: true }] : [],
      password: PASSWORD,
    });
    return { id: created.id, email, name: `${givenName} ${surname}${tag}` };
  };
  const clerk = await person('Inga', 'Sūdzētā', ['specialist'], true);
  const manager = await person('Laura', 'Vadītāja', ['unit_head'], true);
  const head = await person('Dace', 'Pārvalde', ['client_service_head'], false);
  const ethics = await person('Edgars', 'Ētika', ['ethics_commission_member'], false);
  return { unit, clerk, manager, head, ethics };
}

/** An item straight through the public API, as the mobile app would send it. */
async function submitThroughApi(body: Record<string, unknown>): Promise<string> {
  const response = await fetch(`${context().baseUrl}/api/public/feedback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 201)
    throw new Error(`feedback: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { reference: string }).reference;
}

async function openInRegistry(page: Page, reference: string): Promise<void> {
  await page.getByRole('link', { name: 'Atsauksmes' }).click();
  await page
    .getByRole('heading', { name: 'Uzslavas, sūdzības un ierosinājumi', level: 1 })
    .waitFor();
  await page.getByLabel('Meklēt tekstā vai numurā').fill(reference);
  await page.getByRole('link', { name: reference }).click();
  await page.getByRole('heading', { name: `Sūdzība ${reference}`, level: 1 }).waitFor();
}

async function escalate(page: Page, level: string, reason: string): Promise<void> {
  const panel = page.getByRole('region', { name: 'Būtiska pārkāpuma izskatīšana' });
  await panel.getByRole('radio', { name: `Nodot tālāk: ${level}` }).check();
  await panel.getByLabel('Iemesls').fill(reason);
  await panel.getByRole('button', { name: `Nodot tālāk: ${level}` }).click();
  await page.getByRole('status').filter({ hasText: 'Nodota tālāk.' }).waitFor();
  await panel.getByText(level, { exact: true }).first().waitFor();
}

describe('praise, complaints and suggestions in the browser', () => {
  const newPage = browserPages();

  it('takes a complaint on the public form, and the head evaluates it and escalates it to the Ethics commission, who see only it', async () => {
    const tag = unique();
    const { unit, clerk, head, ethics } = await centreWithPeople(tag);

    // A resident on a phone: the public form, no sign-in.
    const resident = await newPage(PHONE);
    await resident.goto(`${context().baseUrl}/feedback?unit=${unit.id}`);
    await resident.getByRole('heading', { level: 1 }).waitFor();
    await expectAccessible(resident);
    // The form lists the units that serve external clients; a new unit is marked so only in the
    // database (the units API has no such field yet), so the test puts it and its clerk on the
    // list as the page would show them. The submission itself is the form's own.
    await resident.evaluate(
      (listed: { unitId: string; unitName: string; clerkId: string; clerkName: string }) => {
        document.querySelector('#f-unitId')?.append(new Option(listed.unitName, listed.unitId));
        document.querySelector('#f-staffId')?.append(new Option(listed.clerkName, listed.clerkId));
      },
      { unitId: unit.id, unitName: unit.name, clerkId: clerk.id, clerkName: clerk.name },
    );
    await resident.getByLabel('Sūdzību').check();
    await resident.locator('#f-unitId').selectOption(unit.id);
    await resident.locator('#f-staffId').selectOption(clerk.id);
    await resident
      .locator('#f-text')
      .fill(`Darbiniece mani nelaipni atraidīja un neizskaidroja, kur vērsties (${tag}).`);
    await resident.locator('#f-name').fill('Jānis Iedzīvotājs');
    await resident.locator('#f-email').fill(`janis.${tag}@example.lv`);
    // The form refuses a submission quicker than a person can write one.
    await resident.waitForTimeout(3_500);
    await resident.getByRole('button', { name: 'Nosūtīt' }).click();
    await resident.getByRole('heading', { name: /Paldies/ }).waitFor();
    const reference = (
      await resident
        .getByText(/ATS-\d{4}-\d+/)
        .first()
        .textContent()
    )?.match(/ATS-\d{4}-\d+/)?.[0];
    expect(reference).toBeDefined();
    await expectAccessible(resident);

    // Praise through the API, never escalated: the Ethics commission must not see it.
    const praise = await submitThroughApi({
      kind: 'praise',
      unitId: unit.id,
      text: `Paldies par laipno apkalpošanu (${tag}).`,
      website: '',
    });

    // The head of client service evaluates the complaint as a serious breach.
    const office = await newPage(DESKTOP);
    await signIn(office, head.email, PASSWORD);
    await openInRegistry(office, reference as string);
    await office.getByText(`nelaipni atraidīja`, { exact: false }).waitFor();
    await expectAccessible(office);
    const evaluation = office.getByRole('region', { name: 'Izvērtēšana' });
    await evaluation.getByLabel('Tēma').fill('Attieksme pret klientu');
    await evaluation.getByLabel('Jā').check();
    await evaluation.getByLabel('Būtisks pārkāpums').check();
    await evaluation.getByLabel('Izvērtējuma piezīmes').fill(`Pārrunas ar darbinieci ${tag}`);
    await evaluation.getByRole('button', { name: 'Saglabāt izvērtējumu' }).click();
    await office.getByRole('status').filter({ hasText: 'Izvērtējums saglabāts.' }).waitFor();

    // Step by step up to the Ethics commission (32–33), each level in the history.
    await escalate(office, 'Tiešais vadītājs', 'Būtisks pārkāpums');
    await escalate(
      office,
      'Klientu apkalpošanas pārvaldes vadītājs vai izpilddirektora vietnieks',
      'Tiešais vadītājs nevar atrisināt',
    );
    await escalate(office, 'Ētikas komisija', 'Apzināta standarta neievērošana');
    const history = office
      .getByRole('region', { name: 'Būtiska pārkāpuma izskatīšana' })
      .getByRole('listitem');
    await expect.poll(() => history.count()).toBe(3);
    await expectAccessible(office);

    // A member of the Ethics commission sees that complaint and nothing else.
    const commission = await newPage(DESKTOP);
    await signIn(commission, ethics.email, PASSWORD);
    await commission.getByRole('link', { name: 'Atsauksmes' }).click();
    const rows = commission.getByRole('table', { name: 'Atsauksmju reģistrs' }).locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    await expect.poll(() => rows.first().textContent()).toContain(reference);
    await expect.poll(() => commission.getByRole('link', { name: 'Mans darbs' }).count()).toBe(0);
    await expectAccessible(commission);
    await commission.getByRole('link', { name: reference as string }).click();
    await commission.getByRole('heading', { name: `Sūdzība ${reference}`, level: 1 }).waitFor();
    await commission.getByText('nelaipni atraidīja', { exact: false }).waitFor();
    // The commission reads the history, not the evaluator's notes.
    expect(await commission.getByText(`Pārrunas ar darbinieci ${tag}`).count()).toBe(0);
    await commission.getByText('Apzināta standarta neievērošana').waitFor();
    await expectAccessible(commission);

    // The praise is not theirs: searched for, it is not there; opened directly, it is not found.
    await commission.getByRole('link', { name: 'Atsauksmes' }).click();
    await commission.getByLabel('Meklēt tekstā vai numurā').fill(praise);
    await commission.getByText('Nav nevienas atsauksmes.').waitFor();
    const praiseId = await office.evaluate(async (number) => {
      const response = await fetch(`/api/v1/feedback?q=${encodeURIComponent(number)}`);
      const page = (await response.json()) as { items: Array<{ id: string }> };
      return page.items[0]?.id ?? '';
    }, praise);
    expect(praiseId).not.toBe('');
    await commission.goto(`${context().baseUrl}/quality/feedback/${praiseId}`);
    await commission
      .getByRole('alert')
      .filter({ hasText: /nav atrasts|not found/i })
      .waitFor();
  });
});
