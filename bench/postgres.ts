/**
 * The HTTP figures on PostgreSQL, with ONE `next start` instance and with TWO on the same database
 * (a throwaway cluster and database: tests/multi-instance/support/postgres.ts), next to SQLite's
 * rows in BENCHMARKS.md:
 * - `POST` a node at a class's pace: PG_WRITERS (30) writers, each at random moments about once a
 *   second, for PG_SECONDS (15): p95 (two instances: half the writers on each);
 * - `POST` flat out: autocannon, PG_FLAT_CONNECTIONS (50) for PG_FLAT_SECONDS (10): writes/s, and
 *   two instances ÷ one (two: half the connections on each, at the same time);
 * - live delivery: PG_READERS (30) SSE readers on B, PG_WRITERS writers on A, about one write a
 *   second each, for PG_SECONDS: write sent → event received p95 across instances (budget ≤ 100 ms,
 *   as on one instance); the same with readers and writers on one instance, for comparison;
 * - `GET` a 1,000-node map: PG_GET_CONNECTIONS (10) for PG_GET_SECONDS (10), p95 (two: half on each).
 *
 * Needs PostgreSQL's programs (apt-get install -y postgresql), or ARGMAP_TEST_POSTGRES_URL naming a
 * cluster; without either it says so and reports nothing. Ports PG_PORT (3260) and PG_PORT + 1.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { mapState, SseReader, waitUntil, Writer, type WriteRecord } from '../tests/multi-instance/support/live';
import { postgresAvailable, startDatabase } from '../tests/multi-instance/support/postgres';
import { importSyntheticMap } from './support/maps';
import { ROW_PREFIX } from './support/report';
import { ensureBuild, percentile, ROOT, startServer, type BenchServer } from './support/server';
import { load, type Load } from './support/load';

const SECONDS = Number(process.env.PG_SECONDS ?? 15);
const WRITERS = Number(process.env.PG_WRITERS ?? 30);
const READERS = Number(process.env.PG_READERS ?? 30);
const FLAT_SECONDS = Number(process.env.PG_FLAT_SECONDS ?? 10);
const FLAT_CONNECTIONS = Number(process.env.PG_FLAT_CONNECTIONS ?? 50);
const GET_SECONDS = Number(process.env.PG_GET_SECONDS ?? 10);
const GET_CONNECTIONS = Number(process.env.PG_GET_CONNECTIONS ?? 10);
const PORT = Number(process.env.PG_PORT ?? 3260);
/** Class maps the write loads go round (a map holds at most 5,000 points). */
const MAP_POOL = 8;
const SLUG = 'negotiate-now';
/** The issue's live-update budget, on one instance or across two. */
const DELIVERY_BUDGET_MS = 100;

type PgRowKey = 'pg-post-paced' | 'pg-post-flat' | 'pg-live-cross' | 'pg-get-1000';

/** A row for bench/run.mjs's table (as bench/support/report.ts reportRow prints them). */
function reportRow(row: { key: PgRowKey; result: string; pass: boolean | null; note?: string }): void {
  console.log(`${ROW_PREFIX}${JSON.stringify(row)}`);
}

/** SQLite's figure for the comparable row of BENCHMARKS.md (its "measured" cell), or "not measured". */
function sqliteRow(startsWith: string): string {
  try {
    const line = readFileSync(path.join(ROOT, 'BENCHMARKS.md'), 'utf8')
      .split('\n')
      .find((l) => l.startsWith(`| ${startsWith}`));
    return line?.split(' | ')[2]?.trim() ?? 'not in BENCHMARKS.md';
  } catch {
    return 'no BENCHMARKS.md';
  }
}

/** Several loads at once (one per instance), summed. */
async function loads(parts: autocannon.Options[], expectStatus: number): Promise<Load> {
  const results = await Promise.all(parts.map((options) => load(options, expectStatus)));
  const statuses: Record<string, number> = {};
  for (const r of results) for (const [s, n] of Object.entries(r.statuses)) statuses[s] = (statuses[s] ?? 0) + n;
  return {
    latencies: results.flatMap((r) => r.latencies),
    requests: results.reduce((sum, r) => sum + r.requests, 0),
    perSecond: results.reduce((sum, r) => sum + r.perSecond, 0),
    errors: results.reduce((sum, r) => sum + r.errors, 0),
    statuses,
  };
}

