import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Unit tests: the pure core (`lib/argument`, `lib/validation`), the pure helpers of components
 * (`__tests__` folders under `components/`) and the seed data. Playwright's
 * specs in `e2e/` are deliberately outside `include`; they run against a server, not in Vitest.
 * API tests (`tests/api`): the route handlers called in-process against a throwaway migrated and
 * seeded SQLite file per test file (`tests/api/support/global-setup.ts`) — the fuzz, cross-site,
 * write-limit and health tests.
 */
export default defineConfig({
  resolve: {
    // Same as tsconfig's `paths: { "@/*": ["./*"] }`.
    alias: [{ find: /^@\//, replacement: root }],
  },
  test: {
    environment: 'node',
    projects: [
      { extends: true, test: { name: 'unit', include: ['lib/**/*.test.ts', 'components/**/*.test.ts', 'prisma/**/*.test.ts'] } },
      {
        extends: true,
        resolve: {
          // The data layer is marked server-only for Next's bundler; in-process tests are the server.
          alias: [{ find: /^server-only$/, replacement: `${root}tests/api/support/server-only.ts` }],
        },
        test: {
          name: 'api',
          include: ['tests/api/**/*.test.ts'],
          globalSetup: ['tests/api/support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      // Two `next start` instances on one PostgreSQL database (tests/multi-instance): skipped unless
      // ARGMAP_TEST_POSTGRES_URL or ARGMAP_TEST_MULTI_INSTANCE=1 is set; `npm run test:postgres` runs it.
      // The hook may build the app first (minutes), under the e2e lock.
      {
        extends: true,
        test: { name: 'multi-instance', include: ['tests/multi-instance/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 900_000 },
      },
    ],
  },
});
