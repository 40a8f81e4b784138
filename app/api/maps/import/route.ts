import { importMap } from '@/lib/db/import';
import { AppError, handle, parseBody } from '@/lib/http/errors';
import { importBodySchema } from '@/lib/validation/interchange';
import { IMPORT_BODY_MAX_BYTES, IMPORT_CONTENT_MAX_BYTES } from '@/lib/validation/limits';

export const dynamic = 'force-dynamic';

// POST /api/maps/import — create a map from an AIF or Argdown file: { format, title, content } → 201 { map: { slug }, merged: { inferences, conflicts } }
// (`merged`: exact duplicates of a step or an attack the file repeated, stored once)
export const POST = handle(async (request: Request) => {
  const input = await parseBody(request, importBodySchema, { maxBytes: IMPORT_BODY_MAX_BYTES });
  if (Buffer.byteLength(input.content, 'utf8') > IMPORT_CONTENT_MAX_BYTES) {
    const message = `The file is larger than ${IMPORT_CONTENT_MAX_BYTES / (1024 * 1024)} MB.`;
    throw new AppError('payload_too_large', message, { issues: [{ path: ['content'], message }] });
  }
  const { slug, merged } = await importMap(input);
  return Response.json({ map: { slug }, merged }, { status: 201, headers: { location: `/api/maps/${slug}` } });
});
