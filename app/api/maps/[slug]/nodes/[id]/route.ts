import { deleteNode, updateNode } from '@/lib/db/graph-edits';
import { handle, parseBody } from '@/lib/http/errors';
import { nodeUpdateSchema } from '@/lib/validation/node';
import { assertCan, resolveAccess } from '@/lib/db/access';
import { authorize } from '@/lib/db/access';
import { actingAs } from '@/lib/http/acting-as';
import { namesFor } from '@/lib/db/roster';
import { renameIn } from '@/lib/argument/pseudonyms';
import { AppError } from '@/lib/http/errors';

type Context = { params: Promise<{ slug: string; id: string }> };

// PATCH /api/maps/[slug]/nodes/[id] — edit the text (with the version it was based on) or save the position
export const PATCH = handle(async (request: Request, { params }: Context) => {
  const { slug, id } = await params;
  const access = await resolveAccess(request, slug);
  assertCan(access, 'view');
  const input = await parseBody(request, nodeUpdateSchema);
  // Moving is for any editor; rewording checks whose point it is (inside, with the node at hand).
  if (input.text === undefined) assertCan(access, 'arrange');
  const names = await namesFor(access);
  try {
    const node = await updateNode(slug, id, input, actingAs(request, access), access);
    // A classmate's point (on an open map anyone may move or edit it) keeps its maker's name hidden on an anonymous map.
    return Response.json({ node: { ...node, author: names(node.author) } });
  } catch (error) {
    // So does the point a 409 hands back as it is now.
    if (error instanceof AppError)
      throw new AppError(error.code, error.message, { issues: error.issues, headers: error.headers, extra: renameIn(error.extra, names) });
    throw error;
  }
});

// DELETE /api/maps/[slug]/nodes/[id] — soft-delete the node and its dependents; undo with the deletion id
export const DELETE = handle(async (request: Request, { params }: Context) => {
  const { slug, id } = await params;
  // Whether the point is theirs is checked inside; nobody below the weakest deleting role gets that far.
  const access = await authorize(request, slug, 'delete-own');
  return Response.json(await deleteNode(slug, id, actingAs(request, access), access));
});
