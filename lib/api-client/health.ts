import { request } from './request';
import { apiPath } from './urls';

/**
 * `GET /api/health` — whether the server answers and is well (200): false when it answers 503 or
 * cannot be reached. A bare request (`RequestOptions.bare`), as the map's error page probes with it.
 */
export function serverIsHealthy(): Promise<boolean> {
  return request(apiPath('health'), { bare: true }).then(
    () => true,
    () => false,
  );
}
