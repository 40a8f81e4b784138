import { loadMapViewJson } from '@/lib/db/map-views';
import { handle, parseBody } from '@/lib/http/errors';
import { updateMapSettings } from '@/lib/db/map-settings';
import { mapUpdateSchema } from '@/lib/validation/documents';
import { mapViewQuerySchema } from '@/lib/validation/node';
import { authorize, resolveAccess } from '@/lib/db/access';
import { actingAs } from '@/lib/http/acting-as';

export const dynamic = 'force-dynamic';

// GET /api/maps/[slug] — the map, its document and its live graph (nodes, inferences, conflicts, flat edges); ?asOf=YYYY-MM judges it as of that month
export const GET = handle(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const { asOf } = mapViewQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const json = await loadMapViewJson(slug, await authorize(request, slug, 'view'), asOf ?? null);
  return new Response(json, { headers: { 'Content-Type': 'application/json' } });
});

// PATCH /api/maps/[slug] — rename, archive or restore the map (its owner; on an ownerless open map any editor) and set its access policy (owner only)
export const PATCH = handle(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const access = await resolveAccess(request, slug);
  const input = await parseBody(request, mapUpdateSchema);
  return Response.json(await updateMapSettings(access, input, actingAs(request, access)));
});
