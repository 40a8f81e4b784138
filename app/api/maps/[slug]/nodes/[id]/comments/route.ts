import { addComment, listComments } from '@/lib/db/discussion';
import { handle, parseBody } from '@/lib/http/errors';
import { commentCreateSchema } from '@/lib/validation/discussion';
import { authorize, GUEST_NAME, isGuestOnAnonymousMap } from '@/lib/db/access';
import { actingAs } from '@/lib/http/acting-as';
import { namesFor } from '@/lib/db/roster';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ slug: string; id: string }> };

// GET /api/maps/[slug]/nodes/[id]/comments — the node's thread, oldest first, each marked `mine` for the requesting browser
export const GET = handle(async (request: Request, { params }: Context) => {
  const { slug, id } = await params;
  const access = await authorize(request, slug, 'view');
  const [comments, names] = await Promise.all([listComments(access.mapId, id, actingAs(request, access).ownerKey), namesFor(access)]);
  // On an anonymous map, students read each other as "Student N".
  return Response.json({ comments: comments.map((comment) => ({ ...comment, author: names(comment.author) })) });
});

// POST /api/maps/[slug]/nodes/[id]/comments — add a comment, owned by the requesting browser
export const POST = handle(async (request: Request, { params }: Context) => {
  const { slug, id } = await params;
  const access = await authorize(request, slug, 'comment');
  const input = await parseBody(request, commentCreateSchema);
  // Only someone unknown types a name — and not on an anonymous map, where it would tell the class who wrote it.
  const author = isGuestOnAnonymousMap(access) ? GUEST_NAME : access.identity.kind !== 'anonymous' ? undefined : input.author;
  return Response.json({ comment: await addComment(access.mapId, id, { ...input, author }, actingAs(request, access)) }, { status: 201 });
});
