/**
 * Crash test: 50 writers add points to one map against `next start` (own port, own throwaway
 * database); the server is killed with SIGKILL at a random moment, the database checked and the
 * server restarted, 20 times. Every acknowledged write must be there, `PRAGMA integrity_check` ok,
 * and the event log complete (see bench/support/crash.ts for exactly what is checked).
 *
 * CRASH_ROUNDS (20), CRASH_WRITERS (50), CRASH_PORT (3210) change it. A reduced run is
 * e2e/crash.spec.ts, in `npm test`.
 */
import os from 'node:os';
import { runCrashTest } from './support/crash';
import { ensureBuild, removeDatabase, throwawayDatabase } from './support/server';

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 20);
const WRITERS = Number(process.env.CRASH_WRITERS ?? 50);
const PORT = Number(process.env.CRASH_PORT ?? 3210);

async function main() {
  ensureBuild();
  const file = throwawayDatabase('crash');
  removeDatabase(file);
  console.log(`Crash test — ${os.cpus()[0]?.model ?? 'CPU'}, ${os.cpus().length} cores, Node ${process.version}`);
  console.log(`${ROUNDS} rounds: ${WRITERS} writers on one map, kill -9 of the server 0.2–2.5 s after the first acknowledged write, check, restart\n`);
  try {
    const result = await runCrashTest({ file, port: PORT, rounds: ROUNDS, writers: WRITERS, killAfterMs: [200, 2500], log: console.log });
    console.log(
      `\n${result.acknowledged} acknowledged writes over ${ROUNDS} kills: ${result.problems.length === 0 ? 'every one present, integrity_check ok every time, event log 1…max with one event per write' : `${result.problems.length} problems`}`,
    );
    for (const problem of result.problems) console.error(`  ${problem}`);
    if (result.problems.length > 0) process.exitCode = 1;
  } finally {
    removeDatabase(file);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
