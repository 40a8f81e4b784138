import 'server-only';
import type { Actor } from '../db/events';
import { attributedName, creatorMark, hashKey, type Access } from '../db/access';
import { actorFrom } from './actor';

/**
 * Who is acting, as the event log, presence, comments and votes record it. On a map where the
 * person is known (signed in or joined), the name, the key that owns their comments and votes,
 * and the mark the log keeps (`MapEvent.actorMark`, as {@link creatorMark}) come from that
 * identity — headers cannot claim someone else's. Anonymous people on an open map are known only
 * by their browser (its name header and secret owner key), and have no mark.
 */
export function actingAs(request: Request, access: Access): Actor & { ownerKey: string } {
  const sent = actorFrom(request);
  const mark = creatorMark(access.identity);
  return {
    name: attributedName(access, sent.name),
    clientId: sent.clientId,
    ownerKey: mark ? hashKey(`owner:${mark}`) : sent.ownerKey,
    mark,
  };
}
