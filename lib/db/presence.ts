import 'server-only';
import { eventBus } from './events';

/** One open live connection to a map: whose it is. */
interface Presence {
  name: string;
  clientId: string;
}

/** Who is looking at a map now, as the presence list shows it: one entry per browser. */
export interface PresentPerson {
  name: string;
  clientId: string;
}

const globalForPresence = globalThis as unknown as { argmapPresence?: Map<string, Map<number, Presence>> };
let nextConnection = 0;

function connectionsOf(mapId: string): Map<number, Presence> {
  globalForPresence.argmapPresence ??= new Map();
  let connections = globalForPresence.argmapPresence.get(mapId);
  if (!connections) {
    connections = new Map();
    globalForPresence.argmapPresence.set(mapId, connections);
  }
  return connections;
}

/** The name of the bus signal that fires when a map's presence list changes. */
export function presenceSignal(mapId: string): string {
  return `${mapId}#presence`;
}

/** Registers an open stream; returns the function that unregisters it. Both announce the change. */
export function join(mapId: string, who: Presence): () => void {
  const id = ++nextConnection;
  connectionsOf(mapId).set(id, who);
  eventBus().emit(presenceSignal(mapId));
  return () => {
    if (connectionsOf(mapId).delete(id)) eventBus().emit(presenceSignal(mapId));
  };
}

/** Everyone on the map now, one entry per browser (several tabs count once), named ones first. */
export function presentOn(mapId: string): PresentPerson[] {
  const byClient = new Map<string, PresentPerson>();
  for (const p of connectionsOf(mapId).values()) {
    const key = p.clientId || `anon-${byClient.size}`;
    const known = byClient.get(key);
    if (!known || (!known.name && p.name)) byClient.set(key, { name: p.name, clientId: p.clientId });
  }
  return [...byClient.values()].sort((a, b) => (a.name ? 0 : 1) - (b.name ? 0 : 1) || a.name.localeCompare(b.name));
}
