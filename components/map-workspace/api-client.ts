import type { ErrorIssue } from '@/lib/http/errors';

/** A refusal from the API, with the field-level issues it named. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly issues: ErrorIssue[],
    readonly body: unknown,
  ) {
    super(message);
  }
}

/** Calls the JSON API; a non-2xx answer throws {@link ApiError} with the server's message. */
export async function apiRequest<T = unknown>(url: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method ?? 'GET',
      headers: init.body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      cache: 'no-store',
    });
  } catch {
    throw new ApiError('The server could not be reached. Check the connection and try again.', 0, [], null);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as { error?: { message?: string; issues?: ErrorIssue[] } } | null)?.error;
    throw new ApiError(error?.message ?? `The server answered ${response.status}.`, response.status, error?.issues ?? [], body);
  }
  return body as T;
}
