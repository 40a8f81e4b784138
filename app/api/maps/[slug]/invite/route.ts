import { authorize } from '@/lib/db/access';
import { changeInvite } from '@/lib/db/classes';
import { handle, parseBody } from '@/lib/http/errors';
import { inviteChangeSchema } from '@/lib/validation/classes';

// PUT /api/maps/[slug]/invite — rotate the invite code, or turn the invite off or on (owner only)
export const PUT = handle(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const access = await authorize(request, slug, 'manage');
  const { action, role } = await parseBody(request, inviteChangeSchema);
  const invite = await changeInvite(access, action, role);
  return Response.json({ invite: { ...invite, url: new URL(`/join/${invite.code}`, request.url).toString() } });
});
