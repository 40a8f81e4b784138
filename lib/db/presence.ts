import 'server-only';
import { AppError } from '../validation/app-error';
import { byNamedThenName, type PresenceChange, type PresentPerson } from '../http/presence-protocol';
import { eventBus } from './event-bus';

export type { PresenceChange, PresentPerson };

/** Open event streams one map may have at once (a lecture hall, every student with a tab open). */
export const STREAMS_PER_MAP_MAX = 250;
/**
 * Open event streams from one client address, over all maps (several classes behind one school
 * NAT). Only where the address is known (`clientAddress`: the connection's peer, or behind TRUST_PROXY
 * the proxy's word); not for the in-process `direct`.
 */
export const STREAMS_PER_ADDRESS_MAX = 300;
/** Open event streams of one browser (its `client` id), over all maps and tabs. */
export const STREAMS_PER_CLIENT_MAX = 16;
/** Open event streams the whole server process holds at once. */
export const STREAMS_TOTAL_MAX = 2000;
/** The `Retry-After` of a refused stream, in seconds: streams free up as people close their tabs. */
export const STREAM_RETRY_AFTER_SECONDS = 30;

/** Who opened a stream, and from where. */
export interface StreamOwner {
  name: string;
  /** The browser's public id; `''` when the stream was opened without one. */
  clientId: string;
  /** The client's address as the rate limits see it; undefined when it is not known (no trusted proxy). */
  address?: string;
}

/** The caps one {@link StreamRegistry} enforces. */
export interface StreamCaps {
  perMap: number;
  perAddress: number;
  perClient: number;
  total: number;
}

/** Which cap refused a stream. */
export type StreamRefusal = keyof StreamCaps;

/** A stream's place in the registry: it counts against the caps and shows in presence until released. */
export interface Seat {
  mapId: string;
  /** Gives the place back (announcing a `left` change when the visible list changes); idempotent. */
  release(): void;
}

/** One browser on one map: its id and its open streams (connection id → the name each was opened with). */
interface Browser {
  clientId: string;
  tabs: Map<number, string>;
}

/**
 * The open event streams of the process: who holds them (for the presence list) and how many each
 * map, address and browser holds (for the caps). Joining and leaving report a {@link PresenceChange}
 * only when the visible list changes — a browser's second tab changes nothing — so a class of N
 * costs O(N) messages per arrival, not a full list to every stream.
 */
export class StreamRegistry {
  private readonly maps = new Map<string, Map<string, Browser>>();
  private readonly perMap = new Map<string, number>();
  private readonly perAddress = new Map<string, number>();
  private readonly perClient = new Map<string, number>();
  private total = 0;
  private nextConnection = 0;

  constructor(
    private readonly caps: StreamCaps,
    private readonly onChange: (mapId: string, change: PresenceChange) => void,
  ) {}

  /** Takes a place for a new stream, or names the cap that refuses it (nothing is counted then). */
  admit(mapId: string, owner: StreamOwner): Seat | { refused: StreamRefusal } {
    if (this.total >= this.caps.total) return { refused: 'total' };
    if ((this.perMap.get(mapId) ?? 0) >= this.caps.perMap) return { refused: 'perMap' };
    if (owner.address !== undefined && (this.perAddress.get(owner.address) ?? 0) >= this.caps.perAddress) return { refused: 'perAddress' };
    if (owner.clientId && (this.perClient.get(owner.clientId) ?? 0) >= this.caps.perClient) return { refused: 'perClient' };

    const id = ++this.nextConnection;
    // A stream without a client id is a browser of its own.
    const key = owner.clientId ? `client:${owner.clientId}` : `connection:${id}`;
    this.total++;
    increment(this.perMap, mapId, 1);
    if (owner.address !== undefined) increment(this.perAddress, owner.address, 1);
    if (owner.clientId) increment(this.perClient, owner.clientId, 1);
    this.update(mapId, key, owner.clientId, (tabs) => void tabs.set(id, owner.name));

    let released = false;
    return {
      mapId,
      release: () => {
        if (released) return;
        released = true;
        this.total--;
        increment(this.perMap, mapId, -1);
        if (owner.address !== undefined) increment(this.perAddress, owner.address, -1);
        if (owner.clientId) increment(this.perClient, owner.clientId, -1);
        this.update(mapId, key, owner.clientId, (tabs) => void tabs.delete(id));
      },
    };
  }

