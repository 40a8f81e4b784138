import { call, loadHandler, routeFor, sameOriginRequest, type Method } from './routes';

/** One answer: the status, the parsed JSON body (or null), and the raw headers. */
export interface Answer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * A browser for in-process API tests: same-origin requests to the route handlers, with a cookie jar
 * that keeps what `Set-Cookie` hands it (and forgets a cookie given `Max-Age=0`). `headers` are sent
 * with every request (e.g. `X-Forwarded-For`); `cookie` adds raw cookies of its own.
 */
export function testBrowser(headers: Record<string, string> = {}) {
  const jar = new Map<string, string>();
  async function request<T = unknown>(
    method: Method,
    path: string,
    { body, extraHeaders = {} }: { body?: unknown; extraHeaders?: Record<string, string> } = {},
  ): Promise<Answer<T>> {
    const { route, params } = routeFor(method, path);
    const handler = await loadHandler(route);
    const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await call(
      handler,
      sameOriginRequest(method, path, { body, headers: { ...(cookie ? { cookie } : {}), ...headers, ...extraHeaders } }),
      params,
    );
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';').map((part) => part.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      if (attributes.some((a) => /^max-age=0$/i.test(a))) jar.delete(name);
      else jar.set(name, pair.slice(eq + 1));
    }
    const text = await response.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = text;
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }
  return {
    jar,
    request,
    get: <T = unknown>(path: string, extraHeaders?: Record<string, string>) => request<T>('GET', path, { extraHeaders }),
    post: <T = unknown>(path: string, body: unknown = {}, extraHeaders?: Record<string, string>) => request<T>('POST', path, { body, extraHeaders }),
    put: <T = unknown>(path: string, body: unknown, extraHeaders?: Record<string, string>) => request<T>('PUT', path, { body, extraHeaders }),
    delete: <T = unknown>(path: string, extraHeaders?: Record<string, string>) => request<T>('DELETE', path, { extraHeaders }),
  };
}

export type TestBrowser = ReturnType<typeof testBrowser>;
