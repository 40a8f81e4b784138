import { loadMapView } from '@/lib/db/maps';
import { handle } from '@/lib/http/errors';

export const dynamic = 'force-dynamic';

// GET /api/maps/[slug] — the map, its document and its live graph (nodes, inferences, conflicts, flat edges)
export const GET = handle(async (_request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  return Response.json(await loadMapView(slug));
});
