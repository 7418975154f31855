import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, inject, it, vi, type MockInstance } from 'vitest';
import type { TMe } from '../../contracts/auth.contracts';
import { buildApp } from '../app';
import { loadConfig, type Config } from '../config';
import { openDatabase } from '../db/database';
import { migrations } from '../db/migrations/index';
import { openMigratedDatabase } from '../runtime';
import { runCli } from './cli';

const PASSWORD = 'first admin password';

/**
 * A configuration pointing at a new, empty database: a fresh PGlite folder, or in PostgreSQL
 * mode a fresh database on the test server. The command line migrates it itself.
 */
async function emptyDatabase(
  env: Record<string, string> = {},
): Promise<{ config: Config; dispose(): Promise<void> }> {
  const source = inject('testDatabase');
  if (source.kind === 'pglite') {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'apkalpo-cli-'));
    return {
      config: loadConfig({ NODE_ENV: 'test', APKALPO_DATA_DIR: dataDir, ...env }),
      dispose: () => rm(dataDir, { recursive: true, force: true }),
    };
  }
  // Named after the run's template, so the run's teardown drops it even if this test cannot.
  const name = `${source.template}_cli_${randomBytes(4).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: source.adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database "${name}"`);
  const url = new URL(source.adminUrl);
  url.pathname = `/${name}`;
  return {
    config: loadConfig({ NODE_ENV: 'test', DATABASE_URL: url.toString(), ...env }),
    dispose: () => admin(`drop database if exists "${name}" with (force)`),
  };
}

/** Whoever the database holds: what a command left behind. */
async function staffIn(config: Config): Promise<number> {
  const database = await openMigratedDatabase(config);
  try {
    const rows = await database.db.selectFrom('staff').select('email').execute();
    return rows.length;
  } finally {
    await database.close();
  }
}

/**
 * Figures of the demo's telephone fieldwork that must agree wherever they are shown: the wave's
 * answers by source, the CATI completes and the QC's base; and no review before its interview.
 */
async function demoFieldwork(config: Config) {
  const database = await openMigratedDatabase(config);
  try {
    const { db } = database;
    const catiCompletes = await db
      .selectFrom('cati_sample')
      .select(sql<number>`count(*)::int`.as('count'))
      .where('state', '=', 'complete')
      .executeTakeFirstOrThrow();
    const catiResponses = await db
      .selectFrom('survey_responses')
      .select(sql<number>`count(*)::int`.as('count'))
      .where('source', '=', 'cati')
      .where('state', '=', 'complete')
      .executeTakeFirstOrThrow();
    const reviewedEarly = await db
      .selectFrom('cati_qc_checks as q')
      .innerJoin('survey_responses as r', 'r.id', 'q.response_id')
      .select(sql<number>`count(*)::int`.as('count'))
      .where(sql<boolean>`q.drawn_at < r.completed_at or q.checked_at < r.completed_at`)
      .executeTakeFirstOrThrow();
    return {
      catiCompletes: catiCompletes.count,
      catiResponses: catiResponses.count,
      reviewedEarly: reviewedEarly.count,
    };
  } finally {
    await database.close();
  }
}

