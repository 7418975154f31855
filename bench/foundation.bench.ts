import type { FastifyInstance } from 'fastify';
import { addCalendarDays, rigaDateOf } from '../src/domain/riga-time';
import { createArgon2Hasher, PRODUCTION_ARGON2_COST } from '../src/server/adapters/password-hasher';
import { buildApp } from '../src/server/app';
import { migrateToLatest } from '../src/server/db/migrate';
import { openBenchDatabase } from './fresh-database';
import { systemContext } from '../src/server/http/access';

// `npm run bench`: builds a large organisation and times the lists the web app shows, through
// the whole HTTP stack (app.inject). PGlite by default; BENCH_DATABASE_URL points it at an
// empty PostgreSQL database instead. Sizes: BENCH_STAFF (default 3000), BENCH_UNITS (200).

const STAFF = Number(process.env.BENCH_STAFF ?? 3000);
const UNITS = Number(process.env.BENCH_UNITS ?? 200);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);
const PASSWORD = 'benchmark password';
const SURNAMES = [
  'Bērziņš',
  'Kalniņa',
  'Ozols',
  'Liepiņa',
  'Krūmiņš',
  'Šmite',
  'Āboliņa',
  'Zariņš',
];
const GIVEN = ['Jānis', 'Anna', 'Pēteris', 'Līga', 'Mārtiņš', 'Ilze', 'Edgars', 'Dace'];
const COMPETENCES = [
  'e-adrese',
  'eID',
  'deklarētā dzīvesvieta',
  'sociālie pabalsti',
  'VID EDS',
  'būvatļaujas',
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function time(
  label: string,
  rounds: number,
  request: (round: number) => Promise<{ statusCode: number }>,
): Promise<void> {
  const samples: number[] = [];
  const started = performance.now();
  for (let round = 0; round < rounds; round += 1) {
    const start = performance.now();
    const response = await request(round);
    samples.push(performance.now() - start);
    if (response.statusCode >= 400) throw new Error(`${label}: HTTP ${response.statusCode}`);
  }
  const total = (performance.now() - started) / 1000;
  samples.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(44)} ${String(rounds).padStart(5)}  ${(rounds / total).toFixed(0).padStart(7)}/s` +
      `  p50 ${percentile(samples, 50).toFixed(1).padStart(6)} ms  p99 ${percentile(samples, 99).toFixed(1).padStart(6)} ms`,
  );
}

async function seed(
  app: FastifyInstance,
  services: Awaited<ReturnType<typeof buildApp>>['services'],
) {
  const ctx = systemContext('bench');
  const institution = await services.institutions.create(ctx, {
    name: 'Etalona novada pašvaldība',
    kind: 'municipality',
  });
  const unitIds: string[] = [];
  for (let i = 0; i < UNITS; i += 1) {
    const unit = await services.units.create(ctx, {
      institutionId: institution.id,
      parentId: i === 0 ? null : unitIds[Math.floor(Math.random() * unitIds.length)],
      name: `Nodaļa ${i}`,
      kind: i % 10 === 0 ? 'client_service_centre' : 'department',
    });
    unitIds.push(unit.id);
  }
  const staffIds: string[] = [];
  for (let i = 0; i < STAFF; i += 1) {
    const person = await services.staff.create(ctx, {
      givenName: GIVEN[i % GIVEN.length] as string,
      surname: `${SURNAMES[i % SURNAMES.length]} ${i}`,
      position: i % 7 === 0 ? 'Vadītājs' : 'Klientu apkalpošanas speciālists',
      email: `person.${i}@example.lv`,
      competences: [COMPETENCES[i % COMPETENCES.length] as string],
      roles: i === 0 ? ['administrator', 'auditor'] : ['specialist'],
      units: [{ unitId: unitIds[i % unitIds.length] as string, primary: true }],
      ...(i === 0 ? { password: PASSWORD } : {}),
    });
    staffIds.push(person.id);
  }
  const today = rigaDateOf(new Date());
  for (let i = 1; i < STAFF; i += 10) {
    await services.absences.create(ctx, {
      staffId: staffIds[i] as string,
      kind: 'vacation',
      startsOn: addCalendarDays(today, -(i % 5)),
      endsOn: addCalendarDays(today, i % 9),
      substituteId: staffIds[i + 1] ?? null,
    });
  }
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: 'person.0@example.lv', password: PASSWORD },
  });
  const cookie = login.cookies.find((c) => c.name === 'apkalpo_session');
  return { headers: { cookie: `apkalpo_session=${cookie?.value ?? ''}` }, today };
}

const { database, close } = await openBenchDatabase();
await migrateToLatest(database.db);
const { app, services } = await buildApp({
  database,
  hasher: createArgon2Hasher(PRODUCTION_ARGON2_COST),
});
console.log(
  `Apkalpo benchmark on ${database.kind}: ${STAFF} staff, ${UNITS} units, ${Math.ceil(STAFF / 10)} absences`,
);
const seedStart = performance.now();
const { headers, today } = await seed(app, services);
console.log(
  `seeded through the services in ${((performance.now() - seedStart) / 1000).toFixed(1)} s\n`,
);
console.log(`${'request'.padEnd(44)} ${'n'.padStart(5)}  ${'rate'.padStart(9)}  latency`);

const get = (url: string) => app.inject({ method: 'GET', url, headers });
await time('GET /directory (first page)', ROUNDS, () => get('/api/v1/directory'));
await time('GET /directory?q=<name without diacritics>', ROUNDS, (round) =>
  get(`/api/v1/directory?q=berzins%20${round % STAFF}`),
);
await time('GET /directory?q=<competence>', ROUNDS, () =>
  get('/api/v1/directory?q=e-adrese&page=3'),
);
await time('GET /staff?sort=surname&page=<n>', ROUNDS, (round) =>
  get(`/api/v1/staff?sort=surname&page=${(round % 50) + 1}`),
);
await time('GET /absences?date=<today>', ROUNDS, () => get(`/api/v1/absences?date=${today}`));
await time('GET /units (whole tree)', ROUNDS, () => get('/api/v1/units'));
await time('GET /audit?limit=50', ROUNDS, () => get('/api/v1/audit?limit=50'));
await time('POST /auth/login (argon2id, production cost)', 20, () =>
  app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: 'person.0@example.lv', password: PASSWORD },
  }),
);

await app.close();
await close();
