import { currentUser } from '@/lib/auth/sessions';
import { handle } from '@/lib/http/errors';

// GET /api/auth/me — who this browser is signed in as (`user: null` when no one)
export const GET = handle(async (request: Request) => {
  return Response.json({ user: await currentUser(request) }, { headers: { 'Cache-Control': 'no-store' } });
});
