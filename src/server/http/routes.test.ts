import type * as Fastify from 'fastify';
import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FILE, NO_CONTENT, routes, type Route } from '../../contracts/routes';
import { createTestApp, type TestApp } from '../testing/test-app';

/**
 * Every route as the app registers it, with its schema objects. Fastify keeps a route's options
 * to itself once registered, so the test puts an `onRoute` hook on the instance `buildApp`
 * creates, before any route is added; the app is built exactly as in production otherwise.
 */
const registered = vi.hoisted(() => [] as RouteOptions[]);
vi.mock('fastify', async (importOriginal) => {
  const fastify = await importOriginal<typeof Fastify>();
  const withHook = (options?: Parameters<typeof fastify.fastify>[0]) => {
    const app = fastify.fastify(options);
    app.addHook('onRoute', (route) => {
      registered.push(route);
    });
    return app;
  };
  return { ...fastify, default: withHook };
});

const PREFIX = '/api/v1';

interface RouteSchema {
  params?: unknown;
  querystring?: unknown;
  body?: unknown;
  consumes?: string[];
  response?: Record<string, { _zod: { def: { type: string } } }>;
}

/** The table's key of a registered route: "GET /units/:id". */
const keyOf = (route: RouteOptions) => `${String(route.method)} ${route.url.slice(PREFIX.length)}`;

/** What differs between the table's entry and the registered route's schema; empty when one. */
function differences(entry: Route, schema: RouteSchema): string[] {
  const found: string[] = [];
  const same = (name: string, ours: unknown, theirs: unknown) => {
    if (ours !== theirs) found.push(`${name} is not the server's schema object`);
  };
  same('params', entry.params, schema.params);
  same('query', entry.query, schema.querystring);
  same('body', entry.body, schema.body);
  if ((entry.upload ?? false) !== (schema.consumes?.includes('multipart/form-data') ?? false)) {
    found.push('upload differs');
  }
  const served = Object.entries(schema.response ?? {}).filter(([status]) => /^2/.test(status));
  const answers: Record<string, unknown> = entry.response;
  if (Object.keys(answers).sort().join() !== served.map(([status]) => status).join()) {
    found.push(`answers ${Object.keys(answers).join()}, server ${served.map(([s]) => s).join()}`);
  }
  for (const [status, theirs] of served) {
    const ours = answers[status];
    // No body and a file's bytes are described by a marker: the server writes z.null(), z.any().
    if (ours === NO_CONTENT) {
      if (theirs._zod.def.type !== 'null') found.push(`${status} has a body on the server`);
    } else if (ours === FILE) {
      if (theirs._zod.def.type !== 'any') found.push(`${status} is not a file on the server`);
    } else {
      same(`answer ${status}`, ours, theirs);
    }
  }
  return found;
}

describe('the route table in contracts', () => {
  let test: TestApp;
  let byKey: Map<string, RouteOptions>;
  beforeAll(async () => {
    test = await createTestApp();
    byKey = new Map(
      registered
        .filter((route) => route.url.startsWith(`${PREFIX}/`) && route.method !== 'HEAD')
        .map((route) => [keyOf(route), route]),
    );
  });
  afterAll(() => test.close());

  it('has every /api/v1 route the server registers', () => {
    // A guard against collecting nothing and comparing nothing.
    expect(byKey.size).toBeGreaterThan(100);
    expect([...byKey.keys()].filter((key) => !(key in routes))).toEqual([]);
  });

  it('has no route the server does not register', () => {
    expect(Object.keys(routes).filter((key) => !byKey.has(key))).toEqual([]);
  });

  it('gives each route the very schema objects the server validates and answers with', () => {
    const mismatched = Object.entries(routes).flatMap(([key, entry]) => {
      const route = byKey.get(key);
      if (!route) return [];
      return differences(entry, (route.schema ?? {}) as RouteSchema).map((d) => `${key}: ${d}`);
    });
    expect(mismatched).toEqual([]);
  });
});
