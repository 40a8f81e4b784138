import 'server-only';
import { namerFor, pseudonymsOf, SHOW_NAMES, type Namer, type RosterEntry } from '../argument/pseudonyms';
import type { Access } from './access';
import { sqlRead } from './client';

/**
 * Whether a map is anonymous and, if so, the label of each student's name (see
 * lib/argument/pseudonyms.ts). `version` changes whenever what a viewer is shown could: anonymity
 * turned on or off, someone joining.
 */
export interface Roster {
  anonymous: boolean;
  pseudonyms: ReadonlyMap<string, string>;
  /** The owner's username (their name as shown to all); null when not anonymous or nobody owns the map. */
  ownerName: string | null;
  version: string;
}

const NOT_ANONYMOUS: Roster = { anonymous: false, pseudonyms: new Map(), ownerName: null, version: 'names' };

/**
 * Whether `roster` already knows how to show `name`: always on a map that is not anonymous; on an
 * anonymous one, a member's name, the owner's, or none at all. A name it does not know is someone
 * who joined since it was read.
 */
export function knowsName(roster: Roster, name: string): boolean {
  return !roster.anonymous || name === '' || name === roster.ownerName || roster.pseudonyms.has(name);
}

/** How many maps' rosters are kept in memory (the most recently read). */
const ROSTERS_MAX = 64;
const globalForRosters = globalThis as unknown as { argmapRosters?: Map<string, Roster> };
const rosters = (globalForRosters.argmapRosters ??= new Map<string, Roster>());

/**
 * The map's {@link Roster}, as of now. One prepared statement reads the setting (on a map that is
 * not anonymous, that is all); a second decides whether the kept roster still holds (the owner and
 * how many have ever joined — memberships are never deleted, so a join always changes the count);
 * only when it does not are the members read, once, in the order they joined.
 * It reads the database itself rather than trusting an in-process signal, so every app instance on
 * one database agrees.
 */
export async function rosterOf(mapId: string): Promise<Roster> {
  return sqlRead(async (sql) => {
    // Most maps are not anonymous: one row tells, and nothing is counted.
    const flag = await sql.one<{ anonymous: number | boolean }>('SELECT "anonymous" FROM "ArgumentMap" WHERE "id" = ?', mapId);
    if (!flag || !flag.anonymous) return NOT_ANONYMOUS;
    const map = (await sql.one<{ ownerName: string | null; members: number }>(
      `SELECT u."username" AS "ownerName", (SELECT COUNT(*) FROM "Membership" WHERE "mapId" = m."id") AS "members" FROM "ArgumentMap" m LEFT JOIN "User" u ON u."id" = m."ownerId" WHERE m."id" = ?`,
      mapId,
    ))!;
    const version = `${map.members}:${map.ownerName ?? ''}`;
    const kept = rosters.get(mapId);
    if (kept && kept.version === version) return kept;
    const members = await sql.all<RosterEntry>('SELECT "name", "role" FROM "Membership" WHERE "mapId" = ? ORDER BY "createdAt", "id"', mapId);
    const roster: Roster = { anonymous: true, pseudonyms: pseudonymsOf(members, map.ownerName), ownerName: map.ownerName, version };
    rosters.delete(mapId);
    rosters.set(mapId, roster);
    if (rosters.size > ROSTERS_MAX) rosters.delete(rosters.keys().next().value!);
    return roster;
  });
}

/** The name the viewer signs with, if any (what they are shown of themselves). */
function ownName(access: Pick<Access, 'identity'>): string | null {
  return access.identity.kind === 'anonymous' ? null : access.identity.name;
}

/**
 * How the viewer of `access` is shown names on a map with `roster`: the owner sees them as
 * written; everyone else on an anonymous map sees students as "Student N", themselves by name.
 */
export function namerOf(roster: Roster, access: Pick<Access, 'role' | 'identity'>): Namer {
  if (!roster.anonymous || access.role === 'owner') return SHOW_NAMES;
  return namerFor(roster.pseudonyms, ownName(access));
}

/** {@link namerOf} with the map's roster read now. */
export async function namesFor(access: Pick<Access, 'mapId' | 'role' | 'identity'>): Promise<Namer> {
  return namerOf(await rosterOf(access.mapId), access);
}

/** How classmates see the viewer on an anonymous map ("Student 3"); null when they see the name, or it is the owner. */
export function aliasOf(roster: Roster, access: Pick<Access, 'role' | 'identity'>): string | null {
  const name = ownName(access);
  if (!roster.anonymous || access.role === 'owner' || name === null) return null;
  return roster.pseudonyms.get(name) ?? null;
}
