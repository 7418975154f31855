import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import pino from 'pino';
import { createArgon2Hasher } from '../src/server/adapters/password-hasher';
import { buildApp, type Services } from '../src/server/app';
import { migrateToLatest } from '../src/server/db/migrate';
import { openBenchDatabase } from './fresh-database';
import { systemContext } from '../src/server/http/access';
import { SESSION_COOKIE } from '../src/server/http/authentication';
import {
  COMPETENCES,
  loadKnowledge,
  QUERY_KINDS,
  type KnowledgeOrganisation,
} from './knowledge-data';

// `npm run bench -- knowledge`: the knowledge base's search at 10 000 articles and 500 service
// cards, through the whole HTTP stack (app.inject) with a signed-in specialist: the one search
// box (GET /search: articles, services and people) and the article list with words to find
// (GET /articles?q=). Queries come in kinds a front office types: with and without diacritics,
// a hyphenated word written three ways, typos, one common word and less common topics. PGlite by
// default; BENCH_DATABASE_URL points it at an empty PostgreSQL database instead (`npm run bench`
// makes one). Sizes: BENCH_ARTICLES (default 10 000), BENCH_SERVICES (500), BENCH_ROUNDS (200
// per measurement).

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 10_000);
const SERVICES = Number(process.env.BENCH_SERVICES ?? 500);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);
const UNITS = 20;
const STAFF = 100;
const PASSWORD = 'benchmark password';
const GIVEN = ['Jānis', 'Anna', 'Pēteris', 'Līga', 'Mārtiņš', 'Ilze', 'Edgars', 'Dace'];
const SURNAMES = ['Bērziņš', 'Kalniņa', 'Ozols', 'Liepiņa', 'Krūmiņš', 'Šmite', 'Āboliņa'];

/** Institutions, units and their people, made through the services as an administrator would. */
async function organise(services: Services): Promise<KnowledgeOrganisation> {
  const ctx = systemContext('bench');
  const municipality = await services.institutions.create(ctx, {
    name: 'Etalona novada pašvaldība',
    kind: 'municipality',
  });
  const institutionIds = [municipality.id];
  for (const shortName of ['VSAA', 'VID', 'PMLP', 'VZD', 'NVA', 'LAD']) {
    const created = await services.institutions.create(ctx, {
      name: `Valsts iestāde ${shortName}`,
      shortName,
      kind: 'state',
    });
    institutionIds.push(created.id);
  }
  const unitIds: string[] = [];
  for (let u = 0; u < UNITS; u += 1) {
    const centre = u < 4;
    const unit = await services.units.create(ctx, {
      institutionId: municipality.id,
      parentId: null,
      name: centre ? `Klientu apkalpošanas centrs ${u + 1}` : `Nodaļa ${u - 3}`,
      kind: centre ? 'client_service_centre' : 'department',
    });
    unitIds.push(unit.id);
  }
  const staffIds: string[] = [];
  for (let s = 0; s < STAFF; s += 1) {
    const person = await services.staff.create(ctx, {
      givenName: GIVEN[s % GIVEN.length] as string,
      surname: `${SURNAMES[s % SURNAMES.length] as string} ${s}`,
      position: 'Klientu apkalpošanas speciālists',
      email: `person.${s}@example.lv`,
      competences: [
        COMPETENCES[s % COMPETENCES.length] as string,
        COMPETENCES[(s * 7 + 3) % COMPETENCES.length] as string,
      ],
      roles: ['specialist'],
      units: [{ unitId: unitIds[s % UNITS] as string, primary: true }],
      ...(s === 0 ? { password: PASSWORD } : {}),
    });
    staffIds.push(person.id);
  }
  return { staffIds, unitIds, institutionIds, competences: COMPETENCES };
}

async function signIn(app: FastifyInstance, email: string): Promise<Record<string, string>> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password: PASSWORD },
  });
  const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
  if (response.statusCode !== 200 || !cookie) throw new Error(`sign-in of ${email} failed`);
  return { cookie: `${SESSION_COOKIE}=${cookie.value}` };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** Times the request over `rounds` rounds after a warm-up; prints a row; says how many it found. */
