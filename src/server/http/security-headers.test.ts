import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app';

describe('security headers', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp();
  });
  afterAll(() => test.close());

  // A page, an API answer and a refusal: each reaches a browser, and each must keep it from
  // running another site's scripts, framing the app or guessing a type.
  it.each([
    ['the API description', '/api/v1/openapi.json'],
    ['an API answer', '/api/v1/session'],
    ['a refusal', '/api/v1/units'],
  ])('come with %s', async (_what, url) => {
    const response = await test.app.inject({ method: 'GET', url });
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
    expect(response.headers['x-powered-by']).toBeUndefined();
  });
});
