import type { SessionUser } from './auth';
import { request } from './request';
import { apiPath } from './paths';

/**
 * `GET /api/auth/me` — who this browser is signed in as (`user: null` when no one). Asked by every
 * page's account menu, so it is a bare request (`RequestOptions.bare`); an answer that is not JSON
 * reads as no one.
 */
export async function getSignedInUser(): Promise<{ user: SessionUser | null }> {
  return (await request<{ user: SessionUser | null } | null>(apiPath('auth', 'me'), { bare: true })) ?? { user: null };
}

/** `POST /api/auth/logout` — end this browser's session (fine when there is none). A bare request, as {@link getSignedInUser}. */
export function logOut(): Promise<{ ok: true }> {
  return request(apiPath('auth', 'logout'), { method: 'POST', bare: true });
}
