import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  PHONE,
  adminApi,
  context,
  expectAccessible,
  launchBrowser,
  signIn,
  unique,
} from './support';

/**
 * Every page of the app's router, read from its route table, so a page added there is checked
 * here too. Pages with an id in their address take one from `examples`.
 */
function routerPaths(): string[] {
  const source = readFileSync(new URL('../src/web/app/App.tsx', import.meta.url), 'utf8');
  const paths = [...source.matchAll(/\bpath: '([^']+)'/g)].map((match) => match[1] ?? '');
  return ['/', ...paths.filter((path) => path !== '*').map((path) => `/${path}`)];
}

/** What sticks out past the screen's right or left edge, other than inside a frame of its own. */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const within = (box: DOMRect) => box.left >= -1 && box.right <= width + 1;
    const found: string[] = [];
    const pageWidth = document.documentElement.scrollWidth;
    if (pageWidth > width) found.push(`the page is ${pageWidth} px wide`);
    for (const element of Array.from(document.querySelectorAll('body *'))) {
      const box = element.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1 || within(box)) continue;
      // A table that scrolls sideways in its own frame is fine while the frame fits the screen.
      let frame = element.parentElement;
      while (frame && getComputedStyle(frame).overflowX === 'visible') frame = frame.parentElement;
      if (frame && frame !== document.body && within(frame.getBoundingClientRect())) continue;
      const name = `${element.tagName.toLowerCase()}.${String(element.className).split(' ').join('.')}`;
      found.push(`${name} ${Math.round(box.left)}–${Math.round(box.right)} px`);
    }
    return found.slice(0, 5);
  });
}

