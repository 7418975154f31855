import { Worker } from 'node:worker_threads';

// /api/health asked every 100 ms on a connection of its own, from a thread of its own: how long
// a clerk's click waits behind the load. A thread, so the load generator's busy event loop does
// not delay the probe and pass its own delay off as the server's.

export interface HealthSample {
  /** When it was sent, ms since the epoch. */
  at: number;
  ms: number;
  ok: boolean;
}

// Plain JavaScript: a worker made from a string runs without the TypeScript loader.
const PROBE = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const samples = [];
let inFlight = false;
const now = () => performance.timeOrigin + performance.now();
const timer = setInterval(() => {
  // A probe still waiting is the stall being measured: its time grows until it answers.
  if (inFlight) return;
  inFlight = true;
  const at = now();
  const done = (ok) => {
    samples.push({ at, ms: now() - at, ok });
    inFlight = false;
  };
  const request = http.get(workerData.url, { agent, timeout: 30000 }, (response) => {
    response.resume();
    response.on('end', () => done(response.statusCode === 200));
  });
  request.on('timeout', () => request.destroy(new Error('timeout')));
  request.on('error', () => done(false));
}, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message.stop) {
    clearInterval(timer);
    agent.destroy();
  }
  parentPort.postMessage({ id: message.id, samples: samples.filter((s) => s.at >= message.from) });
});
`;

export function startHealthProbe(url: string, intervalMs = 100) {
  const worker = new Worker(PROBE, { eval: true, workerData: { url, intervalMs } });
  worker.unref();
  let next = 0;
  const ask = (from: number, stop: boolean) =>
    new Promise<HealthSample[]>((resolve) => {
      const id = (next += 1);
      const answer = (message: { id: number; samples: HealthSample[] }) => {
        if (message.id !== id) return;
        worker.off('message', answer);
        resolve(message.samples);
      };
      worker.on('message', answer);
      worker.postMessage({ id, from, stop });
    });
  return {
    /** The probes sent since `from` (ms since the epoch). */
    since: (from: number) => ask(from, false),
    /** Stops probing; the probes sent since `from`. */
    async stop(from = 0): Promise<HealthSample[]> {
      const samples = await ask(from, true);
      await worker.terminate();
      return samples;
    },
  };
}
