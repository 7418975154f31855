import { z } from 'zod';
import { ChangePasswordBody, LoginBody, Me } from '../../../contracts/auth.contracts';
import { Problem } from '../../../contracts/common';
import { responses, type Api } from '../../http/api';
import {
  clearSessionCookie,
  contextOf,
  setSessionCookie,
  type SessionCookieOptions,
} from '../../http/authentication';
import type { AuthService } from './auth.service';

const tags = ['Sign-in'];

/**
 * The device cookie: a browser a person signed in from, so that attempts from it are judged by
 * its own failures (decision 27). Only the sign-in route ever receives it.
 */
export const DEVICE_COOKIE = 'apkalpo_device';
const DEVICE_COOKIE_PATH = '/api/v1/auth/login';

export function authRoutes(
  app: Api,
  deps: { auth: AuthService; cookie: SessionCookieOptions },
): void {
  const { auth, cookie } = deps;

  app.post(
    '/api/v1/auth/login',
    {
      config: { public: true, csrfExempt: true },
      schema: {
        tags,
        summary:
          'Sign in with email and password; starts a session (cookie) and trusts the device (cookie)',
        body: LoginBody,
        response: responses({ 200: Me }, 400, 429),
      },
    },
    async (request, reply) => {
      const result = await auth.login({
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        requestId: request.id,
        deviceToken: request.cookies[DEVICE_COOKIE] ?? null,
      });
      setSessionCookie(reply, result.sessionToken, result.expiresAt, cookie);
      reply.setCookie(DEVICE_COOKIE, result.deviceToken, {
        httpOnly: true,
        sameSite: 'strict',
        secure: cookie.secure,
        path: DEVICE_COOKIE_PATH,
        expires: result.deviceExpiresAt,
      });
      return result.me;
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Sign out: ends the session',
        // Public, so never 401; a session's sign-out without its CSRF token is refused.
        response: { 204: z.null(), 403: Problem },
      },
    },
    async (request, reply) => {
      if (request.principal) await auth.logout(contextOf(request));
      clearSessionCookie(reply, cookie);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/auth/me',
    {
      schema: {
        tags,
        summary: 'Who is signed in, with roles and permissions',
        response: responses({ 200: Me }, 403),
      },
    },
    (request) => auth.me(contextOf(request)),
  );

  app.post(
    '/api/v1/auth/password',
    {
      schema: {
        tags,
        summary: 'Change one’s own password',
        body: ChangePasswordBody,
        response: responses({ 204: z.null() }, 400, 403),
      },
    },
    async (request, reply) => {
      await auth.changePassword(contextOf(request), request.body);
      return reply.status(204).send(null);
    },
  );
}
