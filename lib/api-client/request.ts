import { ApiError, OFFLINE_MESSAGE } from './errors';
import { browserKey, ownerKey, rememberedName } from './identity';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: Method;
  /** Sent as JSON, with `Content-Type: application/json`. */
  body?: unknown;
  /**
   * Sent as a plain fetch: without this browser's ids and name (`X-Argmap-*`, which would make them
   * on a page that has none yet), and not told to {@link onServerReach}'s listeners. For the
   * questions every page asks (who is signed in, signing out) and the error page's health probe.
   */
  bare?: boolean;
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

/** Reports whether the server was reached by something other than {@link request} (a part of the page fetched on demand). */
export function reportReach(reached: boolean): void {
  for (const listener of reachListeners) listener(reached);
}

/**
 * Calls the JSON API at `path` (from `apiPath`); the endpoint functions of this folder are the
 * callers. A non-2xx answer throws {@link ApiError} with the server's message and issues; a
 * network failure throws one with status 0 and {@link OFFLINE_MESSAGE}.
 */
export async function request<T>(path: string, { method = 'GET', body, bare = false }: RequestOptions = {}): Promise<T> {
  let response: Response;
  const headers: Record<string, string> = bare
    ? {}
    : {
        'X-Argmap-Client': browserKey(),
        'X-Argmap-Owner': ownerKey(),
        'X-Argmap-Name': encodeURIComponent(rememberedName()),
      };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
  } catch {
    if (!bare) reportReach(false);
    throw new ApiError(OFFLINE_MESSAGE, 0, [], null);
  }
  if (!bare) reportReach(true);
  const answer: unknown = await response.json().catch(() => null);
  if (!response.ok) throw ApiError.fromAnswer(response.status, answer);
  return answer as T;
}
