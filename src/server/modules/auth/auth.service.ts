import type { Kysely } from 'kysely';
import { permissionsOf, type Role } from '../../../domain/roles';
import { signInWait, type SignInDelayPolicy } from '../../../domain/sign-in-delay';
import type { TChangePasswordBody, TLoginBody, TMe } from '../../../contracts/auth.contracts';
import type { Clock } from '../../adapters/clock';
import type { PasswordHasher } from '../../adapters/password-hasher';
import type { ChannelListener, Executor } from '../../db/database';
import type { DB } from '../../db/schema';
import type { ActionContext, Principal } from '../../http/access';
import { AppError, invalidField } from '../../http/errors';
import { digestOf, newSecret } from '../../http/secrets';
import type { AuditService } from '../audit/audit.service';
import type { TokensService } from '../tokens/tokens.service';
import {
  countFailures,
  deleteDevicesUnusedSince,
  deleteExpiredSessions,
  deleteLoginAttemptsBefore,
  deleteSession,
  deleteSessionsOfStaff,
  findAccount,
  findCredentials,
  findLoginAccount,
  findSessionPrincipal,
  findStaffPrincipal,
  insertLoginAttempt,
  insertSession,
  isTrustedDevice,
  touchSession,
  trustDevice,
  updatePasswordHash,
} from './auth.repository';
import { createSessionCache } from './session-cache';

export interface SessionPolicy {
  /** A session unused this long ends (a front-desk computer left signed in). */
  idleMinutes: number;
  /** A session ends this long after sign-in whatever happens. */
  maxHours: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMinutes: 120, maxHours: 12 };

/** Touching the session on every request would write on every read; once a minute is enough. */
const TOUCH_RESOLUTION_MS = 60_000;
/** Where the database announces a change to a person's sessions, roles, units or account. */
const PRINCIPALS_CHANNEL = 'apkalpo_principals';
const MINUTE_MS = 60_000;
/** A device not used to sign in for this long is forgotten, and its cookie with it. */
export const DEVICE_TRUST_DAYS = 180;

export interface LoginRequest extends TLoginBody {
  ip: string;
  userAgent: string | null;
  requestId: string;
  /** The secret of the device cookie the browser sent, if any. */
  deviceToken: string | null;
}

