import { can, type Policy, type Role } from '../auth/permissions';
import type { MapEventData } from './map-events';
import { refused, type Checked } from './person';

/**
 * The rules for a map's settings (`PATCH /api/maps/{slug}`): renaming it, archiving and restoring it,
 * and (owner only) setting its policy and whether it is anonymous for its class — decided from the
 * map's row read under its lock. Pure: table-tested without a database (`__tests__/map-settings.test.ts`).
 */

/** Who asks: their role on the map and the map's policy as their access was resolved. */
export interface SettingsAsker {
  role: Role | null;
  policy: Policy;
}

/**
 * Whether `who` may rename, archive and restore the map: its owner when it has one; on an ownerless
 * open map (the demo map, imports and maps made without signing in) anyone who may edit.
 */
export function canRenameOrArchive(who: SettingsAsker, hasOwner: boolean): boolean {
  if (hasOwner || who.policy !== 'open') return who.role === 'owner';
  return who.role === 'editor' || who.role === 'owner';
}

/** What a request to change the settings asks for (the body, already past its schema). */
export interface MapSettingsRequest {
  title?: string;
  archived?: boolean;
  policy?: Policy;
  anonymous?: boolean;
}

/** The settings of a map as its row holds them. */
export interface MapSettingsState {
  title: string;
  /** When it was archived; null = active. */
  archivedAt: Date | null;
  policy: Policy;
  anonymous: boolean;
}

/** The map as the rules see it. */
export interface MapSettingsFacts extends MapSettingsState {
  hasOwner: boolean;
}

export interface MapSettingsPlan {
  /** The settings as the request leaves them: what is written and answered. */
  after: MapSettingsState;
  /** The `map.updated` event when the title, archived state or anonymity changed; null otherwise (a policy alone is not logged). */
  event: MapEventData['map.updated'] | null;
}

/**
 * The settings after the request, and the event that logs them — or why not, in this order: there is
 * no such map (404); a policy or anonymity change by anyone but someone who manages the map; a rename,
 * archive or restore by someone who may not ({@link canRenameOrArchive}) nor manage it. Archiving an
 * archived map keeps when it was archived; `now` is when a newly archived one was.
 */
export function decideMapSettings(request: MapSettingsRequest, map: MapSettingsFacts | undefined, who: SettingsAsker, now: Date): Checked<MapSettingsPlan> {
  if (!map) return refused('not_found', 'There is no such map.');
  const manageStop = can(who.role, 'manage') ? null : { ok: false as const, lacks: 'manage' as const };
  if ((request.policy !== undefined || request.anonymous !== undefined) && manageStop) return manageStop;
  if ((request.title !== undefined || request.archived !== undefined) && !canRenameOrArchive(who, map.hasOwner) && manageStop) return manageStop;
  const archivedAt = request.archived === undefined ? map.archivedAt : request.archived ? (map.archivedAt ?? now) : null;
  const after: MapSettingsState = {
    title: request.title ?? map.title,
    archivedAt,
    policy: request.policy ?? map.policy,
    anonymous: request.anonymous ?? map.anonymous,
  };
  const logged = (s: MapSettingsState) => ({ title: s.title, archived: s.archivedAt !== null, anonymous: s.anonymous });
  const changed = after.title !== map.title || (after.archivedAt === null) !== (map.archivedAt === null) || after.anonymous !== map.anonymous;
  return { ok: true, value: { after, event: changed ? { map: logged(after), before: logged(map) } : null } };
}
