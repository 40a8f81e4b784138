// A classroom under load: 30 live SSE readers and 30 writers on one map for 60 seconds, against the
// production server (`next start`) on its own port with a throwaway database. Prints events
// delivered ÷ events written × readers (must be 100%), delivery latency p50/p95 (commit → reader),
// write latency p95, and the server's memory. Set LIVE_SECONDS / LIVE_READERS / LIVE_WRITERS to change it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { reportRow } from './support/report';
import { buildDir, ensureBuild } from './support/server';

const ROOT = path.resolve(__dirname, '..');
const PORT = Number(process.env.LIVE_PORT ?? 3200);
const BASE = `http://127.0.0.1:${PORT}`;
const SECONDS = Number(process.env.LIVE_SECONDS ?? 60);
const READERS = Number(process.env.LIVE_READERS ?? 30);
const WRITERS = Number(process.env.LIVE_WRITERS ?? 30);
/**
 * Each writer adds a point, then waits about a second (±30%, as people do) before the next; they
 * start at random moments within the first second rather than all at once.
 */
const WRITER_PAUSE_MS = 1000;
const WRITER_JITTER = 0.3;
const SLUG = 'negotiate-now';

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function waitForServer(): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${BASE}/api/maps/${SLUG}`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('The server did not start within 60 s.');
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/** The PID of the process listening on PORT (next start forks its server). */
function serverPid(fallback: number): number {
  const out = spawnSync('bash', ['-c', `ss -ltnp 'sport = :${PORT}' | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2`], { encoding: 'utf8' }).stdout.trim();
  return out ? Number(out) : fallback;
}

interface Reader {
  received: Map<number, number>;
  latencies: number[];
  close: () => void;
}

async function openReader(index: number, after: number, sentAt: Map<string, number>): Promise<Reader> {
  const controller = new AbortController();
  const response = await fetch(`${BASE}/api/maps/${SLUG}/events?after=${after}&name=reader${index}`, { signal: controller.signal });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const received = new Map<number, number>();
  const latencies: number[] = [];
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (!block.includes('event: change')) continue;
          const now = performance.now();
          const event = JSON.parse(
            block
              .split('\n')
              .find((l) => l.startsWith('data: '))!
              .slice(6),
          ) as { id: number; data: { node?: { text: string } } };
          received.set(event.id, (received.get(event.id) ?? 0) + 1);
          const text = event.data.node?.text;
          const sent = text ? sentAt.get(text) : undefined;
          if (sent !== undefined) latencies.push(now - sent);
        }
      }
    } catch {
      // aborted at the end of the run
    }
  })();
  return { received, latencies, close: () => controller.abort() };
}

async function main() {
  const db = path.join(os.tmpdir(), `argmap-bench-live-${process.pid}.db`);
  const env = { ...process.env, DATABASE_URL: `file:${db}`, PORT: String(PORT), NEXT_TELEMETRY_DISABLED: '1' };
  ensureBuild();
  spawnSync('node', [path.join(ROOT, 'scripts', 'prepare-db.mjs')], { cwd: ROOT, stdio: 'ignore', env });
  const server: ChildProcess = spawn(path.join(ROOT, 'node_modules', '.bin', 'next'), ['start', '-p', String(PORT)], { cwd: buildDir(), env, stdio: 'ignore' });
  try {
    await waitForServer();
    const map = (await (await fetch(`${BASE}/api/maps/${SLUG}`)).json()) as { lastEventId: number; nodes: { id: string; kind: string }[] };
    const claims = map.nodes.filter((n) => n.kind === 'claim').map((n) => n.id);
    const sentAt = new Map<string, number>();
    const readers = await Promise.all(Array.from({ length: READERS }, (_, i) => openReader(i, map.lastEventId, sentAt)));
    await new Promise((r) => setTimeout(r, 500));

    const writeLatencies: number[] = [];
    const writtenIds: number[] = [];
    let errors = 0;
    const stopAt = performance.now() + SECONDS * 1000;
    const memory: number[] = [];
    const pid = serverPid(server.pid!);
    const sampler = setInterval(() => memory.push(rssMb(pid)), 1000);
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, w) => {
        await new Promise((r) => setTimeout(r, Math.random() * WRITER_PAUSE_MS));
        let n = 0;
        while (performance.now() < stopAt) {
          const text = `Load objection w${w} #${n++} ${Math.random().toString(36).slice(2, 8)}`;
          const start = performance.now();
          sentAt.set(text, start);
          const response = await fetch(`${BASE}/api/maps/${SLUG}/nodes`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ kind: 'objection', text, target: claims[(w + n) % claims.length], relation: 'attacks', author: `Writer ${w}` }),
          });
          writeLatencies.push(performance.now() - start);
          if (response.status === 201) writtenIds.push(0);
          else errors++;
          await new Promise((r) => setTimeout(r, WRITER_PAUSE_MS * (1 - WRITER_JITTER + 2 * WRITER_JITTER * Math.random())));
        }
      }),
    );
    // Give the last events a moment to arrive.
    await new Promise((r) => setTimeout(r, 2000));
    clearInterval(sampler);
    readers.forEach((r) => r.close());

    const written = writtenIds.length;
    const expected = written * READERS;
    let delivered = 0;
    let duplicates = 0;
    for (const r of readers) {
      delivered += r.received.size;
      for (const count of r.received.values()) if (count > 1) duplicates += count - 1;
    }
    const latencies = readers.flatMap((r) => r.latencies);
    console.log(`Live load — ${os.cpus()[0]?.model ?? 'CPU'}, ${os.cpus().length} cores, Node ${process.version}`);
    console.log(`${READERS} SSE readers, ${WRITERS} writers (about one write a second each), ${SECONDS} s, one map\n`);
    console.log(`writes            ${written} accepted, ${errors} refused or failed`);
    console.log(`delivered         ${delivered} of ${expected} (${((delivered / Math.max(1, expected)) * 100).toFixed(2)}%), ${duplicates} duplicates`);
    console.log(`delivery latency  p50 ${percentile(latencies, 50).toFixed(1)} ms · p95 ${percentile(latencies, 95).toFixed(1)} ms (budget p95 ≤ 100 ms)`);
    console.log(`write latency     p50 ${percentile(writeLatencies, 50).toFixed(1)} ms · p95 ${percentile(writeLatencies, 95).toFixed(1)} ms`);
    console.log(`server memory     start ${memory[0]?.toFixed(0)} MB · peak ${Math.max(...memory).toFixed(0)} MB · end ${memory.at(-1)?.toFixed(0)} MB (RSS)`);
    const p95 = percentile(latencies, 95);
    reportRow({
      key: 'live-30',
      result: `p95 ${p95.toFixed(1)} ms, ${((delivered / Math.max(1, expected)) * 100).toFixed(2)}% delivered`,
      pass: p95 <= 100 && delivered === expected && duplicates === 0,
      note: `${READERS} readers, ${WRITERS} writers, ${SECONDS} s; ${delivered} of ${expected} deliveries`,
    });
    if (delivered !== expected || duplicates > 0) process.exitCode = 1;
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${db}${suffix}`, { force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
