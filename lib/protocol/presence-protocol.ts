/**
 * The presence part of the events stream, shared by the server (lib/db/presence.ts) and the browser
 * (use-live-updates.ts): `event: presence` carries the whole list once, when the stream opens;
 * `event: presence-joined` / `presence-left` carry one {@link PresentPerson} each time the list
 * changes after that. No React, no Node.
 */

/** Who is looking at a map now, as the presence list shows it: one entry per browser. */
export interface PresentPerson {
  name: string;
  /** The browser's public id; `''` for a stream opened without one (each such stream is its own entry). */
  clientId: string;
}

/** A change to a map's presence list: someone appeared, or someone's last tab closed. */
export interface PresenceChange {
  type: 'joined' | 'left';
  person: PresentPerson;
}

/** The presence list's order: named people first, then by name. */
export function byNamedThenName(a: PresentPerson, b: PresentPerson): number {
  return (a.name ? 0 : 1) - (b.name ? 0 : 1) || a.name.localeCompare(b.name);
}

/**
 * The list after one change: `joined` adds the person, `left` removes one entry equal to it (name
 * and client id; entries without a client id are interchangeable). Returns a new list, in order.
 *
 * @example
 * applyPresenceChange([{ name: 'Ana', clientId: 'a' }], { type: 'joined', person: { name: 'Ben', clientId: 'b' } })
 * // → [{ name: 'Ana', clientId: 'a' }, { name: 'Ben', clientId: 'b' }]
 */
export function applyPresenceChange(list: readonly PresentPerson[], { type, person }: PresenceChange): PresentPerson[] {
  if (type === 'joined') return [...list, { name: person.name, clientId: person.clientId }].sort(byNamedThenName);
  const index = list.findIndex((p) => p.clientId === person.clientId && p.name === person.name);
  return index < 0 ? [...list] : [...list.slice(0, index), ...list.slice(index + 1)];
}
