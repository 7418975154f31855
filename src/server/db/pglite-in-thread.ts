import { Duplex } from 'node:stream';
import { Worker } from 'node:worker_threads';

// PGlite runs PostgreSQL compiled to WebAssembly, synchronously: in the server's own thread
// every query would hold every request. It runs in a worker thread instead (pglite-thread.ts),
// and pg talks to it through a stream that carries the wire protocol across the thread's port.

/** What the thread is started with. */
export interface ThreadData {
  dataDir: string;
}

/** Messages to the thread. */
export type ToThread =
  // Wire-protocol messages of one connection, whole: pg writes a message at a time, and the
  // messages of one query together (it corks the stream around them).
  | { kind: 'protocol'; connection: number; bytes: Uint8Array }
  | { kind: 'ping'; id: number }
  | { kind: 'close' };

/** Messages from the thread. */
export type FromThread =
  | { kind: 'ready' }
  | { kind: 'protocol'; connection: number; bytes: Uint8Array }
  | { kind: 'pong'; id: number };

/**
 * The chunks copied into one ArrayBuffer of the stream's own, which crosses to the thread
 * without another copy. pg's chunks themselves are not handed over: they are views on Node's
 * pool of small Buffers, or a Sync message pg keeps and writes again.
 */
function joined(chunks: Buffer[]): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(chunks.reduce((length, chunk) => length + chunk.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The embedded database's thread stopped: nothing reaches the database until a restart. */
export class DatabaseThreadStoppedError extends Error {}

// Bundled, this module is inside dist/server/main.js or dist/server/cli/apkalpo.js, and the build
// puts the thread's own bundle beside each (scripts/build.ts); from the sources it is the .ts.
const fromSources = import.meta.url.endsWith('.ts');
const THREAD_ENTRY = new URL(
  fromSources ? './pglite-thread.ts' : './pglite-thread.js',
  import.meta.url,
);

function startWorker(data: ThreadData): Worker {
  if (!fromSources) return new Worker(THREAD_ENTRY, { workerData: data });
  // A worker does not take over tsx's loader (nor has vitest one to give): on Node 20 neither
  // an inherited nor an explicit `--import tsx` reaches a worker's entry. The worker starts from
  // a line of JavaScript that imports the entry through tsx's API; tsx is a development
  // dependency, used only here, from the sources.
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = THREAD_ENTRY.href;
  return new Worker(
    `import(${JSON.stringify(tsx)}).then(({ tsImport }) => ` +
      `tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}))`,
    { eval: true, workerData: data },
  );
}

/**
 * One connection's stream, as pg uses a socket: written messages go to the thread, the thread's
 * answers are read. pg parses them itself, as from a server.
 */
class ThreadSocket extends Duplex {
  readonly #send: (bytes: Uint8Array<ArrayBuffer>) => void;
  readonly #forget: () => void;

  constructor(send: (bytes: Uint8Array<ArrayBuffer>) => void, forget: () => void) {
    super();
    this.#send = send;
    this.#forget = forget;
  }

  // The part of net.Socket that pg calls: there is nothing to dial, so it is connected at once.
  connect(): this {
    process.nextTick(() => this.emit('connect'));
    return this;
  }
  setNoDelay(): this {
    return this;
  }
  setKeepAlive(): this {
    return this;
  }
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }

  /** An answer from the thread. */
  receive(bytes: Uint8Array): void {
    this.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }

  // The thread's answers are pushed as they arrive; there is nothing to ask for.
  override _read(): void {}

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.#send(joined([chunk]));
    callback();
  }

  // The messages of one query, corked together, cross to the thread as one.
  override _writev(chunks: { chunk: Buffer }[], callback: () => void): void {
    this.#send(joined(chunks.map(({ chunk }) => chunk)));
    callback();
  }

  // pg ends the stream after its Terminate message: the connection is over both ways.
  override _final(callback: () => void): void {
    this.push(null);
    callback();
  }

  override _destroy(error: Error | null, callback: (error: Error | null) => void): void {
    this.#forget();
    callback(error);
  }
}

