import { describe, expect, it } from 'vitest';
import { importanceMapChart } from '../../charts/importance-map';
import { stackedBarsChart } from '../../charts/stacked-bars';
import { pdfText } from '../testing/pdf-text';
import {
  formatChange,
  formatPercent,
  formatReportDate,
  renderSurveyReportPdf,
  type SurveyReportModel,
} from './survey-report-pdf';

const QUADRANTS = {
  improve: 'Jāuzlabo',
  strengthen: 'Jāstiprina',
  keep: 'Jāsaglabā',
  watch: 'Jāvēro',
} as const;

function model(overrides: Partial<SurveyReportModel> = {}): SurveyReportModel {
  const bars = stackedBarsChart({
    id: 'fig-1',
    title: 'Sadarbība ar pašvaldības kolēģiem',
    language: 'lv',
    rows: [{ label: 'Sadarbība ar kolēģiem', counts: { '1': 0, '2': 0, '3': 2, '4': 18, dk: 0 } }],
    scaleLabels: ['Ļoti slikti', 'Drīzāk slikti', 'Drīzāk labi', 'Ļoti labi'],
    dkLabel: 'Grūti pateikt',
  });
  const map = importanceMapChart({
    id: 'fig-6',
    title: 'Svarīguma un apmierinātības karte',
    language: 'lv',
    points: [
      { label: 'Datorsistēma', importance: 3.95, satisfaction: 2.85, quadrant: 'improve' },
      { label: 'Sadarbība', importance: 3.4, satisfaction: 3.9, quadrant: 'keep' },
    ],
    borders: { importance: 3.62, satisfaction: 3.45 },
    quadrantLabels: QUADRANTS,
    axisLabels: { satisfaction: 'Apmierinātība', importance: 'Svarīgums' },
  });
  return {
    language: 'lv',
    title: 'Aptaujas ziņojums: ā č ē ģ ī ķ ļ ņ š ū ž',
    surveyTitle: 'VPVKAC darbinieku aptauja',
    waveName: '2022',
    previousWaveName: '2021',
    date: '2022-07-01',
    method: {
      plannedSample: 20,
      reachedSample: 20,
      fieldworkStart: '2022-05-18',
      fieldworkEnd: '2022-06-22',
      responseRate: 20 / 22,
      strata: [
        { stratum: 'Rīga', planned: 3, sample: 4, completes: 3, refusals: 1, responseRate: 0.75 },
        {
          stratum: 'Latgale',
          planned: 17,
          sample: 18,
          completes: 17,
          refusals: 1,
          responseRate: 17 / 18,
        },
      ],
      refusalReasons: [{ reason: 'Nav laika', count: 2 }],
      html: '<p>Datorizētas telefonintervijas (<strong>CATI</strong>).</p>',
    },
    sections: [
      {
        title: 'Sadarbība',
        charts: [bars],
        table: [
          {
            factor: 'Sadarbība ar pašvaldības kolēģiem',
            dimension: 'satisfaction',
            n: 20,
            mean: 3.9,
            previousMean: 3.76,
          },
        ],
        quotes: ['Sistēma bieži uzkaras.'],
      },
    ],
    map: { chart: map, borders: { importance: 3.62, satisfaction: 3.45 } },
    conclusionsHtml: '<p>Datorsistēmai vajag stabilitāti.</p>',
    recommendationsHtml: '<ol><li>Novērst kļūdas.</li></ol>',
    ...overrides,
  };
}

describe('renderSurveyReportPdf', () => {
  it('lays the report out as a PDF with Latvian text, means and the map', async () => {
    const pdf = await renderSurveyReportPdf(model());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('Aptaujas ziņojums: ā č ē ģ ī ķ ļ ņ š ū ž');
    expect(text).toContain('Lauka darbs: 18.05.2022.–22.06.2022.');
    expect(text).toContain('Atsaucība: 90,9 %');
    expect(text).toContain('Kopā');
    // The strata: planned beside contacted, totalling the planned sample above them.
    expect(text).toContain('Plānots');
    expect(text).toContain('Kontakti');
    // The results table, with the previous wave and the change.
    expect(text).toContain('3,90');
    expect(text).toContain('3,76');
    expect(text).toContain('+0,14');
    expect(text).toContain('„Sistēma bieži uzkaras.“');
    // Drawn inside the charts, as vector text: a quadrant's name and a legend's label.
    const lines = text.split('\n');
    expect(lines).toContain('Jāuzlabo');
    expect(lines).toContain('Ļoti labi');
    expect(text).toContain('Datorsistēmai vajag stabilitāti.');
    expect(text).toContain('Kvadrantu robežas (vidējie): svarīgums 3,62; apmierinātība 3,45.');
    expect(text).toContain('Novērst kļūdas.');
  });

  it('numbers every page in the footer', async () => {
    const many = model({
      sections: Array.from({ length: 4 }, (_, index) => ({
        ...(model().sections[0] as SurveyReportModel['sections'][number]),
        title: `Sadaļa ${index + 1}`,
      })),
    });
    const text = pdfText(await renderSurveyReportPdf(many));
    const pages = [...text.matchAll(/^(\d+) \/ (\d+)$/gm)];
    const count = Number(pages[0]?.[2]);
    expect(count).toBeGreaterThan(1);
    expect(pages.map((page) => Number(page[1]))).toEqual(
      Array.from({ length: count }, (_, index) => index + 1),
    );
  });

  it('writes English with decimal points and leaves out what is empty', async () => {
    const english = model({
      language: 'en',
      title: 'Employee survey report',
      previousWaveName: null,
      map: null,
      conclusionsHtml: '',
      sections: [
        {
          title: 'Cooperation',
          charts: [],
          table: [
            {
              factor: 'Cooperation',
              dimension: 'importance',
              n: 0,
              mean: null,
              previousMean: null,
            },
            { factor: 'Support', dimension: 'satisfaction', n: 20, mean: 3.65, previousMean: null },
          ],
          quotes: [],
        },
      ],
    });
    const text = pdfText(await renderSurveyReportPdf(english));
    expect(text).toContain('Employee survey report');
    expect(text).toContain('Response rate: 90.9%');
    expect(text).toContain('3.65');
    expect(text).toContain('Previous');
    expect(text).not.toContain('Conclusions');
    expect(text).not.toContain('Importance–satisfaction map');
    expect(text).toContain('Recommendations');
  });
});

describe('report numbers', () => {
  it('writes dates and percentages as each language does', () => {
    expect(formatReportDate('2022-05-18', 'lv')).toBe('18.05.2022.');
    expect(formatReportDate('2022-05-18', 'en')).toBe('18/05/2022');
    expect(formatPercent(20 / 22, 'lv')).toBe('90,9 %');
    expect(formatPercent(1, 'en')).toBe('100.0%');
  });

  it('takes the change between the rounded means, so the printed columns add up', () => {
    expect(formatChange(3.9, 3.76, 'lv')).toBe('+0,14');
    expect(formatChange(3.65, 3.71, 'en')).toBe('−0.06');
    // 3.675 → 3.68 and 3.664 → 3.66: the table shows +0.02, though the exact change is 0.011.
    expect(formatChange(147 / 40, 3.664, 'en')).toBe('+0.02');
    expect(formatChange(3.5, 3.5, 'en')).toBe('0.00');
    expect(formatChange(3.5, null, 'en')).toBe('–');
  });
});
