import { byNamedThenName, type PresenceChange, type PresentPerson } from '../protocol/presence-protocol';

/**
 * Who is on each map across every app instance (PostgreSQL, several instances): each instance
 * counts its own streams (./presence.ts) and tells the others when a browser appears on or leaves a
 * map's list; this merges what it hears with its own. A browser is one entry however many
 * instances its tabs reach (keyed by its client id); a stream without one is an entry of its own.
 * No I/O: ./presence.ts sends and receives the messages. On one instance it holds only its own.
 */
export class SharedPresence {
  /** map → browser key → instance → the person as that instance lists them. */
  private readonly maps = new Map<string, Map<string, Map<string, PresentPerson>>>();

  /**
   * One instance's change to one browser on one map. Answers the change to the merged list, if any:
   * a browser already listed by another instance neither joins nor leaves again.
   */
  apply(instance: string, mapId: string, key: string, change: PresenceChange): PresenceChange[] {
    let browsers = this.maps.get(mapId);
    if (!browsers) this.maps.set(mapId, (browsers = new Map()));
    let where = browsers.get(key);
    if (!where) browsers.set(key, (where = new Map()));
    const before = shownOf(where);
    if (change.type === 'joined') where.set(instance, change.person);
    else where.delete(instance);
    const after = shownOf(where);
    if (where.size === 0) browsers.delete(key);
    if (browsers.size === 0) this.maps.delete(mapId);
    return diff(before, after);
  }

  /** Forgets an instance that stopped (or was not heard from): its browsers leave unless another instance lists them. */
  dropInstance(instance: string): { mapId: string; change: PresenceChange }[] {
    const changes: { mapId: string; change: PresenceChange }[] = [];
    for (const [mapId, browsers] of [...this.maps]) {
      for (const [key, where] of [...browsers]) {
        const person = where.get(instance);
        if (person) for (const change of this.apply(instance, mapId, key, { type: 'left', person })) changes.push({ mapId, change });
      }
    }
    return changes;
  }

  /** What one instance lists now, per map (to tell an instance that just started). */
  listedBy(instance: string): { mapId: string; key: string; person: PresentPerson }[] {
    const listed: { mapId: string; key: string; person: PresentPerson }[] = [];
    for (const [mapId, browsers] of this.maps) {
      for (const [key, where] of browsers) {
        const person = where.get(instance);
        if (person) listed.push({ mapId, key, person });
      }
    }
    return listed;
  }

  /** Everyone on the map on any instance, one entry per browser, named ones first. */
  presentOn(mapId: string): PresentPerson[] {
    const people: PresentPerson[] = [];
    for (const where of this.maps.get(mapId)?.values() ?? []) people.push(shownOf(where)!);
    return people.sort(byNamedThenName);
  }
}

/** How a browser is listed: as the first instance that lists it with a name has it (else the first). */
function shownOf(where: Map<string, PresentPerson>): PresentPerson | undefined {
  let first: PresentPerson | undefined;
  for (const person of where.values()) {
    if (person.name) return person;
    first ??= person;
  }
  return first;
}

function diff(before: PresentPerson | undefined, after: PresentPerson | undefined): PresenceChange[] {
  if (before && after && before.name === after.name && before.clientId === after.clientId) return [];
  const changes: PresenceChange[] = [];
  if (before) changes.push({ type: 'left', person: before });
  if (after) changes.push({ type: 'joined', person: after });
  return changes;
}
