import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { adminApi, context, expectAccessible, launchBrowser, signIn, unique } from './support';

const rating = (factor: string, lv: string, group: string) => ({
  type: 'rating',
  factor,
  dimensions: ['importance', 'satisfaction'],
  scale: 'satisfaction',
  dk: true,
  comment: true,
  group,
  text: { lv },
});

/** Two waves of a small staff survey: the computer system is important but rated low. */
const answers = [
  'respondent,wave,stratum,system:importance,system:satisfaction,colleagues:importance,colleagues:satisfaction,system:comment',
  'a1,2021,Rīga,4,3,3,4,',
  'a2,2021,Latgale,4,3,3,4,',
  'a3,2021,Latgale,4,2,4,4,',
  'b1,2022,Rīga,4,2,3,4,"Sistēma bieži uzkaras"',
  'b2,2022,Latgale,4,3,3,4,',
  'b3,2022,Latgale,4,2,3,dk,',
].join('\r\n');

describe('surveys in the browser', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());
  beforeEach(async () => {
    page = await (await browser.newContext({ locale: 'lv-LV' })).newPage();
  });
  afterEach(() => page.context().close());

  it('imports a contractor’s CSV, shows the map and exports the published report as a PDF', async () => {
    const tag = unique();
    const title = `Darbinieku aptauja ${tag}`;
    const post = await adminApi();
    await post('/surveys', {
      title,
      kind: 'staff',
      questionnaire: {
        sections: [
          {
            title: { lv: 'Darbs' },
            questions: [
              rating('system', 'Datorsistēma darbojas bez problēmām', 'Datorsistēma'),
              rating('colleagues', 'Sadarbība ar pašvaldības kolēģiem', 'Sadarbība'),
            ],
          },
        ],
      },
    });

    const { adminEmail, adminPassword } = context();
    await signIn(page, adminEmail, adminPassword);
    await page.getByRole('link', { name: 'Aptaujas', exact: true }).click();
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { name: title }).waitFor();

    // A file with a mistake is refused whole, naming the line and column.
    await page.getByLabel('Atbilžu fails').setInputFiles({
      name: 'kluda.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${answers}\r\nc1,2022,Rīga,5,3,3,3,`),
    });
    await page.getByRole('button', { name: 'Ielasīt' }).click();
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toMatch(/nekas nav ielasīts.*8\. rinda, kolonna system:importance/);

    await page.getByLabel('Atbilžu fails').setInputFiles({
      name: 'atbildes.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(answers),
    });
    await page.getByRole('button', { name: 'Ielasīt' }).click();
    await page.getByText('Ielasītas 6 atbildes.').waitFor();
    await page.getByRole('cell', { name: '2022' }).waitFor();

    await page.getByRole('link', { name: 'Rezultāti', exact: true }).click();
    await page.getByRole('heading', { name: 'Svarīguma un apmierinātības karte' }).waitFor();
    const map = page.getByRole('img', { name: /Svarīguma un apmierinātības karte \(2022\)/ });
    await map.waitFor();
    const mapRow = page.getByRole('row', { name: /Datorsistēma darbojas bez problēmām/ });
    await expect.poll(() => mapRow.last().textContent()).toContain('Jāuzlabo');
    await expectAccessible(page);

    // One stratum only: the figures follow.
    await page.getByLabel('Slānis').selectOption('Rīga');
    await page.getByText('tikai slānis „Rīga”').waitFor();

    await page.getByRole('link', { name: 'Uz aptauju' }).click();
    await page.getByRole('link', { name: 'Ziņojumi', exact: true }).click();
    await page.getByLabel('Ziņojuma nosaukums').fill(`Ziņojums ${tag}`);
    await page.getByRole('button', { name: 'Izveidot ziņojumu' }).click();
    await page.getByRole('checkbox', { name: /Sistēma bieži uzkaras/ }).check();
    await page.getByRole('button', { name: 'Saglabāt' }).click();
    await page.getByText('Saglabāts.').waitFor();
    await page.getByRole('button', { name: 'Publicēt darbiniekiem' }).click();
    await page.getByRole('button', { name: 'Atsaukt publicēšanu' }).waitFor();

    // Staff find it among the published results, and the PDF is the report.
    await page.getByRole('link', { name: 'Aptauju rezultāti' }).click();
    await page.getByRole('link', { name: `Ziņojums ${tag}` }).click();
    await page.getByText('„Sistēma bieži uzkaras”').waitFor();
    const href = await page.getByRole('link', { name: 'Lejupielādēt PDF' }).getAttribute('href');
    const pdf = await page.request.get(new URL(href ?? '', context().baseUrl).toString());
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
