import type { Side } from '@/lib/argument/brief';
import type { BriefFormat } from '@/lib/validation/brief';
import type { ExportFormat } from '@/lib/validation/interchange';
import { apiPath } from './paths';
import { withQuery } from './query';

/** Downloads: addresses the browser opens itself from a link rather than fetches. Pure, so server pages may link to them too. */

/** `GET /api/maps/{slug}/export?format=…`: the map as a file to download. */
export function exportUrl(slug: string, format: ExportFormat): string {
  return withQuery(apiPath('maps', slug, 'export'), { format });
}

/** `GET /api/maps/{slug}/brief?side=…&format=…[&asOf=YYYY-MM]`: one side's debate brief, judged today or as of a month. */
export function briefUrl(slug: string, { side, format = 'markdown', asOf }: { side: Side; format?: BriefFormat; asOf?: string | null }): string {
  return withQuery(apiPath('maps', slug, 'brief'), { side, format, asOf: asOf ?? undefined });
}

/** `GET /api/maps/{slug}/progress.csv`: the class's progress for a gradebook (owner only). */
export function progressCsvUrl(slug: string): string {
  return apiPath('maps', slug, 'progress.csv');
}
