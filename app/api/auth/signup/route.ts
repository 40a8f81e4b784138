import { createSession, revokeSession, sessionCookie } from '@/lib/auth/sessions';
import { createUser } from '@/lib/db/users';
import { handle, parseBody } from '@/lib/http/errors';
import { credentialsSchema } from '@/lib/validation/auth';

// POST /api/auth/signup — create an account and sign this browser in to it
export const POST = handle(async (request: Request) => {
  const { username, password } = await parseBody(request, credentialsSchema);
  const user = await createUser(username, password);
  await revokeSession(request);
  const { token, expiresAt } = await createSession(user.id);
  return Response.json({ user }, { status: 201, headers: { 'Set-Cookie': sessionCookie(token, expiresAt, request), 'Cache-Control': 'no-store' } });
});
