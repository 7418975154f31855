import type { Kysely } from 'kysely';
import { permissionsOf, type Role } from '../../../domain/roles';
import type { TChangePasswordBody, TLoginBody, TMe } from '../../../contracts/auth.contracts';
import type { Clock } from '../../adapters/clock';
import type { PasswordHasher } from '../../adapters/password-hasher';
import type { Executor } from '../../db/database';
import type { DB } from '../../db/schema';
import type { ActionContext, Principal } from '../../http/access';
import { AppError, invalidField } from '../../http/errors';
import { digestOf, newSecret } from '../../http/secrets';
import type { AuditService } from '../audit/audit.service';
import type { TokensService } from '../tokens/tokens.service';
import {
  deleteExpiredSessions,
  deleteLoginAttemptsBefore,
  deleteSession,
  deleteSessionsOfStaff,
  findAccount,
  deleteLoginAttempt,
  findLoginAccount,
  findRecentFailures,
  markLoginAttemptSucceeded,
  findCredentials,
  findSessionPrincipal,
  findStaffPrincipal,
  insertLoginAttempt,
  insertSession,
  touchSession,
  updatePasswordHash,
} from './auth.repository';

export interface SessionPolicy {
  /** A session unused this long ends (a front-desk computer left signed in). */
  idleMinutes: number;
  /** A session ends this long after sign-in whatever happens. */
  maxHours: number;
}

export interface LoginThrottle {
  windowMinutes: number;
  /** Failures for one account within the window before it is locked for the rest of it. */
  maxFailuresPerAccount: number;
  /** Failures from one address within the window, across accounts. */
  maxFailuresPerAddress: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMinutes: 120, maxHours: 12 };
export const DEFAULT_LOGIN_THROTTLE: LoginThrottle = {
  windowMinutes: 15,
  maxFailuresPerAccount: 5,
  maxFailuresPerAddress: 30,
};

/** Touching the session on every request would write on every read; once a minute is enough. */
const TOUCH_RESOLUTION_MS = 60_000;
const MINUTE_MS = 60_000;

export interface LoginRequest extends TLoginBody {
  ip: string;
  userAgent: string | null;
  requestId: string;
}

function principalOf(
  row: { staff_id: string; roles: string[]; unit_ids: string[] },
  via: { sessionId?: string; csrfToken?: string; tokenId?: string },
): Principal {
  const roles = row.roles as Role[];
  return {
    kind: 'staff',
    staffId: row.staff_id,
    tokenId: via.tokenId ?? null,
    sessionId: via.sessionId ?? null,
    csrfToken: via.csrfToken ?? null,
    roles,
    permissions: permissionsOf(roles),
    unitIds: row.unit_ids,
  };
}

