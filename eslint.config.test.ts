import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// Each restriction of the dependency rule (eslint.config.js, docs/ARCHITECTURE.md) proved by a
// file it must refuse, and a legal import in the same place that it must let through. The files
// are linted as text under the path they would have, so none of them lives in src/; the rules
// here need no type information, so the test lints without a TypeScript program and stays fast.

interface Fixture {
  /** What is refused, in a few words. */
  name: string;
  /** Where the file would be. */
  path: string;
  refused: string;
  allowed: string;
  /** The rule that refuses it, and words of its message. */
  rule: 'restricted-imports' | 'restricted-syntax';
  says: string;
}

const RULES = {
  'restricted-imports': '@typescript-eslint/no-restricted-imports',
  'restricted-syntax': 'no-restricted-syntax',
} as const;

const used = (from: string, name = 'value') =>
  `import { ${name} } from '${from}';\nexport const used = ${name};\n`;
const runsSql = `import type { Kysely } from 'kysely';\nexport const count = (db: Kysely<{ t: { id: string } }>) => db.selectFrom('t').selectAll().execute();\n`;

const fixtures: Fixture[] = [
  // The domain depends on nothing.
  {
    name: 'the domain importing charts',
    path: 'src/domain/survey-example.ts',
    refused: used('../charts/survey-figures'),
    allowed: used('./survey-stats'),
    rule: 'restricted-imports',
    says: 'The domain depends on nothing.',
  },
  {
    name: 'the domain, one folder down, importing contracts',
    path: 'src/domain/nested/example.ts',
    refused: used('../../contracts/common'),
    allowed: used('../requests'),
    rule: 'restricted-imports',
    says: 'The domain depends on nothing.',
  },
  {
    name: 'the domain importing the server',
    path: 'src/domain/example.ts',
    refused: used('../server/http/errors'),
    allowed: used('./requests'),
    rule: 'restricted-imports',
    says: 'The domain depends on nothing.',
  },
  {
    name: 'the domain doing I/O',
    path: 'src/domain/example.ts',
    refused: used('node:fs', 'readFileSync'),
    allowed: used('date-holidays'),
    rule: 'restricted-imports',
    says: 'The domain is pure',
  },
  {
    name: 'the domain using a Node module without its prefix',
    path: 'src/domain/example.ts',
    refused: used('crypto', 'randomUUID'),
    allowed: used('./search-text'),
    rule: 'restricted-imports',
    says: 'The domain is pure',
  },
  {
    name: 'the domain using zod',
    path: 'src/domain/example.ts',
    refused: used('zod', 'z'),
    allowed: used('./roles'),
    rule: 'restricted-imports',
    says: 'The domain is pure',
  },
  // Charts use only the domain.
  {
    name: 'charts importing contracts',
    path: 'src/charts/example.ts',
    refused: used('../contracts/surveys.contracts'),
    allowed: used('../domain/survey-stats'),
    rule: 'restricted-imports',
    says: 'Charts depend on the domain only.',
  },
  {
    name: 'charts using React',
    path: 'src/charts/example.ts',
    refused: used('react', 'createElement'),
    allowed: used('./svg'),
    rule: 'restricted-imports',
    says: 'Charts run in the browser and on the server',
  },
  // Contracts use only the domain (and zod).
  {
    name: 'contracts importing Node',
    path: 'src/contracts/example.contracts.ts',
    refused: used('node:crypto', 'randomUUID'),
    allowed: used('zod', 'z'),
    rule: 'restricted-imports',
    says: 'Contracts are zod schemas',
  },
  {
    name: 'contracts importing Kysely',
    path: 'src/contracts/example.contracts.ts',
    refused: used('kysely', 'sql'),
    allowed: used('../domain/roles'),
    rule: 'restricted-imports',
    says: 'Contracts are zod schemas',
  },
  {
    name: 'contracts importing charts',
    path: 'src/contracts/example.contracts.ts',
    refused: used('../charts/survey-figures'),
    allowed: used('./common'),
    rule: 'restricted-imports',
    says: 'Contracts use only the domain',
  },
  {
    name: 'contracts importing the server',
    path: 'src/contracts/example.contracts.ts',
    refused: used('../server/http/errors'),
    allowed: used('../domain/requests'),
    rule: 'restricted-imports',
    says: 'Contracts use only the domain',
  },
  // Server and web never import each other.
  {
    name: 'the server importing the web app',
    path: 'src/server/modules/queue/queue.service.ts',
    refused: used('../../../web/api/client'),
    allowed: used('../../../contracts/queue.contracts'),
    rule: 'restricted-imports',
    says: 'The server never imports the web app.',
  },
  {
    name: 'the web app importing the server',
    path: 'src/web/features/queue/QueuePage.tsx',
    refused: used('../../../server/modules/queue/queue.presenter'),
    allowed: used('../../../contracts/queue.contracts'),
    rule: 'restricted-imports',
    says: 'The web app talks to the server over HTTP only.',
  },
  // A module calls another module's service, never its repository.
  {
    name: 'a module importing another module’s repository',
    path: 'src/server/modules/queue/queue.service.ts',
    refused: used('../contacts/contacts.repository'),
    allowed: used('./queue.repository'),
    rule: 'restricted-imports',
    says: 'never its repository',
  },
  {
    name: 'a module reaching another module’s repository through the modules folder',
    path: 'src/server/modules/queue/queue.service.ts',
    refused: used('../../modules/contacts/contacts.repository'),
    allowed: used('../contacts/contacts.service'),
    rule: 'restricted-imports',
    says: 'never its repository',
  },
  {
    name: 'a module’s test importing another module’s repository',
    path: 'src/server/modules/queue/queue.test.ts',
    refused: used('../contacts/contacts.repository'),
    allowed: used('./queue.repository'),
    rule: 'restricted-imports',
    says: 'never its repository',
  },
  {
    name: 'the HTTP edge importing a repository',
    path: 'src/server/http/example.ts',
    refused: used('../modules/clients/clients.repository'),
    allowed: used('../modules/clients/clients.service'),
    rule: 'restricted-imports',
    says: 'never its repository',
  },
  {
    name: 'the demo importing a repository',
    path: 'src/server/demo/seed-demo-example.ts',
    refused: used('../modules/clients/clients.repository'),
    allowed: used('../modules/clients/clients.presenter'),
    rule: 'restricted-imports',
    says: 'never its repository',
  },
  // SQL only in repositories, migrations, db/ itself, the demo and tests.
  {
    name: 'a service importing Kysely’s sql',
    path: 'src/server/modules/queue/queue.service.ts',
    refused: used('kysely', 'sql'),
    allowed: `import type { Kysely } from 'kysely';\nexport type Db = Kysely<object>;\n`,
    rule: 'restricted-imports',
    says: 'SQL belongs in a repository',
  },
  {
    name: 'a service building a query',
    path: 'src/server/modules/queue/queue.service.ts',
    refused: runsSql,
    allowed: used('./queue.repository'),
    rule: 'restricted-syntax',
    says: 'SQL belongs in a repository',
  },
  {
    name: 'a service opening its own PostgreSQL client',
    path: 'src/server/modules/queue/queue.service.ts',
    refused: used('pg', 'Client'),
    allowed: used('./queue.presenter'),
    rule: 'restricted-imports',
    says: 'SQL belongs in a repository',
  },
  ...(['lib', 'http', 'cli'] as const).flatMap((folder): Fixture[] => [
    {
      name: `${folder}/ importing Kysely’s sql`,
      path: `src/server/${folder}/example.ts`,
      refused: used('kysely', 'sql'),
      allowed: `import type { Kysely } from 'kysely';\nexport type Db = Kysely<object>;\n`,
      rule: 'restricted-imports',
      says: 'SQL belongs in a repository',
    },
    {
      name: `${folder}/ building a query`,
      path: `src/server/${folder}/example.ts`,
      refused: runsSql,
      allowed: used('../../domain/search-text'),
      rule: 'restricted-syntax',
      says: 'SQL belongs in a repository',
    },
  ]),
  {
    name: 'the app’s wiring building a query',
    path: 'src/server/runtime.ts',
    refused: runsSql,
    allowed: used('./demo/seed-demo'),
    rule: 'restricted-syntax',
    says: 'SQL belongs in a repository',
  },
  {
    name: 'a service opening PGlite',
    path: 'src/server/modules/queue/queue.service.ts',
    refused: used('@electric-sql/pglite', 'PGlite'),
    allowed: used('./queue.presenter'),
    rule: 'restricted-imports',
    says: 'The database is opened in db/ alone.',
  },
  // The demo sits above the modules; db/ is the database alone.
  {
    name: 'a module using the demo',
    path: 'src/server/modules/clients/clients.service.ts',
    refused: used('../../demo/seed-demo'),
    allowed: used('../staff/staff.service'),
    rule: 'restricted-imports',
    says: 'The demo sits above the modules',
  },
  {
    name: 'db/ knowing a feature',
    path: 'src/server/db/database.ts',
    refused: used('../modules/clients/clients.presenter'),
    allowed: used('./schema'),
    rule: 'restricted-imports',
    says: 'db/ is the database alone',
  },
  {
    name: 'a migration using the demo',
    path: 'src/server/db/migrations/0009_example.ts',
    refused: used('../../demo/seed-demo'),
    allowed: used('../../../domain/calendar-data'),
    rule: 'restricted-imports',
    says: 'db/ is the database alone',
  },
];

