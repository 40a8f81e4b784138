import { updateInference } from '@/lib/db/graph-edits';
import { handle, parseBody } from '@/lib/http/errors';
import { inferenceUpdateSchema } from '@/lib/validation/node';
import { authorize } from '@/lib/db/access';
import { actingAs } from '@/lib/http/acting-as';

// PATCH /api/maps/[slug]/inferences/[id] — name or clear the argument scheme of a step of reasoning
export const PATCH = handle(async (request: Request, { params }: { params: Promise<{ slug: string; id: string }> }) => {
  const { slug, id } = await params;
  const access = await authorize(request, slug, 'arrange');
  return Response.json({ inference: await updateInference(slug, id, await parseBody(request, inferenceUpdateSchema), actingAs(request, access), access) });
});
