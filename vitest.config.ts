import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'src/domain/**/*.test.ts',
            'src/contracts/**/*.test.ts',
            'src/charts/**/*.test.ts',
          ],
        },
      },
      {
        // The web app's own logic and hooks, in a browser-like document (no server, no browser).
        test: {
          name: 'web',
          include: ['src/web/**/*.test.ts', 'src/web/**/*.test.tsx'],
          environment: 'happy-dom',
        },
      },
      {
        // The lint configuration's own test: the dependency rule refuses what it should.
        test: { name: 'lint', include: ['eslint.config.test.ts'] },
      },
      {
        test: {
          name: 'integration',
          include: ['src/server/**/*.test.ts'],
          // Those need mail servers installed: vitest.servers.config.ts runs them.
          exclude: ['src/server/**/*.servers.test.ts'],
          globalSetup: ['src/server/testing/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
