import 'server-only';
import { freeSlug, slugify } from '../argument/interchange/map-slug';
import { suggestUnits, type SuggestedUnits } from '../argument/suggest';
import type { Policy } from '../auth/permissions';
import type { SessionUser } from '../auth/sessions';
import { AppError } from '../validation/app-error';
import type { DocumentCreateInput, MapUpdateInput } from '../validation/documents';
import { assertCan, type Access } from './access';
import { db, lockMapRow, lockSlugChoice } from './client';
import { announce, announceAccessChange } from './event-bus';
import { recordEvent, type Actor } from './events';

/** How often a slug taken by a concurrent create is retried with the next free one. */
const SLUG_RETRIES = 3;

/**
 * `POST /api/documents`: stores the essay exactly as given and makes a new, empty map on it, ready
 * for a thesis. Both get one slug made from the title (`-2`, `-3`, … when taken by a map or a
 * document; never a reserved one such as `new` or `import`). Like an imported map, it is open:
 * anyone with the link may add points. When `user` is signed in, they own the map (and are its
 * owner member, as on a class copy), so only they may rename, archive or change who may edit it.
 */
export async function createDocumentWithMap(
  input: DocumentCreateInput,
  user: SessionUser | null,
): Promise<{ document: { slug: string }; map: { slug: string } }> {
  const client = await db();
  const base = slugify(input.title);
  for (let attempt = 0; ; attempt++) {
    try {
      return await client.$transaction(async (tx) => {
        await lockSlugChoice(tx);
        const [maps, documents] = await Promise.all([
          tx.argumentMap.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } }),
          tx.document.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } }),
        ]);
        const slug = freeSlug(base, new Set([...maps, ...documents].map((row) => row.slug)));
        const document = await tx.document.create({
          data: { slug, title: input.title, author: input.author ?? '', source: input.source ?? '', published: input.published ?? null, text: input.text },
          select: { id: true },
        });
        const map = await tx.argumentMap.create({
          data: { slug, title: input.title, documentId: document.id, ownerId: user?.id ?? null },
          select: { id: true },
        });
        if (user) await tx.membership.create({ data: { mapId: map.id, userId: user.id, name: user.username, role: 'owner' } });
        return { document: { slug }, map: { slug } };
      });
    } catch (error) {
      if (attempt < SLUG_RETRIES && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

/**
 * `GET /api/documents/{slug}/suggestions`: candidate units of the essay ({@link suggestUnits}).
 * A document is as visible as its most visible map: `canView` is asked about its maps' slugs, and
 * an unknown document or one with no map the requester may view is "not found" (404), so the
 * answer never tells whether a private essay exists.
 */
export async function suggestionsFor(slug: string, canView: (mapSlug: string) => Promise<boolean>): Promise<SuggestedUnits> {
  const client = await db();
  const document = await client.document.findUnique({
    where: { slug },
    select: { text: true, maps: { select: { slug: true }, orderBy: { createdAt: 'asc' } } },
  });
  const notFound = new AppError('not_found', `There is no document called "${slug}".`);
  if (!document) throw notFound;
  let visible = false;
  for (const map of document.maps) {
    if (await canView(map.slug)) {
      visible = true;
      break;
    }
  }
  if (!visible) throw notFound;
  return suggestUnits(document.text);
}

/** A map's settings as `PATCH /api/maps/{slug}` answers: its name, whether it is archived, its policy. */
export interface MapSettingsView {
  slug: string;
  title: string;
  archived: boolean;
  /** When it was archived (ISO 8601), or null. */
  archivedAt: string | null;
  policy: Policy;
  /** Students see each other as "Student N"; the owner sees names. */
  anonymous: boolean;
}

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

/** One map as the home page lists it. */
export interface HomeMap {
  slug: string;
  title: string;
  nodeCount: number;
  objectionCount: number;
  /** The latest change to the map or any of its points (ISO 8601). */
  lastActivity: string;
  archived: boolean;
  /** Whether the person looking may rename and archive it (see {@link canRenameOrArchive}). */
  canManage: boolean;
}

/** One document on the home page with the maps made of it that the person may see. */
export interface HomeDocument {
  slug: string;
  title: string;
  author: string;
  source: string;
  /** Words in the essay (0 for an imported map, which has no essay). */
  words: number;
  maps: HomeMap[];
}

/**
 * The home page's list: documents with their maps — public maps, and members-only maps only to
 * their owner and members — newest activity first, split into active and archived maps. A
 * document appears in a list when at least one of its maps does.
 */
export async function listDocumentsForHome(viewer: SessionUser | null): Promise<{ active: HomeDocument[]; archived: HomeDocument[] }> {
  const client = await db();
  const maps = await client.argumentMap.findMany({
    where: {
      OR: [{ policy: { not: 'invite' } }, ...(viewer ? [{ ownerId: viewer.id }, { members: { some: { userId: viewer.id, removedAt: null } } }] : [])],
    },
    select: {
      slug: true,
      title: true,
      policy: true,
      ownerId: true,
      archivedAt: true,
      createdAt: true,
      updatedAt: true,
      document: { select: { slug: true, title: true, author: true, source: true, published: true, text: true } },
      nodes: { where: { deletedAt: null }, select: { kind: true, updatedAt: true } },
    },
    orderBy: { createdAt: 'asc' },
  });
  const group = (archived: boolean): HomeDocument[] => {
    const documents = new Map<string, HomeDocument & { latest: string }>();
    for (const m of maps) {
      if ((m.archivedAt !== null) !== archived) continue;
      const lastActivity = m.nodes.reduce((latest, n) => (n.updatedAt > latest ? n.updatedAt : latest), m.updatedAt).toISOString();
      const isOwner = !!viewer && m.ownerId === viewer.id;
      const role = isOwner ? 'owner' : m.policy === 'open' ? 'editor' : null;
      const entry: HomeMap = {
        slug: m.slug,
        title: m.title,
        nodeCount: m.nodes.length,
        objectionCount: m.nodes.filter((n) => n.kind === 'objection').length,
        lastActivity,
        archived: m.archivedAt !== null,
        canManage: canRenameOrArchive({ role, policy: m.policy as Policy }, m.ownerId !== null),
      };
      const document = documents.get(m.document.slug);
      if (document) {
        document.maps.push(entry);
        if (lastActivity > document.latest) document.latest = lastActivity;
      } else {
        const { text, ...rest } = m.document;
        documents.set(m.document.slug, { ...rest, words: text.trim() ? text.trim().split(/\s+/).length : 0, maps: [entry], latest: lastActivity });
      }
    }
    return [...documents.values()]
      .sort((a, b) => b.latest.localeCompare(a.latest))
      .map(({ latest: _latest, ...document }) => {
        void _latest;
        return { ...document, maps: document.maps.sort((a, b) => b.lastActivity.localeCompare(a.lastActivity)) };
      });
  };
  return { active: group(false), archived: group(true) };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === 'P2002';
}
