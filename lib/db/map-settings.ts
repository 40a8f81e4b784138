import 'server-only';
import type { MapSettings } from '../protocol/answers';
import { canRenameOrArchive, decideMapSettings, type MapSettingsFacts } from '../argument/map-settings';
import type { Policy } from '../auth/permissions';
import type { MapUpdateInput } from '../validation/documents';
import type { Access } from './access';
import { mapTransaction } from './client';
import { announce, announceAccessChange } from './event-bus';
import { recordEventIn, type Actor } from './events';
import { allowed } from './graph-edits';
import { dateOf } from './sql';

export type MapSettingsView = MapSettings;

/** Whether `access` may rename, archive and restore the map (lib/argument/map-settings.ts). */
export { canRenameOrArchive };

/**
 * `PATCH /api/maps/{slug}`: renames the map, archives or restores it, and (owner only) sets its
 * policy and whether it is anonymous for its class — all in one transaction, as `decideMapSettings`
 * (lib/argument/map-settings.ts) decides on the map's row read under its lock. A rename, archive or
 * change of anonymity is written to the event log as `map.updated` (`{ map: { title, archived,
 * anonymous }, before: { title, archived, anonymous } }`) so history shows who did it; a policy or
 * anonymity change makes open streams check their access again (and so name people anew). Refuses
 * (401/403) a change the person may not make, before writing anything.
 */
export async function updateMapSettings(access: Access, input: MapUpdateInput, actor: Actor): Promise<MapSettingsView> {
  const { slug, after } = await mapTransaction(access.mapId, async (sql) => {
    const row = await sql.one<{ slug: string; ownerId: string | null; title: string; archivedAt: unknown; policy: string; anonymous: boolean | number }>(
      'SELECT "slug", "ownerId", "title", "archivedAt", "policy", "anonymous" FROM "ArgumentMap" WHERE "id" = ?',
      access.mapId,
    );
    const map: MapSettingsFacts | undefined = row && {
      title: row.title,
      archivedAt: row.archivedAt === null || row.archivedAt === undefined ? null : dateOf(row.archivedAt),
      policy: row.policy as Policy,
      anonymous: Boolean(row.anonymous),
      hasOwner: row.ownerId !== null,
    };
    const now = new Date();
    const plan = allowed(decideMapSettings(input, map, access, now), access);
    const { after } = plan;
    // Written even when nothing changes, as before: the map's `updatedAt` marks the request.
    await sql.run(
      'UPDATE "ArgumentMap" SET "title" = ?, "archivedAt" = ?, "policy" = ?, "anonymous" = ?, "updatedAt" = ? WHERE "id" = ?',
      after.title,
      after.archivedAt,
      after.policy,
      after.anonymous,
      now,
      access.mapId,
    );
    if (plan.event) await recordEventIn(sql, access.mapId, 'map.updated', actor, plan.event, now);
    return { slug: row!.slug, after };
  });
  announce(access.mapId);
  if (input.policy !== undefined || input.anonymous !== undefined) announceAccessChange(access.mapId);
  return {
    slug,
    title: after.title,
    archived: after.archivedAt !== null,
    archivedAt: after.archivedAt?.toISOString() ?? null,
    policy: after.policy,
    anonymous: after.anonymous,
  };
}
