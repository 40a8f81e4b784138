/**
 * The HTTP budgets against `next start` (own port, own throwaway database), with autocannon:
 * - `POST /api/maps/negotiate-now/nodes`, 50 concurrent writers for 30 s: latency p95 and errors
 *   (every answer but 201 counts, as do timeouts and connection errors);
 * - the SQLite ceiling in the same run: raw better-sqlite3 single-row commits per second, one
 *   connection with the app's pragmas (lib/db/sqlite-connection.ts), and API writes/s ÷ that;
 * - `GET /api/maps/<1,000-node map>`, API_GET_CONNECTIONS (10) concurrent readers for API_GET_SECONDS.
 *
 * API_SECONDS (30), API_WRITERS (50), API_GET_SECONDS (15), API_GET_CONNECTIONS (10), API_PORT (3220).
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { configureConnection, synchronousLevel } from '../lib/db/sqlite-connection';
import { importSyntheticMap } from './support/maps';
import { reportRow } from './support/report';
import { ensureBuild, percentile, prepareDatabase, removeDatabase, startServer, throwawayDatabase } from './support/server';
import { load } from './support/load';

const SECONDS = Number(process.env.API_SECONDS ?? 30);
const WRITERS = Number(process.env.API_WRITERS ?? 50);
const GET_SECONDS = Number(process.env.API_GET_SECONDS ?? 15);
const GET_CONNECTIONS = Number(process.env.API_GET_CONNECTIONS ?? 10);
const PORT = Number(process.env.API_PORT ?? 3220);
const RAW_SECONDS = 5;

/**
 * `writers` independent writers, each sending a POST at exponentially distributed intervals (mean
 * one second) for `seconds`: an open-loop load, unlike autocannon's closed loop, so latencies are
 * what a writer waits for rather than the length of a queue the tool keeps full.
 */
async function pacedWriters(
  base: string,
  writers: number,
  seconds: number,
  next: () => { path: string; body: string },
): Promise<{ latencies: number[]; requests: number; errors: number }> {
  const latencies: number[] = [];
  let errors = 0;
  const stop = performance.now() + seconds * 1000;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const writer = async () => {
    while (true) {
      await sleep(-Math.log(1 - Math.random()) * 1000);
      if (performance.now() >= stop) return;
      const start = performance.now();
      try {
        const { path, body } = next();
        const response = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        await response.arrayBuffer();
        if (response.status !== 201) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - start);
    }
  };
  await Promise.all(Array.from({ length: writers }, writer));
  return { latencies, requests: latencies.length, errors };
}

/** Flat-out writes: p95 at most this many times the cheapest route's p95 in the same run (issue 14). */
const POST_FLOOR_RATIO = 1.5;

/** How many class maps the write benches spread over (30 s flat out fills more than two). */
const MAP_POOL = 8;

/** A fresh map on the op-ed's essay with its thesis placed (POST /api/documents, then the thesis): its slug and thesis id. */
async function classMap(base: string, i: number): Promise<{ slug: string; thesis: string }> {
  const essay = (await (await fetch(`${base}/api/maps/negotiate-now`)).json()) as { document: { text: string } };
  const post = async (path: string, data: unknown) => {
    const response = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(data) });
    if (response.status !== 201) throw new Error(`POST ${path} answered ${response.status}: ${await response.text()}`);
    return response.json();
  };
  const { map } = (await post('/api/documents', { title: `Bench class ${i} ${Date.now()}`, text: essay.document.text })) as { map: { slug: string } };
  const { node } = (await post(`/api/maps/${map.slug}/nodes`, { kind: 'thesis', text: 'The time is now to negotiate with North Korea.' })) as {
    node: { id: string };
  };
  return { slug: map.slug, thesis: node.id };
}

/** Single-row autocommit INSERTs on one connection with the app's pragmas, for RAW_SECONDS: commits/s. */
function rawCommitsPerSecond(): number {
  const file = throwawayDatabase('raw');
  removeDatabase(file);
  const db = new Database(file);
  try {
    configureConnection(db);
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO t (text) VALUES (?)');
    const text = 'x'.repeat(120);
    let n = 0;
    const start = performance.now();
    const stop = start + RAW_SECONDS * 1000;
    while (performance.now() < stop) {
      for (let i = 0; i < 100; i++) insert.run(text);
      n += 100;
    }
    return n / ((performance.now() - start) / 1000);
  } finally {
    db.close();
    removeDatabase(file);
  }
}

