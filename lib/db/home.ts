import 'server-only';
import type { Policy } from '../auth/permissions';
import type { SessionUser } from '../auth/sessions';
import { db } from './client';
import { canRenameOrArchive } from './map-settings';

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
