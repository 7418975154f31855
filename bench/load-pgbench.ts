import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { databaseUrl } from './fresh-database';
import { percentile } from './load-report';

// The database's own limit on this machine, measured in the same run as the server: pgbench's
// primary-key select (its built-in select-only script on a database it initialised) and a
// single-row insert into a small table, each committed as one transaction like a clerk's write.

const PGBENCH = process.env.BENCH_PGBENCH ?? 'pgbench';
const SCALE = 10;
/** pgbench's database: kept across runs with --keep, like the loaded one. */
export const PGBENCH_DATABASE = `apkalpo_bench_pgbench_${SCALE}`;
const MARK = `pgbench scale ${SCALE}`;

export type PgbenchScript = 'select' | 'insert';

export interface PgbenchResult {
  script: PgbenchScript;
  /** The clients asked for, and those run: no more than the server has connections free. */
  asked: number;
  clients: number;
  tps: number;
  p50: number;
  p95: number;
  p99: number;
  failed: number;
}

function run(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(PGBENCH, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new Error(
              `pgbench was not found (${PGBENCH}): install PostgreSQL's client programs ` +
                '(Debian: apt-get install postgresql-client) or name it in BENCH_PGBENCH',
            )
          : error,
      ),
    );
    child.on('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`pgbench ${args.join(' ')}:\n${output}`)),
    );
  });
}

/** Fails early with a clear message when pgbench is missing. */
export async function pgbenchVersion(): Promise<string> {
  return (await run(['--version'])).trim();
}

async function admin<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * pgbench's database, initialised at scale 10 (a million accounts) with the insert's table.
 * With `keep` one made earlier is used again and left; otherwise it is made and `drop` drops it.
 */
export async function preparePgbench(
  serverUrl: string,
  keep: boolean,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const url = databaseUrl(serverUrl, PGBENCH_DATABASE);
  const drop = () =>
    keep
      ? Promise.resolve()
      : admin(serverUrl, (c) =>
          c.query(`drop database if exists ${PGBENCH_DATABASE} with (force)`),
        ).then(() => undefined);
  const mark = await admin(serverUrl, async (c) => {
    const { rows } = await c.query<{ mark: string | null }>(
      `select shobj_description(oid, 'pg_database') as mark from pg_database where datname = $1`,
      [PGBENCH_DATABASE],
    );
    return rows[0];
  });
  if (keep && mark?.mark === MARK) return { url, drop };
  await admin(serverUrl, async (c) => {
    await c.query(`drop database if exists ${PGBENCH_DATABASE} with (force)`);
    await c.query(`create database ${PGBENCH_DATABASE}`);
  });
  await run(['-i', '-q', '-s', String(SCALE), url]);
  await admin(url, (c) =>
    c.query(`create table bench_insert (
      id bigint generated always as identity primary key,
      at timestamptz not null default now(),
      note text not null)`),
  );
  await admin(serverUrl, (c) => c.query(`comment on database ${PGBENCH_DATABASE} is '${MARK}'`));
  return { url, drop };
}

/** Connections a new client may still open on the server, keeping a few for others. */
async function connectionsFree(url: string): Promise<number> {
  return admin(url, async (c) => {
    const { rows } = await c.query<{ free: number }>(
      `select current_setting('max_connections')::int
        - current_setting('superuser_reserved_connections')::int
        - (select count(*)::int from pg_stat_activity where backend_type = 'client backend')
        - 4 as free`,
    );
    return rows[0]?.free ?? 0;
  });
}

/**
 * The transaction times pgbench logged (-l), in ms, sorted. A line: client, transaction,
 * time in µs, script, epoch seconds, µs; a failed one has "failed" for its time.
 */
export function transactionTimes(logs: readonly string[]): number[] {
  const times: number[] = [];
  for (const log of logs) {
    for (const line of log.split('\n')) {
      const micros = Number(line.split(' ')[2]);
      if (line !== '' && Number.isFinite(micros)) times.push(micros / 1000);
    }
  }
  return times.sort((a, b) => a - b);
}

/** "tps = 3314.12 (without initial connection time)" */
export function tpsOf(output: string): number {
  const match = /^tps = ([\d.]+)/m.exec(output);
  if (!match) throw new Error(`no tps in pgbench's output:\n${output}`);
  return Number(match[1]);
}

/** One script at one concurrency for `seconds`, with the latencies of a sample of transactions. */
export async function runPgbench(
  url: string,
  script: PgbenchScript,
  asked: number,
  seconds: number,
): Promise<PgbenchResult> {
  const clients = Math.max(1, Math.min(asked, await connectionsFree(url)));
  const folder = mkdtempSync(path.join(tmpdir(), 'apkalpo-pgbench-'));
  try {
    const args = ['-n', '-c', String(clients), '-j', String(Math.min(2, clients))];
    args.push('-T', String(seconds), '-l', '--sampling-rate=0.2');
    args.push(`--log-prefix=${path.join(folder, 'tx')}`);
    if (script === 'select') {
      args.push('-S');
    } else {
      await admin(url, (c) => c.query('truncate bench_insert'));
      const file = path.join(folder, 'insert.sql');
      writeFileSync(file, "insert into bench_insert (note) values ('contact');\n");
      args.push('-f', file);
    }
    const output = await run([...args, url]);
    const logs = readdirSync(folder)
      .filter((name) => name.startsWith('tx'))
      .map((name) => readFileSync(path.join(folder, name), 'utf8'));
    const times = transactionTimes(logs);
    const failed = /number of failed transactions: (\d+)/.exec(output);
    return {
      script,
      asked,
      clients,
      tps: tpsOf(output),
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      p99: percentile(times, 99),
      failed: failed ? Number(failed[1]) : 0,
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
