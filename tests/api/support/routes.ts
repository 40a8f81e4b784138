import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type Method = (typeof METHODS)[number];
export const MUTATING: ReadonlySet<Method> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;

/** One exported handler of one `app/api/**\/route.ts`. */
export interface RouteMethod {
  /** `/api/maps/[slug]/nodes/[id]` */
  pattern: string;
  method: Method;
  /** The dynamic segments, in order: `['slug', 'id']`. */
  params: string[];
  /** Whether the handler reads a body (calls `parseBody`, or reads the request itself). */
  readsBody: boolean;
  file: string;
  /** `POST /api/maps/[slug]/nodes` */
  name: string;
}

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === 'route.ts' ? [full] : [];
  });
}

/**
 * Every API route handler, found the way Next finds them: each `app/api/**\/route.ts` and each of
 * GET/POST/PUT/PATCH/DELETE it exports (read from the source, so a route added today is covered
 * without editing the tests). Sorted by pattern, then method.
 */
export function discoverRoutes(): RouteMethod[] {
  const found: RouteMethod[] = [];
  for (const file of routeFiles(path.join(ROOT, 'app', 'api'))) {
    const source = readFileSync(file, 'utf8');
    const pattern = '/' + path.relative(path.join(ROOT, 'app'), path.dirname(file)).split(path.sep).join('/');
    const params = [...pattern.matchAll(/\[(?:\.\.\.)?([^\]]+)\]/g)].map((m) => m[1]);
    const exports = [...source.matchAll(/export\s+(?:const|(?:async\s+)?function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)];
    exports.forEach((match, i) => {
      const method = match[1] as Method;
      const body = source.slice(match.index, exports[i + 1]?.index ?? source.length);
      const readsBody = /parseBody\(|request\.(?:json|text|formData|arrayBuffer|blob)\(|request\.body\b/.test(body);
      found.push({ pattern, method, params, readsBody, file, name: `${method} ${pattern}` });
    });
  }
  return found.sort((a, b) => a.pattern.localeCompare(b.pattern) || METHODS.indexOf(a.method) - METHODS.indexOf(b.method));
}

/** Imports the handler (after the test has pointed DATABASE_URL at its throwaway database). */
export async function loadHandler(route: RouteMethod): Promise<Handler> {
  const mod = (await import(/* @vite-ignore */ route.file)) as Record<string, Handler>;
  const handler = mod[route.method];
  if (typeof handler !== 'function') throw new Error(`${route.file} does not export ${route.method} as a function`);
  return handler;
}

/** `/api/maps/[slug]/nodes/[id]` with `{ slug: 'a b', id: 'x' }` → `/api/maps/a%20b/nodes/x`. */
export function fillPattern(pattern: string, values: Record<string, string>): string {
  return pattern.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_, name: string) => utf8PercentEncode(values[name] ?? ''));
}

/** Percent-encodes any JS string, lone surrogates included (they become U+FFFD, as a browser sends them). */
export function utf8PercentEncode(value: string): string {
  return [...new TextEncoder().encode(value)]
    .map((byte) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`))
    .join('');
}

/** Calls a handler the way Next does: the Request, and the route's params as a promise. */
export async function call(handler: Handler, request: Request, params: Record<string, string>): Promise<Response> {
  return handler(request, { params: Promise.resolve(params) });
}

/** Whether `body` is the API's error body: `{ error: { message, issues? } }`. */
export function isErrorBody(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const error = (body as { error?: unknown }).error;
  if (typeof error !== 'object' || error === null) return false;
  const { message, issues } = error as { message?: unknown; issues?: unknown };
  if (typeof message !== 'string' || message.length === 0) return false;
  if (issues === undefined) return true;
  return Array.isArray(issues) && issues.every((i) => typeof i === 'object' && i !== null && Array.isArray(i.path) && typeof i.message === 'string');
}

const ORIGIN = 'http://localhost:3000';

/** The route whose pattern matches `path`, and the params it names (`/api/maps/x/nodes/y` → slug, id). */
export function routeFor(method: Method, path: string): { route: RouteMethod; params: Record<string, string> } {
  for (const route of discoverRoutes()) {
    if (route.method !== method) continue;
    const pattern = new RegExp(`^${route.pattern.replace(/\[(?:\.\.\.)?[^\]]+\]/g, '([^/]+)')}$`);
    const match = pattern.exec(path.split('?')[0]);
    if (match) return { route, params: Object.fromEntries(route.params.map((name, i) => [name, decodeURIComponent(match[i + 1])])) };
  }
  throw new Error(`No route for ${method} ${path}`);
}

/** A request as the app's own page sends it: same origin, JSON body when there is one, plus `headers`. */
export function sameOriginRequest(method: Method, path: string, { body, headers = {} }: { body?: unknown; headers?: Record<string, string> } = {}): Request {
  return new Request(`${ORIGIN}${path}`, {
    method,
    headers: {
      host: 'localhost:3000',
      origin: ORIGIN,
      'sec-fetch-site': 'same-origin',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** Sends `method path` (query string allowed) to the route handler that serves it, in-process. */
export async function send(method: Method, path: string, options: { body?: unknown; headers?: Record<string, string> } = {}): Promise<Response> {
  const { route, params } = routeFor(method, path.split('?')[0]);
  return call(await loadHandler(route), sameOriginRequest(method, path, options), params);
}
