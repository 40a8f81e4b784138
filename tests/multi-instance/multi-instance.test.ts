/**
 * Two `next start` instances on one PostgreSQL database (issue: several instances behind a load
 * balancer). Every write records an event in "MapEvent" under the map's row lock and announces it
 * with `pg_notify`; every instance LISTENs and wakes its streams, which read the log from their
 * cursor. Here, with the production build:
 *
 * 1. 30 SSE readers of the op-ed map (15 per instance) and 4 writers (2 per instance, about 10
 *    writes/s in all) for 30 s: every reader gets every event of the map exactly once, ids strictly
 *    increasing, exactly the ids the "MapEvent" table holds — so each acknowledged write's
 *    `node.created` once. Then single writes on one instance only, each awaited by the other
 *    instance's readers: the LISTEN/NOTIFY path alone. Delivery latency (write acknowledged → event
 *    received) is printed. Presence is shared too: every reader lists all 30 browsers.
 * 2. `kill -9` of one instance while the writes go on: its readers connect to the other with
 *    `Last-Event-ID` (as EventSource does, behind a load balancer) and still end with every event
 *    exactly once; its writers move to the other instance. Every acknowledged write is in the
 *    database (node, its conflict, its event); a write that failed with the instance is either not
 *    there at all or there whole.
 *
 * Runs when ARGMAP_TEST_POSTGRES_URL names a cluster (`npm run test:postgres` runs it after the API
 * tests) or with ARGMAP_TEST_MULTI_INSTANCE=1 (starts a throwaway cluster of its own:
 * `ARGMAP_TEST_MULTI_INSTANCE=1 npx vitest run --project multi-instance`); needs PostgreSQL's
 * programs (apt-get install -y postgresql). Builds the app first when the build is stale (under the
 * e2e lock, bench/support/server.ts ensureBuild). MULTI_INSTANCE_SECONDS shortens the steady phase.
 */
import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuild, percentile, startServer, type BenchServer } from '../../bench/support/server';
import { mapState, SseReader, waitUntil, Writer, type WriteRecord } from './support/live';
import { freePort, postgresAvailable, startDatabase, type TestDatabase } from './support/postgres';

const enabled = Boolean(process.env.ARGMAP_TEST_POSTGRES_URL) || process.env.ARGMAP_TEST_MULTI_INSTANCE === '1';

const SLUG = 'negotiate-now';
const READERS_PER_INSTANCE = 15;
const WRITERS_PER_INSTANCE = 2;
/** Each writer waits this long (±30%) after each answer: 4 writers make about 10 writes/s. */
const WRITER_PAUSE_MS = 400;
const STEADY_SECONDS = Number(process.env.MULTI_INSTANCE_SECONDS ?? 30);
const KILL_PHASE_SECONDS = 15;
const KILL_AFTER_SECONDS = 5;
/** How long readers may take to have every event once the writes stop (a reconnect waits 2 s first). */
const CATCH_UP_MS = 15_000;
/** How long one write on one instance may take to reach the other instance's readers (LISTEN/NOTIFY alone). */
const NOTIFY_MS = 3_000;
const PROBES_PER_DIRECTION = 3;
/** How long presence may take to reach every reader on both instances. */
const PRESENCE_MS = 5_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

