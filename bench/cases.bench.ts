import type { LightMyRequestResponse } from 'fastify';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import pino from 'pino';
import { createArgon2Hasher } from '../src/server/adapters/password-hasher';
import { buildApp } from '../src/server/app';
import {
  advisoryLock,
  tryAdvisoryLock,
  typeParsers,
  type Database,
} from '../src/server/db/database';
import { migrateToLatest } from '../src/server/db/migrate';
import type { DB } from '../src/server/db/schema';
import { loadCases } from './cases-data';
import { withFreshDatabase } from './fresh-database';
import { benchUuid, CENTRES, organise, signIn, STAFF_PER_UNIT, UNITS } from './organisation';

// `npm run bench -- cases`: the work lists at a million service requests, through the whole HTTP
// stack (app.inject) with a signed-in session. BENCH_DATABASE_URL names a PostgreSQL server; a
// new database is made there, migrated, loaded in bulk, measured and dropped. A list whose p99
// is over 100 ms gets the plan of its slowest query printed (BENCH_EXPLAIN=1: every list's).
// Sizes: BENCH_REQUESTS (default 1 000 000), BENCH_ROUNDS (200 per measurement).

const SERVER = process.env.BENCH_DATABASE_URL;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1_000_000);
const CLIENTS = Math.max(1000, Math.round(REQUESTS / 4));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);
const EXPLAIN_ALL = process.env.BENCH_EXPLAIN === '1';
const SLOW_MS = 100;

interface TracedQuery {
  sql: string;
  parameters: readonly unknown[];
  ms: number;
}

/**
 * The database as the app opens it (dates as strings, bigints as numbers), with a log of the
 * queries when asked for: which query of a slow request to explain.
 */
function openTraced(url: string) {
  const traced: TracedQuery[] = [];
  let tracing = false;
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    types: typeParsers,
  });
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (tracing && event.level === 'query') {
        traced.push({
          sql: event.query.sql,
          parameters: event.query.parameters,
          ms: event.queryDurationMillis,
        });
      }
    },
  });
  const database: Database = {
    db,
    kind: 'postgresql',
    exclusively: advisoryLock(db),
    tryExclusively: tryAdvisoryLock(db),
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close: () => db.destroy(),
  };
  return {
    database,
    trace: async (work: () => Promise<unknown>): Promise<TracedQuery[]> => {
      traced.length = 0;
      tracing = true;
      try {
        await work();
      } finally {
        tracing = false;
      }
      return [...traced];
    },
    explain: async (query: TracedQuery): Promise<string> => {
      const { rows } = await pool.query<{ 'QUERY PLAN': string }>(
        `explain (analyze, buffers) ${query.sql}`,
        [...query.parameters],
      );
      return rows.map((row) => row['QUERY PLAN']).join('\n');
    },
  };
}

