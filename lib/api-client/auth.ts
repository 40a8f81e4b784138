import type { z } from 'zod';
import type { credentialsSchema } from '@/lib/validation/auth';
import { request } from './request';
import { apiPath } from './paths';

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
