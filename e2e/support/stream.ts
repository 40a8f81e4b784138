/**
 * Bounded reads of a streamed response body (the map's Server-Sent Events).
 *
 * A loop of `await reader.read()` that checks its deadline only between chunks hangs when the
 * awaited event never comes (the stream stays open, so no chunk ever ends the read), until
 * Playwright's test timeout, with no word of what was missing. Here every read races the time
 * left; when it runs out the reader is cancelled and the test fails at once, naming what did not
 * arrive and showing the end of what did.
 */

/** What `within` resolves with when the time ran out first. */
export const TIMED_OUT: unique symbol = Symbol('timed out');

/** `promise`'s outcome, or `TIMED_OUT` after `ms` (whichever comes first); the timer never outlives the race. */
export async function within<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), Math.max(0, ms));
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Thrown when the stream did not deliver what was awaited in time (it was cancelled). */
export class StreamTimeout extends Error {
  override name = 'StreamTimeout';
}

/** The stream ended (the server closed it) before what was awaited arrived. */
export class StreamEnded extends Error {
  override name = 'StreamEnded';
}

/** The last few hundred characters of what a stream sent, for a failure message. */
function tail(text: string): string {
  if (text.length === 0) return '(nothing)';
  return text.length > 600 ? `…${text.slice(-600)}` : text;
}

/** A response body read as text, a chunk at a time, each read bounded by a deadline. */
export class LiveStream {
  /** Everything read so far. */
  text = '';
  /** Whether the server has ended the stream. */
  ended = false;
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();

  constructor(response: Response) {
    if (!response.body) throw new Error(`The response (${response.status}) has no body to read`);
    this.reader = response.body.getReader();
  }

  /**
   * Reads until `done(text so far)` holds, for at most `ms`; returns the text. Fails with a
   * StreamTimeout naming `waitingFor` when the time runs out, with StreamEnded if the stream ends first.
   */
  async until(waitingFor: string, ms: number, done: (text: string) => boolean): Promise<string> {
    await this.read(waitingFor, ms, () => done(this.text));
    return this.text;
  }

  /** Reads the first chunk (the stream is open and the server has spoken), for at most `ms`. */
  async opened(ms: number): Promise<string> {
    return this.until('first chunk from the server', ms, (text) => text.length > 0);
  }

  /** Reads until the server ends the stream, for at most `ms`. */
  async end(waitingFor: string, ms: number): Promise<void> {
    await this.read(waitingFor, ms, () => this.ended);
  }

  /** Stops reading and releases the connection (safe to call more than once). */
  cancel(): void {
    this.reader.cancel().catch(() => {});
  }

  private async read(waitingFor: string, ms: number, satisfied: () => boolean): Promise<void> {
    const deadline = Date.now() + ms;
    while (!satisfied()) {
      if (this.ended) throw new StreamEnded(`The stream ended before ${waitingFor}. It sent: ${tail(this.text)}`);
      const next = await within(this.reader.read(), deadline - Date.now());
      if (next === TIMED_OUT) {
        this.cancel();
        throw new StreamTimeout(`No ${waitingFor} within ${ms} ms. The stream sent: ${tail(this.text)}`);
      }
      if (next.done) this.ended = true;
      else this.text += this.decoder.decode(next.value, { stream: true });
    }
  }
}
