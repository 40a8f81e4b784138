import { deleteComment, editComment } from '@/lib/db/discussion';
import { actorFrom } from '@/lib/http/actor';
import { handle, parseBody } from '@/lib/http/errors';
import { commentUpdateSchema } from '@/lib/validation/discussion';

type Context = { params: Promise<{ slug: string; commentId: string }> };

// PATCH /api/maps/[slug]/comments/[commentId] — edit the text of a comment this browser wrote (403 for anyone else's)
export const PATCH = handle(async (request: Request, { params }: Context) => {
  const { slug, commentId } = await params;
  const input = await parseBody(request, commentUpdateSchema);
  return Response.json({ comment: await editComment(slug, commentId, input, actorFrom(request)) });
});

// DELETE /api/maps/[slug]/comments/[commentId] — soft-delete a comment this browser wrote (403 for anyone else's)
export const DELETE = handle(async (request: Request, { params }: Context) => {
  const { slug, commentId } = await params;
  return Response.json({ deleted: await deleteComment(slug, commentId, actorFrom(request)) });
});
