import { z } from 'zod';
import { REQUEST_BODY_MAX_BYTES } from '../validation/limits';
import { AppError, ERROR_STATUS, type ErrorIssue } from '../validation/app-error';

export { AppError, type AppErrorCode, type ErrorBody, type ErrorIssue } from '../validation/app-error';

/** Turns zod's issues into the API's `{ path, message }` list. */
export function zodIssues(error: z.ZodError): ErrorIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    message: issue.message,
  }));
}

/** Maps any thrown value to a JSON response; unexpected errors are logged and answered with a generic 500. */
export function toErrorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    return Response.json(
      { error: { message: error.message, issues: error.issues }, ...error.extra },
      { status: ERROR_STATUS[error.code], headers: error.headers },
    );
  }
  if (error instanceof z.ZodError) {
    return Response.json({ error: { message: 'The request is not valid.', issues: zodIssues(error) } }, { status: 400 });
  }
  if (isNulRefusal(error)) {
    // A NUL in a path or query value: PostgreSQL cannot hold one in text, so no row can match it.
    return Response.json({ error: { message: NUL_MESSAGE, issues: [] } }, { status: 400 });
  }
  console.error('Unexpected error while handling a request:', error);
  return Response.json({ error: { message: 'Something went wrong on the server.', issues: [] } }, { status: 500 });
}

const NUL_MESSAGE = 'The request contains a NUL character (U+0000), which Argmap does not store.';
/** PostgreSQL's "invalid byte sequence for encoding UTF8: 0x00" (SQLSTATE 22021), as pg or Prisma's adapter reports it. */
const NUL_SQLSTATE = '22021';

/** Whether the database refused a value because it holds a NUL character (PostgreSQL only; SQLite stores any text). */
function isNulRefusal(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { code, originalCode, message } = e as { code?: unknown; originalCode?: unknown; message?: unknown };
    if (code === NUL_SQLSTATE || originalCode === NUL_SQLSTATE) return true;
    if (typeof message === 'string' && message.includes('0x00') && message.includes('invalid byte sequence')) return true;
    e = (e as { cause?: unknown; meta?: { driverAdapterError?: unknown } }).meta?.driverAdapterError ?? (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Reads a JSON body and validates it. Refuses a non-JSON content type (415), a body over
 * `maxBytes` (413; by default {@link REQUEST_BODY_MAX_BYTES}), malformed JSON (400) and a schema
 * failure (400, with issues).
 */
export async function parseBody<S extends z.ZodType>(
  request: Request,
  schema: S,
  { maxBytes = REQUEST_BODY_MAX_BYTES }: { maxBytes?: number } = {},
): Promise<z.infer<S>> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type.trim())) {
    throw new AppError('unsupported_media_type', 'Send the body as JSON (Content-Type: application/json).');
  }
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const raw = await readLimited(request, maxBytes);
  let json: unknown;
  try {
    json = JSON.parse(raw, refuseLoneSurrogates);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('bad_request', 'The body is not valid JSON.');
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    throw new AppError('bad_request', 'The request is not valid.', { issues: zodIssues(result.error) });
  }
  return result.data;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * JSON may escape half of a surrogate pair (`"\ud800"`), which is no text at all: the database
 * layer cannot store it, so such a body is refused (400) rather than failing on the way in.
 */
function refuseLoneSurrogates(key: string, value: unknown): unknown {
  if ((typeof value === 'string' && LONE_SURROGATE.test(value)) || LONE_SURROGATE.test(key)) {
    throw new AppError('bad_request', 'The body contains text that is not valid Unicode (a lone surrogate).');
  }
  // Nor can PostgreSQL store a NUL in text: refused on both databases, so they answer alike.
  if ((typeof value === 'string' && value.includes('\u0000')) || key.includes('\u0000')) throw new AppError('bad_request', NUL_MESSAGE);
  return value;
}

function tooLarge(maxBytes: number) {
  const size = maxBytes >= 1024 * 1024 ? `${maxBytes / (1024 * 1024)} MB` : `${maxBytes / 1024} KB`;
  return new AppError('payload_too_large', `The body is larger than ${size}.`);
}

async function readLimited(request: Request, maxBytes: number): Promise<string> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** Wraps a route handler so every thrown error becomes the JSON error response. */
export function handle<A extends unknown[]>(fn: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      const request = args[0];
      if (request instanceof Request) refuseCrossSite(request);
      return await fn(...args);
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses a change requested by another site's page (403): the browser says so in
 * `Sec-Fetch-Site: cross-site`, or its `Origin` names another host than the one addressed.
 * Requests without those headers (scripts, tests, curl) carry no cookies a page could abuse.
 */
export function refuseCrossSite(request: Request): void {
  if (SAFE_METHODS.has(request.method)) return;
  const site = request.headers.get('sec-fetch-site');
  const origin = request.headers.get('origin');
  // `Origin: null` comes from sandboxed frames, data: and file: pages — never from Argmap's own.
  let foreign = site === 'cross-site' || origin === 'null';
  if (!foreign && origin) {
    try {
      foreign = new URL(origin).host !== (request.headers.get('x-forwarded-host') ?? request.headers.get('host'));
    } catch {
      foreign = true;
    }
  }
  if (foreign) throw new AppError('forbidden', 'Changes are accepted only from Argmap’s own pages.');
}
