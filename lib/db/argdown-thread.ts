import 'server-only';
import { Worker } from 'node:worker_threads';
import { fromArgdown } from '../argument/interchange/argdown-import';
import { InterchangeError, type ImportedGraph, type InterchangeIssue } from '../argument/interchange/imported-graph';
import { AppError } from '../validation/app-error';

/**
 * Longest an Argdown file may take to read, in ms. The limits on its size and markup keep a file
 * near a second; past this the worker is stopped and the import refused.
 */
export const ARGDOWN_READ_DEADLINE_MS = 10_000;
/** Argdown files read at once (each in a worker thread of its own, ~100 MB at most); more wait for 429. */
export const ARGDOWN_READS_MAX = 2;

let reading = 0;

type WorkerAnswer =
  { ok: true; graph: ImportedGraph } | { ok: false; interchange: { message: string; issues: InterchangeIssue[] } } | { ok: false; failure: string };

/**
 * `fromArgdown` in a worker thread, so reading a large file never stalls the server for other
 * requests (`@argdown/core` is synchronous: a file at its limits takes it about a second). Under
 * Vitest, which runs the TypeScript sources a worker thread cannot load, it reads on this thread. Throws what `fromArgdown` throws; 429 when {@link ARGDOWN_READS_MAX} files are
 * already being read, 413 past {@link ARGDOWN_READ_DEADLINE_MS}.
 */
export async function readArgdown(text: string): Promise<ImportedGraph> {
  // Vitest runs the TypeScript sources, which a worker thread cannot load; the bundled server can.
  if (process.env.VITEST) return fromArgdown(text);
  if (reading >= ARGDOWN_READS_MAX) {
    throw new AppError('too_many_requests', 'Other Argdown files are being read right now. Try again in a few seconds.', { headers: { 'Retry-After': '5' } });
  }
  reading++;
  try {
    const answer = await new Promise<WorkerAnswer>((resolve, reject) => {
      // Written out in place: the bundler makes the worker its own entry only from this exact form.
      const worker = new Worker(new URL('./argdown-worker.ts', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: 256 } });
      worker.postMessage(text);
      const timer = setTimeout(() => {
        void worker.terminate();
        reject(
          new AppError(
            'payload_too_large',
            `The Argdown file took longer than ${ARGDOWN_READ_DEADLINE_MS / 1000} s to read. Split it, or import the map as AIF.`,
          ),
        );
      }, ARGDOWN_READ_DEADLINE_MS);
      worker.once('message', (message: WorkerAnswer) => {
        clearTimeout(timer);
        resolve(message);
        void worker.terminate();
      });
      worker.once('error', (error: Error & { code?: string }) => {
        clearTimeout(timer);
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new AppError('payload_too_large', 'The Argdown file needs more memory to read than an import may use. Split it, or import the map as AIF.')
            : error,
        );
      });
      // An exit without an answer (after an answer or an error, this does nothing).
      worker.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`The Argdown reader stopped (exit code ${code}) without an answer.`));
      });
    });
    if (answer.ok) return answer.graph;
    if ('interchange' in answer) throw new InterchangeError(answer.interchange.message, answer.interchange.issues);
    throw new Error(`Reading an Argdown file failed: ${answer.failure}`);
  } finally {
    reading--;
  }
}