async function main() {
  ensureBuild();
  const file = throwawayDatabase('api');
  removeDatabase(file);
  prepareDatabase(file, PORT);
  const server = await startServer(file, PORT);
  try {
    console.log(`HTTP budgets — ${os.cpus()[0]?.model ?? 'CPU'}, ${os.cpus().length} cores, Node ${process.version}, synchronous=${synchronousLevel()}\n`);
    // Writes go round a pool of fresh class maps (a map holds at most MAP_NODES_MAX points, and
    // flat out the server fills one in seconds), each a copy of the op-ed's essay with its thesis.
    const pool = await Promise.all(Array.from({ length: MAP_POOL }, (_, i) => classMap(server.base, i)));
    let sequence = 0;
    const next = () => {
      const map = pool[sequence % pool.length];
      const n = sequence++;
      return {
        path: `/api/maps/${map.slug}/nodes`,
        body: JSON.stringify({
          kind: 'objection',
          text: `Bench objection ${n} ${Math.random().toString(36).slice(2, 8)}`,
          target: map.thesis,
          relation: 'attacks',
          author: 'Bench',
        }),
      };
    };
    const body = () => next();

    // Warm-up: let the server load and JIT the route before anything is timed.
    await load(
      {
        url: server.base,
        connections: 5,
        duration: 3,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        requests: [{ setupRequest: (r) => ({ ...r, ...next() }) }],
      },
      201,
    );

    const post = await load(
      {
        url: server.base,
        connections: WRITERS,
        duration: SECONDS,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        requests: [{ setupRequest: (r) => ({ ...r, ...next() }) }],
      },
      201,
    );
    const postP95 = percentile(post.latencies, 95);
    console.log(
      `POST a node, ${WRITERS} writers × ${SECONDS} s: ${post.requests} requests, ${post.perSecond.toFixed(0)}/s; p50 ${percentile(post.latencies, 50).toFixed(1)} ms, p95 ${postP95.toFixed(1)} ms, p99 ${percentile(post.latencies, 99).toFixed(1)} ms; errors ${post.errors} (statuses ${JSON.stringify(post.statuses)})`,
    );
    // The floor under any route at this concurrency: the cheapest one (a static JSON catalogue).
    const floor = await load({ url: `${server.base}/api/schemes`, connections: WRITERS, duration: 5 }, 200);
    const floorP95 = percentile(floor.latencies, 95);
    console.log(
      `  for scale — GET /api/schemes (no database), ${WRITERS} connections flat out: ${floor.perSecond.toFixed(0)}/s, p95 ${floorP95.toFixed(1)} ms`,
    );
    // Issue 14's budget: flat out, a write waits at most 1.5 × what the cheapest route waits at the
    // same concurrency in the same run (a ratio, as this machine's absolute times move 2× with load).
    const postRatio = postP95 / floorP95;
    reportRow({
      key: 'post-50',
      result: `p95 ${postP95.toFixed(1)} ms = ${postRatio.toFixed(2)} × the cheapest route's ${floorP95.toFixed(1)} ms, ${post.errors} errors`,
      pass: postRatio <= POST_FLOOR_RATIO && post.errors === 0,
      note: `${post.perSecond.toFixed(0)} writes/s; the cheapest route (GET /api/schemes) ${floor.perSecond.toFixed(0)}/s at ${WRITERS} connections`,
    });

    // The same 50 writers at a classroom's pace: each on its own, writing on average once a
    // second at random moments (a Poisson process — far faster than anyone types, and unlike a
    // fixed rate, writers do not all fire in the same millisecond): what a person waits for
    // when the server is not saturated.
    const paced = await pacedWriters(server.base, WRITERS, SECONDS, body);
    const pacedP95 = percentile(paced.latencies, 95);
    console.log(
      `POST a node, ${WRITERS} writers × ~1/s (Poisson) × ${SECONDS} s: ${paced.requests} requests; p50 ${percentile(paced.latencies, 50).toFixed(1)} ms, p95 ${pacedP95.toFixed(1)} ms, p99 ${percentile(paced.latencies, 99).toFixed(1)} ms; errors ${paced.errors}`,
    );
    reportRow({
      key: 'post-50-paced',
      result: `p95 ${pacedP95.toFixed(1)} ms, ${paced.errors} errors`,
      pass: pacedP95 <= 25 && paced.errors === 0,
      note: `${paced.requests} writes`,
    });

    const raw = rawCommitsPerSecond();
    const ratio = post.perSecond / raw;
    console.log(
      `raw better-sqlite3 single-row commits (same pragmas): ${raw.toFixed(0)}/s → API writes/s ÷ raw commits/s = ${ratio.toFixed(3)} (${(ratio * 100).toFixed(1)}%)`,
    );
    reportRow({
      key: 'write-ratio',
      result: `${post.perSecond.toFixed(0)} ÷ ${raw.toFixed(0)} = ${ratio.toFixed(3)}`,
      pass: null,
      note: `synchronous=${synchronousLevel()}`,
    });

    const slug = await importSyntheticMap(server.base, 1000);
    const bytes = (await (await fetch(`${server.base}/api/maps/${slug}`)).arrayBuffer()).byteLength;
    await load({ url: `${server.base}/api/maps/${slug}`, connections: 2, duration: 3 }, 200);
    const get = await load({ url: `${server.base}/api/maps/${slug}`, connections: GET_CONNECTIONS, duration: GET_SECONDS }, 200);
    const getP95 = percentile(get.latencies, 95);
    console.log(
      `GET a 1,000-node map (${(bytes / 1024).toFixed(0)} KB), ${GET_CONNECTIONS} readers × ${GET_SECONDS} s: ${get.perSecond.toFixed(0)}/s; p50 ${percentile(get.latencies, 50).toFixed(1)} ms, p95 ${getP95.toFixed(1)} ms; errors ${get.errors}`,
    );
    const single = await load({ url: `${server.base}/api/maps/${slug}`, connections: 1, duration: 5 }, 200);
    console.log(
      `GET a 1,000-node map, 1 reader × 5 s: p50 ${percentile(single.latencies, 50).toFixed(1)} ms, p95 ${percentile(single.latencies, 95).toFixed(1)} ms`,
    );
    reportRow({
      key: 'get-1000',
      result: `p95 ${getP95.toFixed(1)} ms (${GET_CONNECTIONS} readers); one reader p95 ${percentile(single.latencies, 95).toFixed(1)} ms`,
      pass: getP95 <= 30 && get.errors === 0,
      note: `${(bytes / 1024).toFixed(0)} KB JSON`,
    });
  } finally {
    await server.stop();
    removeDatabase(file);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
