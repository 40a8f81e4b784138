import { afterAll, expect, test, vi } from 'vitest';
import { throwawayDatabase } from './support/database';
import { runAdversarial, type Send } from './support/adversarial-run';
import { isErrorBody, send as sendTo, type Method } from './support/routes';

/**
 * The fuzz suite's "adversarial sizes" mode, reduced for `npm test` (`npm run bench` runs it in full
 * against the production server while timing /api/health: bench/adversarial.ts). Valid inputs at
 * the limits in the shapes that stress algorithms — a ladder of supports (2^levels paths), chains
 * as deep as a map may be, stars, one step of a thousand premises, 512 KB of duplicate steps,
 * essays of one repeated character or of thousands of tiny sentences — each request handled
 * in-process, as the server would.
 *
 * Acceptable: a 2xx, or a 4xx with the JSON error body (a refusal that says why); never a 5xx,
 * never an unexpected log. The answer's size must be linear in the input (a brief of a ladder
 * that enumerates its paths is megabytes). The time bound is not a performance budget (those are
 * in the benchmarks): it is 5× a request that today's code answers in a fraction of a second and
 * that the code before issue 10 answered in tens of seconds, or never.
 */
const BLOW_UP_MS = Number(process.env.ADVERSARIAL_BLOW_UP_MS ?? 5000);
/** Largest answer any of these requests may give: 20× the largest input (a 512 KB import). */
const ANSWER_MAX_BYTES = 10 * 1024 * 1024;

const database = throwawayDatabase('adversarial');
afterAll(() => database.cleanup());

const send: Send = async (method, path, body) => {
  const started = performance.now();
  const response = await sendTo(method as Method, path, { body });
  const text = await response.text();
  return { status: response.status, text, ms: performance.now() - started };
};

test('every route answers inputs at its limits in stressing shapes quickly, or refuses them clearly', async () => {
  const logged: string[] = [];
  const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ').slice(0, 500)));
  const problems: string[] = [];
  const results = await runAdversarial({
    scale: 'reduced',
    send,
    only: process.env.ADVERSARIAL_ONLY as 'essays' | 'imports' | undefined,
    onResult: (r, text) => {
      const where = `${r.shape}: ${r.request} → ${r.status} in ${r.ms.toFixed(0)} ms, ${r.bytes} bytes`;
      if (process.env.ADVERSARIAL_VERBOSE) process.stdout.write(`${where}\n`);
      if (r.status >= 500) problems.push(`${where}: ${text.slice(0, 200)}`);
      else if (r.status >= 400 && !isErrorBody(JSON.parse(text))) problems.push(`${where}: not the JSON error body`);
      if (r.ms > BLOW_UP_MS) problems.push(`${where}: slower than ${BLOW_UP_MS} ms`);
      if (r.bytes > ANSWER_MAX_BYTES) problems.push(`${where}: answer over ${ANSWER_MAX_BYTES} bytes`);
      if (logged.length > 0) problems.push(`${where}: logged ${logged.splice(0).join(' | ')}`);
    },
  });
  spy.mockRestore();
  console.info(
    results
      .map(
        (r) =>
          `${r.shape.padEnd(44)} ${r.request.padEnd(36)} ${String(r.status).padStart(3)} ${r.ms.toFixed(0).padStart(6)} ms ${String(r.bytes).padStart(9)} B`,
      )
      .join('\n'),
  );
  expect(problems).toEqual([]);
  // Every shape was tried: each import and essay either made a map or was refused with a reason.
  if (!process.env.ADVERSARIAL_ONLY) expect(results.filter((r) => r.request.startsWith('POST import') || r.request === 'POST documents').length).toBe(20);
}, 600_000);
