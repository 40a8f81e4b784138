import { createNode } from '@/lib/db/add-point';
import { handle, parseBody } from '@/lib/http/errors';
import { nodeCreateSchema } from '@/lib/validation/node';
import { authorize } from '@/lib/db/access';
import { actingAs } from '@/lib/http/acting-as';

// POST /api/maps/[slug]/nodes — add a node that supports or attacks a target (a node, or an inference)
export const POST = handle(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const access = await authorize(request, slug, 'add');
  const input = await parseBody(request, nodeCreateSchema);
  return Response.json(await createNode(slug, input, actingAs(request, access), access), { status: 201 });
});
