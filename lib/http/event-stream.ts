import 'server-only';
import { can } from '../auth/permissions';
import { accessSignal, eventBus } from '../db/event-bus';
import { eventsAfter } from '../db/log-reads';
import { lastEventId, type MapEventView } from '../db/events';
import { databaseKind } from '../db/database-url';
import { presenceSignal, presentOn, type PresenceChange, type PresentPerson, type Seat } from '../db/presence';
import { knowsName, rosterOf, type Roster } from '../db/roster';
import { renameIn, SHOW_NAMES, type Namer } from '../argument/pseudonyms';
import { sign } from '../auth/server-secret';
import { sameAccess, type ViewerAccess } from '../protocol/access-protocol';
import { byNamedThenName } from '../protocol/presence-protocol';
import { shutdownSignal } from './shutdown';

/** How often every stream sends a comment line, so proxies and browsers keep it open. */
export const HEARTBEAT_MS = 15_000;
/** On PostgreSQL, how often each map's reader looks at the log without being woken (see MapHub). */
export const LOG_RECHECK_MS = HEARTBEAT_MS;
/** Events read from the log per query while catching up. */
const PAGE = 500;
/**
 * Bytes a stream may have waiting for its client before it queues no more events (they wait in the
 * log until the client takes some): what one slow or stalled client can cost beyond one event.
 */
export const STREAM_BUFFER_BYTES = 64 * 1024;
/** Heartbeats and presence changes that may pile up while a client takes nothing, before it is dropped. */
export const STREAM_STALLED_MESSAGES_MAX = 1000;

type Subscriber = (events: MapEventView[], roster: Roster) => void;

/**
 * One reader of the log per map, shared by all of that map's open streams: when a change is
 * announced it reads the new events once and hands them to every subscriber (a class of 30 costs one
 * query per change, not 30). Subscribers drop anything at or below their own cursor, so a stream
 * that joins while catching up never sees an event twice.
 */
class MapHub {
  private readonly subscribers = new Set<Subscriber>();
  private cursor = -1;
  private reading = false;
  private again = false;
  private readonly onChange = () => void this.read();
  private recheck: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly mapId: string) {}

  async subscribe(subscriber: Subscriber): Promise<() => void> {
    if (this.subscribers.size === 0) {
      eventBus().on(this.mapId, this.onChange);
      this.cursor = -1;
      // Several instances: a change whose notification never came (its instance died between the
      // commit and the send, or the listening connection was down) is read within LOG_RECHECK_MS.
      if (databaseKind() === 'postgresql') this.recheck = setInterval(this.onChange, LOG_RECHECK_MS);
    }
    this.subscribers.add(subscriber);
    const unsubscribe = () => {
      if (!this.subscribers.delete(subscriber)) return;
      if (this.subscribers.size === 0) {
        eventBus().off(this.mapId, this.onChange);
        if (this.recheck) clearInterval(this.recheck);
        this.recheck = null;
        hubs.delete(this.mapId);
      }
    };
    if (this.cursor < 0) {
      try {
        // First subscriber: start from the newest event; older ones are each stream's own backlog.
        const newest = await lastEventId(this.mapId);
        if (this.cursor < 0) this.cursor = newest;
        // Woken meanwhile: read what came since the starting point.
        if (this.again) {
          this.again = false;
          void this.read();
        }
      } catch (error) {
        unsubscribe();
        throw error;
      }
    }
    return unsubscribe;
  }

  private async read(): Promise<void> {
    // Woken before the first subscriber has its starting point: reading now would page through the
    // whole log only for every subscriber to drop it. Read once the cursor is set.
    if (this.cursor < 0) {
      this.again = true;
      return;
    }
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = true;
    try {
      do {
        this.again = false;
        for (;;) {
          const events = await eventsAfter(this.mapId, this.cursor, PAGE);
          if (events.length === 0) break;
          // The roster as of these events (one query for all the streams): a student who joined since
          // and wrote one of them is a "Student N" to their classmates from their first change.
          const roster = await rosterOf(this.mapId);
          this.cursor = events[events.length - 1].id;
          for (const subscriber of this.subscribers) subscriber(events, roster);
          if (events.length < PAGE) break;
        }
      } while (this.again && this.subscribers.size > 0);
    } catch (error) {
      console.error('Event stream could not read the log:', error);
    } finally {
      this.reading = false;
    }
  }
}

