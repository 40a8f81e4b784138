import { savePositions } from '@/lib/db/add-point';
import { handle, parseBody } from '@/lib/http/errors';
import { POSITIONS_BODY_MAX_BYTES } from '@/lib/validation/limits';
import { positionsSchema } from '@/lib/validation/node';
import { authorize } from '@/lib/db/access';
import { actingAs } from '@/lib/http/acting-as';

// PUT /api/maps/[slug]/positions — save or clear many canvas positions at once ("Tidy layout")
export const PUT = handle(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const access = await authorize(request, slug, 'arrange');
  return Response.json(
    await savePositions(slug, await parseBody(request, positionsSchema, { maxBytes: POSITIONS_BODY_MAX_BYTES }), actingAs(request, access), access),
  );
});
