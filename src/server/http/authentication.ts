import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ActionContext, Principal } from './access';
import { AppError } from './errors';
import { sameSecret } from './secrets';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    /** Reachable without signing in (sign-in itself, health, documentation). */
    public?: boolean;
    /**
     * Sign-in starts a new session whatever cookie came with it, so it needs no CSRF token; it
     * takes JSON only, which a form on another site cannot send.
     */
    csrfExempt?: boolean;
  }
}

export const SESSION_COOKIE = 'apkalpo_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface Authenticator {
  authenticateSession(token: string): Promise<Principal | null>;
  authenticateBearer(secret: string): Promise<Principal | null>;
}

export interface SessionCookieOptions {
  secure: boolean;
}

/**
 * Works out who is calling every API route (session cookie or `Authorization: Bearer`), refuses
 * anonymous calls to non-public routes, and checks the CSRF token on changes made through a
 * session. Tokens need no CSRF check: a browser never attaches them by itself.
 */
export function registerAuthentication(app: FastifyInstance, authenticator: Authenticator): void {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    // The matched route, not the raw address: an encoded path ("/%61pi/v1/...") reaches the
    // same handler and must meet the same checks.
    if (!request.routeOptions.url?.startsWith('/api/v1/')) return;
    const authorization = request.headers.authorization;
    const cookie = request.cookies[SESSION_COOKIE];

    if (authorization !== undefined) {
      const [scheme, secret] = authorization.split(' ');
      const principal =
        scheme?.toLowerCase() === 'bearer' && secret
          ? await authenticator.authenticateBearer(secret)
          : null;
      if (!principal) throw new AppError('unauthenticated', 'invalid_token');
      request.principal = principal;
    } else if (cookie) {
      request.principal = await authenticator.authenticateSession(cookie);
    }

    const { config } = request.routeOptions;
    if (!request.principal) {
      if (config.public) return;
      throw new AppError('unauthenticated', cookie ? 'session_expired' : 'unauthenticated');
    }
    // A change made through a session needs its CSRF token, on public routes (sign-out) too.
    if (request.principal.sessionId && !SAFE_METHODS.has(request.method) && !config.csrfExempt) {
      const sent = request.headers[CSRF_HEADER];
      const expected = request.principal.csrfToken;
      if (typeof sent !== 'string' || !expected || !sameSecret(sent, expected)) {
        throw new AppError('csrf');
      }
    }
  });
}

/** Who acts in this request; only for routes that require signing in. */
export function contextOf(request: FastifyRequest): ActionContext {
  if (!request.principal) throw new AppError('unauthenticated');
  return { principal: request.principal, requestId: request.id, ip: request.ip };
}

export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  expiresAt: Date,
  options: SessionCookieOptions,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: options.secure,
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, options: SessionCookieOptions): void {
  reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'lax',
    secure: options.secure,
    path: '/',
  });
}
