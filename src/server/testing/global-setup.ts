import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import {
  DEFAULT_ADMIN_URL,
  dropTemplate,
  prepareTemplate,
  type TestDatabaseSource,
} from './test-database';

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabase: TestDatabaseSource;
  }
}

/**
 * Migrates one database for the whole run. APKALPO_TEST_POSTGRES=1 runs the same tests against
 * a real PostgreSQL server (APKALPO_TEST_POSTGRES_URL, default the local one).
 */
export default async function setup(project: TestProject) {
  const usePostgres = process.env.APKALPO_TEST_POSTGRES === '1';
  const scratch = await mkdtemp(path.join(tmpdir(), 'apkalpo-test-'));
  const source = usePostgres
    ? await prepareTemplate({
        kind: 'postgresql',
        adminUrl: process.env.APKALPO_TEST_POSTGRES_URL ?? DEFAULT_ADMIN_URL,
      })
    : await prepareTemplate({ kind: 'pglite', dumpFile: path.join(scratch, 'migrated.tar') });
  project.provide('testDatabase', source);
  return async () => {
    await dropTemplate(source);
    await rm(scratch, { recursive: true, force: true });
  };
}
