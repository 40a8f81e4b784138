import { readStream } from './support/event-stream';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { throwawayDatabase } from './support/database';
import { call, discoverRoutes, isErrorBody, loadHandler } from './support/routes';
import { STREAM_RETRY_AFTER_SECONDS, STREAMS_PER_CLIENT_MAX, StreamRegistry, streams, type PresenceChange } from '@/lib/db/presence';
import { beginShutdown } from '@/lib/http/shutdown';
import { announce } from '@/lib/db/event-bus';
import { bytesQueuedForClients, STREAM_BUFFER_BYTES, STREAM_STALLED_MESSAGES_MAX } from '@/lib/http/event-stream';

const database = throwawayDatabase('live-streams');
afterAll(() => database.cleanup());

const SLUG = 'negotiate-now';

interface Message {
  event: string;
  data: string;
}

/** One open events stream, read in the background. */
interface OpenStream {
  status: number;
  text: () => string;
  messages: () => Message[];
  /** Messages of one event type, data parsed. */
  of: <T>(event: string) => T[];
  done: () => boolean;
  close: () => Promise<void>;
}

const open: OpenStream[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
  await until(() => streams().count() === 0);
});

async function openStream(query: Record<string, string>): Promise<OpenStream & { response: Response }> {
  const handler = await loadHandler(discoverRoutes().find((r) => r.name === 'GET /api/maps/[slug]/events')!);
  const aborter = new AbortController();
  const url = `http://localhost:3000/api/maps/${SLUG}/events?${new URLSearchParams(query)}`;
  const response = await call(handler, new Request(url, { signal: aborter.signal }), { slug: SLUG });
  const stream = { response, status: response.status, ...readStream(response, aborter, until) };
  if (response.status === 200) open.push(stream);
  return stream;
}

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('Timed out waiting.');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Lets every queued message reach its reader. */
const settle = () => new Promise((r) => setTimeout(r, 50));

describe('presence on the events stream', () => {
  test('N streams: each gets the whole list once, then one presence-joined per later arrival (bytes per arrival linear in N)', async () => {
    const N = 30;
    const all = [];
    for (let i = 0; i < N; i++) {
      const stream = await openStream({ client: `student-${i}`, name: `Student ${String(i).padStart(2, '0')}` });
      expect(stream.status).toBe(200);
      await until(() => stream.of('presence').length === 1);
      all.push(stream);
    }
    await settle();
    all.forEach((stream, i) => {
      const lists = stream.of<{ name: string }[]>('presence');
      expect(lists).toHaveLength(1);
      expect(lists[0].map((p) => p.name)).toEqual(Array.from({ length: i + 1 }, (_, k) => `Student ${String(k).padStart(2, '0')}`));
      expect(stream.of<{ name: string }>('presence-joined').map((p) => p.name)).toEqual(
        Array.from({ length: N - 1 - i }, (_, k) => `Student ${String(i + 1 + k).padStart(2, '0')}`),
      );
      expect(stream.of('presence-left')).toEqual([]);
    });
    // All N arrivals cost N whole lists (one each) and N(N-1)/2 one-person changes: the first stream
    // heard of the other N-1 arrivals in N-1 messages of one person each.
    const firstAfterList = all[0].text().slice(all[0].text().indexOf('event: presence-joined'));
    expect(firstAfterList.length).toBeLessThan((N - 1) * 100);
    const total = all.reduce((sum, s) => sum + s.messages().filter((m) => m.event.startsWith('presence')).length, 0);
    expect(total).toBe(N + (N * (N - 1)) / 2);

    await all[5].close();
    await settle();
    for (const [i, stream] of all.entries()) {
      if (i !== 5) expect(stream.of('presence-left')).toEqual([{ name: 'Student 05', clientId: 'student-5' }]);
    }
  });

  test('a second tab of the same browser changes nothing for the others; its last tab closing does', async () => {
    const ana = await openStream({ client: 'ana', name: 'Ana' });
    const ben = await openStream({ client: 'ben', name: 'Ben' });
    await until(() => ana.of('presence-joined').length === 1);
    const benAgain = await openStream({ client: 'ben', name: 'Ben' });
    await until(() => benAgain.of('presence').length === 1);
    expect(benAgain.of('presence')).toEqual([
      [
        { name: 'Ana', clientId: 'ana' },
        { name: 'Ben', clientId: 'ben' },
      ],
    ]);
    await benAgain.close();
    await settle();
    expect(ana.messages().filter((m) => m.event.startsWith('presence'))).toHaveLength(2);
    await ben.close();
    await until(() => ana.of('presence-left').length === 1);
    expect(ana.of('presence-left')).toEqual([{ name: 'Ben', clientId: 'ben' }]);
  });

  test('streams without a client id count one each', async () => {
    const first = await openStream({ name: 'Guest' });
    await openStream({ name: 'Guest' });
    await until(() => first.of('presence-joined').length === 1);
    expect(first.of('presence-joined')).toEqual([{ name: 'Guest', clientId: '' }]);
  });
});

