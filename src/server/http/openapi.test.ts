import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app';
import { registeredRoutes } from '../testing/routes';
import { openApiTransform, operationIdOf } from './openapi';

interface OpenApiDocument {
  openapi: string;
  servers?: { url: string }[];
  paths: Record<
    string,
    Record<string, { operationId?: string; responses?: Record<string, unknown> }>
  >;
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

  it('names every operation: one camelCase operationId each, none twice', () => {
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        operation: `${method.toUpperCase()} ${path}`,
        id: operation.operationId,
      })),
    );
    expect(operations.length).toBeGreaterThan(100);
    const unnamed = operations.filter(({ id }) => !/^[a-z][A-Za-z0-9]*$/.test(id ?? ''));
    expect(unnamed).toEqual([]);
    const ids = operations.map(({ id }) => id);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    expect(
      document.paths['/api/v1/requests/{id}/messages/{messageId}/delivery']?.post,
    ).toMatchObject({ operationId: 'postRequestsByIdMessagesByMessageIdDelivery' });
    expect(document.paths['/api/health']?.get).toMatchObject({ operationId: 'getHealth' });
  });

  it('says the API is at the server that serves the document', () => {
    expect(document.servers?.map((server) => server.url)).toEqual(['/']);
  });

  it('serves the documentation page as HTML', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/api/docs' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toContain('swagger-ui');
  });
});

describe('operationIds', () => {
  it('are the method and the path after /api/v1, in camelCase, parameters as "By…"', () => {
    expect(operationIdOf('PATCH', '/api/v1/calendar/days-off/:id')).toBe(
      'patchCalendarDaysOffById',
    );
    expect(operationIdOf('GET', '/api/v1/requests/out-of-sight')).toBe('getRequestsOutOfSight');
    expect(operationIdOf('DELETE', '/api/v1/requests/:id/links/:relatedId')).toBe(
      'deleteRequestsByIdLinksByRelatedId',
    );
    expect(operationIdOf('GET', '/api/health')).toBe('getHealth');
    expect(operationIdOf(['GET', 'POST'], '/api/v1/search')).toBe('getOrPostSearch');
  });

  it('are a route’s own when it names one', () => {
    const url = '/api/v1/auth/login';
    const { schema } = openApiTransform({
      schema: { operationId: 'signIn' },
      url,
      route: { method: 'POST', url, handler: () => undefined },
      openapiObject: {},
    });
    expect(schema.operationId).toBe('signIn');
  });
});