export function createAuthService(deps: {
  db: Kysely<DB>;
  audit: AuditService;
  clock: Clock;
  hasher: PasswordHasher;
  tokens: TokensService;
  sessionPolicy: SessionPolicy;
  loginThrottle: LoginThrottle;
}) {
  const { db, audit, clock, hasher, tokens, sessionPolicy, loginThrottle } = deps;
  let dummyHash: Promise<string> | undefined;
  const idleSince = (now: Date) => new Date(now.getTime() - sessionPolicy.idleMinutes * MINUTE_MS);

  /** When a lock ends: once enough of the failures have left the window, or null if not locked. */
  function lockEnd(failures: readonly Date[], limit: number): number | null {
    // Locked while at least `limit` failures are in the window; it opens when the
    // (failures - limit + 1)-th oldest of them leaves it.
    const deciding = failures[failures.length - limit];
    return failures.length >= limit && deciding
      ? deciding.getTime() + loginThrottle.windowMinutes * MINUTE_MS
      : null;
  }

  /**
   * Checks a password within the sign-in limits, per account and per address. The attempt is
   * written down before the slow hash comparison, so guesses sent in parallel count against the
   * limit while they are being checked. A refused attempt is not counted: the lock ends when
   * the message says it does.
   */
  async function checkPassword(
    email: string,
    ip: string,
    hash: string,
    password: string,
  ): Promise<{ valid: boolean; attemptId: number }> {
    const now = clock.now();
    const attemptId = await insertLoginAttempt(db, { email, ip, at: now });
    const failures = await findRecentFailures(db, {
      email,
      ip,
      since: new Date(now.getTime() - loginThrottle.windowMinutes * MINUTE_MS),
      exceptId: attemptId,
    });
    const ends = [
      lockEnd(failures.byEmail, loginThrottle.maxFailuresPerAccount),
      lockEnd(failures.byIp, loginThrottle.maxFailuresPerAddress),
    ].filter((end): end is number => end !== null);
    if (ends.length > 0) {
      await deleteLoginAttempt(db, attemptId);
      const minutes = Math.max(1, Math.ceil((Math.max(...ends) - now.getTime()) / MINUTE_MS));
      throw new AppError('rate_limited', 'login_rate_limited', { minutes });
    }
    return { valid: await hasher.verify(hash, password), attemptId };
  }

  /** Ends a person's sessions, except the one doing it, and records that it did. */
  async function endSessions(trx: Executor, ctx: ActionContext, staffId: string): Promise<void> {
    const ended = await deleteSessionsOfStaff(trx, { staffId, except: ctx.principal.sessionId });
    if (ended > 0) {
      await audit.record(trx, ctx, {
        action: 'end-sessions',
        entityType: 'staff',
        entityId: staffId,
        context: { sessions: ended },
      });
    }
  }

  async function me(staffId: string, csrfToken: string | null): Promise<TMe> {
    const account = await findAccount(db, staffId);
    if (!account) throw new AppError('unauthenticated');
    const roles = account.roles as Role[];
    return {
      id: account.id,
      givenName: account.given_name,
      surname: account.surname,
      email: account.email,
      position: account.position,
      roles,
      permissions: [...permissionsOf(roles)],
      units: account.units,
      csrfToken,
    };
  }

  return {
    /** Starts a session; answers the same for an unknown email and a wrong password. */
    async login(request: LoginRequest) {
      const account = await findLoginAccount(db, request.email);
      const usableHash = account?.active ? account.password_hash : null;
      // Verifying against a dummy hash when there is no account keeps the answer time the same,
      // so the time taken does not tell which addresses have accounts.
      dummyHash ??= hasher.hash(newSecret());
      const { valid, attemptId } = await checkPassword(
        request.email,
        request.ip,
        usableHash ?? (await dummyHash),
        request.password,
      );
      if (!valid || !account || !usableHash) throw new AppError('invalid_credentials');

      const now = clock.now();
      const sessionToken = newSecret();
      const csrfToken = newSecret();
      const expiresAt = new Date(now.getTime() + sessionPolicy.maxHours * 60 * MINUTE_MS);
      await db.transaction().execute(async (trx) => {
        await markLoginAttemptSucceeded(trx, attemptId);
        await insertSession(trx, {
          id: digestOf(sessionToken),
          staff_id: account.id,
          csrf_token: csrfToken,
          created_at: now,
          last_seen_at: now,
          expires_at: expiresAt,
          ip: request.ip,
          user_agent: request.userAgent?.slice(0, 300) ?? null,
        });
        const ctx: ActionContext = {
          principal: principalOf({ staff_id: account.id, roles: [], unit_ids: [] }, {}),
          requestId: request.requestId,
          ip: request.ip,
        };
        await audit.record(trx, ctx, {
          action: 'sign-in',
          entityType: 'staff',
          entityId: account.id,
        });
      });
      return { sessionToken, expiresAt, me: await me(account.id, csrfToken) };
    },

    async logout(ctx: ActionContext): Promise<void> {
      const sessionId = ctx.principal.sessionId;
      if (!sessionId) return;
      await db.transaction().execute(async (trx) => {
        const ended = await deleteSession(trx, sessionId);
        if (ended) {
          await audit.record(trx, ctx, {
            action: 'sign-out',
            entityType: 'staff',
            entityId: ended.staff_id,
          });
        }
      });
    },

    async authenticateSession(sessionToken: string): Promise<Principal | null> {
      const now = clock.now();
      const row = await findSessionPrincipal(db, {
        sessionId: digestOf(sessionToken),
        now,
        idleSince: idleSince(now),
      });
      if (!row) return null;
      if (now.getTime() - row.last_seen_at.getTime() > TOUCH_RESOLUTION_MS) {
        await touchSession(db, row.session_id, now);
      }
      return principalOf(row, { sessionId: row.session_id, csrfToken: row.csrf_token });
    },

    async authenticateBearer(secret: string): Promise<Principal | null> {
      const token = await tokens.authenticate(secret);
      if (!token) return null;
      if (token.staff_id === null) {
        const roles = token.roles as Role[];
        return {
          kind: 'system',
          staffId: null,
          tokenId: token.id,
          sessionId: null,
          csrfToken: null,
          roles,
          permissions: permissionsOf(roles),
          unitIds: [],
        };
      }
      const staff = await findStaffPrincipal(db, token.staff_id);
      return staff ? principalOf(staff, { tokenId: token.id }) : null;
    },

    async me(ctx: ActionContext): Promise<TMe> {
      if (!ctx.principal.staffId) throw new AppError('forbidden');
      return me(ctx.principal.staffId, ctx.principal.csrfToken);
    },

    async changePassword(ctx: ActionContext, body: TChangePasswordBody): Promise<void> {
      const staffId = ctx.principal.staffId;
      if (!staffId) throw new AppError('forbidden');
      const credentials = await findCredentials(db, staffId);
      if (!credentials?.password_hash) throw invalidField('currentPassword', 'wrong_password');
      // Guessing the current password through a borrowed session is limited like signing in.
      const { valid, attemptId } = await checkPassword(
        credentials.email.toLowerCase(),
        ctx.ip ?? 'unknown',
        credentials.password_hash,
        body.currentPassword,
      );
      if (!valid) throw invalidField('currentPassword', 'wrong_password');
      const newHash = await hasher.hash(body.newPassword);
      await db.transaction().execute(async (trx) => {
        await markLoginAttemptSucceeded(trx, attemptId);
        await updatePasswordHash(trx, { staffId, hash: newHash, now: clock.now() });
        await audit.record(trx, ctx, {
          action: 'change-password',
          entityType: 'staff',
          entityId: staffId,
        });
        await endSessions(trx, ctx, staffId);
      });
    },

    /**
     * Hashes a password before a transaction opens: argon2 takes tens of milliseconds, and on
     * PGlite an open transaction holds the only connection.
     */
    hashPassword(password: string): Promise<string> {
      return hasher.hash(password);
    },

    /**
     * Sets a person's password, hashed by hashPassword, in the caller's transaction (an
     * administrator's action). Whoever knew the old password is signed out everywhere.
     */
    async setPasswordHash(trx: Executor, ctx: ActionContext, staffId: string, hash: string) {
      await updatePasswordHash(trx, { staffId, hash, now: clock.now() });
      await audit.record(trx, ctx, {
        action: 'set-password',
        entityType: 'staff',
        entityId: staffId,
      });
      await endSessions(trx, ctx, staffId);
    },

    /** Ends a person's sessions and revokes their tokens, in the caller's transaction. */
    async endAccessOf(trx: Executor, ctx: ActionContext, staffId: string): Promise<void> {
      await endSessions(trx, ctx, staffId);
      await tokens.revokePersonalTokensOf(trx, ctx, staffId);
    },

    /** Forgets ended sessions and old sign-in attempts. */
    async prune(): Promise<void> {
      const now = clock.now();
      await deleteExpiredSessions(db, { now, idleSince: idleSince(now) });
      await deleteLoginAttemptsBefore(db, new Date(now.getTime() - 24 * 60 * MINUTE_MS));
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
