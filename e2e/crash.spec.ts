import { expect, test } from '@playwright/test';
import { runCrashTest } from '../bench/support/crash';
import { removeDatabase, throwawayDatabase } from '../bench/support/server';

/**
 * The crash test, reduced to 3 rounds (the full 20 are `npx tsx bench/crash.ts`, in `npm run bench`):
 * 50 writers on the op-ed map, the production server killed with SIGKILL at a random moment, three
 * times. It runs its own `next start` (the build the suite already made) on port 3201 over its own
 * throwaway database, not the suite's server on 3100.
 */
test.describe('crash safety', () => {
  test('after kill -9 mid-write every acknowledged write is there, the database is intact and the event log complete', async () => {
    test.setTimeout(120_000);
    const file = throwawayDatabase('crash-e2e');
    removeDatabase(file);
    try {
      const result = await runCrashTest({ file, port: 3201, rounds: 3, writers: 50, killAfterMs: [200, 1500] });
      // The kills must have landed mid-write for the test to mean anything.
      expect(result.rounds.every((r) => r.failed > 0)).toBe(true);
      expect(result.acknowledged).toBeGreaterThan(0);
      expect(result.problems).toEqual([]);
    } finally {
      removeDatabase(file);
    }
  });
});
