import 'server-only';
import { AppError } from '../validation/app-error';
import { byNamedThenName, type PresenceChange, type PresentPerson } from '../protocol/presence-protocol';
import { eventBus, INSTANCE_ID, sendPresence, wirePresence } from './event-bus';
import { SharedPresence } from './shared-presence';

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
  /** The client's address as the rate limits see it (`clientAddress`); undefined when it is not known. */
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
    private readonly onChange: (mapId: string, change: PresenceChange, browser: string) => void,
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
    if (before) this.onChange(mapId, { type: 'left', person: before }, key);
    if (after) this.onChange(mapId, { type: 'joined', person: after }, key);
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

const globalForPresence = globalThis as unknown as {
  argmapStreams?: StreamRegistry;
  argmapSharedPresence?: SharedPresence;
  argmapSharingPresence?: boolean;
};

/** Everyone on every map, this instance's streams and (PostgreSQL) the other instances' as they told us. */
function shared(): SharedPresence {
  return (globalForPresence.argmapSharedPresence ??= new SharedPresence());
}

/** A browser's key among all instances: its client id, or this instance's stream for one without. */
function sharedKey(browser: string): string {
  return browser.startsWith('client:') ? browser : `${INSTANCE_ID}:${browser}`;
}

/** Raises changes to a map's merged list on this instance's bus, for its streams. */
function raise(mapId: string, changes: PresenceChange[]): void {
  for (const change of changes) eventBus().emit(presenceSignal(mapId), change);
}

/**
 * The process's one registry of open streams. A change to who is on a map goes into the list all
 * instances share (./shared-presence.ts), to this instance's streams when the shared list changes,
 * and (PostgreSQL) to the other instances.
 */
export function streams(): StreamRegistry {
  globalForPresence.argmapStreams ??= new StreamRegistry(
    { perMap: STREAMS_PER_MAP_MAX, perAddress: STREAMS_PER_ADDRESS_MAX, perClient: STREAMS_PER_CLIENT_MAX, total: STREAMS_TOTAL_MAX },
    (mapId, change, browser) => {
      const key = sharedKey(browser);
      raise(mapId, shared().apply(INSTANCE_ID, mapId, key, change));
      sendPresence({ t: change.type, m: mapId, k: key, p: change.person });
    },
  );
  return globalForPresence.argmapStreams;
}

/** How often an instance tells the others it is alive, in ms. */
export const PRESENCE_ALIVE_MS = 10_000;
/** How long an instance may stay silent before the others take its people off their lists, in ms. */
export const PRESENCE_SILENCE_MS = 3 * PRESENCE_ALIVE_MS;

/**
 * Several instances on PostgreSQL (called once at start, from instrumentation.ts): hears the other
 * instances' presence messages — a browser `joined` or `left` a map there, `hello` from one that
 * (re)started listening and wants everyone's list, `alive` — and says its own. An instance not heard
 * from for {@link PRESENCE_SILENCE_MS} (killed, cut off) is taken off every list.
 */
export function shareDatabasePresence(): void {
  if (globalForPresence.argmapSharingPresence) return;
  globalForPresence.argmapSharingPresence = true;
  const heard = new Map<string, number>();
  const forget = (instance: string) => {
    heard.delete(instance);
    for (const { mapId, change } of shared().dropInstance(instance)) raise(mapId, [change]);
  };
  const tellEverything = () => {
    for (const { mapId, key, person } of shared().listedBy(INSTANCE_ID)) sendPresence({ t: 'joined', m: mapId, k: key, p: person });
  };
  wirePresence(
    (message) => {
      // An instance not heard from before (new, or forgotten after a silence): ask everyone for their lists.
      const stranger = !heard.has(message.i);
      heard.set(message.i, Date.now());
      if (message.t === 'hello') return tellEverything();
      if (stranger) sendPresence({ t: 'hello' });
      if (message.t !== 'joined' && message.t !== 'left') return;
      const { m: mapId, k: key, p: person } = message as { m?: unknown; k?: unknown; p?: Partial<PresentPerson> };
      if (typeof mapId !== 'string' || typeof key !== 'string' || typeof person?.name !== 'string' || typeof person.clientId !== 'string') return;
      raise(mapId, shared().apply(message.i, mapId, key, { type: message.t, person: { name: person.name, clientId: person.clientId } }));
    },
    () => {
      // (Re)listening: what was said meanwhile is lost, so the others' lists are asked for afresh.
      for (const instance of [...heard.keys()]) forget(instance);
      sendPresence({ t: 'hello' });
      tellEverything();
    },
  );
  setInterval(() => {
    sendPresence({ t: 'alive' });
    const now = Date.now();
    for (const [instance, at] of [...heard]) if (now - at >= PRESENCE_SILENCE_MS) forget(instance);
  }, PRESENCE_ALIVE_MS).unref();
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
  return shared().presentOn(mapId);
}
