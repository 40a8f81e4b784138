import { apiPath } from './paths';

/**
 * `GET /api/health` — whether the server answers and is well (200): false when it answers 503 or
 * cannot be reached. For the map's error page, whose code is a bundle of its own: so it is a plain
 * fetch, as `request`'s `bare` mode sends, without the rest of the client (no ids, no reach reports,
 * and the body is not needed).
 */
export function serverIsHealthy(): Promise<boolean> {
  return fetch(apiPath('health'), { cache: 'no-store' }).then(
    (response) => response.ok,
    () => false,
  );
}
