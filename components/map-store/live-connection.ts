/**
 * Whether an open map page can reach the server, and the live stream that keeps it current.
 *
 * - `online`: the live stream is open.
 * - `reconnecting`: the stream is (re)connecting — at page load, or right after it dropped — and
 *   nothing has failed yet.
 * - `offline`: a reconnect or an API request failed to reach the server (or the browser says it is
 *   offline). What is on screen stays readable; writes are refused with the draft kept.
 */
export type ConnectionState = 'online' | 'reconnecting' | 'offline';

/** The first wait before the stream is opened again after the browser gave up on it. */
export const RECONNECT_BASE_MS = 1_000;
/** The longest wait between two attempts to open the stream again (the backoff doubles up to this). */
export const RECONNECT_MAX_MS = 15_000;

/** The part of `EventSource` the connection uses (a fake one in unit tests). */
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: MessageEvent) => void): void;
  close(): void;
}

/** `EventSource.CLOSED`: the browser gave up and will not reconnect by itself. */
const CLOSED = 2;

export interface LiveConnectionOptions {
  /** The stream's address, resuming after event `after`. */
  url(after: number): string;
  /** The last event the page has seen (the initial view's). */
  after: number;
  /** Opens a stream (`new EventSource(url)` in the browser). */
  open(url: string): EventSourceLike;
  /** Adds the page's listeners (changes, presence) to each stream opened. */
  attach(source: EventSourceLike): void;
  onState(state: ConnectionState): void;
  /** The stream opened again after a drop: refresh the view once. */
  onRecovered(): void;
  /** The delay before an attempt (defaults to `setTimeout`; tests pass a fake clock). */
  schedule?(run: () => void, ms: number): () => void;
}

export interface LiveConnection {
  /** A request reached the server (`true`) or failed on the network (`false`). */
  reached(reached: boolean): void;
  /** The browser went offline (`false`) or back online (`true`). */
  browserOnline(online: boolean): void;
  close(): void;
}

/** The wait before attempt `attempt` (0-based) to open the stream again: doubling, capped. */
export function reconnectDelay(attempt: number): number {
  return Math.min(RECONNECT_BASE_MS * 2 ** Math.min(attempt, 30), RECONNECT_MAX_MS);
}

/**
 * Keeps a map page's live stream open and its connection state current. While the stream is
 * connecting the browser retries by itself; when it gives up (an answer that is not a stream, e.g.
 * while the server starts), the stream is opened again with a capped backoff, from the last event
 * seen. A request that gets through while the stream is down opens it again at once.
 */
export function openLiveConnection(options: LiveConnectionOptions): LiveConnection {
  const schedule =
    options.schedule ??
    ((run: () => void, ms: number) => {
      const timer = setTimeout(run, ms);
      return () => clearTimeout(timer);
    });
  let after = options.after;
  let state: ConnectionState = 'reconnecting';
  let everOpen = false;
  let attempts = 0;
  let cancelRetry: (() => void) | null = null;
  let closed = false;
  let source: EventSourceLike;

  const setState = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    options.onState(next);
  };

  const connect = () => {
    cancelRetry?.();
    cancelRetry = null;
    const current = options.open(options.url(after));
    source = current;
    current.addEventListener('open', () => {
      if (current !== source) return;
      attempts = 0;
      const recovered = everOpen && state !== 'online';
      everOpen = true;
      setState('online');
      if (recovered) options.onRecovered();
    });
    current.addEventListener('error', () => {
      if (current !== source) return;
      if (current.readyState === CLOSED) {
        setState('offline');
        retryLater();
      } else {
        // The browser reconnects by itself: the first drop is "reconnecting", a failed retry is offline.
        setState(state === 'online' ? 'reconnecting' : 'offline');
      }
    });
    current.addEventListener('change', (event) => {
      const id = Number(event.lastEventId);
      if (current === source && Number.isSafeInteger(id) && id > after) after = id;
    });
    options.attach(current);
  };

  const retryLater = () => {
    if (closed || cancelRetry) return;
    cancelRetry = schedule(() => {
      cancelRetry = null;
      if (closed) return;
      source.close();
      connect();
    }, reconnectDelay(attempts++));
  };

  /** Opens the stream again now, if the browser has given up on it and a retry is waiting. */
  const retryNow = () => {
    if (closed || !cancelRetry) return;
    attempts = 0;
    source.close();
    connect();
  };

  /**
   * A request failed on the network. A stream that still looks open may be a dead connection the
   * browser has not noticed: it is opened afresh, and its `open` (or `error`) tells the truth.
   */
  const lost = () => {
    if (closed) return;
    const wasOnline = state === 'online';
    setState('offline');
    if (wasOnline) {
      source.close();
      connect();
    }
  };

  connect();
  return {
    reached(reached) {
      if (reached) retryNow();
      else lost();
    },
    browserOnline(online) {
      if (online) retryNow();
      else lost();
    },
    close() {
      closed = true;
      cancelRetry?.();
      cancelRetry = null;
      source.close();
    },
  };
}
