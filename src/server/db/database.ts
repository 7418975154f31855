import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import {
  Kysely,
  PostgresDialect,
  PostgresDriver,
  sql,
  type AccessMode,
  type DatabaseConnection,
  type Driver,
  type IsolationLevel,
  type PostgresDialectConfig,
  type Transaction,
  type TransactionBuilder,
} from 'kysely';
import pg from 'pg';
import {
  DatabaseThreadStoppedError,
  startPgliteThread,
  type PgliteThread,
} from './pglite-in-thread';
import type { DB } from './schema';

export { DatabaseThreadStoppedError };
export { pgliteExtensions } from './pglite-extensions';

export type DatabaseKind = 'pglite' | 'postgresql';

/** Either the whole database or an open transaction: repositories take whichever they're given. */
export type Executor = Kysely<DB> | Transaction<DB>;

export interface Database {
  db: Kysely<DB>;
  kind: DatabaseKind;
  /**
   * Runs the work while no other instance (or caller) runs work under the same name, waiting
   * its turn: one-off work at start, such as seeding the demo, happens once however many
   * instances start together. The work uses `db` as usual.
   */
  exclusively<T>(name: string, work: () => Promise<T>): Promise<T>;
  /**
   * Runs the work unless another instance (or caller) is running work under the same name, in
   * which case it does nothing; says whether it ran. A periodic job's tick runs where it gets the
   * lock and is skipped everywhere else. Names are kept apart from those of `exclusively`.
   */
  tryExclusively(name: string, work: () => Promise<void>): Promise<boolean>;
  /**
   * Hears PostgreSQL's notifications on a channel (LISTEN/NOTIFY, sent by triggers when they
   * commit) over a connection of its own, reconnecting when it drops. Absent where there is no
   * one else to hear from: PGlite belongs to one process.
   */
  listen?: (channel: string, listener: ChannelListener) => void;
  /**
   * Resolves when the database answers. PostgreSQL runs `select 1` through the pool, which has
   * connections to spare. PGlite's thread answers between two queries without waiting behind the
   * queries queued for its one connection (PgliteThread.ping); in-process PGlite (an instance
   * handed in, as in the tests) has only that connection for `select 1`.
   */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface ChannelListener {
  /** A notification's payload. */
  message(payload: string): void;
  /**
   * Listening has started (true) or stopped (false). Notifications sent while it was stopped are
   * lost, so what was kept on the strength of them must be forgotten.
   */
  listening(active: boolean): void;
}

const FIRST_RETRY_MS = 500;
const LAST_RETRY_MS = 30_000;

/** LISTEN connections to the server; each reconnects after a failure until closed. */
function channelsOf(url: string, onError: (error: Error) => void) {
  const stops = new Set<() => Promise<void>>();
  function listen(channel: string, listener: ChannelListener): void {
    let current: pg.Client | null = null;
    let stopped = false;
    let retryMs = FIRST_RETRY_MS;
    let retry: NodeJS.Timeout | null = null;
    const lost = (client: pg.Client, error?: Error) => {
      if (current !== client) return;
      current = null;
      if (error) onError(error);
      listener.listening(false);
      client.end().catch(() => undefined);
      if (stopped) return;
      retry = setTimeout(() => void connect(), retryMs);
      retry.unref();
      retryMs = Math.min(retryMs * 2, LAST_RETRY_MS);
    };
    const connect = async () => {
      const client = new pg.Client({ connectionString: url });
      current = client;
      client.on('notification', (notification) => {
        if (notification.channel === channel) listener.message(notification.payload ?? '');
      });
      client.on('error', (error) => lost(client, error));
      client.on('end', () => lost(client));
      try {
        await client.connect();
        await client.query(`listen ${client.escapeIdentifier(channel)}`);
      } catch (error) {
        lost(client, error as Error);
        return;
      }
      if (current !== client) return;
      retryMs = FIRST_RETRY_MS;
      listener.listening(true);
    };
    stops.add(async () => {
      stopped = true;
      if (retry) clearTimeout(retry);
      const client = current;
      current = null;
      if (client) {
        listener.listening(false);
        await client.end().catch(() => undefined);
      }
    });
    void connect();
  }
  return {
    listen,
    close: () => Promise.all([...stops].map((stop) => stop())).then(() => undefined),
  };
}

/**
 * A PostgreSQL advisory lock held by a connection of the locks' own pool (openDatabase), so that
 * the work has the requests' pool: the lock is the instance's, and ends with its connection if it
 * dies.
 * It is the kind of lock the migrator takes too.
 */
export function advisoryLock(db: Kysely<DB>) {
  return <T>(name: string, work: () => Promise<T>): Promise<T> =>
    db.connection().execute(async (connection) => {
      await sql`select pg_advisory_lock(hashtext(${name}))`.execute(connection);
      try {
        return await work();
      } finally {
        await sql`select pg_advisory_unlock(hashtext(${name}))`.execute(connection);
      }
    });
}

/** Like advisoryLock, but without waiting: when another holds the lock, the work is skipped. */
export function tryAdvisoryLock(db: Kysely<DB>) {
  return (name: string, work: () => Promise<void>): Promise<boolean> =>
    db.connection().execute(async (connection) => {
      const { rows } = await sql<{
        locked: boolean;
      }>`select pg_try_advisory_lock(hashtext(${name})) as locked`.execute(connection);
      if (!rows[0]?.locked) return false;
      try {
        await work();
        return true;
      } finally {
        await sql`select pg_advisory_unlock(hashtext(${name}))`.execute(connection);
      }
    });
}

/**
 * PGlite has one connection, which the work needs, and one process at a time (the folder lock):
 * taking turns within the process is all there is to do.
 */
function inProcessLock() {
  const queues = new Map<string, Promise<unknown>>();
  return <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const previous = queues.get(name) ?? Promise.resolve();
    const next = previous.then(work, work);
    queues.set(
      name,
      next.catch(() => undefined),
    );
    return next;
  };
}