describe('stream caps', () => {
  test(`a browser's stream over ${STREAMS_PER_CLIENT_MAX} gets 429 with Retry-After, holds no seat, and one closing makes room`, async () => {
    const held = [];
    for (let i = 0; i < STREAMS_PER_CLIENT_MAX; i++) held.push(await openStream({ client: 'many-tabs' }));
    expect(held.every((s) => s.status === 200)).toBe(true);
    const other = await openStream({ client: 'watcher' });
    await until(() => other.of('presence').length === 1);
    const refused = await openStream({ client: 'many-tabs' });
    expect(refused.status).toBe(429);
    expect(refused.response.headers.get('retry-after')).toBe(String(STREAM_RETRY_AFTER_SECONDS));
    const body = await refused.response.json();
    expect(isErrorBody(body)).toBe(true);
    expect(body.error.message).toMatch(/close some tabs/);
    expect(body.error.issues).toEqual([{ path: [], message: `At most ${STREAMS_PER_CLIENT_MAX} live connections.` }]);
    expect(streams().count()).toBe(STREAMS_PER_CLIENT_MAX + 1);
    await settle();
    expect(other.messages().filter((m) => m.event.startsWith('presence'))).toHaveLength(1);

    await held[0].close();
    expect((await openStream({ client: 'many-tabs' })).status).toBe(200);
  });

  test.each([
    ['total', { client: 'c9', address: 'x', map: 'm9' }],
    ['perMap', { client: 'c9', address: 'x', map: 'm1' }],
    ['perAddress', { client: 'c9', address: 'a1', map: 'm9' }],
    ['perClient', { client: 'c1', address: 'x', map: 'm9' }],
  ] as const)('the registry refuses by %s and counts nothing for the refused stream', (cap, next) => {
    const changes: PresenceChange[] = [];
    const registry = new StreamRegistry({ total: 3, perMap: 2, perAddress: 2, perClient: 2 }, (_, change) => changes.push(change));
    const seats = [registry.admit('m1', { name: '', clientId: 'c1', address: 'a1' }), registry.admit('m1', { name: '', clientId: 'c1', address: 'a1' })];
    if (cap === 'total') registry.admit('m2', { name: '', clientId: 'c2', address: 'a2' });
    const before = { total: registry.count(), onMap: registry.count(next.map), changes: changes.length };
    expect(registry.admit(next.map, { name: '', clientId: next.client, address: next.address })).toEqual({ refused: cap });
    expect({ total: registry.count(), onMap: registry.count(next.map), changes: changes.length }).toEqual(before);
    for (const seat of seats) if ('release' in seat) seat.release();
    expect(registry.count('m1')).toBe(0);
  });

  test('streams from an unknown address (no trusted proxy) are not held to the per-address cap', () => {
    const registry = new StreamRegistry({ total: 10, perMap: 10, perAddress: 1, perClient: 10 }, () => undefined);
    const unknown = [0, 1, 2].map((i) => registry.admit('m', { name: '', clientId: `u${i}`, address: undefined }));
    expect(unknown.every((seat) => 'release' in seat)).toBe(true);
    expect(registry.admit('m', { name: '', clientId: 'k1', address: 'a' })).toHaveProperty('release');
    expect(registry.admit('m', { name: '', clientId: 'k2', address: 'a' })).toEqual({ refused: 'perAddress' });
  });

  test('releasing a seat twice counts once', () => {
    const registry = new StreamRegistry({ total: 5, perMap: 5, perAddress: 5, perClient: 5 }, () => undefined);
    const seat = registry.admit('m', { name: 'A', clientId: 'a', address: 'x' });
    registry.admit('m', { name: 'B', clientId: 'b', address: 'x' });
    if (!('release' in seat)) throw new Error('refused');
    seat.release();
    seat.release();
    expect(registry.count()).toBe(1);
    expect(registry.presentOn('m')).toEqual([{ name: 'B', clientId: 'b' }]);
  });
});

