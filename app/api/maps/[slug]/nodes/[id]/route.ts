import { deleteNode, updateNode } from '@/lib/db/maps';
import { actorFrom } from '@/lib/http/actor';
import { handle, parseBody } from '@/lib/http/errors';
import { nodeUpdateSchema } from '@/lib/validation/node';

type Context = { params: Promise<{ slug: string; id: string }> };

// PATCH /api/maps/[slug]/nodes/[id] — edit the text (with the version it was based on) or save the position
export const PATCH = handle(async (request: Request, { params }: Context) => {
  const { slug, id } = await params;
  const input = await parseBody(request, nodeUpdateSchema);
  return Response.json({ node: await updateNode(slug, id, input, actorFrom(request)) });
});

// DELETE /api/maps/[slug]/nodes/[id] — soft-delete the node and its dependents; undo with the deletion id
export const DELETE = handle(async (request: Request, { params }: Context) => {
  const { slug, id } = await params;
  return Response.json(await deleteNode(slug, id, actorFrom(request)));
});
