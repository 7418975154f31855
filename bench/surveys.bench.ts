import { parseSurveyAnswers } from '../src/domain/survey-csv';
import { analyseSurvey } from '../src/domain/survey-stats';
import type { Questionnaire } from '../src/domain/questionnaire';
import { createArgon2Hasher } from '../src/server/adapters/password-hasher';
import { buildApp } from '../src/server/app';
import { migrateToLatest } from '../src/server/db/migrate';
import { openBenchDatabase } from './fresh-database';
import { systemContext } from '../src/server/http/access';

// `npm run bench -- surveys`: the survey analysis at 100 000 respondents × 40 factors rated on
// importance and satisfaction (two waves, a stratum and an open comment per respondent, as a
// fieldwork contractor's file comes): the answers CSV parsed and tallied, then the counts, means
// and importance–satisfaction map, as the command line's `survey analyse` runs it; then the same
// file imported through the API's service into the database (one transaction: answers, tallies)
// and analysed there as the web app asks, for all strata and for one. PGlite by default;
// BENCH_DATABASE_URL points it at an empty PostgreSQL database instead (`npm run bench` makes
// one). Sizes: BENCH_RESPONDENTS (default 100 000), BENCH_FACTORS (40), BENCH_ROUNDS (5).

const RESPONDENTS = Number(process.env.BENCH_RESPONDENTS ?? 100_000);
const FACTORS = Number(process.env.BENCH_FACTORS ?? 40);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const STRATA = ['Rīga', 'Vidzeme', 'Kurzeme', 'Zemgale', 'Latgale'];
const VALUES = ['1', '2', '3', '3', '4', '4', 'dk', ''];

/** A file like a contractor's: answers spread over the scale, some "hard to say", some empty. */
function answersFile(): string {
  const factors = Array.from({ length: FACTORS }, (_, i) => `factor_${i + 1}`);
  const header = [
    'respondent',
    'wave',
    'stratum',
    ...factors.flatMap((factor) => [`${factor}:importance`, `${factor}:satisfaction`]),
    'comment',
  ];
  const lines = [header.join(',')];
  let seed = 17;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed;
  };
  for (let r = 0; r < RESPONDENTS; r++) {
    const cells = [`R${r}`, r % 2 === 0 ? '2021' : '2022', STRATA[r % STRATA.length] ?? ''];
    for (let c = 0; c < FACTORS * 2; c++) cells.push(VALUES[next() % VALUES.length] ?? '');
    cells.push(r % 10 === 0 ? '"Ļoti laipni, bet ""sistēma"" bieži uzkaras"' : '');
    lines.push(cells.join(','));
  }
  return lines.join('\r\n');
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

const built = performance.now();
const text = answersFile();
console.log(
  `Apkalpo survey benchmark: ${RESPONDENTS} respondents × ${FACTORS} factors, ` +
    `${(text.length / 1024 / 1024).toFixed(0)} MB of CSV made in ${((performance.now() - built) / 1000).toFixed(1)} s`,
);

const parseTimes: number[] = [];
const analyseTimes: number[] = [];
for (let round = 0; round < ROUNDS + 1; round++) {
  const started = performance.now();
  const parsed = parseSurveyAnswers(text);
  const parsedAt = performance.now();
  if (!parsed.ok)
    throw new Error(`the generated file was refused: ${JSON.stringify(parsed.problem)}`);
  const analysis = analyseSurvey(parsed.answers, { mapWave: '2022' });
  if (!analysis.ok) throw new Error('the analysis was refused');
  // The first round warms the engine up and is not counted.
  if (round === 0) continue;
  parseTimes.push(parsedAt - started);
  analyseTimes.push(performance.now() - parsedAt);
}

console.log('\nstep                                   rounds   p50 ms   max ms');
for (const [name, times] of [
  ['parse and tally the CSV', parseTimes],
  ['counts, means and the map', analyseTimes],
] as const) {
  const sorted = [...times].sort((a, b) => a - b);
  console.log(
    `${name.padEnd(38)} ${String(sorted.length).padStart(6)} ${percentile(sorted, 50)
      .toFixed(1)
      .padStart(8)} ${(sorted.at(-1) ?? 0).toFixed(1).padStart(8)}`,
  );
}

/** The questionnaire the generated file answers: every factor rated on both dimensions. */
const questionnaire: Questionnaire = {
  sections: [
    {
      title: { lv: 'Faktori' },
      questions: Array.from({ length: FACTORS }, (_, i) => ({
        type: 'rating' as const,
        factor: `factor_${i + 1}`,
        dimensions: ['importance' as const, 'satisfaction' as const],
        scale: 'satisfaction' as const,
        dk: true,
        comment: false,
        text: { lv: `Faktors ${i + 1}` },
      })),
    },
  ],
};

const { database, close } = await openBenchDatabase();
try {
  await migrateToLatest(database.db);
  const { services } = await buildApp({
    database,
    hasher: createArgon2Hasher({ memoryCost: 1024, timeCost: 1 }),
  });
  const ctx = systemContext('bench');
  const survey = await services.surveys.create(ctx, {
    title: 'Etalona aptauja',
    kind: 'client',
    description: '',
    questionnaire,
  });
  const importStarted = performance.now();
  const imported = await services.surveyAnswers.importAnswers(ctx, survey.id, {
    filename: 'etalons.csv',
    content: Buffer.from(text),
  });
  const importMs = performance.now() - importStarted;

  const timesOf = async (query: { stratum?: string }) => {
    const times: number[] = [];
    for (let round = 0; round < ROUNDS + 1; round++) {
      const started = performance.now();
      const analysis = await services.surveys.analysis(ctx, survey.id, query);
      if (analysis.map === null) throw new Error('the analysis has no map');
      if (round > 0) times.push(performance.now() - started);
    }
    return times.sort((a, b) => a - b);
  };
  const all = await timesOf({});
  const one = await timesOf({ stratum: 'Latgale' });

  console.log(
    `\nthrough the database (${database.kind}): ${imported.imported} respondents imported in ` +
      `${(importMs / 1000).toFixed(1)} s (one transaction, parse and checks included)`,
  );
  console.log('\nrequest                                rounds   p50 ms   max ms');
  for (const [name, sorted] of [
    ['analysis, all strata', all],
    ['analysis, one stratum', one],
  ] as const) {
    console.log(
      `${name.padEnd(38)} ${String(sorted.length).padStart(6)} ${percentile(sorted, 50)
        .toFixed(1)
        .padStart(8)} ${(sorted.at(-1) ?? 0).toFixed(1).padStart(8)}`,
    );
  }
} finally {
  await close();
}
