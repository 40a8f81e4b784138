/**
 * Readers and writers of a map over HTTP, for the multi-instance test and bench/postgres.ts.
 *
 * {@link SseReader} reads `GET /api/maps/<slug>/events` as a browser's EventSource does: it opens
 * with `?after=<id>`, honours `retry:`, and when its connection ends or fails it connects again with
 * `Last-Event-ID: <last id received>` — to the next instance in its list, as a load balancer would
 * send it to one that is up. Every read has a timeout (longer than the server's heartbeat), so a
 * stream that goes silent is dropped and resumed rather than waited on forever. Each `change`
 * message is recorded with the moment it arrived; ids that do not increase are recorded as
 * violations.
 *
 * {@link Writer} adds points (`POST /api/maps/<slug>/nodes`, an objection to one of the map's claims)
 * at a steady pace, recording each write's outcome; when its instance cannot be reached it moves to
 * the next one.
 */
import { performance } from 'node:perf_hooks';

/** The server sends a comment every 15 s (lib/http/event-stream.ts HEARTBEAT_MS); silence beyond this is a dead stream. */
export const READ_TIMEOUT_MS = 20_000;

export interface ReceivedChange {
  id: number;
  type: string;
  /** `data.node.id` of a `node.created` event. */
  nodeId?: string;
  /** performance.now() when the message was parsed. */
  at: number;
  /** The instance it came from. */
  base: string;
}

export interface Connection {
  base: string;
  /** The Last-Event-ID header sent (none on the first connection: it uses `?after=`). */
  lastEventId?: number;
  /** performance.now() when it was asked for, and when it answered. */
  askedAt: number;
  answeredAt?: number;
  status?: number;
  error?: string;
  /** How it ended: 'closed' (by us), 'ended' (by the server), 'failed' (network error), 'stalled' (read timeout). */
  end?: 'closed' | 'ended' | 'failed' | 'stalled' | 'refused';
}

export interface ReaderOptions {
  /** Instances to read from: the first is where it starts; on a dropped connection it moves on to the next. */
  bases: string[];
  slug: string;
  /** The event id to start after (the map's newest when the "page" loaded). */
  after: number;
  /** A browser id of its own (the server caps streams per browser id). */
  client: string;
  /** Wait before connecting again, in ms; by default the server's `retry:` (2 s), as EventSource does. */
  reconnectDelayMs?: number;
  onChange?: (change: ReceivedChange) => void;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class SseReader {
  readonly changes: ReceivedChange[] = [];
  /** The `node.created` node ids received, with how many times each came. */
  readonly created = new Map<string, number>();
  readonly connections: Connection[] = [];
  /** Who the presence list says is on the map, by browser id (several tabs count once), as this reader's stream tells it. */
  readonly present = new Map<string, string>();
  /** Ids that did not increase (a duplicate or an event out of order): "<id> after <last>". */
  readonly violations: string[] = [];
  lastId: number;
  private baseIndex = 0;
  private retryMs = 2000;
  private closed = false;
  private controller: AbortController | null = null;
  private loop: Promise<void> | null = null;
  private firstMessage: Promise<void>;
  private resolveFirst!: () => void;

  constructor(readonly options: ReaderOptions) {
    this.lastId = options.after;
    this.firstMessage = new Promise((resolve) => (this.resolveFirst = resolve));
  }

  /** The instance it reads from now (or last tried). */
  get base(): string {
    return this.options.bases[this.baseIndex];
  }

  /** Starts reading; resolves once the first connection has answered and sent its first message. */
  async open(timeoutMs = 15_000): Promise<void> {
    this.loop = this.run();
    await withTimeout(this.firstMessage, timeoutMs, () => `reader ${this.options.client} got no message from ${this.base} within ${timeoutMs} ms`);
  }

  /** Stops reading and waits for the loop to end. */
  async close(): Promise<void> {
    this.closed = true;
    this.controller?.abort();
    await this.loop;
  }

  private async run(): Promise<void> {
    let first = true;
    while (!this.closed) {
      if (!first) {
        // As EventSource: wait, then ask again from the last id received — here at the next instance.
        await sleep(this.options.reconnectDelayMs ?? this.retryMs);
        if (this.closed) return;
        this.baseIndex = (this.baseIndex + 1) % this.options.bases.length;
      }
      await this.connect(first);
      first = false;
    }
  }

  private async connect(first: boolean): Promise<void> {
    const base = this.base;
    const connection: Connection = { base, askedAt: performance.now() };
    this.connections.push(connection);
    const controller = new AbortController();
    this.controller = controller;
    const headers: Record<string, string> = { Accept: 'text/event-stream' };
    if (!first) {
      headers['Last-Event-ID'] = String(this.lastId);
      connection.lastEventId = this.lastId;
    }
    const url = `${base}/api/maps/${this.options.slug}/events?after=${this.options.after}&client=${encodeURIComponent(this.options.client)}`;
    let timer: NodeJS.Timeout | undefined;
    try {
      const response = await fetch(url, { headers, signal: controller.signal });
      connection.status = response.status;
      connection.answeredAt = performance.now();
      if (response.status !== 200 || !response.body) {
        connection.end = 'refused';
        connection.error = (await response.text()).slice(0, 200);
        return;
      }
      const stream = response.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const pending = stream.read();
        // Rejected when the connection is aborted below (or by close): handled by the race or not at all.
        pending.catch(() => {});
        const read = await Promise.race([pending, new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), READ_TIMEOUT_MS)))]);
        clearTimeout(timer);
        if (read === null) {
          connection.end = 'stalled';
          controller.abort();
          return;
        }
        if (read.done) {
          connection.end = this.closed ? 'closed' : 'ended';
          return;
        }
        buffer += decoder.decode(read.value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          this.message(block, base);
        }
      }
    } catch (error) {
      clearTimeout(timer);
      if (this.closed) connection.end = 'closed';
      else {
        connection.end = 'failed';
        connection.error = errorText(error);
      }
    }
  }

  private message(block: string, base: string): void {
    const at = performance.now();
    let event = 'message';
    let id: string | undefined;
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':') || line === '') continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
      else if (field === 'id') id = value;
      else if (field === 'retry' && /^\d+$/.test(value)) this.retryMs = Number(value);
    }
    if (event !== 'message' || data.length > 0) this.resolveFirst();
    if (event === 'presence') {
      this.present.clear();
      for (const person of JSON.parse(data.join('\n')) as { name: string; clientId: string }[]) this.present.set(person.clientId, person.name);
      return;
    }
    if (event === 'presence-joined' || event === 'presence-left') {
      const person = JSON.parse(data.join('\n')) as { name: string; clientId: string };
      if (event === 'presence-joined') this.present.set(person.clientId, person.name);
      else this.present.delete(person.clientId);
      return;
    }
    if (event !== 'change') return;
    const payload = JSON.parse(data.join('\n')) as { id: number; type: string; data?: { node?: { id?: string } } };
    const eventId = Number(id);
    if (eventId !== payload.id) this.violations.push(`id: ${id} but data.id ${payload.id}`);
    if (!(eventId > this.lastId)) this.violations.push(`${eventId} after ${this.lastId}`);
    else this.lastId = eventId;
    const change: ReceivedChange = {
      id: eventId,
      type: payload.type,
      nodeId: payload.type === 'node.created' ? payload.data?.node?.id : undefined,
      at,
      base,
    };
    this.changes.push(change);
    if (change.nodeId) this.created.set(change.nodeId, (this.created.get(change.nodeId) ?? 0) + 1);
    this.options.onChange?.(change);
  }
}

