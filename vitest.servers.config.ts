import { defineConfig } from 'vitest/config';

// Tests against real servers from Debian's packages (the mail servers Dovecot and rspamd, the SIP
// proxy Kamailio), which a machine has only once they are installed: CI installs them and runs
// these with `npm run test:servers`.
export default defineConfig({
  test: {
    name: 'servers',
    include: ['src/server/**/*.servers.test.ts'],
    globalSetup: ['src/server/testing/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
