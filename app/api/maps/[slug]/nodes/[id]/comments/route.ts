import { addComment, listComments } from '@/lib/db/discussion';
import { handle, parseBody } from '@/lib/http/errors';
import { commentCreateSchema } from '@/lib/validation/discussion';
import { authorize } from '@/lib/db/access';
import { actingAs } from '@/lib/db/access';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ slug: string; id: string }> };

// GET /api/maps/[slug]/nodes/[id]/comments — the node's thread, oldest first, each marked `mine` for the requesting browser
export const GET = handle(async (request: Request, { params }: Context) => {
  const { slug, id } = await params;
  const access = await authorize(request, slug, 'view');
  return Response.json({ comments: await listComments(slug, id, actingAs(request, access).ownerKey) });
});

// POST /api/maps/[slug]/nodes/[id]/comments — add a comment, owned by the requesting browser
export const POST = handle(async (request: Request, { params }: Context) => {
  const { slug, id } = await params;
  const access = await authorize(request, slug, 'comment');
  const input = await parseBody(request, commentCreateSchema);
  return Response.json({ comment: await addComment(slug, id, { ...input, author: access.identity.kind === 'anonymous' ? input.author : undefined }, actingAs(request, access)) }, { status: 201 });
});
