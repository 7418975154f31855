import { Worker } from 'node:worker_threads';

// The routing questions of calls rung together, sent from a thread of its own: an isolate with a
// small heap of its own, apart from the benchmark's, which holds the day of calls it built and
// autocannon's results. Sent from the benchmark's own thread, the same server's p99 at 32 at
// once read 18–25 ms where a process of its own read 10–15 (docs/PERFORMANCE.md): the
// difference was the generator's, not the server's.

// Plain JavaScript: a worker made from a string runs without the TypeScript loader.
const BURSTS = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { setTimeout: sleep } = require('node:timers/promises');
const { base, authorization, paths, callers, bursts, gapMs } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: callers });
const get = (path) =>
  new Promise((resolve, reject) => {
    http
      .get(new URL(path, base), { agent, headers: { authorization } }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
// An answer that rings someone: every line of the benchmark has people free.
const answered = (status, body) => {
  try {
    return status === 200 && JSON.parse(body).extensions.length > 0;
  } catch {
    return false;
  }
};
(async () => {
  const times = [];
  let asked = 0;
  let failure = null;
  // One burst unmeasured: the connections are opened before any is timed.
  for (let burst = -1; burst < bursts && !failure; burst++) {
    const begun = performance.now();
    await Promise.all(
      Array.from({ length: callers }, async () => {
        const { status, body } = await get(paths[asked++ % paths.length]);
        if (burst >= 0) times.push(performance.now() - begun);
        if (!failure && !answered(status, body)) failure = { status, body };
      }),
    );
    await sleep(gapMs);
  }
  agent.destroy();
  parentPort.postMessage({ times, failure });
})().catch((error) => parentPort.postMessage({ times: [], failure: { status: 0, body: String(error) } }));
`;

export interface Bursts {
  base: string;
  authorization: string;
  paths: readonly string[];
  callers: number;
  bursts: number;
  gapMs: number;
}

/**
 * Rings `callers` calls together, `bursts` times: each burst's questions leave at the same moment,
 * one on each kept-alive connection, and each question's time runs from the burst's start to its
 * answer. The next burst follows `gapMs` after the last answer of this one. Resolves with the
 * times, and the first answer that rang nobody or was not 200, if any.
 */
export async function askInBursts(
  bursts: Bursts,
): Promise<{ times: number[]; failure: { status: number; body: string } | null }> {
  const worker = new Worker(BURSTS, { eval: true, workerData: { ...bursts } });
  try {
    return await new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  } finally {
    await worker.terminate();
  }
}