/** `n` split as evenly as possible over `parts`. */
const split = (n: number, parts: number) => Array.from({ length: parts }, (_, i) => Math.floor(n / parts) + (i < n % parts ? 1 : 0));

/** A fresh map on the op-ed's essay with its thesis (as bench/api.ts makes them). */
async function classMap(base: string, i: number): Promise<{ slug: string; thesis: string }> {
  const essay = (await (await fetch(`${base}/api/maps/${SLUG}`)).json()) as { document: { text: string } };
  const post = async (route: string, data: unknown) => {
    const response = await fetch(`${base}${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(data) });
    if (response.status !== 201) throw new Error(`POST ${route} answered ${response.status}: ${await response.text()}`);
    return response.json();
  };
  const { map } = (await post('/api/documents', { title: `PG bench class ${i} ${Date.now()}`, text: essay.document.text })) as { map: { slug: string } };
  const { node } = (await post(`/api/maps/${map.slug}/nodes`, { kind: 'thesis', text: 'The time is now to negotiate with North Korea.' })) as {
    node: { id: string };
  };
  return { slug: map.slug, thesis: node.id };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Writers at random (Poisson) moments, mean one second apart, split over `bases`: what a writer waits for. */
async function pacedWriters(bases: string[], writers: number, seconds: number, next: () => { path: string; body: string }) {
  const latencies: number[] = [];
  let errors = 0;
  const stop = performance.now() + seconds * 1000;
  const writer = async (base: string) => {
    for (;;) {
      await sleep(-Math.log(1 - Math.random()) * 1000);
      if (performance.now() >= stop) return;
      const start = performance.now();
      try {
        const { path: route, body } = next();
        const response = await fetch(`${base}${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        await response.arrayBuffer();
        if (response.status !== 201) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - start);
    }
  };
  await Promise.all(Array.from({ length: writers }, (_, i) => writer(bases[i % bases.length])));
  return { latencies, requests: latencies.length, errors };
}

/**
 * READERS SSE readers on `readerBase`, WRITERS writers on `writerBase` (about one write a second
 * each, as bench/live.ts) for SECONDS: delivery from the write's sending to the event's arrival
 * (as bench/live.ts measures), the same from the write's answer, and the share delivered.
 */
async function live(readerBase: string, writerBase: string, tag: string) {
  const map = await mapState(writerBase, SLUG);
  const readers = Array.from(
    { length: READERS },
    (_, i) => new SseReader({ bases: [readerBase], slug: SLUG, after: map.lastEventId, client: `pg-bench-${tag}-${i}` }),
  );
  try {
    await Promise.all(readers.map((r) => r.open()));
    const log: WriteRecord[] = [];
    const writers = Array.from(
      { length: WRITERS },
      (_, i) => new Writer({ bases: [writerBase], slug: SLUG, targets: map.claims, label: `PG bench ${tag} w${i}`, pauseMs: 1000, log }),
    );
    const until = performance.now() + SECONDS * 1000;
    await Promise.all(writers.map((w) => w.run(until)));
    const written = log.filter((w) => w.nodeId);
    const ids = new Set(written.map((w) => w.nodeId!));
    await waitUntil(
      () => readers.every((r) => [...ids].every((id) => r.created.has(id))),
      10_000,
      () => 'not every event arrived',
    ).catch(() => {});
    const byNode = new Map(written.map((w) => [w.nodeId!, w]));
    const fromSend: number[] = [];
    const fromAnswer: number[] = [];
    let delivered = 0;
    let duplicates = 0;
    for (const reader of readers) {
      for (const [id, count] of reader.created) {
        if (!ids.has(id)) continue;
        delivered++;
        duplicates += count - 1;
      }
      for (const change of reader.changes) {
        const write = change.nodeId ? byNode.get(change.nodeId) : undefined;
        if (!write) continue;
        fromSend.push(change.at - write.sentAt);
        fromAnswer.push(Math.max(0, change.at - write.doneAt));
      }
    }
    return {
      writes: written.length,
      errors: log.length - written.length,
      expected: written.length * READERS,
      delivered,
      duplicates,
      violations: readers.reduce((n, r) => n + r.violations.length, 0),
      fromSend,
      fromAnswer,
    };
  } finally {
    await Promise.all(readers.map((r) => r.close()));
  }
}

