// Reads one Argdown file off the server's main thread (lib/db/argdown-thread.ts starts it and posts
// the text; `workerData` belongs to the bundler's worker bootstrap): the parser is synchronous, and
// a file just inside its limits takes it a second or more.
import { parentPort } from 'node:worker_threads';
import { fromArgdown } from '../argument/interchange/argdown-import';
import { InterchangeError } from '../argument/interchange/imported-graph';

parentPort!.once('message', (text: string) => {
  try {
    parentPort!.postMessage({ ok: true, graph: fromArgdown(text) });
  } catch (error) {
    parentPort!.postMessage(
      error instanceof InterchangeError
        ? { ok: false, interchange: { message: error.message, issues: error.issues } }
        : { ok: false, failure: error instanceof Error ? (error.stack ?? error.message) : String(error) },
    );
  }
});
