// `npm run lint:openapi`: the OpenAPI document the server serves at /api/docs/json, linted by
// Redocly CLI with its recommended rules (redocly.yaml). An error fails; warnings are shown.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { buildApp } from '../src/server/app';
import { openDatabase } from '../src/server/db/database';

/** The document as the app builds it; the routes need a database to exist, not to be used. */
async function openApiDocument(): Promise<unknown> {
  const lite = await PGlite.create();
  const database = await openDatabase({ kind: 'pglite', instance: lite });
  try {
    const { app } = await buildApp({ database });
    await app.ready();
    const document = app.swagger();
    await app.close();
    return document;
  } finally {
    await database.close();
    await lite.close();
  }
}

const folder = await mkdtemp(path.join(tmpdir(), 'apkalpo-openapi-'));
try {
  const file = path.join(folder, 'openapi.json');
  await writeFile(file, JSON.stringify(await openApiDocument(), null, 2));
  const root = path.join(import.meta.dirname, '..');
  const lint = spawnSync('redocly', ['lint', file, '--config', path.join(root, 'redocly.yaml')], {
    stdio: 'inherit',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  });
  if (lint.error) throw lint.error;
  process.exitCode = lint.status ?? 1;
} finally {
  await rm(folder, { recursive: true, force: true });
}