export interface PgliteThread {
  /** A new connection's stream, for pg's `stream` option. */
  connect(): Duplex;
  /**
   * Resolves when the thread answers. It answers between two protocol exchanges, never inside
   * one, so the answer says it is alive and not stuck in a query; it does not wait behind the
   * queries queued for the connection, nor does it step into one's transaction.
   */
  ping(): Promise<void>;
  /** Closes PGlite in the thread (its data written out) and ends the thread. */
  close(): Promise<void>;
}

/**
 * Starts PGlite on the data folder in a thread of its own; resolves once it is open. If the
 * thread stops while open, every connection and ping fails with DatabaseThreadStoppedError, and
 * `onStop` is told once.
 */
export function startPgliteThread(
  dataDir: string,
  onStop: (error: DatabaseThreadStoppedError) => void,
): Promise<PgliteThread> {
  const worker = startWorker({ dataDir });
  const connections = new Map<number, ThreadSocket>();
  const pings = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  let lastId = 0;
  let ready = false;
  let closing = false;
  let cause: Error | undefined;
  // Why nothing reaches the thread any more, once it has ended.
  let ended: Error | undefined;
  // Settles when the thread has ended: with the error if it failed while closing.
  let exited: (failure?: Error) => void;
  const exit = new Promise<Error | undefined>((resolve) => {
    exited = resolve;
  });

  const post = (message: ToThread, transfer: ArrayBuffer[] = []) =>
    worker.postMessage(message, transfer);

  return new Promise<PgliteThread>((resolve, reject) => {
    worker.on('message', (message: FromThread) => {
      switch (message.kind) {
        case 'ready':
          ready = true;
          resolve(thread);
          return;
        case 'protocol':
          // A connection destroyed meanwhile has no use for its answer.
          connections.get(message.connection)?.receive(message.bytes);
          return;
        case 'pong':
          pings.get(message.id)?.resolve();
          pings.delete(message.id);
          return;
      }
    });
    // Whatever ended the thread (PGlite failing to open the folder, or failing later) comes here
    // first, then the exit.
    worker.on('error', (error) => {
      cause = error;
    });
    worker.on('exit', (code) => {
      const closed = closing && code === 0;
      const error = closed
        ? new Error('The embedded database (PGlite) is closed.')
        : new DatabaseThreadStoppedError(
            `The embedded database (PGlite) in ${dataDir} stopped` +
              (cause ? `: ${cause.message}` : ` (its thread exited with code ${code})`) +
              '. Nothing reaches the database until the server starts again.',
            { cause },
          );
      ended = error;
      for (const connection of connections.values()) connection.destroy(error);
      for (const ping of pings.values()) ping.reject(error);
      pings.clear();
      if (!ready) reject(cause ?? error);
      else if (!closing) onStop(error);
      exited(closing && !closed ? error : undefined);
    });

    const thread: PgliteThread = {
      connect() {
        const id = ++lastId;
        const socket = new ThreadSocket(
          (bytes) => post({ kind: 'protocol', connection: id, bytes }, [bytes.buffer]),
          () => connections.delete(id),
        );
        if (ended) {
          const error = ended;
          process.nextTick(() => socket.destroy(error));
        } else {
          connections.set(id, socket);
        }
        return socket;
      },
      ping() {
        if (ended) return Promise.reject(ended);
        const id = ++lastId;
        return new Promise<void>((resolvePing, rejectPing) => {
          pings.set(id, { resolve: resolvePing, reject: rejectPing });
          post({ kind: 'ping', id });
        });
      },
      async close() {
        // A thread that stopped before has been told of (onStop); closing it is done.
        if (!ended && !closing) {
          closing = true;
          post({ kind: 'close' });
        }
        const failure = await exit;
        if (failure) throw failure;
      },
    };
  });
}
