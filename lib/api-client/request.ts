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

  /** The request never reached the server (offline, or the server is down): nothing was done. */
  get offline(): boolean {
    return this.status === 0;
  }
}

/** What a request that could not reach the server says (forms that keep a draft say more). */
export const OFFLINE_MESSAGE = 'You’re offline — the server could not be reached. Try again when the connection is back.';

/** What a form says when its send could not reach the server: the text stays in the form. */
export const OFFLINE_DRAFT_MESSAGE = 'You’re offline — your text is kept; send again when reconnected.';

/** The colours of an offline notice in a form: amber like the header's Offline, not the red of a refusal. */
export const OFFLINE_TONE = 'border-amber-300 bg-amber-50 text-amber-950';

/** Whether `error` means the server could not be reached (a failed request or a part of the page that could not be fetched). */
export function isOfflineError(error: unknown): boolean {
  return error instanceof ApiError && error.offline;
}

type ReachListener = (reached: boolean) => void;
const reachListeners = new Set<ReachListener>();

/**
 * Tells `listener` after every API request whether it reached the server (any answer, even an
 * error status) or not (a network failure). The workspace's connection state listens.
 * Returns the unsubscribe function.
 */
export function onServerReach(listener: ReachListener): () => void {
  reachListeners.add(listener);
  return () => reachListeners.delete(listener);
}

/** Reports whether the server was reached by something other than `apiRequest` (a part of the page fetched on demand). */
export function reportReach(reached: boolean): void {
  for (const listener of reachListeners) listener(reached);
}

const CLIENT_KEY = 'argmap.client';
const OWNER_KEY = 'argmap.owner';

/** A random id; `crypto.randomUUID` exists only on secure origins (not on http://192.168.x.y in class). */
function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function stored(key: string): string {
  let value = window.localStorage.getItem(key);
  if (!value) {
    value = randomId();
    window.localStorage.setItem(key, value);
  }
  return value;
}
const AUTHOR_KEY = 'argmap.author';

/**
 * This browser's public id: it marks this browser's own changes in the live event stream, so they
 * are not echoed back as someone else's. Everyone on the map can see it; it grants nothing.
 */
export function browserKey(): string {
  return stored(CLIENT_KEY);
}

/**
 * This browser's secret key: it owns its anonymous comments. Never shown to others. Anonymous votes
 * are not owned by it but by the voter id the server keeps in an HttpOnly cookie (lib/auth/voter.ts),
 * which fetch sends by itself.
 */
function ownerKey(): string {
  return stored(OWNER_KEY);
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
  const headers: Record<string, string> = {
    'X-Argmap-Client': browserKey(),
    'X-Argmap-Owner': ownerKey(),
    'X-Argmap-Name': encodeURIComponent(rememberedName()),
  };
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  try {
    response = await fetch(url, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      cache: 'no-store',
    });
  } catch {
    reportReach(false);
    throw new ApiError(OFFLINE_MESSAGE, 0, [], null);
  }
  reportReach(true);
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as { error?: { message?: string; issues?: ErrorIssue[] } } | null)?.error;
    throw new ApiError(error?.message ?? `The server answered ${response.status}.`, response.status, error?.issues ?? [], body);
  }
  return body as T;
}
