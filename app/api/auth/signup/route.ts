import { deviceCookie } from '@/lib/auth/device';
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
  const headers = new Headers({ 'Cache-Control': 'no-store' });
  headers.append('Set-Cookie', sessionCookie(token, expiresAt, request));
  // The browser that made the account is one it is known on (lib/auth/device.ts).
  headers.append('Set-Cookie', deviceCookie(request, user.username));
  return Response.json({ user }, { status: 201, headers });
});