async function measure(
  label: string,
  request: (round: number) => Promise<LightMyRequestResponse>,
  found: (body: unknown) => number,
): Promise<void> {
  for (let round = 0; round < 10; round += 1) await request(round);
  const samples: number[] = [];
  let hits = 0;
  const started = performance.now();
  for (let round = 0; round < ROUNDS; round += 1) {
    const start = performance.now();
    const response = await request(round);
    samples.push(performance.now() - start);
    if (response.statusCode >= 400) {
      throw new Error(`${label}: HTTP ${response.statusCode} ${response.body}`);
    }
    hits += found(response.json());
  }
  const seconds = (performance.now() - started) / 1000;
  samples.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(40)} ${String(ROUNDS).padStart(5)} ${(ROUNDS / seconds).toFixed(0).padStart(6)}/s` +
      ` ${percentile(samples, 50).toFixed(1).padStart(8)} ${percentile(samples, 99).toFixed(1).padStart(8)}` +
      ` ${(hits / ROUNDS).toFixed(0).padStart(9)}`,
  );
}

const { database, close } = await openBenchDatabase();
try {
  await migrateToLatest(database.db);
  const { app, services } = await buildApp({
    database,
    // Sign-in is not what is measured here: the cheapest argon2id.
    hasher: createArgon2Hasher({ memoryCost: 1024, timeCost: 1 }),
    // Failures only: a 500 says why.
    logger: pino({ level: 'error' }),
  });
  await app.ready();
  console.log(
    `Apkalpo knowledge benchmark on ${database.kind}: ${ARTICLES} articles, ${SERVICES} services`,
  );

  let started = performance.now();
  const org = await organise(services);
  console.log(
    `organisation through the services: ${UNITS} units, ${STAFF} staff in ` +
      `${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  started = performance.now();
  await loadKnowledge(
    database.db,
    org,
    { articles: ARTICLES, services: SERVICES },
    (step, seconds) => console.log(`  ${step.padEnd(12)} ${seconds.toFixed(1).padStart(6)} s`),
  );
  const { rows } = await sql<{ articles: number; services: number; words: number; mb: number }>`
    select (select count(*)::int from articles) as articles,
      (select count(*)::int from services) as services,
      (select count(*)::int from search_words) as words,
      (select round(sum(length(body_text)) / 1e6, 1)::float from articles) as mb`.execute(
    database.db,
  );
  const loaded = rows[0];
  console.log(
    `loaded in ${((performance.now() - started) / 1000).toFixed(0)} s: ${loaded?.articles} articles ` +
      `(${loaded?.mb} MB of text), ${loaded?.services} services, ${loaded?.words} indexed words\n`,
  );

  const headers = await signIn(app, 'person.0@example.lv');
  const get = (path: string, queries: readonly string[]) => (round: number) =>
    app.inject({
      method: 'GET',
      url: `${path}${encodeURIComponent(queries[round % queries.length] as string)}`,
      headers,
    });
  const allQueries = QUERY_KINDS.flatMap(([, queries]) => queries);
  const endpoints: ReadonlyArray<readonly [string, string, (body: unknown) => number]> = [
    [
      'GET /search?q=',
      '/api/v1/search?q=',
      (body) => {
        const { totals } = body as { totals: { articles: number; services: number } };
        return totals.articles + totals.services;
      },
    ],
    ['GET /articles?q=', '/api/v1/articles?q=', (body) => (body as { total: number }).total],
  ];

  console.log(
    `${'request'.padEnd(40)} ${'n'.padStart(5)} ${'rate'.padStart(8)} ${'p50 ms'.padStart(8)} ` +
      `${'p99 ms'.padStart(8)} ${'found'.padStart(9)}`,
  );
  for (const [label, path, found] of endpoints) {
    console.log(`${label}`);
    for (const [kind, queries] of QUERY_KINDS)
      await measure(`  ${kind}`, get(path, queries), found);
    await measure('  all of them, in turn', get(path, allQueries), found);
  }
  await measure(
    'GET /articles (first page, no words)',
    () => app.inject({ method: 'GET', url: '/api/v1/articles', headers }),
    (body) => (body as { total: number }).total,
  );
  await app.close();
} finally {
  await close();
}
