import 'server-only';
import { db } from '../db/client';
import { eventBus, eventsAfter, type MapEventView } from '../db/events';
import { join, presenceSignal, presentOn } from '../db/presence';

/** How often an idle stream sends a comment line, so proxies and browsers keep it open. */
export const HEARTBEAT_MS = 15_000;
/** Events read from the log per query while catching up. */
const PAGE = 500;

export interface StreamOptions {
  mapId: string;
  /** Send every event after this id (a reconnecting client's Last-Event-ID, or where the page loaded). */
  after: number;
  who: { name: string; clientId: string };
  signal: AbortSignal;
}

/**
 * A Server-Sent Events stream of a map's event log: first everything after `after`, in order, then
 * each new event as it is committed (`event: change`, with `id:` so the browser resumes exactly
 * there), plus `event: presence` with who is on the map. The log in the database is the truth;
 * the in-process bus only says "look again", so nothing is skipped or sent twice.
 */
export function mapEventStream({ mapId, after, who, signal }: StreamOptions): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor = after;
  let closed = false;
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (chunk: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(chunk));
        } catch {
          cleanup();
        }
      };
      const sendEvent = (event: MapEventView) => send(`id: ${event.id}\nevent: change\ndata: ${JSON.stringify(event)}\n\n`);
      let pumping = false;
      let again = false;
      const pump = async () => {
        if (pumping) {
          again = true;
          return;
        }
        pumping = true;
        try {
          const client = await db();
          do {
            again = false;
            for (;;) {
              const events = await eventsAfter(client, mapId, cursor, PAGE);
              for (const event of events) {
                sendEvent(event);
                cursor = event.id;
              }
              if (events.length < PAGE || closed) break;
            }
          } while (again && !closed);
        } catch (error) {
          console.error('Event stream could not read the log:', error);
          cleanup();
        } finally {
          pumping = false;
        }
      };
      const onChange = () => void pump();
      const onPresence = () => send(`event: presence\ndata: ${JSON.stringify(presentOn(mapId))}\n\n`);
      const bus = eventBus();
      bus.on(mapId, onChange);
      bus.on(presenceSignal(mapId), onPresence);
      const leave = join(mapId, who);
      const heartbeat = setInterval(() => send(': heartbeat\n\n'), HEARTBEAT_MS);
      cleanup = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        bus.off(mapId, onChange);
        bus.off(presenceSignal(mapId), onPresence);
        leave();
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      signal.addEventListener('abort', cleanup);
      send('retry: 2000\n\n');
      onPresence();
      await pump();
    },
    cancel() {
      cleanup();
    },
  });
}