describe('staff pages on tablets and phones', () => {
  let browser: Browser;
  let page: Page;
  /** An address for each page of the router, with records of their own behind the ids. */
  let examples: Record<string, string>;
  let unitId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    const tag = unique();
    const post = await adminApi();
    const institution = await post<{ id: string }>('/institutions', {
      name: `Ekrāna pašvaldība ${tag}`,
      kind: 'municipality',
    });
    const unit = await post<{ id: string }>('/units', {
      institutionId: institution.id,
      name: `Ekrāna centrs ${tag}`,
      kind: 'client_service_centre',
      servesExternalClients: true,
    });
    unitId = unit.id;
    const colleague = await post<{ id: string }>('/staff', {
      givenName: 'Elīna',
      surname: `Ekrāniņa${tag}`,
      position: 'Klientu apkalpošanas speciāliste',
      email: `elina.${tag}@example.lv`,
      roles: ['specialist'],
      units: [{ unitId: unit.id, primary: true }],
    });
    const visit = (surname: string, queue: boolean) =>
      post<{ id: string; client: { id: string }; requests: Array<{ id: string }> }>('/contacts', {
        channel: 'in_person',
        unitId: unit.id,
        newClient: {
          kind: 'person',
          givenName: 'Krišjānis',
          surname: `${surname}${tag}`,
          phone: '+371 20000000',
        },
        reason: 'Dzīvesvietas deklarēšana un nekustamā īpašuma nodoklis',
        requests: [
          {
            service: 'Deklarētās dzīvesvietas maiņa ar ļoti garu pakalpojuma nosaukumu',
            kind: 'application',
            unitId: unit.id,
            ownerId: colleague.id,
          },
        ],
        queue,
      });
    const served = await visit('Garais', false);
    await visit('Gaidītājs', true);
    const article = await post<{ id: string }>('/articles', {
      kind: 'guide',
      title: `Kā deklarēt dzīvesvietu tiešsaistē ${tag}`,
      summary: 'Soli pa solim portālā latvija.gov.lv.',
      bodyHtml:
        '<h2>Soļi</h2><ol><li>Piesakieties portālā.</li><li>Aizpildiet iesniegumu.</li></ol>',
      visibility: 'public',
      ownerId: colleague.id,
      reviewOn: '2030-01-01',
    });
    const service = await post<{ id: string }>('/services', {
      name: `Dzīvesvietas deklarēšana ${tag}`,
      kind: 'application',
      institutionId: institution.id,
      ownerId: colleague.id,
      reviewOn: '2030-01-01',
    });
    const survey = await post<{ id: string }>('/surveys', {
      title: `Klientu aptauja ${tag}`,
      kind: 'client',
      questionnaire: {
        sections: [
          {
            title: { lv: 'Apkalpošana' },
            questions: [
              {
                type: 'rating',
                factor: 'speed',
                dimensions: ['importance', 'satisfaction'],
                scale: 'satisfaction',
                dk: true,
                comment: false,
                group: 'Ātrums',
                text: { lv: 'Mani apkalpoja ātri' },
              },
            ],
          },
        ],
      },
    });
    const wave = await post<{ id: string }>(`/surveys/${survey.id}/waves`, { name: '2026' });
    const report = await post<{ id: string }>(`/surveys/${survey.id}/reports`, {
      waveId: wave.id,
      title: `Ziņojums ${tag}`,
    });
    const request = served.requests[0];
    if (!request) throw new Error('the visit has no request');
    const feedback = await post<{ id: string }>('/feedback', {
      kind: 'complaint',
      channel: 'in_person',
      unitId: unit.id,
      staffId: colleague.id,
      text: 'Klients gaidīja rindā ilgāk nekā solīts, un neviens nepaskaidroja, kāpēc.',
      name: 'Krišjānis Garais',
      email: `garais.${tag}@example.lv`,
    });
    const task = await post<{ id: string }>('/improvement-tasks', {
      unitId: unit.id,
      title: 'Informēt rindā gaidošos par gaidīšanas laiku',
      description: 'Sūdzība par ilgu gaidīšanu bez paskaidrojuma.',
      ownerId: colleague.id,
      dueOn: '2030-06-30',
      feedbackId: feedback.id,
    });
    const unitReport = await post<{ id: string }>('/unit-reports', {
      unitId: unit.id,
      year: 2025,
    });
    examples = {
      '/requests/:id': `/requests/${request.id}`,
      '/contacts/:id': `/contacts/${served.id}`,
      '/clients/:id': `/clients/${served.client.id}`,
      '/knowledge/:id': `/knowledge/${article.id}`,
      '/knowledge/:id/edit': `/knowledge/${article.id}/edit`,
      '/services/:id': `/services/${service.id}`,
      '/services/:id/edit': `/services/${service.id}/edit`,
      '/surveys/:id': `/surveys/${survey.id}`,
      '/surveys/:id/questionnaire': `/surveys/${survey.id}/questionnaire`,
      '/surveys/:id/results': `/surveys/${survey.id}/results`,
      '/surveys/:id/reports': `/surveys/${survey.id}/reports`,
      '/surveys/waves/:waveId': `/surveys/waves/${wave.id}`,
      '/surveys/waves/:waveId/cati': `/surveys/waves/${wave.id}/cati`,
      '/survey-reports/:id/edit': `/survey-reports/${report.id}/edit`,
      '/reports/:id': `/reports/${report.id}`,
      '/quality/feedback/:id': `/quality/feedback/${feedback.id}`,
      '/quality/improvements/:id': `/quality/improvements/${task.id}`,
      '/quality/improvements/:id/edit': `/quality/improvements/${task.id}/edit`,
      '/quality/unit-reports/:id': `/quality/unit-reports/${unitReport.id}`,
      '/queue': `/queue?unitId=${unit.id}`,
      '/requests': '/requests?list=all',
      '/clients': `/clients?q=${tag}`,
    };
  });
  afterAll(() => browser.close());
  beforeEach(async () => {
    page = await (await browser.newContext({ locale: 'lv-LV' })).newPage();
    const { adminEmail, adminPassword } = context();
    await signIn(page, adminEmail, adminPassword);
  });
  afterEach(() => page.context().close());

  const addresses = () => {
    const paths = routerPaths();
    const unknown = paths.filter((path) => path.includes(':') && !examples[path]);
    // A new page with an id in its address needs an example record above.
    expect(unknown).toEqual([]);
    return paths.map((path) => examples[path] ?? path);
  };

  const open = async (address: string) => {
    await page.goto(`${context().baseUrl}${address}`);
    await page.locator('main h1').first().waitFor();
    await page.waitForLoadState('networkidle');
  };

  it.each([PHONE.width, 768, 1024])(
    'shows every staff page at %i px without anything wider than the screen',
    async (width) => {
      await page.setViewportSize({ width, height: width === PHONE.width ? PHONE.height : 900 });
      const wide: string[] = [];
      for (const address of addresses()) {
        await open(address);
        for (const what of await overflowing(page)) wide.push(`${address}: ${what}`);
      }
      expect(wide).toEqual([]);
    },
    240_000,
  );

  it('folds the navigation and the header tools into a menu on a phone', async () => {
    await page.setViewportSize(PHONE);
    await open('/requests');
    const navigation = page.getByRole('navigation', { name: 'Galvenā izvēlne' });
    const menu = page.getByRole('button', { name: 'Izvēlne' });
    expect(await navigation.isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Iziet' }).isVisible()).toBe(false);
    expect(await menu.getAttribute('aria-expanded')).toBe('false');

    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await navigation.waitFor();
    await page.getByRole('button', { name: 'Iziet' }).waitFor();
    await page.getByRole('searchbox').first().waitFor();
    await expectAccessible(page);

    // Escape folds it, and so does choosing a page.
    await page.keyboard.press('Escape');
    await navigation.waitFor({ state: 'hidden' });
    expect(await menu.evaluate((button) => button === document.activeElement)).toBe(true);
    await menu.click();
    await navigation.getByRole('link', { name: 'Klienti' }).click();
    await page.getByRole('heading', { name: 'Klienti', level: 1 }).waitFor();
    await navigation.waitFor({ state: 'hidden' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
  });

  it('keeps the wide desktop frame: navigation beside the page, no menu button', async () => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await open('/requests');
    await page.getByRole('navigation', { name: 'Galvenā izvēlne' }).waitFor();
    expect(await page.getByRole('button', { name: 'Izvēlne' }).isVisible()).toBe(false);

    // An article's actions wrap beside its title, each one legible.
    await page.setViewportSize({ width: 1024, height: 900 });
    await open(examples['/knowledge/:id'] ?? '');
    await page.getByRole('button', { name: 'Izņemt no zināšanu bāzes' }).waitFor();
    await expectAccessible(page);
  });

  it('has "Aicināt nākamo" on the first screen of the queue on a phone', async () => {
    await page.setViewportSize(PHONE);
    await open(`/queue?unitId=${unitId}`);
    await page.getByRole('region', { name: 'Gaida (1)' }).waitFor();
    const callNext = page.getByRole('button', { name: 'Aicināt nākamo' });
    const box = await callNext.boundingBox();
    expect(box).not.toBeNull();
    if (!box) return;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
  });

  it('shows every mistake of a form at once, its own and those the server finds', async () => {
    await open('/services/new');
    const name = page.getByLabel('Nosaukums', { exact: true });
    const reviewOn = page.getByLabel('Nākamā pārbaude');
    await name.fill('');
    await reviewOn.fill('');
    await page.getByRole('button', { name: 'Izveidot pakalpojumu' }).click();

    // The name is the form's own rule; the review date only the server checks.
    await expect.poll(() => reviewOn.getAttribute('aria-invalid')).toBe('true');
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    await page.getByText('Norādiet pakalpojuma nosaukumu.').waitFor();
    const reviewOnError = page.locator('.field', { has: reviewOn }).locator('.field-error');
    expect(await reviewOnError.textContent()).toBeTruthy();
    expect(new URL(page.url()).pathname).toBe('/services/new');
  });
});