const ms = (v: number) => `${v.toFixed(1)} ms`;

interface Figures {
  paced: { latencies: number[]; requests: number; errors: number };
  flat: Load;
  live: Awaited<ReturnType<typeof live>>;
  get: Load;
}

/** Every figure with the load spread over `servers` (live: readers on the last, writers on the first). */
async function measure(servers: BenchServer[], pool: { slug: string; thesis: string }[], bigSlug: string, label: string): Promise<Figures> {
  const bases = servers.map((s) => s.base);
  let sequence = 0;
  const next = () => {
    const map = pool[sequence % pool.length];
    const n = sequence++;
    return {
      path: `/api/maps/${map.slug}/nodes`,
      body: JSON.stringify({
        kind: 'objection',
        text: `PG bench objection ${n} ${Math.random().toString(36).slice(2, 8)}`,
        target: map.thesis,
        relation: 'attacks',
        author: 'Bench',
      }),
    };
  };
  const writes = (base: string, connections: number, duration: number): autocannon.Options => ({
    url: base,
    connections,
    duration,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [{ setupRequest: (r) => ({ ...r, ...next() }) }],
  });
  // Warm-up: every instance loads and JITs the write route before anything is timed.
  await loads(
    bases.map((base) => writes(base, 5, 3)),
    201,
  );

  const paced = await pacedWriters(bases, WRITERS, SECONDS, next);
  console.log(
    `${label}: POST, ${WRITERS} writers × ~1/s (Poisson) × ${SECONDS} s: ${paced.requests} writes; p50 ${ms(percentile(paced.latencies, 50))}, p95 ${ms(percentile(paced.latencies, 95))}, p99 ${ms(percentile(paced.latencies, 99))}; errors ${paced.errors}`,
  );
  const flat = await loads(
    split(FLAT_CONNECTIONS, bases.length).map((connections, i) => writes(bases[i], connections, FLAT_SECONDS)),
    201,
  );
  console.log(
    `${label}: POST flat out, ${FLAT_CONNECTIONS} connections × ${FLAT_SECONDS} s: ${flat.requests} writes, ${flat.perSecond.toFixed(0)}/s; p50 ${ms(percentile(flat.latencies, 50))}, p95 ${ms(percentile(flat.latencies, 95))}; errors ${flat.errors} (${JSON.stringify(flat.statuses)})`,
  );
  const delivery = await live(bases[bases.length - 1], bases[0], `${bases.length}`);
  console.log(
    `${label}: live, ${READERS} readers on ${bases.length > 1 ? 'B' : 'A'}, ${WRITERS} writers on A × ${SECONDS} s: ${delivery.writes} writes (${delivery.errors} failed); ` +
      `delivered ${delivery.delivered} of ${delivery.expected} (${((delivery.delivered / Math.max(1, delivery.expected)) * 100).toFixed(2)}%), ${delivery.duplicates} duplicates, ${delivery.violations} out of order; ` +
      `sent → received p50 ${ms(percentile(delivery.fromSend, 50))}, p95 ${ms(percentile(delivery.fromSend, 95))}; answered → received p95 ${ms(percentile(delivery.fromAnswer, 95))}`,
  );
  await loads(
    bases.map((base) => ({ url: `${base}/api/maps/${bigSlug}`, connections: 1, duration: 2 })),
    200,
  );
  const get = await loads(
    split(GET_CONNECTIONS, bases.length).map((connections, i) => ({ url: `${bases[i]}/api/maps/${bigSlug}`, connections, duration: GET_SECONDS })),
    200,
  );
  console.log(
    `${label}: GET a 1,000-node map, ${GET_CONNECTIONS} readers × ${GET_SECONDS} s: ${get.perSecond.toFixed(0)}/s; p50 ${ms(percentile(get.latencies, 50))}, p95 ${ms(percentile(get.latencies, 95))}; errors ${get.errors}`,
  );
  return { paced, flat, live: delivery, get };
}