describe.skipIf(!enabled)('several instances on one PostgreSQL database', () => {
  const label = `Multi-instance ${process.pid}`;
  let db: TestDatabase | undefined;
  let servers: BenchServer[] = [];
  let buildCopy: string | undefined;
  const readers: SseReader[] = [];
  const writers: Writer[] = [];
  const log: WriteRecord[] = [];
  let mapId = '';
  let startId = 0;

  beforeAll(async () => {
    if (!(await postgresAvailable())) throw new Error('PostgreSQL was not found (/usr/lib/postgresql/*/bin). Install it with: apt-get install -y postgresql');
    const started = performance.now();
    const ownBuild = !process.env.ARGMAP_BENCH_BUILD;
    ensureBuild();
    if (ownBuild) buildCopy = process.env.ARGMAP_BENCH_BUILD;
    const built = performance.now();
    db = await startDatabase('multi');
    const url = db.url;
    const first = await freePort();
    let second = await freePort();
    while (second === first) second = await freePort();
    // Both started, or neither left running (afterAll stops those in `servers`).
    const launches = await Promise.allSettled([first, second].map((port) => startServer(`postgresql-${db!.name}`, port, { DATABASE_URL: url })));
    servers = launches.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const failed = launches.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
    mapId = (await db.client.query<{ id: string }>('SELECT "id" FROM "ArgumentMap" WHERE "slug" = $1', [SLUG])).rows[0].id;
    console.log(
      `multi-instance: build check ${((built - started) / 1000).toFixed(1)} s, database ${db.name} and two instances (${servers.map((s) => s.base).join(', ')}) ${((performance.now() - built) / 1000).toFixed(1)} s`,
    );
  });

  afterAll(async () => {
    await Promise.allSettled(readers.map((r) => r.close()));
    await Promise.allSettled(servers.map((s) => s.stop()));
    await db?.stop().catch((error: Error) => console.error(`Could not drop ${db?.name}: ${error.message}`));
    if (buildCopy) rmSync(buildCopy, { recursive: true, force: true });
  });

  /** The ids of the map's events since the readers opened, from the table. */
  async function tableIds(): Promise<number[]> {
    const { rows } = await db!.client.query<{ id: number }>('SELECT "id" FROM "MapEvent" WHERE "mapId" = $1 AND "id" > $2 ORDER BY "id"', [mapId, startId]);
    return rows.map((r) => Number(r.id));
  }

  const name = (r: SseReader) => `${r.options.client} (now on ${r.base === servers[0].base ? 'A' : 'B'})`;

  /** Waits until every reader has the newest event in the table; fails naming what each one lacks. */
  async function allCaughtUp(what: string): Promise<number[]> {
    const ids = await tableIds();
    const newest = ids.at(-1) ?? startId;
    await waitUntil(
      () => readers.every((r) => r.lastId >= newest),
      CATCH_UP_MS,
      () => {
        const behind = readers.filter((r) => r.lastId < newest);
        return (
          `${what}: ${behind.length} of ${readers.length} readers lack events ${CATCH_UP_MS} ms after the last write (newest in the table: ${newest}):\n` +
          behind
            .map((r) => {
              const got = new Set(r.changes.map((c) => c.id));
              const missing = ids.filter((id) => !got.has(id));
              const last = r.connections.at(-1);
              return `  ${name(r)}: last id ${r.lastId}, missing ${missing.length} (${missing.slice(0, 8).join(', ')}${missing.length > 8 ? ', …' : ''}); last connection ${last?.base} status ${last?.status ?? '-'} ${last?.end ?? 'open'} ${last?.error ?? ''}`;
            })
            .join('\n')
        );
      },
    );
    return ids;
  }

  /** Every reader has exactly the table's ids, in order, and each acknowledged write's node.created once. */
  function expectExactDelivery(ids: number[], acknowledged: WriteRecord[]): void {
    for (const reader of readers) {
      const got = reader.changes.map((c) => c.id);
      const seen = new Set<number>();
      const duplicates = got.filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
      const expected = new Set(ids);
      const missing = ids.filter((id) => !seen.has(id));
      const extra = [...seen].filter((id) => !expected.has(id));
      const notOnce = acknowledged.filter((w) => reader.created.get(w.nodeId!) !== 1).map((w) => `${w.nodeId}×${reader.created.get(w.nodeId!) ?? 0}`);
      expect(
        { reader: name(reader), violations: reader.violations, duplicates, missing, extra, notOnce, inOrder: got.every((id, i) => i === 0 || id > got[i - 1]) },
        `events as ${name(reader)} received them`,
      ).toEqual({ reader: name(reader), violations: [], duplicates: [], missing: [], extra: [], notOnce: [], inOrder: true });
    }
  }

  /** Delivery latencies (write acknowledged → event received, 0 when it came first) of `writes`, same-instance and cross-instance. */
  function latencies(writes: WriteRecord[]): { all: number[]; cross: number[]; same: number[]; fromSend: number[] } {
    const byNode = new Map(writes.filter((w) => w.nodeId).map((w) => [w.nodeId!, w]));
    const out = { all: [] as number[], cross: [] as number[], same: [] as number[], fromSend: [] as number[] };
    for (const reader of readers)
      for (const change of reader.changes) {
        const write = change.nodeId ? byNode.get(change.nodeId) : undefined;
        if (!write) continue;
        const ms = Math.max(0, change.at - write.doneAt);
        out.all.push(ms);
        (change.base === write.base ? out.same : out.cross).push(ms);
        out.fromSend.push(change.at - write.sentAt);
      }
    return out;
  }

  const summary = (values: number[]) =>
    `p50 ${fmt(percentile(values, 50))}, p95 ${fmt(percentile(values, 95))}, max ${fmt(Math.max(...values))} (${values.length})`;

  it('delivers every write exactly once, in commit order, to readers on both instances', async () => {
    const [A, B] = servers;
    const map = await mapState(A.base, SLUG);
    startId = map.lastEventId;
    expect((await db!.client.query('SELECT COALESCE(MAX("id"), 0) AS "id" FROM "MapEvent" WHERE "mapId" = $1', [mapId])).rows[0].id).toBe(startId);
    for (let i = 0; i < 2 * READERS_PER_INSTANCE; i++) {
      const bases = i < READERS_PER_INSTANCE ? [A.base, B.base] : [B.base, A.base];
      readers.push(new SseReader({ bases, slug: SLUG, after: startId, client: `mi-reader-${i < READERS_PER_INSTANCE ? 'A' : 'B'}-${i}` }));
    }
    await Promise.all(readers.map((r) => r.open()));
    // Presence is shared: every reader, on either instance, lists all 30 browsers.
    await waitUntil(
      () => readers.every((r) => r.present.size === readers.length),
      PRESENCE_MS,
      () => `presence lists not complete: ${readers.map((r) => `${r.options.client} ${r.present.size}`).join(', ')}`,
    );
    for (let i = 0; i < 2 * WRITERS_PER_INSTANCE; i++) {
      const bases = i < WRITERS_PER_INSTANCE ? [A.base, B.base] : [B.base, A.base];
      writers.push(new Writer({ bases, slug: SLUG, targets: map.claims, label: `${label} w${i}`, pauseMs: WRITER_PAUSE_MS, log }));
    }

    const started = performance.now();
    await Promise.all(writers.map((w) => w.run(started + STEADY_SECONDS * 1000)));
    const seconds = (performance.now() - started) / 1000;
    const steady = [...log];
    const failed = steady.filter((w) => w.status !== 201);
    expect(
      failed.map((w) => `${w.base}: ${w.status ?? 'no answer'} ${w.error}`),
      'writes refused or failed while both instances ran',
    ).toEqual([]);
    const ids = await allCaughtUp('Steady writes');
    expectExactDelivery(ids, steady);
    const steadyLatency = latencies(steady);
    console.log(
      `steady phase: ${steady.length} writes in ${seconds.toFixed(1)} s (${(steady.length / seconds).toFixed(1)}/s; ${steady.filter((w) => w.base === A.base).length} on A, ${steady.filter((w) => w.base === B.base).length} on B), ` +
        `${readers.length} readers each got all ${ids.length} events once, in order\n` +
        `  delivery, write acknowledged → event received: ${summary(steadyLatency.all)}\n` +
        `    same instance ${summary(steadyLatency.same)}; other instance ${summary(steadyLatency.cross)}\n` +
        `  write sent → event received: p95 ${fmt(percentile(steadyLatency.fromSend, 95))}; write answered: p95 ${fmt(
          percentile(
            steady.map((w) => w.doneAt - w.sentAt),
            95,
          ),
        )}`,
    );

    // LISTEN/NOTIFY alone: one write at a time on one instance, awaited by the other's readers only
    // (no write there that would wake them anyway).
    const probes: number[] = [];
    for (const [from, to, fromName] of [
      [A, B, 'A'],
      [B, A, 'B'],
    ] as const) {
      const probe = new Writer({ bases: [from.base], slug: SLUG, targets: map.claims, label: `${label} probe ${fromName}`, pauseMs: 0, log });
      const listeners = readers.filter((r) => r.base === to.base);
      for (let i = 0; i < PROBES_PER_DIRECTION; i++) {
        const write = await probe.write();
        expect(write.status, `probe write on ${fromName}: ${write.error}`).toBe(201);
        await waitUntil(
          () => listeners.every((r) => r.created.has(write.nodeId!)),
          NOTIFY_MS,
          () =>
            `A write on instance ${fromName} (node ${write.nodeId}) did not reach ${listeners.filter((r) => !r.created.has(write.nodeId!)).length} readers on the other instance within ${NOTIFY_MS} ms: LISTEN/NOTIFY did not wake them.`,
        );
        for (const r of listeners) probes.push(Math.max(0, r.changes.find((c) => c.nodeId === write.nodeId)!.at - write.doneAt));
      }
    }
    console.log(`  other instance only (LISTEN/NOTIFY), ${2 * PROBES_PER_DIRECTION} single writes: ${summary(probes)}`);
    expectExactDelivery(await allCaughtUp('Single writes'), log);
  });

  it('kill -9 of one instance: its readers resume on the other with Last-Event-ID, every acknowledged write is stored whole and delivered once', async () => {
    expect(readers.length, 'the first test opened the readers').toBe(2 * READERS_PER_INSTANCE);
    const [A, B] = servers;
    const from = log.length;
    const started = performance.now();
    const writing = Promise.all(writers.map((w) => w.run(started + KILL_PHASE_SECONDS * 1000)));
    await sleep(KILL_AFTER_SECONDS * 1000);
    const killAt = performance.now();
    await B.kill9();
    const killedAt = performance.now();
    await writing;
    const phase = log.slice(from);

    // Failures only where the instance died: on B, answered by no one, ended at or after the kill.
    const failed = phase.filter((w) => w.status !== 201);
    const unexplained = failed.filter((w) => w.base !== B.base || w.status !== undefined || w.doneAt < killAt);
    expect(
      unexplained.map((w) => `${w.base === A.base ? 'A' : 'B'} at +${((w.sentAt - started) / 1000).toFixed(2)} s: ${w.status ?? 'no answer'} ${w.error}`),
      'writes that failed other than with the killed instance',
    ).toEqual([]);
    const afterKill = phase.filter((w) => w.status === 201 && w.sentAt > killedAt);
    expect(afterKill.length, 'writes acknowledged by the surviving instance after the kill').toBeGreaterThan(0);
    expect(afterKill.every((w) => w.base === A.base)).toBe(true);

    const ids = await allCaughtUp('After the kill');
    const acknowledged = log.filter((w) => w.status === 201);
    expectExactDelivery(ids, acknowledged);

    // B's readers: their stream ended with B, and they went on at A from where they were.
    const moved = readers.filter((r) => r.options.bases[0] === B.base);
    const resumeTimes: number[] = [];
    for (const reader of moved) {
      const resumed = reader.connections.find((c) => c.askedAt >= killAt && c.base === A.base && c.status === 200);
      expect(resumed, `${reader.options.client} reconnected to A: ${JSON.stringify(reader.connections)}`).toBeDefined();
      expect(resumed!.lastEventId, `${reader.options.client} resumed with Last-Event-ID`).toBeGreaterThan(startId);
      resumeTimes.push(resumed!.answeredAt! - killAt);
    }
    const stayed = readers.filter((r) => r.options.bases[0] === A.base);
    for (const reader of stayed) expect(reader.connections, `${reader.options.client} on A kept its one stream`).toHaveLength(1);

    // Presence: B's browsers are listed by A now; each browser once, on every reader's list.
    await waitUntil(
      () => readers.every((r) => r.present.size === readers.length),
      PRESENCE_MS,
      () => `presence lists after the kill: ${readers.map((r) => `${r.options.client} ${r.present.size}`).join(', ')}`,
    );

    // The database: every acknowledged write whole (point, its conflict, its event); every failed one
    // whole or not there at all; nothing else written under this run's label.
    const nodes = (
      await db!.client.query<{ id: string; text: string; conflicts: number }>(
        `SELECT n."id", n."text", (SELECT COUNT(*) FROM "Conflict" c WHERE c."attackerId" = n."id")::int AS "conflicts" FROM "Node" n WHERE n."mapId" = $1 AND n."text" LIKE $2`,
        [mapId, `${label} %`],
      )
    ).rows;
    const events = new Map<string, number>();
    for (const row of (
      await db!.client.query<{ data: string }>(`SELECT "data" FROM "MapEvent" WHERE "mapId" = $1 AND "id" > $2 AND "type" = 'node.created'`, [mapId, startId])
    ).rows) {
      const id = (JSON.parse(row.data) as { node: { id: string } }).node.id;
      events.set(id, (events.get(id) ?? 0) + 1);
    }
    const byText = new Map<string, typeof nodes>();
    for (const node of nodes) byText.set(node.text, [...(byText.get(node.text) ?? []), node]);
    const problems: string[] = [];
    let committedUnanswered = 0;
    for (const write of log) {
      const rows = byText.get(write.text) ?? [];
      if (write.status === 201) {
        const row = rows.find((n) => n.id === write.nodeId);
        if (rows.length !== 1 || !row)
          problems.push(`acknowledged ${write.nodeId} "${write.text}": ${rows.length} rows, ${row ? 'its id among them' : 'not its id'}`);
        else if (row.conflicts !== 1 || events.get(row.id) !== 1)
          problems.push(`acknowledged ${row.id}: ${row.conflicts} conflicts, ${events.get(row.id) ?? 0} events`);
      } else if (rows.length > 1) problems.push(`failed "${write.text}": ${rows.length} rows`);
      else if (rows.length === 1) {
        committedUnanswered++;
        if (rows[0].conflicts !== 1 || events.get(rows[0].id) !== 1)
          problems.push(
            `failed "${write.text}" is half-written: point ${rows[0].id} with ${rows[0].conflicts} conflicts, ${events.get(rows[0].id) ?? 0} events`,
          );
      }
    }
    const attempted = new Set(log.map((w) => w.text));
    for (const node of nodes) if (!attempted.has(node.text)) problems.push(`a point nobody wrote: ${node.id} "${node.text}"`);
    expect(problems, 'the database after kill -9').toEqual([]);

    const phaseLatency = latencies(phase);
    console.log(
      `kill -9 phase: ${phase.length} writes in ${KILL_PHASE_SECONDS} s, B killed at +${KILL_AFTER_SECONDS} s (${fmt(killedAt - killAt)} to exit); ` +
        `${failed.length} failed with B (${committedUnanswered} of them committed all the same, answer lost), ${afterKill.length} acknowledged by A after the kill\n` +
        `  ${moved.length} readers of B resumed on A with Last-Event-ID ${fmt(Math.min(...resumeTimes))}–${fmt(Math.max(...resumeTimes))} after the kill; ` +
        `all ${readers.length} readers have all ${ids.length} events once, in order; ${acknowledged.length} acknowledged writes all in the database whole\n` +
        `  delivery in this phase (acknowledged → received): ${summary(phaseLatency.all)}`,
    );
  });
});
