import { execFileSync } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { buildApp } from '../src/server/app';
import { DEFAULT_MAIL_CONFIG } from '../src/server/config';
import { createArgon2Hasher } from '../src/server/adapters/password-hasher';
import { openDatabase, pgliteExtensions } from '../src/server/db/database';
import { migrateToLatest } from '../src/server/db/migrate';
import { systemContext } from '../src/server/http/access';
import { backgroundJobs, createScheduler } from '../src/server/jobs';
import { createSmtpReceiver } from '../src/server/modules/mail/mail.smtp';
import { WEB_ROOT } from '../src/server/web-root';

export interface E2eContext {
  baseUrl: string;
  adminEmail: string;
  adminPassword: string;
  /** Apkalpo's SMTP receiver: residents' mail goes here. */
  smtpPort: number;
  /** Where the server sends its mail; the mail test listens there with an SMTP sink. */
  relayPort: number;
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: E2eContext;
  }
}

/** A port free now, for a listener that starts later in another process. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Builds the web app, then runs the real server on a free port with an empty database of its
 * own and one administrator; the browser tests create everything else they need. As main.ts
 * does, it also runs the background jobs and the SMTP receiver, and sends mail to a relay on a
 * port of its own: the test that reads the mail listens there (the other tests' letters wait
 * for their next attempt meanwhile).
 */
export default async function setup(project: TestProject) {
  execFileSync('npx', ['tsx', 'scripts/build.ts', '--if-needed'], { stdio: 'inherit' });
  const lite = await PGlite.create({ extensions: pgliteExtensions });
  const database = await openDatabase({ kind: 'pglite', instance: lite });
  await migrateToLatest(database.db);
  const relayPort = await freePort();
  const { app, services } = await buildApp({
    database,
    webRoot: WEB_ROOT,
    hasher: createArgon2Hasher({ memoryCost: 1024, timeCost: 1 }),
    mail: { relayUrl: `smtp://127.0.0.1:${relayPort}` },
  });
  const adminEmail = 'e2e.admin@example.lv';
  const adminPassword = 'e2e-admin-password';
  await services.staff.create(systemContext('e2e'), {
    givenName: 'Pārbaude',
    surname: 'Administratore',
    position: 'Administratore',
    email: adminEmail,
    roles: ['administrator', 'client_service_head', 'auditor'],
    password: adminPassword,
  });
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  const smtp = createSmtpReceiver({
    mail: services.mail,
    maxMessageBytes: DEFAULT_MAIL_CONFIG.maxMessageBytes,
  });
  const smtpPort = await smtp.listen(0, '127.0.0.1');
  const scheduler = createScheduler({
    jobs: backgroundJobs(services),
    database,
    logger: { warn: (fields, message) => console.warn(message, fields), debug: () => undefined },
  });
  scheduler.start();
  project.provide('e2e', { baseUrl, adminEmail, adminPassword, smtpPort, relayPort });
  return async () => {
    await smtp.close();
    await scheduler.stop();
    await app.close();
    await database.close();
    await lite.close();
  };
}
