import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// The dependency rule (docs/ARCHITECTURE.md): domain ← contracts, charts ← server, web; inside the
// server, repositories only for their own module, SQL only where the database is, the demo above
// the modules. Lint enforces it so that a shortcut taken in a hurry fails the gate instead of
// eroding the layers. eslint.config.test.ts proves each restriction with a file it must refuse.

// Imports between layers are relative: one or more "../" and then a folder (or file) of the
// layer above. No layer has a folder named like one of its neighbours, so the name is the layer.
const into = (...names) => `^(\\.\\./)+(${names.join('|')})(/|$)`;

// Packages by name, a subpath included ("react-dom/client"); "*" stands for part of one name. A
// regular expression and not a gitignore-like group, where "domain" (a Node module) would match
// every "../domain/…" too.
const packages = (...names) =>
  `^(${names.map((name) => name.replaceAll('*', '[^/]*')).join('|')})(/|$)`;

const node = ['node:*', ...builtinModules];
const frameworks = [
  'fastify',
  'fastify-*',
  '@fastify/*',
  'kysely',
  'pg',
  '@electric-sql/*',
  'react',
  'react-*',
  'zod',
];

// One restriction is a list of no-restricted-imports entries; an area of the tree lists every
// restriction that holds there, because a later config block replaces a rule's options whole.
const noWeb = {
  patterns: [{ regex: into('web'), message: 'The server never imports the web app.' }],
};
const ownRepositoryOnly = {
  patterns: [
    {
      // "./x.repository" is the module's own (a module is one flat folder); any other path to a
      // repository reaches into another module, or is code outside the modules doing so.
      regex: '^(?!\\./[^/]+$).*\\.repository(\\.[jt]s)?$',
      message: 'A module calls another module’s service, never its repository.',
    },
  ],
};
const sqlOnlyInRepositories = {
  patterns: [
    {
      regex: packages('kysely'),
      allowTypeImports: true,
      message: 'SQL belongs in a repository (or a migration): here Kysely is only a type.',
    },
    { regex: packages('pg'), message: 'SQL belongs in a repository, through Kysely.' },
    { regex: packages('@electric-sql/*'), message: 'The database is opened in db/ alone.' },
  ],
};
const belowTheDemo = {
  patterns: [
    {
      regex: into('demo'),
      message: 'The demo sits above the modules: it uses them, nothing here uses it.',
    },
  ],
};
const databaseAlone = {
  patterns: [
    {
      regex: into(
        'adapters',
        'cli',
        'demo',
        'http',
        'lib',
        'modules',
        'testing',
        'app',
        'runtime',
        'main',
        'config',
      ),
      message: 'db/ is the database alone: it knows no feature and nothing of the app.',
    },
  ],
};

function restrict(...restrictions) {
  return {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        paths: restrictions.flatMap((restriction) => restriction.paths ?? []),
        patterns: restrictions.flatMap((restriction) => restriction.patterns ?? []),
      },
    ],
  };
}

// Kysely's query builders start here; outside repositories a call to one is SQL in the wrong place
// even when Kysely itself is imported only as a type.
const queryBuilders =
  'selectFrom|selectNoFrom|insertInto|replaceInto|updateTable|deleteFrom|mergeInto';

export default tseslint.config(
  { ignores: ['dist/', 'data/', 'coverage/', 'node_modules/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: restrict({
      patterns: [
        {
          regex: into('contracts', 'charts', 'server', 'web'),
          message: 'The domain depends on nothing.',
        },
        {
          regex: packages(...node, ...frameworks),
          message: 'The domain is pure: no I/O, no frameworks.',
        },
      ],
    }),
  },
  {
    // Charts are drawn by the web app and, as SVG, in the server's PDFs: pure code that runs in
    // both, using only the domain.
    files: ['src/charts/**/*.ts'],
    rules: restrict({
      patterns: [
        {
          regex: into('contracts', 'server', 'web'),
          message: 'Charts depend on the domain only.',
        },
        {
          regex: packages(...node, ...frameworks),
          message: 'Charts run in the browser and on the server: no I/O, no frameworks.',
        },
      ],
    }),
  },
  {
    files: ['src/contracts/**/*.ts'],
    rules: restrict({
      patterns: [
        {
          regex: into('charts', 'server', 'web'),
          message: 'Contracts use only the domain: they are shared by server and web.',
        },
        {
          regex: packages(...node, ...frameworks.filter((name) => name !== 'zod')),
          message:
            'Contracts are zod schemas shared by server and web: no I/O, no other framework.',
        },
      ],
    }),
  },
  // The server, area by area; a later block wins for the files it names.
  {
    // Services, routes, presenters, pages: the modules' code outside their repositories.
    files: ['src/server/modules/**/*.ts'],
    rules: restrict(noWeb, ownRepositoryOnly, belowTheDemo, sqlOnlyInRepositories),
  },
  {
    files: ['src/server/modules/**/*.repository.ts'],
    rules: restrict(noWeb, ownRepositoryOnly, belowTheDemo),
  },
  {
    // The HTTP edge, helpers and adapters sit below the modules' features and hold no SQL.
    files: ['src/server/http/**/*.ts', 'src/server/lib/**/*.ts', 'src/server/adapters/**/*.ts'],
    rules: restrict(noWeb, ownRepositoryOnly, belowTheDemo, sqlOnlyInRepositories),
  },
  {
    // The wiring (app, runtime, main, config) and the command line: they start the demo, but
    // what they ask of the database goes through services.
    files: ['src/server/*.ts', 'src/server/cli/**/*.ts'],
    rules: restrict(noWeb, ownRepositoryOnly, sqlOnlyInRepositories),
  },
  {
    files: ['src/server/db/**/*.ts'],
    rules: restrict(noWeb, ownRepositoryOnly, databaseAlone),
  },
  {
    // The demo writes its made-up history with SQL where no service makes such rows.
    files: ['src/server/demo/**/*.ts'],
    rules: restrict(noWeb, ownRepositoryOnly),
  },
  {
    // Tests and their helpers set up and inspect the database directly.
    files: ['src/server/**/*.test.ts', 'src/server/testing/**/*.ts'],
    rules: restrict(noWeb, ownRepositoryOnly),
  },
  {
    files: ['src/server/**/*.ts'],
    ignores: [
      'src/server/modules/**/*.repository.ts',
      'src/server/db/**',
      'src/server/demo/**',
      'src/server/**/*.test.ts',
      'src/server/testing/**',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: `CallExpression[callee.type='MemberExpression'][callee.property.name=/^(${queryBuilders})$/]`,
          message: 'SQL belongs in a repository: one function per query there.',
        },
      ],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict({
        patterns: [
          { regex: into('server'), message: 'The web app talks to the server over HTTP only.' },
        ],
      }),
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
