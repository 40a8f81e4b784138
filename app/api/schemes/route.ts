import { SCHEMES } from '@/lib/argument/schemes';

export const dynamic = 'force-static';

// GET /api/schemes — the catalogue of argument schemes and their critical questions
export function GET() {
  return Response.json({ schemes: SCHEMES });
}
