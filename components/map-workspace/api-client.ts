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

const CLIENT_KEY = 'argmap.client';
const AUTHOR_KEY = 'argmap.author';

/**
 * This browser's stable random id: it marks this browser's own changes in the live event stream
 * (so they are not echoed back as someone else's), and owns its comments and votes until accounts exist.
 */
export function browserKey(): string {
  let key = window.localStorage.getItem(CLIENT_KEY);
  if (!key) {
    key = crypto.randomUUID();
    window.localStorage.setItem(CLIENT_KEY, key);
  }
  return key;
}

/** The display name this browser last signed its points with ('' until it has added one). */
export function rememberedName(): string {
  return window.localStorage.getItem(AUTHOR_KEY) ?? '';
}

export function rememberName(name: string): void {
  window.localStorage.setItem(AUTHOR_KEY, name);
}

/** Calls the JSON API; a non-2xx answer throws {@link ApiError} with the server's message. */
export async function apiRequest<T = unknown>(url: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  let response: Response;
  const headers: Record<string, string> = { 'X-Argmap-Client': browserKey(), 'X-Argmap-Name': encodeURIComponent(rememberedName()) };
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  try {
    response = await fetch(url, {
      method: init.method ?? 'GET',
      headers,
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
