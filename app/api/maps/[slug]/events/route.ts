import { z } from 'zod';
import { lastEventId } from '@/lib/db/events';
import { AppError, handle, zodIssues } from '@/lib/http/errors';
import { mapEventStream } from '@/lib/http/event-stream';
import { takeSeat } from '@/lib/db/presence';
import { clientAddress, DIRECT_ADDRESS } from '@/lib/auth/rate-limit';
import { AUTHOR_NAME_MAX } from '@/lib/validation/limits';
import { attributedName, authorize, isGuestOnAnonymousMap, resolveAccess, type Access } from '@/lib/db/access';
import { aliasOf, namerOf, rosterOf } from '@/lib/db/roster';
import { viewerAccessOf } from '@/lib/protocol/access-protocol';

export const dynamic = 'force-dynamic';

const querySchema = z.object({
  after: z.coerce.number().int().nonnegative().optional(),
  name: z.string().max(AUTHOR_NAME_MAX).optional(),
  client: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,64}$/)
    .optional(),
});

// GET /api/maps/[slug]/events — Server-Sent Events: every change to the map, then live ones, who is here, and the caller's own access; resumes from Last-Event-ID; 429 over the stream caps
export const GET = handle(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const access = await authorize(request, slug, 'view');
  let viewer: Access = access;
  const url = new URL(request.url);
  const query = querySchema.safeParse(Object.fromEntries(url.searchParams));
  if (!query.success) throw new AppError('bad_request', 'The query is not valid.', { issues: zodIssues(query.error) });
  const header = request.headers.get('last-event-id');
  // A malformed header is ignored; one past the largest event id matches nothing (lib/db/events.ts).
  const resumeFrom = header !== null && /^\d{1,15}$/.test(header) ? Number(header) : undefined;
  const mapId = access.mapId;
  const after = resumeFrom ?? query.data.after ?? (await lastEventId(mapId));
  // Someone unknown on an anonymous map is not listed under a name they typed (see attributedName).
  const name = isGuestOnAnonymousMap(access) ? '' : access.identity.kind !== 'anonymous' ? attributedName(access, undefined) : (query.data.name?.trim() ?? '');
  // Read before the seat is taken: this person is then on the roster every other stream names with.
  const roster = await rosterOf(mapId);
  // Counts against the caps, or refuses with 429, before anything is streamed.
  const address = clientAddress(request);
  const seat = takeSeat(mapId, { name, clientId: query.data.client ?? '', address: address === DIRECT_ADDRESS ? undefined : address });
  const stream = mapEventStream({
    mapId,
    after,
    seat,
    signal: request.signal,
    // Worked out again from this request's own cookies: a member given another role is told at once,
    // and one removed (or a visitor when the map closes to outsiders) is told, then stops receiving.
    access: {
      initial: viewerAccessOf(access, aliasOf(roster, access)),
      current: async () => {
        viewer = await resolveAccess(request, slug);
        return viewerAccessOf(viewer, aliasOf(await rosterOf(mapId), viewer));
      },
    },
    // Students see each other as "Student N" on an anonymous map; the owner sees names.
    names: {
      roster,
      namer: (now) => namerOf(now, viewer),
      masksClients: (now) => now.anonymous && viewer.role !== 'owner',
      ownClient: query.data.client ?? '',
    },
  });
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      // The connection ends with the stream: a kept-alive idle socket would hold up a stopping server.
      Connection: 'close',
      'X-Accel-Buffering': 'no',
    },
  });
});

// HEAD /api/maps/[slug]/events — refused: Next would answer it by running GET, which takes a stream seat that a HEAD never gives back
export function HEAD() {
  return new Response(null, { status: 405, headers: { Allow: 'GET' } });
}
