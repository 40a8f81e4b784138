import { resolveAccess } from '@/lib/db/access';
import { suggestionsFor } from '@/lib/db/documents';
import { can } from '@/lib/auth/permissions';
import { AppError, handle } from '@/lib/http/errors';
import { documentSlugSchema } from '@/lib/validation/documents';

export const dynamic = 'force-dynamic';

// GET /api/documents/[slug]/suggestions — candidate thesis, claims, premises and evidence of the essay, each with its reason: { suggestions: [{ start, end, kind, reason }], truncated }
export const GET = handle(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  if (!documentSlugSchema.safeParse(slug).success) throw new AppError('not_found', `There is no document called "${slug}".`);
  const suggestions = await suggestionsFor(slug, async (mapSlug) => can((await resolveAccess(request, mapSlug)).role, 'view'));
  return Response.json(suggestions);
});
