import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// The dependency rule (docs/ARCHITECTURE.md): domain ← contracts ← server, web. Lint enforces it
// so that a shortcut taken in a hurry fails the gate instead of eroding the layers.
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
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../contracts/*', '../server/*', '../web/*'],
              message: 'The domain depends on nothing.',
            },
            {
              group: ['node:*', ...frameworks],
              message: 'The domain is pure: no I/O, no frameworks.',
            },
          ],
        },
      ],
    },
  },
  {
    // Charts are drawn by the web app and, as SVG, in the server's PDFs: pure code that runs in
    // both, using only the domain.
    files: ['src/charts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../contracts/*', '../server/*', '../web/*'],
              message: 'Charts depend on the domain only.',
            },
            {
              group: ['node:*', ...frameworks],
              message: 'Charts run in the browser and on the server: no I/O, no frameworks.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/contracts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../server/*', '../web/*'],
              message: 'Contracts are shared by server and web.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/server/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/web/*'], message: 'The server never imports the web app.' },
            {
              group: ['../*/*.repository'],
              message: 'A module calls another module’s service, never its repository.',
            },
          ],
        },
      ],
    },
  },
  {
    // SQL lives in repositories (and migrations): elsewhere Kysely may appear only as a type.
    files: ['src/server/modules/**/*.ts'],
    ignores: ['src/server/modules/**/*.repository.ts', 'src/server/modules/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'kysely', message: 'SQL belongs in a repository.', allowTypeImports: true },
          ],
          patterns: [
            { group: ['**/web/*'], message: 'The server never imports the web app.' },
            {
              group: ['../*/*.repository'],
              message: 'A module calls another module’s service, never its repository.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/server/*'], message: 'The web app talks to the server over HTTP only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
