import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pgliteExtensions } from './pglite-extensions';
import type { FromThread, ThreadData, ToThread } from './pglite-in-thread';

// The thread that owns PGlite (started by pglite-in-thread.ts): it opens the data folder,
// answers each connection's wire-protocol messages in the order they came, answers pings
// between them, and on `close` closes PGlite, which writes everything out, and ends.

if (!parentPort) throw new Error('pglite-thread runs as a worker thread (pglite-in-thread.ts).');
const port = parentPort;
const { dataDir } = workerData as ThreadData;

function post(message: FromThread, transfer: ArrayBuffer[] = []): void {
  port.postMessage(message, transfer);
}

/**
 * The answer in an ArrayBuffer of its own, to be transferred rather than copied: PGlite's answer
 * usually is one, but a view on its receive buffer (the answer to a startup) is copied first,
 * since transferring that buffer would take it from PGlite.
 */
function ownBuffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer &&
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength
    ? (bytes as Uint8Array<ArrayBuffer>)
    : bytes.slice();
}

/**
 * SQL errors travel in the protocol; PGlite throwing is PGlite itself broken (its WebAssembly
 * trapped, the disk failed). The thread ends with the error, which the server learns from the
 * thread's `error` event.
 */
function fail(error: unknown): void {
  process.nextTick(() => {
    throw error;
  });
}

const lite = await PGlite.create({ dataDir, extensions: pgliteExtensions });

// PGlite takes one exchange at a time, and the connection's messages in the order sent.
let queue = Promise.resolve();

port.on('message', (message: ToThread) => {
  switch (message.kind) {
    case 'protocol':
      queue = queue
        .then(async () => {
          const answer = await lite.execProtocolRaw(message.bytes);
          if (answer.byteLength === 0) return;
          const bytes = ownBuffer(answer);
          post({ kind: 'protocol', connection: message.connection, bytes }, [bytes.buffer]);
        })
        .catch(fail);
      return;
    case 'ping':
      // Here the thread is between exchanges: execProtocolRaw runs the query synchronously,
      // so no message is read while one runs.
      post({ kind: 'pong', id: message.id });
      return;
    case 'close':
      queue = queue
        .then(async () => {
          await lite.close();
          process.exit(0);
        })
        .catch(fail);
      return;
  }
});

post({ kind: 'ready' });
