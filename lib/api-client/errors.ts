/** One problem with a request, located by its path in the body (`["text"]`, `["quote","end"]`): what a form shows beside that field. */
export interface ApiIssue {
  path: (string | number)[];
  message: string;
}

/** The JSON body of every refusal the API answers with. */
export interface ApiErrorBody {
  error: { message: string; issues: ApiIssue[] };
}

/** What a request that could not reach the server says (forms that keep a draft say more). */
export const OFFLINE_MESSAGE = 'You’re offline — the server could not be reached. Try again when the connection is back.';

/**
 * A refusal from the API, with the field-level issues it named (`issues`, empty when it named
 * none), so a form can show each beside its field; or, with status 0, a request that never
 * reached the server.
 */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly issues: ApiIssue[],
    readonly body: unknown,
  ) {
    super(message);
  }

  /** The error for a non-2xx answer: the server's message and issues, or the status in words when the body says nothing. */
  static fromAnswer(status: number, body: unknown): ApiError {
    const error = (body as Partial<ApiErrorBody> | null)?.error;
    return new ApiError(error?.message ?? `The server answered ${status}.`, status, error?.issues ?? [], body);
  }

  /** The request never reached the server (offline, or the server is down): nothing was done. */
  get offline(): boolean {
    return this.status === 0;
  }
}

/** Whether `error` means the server could not be reached (a failed request or a part of the page that could not be fetched). */
export function isOfflineError(error: unknown): boolean {
  return error instanceof ApiError && error.offline;
}
