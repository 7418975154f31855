import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { withFreshDatabase } from './fresh-database';

// `npm run bench` runs every benchmark but the load and mail benchmarks, one after another; `npm
// run bench -- cases` (or `foundation`, `knowledge`, `surveys`, `spelling`, `phone`, `load`, `mail`) runs one, and
// options after the names (`--embedded`, `--seconds=5`) go to it. With BENCH_DATABASE_URL naming a PostgreSQL
// server, each gets a new database there that is dropped afterwards; without it the foundation
// and knowledge benchmarks run on PGlite and the cases and load benchmarks say how to run them.
// The load benchmark (minutes of load on a built server, docs/PERFORMANCE.md) and the mail
// benchmark (SMTP and a Dovecot IMAP server on local ports) run only when named.

const BENCHMARKS = [
  'foundation',
  'cases',
  'knowledge',
  'surveys',
  'spelling',
  'phone',
  'load',
  'mail',
] as const;
type Benchmark = (typeof BENCHMARKS)[number];
const BY_DEFAULT: readonly Benchmark[] = [
  'foundation',
  'cases',
  'knowledge',
  'surveys',
  'spelling',
  'phone',
];
/** Benchmarks that use no database. */
const WITHOUT_DATABASE: readonly Benchmark[] = ['spelling'];

function runFile(name: Benchmark, env: NodeJS.ProcessEnv, options: string[]): Promise<void> {
  const file = fileURLToPath(new URL(`./${name}.bench.ts`, import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', file, ...options], {
      stdio: 'inherit',
      env: { ...process.env, ...env },
    });
    // Ctrl-C reaches the benchmark too: wait while it cleans up (stops its server, drops its
    // database) rather than leave it behind; a SIGTERM sent here is passed on.
    const wait = () => undefined;
    const pass = () => child.kill('SIGTERM');
    process.on('SIGINT', wait);
    process.on('SIGTERM', pass);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', wait);
      process.off('SIGTERM', pass);
      if (code === 0) resolve();
      else reject(new Error(`${name}: exited with ${signal ?? code}`));
    });
  });
}

const args = process.argv.slice(2);
const asked = args.filter((arg) => !arg.startsWith('--'));
const options = args.filter((arg) => arg.startsWith('--'));
const unknown = asked.filter((name) => !BENCHMARKS.includes(name as Benchmark));
if (unknown.length > 0) {
  console.error(`Unknown benchmark ${unknown.join(', ')}; there are: ${BENCHMARKS.join(', ')}.`);
  process.exit(2);
}
const server = process.env.BENCH_DATABASE_URL;
try {
  for (const name of asked.length > 0 ? (asked as Benchmark[]) : BY_DEFAULT) {
    console.log(`\n== ${name} ==`);
    if (name !== 'cases' && name !== 'load' && !WITHOUT_DATABASE.includes(name) && server) {
      // The foundation, knowledge, surveys, phone and mail benchmarks take an empty database: each gets
      // a new one on the server.
      await withFreshDatabase(server, name, (url) =>
        runFile(name, { BENCH_DATABASE_URL: url }, options),
      );
    } else {
      await runFile(name, {}, options);
    }
  }
} catch (error) {
  // The benchmark has said what went wrong; no stack of this runner's.
  console.error((error as Error).message);
  process.exitCode = 1;
}
