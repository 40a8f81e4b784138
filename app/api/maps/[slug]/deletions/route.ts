import { listDeletions } from '@/lib/db/maps';
import { handle } from '@/lib/http/errors';
import { authorize } from '@/lib/db/access';

export const dynamic = 'force-dynamic';

// GET /api/maps/[slug]/deletions — deletes not yet undone, newest first ("Recently deleted")
export const GET = handle(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  await authorize(request, slug, 'view');
  return Response.json({ deletions: await listDeletions(slug) });
});
