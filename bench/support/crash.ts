/**
 * The crash test (bench/crash.ts, reduced in e2e/crash.spec.ts): writers add points to the op-ed map
 * as fast as they can, the server is killed with SIGKILL at a random moment, and the database is
 * then checked with the server down, then the server is started again for the next round.
 *
 * What must hold after every kill:
 * - every write the server acknowledged (201) is in the database, with its exact text;
 * - `PRAGMA integrity_check` answers `ok`;
 * - the event log has no gaps. `MapEvent.id` is AUTOINCREMENT, and its counter (sqlite_sequence)
 *   is written in the same transaction as the row, so a transaction that was rolled back or lost
 *   in the crash takes its number with it: the ids must be exactly 1…max, each once. And the log
 *   and the data agree: every acknowledged point has exactly one `node.created` event, and every
 *   `node.created` event names a point that exists (no change without its event, no event
 *   without its change).
 */
import Database from 'better-sqlite3';
import { performance } from 'node:perf_hooks';
import { prepareDatabase, startServer, type BenchServer } from './server';

const SLUG = 'negotiate-now';

export interface CrashOptions {
  file: string;
  port: number;
  rounds: number;
  writers: number;
  /** The kill comes at a random moment between these, after the first write is acknowledged (ms). */
  killAfterMs: [number, number];
  log?: (line: string) => void;
}

export interface RoundResult {
  round: number;
  acknowledged: number;
  failed: number;
  killedAtMs: number;
  problems: string[];
}

export interface CrashResult {
  rounds: RoundResult[];
  acknowledged: number;
  problems: string[];
}

interface Ack {
  id: string;
  text: string;
}

/** Runs the writers until the server dies; returns the acknowledged writes and how many failed. */
async function writeUntilKilled(
  server: BenchServer,
  writers: number,
  round: number,
  stop: { dead: boolean },
  onFirstAck: () => void,
): Promise<{ acks: Ack[]; failed: number }> {
  // Each round writes to a map of its own: writers fill a map's 5,000 points within a few rounds.
  const slug = await roundMap(server.base, round);
  const map = (await (await fetch(`${server.base}/api/maps/${slug}`)).json()) as { nodes: { id: string; kind: string }[] };
  const targets = map.nodes.filter((n) => n.kind === 'claim' || n.kind === 'thesis').map((n) => n.id);
  const acks: Ack[] = [];
  let failed = 0;
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let n = 0; !stop.dead; n++) {
        const text = `Crash r${round} w${w} #${n} ${Math.random().toString(36).slice(2, 10)}`;
        try {
          const response = await fetch(`${server.base}/api/maps/${slug}/nodes`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ kind: 'objection', text, target: targets[(w + n) % targets.length], relation: 'attacks', author: `Writer ${w}` }),
          });
          if (response.status === 201) {
            const body = (await response.json()) as { node: { id: string } };
            acks.push({ id: body.node.id, text });
            if (acks.length === 1) onFirstAck();
          } else {
            failed++;
            // An answer other than 201 while the server is alive is a bug, not a crash effect.
            if (!stop.dead) throw new Error(`POST answered ${response.status}: ${await response.text()}`);
          }
        } catch (error) {
          if (!stop.dead) throw error;
          failed++;
        }
      }
    }),
  );
  return { acks, failed };
}

/** A fresh map on the op-ed's essay, with its thesis, for one round: its slug. */
async function roundMap(base: string, round: number): Promise<string> {
  const essay = (await (await fetch(`${base}/api/maps/${SLUG}`)).json()) as { document: { text: string } };
  const created = await fetch(`${base}/api/documents`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title: `Crash round ${round} ${Date.now()}`, text: essay.document.text }),
  });
  if (created.status !== 201) throw new Error(`POST /api/documents answered ${created.status}: ${await created.text()}`);
  const { map } = (await created.json()) as { map: { slug: string } };
  const thesis = await fetch(`${base}/api/maps/${map.slug}/nodes`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ kind: 'thesis', text: 'The time is now to negotiate with North Korea.' }),
  });
  if (thesis.status !== 201) throw new Error(`POST thesis answered ${thesis.status}: ${await thesis.text()}`);
  return map.slug;
}