function principalOf(
  row: { staff_id: string; roles: Role[]; unit_ids: string[] },
  via: { sessionId?: string; csrfToken?: string; tokenId?: string },
): Principal {
  const { roles } = row;
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

/** A principal kept across requests is shared by them: none may change it. */
function frozen(principal: Principal): Principal {
  Object.freeze(principal.roles);
  Object.freeze(principal.unitIds);
  return Object.freeze(principal);
}

export function createAuthService(deps: {
  db: Kysely<DB>;
  audit: AuditService;
  clock: Clock;
  hasher: PasswordHasher;
  tokens: TokensService;
  sessionPolicy: SessionPolicy;
  signInDelay: SignInDelayPolicy;
  /** The database's notifications, where it has them (PostgreSQL): sessions are kept then. */
  listen?: (channel: string, listener: ChannelListener) => void;
}) {
  const { db, audit, clock, hasher, tokens, sessionPolicy, signInDelay } = deps;
  const sessions = createSessionCache();
  deps.listen?.(PRINCIPALS_CHANNEL, {
    message: (staffId) => sessions.forgetStaff(staffId),
    listening: (active) => sessions.hearing(active),
  });
  let dummyHash: Promise<string> | undefined;
  const idleSince = (now: Date) => new Date(now.getTime() - sessionPolicy.idleMinutes * MINUTE_MS);

  /**
   * Refuses an attempt that comes before the wait its key's earlier failures earned (429 with
   * the seconds to wait). Only attempts whose password was checked count: one that is refused
   * here is not a failure, and neither is a correct one still being checked, so several correct
   * sign-ins at once all succeed (decision 27).
   */
  async function assertMayTry(attempt: {
    email: string;
    ip: string;
    trustedDeviceId: string | null;
  }): Promise<void> {
    const now = clock.now();
    const counts = await countFailures(db, {
      email: attempt.email,
      ip: attempt.ip,
      deviceId: attempt.trustedDeviceId,
      since: new Date(now.getTime() - signInDelay.windowMinutes * MINUTE_MS),
    });
    const seconds = signInWait(
      attempt.trustedDeviceId
        ? { trustedDevice: counts.device }
        : { accountFromAddress: counts.accountFromAddress, account: counts.account },
      signInDelay,
      now,
    );
    if (seconds <= 0) return;
    const minutes = Math.ceil(seconds / 60);
    throw new AppError(
      'rate_limited',
      seconds < 60 ? 'login_rate_limited_seconds' : 'login_rate_limited',
      { seconds, minutes, retryAfter: seconds },
    );
  }

  async function recordFailure(attempt: {
    email: string;
    ip: string;
    trustedDeviceId: string | null;
  }): Promise<void> {
    await insertLoginAttempt(db, {
      email: attempt.email,
      ip: attempt.ip,
      at: clock.now(),
      succeeded: false,
      device_id: attempt.trustedDeviceId,
    });
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
    const { roles } = account;
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
    /**
     * Starts a session; answers the same for an unknown email and a wrong password. A correct
     * password makes the browser a trusted device for the person: the device token returned
     * goes into a long-lived cookie, and later attempts carrying it are judged by its failures.
     */
    async login(request: LoginRequest) {
      const account = await findLoginAccount(db, request.email);
      const usableHash = account?.active ? account.password_hash : null;
      const deviceId = request.deviceToken ? digestOf(request.deviceToken) : null;
      const trusted =
        account && deviceId ? await isTrustedDevice(db, { deviceId, staffId: account.id }) : false;
      const attempt = {
        email: request.email,
        ip: request.ip,
        trustedDeviceId: trusted ? deviceId : null,
      };
      await assertMayTry(attempt);
      // Verifying against a dummy hash when there is no account keeps the answer time the same,
      // so the time taken does not tell which addresses have accounts.
      dummyHash ??= hasher.hash(newSecret());
      const valid = await hasher.verify(usableHash ?? (await dummyHash), request.password);
      if (!valid || !account || !usableHash) {
        await recordFailure(attempt);
        throw new AppError('invalid_credentials');
      }

      const now = clock.now();
      const sessionToken = newSecret();
      const csrfToken = newSecret();
      // A browser that already has a device cookie (a shared desk) keeps it for one more person.
      const deviceToken = request.deviceToken ?? newSecret();
      const expiresAt = new Date(now.getTime() + sessionPolicy.maxHours * 60 * MINUTE_MS);
      await db.transaction().execute(async (trx) => {
        await insertLoginAttempt(trx, {
          email: request.email,
          ip: request.ip,
          at: now,
          succeeded: true,
          device_id: attempt.trustedDeviceId,
        });
        await trustDevice(trx, { deviceId: digestOf(deviceToken), staffId: account.id, now });
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
      return {
        sessionToken,
        expiresAt,
        deviceToken,
        deviceExpiresAt: new Date(now.getTime() + DEVICE_TRUST_DAYS * 24 * 60 * MINUTE_MS),
        me: await me(account.id, csrfToken),
      };
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
      sessions.forget(sessionId);
    },

    async authenticateSession(sessionToken: string): Promise<Principal | null> {
      const now = clock.now();
      const sessionId = digestOf(sessionToken);
      const kept = sessions.get(sessionId);
      // The same conditions as findSessionPrincipal's, on what the database said; the last touch
      // kept is never later than the database's, so a doubt goes back to the database.
      if (kept && kept.expiresAt > now && kept.lastSeenAt > idleSince(now)) {
        if (now.getTime() - kept.lastSeenAt.getTime() > TOUCH_RESOLUTION_MS) {
          await touchSession(db, sessionId, now);
          kept.lastSeenAt = now;
        }
        return kept.principal;
      }
      const mark = sessions.mark();
      const row = await findSessionPrincipal(db, { sessionId, now, idleSince: idleSince(now) });
      if (!row) return null;
      let lastSeenAt = row.last_seen_at;
      if (now.getTime() - lastSeenAt.getTime() > TOUCH_RESOLUTION_MS) {
        await touchSession(db, row.session_id, now);
        lastSeenAt = now;
      }
      const principal = frozen(
        principalOf(row, { sessionId: row.session_id, csrfToken: row.csrf_token }),
      );
      sessions.keep(
        sessionId,
        { principal, staffId: row.staff_id, expiresAt: row.expires_at, lastSeenAt },
        mark,
      );
      return principal;
    },

    async authenticateBearer(secret: string): Promise<Principal | null> {
      const token = await tokens.authenticate(secret);
      if (!token) return null;
      if (token.staff_id === null) {
        const { roles } = token;
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
      // Guessing the current password through a borrowed session is slowed like signing in.
      const attempt = {
        email: credentials.email.toLowerCase(),
        ip: ctx.ip ?? 'unknown',
        trustedDeviceId: null,
      };
      await assertMayTry(attempt);
      if (!(await hasher.verify(credentials.password_hash, body.currentPassword))) {
        await recordFailure(attempt);
        throw invalidField('currentPassword', 'wrong_password');
      }
      const newHash = await hasher.hash(body.newPassword);
      await db.transaction().execute(async (trx) => {
        await insertLoginAttempt(trx, {
          email: attempt.email,
          ip: attempt.ip,
          at: clock.now(),
          succeeded: true,
          device_id: null,
        });
        await updatePasswordHash(trx, { staffId, hash: newHash, now: clock.now() });
        await audit.record(trx, ctx, {
          action: 'change-password',
          entityType: 'staff',
          entityId: staffId,
        });
        await endSessions(trx, ctx, staffId);
      });
      sessions.forgetStaff(staffId);
    },

    /**
     * Forgets what this process kept of the person's sessions, once a change to them (their
     * roles, units, account, password) has committed: the next request asks the database. Other
     * processes hear of the change from the database itself.
     */
    forgetSessionsOf(staffId: string): void {
      sessions.forgetStaff(staffId);
    },

    /** Whether this process keeps sessions between requests (it hears changes to them). */
    keepsSessions(): boolean {
      return sessions.keeping();
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

    /** Forgets ended sessions, old sign-in attempts and devices long unused. */
    async prune(): Promise<void> {
      const now = clock.now();
      await deleteExpiredSessions(db, { now, idleSince: idleSince(now) });
      await deleteLoginAttemptsBefore(db, new Date(now.getTime() - 24 * 60 * MINUTE_MS));
      await deleteDevicesUnusedSince(
        db,
        new Date(now.getTime() - DEVICE_TRUST_DAYS * 24 * 60 * MINUTE_MS),
      );
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
