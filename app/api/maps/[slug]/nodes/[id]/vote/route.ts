import { castVote, voteSummary } from '@/lib/db/discussion';
import { handle, parseBody } from '@/lib/http/errors';
import { voteSchema } from '@/lib/validation/discussion';
import { authorize } from '@/lib/db/access';
import { actingAs } from '@/lib/db/access';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ slug: string; id: string }> };

// GET /api/maps/[slug]/nodes/[id]/vote — the node's crowd rating and the requesting browser's own vote
export const GET = handle(async (request: Request, { params }: Context) => {
  const { slug, id } = await params;
  const access = await authorize(request, slug, 'view');
  return Response.json(await voteSummary(slug, id, actingAs(request, access).ownerKey));
});

// PUT /api/maps/[slug]/nodes/[id]/vote — rate the node 0–4 (one vote per browser; null withdraws it)
export const PUT = handle(async (request: Request, { params }: Context) => {
  const { slug, id } = await params;
  const access = await authorize(request, slug, 'comment');
  const { value } = await parseBody(request, voteSchema);
  return Response.json(await castVote(slug, id, value, actingAs(request, access)));
});
