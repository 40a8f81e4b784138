import { checkHealth } from '@/lib/db/health';
import { handle } from '@/lib/http/errors';

export const dynamic = 'force-dynamic';

// GET /api/health — is the database reachable and its schema current? 200 when so, 503 when not
export const GET = handle(async () => {
  const health = await checkHealth();
  return Response.json(health, { status: health.status === 'ok' ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
});
