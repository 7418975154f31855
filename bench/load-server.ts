import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

// The server under load runs as production runs it: the build, `node dist/server/main.js`, in a
// process (group) of its own, so the load generator does not share its event loop, and its CPU
// and memory are its own.

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const START_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 15_000;

/** Builds the web app and the server when missing or older than their sources. */
export function buildIfNeeded(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/build.ts', '--if-needed'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`the build failed (exit ${code})`)),
    );
  });
}

/** A port no one listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

export interface RunningServer {
  pid: number;
  /** e.g. http://127.0.0.1:41234 */
  base: string;
  /** The last lines it wrote, to say why it failed. */
  output: () => string;
  /** How it ended ("exited with SIGTERM"), or null while it runs. */
  exited: () => string | null;
  /** Ends the process group: SIGTERM, then SIGKILL after a while. Safe to call twice. */
  stop: () => Promise<void>;
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    // The group: cluster workers and any other process the server started end with it.
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/**
 * Starts `node dist/server/main.js` with the given environment on a free port and waits until
 * /api/health answers 200. The process is ended when the bench process exits, whatever the reason.
 */
export async function startServer(env: Record<string, string>): Promise<RunningServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const inherited = { ...process.env };
  // The server's database is what the bench says, never what the calling shell had.
  delete inherited.DATABASE_URL;
  delete inherited.APKALPO_DATA_DIR;
  const child = spawn(process.execPath, ['--enable-source-maps', 'dist/server/main.js'], {
    cwd: ROOT,
    env: { ...inherited, ...env, PORT: String(port), HOST: '127.0.0.1' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - 40));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const state: { exited: string | null } = { exited: null };
  const gone = new Promise<void>((resolve) =>
    child.on('exit', (code, signal) => {
      state.exited = `exited with ${signal ?? code}`;
      resolve();
    }),
  );
  const killOnExit = () => killGroup(child, 'SIGKILL');
  process.on('exit', killOnExit);
  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      if (state.exited === null) {
        killGroup(child, 'SIGTERM');
        const timer = setTimeout(() => killGroup(child, 'SIGKILL'), STOP_TIMEOUT_MS);
        await gone;
        clearTimeout(timer);
      }
      // Workers that outlived their main process.
      killGroup(child, 'SIGKILL');
      process.off('exit', killOnExit);
    })();
    return stopping;
  };
  const output = () => lines.join('\n');

  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (state.exited !== null) {
      await stop();
      throw new Error(`the server ${state.exited} before it answered:\n${output()}`);
    }
    try {
      const response = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server did not answer /api/health within 3 minutes:\n${output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { pid: child.pid as number, base, output, stop, exited: () => state.exited };
}
