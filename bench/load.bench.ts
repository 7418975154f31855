import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD } from '../src/server/demo/seed-demo';
import { discover, drive, scenariosOf, signInOverHttp, type Scenario } from './load-drive';
import { startHealthProbe, type HealthSample } from './load-health';
import { postgresVersion, prepareLoadDatabase, REQUESTS, SIGNERS } from './load-database';
import { pgbenchVersion, preparePgbench, runPgbench, type PgbenchResult } from './load-pgbench';
import { monitorTree, usageOf, type TreeSample } from './load-process';
import {
  commonTargets,
  consoleHeader,
  consoleLine,
  embeddedTargets,
  latencyOf,
  markdownTable,
  pgbenchTable,
  MEMORY_LIMIT_MB,
  percentile,
  postgresTargets,
  ratioOf,
  targetLines,
  trendOf,
  type Figure,
  type Target,
  type Trend,
} from './load-report';
import { BENCH_PASSWORD, HEAD_EMAIL, staffEmail } from './organisation';
import { buildIfNeeded, startServer, type RunningServer } from './load-server';

// `npm run bench -- load`: the server as production runs it (the build, its own process, or
// WORKERS of them), driven over real HTTP by autocannon with signed-in clerks, beside pgbench on
// the same PostgreSQL in the same run, so each figure also reads as a ratio to what the database
// itself does on this machine. See docs/PERFORMANCE.md for what it prints and why.
//
//   --embedded        the server on PGlite with the demo data instead of PostgreSQL
//   --soak            the mixed profile at 32 connections for 10 minutes, memory sampled
//   --keep            keep the loaded PostgreSQL database (and pgbench's) for the next run
//   --seconds=N       each measurement's length (10; the soak's 600)
//   --warmup=N        seconds of load before each measurement, not counted (2)
//   --connections=1,8 the concurrencies (1,8,32,128; embedded 1,8,32; soak 32)
//   --only=a,b        these scenarios only (list-mine, list-unit, list-deep, counts,
//                     open-request, search, contact, mixed)

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MB = 1024 * 1024;

interface Options {
  embedded: boolean;
  soak: boolean;
  keep: boolean;
  seconds: number;
  warmup: number;
  connections: number[];
  only: string[] | null;
}

function parseOptions(args: readonly string[]): Options {
  const value = (name: string) =>
    args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  const known = ['embedded', 'soak', 'keep', 'seconds', 'warmup', 'connections', 'only'];
  const unknown = args.filter((arg) => !known.includes(arg.replace(/^--/, '').split('=')[0] ?? ''));
  if (unknown.length > 0) throw new Error(`unknown option ${unknown.join(' ')}`);
  const embedded = args.includes('--embedded');
  const soak = args.includes('--soak');
  const numbers = (text: string) => text.split(',').map(Number);
  const connections = numbers(
    value('connections') ?? (soak ? '32' : embedded ? '1,8,32' : '1,8,32,128'),
  );
  const seconds = Number(value('seconds') ?? (soak ? 600 : 10));
  const warmup = Number(value('warmup') ?? 2);
  if ([...connections, seconds, warmup].some((n) => !Number.isInteger(n) || n < 0)) {
    throw new Error('--seconds, --warmup and --connections take whole numbers');
  }
  const only = value('only')?.split(',') ?? (soak || embedded ? ['mixed'] : null);
  return { embedded, soak, keep: args.includes('--keep'), seconds, warmup, connections, only };
}

/** What undoes the run (server stopped, databases dropped), last made first undone. */
const undo: Array<() => Promise<void>> = [];
let undoing: Promise<void> | null = null;
/** A step of undoing that is done at once. */
const at = (step: () => void) => () => Promise.resolve(step());
function undoAll(): Promise<void> {
  undoing ??= (async () => {
    for (const step of undo.reverse()) {
      try {
        await step();
      } catch (error) {
        console.error(`cleaning up: ${(error as Error).message}`);
      }
    }
  })();
  return undoing;
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log(`\n${signal}: stopping the server, dropping the databases`);
    void undoAll().finally(() => process.exit(130));
  });
}

function machine(postgres: string | null, pgbench: string | null) {
  const cpus = os.cpus();
  let commit = '?';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' })
      .trim()
      .concat(execFileSync('git', ['status', '--porcelain'], { cwd: ROOT }).length > 0 ? '+' : '');
  } catch {
    // Not a checkout.
  }
  return {
    cpu: cpus[0]?.model ?? '?',
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    postgres,
    pgbench,
    workers: process.env.WORKERS ?? null,
    commit,
  };
}

