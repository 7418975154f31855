import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app';
import { registeredRoutes } from '../testing/routes';

interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
}

/** "/api/v1/units/:id" as OpenAPI writes it: "/api/v1/units/{id}". */
const openApiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');

describe('API documentation', () => {
  let test: TestApp;
  let document: OpenApiDocument;
  beforeAll(async () => {
    test = await createTestApp();
    const response = await test.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    document = response.json();
  });
  afterAll(() => test.close());

  it('is OpenAPI 3.1, served without signing in', () => {
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
  });

  it('documents every /api/v1 route the app registers, with its method', () => {
    const apiRoutes = registeredRoutes(test.app).filter(
      (route) => route.url.startsWith('/api/v1/') && route.method !== 'HEAD',
    );
    // A guard against reading the route tree wrongly and comparing nothing.
    expect(apiRoutes.length).toBeGreaterThan(20);

    const undocumented = apiRoutes
      .filter((route) => !document.paths[openApiPath(route.url)]?.[route.method.toLowerCase()])
      .map((route) => `${route.method} ${route.url}`);
    expect(undocumented).toEqual([]);
  });

  it('documents no /api/v1 route that does not exist', () => {
    const registered = new Set(
      registeredRoutes(test.app).map((route) => `${route.method} ${openApiPath(route.url)}`),
    );
    const phantoms = Object.entries(document.paths)
      .filter(([path]) => path.startsWith('/api/v1/'))
      .flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
      )
      .filter((operation) => !registered.has(operation));
    expect(phantoms).toEqual([]);
  });

  it('gives every operation its answers, the problem+json failures included', () => {
    for (const [path, operations] of Object.entries(document.paths)) {
      if (!path.startsWith('/api/v1/')) continue;
      for (const [method, operation] of Object.entries(operations)) {
        const statuses = Object.keys(operation.responses ?? {});
        expect(
          statuses.some((status) => status.startsWith('2')),
          `${method} ${path}`,
        ).toBe(true);
        if (path !== '/api/v1/auth/logout') expect(statuses, `${method} ${path}`).toContain('401');
      }
    }
  });

  it('serves the documentation page as HTML', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/api/docs' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toContain('swagger-ui');
  });
});
