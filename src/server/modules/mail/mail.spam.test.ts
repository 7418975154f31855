import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAIL_CONFIG } from '../../config';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { createSpamJudge } from './mail.spam';

describe('asking rspamd', () => {
  let test: TestApp;
  let url: string;
  const asked: IncomingHttpHeaders[] = [];
  const server = createServer((request, response) => {
    asked.push(request.headers);
    request.resume();
    request.on('end', () => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ action: 'no action', score: 1.5, symbols: {} }));
    });
  });

  beforeAll(async () => {
    test = await createTestApp();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.close();
    await test.close();
  });

  it('tells it the SMTP client’s IP address, HELO name, sender and recipient', async () => {
    const judge = createSpamJudge({
      config: { ...DEFAULT_MAIL_CONFIG, rspamdUrl: url },
      db: test.database.db,
    });

    const verdict = await judge.judge({
      mailboxId: null,
      raw: Buffer.from('Subject: Labdien\r\n\r\nJautājums.\r\n'),
      fromAddress: 'anna@example.lv',
      headers: new Map(),
      receivedAt: new Date('2026-03-10T09:00:00Z'),
      client: { ip: '192.0.2.10', helo: 'mail.example.lv' },
      recipients: ['pasts@novads.lv', 'cits@novads.lv'],
    });

    expect(verdict).toMatchObject({ spam: false, score: 1.5 });
    expect(asked.at(-1)).toMatchObject({
      ip: '192.0.2.10',
      helo: 'mail.example.lv',
      from: 'anna@example.lv',
      rcpt: 'pasts@novads.lv',
    });
  });
});
