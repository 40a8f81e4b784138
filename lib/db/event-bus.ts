import 'server-only';
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import pg from 'pg';
import { postgresPool } from './client';
import { databaseKind, databaseUrl } from './database-url';

/*
 * The wake-up bus: in-process signals per map (new events in the log, a change of access, presence),
 * and on PostgreSQL the NOTIFY/LISTEN that carries them between instances. Signals only wake
 * streams; the event log stays the truth (./events.ts).
 */

const globalForBus = globalThis as unknown as { argmapEventBus?: EventEmitter };

/** In-process wake-up signal per map: streams re-read the log when it fires (the log stays the truth). */
export function eventBus(): EventEmitter {
  if (!globalForBus.argmapEventBus) {
    globalForBus.argmapEventBus = new EventEmitter();
    // Every open stream listens; a class of 30 plus teachers must not trigger the leak warning.
    globalForBus.argmapEventBus.setMaxListeners(0);
  }
  return globalForBus.argmapEventBus;
}

/**
 * Tells this instance's open streams of the map that new events are in the log. The other instances
 * (PostgreSQL) were told by the transaction that recorded the events: `recordEventIn` sends a
 * `pg_notify`, which PostgreSQL delivers when, and only if, the transaction commits.
 */
export function announce(mapId: string): void {
  eventBus().emit(mapId);
}

/** The channel and payload of a notification that raises `signal` on the other instances. */
export function changeNotice(signal: string): [string, string] {
  return [CHANGES_CHANNEL, `${INSTANCE_ID} ${signal}`];
}

/** The PostgreSQL channel on which instances tell each other which bus signal to raise. */
const CHANGES_CHANNEL = 'argmap_changes';

/** This process, so it can skip its own notifications (it has raised them already). */
const globalForInstance = globalThis as unknown as { argmapInstanceId?: string };
/** This process among the instances (on globalThis: the server may load this module once per route bundle). */
export const INSTANCE_ID = (globalForInstance.argmapInstanceId ??= randomUUID());

/** How long to wait before listening again after the listening connection was lost, in ms. */
const RELISTEN_DELAY_MS = 1_000;

/**
 * Several instances on one PostgreSQL database: a signal that no event carries (a change of access)
 * is sent to the others with `pg_notify` after the change committed. Like the notifications events
 * send, it is only a wake-up: a stream that hears it reads the log, or checks its access, again.
 */
function notifyOtherInstances(signal: string): void {
  if (databaseKind() !== 'postgresql') return;
  postgresPool()
    .then((pool) => pool?.query('SELECT pg_notify($1, $2)', changeNotice(signal)))
    .catch((error: Error) => console.error('Could not tell other instances of a change:', error.message));
}

const globalForListen = globalThis as unknown as { argmapListening?: boolean };

/**
 * Listens for the signals other instances raise (PostgreSQL only; called once at start, from
 * instrumentation.ts) and raises them on this instance's bus. When the listening connection drops,
 * it listens again and wakes every open stream, so whatever was announced meanwhile is read.
 */
export async function listenForChanges(): Promise<void> {
  if (databaseKind() !== 'postgresql' || globalForListen.argmapListening) return;
  globalForListen.argmapListening = true;
  const listen = async (): Promise<void> => {
    // keepAlive: a connection a NAT or a failover cut without a word is noticed and replaced.
    const client = new pg.Client({ connectionString: databaseUrl(), keepAlive: true });
    let retried = false;
    const retry = (error?: Error) => {
      if (retried) return;
      retried = true;
      if (error) console.error('Stopped hearing other instances; listening again:', error.message);
      client.end().catch(() => {});
      setTimeout(() => void listen(), RELISTEN_DELAY_MS).unref();
    };
    client.on('error', retry);
    client.on('end', () => retry());
    client.on('notification', (message) => {
      const payload = message.payload ?? '';
      if (message.channel === PRESENCE_CHANNEL) return hearPresence(payload);
      const space = payload.indexOf(' ');
      if (space < 0 || payload.slice(0, space) === INSTANCE_ID) return;
      eventBus().emit(payload.slice(space + 1));
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGES_CHANNEL}`);
      await client.query(`LISTEN ${PRESENCE_CHANNEL}`);
    } catch (error) {
      retry(error as Error);
      return;
    }
    // Whatever was announced while nobody listened: every open stream reads its log again (the
    // map and access signals, which carry nothing), and presence is exchanged afresh.
    for (const name of eventBus().eventNames()) {
      if (typeof name !== 'string' || name.endsWith('#presence')) continue;
      try {
        eventBus().emit(name);
      } catch (error) {
        console.error(`Waking the streams of ${name} failed:`, (error as Error).message);
      }
    }
    globalForPresenceWire.argmapOnListening?.();
  };
  await listen();
}

/** The PostgreSQL channel on which instances tell each other who is on which map (./presence.ts). */
const PRESENCE_CHANNEL = 'argmap_presence';

/** A presence message between instances: `i` the sender, `t` what it says; the rest depends on `t`. */
export type PresenceMessage = { i: string; t: string } & Record<string, unknown>;

const globalForPresenceWire = globalThis as unknown as {
  argmapOnPresence?: (message: PresenceMessage) => void;
  argmapOnListening?: () => void;
  argmapPresenceSent?: Promise<void>;
};

/** Sends a presence message to the other instances (PostgreSQL only; nothing on SQLite). */
export function sendPresence(message: Record<string, unknown> & { t: string }): void {
  if (databaseKind() !== 'postgresql') return;
  // One after another: sent on separate pooled connections, a `left` and the `joined` right after
  // it could arrive the other way round.
  globalForPresenceWire.argmapPresenceSent = (globalForPresenceWire.argmapPresenceSent ?? Promise.resolve())
    .then(() => postgresPool())
    .then((pool) => pool?.query('SELECT pg_notify($1, $2)', [PRESENCE_CHANNEL, JSON.stringify({ ...message, i: INSTANCE_ID })]))
    .then(
      () => undefined,
      (error: Error) => console.error('Could not tell other instances who is here:', error.message),
    );
}

/** Who hears the other instances' presence messages, and what to do each time listening (re)starts. */
export function wirePresence(onMessage: (message: PresenceMessage) => void, onListening: () => void): void {
  globalForPresenceWire.argmapOnPresence = onMessage;
  globalForPresenceWire.argmapOnListening = onListening;
}

function hearPresence(payload: string): void {
  let message: PresenceMessage;
  try {
    message = JSON.parse(payload) as PresenceMessage;
  } catch {
    return;
  }
  if (typeof message?.i !== 'string' || message.i === INSTANCE_ID || typeof message.t !== 'string') return;
  globalForPresenceWire.argmapOnPresence?.(message);
}

/** The bus signal that a map's roles or policy changed: its open streams check their access again. */
export function accessSignal(mapId: string): string {
  return `${mapId}#access`;
}

/** Tells a map's open streams to check their access again (after a role, member or policy change). */
export function announceAccessChange(mapId: string): void {
  eventBus().emit(accessSignal(mapId));
  notifyOtherInstances(accessSignal(mapId));
}
