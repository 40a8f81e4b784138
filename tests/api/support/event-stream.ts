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
    of: <T>(event: string) => messages().filter((m) => m.event === event).map((m) => JSON.parse(m.data) as T),
    done: () => finished,
    close: async () => {
      abort.abort();
      await until(() => finished);
    },
  };
}