interface Measured {
  label: string;
  rounds: number;
  rate: number;
  p50: number;
  p99: number;
  /** Sends the request once more, for a trace. */
  again: () => Promise<unknown>;
  writes: boolean;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function measure(
  label: string,
  request: (round: number) => Promise<LightMyRequestResponse>,
  options: { rounds?: number; writes?: boolean } = {},
): Promise<Measured> {
  const rounds = options.rounds ?? ROUNDS;
  for (let round = 0; round < 5; round += 1) await request(rounds + round);
  const samples: number[] = [];
  const started = performance.now();
  for (let round = 0; round < rounds; round += 1) {
    const start = performance.now();
    const response = await request(round);
    samples.push(performance.now() - start);
    if (response.statusCode >= 400) {
      throw new Error(`${label}: HTTP ${response.statusCode} ${response.body}`);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  samples.sort((a, b) => a - b);
  const result: Measured = {
    label,
    rounds,
    rate: rounds / seconds,
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    again: () => request(rounds * 2),
    writes: options.writes ?? false,
  };
  console.log(
    `${label.padEnd(52)} ${String(rounds).padStart(5)} ${result.rate.toFixed(0).padStart(8)}/s` +
      ` ${result.p50.toFixed(1).padStart(8)} ${result.p99.toFixed(1).padStart(8)}`,
  );
  return result;
}

async function run(url: string): Promise<void> {
  const { database, trace, explain } = openTraced(url);
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

    let started = performance.now();
    const org = await organise(services, { signers: 1 });
    console.log(
      `organisation through the services: ${UNITS} units, ${UNITS * STAFF_PER_UNIT} staff ` +
        `in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    started = performance.now();
    await loadCases(
      database.db,
      org,
      { requests: REQUESTS, clients: CLIENTS, days: 1095 },
      (step, s) => console.log(`  ${step.padEnd(12)} ${s.toFixed(1).padStart(6)} s`),
    );
    const loaded = (performance.now() - started) / 1000;
    const { rows } = await sql<{
      requests: number;
      open: number;
      overdue: number;
      due_today: number;
      contacts: number;
      clients: number;
      events: number;
    }>`
      select (select count(*)::int from service_requests) as requests,
        (select count(*)::int from service_requests where state in ('new', 'in_progress', 'waiting_client', 'waiting_institution')) as open,
        (select count(*)::int from service_requests where state in ('new', 'in_progress', 'waiting_client', 'waiting_institution') and due_at < now()) as overdue,
        (select count(*)::int from service_requests where state in ('new', 'in_progress', 'waiting_client', 'waiting_institution') and due_on = (now() at time zone 'Europe/Riga')::date) as due_today,
        (select count(*)::int from contacts) as contacts,
        (select count(*)::int from clients) as clients,
        (select count(*)::int from request_events) as events`.execute(database.db);
    const volume = rows[0];
    console.log(
      `loaded in ${loaded.toFixed(0)} s: ${volume?.requests} requests (${volume?.open} open, ` +
        `${volume?.overdue} overdue, ${volume?.due_today} due today), ${volume?.contacts} contacts, ` +
        `${volume?.clients} clients, ${volume?.events} timeline events\n`,
    );

    const specialist = await signIn(app, 'person.0.0@example.lv');
    const head = await signIn(app, org.headEmail);
    const me = org.staffIds[0] as string;
    const get = (headers: Record<string, string>, url: string) => () =>
      app.inject({ method: 'GET', url, headers });

    console.log(
      `${'request'.padEnd(52)} ${'n'.padStart(5)} ${'rate'.padStart(10)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}`,
    );
    const results: Measured[] = [];
    const as = 'specialist of the busiest centre:';
    console.log(as);
    for (const [label, path] of [
      ['GET /requests?list=mine', '/api/v1/requests?list=mine'],
      ['GET /requests?list=unit', '/api/v1/requests?list=unit'],
      ['GET /requests?list=due-today', '/api/v1/requests?list=due-today'],
      ['GET /requests?list=overdue', '/api/v1/requests?list=overdue'],
      ['GET /requests?list=waiting', '/api/v1/requests?list=waiting'],
      ['GET /requests?list=unit&q=berzins', '/api/v1/requests?list=unit&q=berzins'],
      ['GET /requests?list=all&q=janis berzins', '/api/v1/requests?list=all&q=janis%20berzins'],
      [
        'GET /requests?list=mine&sort=updated&page=3',
        '/api/v1/requests?list=mine&sort=updated&order=desc&page=3',
      ],
      ['GET /requests/counts', '/api/v1/requests/counts'],
    ] as const) {
      results.push(await measure(`  ${label}`, get(specialist, path)));
    }
    results.push(
      await measure(
        '  POST /contacts (3 requests)',
        (round) =>
          app.inject({
            method: 'POST',
            url: '/api/v1/contacts',
            headers: specialist,
            payload: {
              channel: 'in_person',
              clientId: benchUuid(`client:${(round * 7919) % CLIENTS}`),
              unitId: org.unitIds[0],
              reason: 'Vēlas deklarēt dzīvesvietu un pieteikt pabalstu',
              requests: [
                {
                  service: 'Dzīvesvietas deklarēšana',
                  kind: 'application',
                  unitId: org.unitIds[0],
                  ownerId: me,
                },
                { service: 'E-adreses lietošana', kind: 'consultation', unitId: org.unitIds[0] },
                {
                  service: 'Sociālā pabalsta pieteikums',
                  kind: 'application',
                  caseType: 'submission',
                  unitId: org.unitIds[CENTRES + (round % (UNITS - CENTRES))],
                },
              ],
            },
          }),
        { writes: true },
      ),
    );
    console.log('head of client service (sees every request):');
    for (const [label, path] of [
      ['GET /requests?list=due-today', '/api/v1/requests?list=due-today'],
      ['GET /requests?list=overdue', '/api/v1/requests?list=overdue'],
      ['GET /requests?list=waiting', '/api/v1/requests?list=waiting'],
      ['GET /requests?list=overdue&page=40', '/api/v1/requests?list=overdue&page=40'],
      ['GET /requests?list=all&q=janis berzins', '/api/v1/requests?list=all&q=janis%20berzins'],
      ['GET /requests?list=all&q=<request number>', '/api/v1/requests?list=all&q=000123'],
    ] as const) {
      results.push(await measure(`  ${label}`, get(head, path)));
    }

    for (const result of results) {
      if (result.writes || !(EXPLAIN_ALL || result.p99 > SLOW_MS)) continue;
      const queries = (await trace(result.again)).sort((a, b) => b.ms - a.ms);
      const slowest = queries[0];
      if (!slowest) continue;
      console.log(
        `\n${result.label.trim()}: p99 ${result.p99.toFixed(1)} ms; its slowest query ` +
          `(${slowest.ms.toFixed(1)} ms of ${queries.length}):\n${slowest.sql}\n` +
          `parameters: ${JSON.stringify(slowest.parameters)}\n${await explain(slowest)}`,
      );
    }
    await app.close();
  } finally {
    await database.close();
  }
}

if (!SERVER) {
  console.log(
    'The cases benchmark needs a PostgreSQL server: BENCH_DATABASE_URL=postgresql://user@host:5432/postgres ' +
      'npm run bench -- cases\n(it makes a database of its own there, loads a million requests, and drops it afterwards). Skipped.',
  );
} else {
  console.log(`Apkalpo cases benchmark: ${REQUESTS} service requests on PostgreSQL`);
  await withFreshDatabase(SERVER, 'cases', run);
}
