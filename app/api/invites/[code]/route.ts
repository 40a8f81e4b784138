import { checkInviteAllowed, clientAddress, recordInviteFailure } from '@/lib/auth/rate-limit';
import { currentUser } from '@/lib/auth/sessions';
import { memberCookieName } from '@/lib/db/access';
import { joinWithInvite } from '@/lib/db/classes';
import { AppError, handle, parseBody, zodIssues } from '@/lib/http/errors';
import { inviteCodeSchema, joinSchema } from '@/lib/validation/classes';

/** A joined student's browser keeps its key for a year (HttpOnly: scripts never see it). */
const MEMBER_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;

// POST /api/invites/[code] — join the invite's map under a name; the browser keeps the membership in a cookie
export const POST = handle(async (request: Request, { params }: { params: Promise<{ code: string }> }) => {
  const code = inviteCodeSchema.safeParse((await params).code);
  if (!code.success) throw new AppError('bad_request', code.error.issues[0].message, { issues: zodIssues(code.error) });
  const address = clientAddress(request);
  const gate = await checkInviteAllowed(address);
  if (!gate.allowed) {
    throw new AppError('too_many_requests', 'Too many wrong codes from here. Wait a few minutes, then try again.', {
      headers: { 'Retry-After': String(gate.retryAfterSeconds) },
    });
  }
  const { name } = await parseBody(request, joinSchema);
  let joined;
  try {
    joined = await joinWithInvite(code.data, name, await currentUser(request));
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') await recordInviteFailure(address);
    throw error;
  }
  const headers = new Headers();
  if (joined.memberKey) {
    const secure = new URL(request.url).protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
    headers.append(
      'Set-Cookie',
      `${memberCookieName(joined.map.id)}=${joined.memberKey}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${MEMBER_COOKIE_MAX_AGE}${secure ? '; Secure' : ''}`,
    );
  }
  return Response.json({ map: { slug: joined.map.slug }, role: joined.role }, { status: 201, headers });
});
