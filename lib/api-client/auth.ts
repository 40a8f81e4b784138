import type { z } from 'zod';
import type { credentialsSchema } from '@/lib/validation/auth';
import { request } from './request';
import { apiPath } from './urls';

/** `POST /api/auth/signup` and `…/login`: a username and a password. */
export type Credentials = z.input<typeof credentialsSchema>;

/** An account, as the auth endpoints answer with it. */
export interface SessionUser {
  id: string;
  username: string;
}

/** `POST /api/auth/signup` — make an account and sign this browser in to it (201). */
export function signUp(credentials: Credentials): Promise<{ user: SessionUser }> {
  return request(apiPath('auth', 'signup'), { method: 'POST', body: credentials });
}

/** `POST /api/auth/login` — sign this browser in. */
export function logIn(credentials: Credentials): Promise<{ user: SessionUser }> {
  return request(apiPath('auth', 'login'), { method: 'POST', body: credentials });
}

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