async function main() {
  if (!(await postgresAvailable())) {
    console.log(
      'PostgreSQL was not found (/usr/lib/postgresql/*/bin, or ARGMAP_TEST_POSTGRES_URL): no PostgreSQL figures. Install it with: apt-get install -y postgresql',
    );
    return;
  }
  ensureBuild();
  const db = await startDatabase('bench');
  const servers: BenchServer[] = [];
  try {
    const version = (await db.client.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version;
    console.log(`PostgreSQL ${version} (fsync off, throwaway cluster) — ${os.cpus()[0]?.model ?? 'CPU'}, ${os.cpus().length} cores, Node ${process.version}\n`);
    servers.push(await startServer(`postgresql-${db.name}`, PORT, { DATABASE_URL: db.url }));
    const pool = await Promise.all(Array.from({ length: MAP_POOL }, (_, i) => classMap(servers[0].base, i)));
    const bigSlug = await importSyntheticMap(servers[0].base, 1000);
    const one = await measure(servers, pool, bigSlug, 'one instance');
    servers.push(await startServer(`postgresql-${db.name}`, PORT + 1, { DATABASE_URL: db.url }));
    const two = await measure(servers, pool, bigSlug, 'two instances');

    const p95 = (values: number[]) => percentile(values, 95);
    reportRow({
      key: 'pg-post-paced',
      result: `p95 ${ms(p95(one.paced.latencies))} one instance, ${ms(p95(two.paced.latencies))} two; ${one.paced.errors + two.paced.errors} errors`,
      pass: null,
      note: `${WRITERS} writers × ~1/s × ${SECONDS} s; SQLite, 50 writers: ${sqliteRow('`POST` a node, 50 writers')}`,
    });
    const ratio = two.flat.perSecond / one.flat.perSecond;
    reportRow({
      key: 'pg-post-flat',
      result: `${one.flat.perSecond.toFixed(0)} writes/s one instance (p95 ${ms(p95(one.flat.latencies))}), ${two.flat.perSecond.toFixed(0)} two (p95 ${ms(p95(two.flat.latencies))}): two ÷ one = ${ratio.toFixed(2)}; ${one.flat.errors + two.flat.errors} errors`,
      pass: null,
      note: `${FLAT_CONNECTIONS} connections × ${FLAT_SECONDS} s; SQLite, 50 × 30 s: ${sqliteRow('`POST` a node, 50 concurrent writers')}`,
    });
    const cross = two.live;
    const crossP95 = p95(cross.fromSend);
    const complete = cross.delivered === cross.expected && cross.duplicates === 0 && cross.violations === 0;
    reportRow({
      key: 'pg-live-cross',
      result: `p95 ${ms(crossP95)} (write on A → reader on B), ${((cross.delivered / Math.max(1, cross.expected)) * 100).toFixed(2)}% delivered; one instance p95 ${ms(p95(one.live.fromSend))}`,
      pass: crossP95 <= DELIVERY_BUDGET_MS && complete,
      note: `${READERS} readers, ${WRITERS} writers, ${SECONDS} s; ${cross.delivered} of ${cross.expected} deliveries, ${cross.duplicates} duplicates; SQLite: ${sqliteRow('live update')}`,
    });
    reportRow({
      key: 'pg-get-1000',
      result: `p95 ${ms(p95(one.get.latencies))} one instance, ${ms(p95(two.get.latencies))} two (${GET_CONNECTIONS} readers); ${one.get.errors + two.get.errors} errors`,
      pass: null,
      note: `${one.get.perSecond.toFixed(0)}/s one, ${two.get.perSecond.toFixed(0)}/s two; SQLite: ${sqliteRow('`GET` a 1,000-node map')}`,
    });
    if (!complete) process.exitCode = 1;
  } finally {
    await Promise.allSettled(servers.map((s) => s.stop()));
    await db.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
