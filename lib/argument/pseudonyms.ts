/**
 * Anonymity for a class: on a map set anonymous, students see each other as "Student 1",
 * "Student 2", … while the owner sees names. Nothing stored changes — every name is kept as written
 * and replaced only as an answer leaves the server — so turning anonymity off shows the names again.
 *
 * The numbers follow the order people joined (the map's memberships, oldest first), so they are
 * stable for the map: a later joiner never renumbers anyone. A name is replaced wherever a person's
 * name is shown — a point's or comment's `author`, an event's `actor`, a presence entry — by exact
 * match, because every one of those was written from the member's own name (a member's additions
 * are signed with it; see `attributedName`). Two members who joined under the same name (a student
 * who joined again from another browser) share a number: more is hidden, never less.
 */

/** What people who neither signed in nor joined are signed as on an anonymous map, whatever name they type. */
export const GUEST_NAME = 'Guest';

/** How a student appears to classmates on an anonymous map. */
export function studentLabel(n: number): string {
  return `Student ${n}`;
}

/** One membership of the map, oldest first. */
export interface RosterEntry {
  name: string;
  role: string;
}

/**
 * The label of each student's name: every member's name except the owner's (and a name the owner
 * signs with, as owner or under their account's username), numbered from 1 in the order given.
 * Linear in the members.
 *
 * @example pseudonymsOf([{ name: 'Ms Kim', role: 'owner' }, { name: 'Ada', role: 'editor' }, { name: 'Ben', role: 'commenter' }], 'ms_kim')
 *   // Map { 'Ada' => 'Student 1', 'Ben' => 'Student 2' }
 */
export function pseudonymsOf(members: readonly RosterEntry[], ownerName: string | null): Map<string, string> {
  const owners = new Set(members.filter((m) => m.role === 'owner').map((m) => m.name));
  if (ownerName !== null) owners.add(ownerName);
  const labels = new Map<string, string>();
  for (const member of members) {
    if (owners.has(member.name) || labels.has(member.name)) continue;
    labels.set(member.name, studentLabel(labels.size + 1));
  }
  return labels;
}

/** Turns a stored name into the one a viewer is shown. */
export type Namer = (name: string) => string;

/** Names as they were written: the owner's view, and every map that is not anonymous. */
export const SHOW_NAMES: Namer = (name) => name;

/**
 * What `viewerName` is shown of each name: a student's label, except their own name (they know who
 * they are, and their own points say "you" elsewhere). Names of nobody in the class — the essay's
 * analysts, the owner — stay.
 */
export function namerFor(pseudonyms: ReadonlyMap<string, string>, viewerName: string | null): Namer {
  if (pseudonyms.size === 0) return SHOW_NAMES;
  return (name) => (name === viewerName ? name : (pseudonyms.get(name) ?? name));
}

/** Fields of an event's data (and the points and comments inside it) that hold a person's name. */
const NAME_FIELDS: ReadonlySet<string> = new Set(['author', 'actor']);

/**
 * `value` (an event's JSON data: a point, a comment, a deleted subgraph, …) with every name field
 * renamed. Returns the value itself when nothing in it changes, else a copy; never changes it.
 * Linear in the size of the value.
 */
export function renameIn<T>(value: T, namer: Namer): T {
  if (namer === SHOW_NAMES) return value;
  return renamed(value, namer) as T;
}

function renamed(value: unknown, namer: Namer): unknown {
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    value.forEach((item, i) => {
      const next = renamed(item, namer);
      if (next !== item) (copy ??= [...value])[i] = next;
    });
    return copy ?? value;
  }
  if (value === null || typeof value !== 'object') return value;
  let copy: Record<string, unknown> | null = null;
  for (const [key, item] of Object.entries(value)) {
    const next = typeof item === 'string' ? (NAME_FIELDS.has(key) ? namer(item) : item) : renamed(item, namer);
    if (next !== item) (copy ??= { ...(value as Record<string, unknown>) })[key] = next;
  }
  return copy ?? value;
}
