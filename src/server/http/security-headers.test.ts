import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, signedIn, type Session, type TestApp } from '../testing/test-app';

/** The headers that keep a browser from running another site's scripts, framing the app or
 * guessing a type; every answer carries them, the web app's pages most of all. */
function expectSecurityHeaders(response: LightMyRequestResponse): void {
  const csp = String(response.headers['content-security-policy']);
  expect(csp.split(';').map((directive) => directive.trim())).toEqual(
    expect.arrayContaining([
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "frame-ancestors 'none'",
      "form-action 'self'",
      "object-src 'none'",
    ]),
  );
  expect(csp).not.toContain('upgrade-insecure-requests');
  expect(response.headers).toMatchObject({
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'SAMEORIGIN',
    'referrer-policy': 'no-referrer',
    'strict-transport-security': 'max-age=31536000; includeSubDomains',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
  });
}

describe('security headers', () => {
  let test: TestApp;
  let clerk: Session;
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'apkalpo-web-'));
    await mkdir(path.join(root, 'assets'));
    await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Apkalpo</title>');
    await writeFile(path.join(root, 'assets', 'app.js'), 'export {};');
    test = await createTestApp({ webRoot: root });
    clerk = await signedIn(test, { roles: ['specialist'] });
  });
  afterAll(() => test.close());

  it('come with the web app’s page, its scripts and a page the browser asks for by address', async () => {
    for (const url of ['/', '/assets/app.js', '/requests/some-request']) {
      const response = await test.app.inject({
        method: 'GET',
        url,
        headers: { accept: 'text/html,*/*' },
      });
      expect(response.statusCode, url).toBe(200);
      expectSecurityHeaders(response);
    }
  });

  it('come with an API answer, a refusal and an unknown address', async () => {
    const answer = await call(test.app, clerk, { method: 'GET', url: '/api/v1/auth/me' });
    expect(answer.statusCode).toBe(200);
    expectSecurityHeaders(answer);
    const refused = await test.app.inject({ method: 'GET', url: '/api/v1/units' });
    expect(refused.statusCode).toBe(401);
    expectSecurityHeaders(refused);
    const unknown = await test.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(unknown.statusCode).toBe(404);
    expectSecurityHeaders(unknown);
  });
});