// Each test opens fresh data folders several times, and from the sources each opening starts
// PGlite's thread through tsx (decision 37): more than the default 30 s on a busy machine.
describe('apkalpo command line', { timeout: 90_000 }, () => {
  let errors: MockInstance<typeof console.error>;
  let logs: MockInstance<typeof console.log>;
  let disposals: Array<() => Promise<void>> = [];

  const fresh = async (env: Record<string, string> = {}) => {
    const database = await emptyDatabase(env);
    disposals.push(() => database.dispose());
    return database.config;
  };
  const errorOutput = () => errors.mock.calls.map((args) => args.join(' ')).join('\n');

  beforeEach(() => {
    errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    logs = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    // Commander writes its own usage errors straight to stderr.
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    vi.stubEnv('APKALPO_PASSWORD', PASSWORD);
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
    for (const dispose of disposals) await dispose();
    disposals = [];
  });

  describe('user create', () => {
    it('creates an administrator who can then sign in', async () => {
      const config = await fresh();

      const exitCode = await runCli(
        [
          'user',
          'create',
          '--email',
          ' Inese.Ozola@Example.lv ',
          '--given-name',
          'Inese',
          '--surname',
          'Ozola',
        ],
        () => config,
      );

      expect(exitCode).toBe(0);
      expect(logs).toHaveBeenCalledWith(
        'Created Inese Ozola <inese.ozola@example.lv> with roles: administrator.',
      );
      const database = await openMigratedDatabase(config);
      const { app } = await buildApp({ database });
      try {
        const login = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: 'inese.ozola@example.lv', password: PASSWORD },
        });
        expect(login.statusCode).toBe(200);
        expect(login.json()).toMatchObject({
          givenName: 'Inese',
          surname: 'Ozola',
          position: 'Administrators',
          roles: ['administrator'],
        });
        expect(login.json<TMe>().permissions).toContain('staff.manage');
      } finally {
        await app.close();
        await database.close();
      }
    });

    it('gives the roles asked for', async () => {
      const config = await fresh();

      const exitCode = await runCli(
        [
          'user',
          'create',
          '--email',
          'maris.liepa@example.lv',
          '--given-name',
          'Māris',
          '--surname',
          'Liepa',
          '--role',
          'unit_head',
          'specialist',
        ],
        () => config,
      );

      expect(exitCode).toBe(0);
      expect(logs).toHaveBeenCalledWith(
        expect.stringContaining('with roles: specialist, unit_head.'),
      );
    });

    it('refuses an email address that is already taken, with exit code 2', async () => {
      const config = await fresh();
      const args = [
        'user',
        'create',
        '--email',
        'a@example.lv',
        '--given-name',
        'A',
        '--surname',
        'B',
      ];
      expect(await runCli(args, () => config)).toBe(0);

      expect(await runCli(args, () => config)).toBe(2);
      expect(errorOutput()).toContain(
        'email: This email address already belongs to another person.',
      );
      expect(await staffIn(config)).toBe(1);
    });

    it('answers a command given wrongly with exit code 2 and creates nobody', async () => {
      const config = await fresh();
      const person = ['--given-name', 'A', '--surname', 'B'];
      const wrongly: Array<[string, string[]]> = [
        ['no command at all', []],
        ['an unknown command', ['make-coffee']],
        ['a missing --email', ['user', 'create', ...person]],
        [
          'an unknown role',
          ['user', 'create', '--email', 'a@example.lv', ...person, '--role', 'king'],
        ],
        ['an email that is not one', ['user', 'create', '--email', 'not-an-email', ...person]],
      ];

      for (const [description, argv] of wrongly) {
        expect(await runCli(argv, () => config), description).toBe(2);
        expect(await staffIn(config), description).toBe(0);
      }
    });

    it('refuses to run without a password, or with one that is too short', async () => {
      const config = await fresh();
      const args = [
        'user',
        'create',
        '--email',
        'a@example.lv',
        '--given-name',
        'A',
        '--surname',
        'B',
      ];

      vi.stubEnv('APKALPO_PASSWORD', '');
      expect(await runCli(args, () => config)).toBe(2);
      expect(errorOutput()).toContain(
        'Give the password through --password-stdin or the APKALPO_PASSWORD variable.',
      );

      vi.stubEnv('APKALPO_PASSWORD', 'short');
      expect(await runCli(args, () => config)).toBe(2);
      expect(errorOutput()).toContain('The password must be 12 to 200 characters long.');

      expect(await staffIn(config)).toBe(0);
    });
  });

  describe('seed-demo', () => {
    it('is refused when NODE_ENV=production, touching no database', async () => {
      const config = await fresh({ NODE_ENV: 'production' });

      expect(await runCli(['seed-demo'], () => config)).toBe(2);

      expect(errorOutput()).toContain('Demo data is never loaded when NODE_ENV=production.');
      expect(await staffIn(config)).toBe(0);
    });

    it('is refused when the database already has staff', async () => {
      const config = await fresh();
      expect(
        await runCli(
          [
            'user',
            'create',
            '--email',
            'real.admin@example.lv',
            '--given-name',
            'A',
            '--surname',
            'B',
          ],
          () => config,
        ),
      ).toBe(0);

      expect(await runCli(['seed-demo'], () => config)).toBe(2);

      expect(errorOutput()).toContain('demo data goes only into an empty database');
      expect(await staffIn(config)).toBe(1);
    });

    it('loads the demo organisation into an empty database, and only once', async () => {
      const config = await fresh();

      expect(await runCli(['seed-demo'], () => config)).toBe(0);
      const seeded = await staffIn(config);
      expect(seeded).toBeGreaterThan(0);
      const fieldwork = await demoFieldwork(config);
      expect(fieldwork.catiCompletes).toBeGreaterThan(0);
      expect(fieldwork).toEqual({
        catiCompletes: fieldwork.catiCompletes,
        catiResponses: fieldwork.catiCompletes,
        reviewedEarly: 0,
      });

      expect(await runCli(['seed-demo'], () => config)).toBe(2);
      expect(await staffIn(config)).toBe(seeded);
      // The whole demo is loaded: slower than other tests on a busy machine.
    }, 120_000);
  });

  describe('migrate', () => {
    it('brings an empty database up to date', async () => {
      const config = await fresh();

      expect(await runCli(['migrate'], () => config)).toBe(0);

      expect(logs).toHaveBeenCalledWith('The database schema is up to date.');
      const database = config.databaseUrl
        ? await openDatabase({ kind: 'postgresql', url: config.databaseUrl })
        : await openDatabase({ kind: 'pglite', dataDir: config.dataDir });
      try {
        const applied = await sql<{ name: string }>`select name from kysely_migration`.execute(
          database.db,
        );
        expect(applied.rows.map((row) => row.name)).toEqual(Object.keys(migrations));
      } finally {
        await database.close();
      }
    });
  });
});
