import { describe, expect, test } from 'vitest';
import {
  openLiveConnection,
  reconnectDelay,
  RECONNECT_BASE_MS,
  RECONNECT_MAX_MS,
  type ConnectionState,
  type EventSourceLike,
} from '@/components/map-store/live-connection';
import { ModuleLoadError, onDemand } from '@/components/map-store/on-demand';

/**
 * The map page's connection (components/map-store/live-connection.ts) against a fake
 * EventSource and a fake clock: the browser code's state machine, without a browser.
 */
class FakeSource implements EventSourceLike {
  readyState = 0;
  closed = false;
  private listeners = new Map<string, ((event: MessageEvent) => void)[]>();
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (event: MessageEvent) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
  emit(type: string, init: { lastEventId?: string; readyState?: number } = {}) {
    if (init.readyState !== undefined) this.readyState = init.readyState;
    for (const listener of this.listeners.get(type) ?? []) listener({ lastEventId: init.lastEventId ?? '' } as MessageEvent);
  }
  /** The server answered: the stream is open. */
  opens() {
    this.emit('open', { readyState: 1 });
  }
  /** The connection dropped; the browser will retry by itself. */
  drops() {
    this.emit('error', { readyState: 0 });
  }
  /** The browser gave up (an answer that was not a stream): it will not retry. */
  givesUp() {
    this.emit('error', { readyState: 2 });
  }
}

function harness(after = 7) {
  const sources: FakeSource[] = [];
  const states: ConnectionState[] = [];
  const waits: { ms: number; run: () => void; cancelled: boolean }[] = [];
  let recovered = 0;
  const connection = openLiveConnection({
    url: (from) => `/events?after=${from}`,
    after,
    open: (url) => {
      const source = new FakeSource(url);
      sources.push(source);
      return source;
    },
    attach: () => undefined,
    onState: (state) => states.push(state),
    onRecovered: () => recovered++,
    schedule: (run, ms) => {
      const wait = { ms, run, cancelled: false };
      waits.push(wait);
      return () => (wait.cancelled = true);
    },
  });
  const latest = () => sources[sources.length - 1];
  /** Lets the newest pending wait run out. */
  const elapse = () => {
    const wait = waits.filter((w) => !w.cancelled).pop();
    if (!wait) throw new Error('nothing is waiting');
    wait.cancelled = true;
    wait.run();
  };
  return { connection, sources, states, waits, latest, elapse, recovered: () => recovered };
}

describe('live connection', () => {
  test('Live while the stream is open; a drop is "reconnecting", a failed retry "offline"; back: Live and one refresh', () => {
    const h = harness();
    h.latest().opens();
    expect(h.states).toEqual(['online']);
    expect(h.recovered()).toBe(0); // the first open is the page's own view

    h.latest().drops();
    expect(h.states.at(-1)).toBe('reconnecting');
    h.latest().drops(); // the browser's retry failed too
    expect(h.states.at(-1)).toBe('offline');
    h.latest().drops();
    expect(h.states.filter((s) => s === 'offline')).toHaveLength(1); // no flapping

    h.latest().opens();
    expect(h.states.at(-1)).toBe('online');
    expect(h.recovered()).toBe(1);
  });

  test('when the browser gives up, the stream is opened again from the last event seen, with a doubling wait capped at RECONNECT_MAX_MS', () => {
    const h = harness(7);
    h.latest().opens();
    h.latest().emit('change', { lastEventId: '41' });
    h.latest().emit('change', { lastEventId: '42' });
    const waited: number[] = [];
    for (let i = 0; i < 8; i++) {
      h.latest().givesUp();
      expect(h.states.at(-1)).toBe('offline');
      waited.push(h.waits.filter((w) => !w.cancelled).at(-1)!.ms);
      h.elapse();
    }
    expect(h.sources).toHaveLength(9);
    expect(h.sources.slice(0, -1).every((s) => s.closed)).toBe(true);
    expect(h.sources.slice(1).every((s) => s.url === '/events?after=42')).toBe(true);
    expect(waited).toEqual([1000, 2000, 4000, 8000, 15000, 15000, 15000, 15000]);

    h.latest().opens();
    expect(h.states.at(-1)).toBe('online');
    expect(h.recovered()).toBe(1);
    // A later outage starts from the shortest wait again.
    h.latest().givesUp();
    expect(h.waits.filter((w) => !w.cancelled).at(-1)!.ms).toBe(RECONNECT_BASE_MS);
  });

  test('a failed request marks the page offline and checks the stream afresh; a request that gets through reopens it at once', () => {
    const h = harness();
    h.latest().opens();
    h.connection.reached(false);
    expect(h.states.at(-1)).toBe('offline');
    expect(h.sources).toHaveLength(2); // the stream that looked open is replaced
    expect(h.sources[0].closed).toBe(true);

    h.connection.reached(false); // more failures while offline change nothing
    expect(h.sources).toHaveLength(2);

    h.latest().givesUp(); // a retry is now waiting
    h.connection.reached(true);
    expect(h.sources).toHaveLength(3);
    h.latest().opens();
    expect(h.states.at(-1)).toBe('online');
    expect(h.recovered()).toBe(1);
  });

  test('a failed request while the stream is reconnecting means offline now, and leaves the browser to its own retry', () => {
    const h = harness();
    h.latest().opens();
    h.latest().drops();
    expect(h.states.at(-1)).toBe('reconnecting');
    h.connection.reached(false);
    expect(h.states.at(-1)).toBe('offline');
    expect(h.sources).toHaveLength(1);
  });

  test('the browser going offline and online moves the state and retries at once', () => {
    const h = harness();
    h.latest().opens();
    h.connection.browserOnline(false);
    expect(h.states.at(-1)).toBe('offline');
    h.latest().givesUp();
    const before = h.sources.length;
    h.connection.browserOnline(true);
    expect(h.sources).toHaveLength(before + 1);
  });

  test('close stops everything: no stream is opened again', () => {
    const h = harness();
    h.latest().givesUp();
    h.connection.close();
    expect(h.waits.every((w) => w.cancelled)).toBe(true);
    expect(h.latest().closed).toBe(true);
    h.connection.reached(true);
    expect(h.sources).toHaveLength(1);
  });

  test.each([
    [0, 1000],
    [1, 2000],
    [3, 8000],
    [4, RECONNECT_MAX_MS],
    [60, RECONNECT_MAX_MS],
    [1e9, RECONNECT_MAX_MS],
  ])('reconnectDelay(%d) = %d ms', (attempt, ms) => {
    expect(reconnectDelay(attempt)).toBe(ms);
  });
});

describe('onDemand', () => {
  test('a failed load is not remembered: the next use fetches again; concurrent uses share one fetch', async () => {
    let calls = 0;
    let fail = true;
    const part = onDemand(async () => {
      calls++;
      if (fail) throw new TypeError('Failed to load chunk');
      return { value: 42 };
    });
    await expect(part.load()).rejects.toBeInstanceOf(ModuleLoadError);
    await expect(part.load()).rejects.toMatchObject({ offline: true, status: 0 });
    expect(part.loaded).toBeUndefined();
    fail = false;
    const [a, b] = await Promise.all([part.load(), part.load()]);
    expect(a).toBe(b);
    expect(calls).toBe(3);
    expect(part.loaded).toEqual({ value: 42 });
    await part.load();
    expect(calls).toBe(3);
  });
});
