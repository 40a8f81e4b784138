import { loadMapView } from '@/lib/db/maps';
import { handle, parseBody } from '@/lib/http/errors';
import { setPolicy } from '@/lib/db/classes';
import { mapSettingsSchema } from '@/lib/validation/classes';
import { authorize } from '@/lib/db/access';

export const dynamic = 'force-dynamic';

// GET /api/maps/[slug] — the map, its document and its live graph (nodes, inferences, conflicts, flat edges)
export const GET = handle(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  return Response.json(await loadMapView(slug, await authorize(request, slug, 'view')));
});

// PATCH /api/maps/[slug] — set the access policy: open, invite or read-only (owner only)
export const PATCH = handle(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const access = await authorize(request, slug, 'manage');
  return Response.json(await setPolicy(access, (await parseBody(request, mapSettingsSchema)).policy));
});