function healthOf(samples: readonly HealthSample[]): Figure['health'] {
  if (samples.length === 0) return null;
  const times = samples.map((s) => s.ms).sort((a, b) => a - b);
  return {
    probes: samples.length,
    failed: samples.filter((s) => !s.ok).length,
    p99: percentile(times, 99),
    max: times.at(-1) ?? NaN,
  };
}

const epoch = () => performance.timeOrigin + performance.now();

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const serverUrl = process.env.BENCH_DATABASE_URL;
  if (!options.embedded && !serverUrl) {
    console.error(
      'The load benchmark needs a PostgreSQL server and pgbench:\n' +
        '  BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench -- load\n' +
        '(it makes a database of its own there, loads a million requests, and drops it at the end;\n' +
        'add --keep to keep it for the next run). `npm run bench -- load --embedded` needs neither.',
    );
    process.exitCode = 2;
    return;
  }
  const mode = `${options.soak ? 'soak-' : ''}${options.embedded ? 'embedded' : 'postgresql'}`;
  const withPgbench = !options.embedded && !options.soak;
  const postgres = serverUrl && !options.embedded ? await postgresVersion(serverUrl) : null;
  const pgbench = withPgbench ? await pgbenchVersion() : null;
  const startedAt = new Date();
  console.log(`Apkalpo load benchmark (${mode}), ${startedAt.toISOString()}`);

  let env: Record<string, string>;
  if (options.embedded) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'apkalpo-load-'));
    undo.push(at(() => rmSync(dataDir, { recursive: true, force: true })));
    env = {
      APKALPO_DATA_DIR: dataDir,
      APKALPO_DEMO_DATA: 'true',
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
    };
  } else {
    const loaded = await prepareLoadDatabase(serverUrl as string, options.keep, (step) =>
      undo.push(step),
    );
    env = { DATABASE_URL: loaded.url, NODE_ENV: 'production', LOG_LEVEL: 'warn' };
  }
  const pgbenchDb = withPgbench ? await preparePgbench(serverUrl as string, options.keep) : null;
  if (pgbenchDb) undo.push(pgbenchDb.drop);

  await buildIfNeeded();
  console.log(
    `starting the server${process.env.WORKERS ? ` (WORKERS=${process.env.WORKERS})` : ''}`,
  );
  const serverStarted = performance.now();
  const server: RunningServer = await startServer(env);
  undo.push(server.stop);
  console.log(
    `  answering at ${server.base} after ${((performance.now() - serverStarted) / 1000).toFixed(1)} s`,
  );
  const monitor = monitorTree(server.pid, options.soak ? 1000 : 250);
  undo.push(at(() => monitor.stop()));
  const probe = startHealthProbe(`${server.base}/api/health`);
  undo.push(async () => void (await probe.stop()));

  const specialistEmails = options.embedded
    ? ['specialist@example.lv', 'unit.head@example.lv', 'ethics@example.lv']
    : Array.from({ length: SIGNERS }, (_, unit) => staffEmail(unit));
  const headEmail = options.embedded ? 'cs.head@example.lv' : HEAD_EMAIL;
  const password = options.embedded ? DEMO_PASSWORD : BENCH_PASSWORD;
  const specialists = [];
  for (const email of specialistEmails) {
    specialists.push(await signInOverHttp(server.base, email, password));
  }
  const head = await signInOverHttp(server.base, headEmail, password);
  const desk = await discover(server.base, specialists, [head]);
  console.log(
    `  ${desk.everyone.length} clerks signed in; ${[...desk.requestIds.values()].reduce((n, ids) => n + ids.length, 0)} ` +
      `requests to open, ${desk.clientIds.length} clients, ${desk.unitIds.length} units`,
  );
  const all = scenariosOf(desk);
  const unknown = (options.only ?? []).filter((name) => !all.some((s) => s.name === name));
  if (unknown.length > 0) {
    throw new Error(
      `unknown scenario ${unknown.join(', ')}; there are ${all.map((s) => s.name).join(', ')}`,
    );
  }
  const scenarios = all.filter((s) => !options.only || options.only.includes(s.name));

  const figures: Figure[] = [];
  const pgbenchResults: PgbenchResult[] = [];
  const breakdowns: Record<
    string,
    Record<string, ReturnType<typeof latencyOf> & { n: number }>
  > = {};
  let soak: {
    processes: Record<string, Trend>;
    total: Trend;
    /** Every fifth second: minutes since the start, and each process's RSS in MB. */
    samples: Array<{ minutes: number; mb: Record<number, number> }>;
  } | null = null;
  // Ended by anything but the bench (a crash, or someone stopping servers by name): the figures
  // after it would be connection errors only.
  const stillRunning = (during: string) => {
    const exited = server.exited();
    if (exited !== null) {
      throw new Error(`the server ${exited} during ${during}; its last words:\n${server.output()}`);
    }
  };
  const measure = async (scenario: Scenario, connections: number, seconds: number) => {
    stillRunning(`the run before ${scenario.name} at ${connections}`);
    let warmErrors = 0;
    let warmNon2xx = 0;
    if (options.warmup > 0) {
      const warm = await drive(server.base, scenario, connections, options.warmup);
      warmErrors = warm.errors;
      warmNon2xx = warm.non2xx;
      for (const failure of warm.failures) console.log(`    warm-up: ${failure}`);
    }
    const mark = monitor.mark();
    const from = epoch();
    const cpu = process.cpuUsage();
    const soakReport = options.soak
      ? setInterval(() => {
          const now = monitor.samples.at(-1);
          const rss = now?.processes.map((p) => (p.rss / MB).toFixed(0)).join(' + ');
          console.log(`  ${((epoch() - from) / 60_000).toFixed(1)} min: RSS ${rss} MB`);
        }, 60_000)
      : null;
    const driven = await drive(server.base, scenario, connections, seconds);
    if (soakReport) clearInterval(soakReport);
    stillRunning(`${scenario.name} at ${connections}`);
    const window: TreeSample[] = monitor.since(mark);
    const usage = usageOf(window);
    const used = process.cpuUsage(cpu);
    const health = healthOf(await probe.since(from));
    const script = scenario.name === 'contact' ? 'insert' : 'select';
    const compared = withPgbench
      ? pgbenchResults.find((r) => r.script === script && r.asked === connections)
      : undefined;
    const figure: Figure = {
      scenario: scenario.name,
      connections,
      rate: driven.requests / driven.seconds,
      requests: driven.requests,
      ...latencyOf(driven.latencies),
      errors: driven.errors + warmErrors,
      non2xx: driven.non2xx + warmNon2xx,
      cores: usage.cores,
      generatorCores: (used.user + used.system) / 1e6 / driven.seconds,
      peakProcessMb: Math.max(0, ...Object.values(usage.peakRss)) / MB,
      peakTotalMb: usage.peakTotalRss / MB,
      peakByProcessMb: Object.fromEntries(
        Object.entries(usage.peakRss).map(([pid, rss]) => [pid, Math.round(rss / MB)]),
      ),
      health,
      pgbench: compared
        ? { script: compared.script, clients: compared.clients, tps: compared.tps }
        : null,
      ratio: ratioOf(driven.requests / driven.seconds, compared?.tps),
    };
    figures.push(figure);
    console.log(consoleLine(figure));
    for (const failure of driven.failures) console.log(`    ${failure}`);
    if (scenario.name === 'mixed') {
      const kinds = (breakdowns[`${connections}`] = {} as (typeof breakdowns)[string]);
      const sorted = Object.entries(driven.byKind).sort(([a], [b]) => a.localeCompare(b));
      for (const [kind, times] of sorted) {
        kinds[kind] = { ...latencyOf(times), n: times.length };
      }
      console.log(
        `    ${Object.entries(kinds)
          .map(([kind, l]) => `${kind} p50 ${l.p50.toFixed(1)} p99 ${l.p99.toFixed(1)} (${l.n})`)
          .join('; ')}`,
      );
    }
    if (options.soak) {
      const byPid = new Map<number, Array<{ minutes: number; mb: number }>>();
      const totals: Array<{ minutes: number; mb: number }> = [];
      const start = window[0]?.at ?? 0;
      for (const sample of window) {
        const minutes = (sample.at - start) / 60_000;
        let total = 0;
        for (const p of sample.processes) {
          const points = byPid.get(p.pid) ?? [];
          points.push({ minutes, mb: p.rss / MB });
          byPid.set(p.pid, points);
          total += p.rss;
        }
        totals.push({ minutes, mb: total / MB });
      }
      soak = {
        processes: Object.fromEntries([...byPid].map(([pid, points]) => [pid, trendOf(points)])),
        total: trendOf(totals),
        samples: window
          .filter((_, index) => index % 5 === 0)
          .map((sample) => ({
            minutes: Math.round(((sample.at - start) / 60_000) * 100) / 100,
            mb: Object.fromEntries(sample.processes.map((p) => [p.pid, Math.round(p.rss / MB)])),
          })),
      };
    }
  };

  console.log(`\n${consoleHeader()}`);
  for (const connections of options.connections) {
    if (pgbenchDb) {
      for (const script of ['select', 'insert'] as const) {
        const result = await runPgbench(pgbenchDb.url, script, connections, options.seconds);
        pgbenchResults.push(result);
        console.log(
          `${`pgbench ${script}`.padEnd(14)}${String(connections).padStart(5)}${result.tps.toFixed(0).padStart(8)}` +
            `${result.p50.toFixed(1).padStart(8)}${result.p95.toFixed(1).padStart(8)}${result.p99.toFixed(1).padStart(8)}` +
            `${result.clients < connections ? `   (ran with ${result.clients} clients: the server's connections are limited)` : ''}` +
            `${result.failed > 0 ? `   ${result.failed} failed` : ''}`,
        );
      }
    }
    for (const scenario of scenarios) await measure(scenario, connections, options.seconds);
  }

  const targets: Target[] = options.soak
    ? commonTargets(figures)
    : options.embedded
      ? embeddedTargets(figures)
      : postgresTargets(figures);
  const soakTrend = soak as { processes: Record<string, Trend>; total: Trend } | null;
  if (soakTrend) {
    const { processes, total } = soakTrend;
    console.log('\nmemory over the soak (RSS, MB; the floor is the lowest in a tenth of it):');
    for (const [pid, trend] of Object.entries(processes)) {
      console.log(
        `  pid ${pid}: floor ${trend.startMb.toFixed(0)} → ${trend.endMb.toFixed(0)}, peak ` +
          `${trend.peakMb.toFixed(0)}, ${trend.mbPerMinute.toFixed(2)} MB/min (${trend.flat ? 'flat' : 'growing'})`,
      );
    }
    const worst = Math.max(...Object.values(processes).map((t) => t.peakMb));
    const allFlat = Object.values(processes).every((t) => t.flat);
    targets.push({
      text: `memory under ${MEMORY_LIMIT_MB} MB per process and flat over the soak`,
      figure: `peak ${worst.toFixed(0)} MB; floor of all ${total.startMb.toFixed(0)} → ${total.endMb.toFixed(0)} MB, ${total.mbPerMinute.toFixed(2)} MB/min (${allFlat ? 'flat' : 'growing'})`,
      pass: worst < MEMORY_LIMIT_MB && allFlat,
    });
  }
  const about = machine(postgres, pgbench);
  const targetText = targetLines(targets);
  console.log(`\ntargets (${mode}):\n${targetText.join('\n')}`);

  const folder = path.join(ROOT, 'bench', 'results');
  mkdirSync(folder, { recursive: true });
  const stamp = startedAt.toISOString().replace(/\D/g, '').slice(0, 14);
  const json = path.join(folder, `load-${mode}-${stamp}.json`);
  writeFileSync(
    json,
    `${JSON.stringify(
      {
        mode,
        startedAt: startedAt.toISOString(),
        machine: about,
        options,
        requests: options.embedded ? null : REQUESTS,
        figures,
        pgbench: pgbenchResults,
        mixedByKind: breakdowns,
        soak,
        targets,
      },
      null,
      2,
    )}\n`,
  );
  const markdown = [
    `### ${mode}, ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `${about.cpu}, ${about.cores} cores, ${about.memoryGb} GiB; Node ${about.node}` +
      `${about.postgres ? `; PostgreSQL ${about.postgres}` : '; PGlite'}` +
      `; WORKERS ${about.workers ?? 'unset'}; commit ${about.commit}` +
      `${options.embedded ? '; demo data' : `; ${REQUESTS.toLocaleString('en')} requests`}` +
      `; ${options.seconds} s per figure after ${options.warmup} s of warm-up.`,
    '',
    markdownTable(figures),
    '',
    ...(pgbenchResults.length > 0 ? [pgbenchTable(pgbenchResults), ''] : []),
    ...Object.entries(breakdowns).map(
      ([connections, kinds]) =>
        `Mixed at ${connections}: ${Object.entries(kinds)
          .map(([kind, l]) => `${kind} p99 ${l.p99.toFixed(1)} ms`)
          .join(', ')}.`,
    ),
    '',
    ...(soakTrend
      ? [
          `Memory over the soak (RSS): ${Object.entries(soakTrend.processes)
            .map(
              ([pid, t]) =>
                `pid ${pid}, its floor ${t.startMb.toFixed(0)} MB in the first tenth, ${t.endMb.toFixed(0)} in the last, ` +
                `${t.peakMb.toFixed(0)} at most, ${t.mbPerMinute.toFixed(2)} MB/min (${t.flat ? 'flat' : 'growing'})`,
            )
            .join('; ')}.`,
          '',
        ]
      : []),
    ...targetText.map((line) => `- ${line}`),
    '',
  ].join('\n');
  writeFileSync(path.join(folder, `latest-${mode}.md`), markdown);
  console.log(`\nwritten: ${path.relative(ROOT, json)}, bench/results/latest-${mode}.md`);
}

try {
  await main();
} catch (error) {
  console.error(`\nThe load benchmark failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await undoAll();
}