export interface WriteRecord {
  text: string;
  base: string;
  /** performance.now() when sent, and when answered (or failed). */
  sentAt: number;
  doneAt: number;
  status?: number;
  /** The new point's id, from a 201 answer. */
  nodeId?: string;
  error?: string;
}

export interface WriterOptions {
  bases: string[];
  slug: string;
  /** Points to object to (ids of the map's claims). */
  targets: string[];
  /** Text prefix, unique to the run, so the database can be searched for every write. */
  label: string;
  /** Wait after each answer, in ms (±30%, as people do). */
  pauseMs: number;
  /** Every write, as it is answered. */
  log: WriteRecord[];
}

/** A writer of points: `run(untilMs)` writes until performance.now() passes `untilMs`. */
export class Writer {
  private baseIndex = 0;
  private n = 0;

  constructor(private readonly options: WriterOptions) {}

  get base(): string {
    return this.options.bases[this.baseIndex];
  }

  async run(until: number): Promise<void> {
    await sleep(Math.random() * this.options.pauseMs);
    while (performance.now() < until) {
      await this.write();
      await sleep(this.options.pauseMs * (0.7 + 0.6 * Math.random()));
    }
  }

  /** One write: answered 201 with the new point's id, or recorded as failed. */
  async write(): Promise<WriteRecord> {
    const { slug, targets, label } = this.options;
    const n = this.n++;
    const text = `${label} #${n} ${Math.random().toString(36).slice(2, 8)}`;
    const base = this.base;
    const record: WriteRecord = { text, base, sentAt: performance.now(), doneAt: 0 };
    try {
      const response = await fetch(`${base}/api/maps/${slug}/nodes`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: base },
        body: JSON.stringify({ kind: 'objection', text, target: targets[n % targets.length], relation: 'attacks', author: label.slice(0, 40) }),
        signal: AbortSignal.timeout(30_000),
      });
      record.status = response.status;
      const body = await response.text();
      record.doneAt = performance.now();
      if (response.status === 201) record.nodeId = (JSON.parse(body) as { node: { id: string } }).node.id;
      else record.error = body.slice(0, 300);
    } catch (error) {
      record.doneAt = performance.now();
      record.error = errorText(error);
      // The instance is gone (or unreachable): the next write goes to another, as a load balancer would send it.
      this.baseIndex = (this.baseIndex + 1) % this.options.bases.length;
    }
    this.options.log.push(record);
    return record;
  }
}

export function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
  return cause ? `${error.message} (${cause.code ?? cause.message})` : error.message;
}

/** Resolves with `promise`, or rejects with `message()` after `ms`. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, message: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message())), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/** Polls `done()` every 50 ms; throws `message()` (what is still missing) when it is not true within `ms`. */
export async function waitUntil(done: () => boolean, ms: number, message: () => string): Promise<void> {
  const deadline = performance.now() + ms;
  while (!done()) {
    if (performance.now() > deadline) throw new Error(message());
    await sleep(50);
  }
}

/** The map as a page loads it: its newest event id and its claims (targets for objections). */
export async function mapState(base: string, slug: string): Promise<{ lastEventId: number; claims: string[] }> {
  const response = await fetch(`${base}/api/maps/${slug}`);
  if (!response.ok) throw new Error(`GET /api/maps/${slug} answered ${response.status}`);
  const map = (await response.json()) as { lastEventId: number; nodes: { id: string; kind: string }[] };
  const claims = map.nodes.filter((n) => n.kind === 'claim').map((n) => n.id);
  if (claims.length === 0) throw new Error(`The map ${slug} has no claims to object to.`);
  return { lastEventId: map.lastEventId, claims };
}