// Places where SQL is at home: the same query builder must pass there.
const sqlAtHome = [
  'src/server/modules/queue/queue.repository.ts',
  'src/server/modules/queue/queue.test.ts',
  'src/server/db/migrations/0009_example.ts',
  'src/server/demo/seed-demo-example.ts',
  'src/server/testing/example.ts',
];

describe('the dependency rule in eslint.config.js', () => {
  let eslint: ESLint;
  const lint = async (code: string, filePath: string) => {
    const [result] = await eslint.lintText(code, { filePath });
    return (result?.messages ?? []).map((m) => ({ rule: m.ruleId, message: m.message }));
  };

  beforeAll(() => {
    eslint = new ESLint({
      cwd: import.meta.dirname,
      overrideConfig: tseslint.configs.disableTypeChecked,
    });
  });

  it.each(fixtures)('refuses $name', async ({ path, refused, rule, says }) => {
    expect(await lint(refused, path)).toEqual([
      { rule: RULES[rule], message: expect.stringContaining(says) as unknown },
    ]);
  });

  it.each(fixtures)(
    'lets through a legal import in its place ($path)',
    async ({ path, allowed }) => {
      expect(await lint(allowed, path)).toEqual([]);
    },
  );

  it.each(sqlAtHome)('lets SQL be written in %s', async (path) => {
    expect(await lint(runsSql, path)).toEqual([]);
  });
});
