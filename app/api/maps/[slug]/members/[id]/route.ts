import { authorize } from '@/lib/db/access';
import { removeMember, setMemberRole } from '@/lib/db/classes';
import { handle, parseBody } from '@/lib/http/errors';
import { memberRoleSchema } from '@/lib/validation/classes';

type Context = { params: Promise<{ slug: string; id: string }> };

// PATCH /api/maps/[slug]/members/[id] — change a member's role (owner only)
export const PATCH = handle(async (request: Request, { params }: Context) => {
  const { slug, id } = await params;
  const access = await authorize(request, slug, 'manage');
  const { role } = await parseBody(request, memberRoleSchema);
  return Response.json({ member: await setMemberRole(access, id, role) });
});

// DELETE /api/maps/[slug]/members/[id] — remove a member; their points stay (owner only)
export const DELETE = handle(async (request: Request, { params }: Context) => {
  const { slug, id } = await params;
  return Response.json(await removeMember(await authorize(request, slug, 'manage'), id));
});
