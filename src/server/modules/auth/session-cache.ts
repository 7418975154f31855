import type { Principal } from '../../http/access';

/** What a process keeps of a session it has found valid in the database. */
export interface CachedSession {
  principal: Principal;
  staffId: string;
  expiresAt: Date;
  /** The last touch this process knows of: never later than the database's. */
  lastSeenAt: Date;
}

/** How long a session is kept at most, even when no change to it is heard. */
const KEEP_MS = 30_000;
/** Principals kept at most; the oldest goes first. */
const MAX_KEPT = 10_000;

/**
 * The sessions this process has found valid, so that a request does not ask the database who is
 * calling (decision 40). Kept only while changes are being heard: the database announces every
 * change to a person's sessions, roles, units or account (migration 0009), and hearing one
 * forgets that person's sessions. A lookup that was under way when a change was heard is not
 * kept, since it may have read the person as they were before.
 *
 * The same keeps the telephone exchanges' principals (`T`), for a shorter time (`keepMs`): the
 * exchange asks on every call, and a revoke is announced like a change to a person.
 */
export function createSessionCache<T extends { principal: Principal } = CachedSession>(
  now: () => number = Date.now,
  keepMs: number = KEEP_MS,
) {
  const sessions = new Map<string, T & { keptUntil: number }>();
  let hearing = false;
  let generation = 0;

  function forgetWhere(owned: (principal: Principal) => boolean): void {
    generation += 1;
    for (const [key, session] of sessions) {
      if (owned(session.principal)) sessions.delete(key);
    }
  }

  return {
    /** Whether sessions are kept: only while changes to them are heard. */
    keeping(): boolean {
      return hearing;
    },

    /** Changes are heard (true) or may be missed (false): either way nothing kept is trusted. */
    hearing(active: boolean): void {
      hearing = active;
      generation += 1;
      sessions.clear();
    },

    /** Forgets the person's sessions: something about them changed. */
    forgetStaff(staffId: string): void {
      forgetWhere((principal) => principal.staffId === staffId);
    },

    /** Forgets the exchange's principal: its token was revoked. */
    forgetExchange(exchangeId: string): void {
      forgetWhere((principal) => principal.exchangeId === exchangeId);
    },

    forget(key: string): void {
      generation += 1;
      sessions.delete(key);
    },

    get(key: string): T | null {
      const session = sessions.get(key);
      if (!session) return null;
      if (session.keptUntil <= now()) {
        sessions.delete(key);
        return null;
      }
      return session;
    },

    /** Marks the start of a lookup in the database; `keep` takes the mark. */
    mark(): number {
      return generation;
    },

    keep(key: string, session: T, mark: number): void {
      if (!hearing || mark !== generation) return;
      if (sessions.size >= MAX_KEPT) {
        const oldest = sessions.keys().next();
        if (!oldest.done) sessions.delete(oldest.value);
      }
      sessions.set(key, { ...session, keptUntil: now() + keepMs });
    },
  };
}

export type SessionCache = ReturnType<typeof createSessionCache<CachedSession>>;
