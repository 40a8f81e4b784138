import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Unit tests: the pure core (`lib/argument`, `lib/validation`) and the seed data. Playwright's
 * specs in `e2e/` are deliberately outside `include`; they run against a server, not in Vitest.
 */
export default defineConfig({
  resolve: {
    // Same as tsconfig's `paths: { "@/*": ["./*"] }`.
    alias: [{ find: /^@\//, replacement: root }],
  },
  test: {
    include: ['lib/**/*.test.ts', 'prisma/**/*.test.ts'],
    environment: 'node',
  },
});