/** Work under a name runs here unless the same name's work is still running in this process. */
function inProcessTryLock() {
  const running = new Set<string>();
  return async (name: string, work: () => Promise<void>): Promise<boolean> => {
    if (running.has(name)) return false;
    running.add(name);
    try {
      await work();
      return true;
    } finally {
      running.delete(name);
    }
  };
}

/**
 * A query went through the root `db` while a transaction was open in the same piece of work. On
 * PGlite's single connection it would wait for the transaction, which waits for it: forever. On
 * PostgreSQL it would read beside the transaction, not see its writes, and could wait for its
 * locks. The work uses the transaction's handle, or reads before the transaction opens.
 */
export class QueryBesideTransactionError extends Error {
  constructor() {
    super(
      'A query ran through db while this work has a transaction open: it would wait for the ' +
        'transaction forever on PGlite. Pass the transaction (trx) down, or read before it opens.',
    );
  }
}

// The work inside a transaction's callback, and everything it starts, carries `{ open: true }`
// until the callback settles; a connection asked for there is a query beside the transaction.
const transactionWork = new AsyncLocalStorage<{ open: boolean }>();

class TransactionCheckingDriver extends PostgresDriver {
  override async acquireConnection(): Promise<DatabaseConnection> {
    if (transactionWork.getStore()?.open) throw new QueryBesideTransactionError();
    return super.acquireConnection();
  }
}

class TransactionCheckingDialect extends PostgresDialect {
  readonly #config: PostgresDialectConfig;
  constructor(config: PostgresDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new TransactionCheckingDriver(this.#config);
  }
}

function markingItsWork(builder: TransactionBuilder<DB>): TransactionBuilder<DB> {
  const execute = builder.execute.bind(builder);
  const setAccessMode = builder.setAccessMode.bind(builder);
  const setIsolationLevel = builder.setIsolationLevel.bind(builder);
  return Object.assign(builder, {
    execute: <T>(callback: (trx: Transaction<DB>) => Promise<T>) =>
      execute(async (trx) => {
        const work = { open: true };
        try {
          return await transactionWork.run(work, () => callback(trx));
        } finally {
          work.open = false;
        }
      }),
    setAccessMode: (mode: AccessMode) => markingItsWork(setAccessMode(mode)),
    setIsolationLevel: (level: IsolationLevel) => markingItsWork(setIsolationLevel(level)),
  });
}

class TransactionCheckingKysely extends Kysely<DB> {
  override transaction(): TransactionBuilder<DB> {
    return markingItsWork(super.transaction());
  }
}

/**
 * Kysely over the pool. Checked, a query through the root `db` while the same piece of work has
 * a transaction open throws QueryBesideTransactionError instead of hanging; the check costs an
 * async context per transaction, so production (where tests and development have caught the
 * mistake) runs without it.
 */
function kyselyOver(pool: pg.Pool, checkTransactions: boolean): Kysely<DB> {
  return checkTransactions
    ? new TransactionCheckingKysely({ dialect: new TransactionCheckingDialect({ pool }) })
    : new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}

export interface OpenOptions {
  /** Refuse a query through `db` beside an open transaction (see kyselyOver); on by default. */
  checkTransactions: boolean;
  /**
   * How long the pool keeps a connection nobody uses before closing it: by default pg's 10
   * seconds on PostgreSQL, for good on PGlite (PGLITE_POOL). Tests shorten it to see a
   * connection replaced.
   */
  idleMs?: number;
}

/**
 * Connections of a process that hold advisory locks (jobs, the demo seed), apart from the
 * requests' pool. More locks at once wait for one of them, holding nothing the work needs.
 */
export const LOCK_CONNECTIONS = 3;
/**
 * Connections of a process that listen for the database's announcements, one per channel
 * (`listen`): principals, calls, exchanges and routing.
 */
export const LISTEN_CONNECTIONS = 4;

/** Statements kept prepared on one connection at most; beyond them a statement is planned anew. */
const PREPARED_PER_CONNECTION = 100;
/** PostgreSQL's 'cached plan must not change result type'. */
const CACHED_PLAN_CHANGED = '0A000';
const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i;

// Statements are named across the process, not per connection. A connection's statements
// usually end with its session, but PGlite has one session for all its connections: the next
// connection would find its predecessor's statements under the names it was about to give its
// own ("prepared statement "apkalpo_1" already exists"), and in-process PGlite's connections even
// share pg's record of what was prepared. Names that never repeat cannot meet.
let preparedInProcess = 0;

/**
 * A connection that prepares the statements it runs: PostgreSQL parses and plans a statement
 * once per connection and then only binds it. Planning the work lists' joins costs PostgreSQL
 * several times what running them does (decision 40). The statement gets a name the process has
 * not given before at its first use on the connection; a connection keeps at most
 * PREPARED_PER_CONNECTION of them, and PostgreSQL replans a prepared statement by itself when a
 * table it reads changes.
 */
class PreparingClient extends pg.Client {
  readonly #names = new Map<string, string>();

