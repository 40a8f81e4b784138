import { currentUser } from '@/lib/auth/sessions';
import { createDocumentWithMap } from '@/lib/db/documents';
import { AppError, handle, parseBody } from '@/lib/http/errors';
import { documentCreateSchema, essayTooLargeMessage, utf8Bytes } from '@/lib/validation/documents';
import { DOCUMENT_BODY_MAX_BYTES, ESSAY_TEXT_MAX_BYTES } from '@/lib/validation/limits';
import { z } from 'zod';

export const dynamic = 'force-dynamic';

// POST /api/documents — a new essay and an empty map on it: { title, author?, source?, text } → 201 { document: { slug }, map: { slug } }
export const POST = handle(async (request: Request) => {
  const body = await parseBody(request, z.unknown(), { maxBytes: DOCUMENT_BODY_MAX_BYTES });
  // An essay over the limit is "too large" (413) whatever else is wrong with the body.
  const text = typeof body === 'object' && body !== null && 'text' in body ? body.text : undefined;
  if (typeof text === 'string' && utf8Bytes(text) > ESSAY_TEXT_MAX_BYTES) {
    const message = essayTooLargeMessage(utf8Bytes(text));
    throw new AppError('payload_too_large', message, { issues: [{ path: ['text'], message }] });
  }
  const input = documentCreateSchema.parse(body);
  const created = await createDocumentWithMap(input, await currentUser(request));
  return Response.json(created, { status: 201, headers: { location: `/api/maps/${created.map.slug}` } });
});
