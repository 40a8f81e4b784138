import { clientAddress } from '@/lib/auth/rate-limit';
import { createSession, revokeSession, sessionCookie } from '@/lib/auth/sessions';
import { authenticate } from '@/lib/db/users';
import { handle, parseBody } from '@/lib/http/errors';
import { credentialsSchema } from '@/lib/validation/auth';

// POST /api/auth/login — sign this browser in (failures are rate-limited per account and per address)
export const POST = handle(async (request: Request) => {
  const { username, password } = await parseBody(request, credentialsSchema);
  const user = await authenticate(username, password, clientAddress(request));
  await revokeSession(request);
  const { token, expiresAt } = await createSession(user.id);
  return Response.json({ user }, { headers: { 'Set-Cookie': sessionCookie(token, expiresAt, request), 'Cache-Control': 'no-store' } });
});
