import { z } from 'zod';
import { latestEvents } from '@/lib/db/log-reads';
import { AppError, handle, zodIssues } from '@/lib/http/errors';
import { HISTORY_PAGE_MAX } from '@/lib/validation/limits';
import { authorize } from '@/lib/db/access';
import { can } from '@/lib/auth/permissions';
import { renameIn } from '@/lib/argument/pseudonyms';
import { namesFor } from '@/lib/db/roster';

export const dynamic = 'force-dynamic';

const querySchema = z.object({
  limit: z.coerce.number().int().min(1).max(HISTORY_PAGE_MAX).default(HISTORY_PAGE_MAX),
  before: z.coerce.number().int().positive().optional(),
});

// GET /api/maps/[slug]/history — the newest entries of the map's event log (who did what, when), newest first; moderated words redacted for all but the owner
export const GET = handle(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const access = await authorize(request, slug, 'view');
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw new AppError('bad_request', 'The query is not valid.', { issues: zodIssues(query.error) });
  // What moderation took away is gone for everyone but the owner.
  const reader = can(access.role, 'moderate') ? 'moderator' : 'public';
  const [events, names] = await Promise.all([latestEvents(access.mapId, query.data.limit, query.data.before, reader), namesFor(access)]);
  // The public client ids stay in the live stream (for echo skipping); the history has no use for them.
  // On an anonymous map, students read each other as "Student N".
  return Response.json({ events: events.map((e) => renameIn({ id: e.id, type: e.type, actor: e.actor, at: e.at, data: e.data }, names)) });
});