  override query(...args: unknown[]): never {
    const [text, values] = args;
    if (typeof text === 'string' && Array.isArray(values) && args.length === 2) {
      let name = this.#names.get(text);
      if (
        name === undefined &&
        this.#names.size < PREPARED_PER_CONNECTION &&
        PREPARABLE.test(text)
      ) {
        preparedInProcess += 1;
        name = `apkalpo_${preparedInProcess}`;
        this.#names.set(text, name);
      }
      if (name !== undefined) {
        const result = super.query({ name, text, values });
        // A migration by another instance changed the columns a prepared `select *` returns:
        // this use fails, and the next prepares the statement anew under a new name.
        result.catch((error: unknown) => {
          if ((error as { code?: string }).code === CACHED_PLAN_CHANGED) this.#names.delete(text);
        });
        return result as never;
      }
    }
    return (super.query as (...all: unknown[]) => never)(...args);
  }
}

const PG_INT8 = 20;
const PG_DATE = 1082;

// Dates stay 'YYYY-MM-DD' strings: turning them into JavaScript Dates would shift them by the
// server's time zone. Bigint identities and counts fit comfortably in a JavaScript number.
type Parser = (value: string) => unknown;
export const typeParsers = {
  getTypeParser(oid: number): Parser {
    if (oid === PG_DATE) return (value) => value;
    if (oid === PG_INT8) return (value) => Number(value);
    return pg.types.getTypeParser(oid, 'text') as Parser;
  },
};

export type DatabaseSource =
  | {
      kind: 'postgresql';
      url: string;
      poolSize?: number;
      /** Told when an idle connection fails; the pool itself recovers. */
      onIdleError?: (error: Error) => void;
    }
  | {
      kind: 'pglite';
      dataDir: string;
      /**
       * Told when PGlite's thread stops while open; every query fails from then on with
       * DatabaseThreadStoppedError (the caller decides whether the process goes on).
       */
      onStop?: (error: DatabaseThreadStoppedError) => void;
    }
  /** In-process, on the caller's instance (the tests, from a dump); no thread. */
  | { kind: 'pglite'; instance: PGlite };

export class DatabaseInUseError extends Error {}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite runs inside one process and two processes writing one folder would corrupt it, so the
 * folder is locked with our process id. A lock left by a process that has died is taken over.
 */
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const lockFile = path.join(dataDir, 'apkalpo.lock');
  try {
    await writeFile(lockFile, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = Number((await readFile(lockFile, 'utf8')).trim());
    if (
      holder !== process.pid &&
      Number.isInteger(holder) &&
      holder > 0 &&
      processIsAlive(holder)
    ) {
      throw new DatabaseInUseError(
        `The data folder ${dataDir} is in use by another Apkalpo process (pid ${holder}). ` +
          'Stop that process first, or use PostgreSQL (DATABASE_URL) to run several.',
      );
    }
    await writeFile(lockFile, String(process.pid));
  }
  return () => rm(lockFile, { force: true });
}

/**
 * PGlite is one connection; the pool of one makes concurrent requests wait their turn, and a
 * transaction keeps the connection until it ends. The pool keeps it however long it is idle
 * (pg's default closes it after 10 seconds): closing it frees nothing, PGlite's session lives
 * on, and the next connection would prepare every statement again beside the old ones.
 */
const PGLITE_POOL = {
  max: 1,
  idleTimeoutMillis: 0,
  types: typeParsers,
  Client: PreparingClient,
} as const;

/** Opens the database; for PGlite the data folder is created when missing. */
export async function openDatabase(
  source: DatabaseSource,
  { checkTransactions, idleMs }: OpenOptions = { checkTransactions: true },
): Promise<Database> {
  const idle = idleMs === undefined ? {} : { idleTimeoutMillis: idleMs };
  if (source.kind === 'postgresql') {
    const pool = new pg.Pool({
      connectionString: source.url,
      max: source.poolSize ?? 10,
      types: typeParsers,
      Client: PreparingClient,
      ...idle,
    });
    // An idle connection can die (the server restarts, a network blip): the pool drops it and
    // opens a new one when needed. Unhandled, the error would stop the whole server.
    pool.on('error', (error) => source.onIdleError?.(error));
    const db = kyselyOver(pool, checkTransactions);
    // A lock is held on its connection while the work runs, and the work takes connections of
    // its own: on the requests' pool, as many jobs ticking at once as the pool has connections
    // would hold them all and wait for one forever, and every request with them.
    const lockPool = new pg.Pool({
      connectionString: source.url,
      max: LOCK_CONNECTIONS,
      types: typeParsers,
      ...idle,
    });
    lockPool.on('error', (error) => source.onIdleError?.(error));
    const locks = new Kysely<DB>({ dialect: new PostgresDialect({ pool: lockPool }) });
    const channels = channelsOf(source.url, (error) => source.onIdleError?.(error));
    return {
      db,
      kind: 'postgresql',
      exclusively: advisoryLock(locks),
      tryExclusively: tryAdvisoryLock(locks),
      listen: channels.listen,
      ping: () => selectOne(db),
      async close() {
        await channels.close();
        await locks.destroy();
        await db.destroy();
      },
    };
  }

  if ('instance' in source) {
    // PGlite is one connection; the pool of one makes concurrent requests wait their turn, and a
    // transaction keeps the connection until it ends.
    const pool = new pg.Pool({
      ...createPgConfig(source.instance),
      ...PGLITE_POOL,
      ...idle,
    });
    const db = kyselyOver(pool, checkTransactions);
    return {
      db,
      kind: 'pglite',
      exclusively: inProcessLock(),
      tryExclusively: inProcessTryLock(),
      ping: () => selectOne(db),
      // The instance belongs to the caller, who closes it.
      close: () => db.destroy(),
    };
  }

  await mkdir(source.dataDir, { recursive: true });
  const release = await lockDataDir(source.dataDir);
  let thread: PgliteThread;
  try {
    thread = await startPgliteThread(source.dataDir, (error) => source.onStop?.(error));
  } catch (error) {
    await release();
    throw error;
  }
  // The thread's connection is PGlite's one, as above: a pool of one. pg speaks the protocol over
  // the thread's stream as over a socket; the names, and no TLS, keep PG* variables out of it.
  const pool = new pg.Pool({
    stream: () => thread.connect(),
    user: 'postgres',
    database: 'postgres',
    ssl: false,
    ...PGLITE_POOL,
    ...idle,
  });
  // When the thread stops, the idle connection fails too; onStop has told of it already.
  pool.on('error', () => undefined);
  const db = kyselyOver(pool, checkTransactions);
  return {
    db,
    kind: 'pglite',
    exclusively: inProcessLock(),
    tryExclusively: inProcessTryLock(),
    ping: () => thread.ping(),
    async close() {
      await db.destroy();
      try {
        await thread.close();
      } finally {
        await release();
      }
    },
  };
}

async function selectOne(db: Kysely<DB>): Promise<void> {
  await sql`select 1`.execute(db);
}

// One piece of a transaction that can fail alone (a letter of a group, decision 45). The same
// name each time: a new savepoint hides the one before, which stays and commits with the rest,
// and a rollback goes back only to the newest. PostgreSQL keeps 64 such pieces cheaply.
const SAVEPOINT = 'piece';

/** Marks where the transaction's next piece starts. */
export async function startSavepoint(trx: Transaction<DB>): Promise<void> {
  await sql`savepoint ${sql.id(SAVEPOINT)}`.execute(trx);
}

/** Undoes the newest piece of the transaction (since `startSavepoint`); the rest stands. */
export async function rollbackToSavepoint(trx: Transaction<DB>): Promise<void> {
  await sql`rollback to savepoint ${sql.id(SAVEPOINT)}`.execute(trx);
}
