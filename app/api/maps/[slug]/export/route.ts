import { toAif } from '@/lib/argument/interchange/aif';
import { toArgdown } from '@/lib/argument/interchange/argdown-export';
import { loadMapView } from '@/lib/db/map-views';
import { handle } from '@/lib/http/errors';
import { exportQuerySchema, type ExportFormat } from '@/lib/validation/interchange';
import { authorize } from '@/lib/db/access';

export const dynamic = 'force-dynamic';

/** File name extension and content type of each download. */
const DOWNLOAD: Record<ExportFormat, { extension: string; contentType: string }> = {
  argdown: { extension: 'argdown', contentType: 'text/plain; charset=utf-8' },
  aif: { extension: 'aif.json', contentType: 'application/json; charset=utf-8' },
  json: { extension: 'json', contentType: 'application/json; charset=utf-8' },
};

// GET /api/maps/[slug]/export?format=argdown|aif|json — the map as a file to download
export const GET = handle(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const { format } = exportQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const view = await loadMapView(slug, await authorize(request, slug, 'view'));
  const body = format === 'argdown' ? toArgdown(view) : JSON.stringify(format === 'aif' ? toAif(view) : view, null, 2);
  const { extension, contentType } = DOWNLOAD[format];
  const filename = `${view.map.slug.replace(/[^a-zA-Z0-9._-]/g, '_')}.${extension}`;
  return new Response(body, {
    headers: {
      'content-type': contentType,
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'no-store',
    },
  });
});
