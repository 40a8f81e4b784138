import 'server-only';
import type { MapSettings } from '../protocol/answers';
import type { Policy } from '../auth/permissions';
import { AppError } from '../validation/app-error';
import type { MapUpdateInput } from '../validation/documents';
import { assertCan, type Access } from './access';
import { db, lockMapRow } from './client';
import { announce, announceAccessChange } from './event-bus';
import { recordEvent, type Actor } from './events';

export type MapSettingsView = MapSettings;

/**
 * Whether `access` may rename, archive and restore the map: its owner when it has one; on an
 * ownerless open map (the demo map, imports and maps made without signing in) anyone who may edit.
 */
export function canRenameOrArchive(access: Pick<Access, 'role' | 'policy'>, hasOwner: boolean): boolean {
  if (hasOwner || access.policy !== 'open') return access.role === 'owner';
  return access.role === 'editor' || access.role === 'owner';
}

/**
 * `PATCH /api/maps/{slug}`: renames the map, archives or restores it, and (owner only) sets its
 * policy and whether it is anonymous for its class — all in one transaction. A rename, archive or
 * change of anonymity is written to the event log as `map.updated` (`{ map: { title, archived,
 * anonymous }, before: { title, archived, anonymous } }`) so history shows who did it; a policy or
 * anonymity change makes open streams check their access again (and so name people anew). Refuses
 * (401/403) a change the person may not make, before writing anything.
 */
export async function updateMapSettings(access: Access, input: MapUpdateInput, actor: Actor): Promise<MapSettingsView> {
  const client = await db();
  const map = await client.argumentMap.findUnique({ where: { id: access.mapId }, select: { ownerId: true } });
  if (!map) throw new AppError('not_found', 'There is no such map.');
  if (input.policy !== undefined || input.anonymous !== undefined) assertCan(access, 'manage');
  if ((input.title !== undefined || input.archived !== undefined) && !canRenameOrArchive(access, map.ownerId !== null)) {
    assertCan(access, 'manage');
  }
  const select = { slug: true, title: true, archivedAt: true, policy: true, anonymous: true } as const;
  const row = await client.$transaction(async (tx) => {
    await lockMapRow(tx, access.mapId);
    const before = await tx.argumentMap.findUniqueOrThrow({ where: { id: access.mapId }, select });
    const archivedAt = input.archived === undefined ? before.archivedAt : input.archived ? (before.archivedAt ?? new Date()) : null;
    const after = await tx.argumentMap.update({
      where: { id: access.mapId },
      data: { title: input.title ?? before.title, archivedAt, policy: input.policy ?? before.policy, anonymous: input.anonymous ?? before.anonymous },
      select,
    });
    if (after.title !== before.title || (after.archivedAt === null) !== (before.archivedAt === null) || after.anonymous !== before.anonymous) {
      await recordEvent(tx, access.mapId, 'map.updated', actor, {
        map: { title: after.title, archived: after.archivedAt !== null, anonymous: after.anonymous },
        before: { title: before.title, archived: before.archivedAt !== null, anonymous: before.anonymous },
      });
    }
    return after;
  });
  announce(access.mapId);
  if (input.policy !== undefined || input.anonymous !== undefined) announceAccessChange(access.mapId);
  return {
    slug: row.slug,
    title: row.title,
    archived: row.archivedAt !== null,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    policy: row.policy as Policy,
    anonymous: row.anonymous,
  };
}
