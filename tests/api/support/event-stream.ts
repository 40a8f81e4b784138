import { call, loadHandler, routeFor, sameOriginRequest } from './routes';

/** One Server-Sent Events message as the tests read it. */
export interface StreamMessage {
  event: string;
  data: string;
}

/**
 * Reads a live stream's body as it arrives (a 200 response; any other is finished at once), for
 * in-process tests: the text so far, its messages, and whether the stream has ended. `abort` is the
 * request's controller, so `close` can end the stream and wait until the reader has seen it end.
 */
export function readStream(response: Response, abort: AbortController, until: (check: () => boolean) => Promise<void>) {
  let text = '';
  let finished = response.status !== 200;
  if (!finished) {
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    void (async () => {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          text += decoder.decode(value, { stream: true });
        }
      } catch {
        // aborted
      }
      finished = true;
    })();
  }
  const messages = (): StreamMessage[] =>
    text
      .split('\n\n')
      .filter((block) => block.includes('data: '))
      .map((block) => ({ event: /^event: (.*)$/m.exec(block)?.[1] ?? 'message', data: /^data: (.*)$/m.exec(block)![1] }));
  return {
    text: () => text,
    messages,
    /** The data of every `event` message so far, parsed. */
    of: <T>(event: string) =>
      messages()
        .filter((m) => m.event === event)
        .map((m) => JSON.parse(m.data) as T),
    done: () => finished,
    close: async () => {
      abort.abort();
      await until(() => finished);
    },
  };
}

/** Waits (polling every 5 ms) until `condition` holds; throws after `timeoutMs`. */
export async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('Timed out waiting.');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/**
 * Opens `GET /api/maps/{slug}/events` with `cookies` (a test browser's jar) as browser `client`, in
 * process, and reads it in the background ({@link readStream}); expects a 200.
 */
export async function openEventStream(cookies: ReadonlyMap<string, string>, slug: string, client = Math.random().toString(36).slice(2)) {
  const { route, params } = routeFor('GET', `/api/maps/${slug}/events`);
  const aborter = new AbortController();
  const cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  const request = sameOriginRequest('GET', `/api/maps/${slug}/events?client=${client}`, { headers: { cookie } });
  const response = await call(await loadHandler(route), new Request(request, { signal: aborter.signal }), params);
  if (response.status !== 200) throw new Error(`The events stream answered ${response.status}.`);
  return readStream(response, aborter, until);
}
