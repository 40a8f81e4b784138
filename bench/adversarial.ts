// The fuzz suite's "adversarial sizes" mode in full (tests/api/adversarial.test.ts runs it reduced in
// `npm test`): every shape of tests/api/support/adversarial-inputs.ts at the limits — essays of
// 200 KB, imports of 5,000 points or 2 MB — sent over HTTP to the production server while another
// connection asks `GET /api/health` back to back. For each request it prints the status, the time,
// the answer's size and the slowest health answer while it ran. Budget (issue 10): no 5xx, and
// /api/health keeps answering in under 1 s during every request.
import { readFileSync } from 'node:fs';
import { removeDatabase, ensureBuild, listeningPid, prepareDatabase, startServer, throwawayDatabase } from './support/server';
import { reportRow } from './support/report';
import { runAdversarial, type Send } from '../tests/api/support/adversarial-run';

const PORT = 3260;
const HEALTH_BUDGET_MS = 1000;

async function main() {
  ensureBuild();
  const file = throwawayDatabase('adversarial');
  removeDatabase(file);
  prepareDatabase(file, PORT);
  const server = await startServer(file, PORT);

  /** Health probes back to back, each with when it started and ended. */
  const probes: { start: number; end: number; rss: number }[] = [];
  const serverPid = listeningPid(PORT);
  let probing = true;
  const prober = (async () => {
    while (probing) {
      const start = performance.now();
      try {
        await (await fetch(`${server.base}/api/health`)).arrayBuffer();
      } catch {
        // counted by its duration all the same
      }
      probes.push({ start, end: performance.now(), rss: rssOf(serverPid) });
      await new Promise((r) => setTimeout(r, 20));
    }
  })();

  /** The resident memory of process `pid` in MB (0 when it cannot be read). */
  function rssOf(pid: number | undefined): number {
    try {
      return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
    } catch {
      return 0;
    }
  }

  /** The slowest health answer that overlapped [from, to]. */
  const during = (from: number, to: number) => probes.filter((p) => p.end >= from && p.start <= to);
  const slowestHealth = (from: number, to: number) => Math.max(0, ...during(from, to).map((p) => p.end - p.start));
  /** The most memory a probe saw during [from, to]; 0 when no probe landed in it (a request of a few ms). */
  const peakRss = (from: number, to: number) => Math.max(0, ...during(from, to).map((p) => p.rss));

  const windows: { from: number; to: number }[] = [];
  const send: Send = async (method, path, body) => {
    const from = performance.now();
    const response = await fetch(`${server.base}${path}`, {
      method,
      headers: { origin: server.base, 'sec-fetch-site': 'same-origin', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const to = performance.now();
    windows.push({ from, to });
    return { status: response.status, text, ms: to - from };
  };

  let worstHealth = 0;
  let serverErrors = 0;
  let requests = 0;
  try {
    console.log(`${'shape'.padEnd(44)} ${'request'.padEnd(36)} status       time     answer   health max   server RSS`);
    await runAdversarial({
      scale: 'full',
      send,
      pages: true,
      onResult: (r) => {
        requests++;
        if (r.status >= 500) serverErrors++;
        const w = windows[windows.length - 1];
        const health = slowestHealth(w.from, w.to);
        worstHealth = Math.max(worstHealth, health);
        console.log(
          `${r.shape.padEnd(44)} ${r.request.padEnd(36)} ${String(r.status).padStart(6)} ${r.ms.toFixed(0).padStart(7)} ms ${(r.bytes / 1024).toFixed(0).padStart(7)} KB ${health.toFixed(0).padStart(7)} ms ${(peakRss(w.from, w.to) > 0 ? `${peakRss(w.from, w.to).toFixed(0)} MB` : '—').padStart(10)}`,
        );
      },
    });
    // Let the last probe land, then look at the worst over the whole run.
    await new Promise((r) => setTimeout(r, 200));
    const last = windows.at(-1);
    if (last) worstHealth = Math.max(worstHealth, slowestHealth(windows[0].from, last.to));
  } finally {
    probing = false;
    await prober;
    await server.stop();
    removeDatabase(file);
  }
  const pass = serverErrors === 0 && worstHealth < HEALTH_BUDGET_MS;
  const rss = probes.map((p) => p.rss).filter((r) => r > 0);
  console.log(
    `\n${requests} adversarial requests: ${serverErrors} answered 5xx; slowest /api/health meanwhile ${worstHealth.toFixed(0)} ms (budget < ${HEALTH_BUDGET_MS} ms) — ${pass ? 'pass' : 'MISS'}`,
  );
  console.log(`server RSS: ${rss[0]?.toFixed(0) ?? '?'} MB at the start, ${Math.max(0, ...rss).toFixed(0)} MB at the most`);
  reportRow({
    key: 'adversarial',
    result: `${requests} requests, ${serverErrors} × 5xx, health ≤ ${worstHealth.toFixed(0)} ms`,
    pass,
    note: 'inputs at the limits in stressing shapes',
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
