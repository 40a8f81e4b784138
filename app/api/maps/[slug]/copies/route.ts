import { currentUser } from '@/lib/auth/sessions';
import { assertCan, resolveAccess } from '@/lib/db/access';
import { copyMap } from '@/lib/db/classes';
import { AppError, handle, parseBody } from '@/lib/http/errors';
import { copySchema } from '@/lib/validation/classes';

// POST /api/maps/[slug]/copies — a signed-in person copies a map for a class and becomes its owner
export const POST = handle(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const user = await currentUser(request);
  if (!user) throw new AppError('unauthorized', 'Sign in to make a class copy.');
  // Anyone who can read an open map may copy it; a class's own map is copied only by its owner.
  const access = await resolveAccess(request, slug);
  assertCan(access, access.policy === 'open' ? 'view' : 'manage');
  const input = await parseBody(request, copySchema);
  const copy = await copyMap(slug, input, user);
  const url = new URL(`/join/${copy.invite.code}`, request.url).toString();
  return Response.json({ map: copy.map, invite: { code: copy.invite.code, url } }, { status: 201 });
});