describe('a client that does not read', () => {
  const mapId = async () => (await database.one<{ id: string }>('SELECT "id" FROM "ArgumentMap" WHERE "slug" = ?', SLUG))!.id;
  /** Appends `count` events of ~10 KB each to the map's log; returns the id of the first. */
  async function appendEvents(count: number): Promise<number> {
    const insert = 'INSERT INTO "MapEvent" ("mapId", "type", "actor", "clientId", "data", "createdAt") VALUES (?, ?, ?, ?, ?, ?) RETURNING "id"';
    const data = JSON.stringify({ title: 'x'.repeat(10_000) });
    const id = await mapId();
    let first = 0;
    await database.transaction(async (tx) => {
      for (let i = 0; i < count; i++) {
        const row = (await tx.one<{ id: number }>(insert, id, 'map.updated', 'bulk', '', data, new Date().toISOString()))!;
        first ||= row.id;
      }
    });
    return first;
  }
  /** A reader that gives what the stream has, until nothing more comes for `quietMs`, as change ids. */
  function changeReader(body: ReadableStream<Uint8Array>) {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    // A read that lost the race to the quiet timer stays pending and is awaited by the next drain.
    let pending: ReturnType<typeof reader.read> | null = null;
    return async (quietMs = 1000): Promise<number[]> => {
      let text = '';
      for (;;) {
        pending ??= reader.read();
        const next = await Promise.race([pending, new Promise<null>((r) => setTimeout(() => r(null), quietMs))]);
        if (!next) break;
        pending = null;
        if (next.done) break;
        text += decoder.decode(next.value, { stream: true });
      }
      return [...text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));
    };
  }
  /**
   * What may wait for a client that reads nothing: one buffer, and the event (~10 KB) that filled it.
   * Measured as the streams count their own queues: the process's memory figures (which these tests
   * read before) also hold the garbage of earlier reads — on PostgreSQL the driver reads each row
   * into a Buffer — and a run with no collection between two readings saw 2.8 MB of it as "queued".
   */
  const QUEUED_MAX = STREAM_BUFFER_BYTES + 12 * 1024;

  test('its backlog waits in the log, not in memory; when it reads it gets every event once, in order', async () => {
    const last = (await database.one<{ id: number }>('SELECT COALESCE(MAX("id"), 0) AS id FROM "MapEvent"'))!.id;
    const first = await appendEvents(3000);
    const handler = await loadHandler(discoverRoutes().find((r) => r.name === 'GET /api/maps/[slug]/events')!);
    const aborter = new AbortController();
    const response = await call(handler, new Request(`http://localhost:3000/api/maps/${SLUG}/events?after=${last}&client=slow`, { signal: aborter.signal }), {
      slug: SLUG,
    });
    // 30 MB of backlog; what waits for the client is one buffer and the event that overflowed it.
    await until(() => bytesQueuedForClients() >= STREAM_BUFFER_BYTES);
    await new Promise((r) => setTimeout(r, 300));
    expect(bytesQueuedForClients()).toBeLessThanOrEqual(QUEUED_MAX);
    const ids = await changeReader(response.body!)();
    expect(ids).toEqual(Array.from({ length: 3000 }, (_, i) => first + i));
    aborter.abort();
  });

  test('live events it has no room for wait in the log too, and come when it reads', async () => {
    const handler = await loadHandler(discoverRoutes().find((r) => r.name === 'GET /api/maps/[slug]/events')!);
    const aborter = new AbortController();
    const response = await call(handler, new Request(`http://localhost:3000/api/maps/${SLUG}/events?client=slow-live`, { signal: aborter.signal }), {
      slug: SLUG,
    });
    // Its stream ends whatever happens here, so a failure cannot keep a seat the next test counts.
    try {
      const drain = changeReader(response.body!);
      expect(await drain(200)).toEqual([]);
      const first = await appendEvents(2000);
      const id = await mapId();
      for (let i = 0; i < 20; i++) {
        announce(id);
        await new Promise((r) => setTimeout(r, 10));
      }
      await until(() => bytesQueuedForClients() >= STREAM_BUFFER_BYTES);
      await new Promise((r) => setTimeout(r, 300));
      expect(bytesQueuedForClients()).toBeLessThanOrEqual(QUEUED_MAX);
      const ids = await drain();
      expect(ids).toEqual(Array.from({ length: 2000 }, (_, i) => first + i));
    } finally {
      aborter.abort();
    }
  });

  test(`one that takes nothing while ${STREAM_STALLED_MESSAGES_MAX} presence changes pile up is dropped, and gives back its seat`, async () => {
    await appendEvents(100);
    const handler = await loadHandler(discoverRoutes().find((r) => r.name === 'GET /api/maps/[slug]/events')!);
    const response = await call(handler, new Request(`http://localhost:3000/api/maps/${SLUG}/events?after=0&client=stuck`), { slug: SLUG });
    await new Promise((r) => setTimeout(r, 300));
    expect(streams().count()).toBe(1);
    const id = await mapId();
    for (let i = 0; i <= STREAM_STALLED_MESSAGES_MAX / 2; i++) {
      const seat = streams().admit(id, { name: `Visitor ${i}`, clientId: `v${i}` });
      if ('release' in seat) seat.release();
    }
    expect(streams().count()).toBe(0);
    await expect(
      (async () => {
        const reader = response.body!.getReader();
        for (;;) if ((await reader.read()).done) return 'ended';
      })(),
    ).rejects.toThrow(/stopped reading/);
  });
});

describe('stopping the server', () => {
  test('every open stream ends at once and gives back its seat; a stream opened while stopping ends at once too', async () => {
    const streamsOpen = [await openStream({ client: 'one' }), await openStream({ client: 'two' }), await openStream({})];
    await until(() => streamsOpen.every((s) => s.of('presence').length === 1));
    try {
      beginShutdown();
      await until(() => streamsOpen.every((s) => s.done()), 1000);
      expect(streams().count()).toBe(0);
      const late = await openStream({ client: 'late' });
      await until(() => late.done(), 1000);
      expect(late.text()).toContain('retry: 2000');
      expect(streams().count()).toBe(0);
    } finally {
      delete (globalThis as { argmapShutdown?: unknown }).argmapShutdown;
    }
  });
});