/** Checks the database (server down) against everything acknowledged so far. */
export function checkDatabase(file: string, acknowledged: Ack[]): string[] {
  const problems: string[] = [];
  const db = new Database(file);
  try {
    db.pragma('busy_timeout = 5000');
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);

    const texts = new Map((db.prepare('SELECT id, text FROM Node').all() as { id: string; text: string }[]).map((r) => [r.id, r.text]));
    const missing = acknowledged.filter((a) => texts.get(a.id) !== a.text);
    if (missing.length > 0) problems.push(`${missing.length} acknowledged writes missing or changed, e.g. ${missing[0].id} "${missing[0].text}"`);

    const ids = (db.prepare('SELECT id FROM MapEvent ORDER BY id').all() as { id: number }[]).map((r) => r.id);
    const max = ids.at(-1) ?? 0;
    if (ids.length !== max || ids.some((id, i) => id !== i + 1)) problems.push(`event ids are not exactly 1…${max}: ${ids.length} rows`);

    const created = new Map<string, number>();
    for (const row of db.prepare("SELECT data FROM MapEvent WHERE type = 'node.created'").all() as { data: string }[]) {
      const id = (JSON.parse(row.data) as { node?: { id?: string } }).node?.id;
      if (id) created.set(id, (created.get(id) ?? 0) + 1);
    }
    const withoutEvent = acknowledged.filter((a) => created.get(a.id) !== 1);
    if (withoutEvent.length > 0) problems.push(`${withoutEvent.length} acknowledged writes without exactly one node.created event, e.g. ${withoutEvent[0].id}`);
    const orphans = [...created.keys()].filter((id) => !texts.has(id));
    if (orphans.length > 0) problems.push(`${orphans.length} node.created events name a point that does not exist, e.g. ${orphans[0]}`);
    const crashNodes = (db.prepare("SELECT id FROM Node WHERE text LIKE 'Crash r%'").all() as { id: string }[]).map((r) => r.id);
    const silent = crashNodes.filter((id) => created.get(id) !== 1);
    if (silent.length > 0) problems.push(`${silent.length} written points without exactly one node.created event, e.g. ${silent[0]}`);
  } finally {
    db.close();
  }
  return problems;
}

/** Prepares the database once, then runs `rounds` rounds of write → kill -9 → check → restart. */
export async function runCrashTest(options: CrashOptions): Promise<CrashResult> {
  const log = options.log ?? (() => {});
  prepareDatabase(options.file, options.port);
  const acknowledged: Ack[] = [];
  const rounds: RoundResult[] = [];
  for (let round = 1; round <= options.rounds; round++) {
    const server = await startServer(options.file, options.port);
    const stop = { dead: false };
    const [min, max] = options.killAfterMs;
    const killAt = min + Math.random() * (max - min);
    let firstAck!: () => void;
    const flowing = new Promise<void>((resolve) => (firstAck = resolve));
    const writing = writeUntilKilled(server, options.writers, round, stop, firstAck);
    await Promise.race([flowing, writing.then(() => Promise.reject(new Error('The writers stopped before the kill.')))]);
    const started = performance.now();
    await new Promise((r) => setTimeout(r, killAt));
    stop.dead = true;
    await server.kill9();
    const { acks, failed } = await writing;
    acknowledged.push(...acks);
    const problems = checkDatabase(options.file, acknowledged);
    const result = { round, acknowledged: acks.length, failed, killedAtMs: Math.round(performance.now() - started), problems };
    rounds.push(result);
    log(
      `round ${String(round).padStart(2)}: killed ${result.killedAtMs} ms after the first ack · ${acks.length} acknowledged, ${failed} cut off · ${problems.length === 0 ? 'all present, integrity ok, log complete' : problems.join('; ')}`,
    );
  }
  return { rounds, acknowledged: acknowledged.length, problems: rounds.flatMap((r) => r.problems.map((p) => `round ${r.round}: ${p}`)) };
}
