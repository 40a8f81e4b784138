import { briefToMarkdown, buildBrief, type BriefMeta } from '@/lib/argument/brief';
import { authorize } from '@/lib/db/access';
import { loadMapView } from '@/lib/db/map-views';
import { handle } from '@/lib/http/errors';
import { publicOrigin } from '@/lib/http/public-origin';
import { briefQuerySchema } from '@/lib/validation/brief';

export const dynamic = 'force-dynamic';

// GET /api/maps/[slug]/brief?side=affirmative|negative&format=markdown|json[&asOf=YYYY-MM] — the debate brief for one side, judged today or as of a month
export const GET = handle(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const { side, format, asOf } = briefQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const view = await loadMapView(slug, await authorize(request, slug, 'view'), asOf ?? null);
  const brief = buildBrief(view, side);
  const meta: BriefMeta = {
    mapTitle: view.map.title,
    document: { title: view.document.title, author: view.document.author, source: view.document.source },
    date: new Date(),
    asOf: view.evaluation.asOf,
    url: `${publicOrigin(request)}/maps/${encodeURIComponent(view.map.slug)}`,
  };
  if (format === 'json') {
    return Response.json({ brief, meta: { ...meta, date: meta.date.toISOString() } }, { headers: { 'cache-control': 'no-store' } });
  }
  const filename = `${view.map.slug.replace(/[^a-zA-Z0-9._-]/g, '_')}-brief-${side}.md`;
  return new Response(briefToMarkdown(brief, meta), {
    headers: {
      'content-type': 'text/markdown; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'no-store',
    },
  });
});
