import { authorize } from '@/lib/db/access';
import { membersOf } from '@/lib/db/classes';
import { handle } from '@/lib/http/errors';

export const dynamic = 'force-dynamic';

// GET /api/maps/[slug]/members — the members, their roles, the invite and the policy (owner only)
export const GET = handle(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  return Response.json(await membersOf(await authorize(request, slug, 'manage')));
});
