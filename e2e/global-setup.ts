import { execFileSync } from 'node:child_process';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { buildApp } from '../src/server/app';
import { createArgon2Hasher } from '../src/server/adapters/password-hasher';
import { openDatabase, pgliteExtensions } from '../src/server/db/database';
import { migrateToLatest } from '../src/server/db/migrate';
import { systemContext } from '../src/server/http/access';
import { WEB_ROOT } from '../src/server/web-root';

export interface E2eContext {
  baseUrl: string;
  adminEmail: string;
  adminPassword: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: E2eContext;
  }
}

/**
 * Builds the web app, then runs the real server on a free port with an empty database of its
 * own and one administrator; the browser tests create everything else they need.
 */
export default async function setup(project: TestProject) {
  execFileSync('npx', ['tsx', 'scripts/build.ts', '--if-needed'], { stdio: 'inherit' });
  const lite = await PGlite.create({ extensions: pgliteExtensions });
  const database = await openDatabase({ kind: 'pglite', instance: lite });
  await migrateToLatest(database.db);
  const { app, services } = await buildApp({
    database,
    webRoot: WEB_ROOT,
    hasher: createArgon2Hasher({ memoryCost: 1024, timeCost: 1 }),
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
  project.provide('e2e', { baseUrl, adminEmail, adminPassword });
  return async () => {
    await app.close();
    await database.close();
    await lite.close();
  };
}
