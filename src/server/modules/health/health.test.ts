import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { THealth } from '../../../contracts/health.contracts';
import { CreateMailboxBody } from '../../../contracts/mailboxes.contracts';
import { buildApp } from '../../app';
import { openDatabase } from '../../db/database';
import { systemContext } from '../../http/access';
import { createTestApp, createUnit, type TestApp } from '../../testing/test-app';

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

  it('reports each active mailbox by name and state, never its address, server or error text', async () => {
    const unit = await createUnit(test.services);
    const ctx = systemContext('health-test');
    const marker = randomBytes(4).toString('hex');
    const make = (name: string, active = true) =>
      test.services.mailboxes.create(
        ctx,
        CreateMailboxBody.parse({
          name: `${name} ${marker}`,
          address: `${name.toLowerCase()}.${marker}@example.lv`,
          unitId: unit.id,
          imapHost: 'imap.slepens-serveris.lv',
          imapUser: 'kac-konts',
          active,
        }),
      );
    const reading = await make('Lasa');
    const failing = await make('Kluda');
    await make('Slegta', false);
    await make('Jauna');
    await test.database.db
      .insertInto('mailbox_states')
      .values([
        {
          mailbox_id: reading.id,
          connected: true,
          checked_at: new Date('2026-12-04T10:00:00Z'),
          last_message_at: new Date('2026-12-04T09:59:00Z'),
        },
        {
          mailbox_id: failing.id,
          connected: false,
          checked_at: new Date('2026-12-04T10:00:00Z'),
          last_error: 'LOGIN failed for kac-konts at imap.slepens-serveris.lv',
          last_error_at: new Date('2026-12-04T10:00:00Z'),
        },
      ])
      .execute();

    const response = await test.app.inject({ method: 'GET', url: '/api/health' });

    expect(response.statusCode).toBe(200);
    const ours = response
      .json<THealth>()
      .mailboxes.filter((mailbox) => mailbox.name.endsWith(marker));
    expect(ours).toEqual([
      {
        name: `Jauna ${marker}`,
        connected: false,
        checkedAt: null,
        lastMessageAt: null,
        lastErrorAt: null,
      },
      {
        name: `Kluda ${marker}`,
        connected: false,
        checkedAt: '2026-12-04T10:00:00.000Z',
        lastMessageAt: null,
        lastErrorAt: '2026-12-04T10:00:00.000Z',
      },
      {
        name: `Lasa ${marker}`,
        connected: true,
        checkedAt: '2026-12-04T10:00:00.000Z',
        lastMessageAt: '2026-12-04T09:59:00.000Z',
        lastErrorAt: null,
      },
    ]);
    expect(response.body).not.toContain('@example.lv');
    expect(response.body).not.toContain('slepens-serveris');
    expect(response.body).not.toContain('kac-konts');
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
      mailboxes: [],
    });
    await app.close();
    await unreachable.close();
  });
});