const globalForHubs = globalThis as unknown as { argmapHubs?: Map<string, MapHub>; argmapStreamQueues?: Set<() => number> };
const hubs = (globalForHubs.argmapHubs ??= new Map<string, MapHub>());
/** Each open stream's bytes queued for its client, as the stream itself counts them. */
const queues = (globalForHubs.argmapStreamQueues ??= new Set<() => number>());

/**
 * Bytes queued in this process's open streams that their clients have not taken yet: what
 * {@link STREAM_BUFFER_BYTES} bounds, per stream (to it plus one event). Read from each stream's
 * own count of its queue, so it is exact where the process's memory figures also hold garbage.
 */
export function bytesQueuedForClients(): number {
  let total = 0;
  for (const queued of queues) total += queued();
  return total;
}

function hubFor(mapId: string): MapHub {
  let hub = hubs.get(mapId);
  if (!hub) {
    hub = new MapHub(mapId);
    hubs.set(mapId, hub);
  }
  return hub;
}

export interface StreamOptions {
  mapId: string;
  /** Send every event after this id (a reconnecting client's Last-Event-ID, or where the page loaded). */
  after: number;
  /** The stream's place in the presence list and the caps (from `takeSeat`); released when the stream ends. */
  seat: Seat;
  signal: AbortSignal;
  /**
   * The caller's own access: what it was when the stream opened (sent first, as `event: access`),
   * and how to work it out again — at every heartbeat and whenever the map's roles or policy change.
   * A change is sent to the client; an access that may no longer `view` is sent, then ends the stream.
   */
  access?: { initial: ViewerAccess; current(): Promise<ViewerAccess> };
  /**
   * Names as this caller is shown them (lib/argument/pseudonyms.ts): the map's roster when the
   * stream opened, and how to name with a roster — as of the caller's access now (the route keeps
   * it up to date with `access.current`). The stream reads the roster again before each batch of
   * events, at each access check, and before a presence entry whose name it does not know yet goes
   * out. Without it, names go out as written.
   */
  names?: {
    roster: Roster;
    namer(roster: Roster): Namer;
    /**
     * Whether this caller is shown others' browser ids masked: on an anonymous map, for all but the
     * owner — a browser's id is the same on every map, so on another map's presence list it would
     * put a name to a "Student N". `ownClient` (their own, for skipping their echo) stays as it is.
     */
    masksClients(roster: Roster): boolean;
    ownClient: string;
  };
}

/**
 * Another browser's id as an anonymous class's student is shown it: the server's keyed hash of the
 * map and the id — the same for every change and presence entry of that browser on this map, and
 * unrelated to what any other map shows.
 */
function maskedClient(mapId: string, clientId: string): string {
  return `p${sign(`client:${mapId}:${clientId}`).slice(0, 22)}`;
}

/** The SSE message telling a client its own access. */
function accessMessage(access: ViewerAccess): string {
  return `event: access\ndata: ${JSON.stringify(access)}\n\n`;
}

/** How one stream shows others: their names, and their browser ids. */
interface Shown {
  names: Namer;
  client: (clientId: string) => string;
}

const AS_WRITTEN: Shown = { names: SHOW_NAMES, client: (id) => id };

/** The SSE message for one change to the presence list. */
function presenceMessage({ type, person }: PresenceChange, shown: Shown): string {
  return `event: presence-${type}\ndata: ${JSON.stringify(named(person, shown))}\n\n`;
}

/** The SSE message with everyone on the map now, in the order of the names shown (named first). */
function presenceListMessage(people: PresentPerson[], shown: Shown): string {
  return `event: presence\ndata: ${JSON.stringify(people.map((person) => named(person, shown)).sort(byNamedThenName))}\n\n`;
}

