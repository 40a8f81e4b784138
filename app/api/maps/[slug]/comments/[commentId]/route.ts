import { deleteComment, editComment } from '@/lib/db/discussion';
import { handle, parseBody } from '@/lib/http/errors';
import { commentUpdateSchema } from '@/lib/validation/discussion';
import { authorize } from '@/lib/db/access';
import { can } from '@/lib/auth/permissions';
import { actingAs } from '@/lib/http/acting-as';

type Context = { params: Promise<{ slug: string; commentId: string }> };

// PATCH /api/maps/[slug]/comments/[commentId] — edit a comment: its writer (this browser), or the map's owner as moderator
export const PATCH = handle(async (request: Request, { params }: Context) => {
  const { slug, commentId } = await params;
  const access = await authorize(request, slug, 'comment');
  const input = await parseBody(request, commentUpdateSchema);
  return Response.json({ comment: await editComment(access.mapId, commentId, input, actingAs(request, access), can(access.role, 'moderate')) });
});

// DELETE /api/maps/[slug]/comments/[commentId] — soft-delete a comment: its writer, or the map's owner as moderator
export const DELETE = handle(async (request: Request, { params }: Context) => {
  const { slug, commentId } = await params;
  const access = await authorize(request, slug, 'comment');
  return Response.json({ deleted: await deleteComment(access.mapId, commentId, actingAs(request, access), can(access.role, 'moderate')) });
});
