import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { openDatabase } from '../../db/database';
import { createTestApp, type TestApp } from '../../testing/test-app';

describe('GET /api/health', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp();
  });
  afterAll(() => test.close());

  it('answers without signing in and names the database', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'ok',
      database: test.database.kind,
      databaseReachable: true,
    });
  });

  it('answers 503 when the database does not answer', async () => {
    // A PostgreSQL server that is not there: nothing listens on port 1.
    const unreachable = await openDatabase({
      kind: 'postgresql',
      url: 'postgresql://postgres@127.0.0.1:1/apkalpo',
    });
    const { app } = await buildApp({ database: unreachable });
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({
      status: 'error',
      database: 'postgresql',
      databaseReachable: false,
    });
    await app.close();
    await unreachable.close();
  });
});
