import { authorizeProgress, progressOf } from '@/lib/db/progress';
import { handle } from '@/lib/http/errors';

export const dynamic = 'force-dynamic';

// GET /api/maps/[slug]/progress — the tasks and each student's progress and reasoning (owner: the class; a member: their own)
export const GET = handle(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  return Response.json(await progressOf(await authorizeProgress(request, slug)), { headers: { 'cache-control': 'no-store' } });
});
