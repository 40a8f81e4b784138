import { mintVoter, voterIdFrom, voterKey } from '@/lib/auth/voter';
import { authorize, type Access } from '@/lib/db/access';
import { actingAs } from '@/lib/http/acting-as';
import { castVote, voteSummary } from '@/lib/db/discussion';
import { actorFrom } from '@/lib/http/actor';
import { AppError, handle, parseBody } from '@/lib/http/errors';
import { voteSchema } from '@/lib/validation/discussion';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ slug: string; id: string }> };

/**
 * The key a vote is kept under: an account's or a member's own (from `actingAs`), else the signed
 * voter id in the browser's cookie (`lib/auth/voter.ts`) — never a header the client chose.
 * Empty for an anonymous browser that has no voter id yet.
 */
function voterKeyOf(request: Request, access: Access): string {
  if (access.identity.kind !== 'anonymous') return actingAs(request, access).ownerKey;
  const id = voterIdFrom(request);
  return id ? voterKey(id) : '';
}

// GET /api/maps/[slug]/nodes/[id]/vote — the node's crowd rating and the requesting person's own vote
export const GET = handle(async (request: Request, { params }: Context) => {
  const { slug, id } = await params;
  const access = await authorize(request, slug, 'view');
  return Response.json(await voteSummary(access.mapId, id, voterKeyOf(request, access)));
});

// PUT /api/maps/[slug]/nodes/[id]/vote — rate the node 0–4 (one vote per person or voter id; null withdraws it)
export const PUT = handle(async (request: Request, { params }: Context) => {
  const { slug, id } = await params;
  const access = await authorize(request, slug, 'comment');
  const { value } = await parseBody(request, voteSchema);
  const actor = actingAs(request, access);
  if (access.identity.kind !== 'anonymous') return Response.json(await castVote(access.mapId, id, value, actor));

  // An anonymous browser votes by its signed voter id; its first vote hands it one, from a ration
  // per address, so dropping the cookie does not buy votes without end.
  if (!actorFrom(request).ownerKey) throw new AppError('bad_request', 'Votes need a browser id; reload the page.');
  const known = voterIdFrom(request);
  const minted = known ? null : mintVoter(request);
  if (minted && 'refused' in minted) {
    throw new AppError('too_many_requests', 'Too many new voters from here. Wait a few minutes, then try again.', {
      headers: { 'Retry-After': String(minted.refused.retryAfterSeconds) },
    });
  }
  const voter = known ?? minted!.id;
  const summary = await castVote(access.mapId, id, value, { ...actor, ownerKey: voterKey(voter) });
  return Response.json(summary, minted ? { headers: { 'Set-Cookie': minted.cookie } } : undefined);
});
