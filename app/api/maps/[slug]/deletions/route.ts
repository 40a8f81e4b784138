import { listDeletions } from '@/lib/db/deletions';
import { handle } from '@/lib/http/errors';
import { authorize } from '@/lib/db/access';
import { can } from '@/lib/auth/permissions';

export const dynamic = 'force-dynamic';

// GET /api/maps/[slug]/deletions — deletes not yet undone, newest first ("Recently deleted")
export const GET = handle(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const access = await authorize(request, slug, 'view');
  // What moderation removed is listed without its words for everyone but the owner.
  return Response.json({ deletions: await listDeletions(slug, undefined, can(access.role, 'moderate') ? 'moderator' : 'public') });
});
