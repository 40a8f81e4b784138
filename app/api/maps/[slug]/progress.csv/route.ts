import { authorizeProgressDownload, progressOf, progressRows } from '@/lib/db/progress';
import { CSV_CONTENT_TYPE, csvDocument, downloadFileName } from '@/lib/http/csv';
import { handle } from '@/lib/http/errors';

export const dynamic = 'force-dynamic';

// GET /api/maps/[slug]/progress.csv — the class's progress for a gradebook, one row per student (owner only)
export const GET = handle(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const view = await progressOf(await authorizeProgressDownload(request, slug));
  return new Response(csvDocument(progressRows(view)), {
    headers: {
      'content-type': CSV_CONTENT_TYPE,
      'content-disposition': `attachment; filename="${downloadFileName(`${slug}-progress.csv`)}"`,
      'cache-control': 'no-store',
    },
  });
});
