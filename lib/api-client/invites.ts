import type { z } from 'zod';
import type { Role } from '@/lib/auth/permissions';
import type { joinSchema } from '@/lib/validation/classes';
import { request } from './request';
import { apiPath } from './paths';

/** `POST /api/invites/{code}`: the name the class will see. */
export type JoinRequest = z.input<typeof joinSchema>;

/** `POST /api/invites/{code}` — join the invite's map under a name (201); the browser keeps the membership in a cookie. */
export function joinClass(code: string, join: JoinRequest): Promise<{ map: { slug: string }; role: Role }> {
  return request(apiPath('invites', code), { method: 'POST', body: join });
}
