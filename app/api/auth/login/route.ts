import { deviceCookie, deviceSource, knownDevice } from '@/lib/auth/device';
import { clientAddress } from '@/lib/auth/rate-limit';
import { createSession, revokeSession, sessionCookie } from '@/lib/auth/sessions';
import { authenticate } from '@/lib/db/users';
import { handle, parseBody } from '@/lib/http/errors';
import { credentialsSchema } from '@/lib/validation/auth';

// POST /api/auth/login — sign this browser in (failures are rate-limited per account and address, or per known device)
export const POST = handle(async (request: Request) => {
  const { username, password } = await parseBody(request, credentialsSchema);
  const device = knownDevice(request, username);
  const user = await authenticate(username, password, device ? deviceSource(device) : clientAddress(request));
  await revokeSession(request);
  const { token, expiresAt } = await createSession(user.id);
  const headers = new Headers({ 'Cache-Control': 'no-store' });
  headers.append('Set-Cookie', sessionCookie(token, expiresAt, request));
  headers.append('Set-Cookie', deviceCookie(request, user.username));
  return Response.json({ user }, { headers });
});