function named(person: PresentPerson, shown: Shown): PresentPerson {
  if (shown === AS_WRITTEN) return person;
  return { name: person.name ? shown.names(person.name) : person.name, clientId: shown.client(person.clientId) };
}

/**
 * A Server-Sent Events stream of a map's event log: first everything after `after`, in order, then
 * each new event as it is committed (`event: change`, with `id:` so the browser resumes exactly
 * there). Presence: `event: presence` with the whole list of who is on the map once, when the
 * stream opens, then `presence-joined` / `presence-left` for each change to that list. Access:
 * `event: access` with the caller's own role, name and the map's policy when the stream opens and
 * again whenever they change (a teacher changes a student's role, the map's policy changes). The log in
 * the database is the truth; the in-process bus only says "look again", so nothing is skipped or
 * sent twice. Events go out only as fast as the client takes them: with {@link STREAM_BUFFER_BYTES}
 * waiting, the stream stops queueing events and later reads them from the log; a client that takes
 * nothing while {@link STREAM_STALLED_MESSAGES_MAX} other messages pile up is dropped (it resumes
 * from the log when it reconnects). The stream ends when the client goes, when it may no longer
 * view the map, and when the server stops ({@link shutdownSignal}); each end releases its seat.
 */
export function mapEventStream({ mapId, after, seat, signal, access, names: naming }: StreamOptions): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let roster = naming?.roster;
  const shown = (): Shown => {
    if (!naming || !roster) return AS_WRITTEN;
    const names = naming.namer(roster);
    if (!naming.masksClients(roster)) return names === SHOW_NAMES ? AS_WRITTEN : { names, client: (id) => id };
    return { names, client: (id) => (id === '' || id === naming.ownClient ? id : maskedClient(mapId, id)) };
  };
  const rereadRoster = async () => {
    if (naming) roster = await rosterOf(mapId);
  };
  let cursor = after;
  let closed = false;
  let end: (error?: Error) => void = () => {};
  const cleanup = () => end();
  // Resolved when the client has taken enough that the queue is under its high-water mark.
  let roomForMore = () => {};
  // Heartbeats and presence changes queued since the client last made room.
  let stalled = 0;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const full = () => (controller.desiredSize ?? 0) <= 0;
        const queued = () => Math.max(0, STREAM_BUFFER_BYTES - (controller.desiredSize ?? STREAM_BUFFER_BYTES));
        queues.add(queued);
        const send = (chunk: string) => {
          if (closed) return;
          try {
            controller.enqueue(encoder.encode(chunk));
          } catch {
            cleanup();
          }
        };
        const sendSmall = (chunk: string) => {
          if (full() && ++stalled > STREAM_STALLED_MESSAGES_MAX) end(new Error('The client stopped reading its event stream.'));
          else send(chunk);
        };
        const room = () =>
          new Promise<void>((resolve) => {
            if (closed || !full()) resolve();
            else roomForMore = resolve;
          });
        const deliver = (event: MapEventView) => {
          if (event.id <= cursor) return;
          const as = shown();
          const out = as === AS_WRITTEN ? event : { ...renameIn(event, as.names), clientId: as.client(event.clientId) };
          send(`id: ${event.id}\nevent: change\ndata: ${JSON.stringify(out)}\n\n`);
          cursor = event.id;
        };
        // Live events go straight out once caught up; until then they are only noted (the log has
        // them), and the catch-up reads the log again.
        let caughtUp = false;
        let missed = false;
        let unsubscribe = () => {};
        const catchUp = async () => {
          for (;;) {
            missed = false;
            const backlog = await eventsAfter(mapId, cursor, PAGE);
            await rereadRoster();
            for (const event of backlog) {
              await room();
              if (closed) return;
              deliver(event);
            }
            // No await separates this check from going live, so no event falls in between.
            if (backlog.length < PAGE && !missed) break;
          }
          caughtUp = true;
        };
        const catchUpOrEnd = () =>
          catchUp().catch((error: unknown) => {
            console.error('Event stream could not read the log:', error);
            cleanup();
          });
        const onEvents = (events: MapEventView[], now: Roster) => {
          if (!caughtUp) {
            missed = true;
            return;
          }
          if (naming) roster = now;
          for (const event of events) {
            if (full()) {
              // The client is behind: leave the rest in the log and catch up as it makes room.
              caughtUp = false;
              void catchUpOrEnd();
              return;
            }
            deliver(event);
          }
        };
        // Checks run one after another, so their answers go out in the order the changes happened.
        let known = access?.initial;
        let checking = Promise.resolve();
        // A name the roster does not know yet (a student who just joined an anonymous class) waits,
        // in turn with the checks, for the roster to be read again; every other goes out at once.
        const onPresence = (change: PresenceChange | undefined) => {
          if (!change) return;
          if (!naming || !roster || knowsName(roster, change.person.name)) {
            sendSmall(presenceMessage(change, shown()));
            return;
          }
          checking = checking.then(async () => {
            if (closed) return;
            await rereadRoster().catch(() => undefined);
            sendSmall(presenceMessage(change, shown()));
          });
        };
        const recheck = () => {
          if (!access) return;
          checking = checking.then(async () => {
            if (closed) return;
            let now: ViewerAccess;
            try {
              now = await access.current();
              await rereadRoster();
            } catch {
              cleanup();
              return;
            }
            if (closed || (known && sameAccess(known, now))) return;
            // Only anonymity turned on or off, or becoming (or ceasing to be) the owner, changes how people are shown.
            const renamed = known?.anonymous !== now.anonymous || (known?.role === 'owner') !== (now.role === 'owner');
            known = now;
            sendSmall(accessMessage(now));
            // Names show differently now (anonymity turned on or off, or a role gained or lost): the whole list again.
            if (renamed) sendSmall(presenceListMessage(presentOn(mapId), shown()));
            // Closed, not errored: the client reads the message before the end.
            if (!can(now.role, 'view')) cleanup();
          });
        };
        const heartbeat = setInterval(() => {
          sendSmall(': heartbeat\n\n');
          recheck();
        }, HEARTBEAT_MS);
        const shutdown = shutdownSignal();
        end = (error) => {
          if (closed) return;
          closed = true;
          queues.delete(queued);
          clearInterval(heartbeat);
          eventBus().off(accessSignal(mapId), recheck);
          eventBus().off(presenceSignal(mapId), onPresence);
          signal.removeEventListener('abort', cleanup);
          shutdown.removeEventListener('abort', cleanup);
          unsubscribe();
          seat.release();
          roomForMore();
          try {
            // An error drops what the client has not taken; a close lets it read the rest.
            if (error) controller.error(error);
            else controller.close();
          } catch {
            // already closed by the client
          }
        };
        signal.addEventListener('abort', cleanup);
        shutdown.addEventListener('abort', cleanup);
        eventBus().on(accessSignal(mapId), recheck);
        send('retry: 2000\n\n');
        // The whole list now and every change after it, in the same tick: nothing falls in between.
        send(presenceListMessage(presentOn(mapId), shown()));
        eventBus().on(presenceSignal(mapId), onPresence);
        // The access the page shows may be older than this stream (rendered before a change).
        if (access) send(accessMessage(access.initial));
        if (signal.aborted || shutdown.aborted) cleanup();
        if (closed) return;
        // Not awaited: the stream asks for more (pull) only once start has returned.
        void hubFor(mapId)
          .subscribe(onEvents)
          .then((release) => {
            if (closed) release();
            else unsubscribe = release;
            return catchUpOrEnd();
          })
          .catch((error: unknown) => {
            console.error('Event stream could not read the log:', error);
            cleanup();
          });
      },
      pull() {
        stalled = 0;
        roomForMore();
      },
      cancel() {
        cleanup();
      },
    },
    { highWaterMark: STREAM_BUFFER_BYTES, size: (chunk) => chunk.byteLength },
  );
}
