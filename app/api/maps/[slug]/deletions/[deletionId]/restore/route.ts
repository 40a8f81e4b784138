import { restoreDeletion } from '@/lib/db/maps';
import { actorFrom } from '@/lib/http/actor';
import { handle } from '@/lib/http/errors';
import { resolveAccess } from '@/lib/db/access';

// POST /api/maps/[slug]/deletions/[deletionId]/restore — undo one delete
export const POST = handle(async (request: Request, { params }: { params: Promise<{ slug: string; deletionId: string }> }) => {
  const { slug, deletionId } = await params;
  return Response.json(await restoreDeletion(slug, deletionId, actorFrom(request), await resolveAccess(request, slug)));
});
