import { clearedSessionCookie, revokeSession } from '@/lib/auth/sessions';
import { handle } from '@/lib/http/errors';

// POST /api/auth/logout — end this browser's session (fine when there is none)
export const POST = handle(async (request: Request) => {
  await revokeSession(request);
  return Response.json({ ok: true }, { headers: { 'Set-Cookie': clearedSessionCookie(request), 'Cache-Control': 'no-store' } });
});
