import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { withFreshDatabase } from './fresh-database';

// `npm run bench` runs every benchmark, one after another; `npm run bench -- cases` (or
// `foundation`, `knowledge`, `surveys`) runs one. With BENCH_DATABASE_URL naming a PostgreSQL server, each
// gets a new database there that is dropped afterwards; without it the foundation and knowledge
// benchmarks run on PGlite and the cases benchmark says how to run it.

const BENCHMARKS = ['foundation', 'cases', 'knowledge', 'surveys'] as const;
type Benchmark = (typeof BENCHMARKS)[number];

function runFile(name: Benchmark, env: NodeJS.ProcessEnv): Promise<void> {
  const file = fileURLToPath(new URL(`./${name}.bench.ts`, import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', file], {
      stdio: 'inherit',
      env: { ...process.env, ...env },
    });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${name}: exited with ${signal ?? code}`)),
    );
  });
}

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !BENCHMARKS.includes(name as Benchmark));
if (unknown.length > 0) {
  console.error(`Unknown benchmark ${unknown.join(', ')}; there are: ${BENCHMARKS.join(', ')}.`);
  process.exit(2);
}
const server = process.env.BENCH_DATABASE_URL;
for (const name of asked.length > 0 ? (asked as Benchmark[]) : BENCHMARKS) {
  console.log(`\n== ${name} ==`);
  if (name !== 'cases' && server) {
    // The foundation, knowledge and surveys benchmarks take an empty database: each gets a new
    // one on the server.
    await withFreshDatabase(server, name, (url) => runFile(name, { BENCH_DATABASE_URL: url }));
  } else {
    await runFile(name, {});
  }
}
