import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { cookieValue } from '../auth/cookies';
import { can, effectiveRole, type Action, type Policy, type Role } from '../auth/permissions';
import { currentUser } from '../auth/sessions';
import { AppError } from '../validation/app-error';
import { GUEST_NAME } from '../argument/pseudonyms';
import { db, sqlRead } from './client';

/** Who is asking: an account, a student who joined by invite, or nobody in particular. */
export type Identity = { kind: 'user'; userId: string; name: string } | { kind: 'member'; memberId: string; name: string } | { kind: 'anonymous' };

/** What one request may do on one map, and as whom. */
export interface Access {
  mapId: string;
  policy: Policy;
  role: Role | null;
  identity: Identity;
  /** The membership that gave the role, if any. */
  memberId: string | null;
  /** Whether the map is anonymous for its class (lib/argument/pseudonyms.ts); absent = not. */
  anonymous?: boolean;
}

/** The cookie that holds a joined student's key for one map (only its hash is stored). */
export function memberCookieName(mapId: string): string {
  return `argmap_member_${mapId}`;
}

export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** A new random member key (the cookie's value). */
export function newMemberKey(): string {
  return randomBytes(32).toString('base64url');
}

/** 32 random bytes in base64url, as {@link newMemberKey} makes them: exactly 43 characters. */
const MEMBER_KEY_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * The well-formed member key in the request's `Cookie` header, or undefined. The value is matched
 * as it is, never decoded: a key is plain base64url, so anything else (a stray `%`, a value too
 * long or too short) is no key and the request goes on as anonymous.
 */
function memberKey(request: Request, name: string): string | undefined {
  return cookieValue(request, name, MEMBER_KEY_PATTERN) ?? undefined;
}

/**
 * The `createdBy` mark of an identity: what "their own" points are compared against.
 * Anonymous people on an open map have none, so every editor may edit such points.
 */
export function creatorMark(identity: Identity): string | null {
  if (identity.kind === 'user') return `user:${identity.userId}`;
  if (identity.kind === 'member') return `member:${identity.memberId}`;
  return null;
}

/** Works out the role of the person making `request` on the map `slug` (404 for an unknown map). */
export async function resolveAccess(request: Request, slug: string): Promise<Access> {
  const client = await db();
  // On every request: one prepared statement rather than a Prisma query.
  const map = await sqlRead((sql) =>
    sql.one<{ id: string; policy: string; ownerId: string | null; anonymous: number | boolean }>(
      'SELECT "id", "policy", "ownerId", "anonymous" FROM "ArgumentMap" WHERE "slug" = ?',
      slug,
    ),
  );
  if (!map) throw new AppError('not_found', `There is no map called "${slug}".`);
  const policy = map.policy as Policy;
  const user = await currentUser(request);
  // One identity per request: a signed-in person is their account, and only the account's own
  // membership counts. A member key from the same browser is ignored, so an account the owner
  // removed cannot come back in through a name it joined with anonymously.
  let member: { id: string; role: string; name: string } | null = null;
  if (user) {
    member = await client.membership.findFirst({ where: { mapId: map.id, userId: user.id, removedAt: null }, select: { id: true, role: true, name: true } });
  } else {
    const key = memberKey(request, memberCookieName(map.id));
    if (key) {
      member = await client.membership.findFirst({
        where: { mapId: map.id, keyHash: hashKey(key), removedAt: null },
        select: { id: true, role: true, name: true },
      });
    }
  }
  const isOwner = !!user && map.ownerId === user.id;
  const role = effectiveRole({ isOwner, memberRole: (member?.role as Role | undefined) ?? null, policy });
  const identity: Identity = user
    ? { kind: 'user', userId: user.id, name: user.username }
    : member
      ? { kind: 'member', memberId: member.id, name: member.name }
      : { kind: 'anonymous' };
  return { mapId: map.id, policy, role, identity, memberId: member?.id ?? null, anonymous: Boolean(map.anonymous) };
}

/**
 * Resolves access and insists on `action`: no role and no identity → 401 (sign in, or join with the
 * invite); a role too weak (or no role though identified) → 403.
 */
export async function authorize(request: Request, slug: string, action: Action): Promise<Access> {
  const access = await resolveAccess(request, slug);
  assertCan(access, action);
  return access;
}

/** Throws 401/403 unless `access` allows `action`. */
export function assertCan(access: Access, action: Action): void {
  if (can(access.role, action)) return;
  if (access.role === null && access.identity.kind === 'anonymous') {
    throw new AppError('unauthorized', 'This map is for its members: sign in, or join with the invite link.');
  }
  throw new AppError(
    'forbidden',
    access.role ? `As ${article(access.role)} ${access.role} you cannot do that on this map.` : 'You are not a member of this map.',
  );
}

function article(role: Role): string {
  return role === 'owner' || role === 'editor' ? 'an' : 'a';
}

export { GUEST_NAME };

/**
 * The name a person's additions are signed with: a known person's own, never the body's. Someone
 * unknown (on an open map) signs with the name they type. On an anonymous map only the class is
 * named (as "Student N", and the owner): anyone else — a visitor, or someone signed in who never
 * joined — is {@link GUEST_NAME}, since their own name would show every classmate who wrote it.
 */
export function attributedName(access: Access, requested: string | undefined): string {
  if (isGuestOnAnonymousMap(access)) return GUEST_NAME;
  if (access.identity.kind !== 'anonymous') return access.identity.name;
  return requested?.trim() || 'Anonymous';
}

/** Neither a member nor the owner of an anonymous map: signed {@link GUEST_NAME}, and unnamed in the presence list. */
export function isGuestOnAnonymousMap(access: Access): boolean {
  return access.anonymous === true && access.role !== 'owner' && access.memberId === null;
}

/**
 * Whether a point counts as the person's own: they made it — or the map is open, where nobody
 * signs in and every contributor may tend every point, as on a shared whiteboard.
 */
export function ownsPoint(access: Access, createdBy: string | null): boolean {
  if (access.policy === 'open') return true;
  const mark = creatorMark(access.identity);
  return mark !== null && createdBy === mark;
}
