import { createHash } from 'node:crypto';
import { z } from 'zod';
import { AUTHOR_NAME_MAX } from '../validation/limits';
import type { Actor } from '../db/events';

/**
 * Headers a browser sends with every request:
 * - `X-Argmap-Client` — a public id, shown in the event log so the browser can skip its own echo;
 * - `X-Argmap-Owner` — a secret key that owns its anonymous comments. It is never shown to anyone:
 *   the server keeps only its SHA-256 hash. Anonymous votes do not go by it (a client could send a
 *   new one per vote) but by the voter id the server signs and keeps in a cookie (lib/auth/voter.ts);
 * - `X-Argmap-Name` — the display name it signs with (URI-encoded).
 */
export const CLIENT_HEADER = 'x-argmap-client';
export const OWNER_HEADER = 'x-argmap-owner';
export const NAME_HEADER = 'x-argmap-name';

const ownerKeySchema = z.string().regex(/^[A-Za-z0-9-]{16,128}$/);

const clientIdSchema = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);

/**
 * Reads who is acting from the request headers. Name and client id are hints for display (who did
 * what, whose echo to skip), never permissions; the owner key's hash decides who may edit an
 * anonymous comment. Malformed values are ignored rather than refused.
 */
export function actorFrom(request: Request): Actor & { ownerKey: string } {
  const clientId = clientIdSchema.safeParse(request.headers.get(CLIENT_HEADER) ?? '');
  let name = '';
  try {
    // Control characters (a NUL among them, which PostgreSQL cannot store) are no part of a name.
    name = decodeURIComponent(request.headers.get(NAME_HEADER) ?? '')
      .replace(/[\u0000-\u001f\u007f]/g, '')
      .trim()
      .slice(0, AUTHOR_NAME_MAX);
  } catch {
    name = '';
  }
  const owner = ownerKeySchema.safeParse(request.headers.get(OWNER_HEADER) ?? '');
  return {
    name,
    clientId: clientId.success ? clientId.data : '',
    ownerKey: owner.success ? createHash('sha256').update(owner.data).digest('hex') : '',
    // Headers say nothing about identity: who is signed in or joined comes from `actingAs`.
    mark: null,
  };
}
