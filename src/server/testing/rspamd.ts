import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

const RSPAMD = '/usr/bin/rspamd';
/** Debian's rspamd answers checks on its normal worker's port. */
export const RSPAMD_URL = 'http://127.0.0.1:11333';

async function pings(): Promise<boolean> {
  try {
    const response = await fetch(`${RSPAMD_URL}/ping`, { signal: AbortSignal.timeout(1000) });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * rspamd for the tests (Debian's package, its own configuration): the one already running on the
 * machine, or one started here and stopped after. It takes some seconds to load its rules.
 */
export async function useRspamd(): Promise<{ url: string; stop(): Promise<void> }> {
  if (await pings()) return { url: RSPAMD_URL, stop: () => Promise.resolve() };
  if (!existsSync(RSPAMD)) throw new Error('rspamd is not installed: apt-get install -y rspamd');
  const root = process.getuid?.() === 0;
  const child: ChildProcess = spawn(
    RSPAMD,
    ['-f', ...(root ? ['-u', '_rspamd', '-g', '_rspamd'] : ['-i'])],
    { stdio: 'ignore' },
  );
  const deadline = Date.now() + 60_000;
  while (!(await pings())) {
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill('SIGKILL');
      throw new Error('rspamd did not start within a minute.');
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url: RSPAMD_URL,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
