import { createConnection } from '@/lib/db/add-point';
import { authorize } from '@/lib/db/access';
import { actingAs } from '@/lib/http/acting-as';
import { handle, parseBody } from '@/lib/http/errors';
import { connectionCreateSchema } from '@/lib/validation/node';

// POST /api/maps/[slug]/connections — connect two points already on the map: { from, to, relation } → 201 { edge }
export const POST = handle(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const access = await authorize(request, slug, 'add');
  const input = await parseBody(request, connectionCreateSchema);
  return Response.json(await createConnection(slug, input, actingAs(request, access), access), { status: 201 });
});