  /** Everyone on the map now, one entry per browser (several tabs count once), named ones first. */
  presentOn(mapId: string): PresentPerson[] {
    const people: PresentPerson[] = [];
    for (const browser of this.maps.get(mapId)?.values() ?? []) people.push(personOf(browser));
    return people.sort(byNamedThenName);
  }

  /** How many streams are open: on one map, or in all. */
  count(mapId?: string): number {
    return mapId === undefined ? this.total : (this.perMap.get(mapId) ?? 0);
  }

  /** Changes one browser's tabs on a map and reports the change to the visible list, if any. */
  private update(mapId: string, key: string, clientId: string, change: (tabs: Browser['tabs']) => void): void {
    let browsers = this.maps.get(mapId);
    if (!browsers) this.maps.set(mapId, (browsers = new Map()));
    let browser = browsers.get(key);
    if (!browser) browsers.set(key, (browser = { clientId, tabs: new Map() }));
    const before = browser.tabs.size > 0 ? personOf(browser) : undefined;
    change(browser.tabs);
    const after = browser.tabs.size > 0 ? personOf(browser) : undefined;
    if (browser.tabs.size === 0) browsers.delete(key);
    if (browsers.size === 0) this.maps.delete(mapId);
    if (before && after && before.name === after.name) return;
    if (before) this.onChange(mapId, { type: 'left', person: before });
    if (after) this.onChange(mapId, { type: 'joined', person: after });
  }
}

/** A browser as the list shows it: the name of its first tab that has one (or `''`). */
function personOf({ clientId, tabs }: Browser): PresentPerson {
  for (const name of tabs.values()) if (name) return { name, clientId };
  return { name: '', clientId };
}

function increment(counts: Map<string, number>, key: string, by: number): void {
  const next = (counts.get(key) ?? 0) + by;
  if (next > 0) counts.set(key, next);
  else counts.delete(key);
}

/** The name of the bus signal that carries a map's {@link PresenceChange}s. */
export function presenceSignal(mapId: string): string {
  return `${mapId}#presence`;
}

const REFUSALS: Record<StreamRefusal, { message: string; limit: number }> = {
  total: { message: 'The server has as many live connections open as it can hold.', limit: STREAMS_TOTAL_MAX },
  perMap: { message: 'This map has as many live connections open as it can hold.', limit: STREAMS_PER_MAP_MAX },
  perAddress: { message: 'Your network has as many live connections open as it may.', limit: STREAMS_PER_ADDRESS_MAX },
  perClient: { message: 'This browser has as many live connections open as it may: close some tabs.', limit: STREAMS_PER_CLIENT_MAX },
};

const globalForPresence = globalThis as unknown as { argmapStreams?: StreamRegistry };

/** The process's one registry of open streams, announcing presence changes on the event bus. */
export function streams(): StreamRegistry {
  globalForPresence.argmapStreams ??= new StreamRegistry(
    { perMap: STREAMS_PER_MAP_MAX, perAddress: STREAMS_PER_ADDRESS_MAX, perClient: STREAMS_PER_CLIENT_MAX, total: STREAMS_TOTAL_MAX },
    (mapId, change) => eventBus().emit(presenceSignal(mapId), change),
  );
  return globalForPresence.argmapStreams;
}

/**
 * Takes a place for a new stream on `mapId` (it shows in the presence list from now on), or throws
 * 429 with `Retry-After` naming the cap it would exceed.
 */
export function takeSeat(mapId: string, owner: StreamOwner): Seat {
  const seat = streams().admit(mapId, owner);
  if ('refused' in seat) {
    const { message, limit } = REFUSALS[seat.refused];
    throw new AppError('too_many_requests', `${message} Try again later.`, {
      issues: [{ path: [], message: `At most ${limit} live connections.` }],
      headers: { 'Retry-After': String(STREAM_RETRY_AFTER_SECONDS) },
    });
  }
  return seat;
}

/** Everyone on the map now, one entry per browser (several tabs count once), named ones first. */
export function presentOn(mapId: string): PresentPerson[] {
  return streams().presentOn(mapId);
}
