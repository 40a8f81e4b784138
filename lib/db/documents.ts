import 'server-only';
import { freeSlug, slugify } from '../argument/interchange/map-slug';
import { suggestUnits, type SuggestedUnits } from '../argument/suggest';
import type { SessionUser } from '../auth/sessions';
import { AppError } from '../validation/app-error';
import type { DocumentCreateInput } from '../validation/documents';
import { db, lockSlugChoice } from './client';

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

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === 'P2002';
}
