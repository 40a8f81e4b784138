/**
 * The refusals every layer may raise — a bad request, a missing map, a full map — with the HTTP status
 * each is answered with (lib/http/errors.ts turns them into responses). Kept at the bottom of the
 * layers, beside the validation schemas, so the data layer can refuse without importing the HTTP one.
 */

/** One problem with a request, located by its path in the body (`["text"]`, `["quote","end"]`). */
export interface ErrorIssue {
  path: (string | number)[];
  message: string;
}

/** The JSON body of every error the API answers with. */
export interface ErrorBody {
  error: { message: string; issues: ErrorIssue[] };
}

/** The HTTP status each kind of refusal is answered with. */
export const ERROR_STATUS = {
  bad_request: 400,
  /** No identity (not signed in, or the credentials are wrong). */
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
} as const;
export type AppErrorCode = keyof typeof ERROR_STATUS;

/** An expected failure: it is answered with its status and message, and logged at most as info. */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly issues: ErrorIssue[];
  readonly extra: Record<string, unknown>;
  /** Response headers the answer needs, e.g. `Retry-After` on a 429. */
  readonly headers: Record<string, string>;

  constructor(code: AppErrorCode, message: string, options: { issues?: ErrorIssue[]; extra?: Record<string, unknown>; headers?: Record<string, string> } = {}) {
    super(message);
    this.code = code;
    this.issues = options.issues ?? [];
    this.extra = options.extra ?? {};
    this.headers = options.headers ?? {};
  }
}
