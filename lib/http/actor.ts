import { z } from 'zod';
import { AUTHOR_NAME_MAX } from '../validation/limits';
import type { Actor } from '../db/events';

/** Headers a browser tab sends with every change: its id (to skip its own echo) and its person's name. */
export const CLIENT_HEADER = 'x-argmap-client';
export const NAME_HEADER = 'x-argmap-name';

const clientIdSchema = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);

/**
 * Reads who is acting from the request headers. Both are hints for display (who did what, whose
 * echo to skip), never permissions; malformed values are ignored rather than refused.
 */
export function actorFrom(request: Request): Actor {
  const clientId = clientIdSchema.safeParse(request.headers.get(CLIENT_HEADER) ?? '');
  let name = '';
  try {
    name = decodeURIComponent(request.headers.get(NAME_HEADER) ?? '').trim().slice(0, AUTHOR_NAME_MAX);
  } catch {
    name = '';
  }
  return { name, clientId: clientId.success ? clientId.data : '' };
}
