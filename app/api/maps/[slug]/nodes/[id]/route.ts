import { deleteNode, updateNode } from '@/lib/db/maps';
import { actorFrom } from '@/lib/http/actor';
import { handle, parseBody } from '@/lib/http/errors';
import { nodeUpdateSchema } from '@/lib/validation/node';
import { assertCan, resolveAccess } from '@/lib/db/access';

type Context = { params: Promise<{ slug: string; id: string }> };

// PATCH /api/maps/[slug]/nodes/[id] — edit the text (with the version it was based on) or save the position
export const PATCH = handle(async (request: Request, { params }: Context) => {
  const { slug, id } = await params;
  const access = await resolveAccess(request, slug);
  assertCan(access, 'view');
  const input = await parseBody(request, nodeUpdateSchema);
  // Moving is for any editor; rewording checks whose point it is (inside, with the node at hand).
  if (input.text === undefined) assertCan(access, 'arrange');
  return Response.json({ node: await updateNode(slug, id, input, actorFrom(request), access) });
});

// DELETE /api/maps/[slug]/nodes/[id] — soft-delete the node and its dependents; undo with the deletion id
export const DELETE = handle(async (request: Request, { params }: Context) => {
  const { slug, id } = await params;
  return Response.json(await deleteNode(slug, id, actorFrom(request), await resolveAccess(request, slug)));
});
