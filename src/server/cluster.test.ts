import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { restartDelay } from './cluster';

describe('starting a worker again in place of one that died', () => {
  it('waits a second, twice as long each time it dies soon after its start, up to a minute', () => {
    let delay = restartDelay(null, 5_000);
    const delays = [delay];
    for (let crash = 0; crash < 8; crash += 1) {
      delay = restartDelay(delay, 5_000);
      delays.push(delay);
    }
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000]);
  });

  it('waits a second again after a worker has run steadily', () => {
    expect(restartDelay(60_000, 10 * 60_000)).toBe(1_000);
  });
});

const source = inject('testDatabase');
const root = fileURLToPath(new URL('../..', import.meta.url));

interface LogLine {
  pid: number;
  msg: string;
  workerPid?: number;
}

/** The server started from its sources as an operator starts it, its output kept. */
function startServer(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return {
    child,
    exited,
    output: () => output,
    logs: (): LogLine[] =>
      output
        .split('\n')
        // The last piece is a line still being written, or nothing.
        .slice(0, -1)
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as LogLine),
  };
}

async function until<T>(what: string, check: () => T | undefined, server: { output(): string }) {
  // Each process started from the sources transpiles the server first: on a machine busy with
  // other work, a minute or more.
  const deadline = Date.now() + 240_000;
  for (;;) {
    const found = check();
    if (found !== undefined) return found;
    if (Date.now() > deadline)
      throw new Error(`Waited for ${what}; the server said:\n${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('No port')),
      );
    });
  });
}

/** GET on a connection of its own, so that the primary hands each to the next worker. */
function statusOnce(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http
      .get({ host: '127.0.0.1', port, path, agent: false, timeout: 15_000 }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      })
      .on('timeout', () => request.destroy(new Error('no answer')))
      .on('error', reject);
  });
}

/**
 * The answer, asking again when a connection is lost: one handed to a worker in the moment it
 * is killed ends without an answer, as it would for any client, which then asks again.
 */
async function status(port: number, path: string): Promise<number> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await statusOnce(port, path);
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** The exit code, or a failure naming what the server said when it does not exit. */
function exitOf(server: ReturnType<typeof startServer>): Promise<number | null> {
  return Promise.race([
    server.exited,
    new Promise<never>((_, reject) =>
      setTimeout(
        () => reject(new Error(`The server did not stop; it said:\n${server.output()}`)),
        60_000,
      ),
    ),
  ]);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The test server, in the run against PostgreSQL (APKALPO_TEST_POSTGRES=1). */
function postgres() {
  if (source.kind !== 'postgresql') throw new Error('These tests need PostgreSQL.');
  return source;
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgres().adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

describe.runIf(source.kind === 'postgresql')('several workers on PostgreSQL', () => {
  // Named after the run's template, so the run's teardown drops it even if this test cannot.
  let name = '';
  let server: ReturnType<typeof startServer> | null = null;

  beforeAll(async () => {
    const { template } = postgres();
    name = `${template}_cluster_${randomBytes(4).toString('hex')}`;
    await admin(`create database "${name}" template "${template}"`);
  });
  afterAll(async () => {
    if (server && server.child.exitCode === null) server.child.kill('SIGKILL');
    await admin(`drop database if exists "${name}" with (force)`);
  });

  it('share the port, replace a worker that dies, and stop cleanly on SIGTERM', async () => {
    const url = new URL(postgres().adminUrl);
    url.pathname = `/${name}`;
    const port = await freePort();
    const running = startServer({
      DATABASE_URL: url.toString(),
      WORKERS: '2',
      PORT: String(port),
      HOST: '127.0.0.1',
      APKALPO_DEMO_DATA: 'false',
      LOG_LEVEL: 'info',
    });
    server = running;
    const primary = running.child.pid ?? 0;

    await until(
      'the server to say it runs',
      () =>
        running
          .output()
          .includes(
            `Apkalpo is running at http://localhost:${port} (database: PostgreSQL, 2 workers)`,
          )
          ? true
          : undefined,
      running,
    );
    const workers = running
      .logs()
      .filter((line) => line.msg === 'worker started')
      .map((line) => line.workerPid ?? 0);
    expect(workers).toHaveLength(2);

    // Both workers answer: the log of each request names the process that served it.
    for (let request = 0; request < 10; request += 1) {
      expect(await status(port, '/api/health')).toBe(200);
    }
    const served = await until(
      'both workers to log a request',
      () => {
        const pids = new Set(
          running
            .logs()
            .filter((line) => line.msg === 'request completed')
            .map((line) => line.pid),
        );
        return pids.size === 2 ? pids : undefined;
      },
      running,
    );
    expect([...served].sort()).toEqual([...workers].sort());

    const [dying, staying] = workers as [number, number];
    process.kill(dying, 'SIGKILL');
    expect(await status(port, '/api/health')).toBe(200);
    const replacement = await until(
      'a worker to take its place',
      () =>
        running
          .logs()
          .find(
            (line) =>
              line.msg === 'worker listening' &&
              line.workerPid !== undefined &&
              !workers.includes(line.workerPid),
          )?.workerPid,
      running,
    );
    expect(workers).not.toContain(replacement);
    expect(running.logs().some((line) => line.msg.startsWith('worker stopped unexpectedly'))).toBe(
      true,
    );

    running.child.kill('SIGTERM');
    expect(await exitOf(running)).toBe(0);
    const stopped = running
      .logs()
      .filter((line) => line.msg === 'stopped')
      .map((line) => line.pid);
    expect(stopped.sort()).toEqual([primary, staying, replacement].sort());
    expect([staying, replacement].filter(isAlive)).toEqual([]);
  }, 600_000);
});
