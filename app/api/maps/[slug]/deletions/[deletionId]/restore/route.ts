import { restoreDeletion } from '@/lib/db/deletions';
import { handle } from '@/lib/http/errors';
import { authorize } from '@/lib/db/access';
import { actingAs } from '@/lib/http/acting-as';

// POST /api/maps/[slug]/deletions/[deletionId]/restore — undo one delete
export const POST = handle(async (request: Request, { params }: { params: Promise<{ slug: string; deletionId: string }> }) => {
  const { slug, deletionId } = await params;
  const access = await authorize(request, slug, 'restore-own');
  return Response.json(await restoreDeletion(slug, deletionId, actingAs(request, access), access));
});
