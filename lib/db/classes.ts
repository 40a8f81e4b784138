import 'server-only';
import type { ClassInvite, ClassMember } from '../protocol/answers';
import { randomInt } from 'node:crypto';
import { freeSlug, slugify } from '../argument/interchange/map-slug';
import type { Policy, Role } from '../auth/permissions';
import { AppError } from '../validation/app-error';
import { hashKey, newMemberKey, type Access } from './access';
import { GUEST_NAME } from '../argument/pseudonyms';
import { db, sqlRead, sqlTransaction } from './client';
import type { Sql } from './sql';
import { announceAccessChange } from './event-bus';
import { freshIds } from './import';
import { newId } from './graph-rows';
import { readGraphOf } from './graph-rows';
import { writeGraphIn } from './write-graph';
import { rosterOf } from './roster';

/** Letters and digits that cannot be mistaken for each other when read off a projector. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const INVITE_CODE_LENGTH = 6;

/** A new invite code, e.g. "K7QX2M". */
export function newInviteCode(): string {
  return Array.from({ length: INVITE_CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

export type InviteView = ClassInvite;

/**
 * `POST /api/maps/{slug}/copies`: a copy of the map for a class, owned by `user`, starting with the
 * `invite` policy and an active invite. The copy shares the essay and copies every point, step
 * and objection under fresh ids.
 */
export async function copyMap(
  slug: string,
  input: { title: string; className?: string },
  user: { id: string; username: string },
): Promise<{ map: { slug: string }; invite: InviteView }> {
  const client = await db();
  const source = await client.argumentMap.findUnique({ where: { slug }, select: { id: true, documentId: true } });
  if (!source) throw new AppError('not_found', `There is no map called "${slug}".`);
  const graph = await readGraphOf(source.id);
  const base = slugify(input.title);
  // One synchronous transaction of prepared statements, as an import: a 5,000-point copy through
  // Prisma took seconds, holding the app's one connection while every other request waited.
  return sqlTransaction(async (sql) => {
    await sql.lockSlugs();
    const taken = await sql.all<{ slug: string }>('SELECT "slug" FROM "ArgumentMap" WHERE substr("slug", 1, ?) = ?', base.length, base);
    const newSlug = freeSlug(base, new Set(taken.map((t) => t.slug)));
    const now = new Date();
    const mapId = newId();
    await sql.run(
      'INSERT INTO "ArgumentMap" ("id", "slug", "title", "documentId", "policy", "ownerId", "className", "copiedFromId", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      mapId,
      newSlug,
      input.title,
      source.documentId,
      'invite',
      user.id,
      input.className?.trim() ?? '',
      source.id,
      now,
      now,
    );
    await writeGraphIn(sql, mapId, graph, freshIds(newSlug, graph), now.getTime());
    await sql.run(
      'INSERT INTO "Membership" ("id", "mapId", "userId", "name", "role", "createdAt") VALUES (?, ?, ?, ?, ?, ?)',
      newId(),
      mapId,
      user.id,
      user.username,
      'owner',
      now,
    );
    let code = newInviteCode();
    while (await sql.one('SELECT 1 FROM "Invite" WHERE "code" = ?', code)) code = newInviteCode();
    await sql.run(
      'INSERT INTO "Invite" ("id", "mapId", "code", "role", "active", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?)',
      newId(),
      mapId,
      code,
      'editor',
      true,
      now,
      now,
    );
    return { map: { slug: newSlug }, invite: { code, role: 'editor', active: true } as InviteView };
  });
}

async function freeCode(tx: Pick<Awaited<ReturnType<typeof db>>, 'invite'>): Promise<string> {
  for (;;) {
    const code = newInviteCode();
    if (!(await tx.invite.findUnique({ where: { code }, select: { id: true } }))) return code;
  }
}

/**
 * `POST /api/invites/{code}`: joins the invite's map under `name`. A signed-in person joins as
 * their account; anyone else gets a member key for their browser's cookie (only its hash is kept).
 */
export async function joinWithInvite(
  code: string,
  name: string,
  user: { id: string; username: string } | null,
): Promise<{ map: { slug: string; id: string }; role: Role; memberKey: string | null }> {
  const client = await db();
  const invite = await client.invite.findUnique({
    where: { code: code.toUpperCase() },
    select: { active: true, role: true, map: { select: { id: true, slug: true } } },
  });
  if (!invite || !invite.active) throw new AppError('not_found', 'This invite is not valid any more. Ask your teacher for the current code.');
  const role = invite.role as Role;
  if (user) {
    const existing = await client.membership.findFirst({
      where: { mapId: invite.map.id, userId: user.id },
      select: { role: true, removedAt: true },
      orderBy: { createdAt: 'desc' },
    });
    if (existing?.removedAt) throw new AppError('forbidden', 'The owner removed you from this map.');
    if (existing) return { map: invite.map, role: existing.role as Role, memberKey: null };
    await client.membership.create({ data: { mapId: invite.map.id, userId: user.id, name: user.username, role } });
    return { map: invite.map, role, memberKey: null };
  }
  // On an anonymous class a name is how "Student N" is told apart: one already in use there would
  // share its number, and show its points to the newcomer under that name.
  const taken = await sqlRead((sql) => nameInUse(sql, invite.map.id, name));
  if (taken) throw new AppError('conflict', taken, { issues: [{ path: ['name'], message: taken }] });
  const memberKey = newMemberKey();
  await client.membership.create({ data: { mapId: invite.map.id, keyHash: hashKey(memberKey), name, role } });
  return { map: invite.map, role, memberKey };
}

/**
 * Why `name` cannot join the anonymous map `mapId` (null: it can, or the map is not anonymous): it is
 * a name already used there — by a member, the owner, or on a point or comment (the essay's
 * analysts) — or one the class's labels use ("Guest", "Student 3"), compared without regard to
 * case. Each lookup reads only this map's rows (linear in the map).
 */
async function nameInUse(sql: Sql, mapId: string, name: string): Promise<string | null> {
  const map = await sql.one<{ anonymous: number | boolean; ownerName: string | null }>(
    'SELECT m."anonymous" AS "anonymous", u."username" AS "ownerName" FROM "ArgumentMap" m LEFT JOIN "User" u ON u."id" = m."ownerId" WHERE m."id" = ?',
    mapId,
  );
  if (!map || !map.anonymous) return null;
  const lower = name.toLowerCase();
  if (lower === GUEST_NAME.toLowerCase() || /^student\s*\d+$/i.test(name))
    return `“${name}” is how this anonymous class labels people. Join under your own name — only your teacher sees it.`;
  const used = map.ownerName?.toLowerCase() === lower || (await namesOn(sql, mapId)).has(lower);
  return used ? `Someone in this class already uses the name “${name}”. Add an initial or a surname (e.g. “${name} K.”).` : null;
}

/**
 * Every name used on the map, in lower case: members', and on its points and comments. Compared in
 * JavaScript, not with SQL's lower(), which folds only ASCII on SQLite and all of Unicode on
 * PostgreSQL ("Émile" would be free on one and taken on the other). Linear in the map.
 */
async function namesOn(sql: Sql, mapId: string): Promise<Set<string>> {
  const rows = await sql.all<{ name: string }>(
    `SELECT "name" FROM "Membership" WHERE "mapId" = ?
     UNION SELECT "author" FROM "Node" WHERE "mapId" = ?
     UNION SELECT "author" FROM "Comment" WHERE "mapId" = ?`,
    mapId,
    mapId,
    mapId,
  );
  return new Set(rows.map((row) => row.name.toLowerCase()));
}

export type MemberView = ClassMember;

/** `GET /api/maps/{slug}/members`: the members, the invite, the policy and whether the class is anonymous (owner only; checked by the route). */
export async function membersOf(access: Access): Promise<{ members: MemberView[]; invite: InviteView | null; policy: Policy; anonymous: boolean }> {
  const client = await db();
  const [members, invite, roster] = await Promise.all([
    client.membership.findMany({
      where: { mapId: access.mapId, removedAt: null },
      select: { id: true, name: true, role: true, userId: true, createdAt: true },
      orderBy: { createdAt: 'asc' },
    }),
    client.invite.findUnique({ where: { mapId: access.mapId }, select: { code: true, role: true, active: true } }),
    rosterOf(access.mapId),
  ]);
  return {
    members: members.map((m) => ({
      id: m.id,
      name: m.name,
      alias: roster.pseudonyms.get(m.name) ?? null,
      role: m.role as Role,
      account: m.userId !== null,
      joinedAt: m.createdAt.toISOString(),
    })),
    invite: invite as InviteView | null,
    policy: access.policy,
    anonymous: roster.anonymous,
  };
}

/** `PATCH /api/maps/{slug}/members/{id}`: changes a member's role; the owner's own role stays. */
export async function setMemberRole(access: Access, memberId: string, role: Exclude<Role, 'owner'>): Promise<MemberView> {
  const client = await db();
  const member = await client.membership.findFirst({ where: { id: memberId, mapId: access.mapId, removedAt: null }, select: { id: true, role: true } });
  if (!member) throw new AppError('not_found', 'There is no such member of this map.');
  if (member.role === 'owner')
    throw new AppError('bad_request', "The owner's role cannot be changed.", { issues: [{ path: ['role'], message: 'The owner stays the owner.' }] });
  const row = await client.membership.update({
    where: { id: memberId },
    data: { role },
    select: { id: true, name: true, role: true, userId: true, createdAt: true },
  });
  announceAccessChange(access.mapId);
  const roster = await rosterOf(access.mapId);
  return {
    id: row.id,
    name: row.name,
    alias: roster.pseudonyms.get(row.name) ?? null,
    role: row.role as Role,
    account: row.userId !== null,
    joinedAt: row.createdAt.toISOString(),
  };
}

/** `DELETE /api/maps/{slug}/members/{id}`: removes a member (their points stay, attributed to them). */
export async function removeMember(access: Access, memberId: string): Promise<{ removed: string }> {
  const client = await db();
  const member = await client.membership.findFirst({ where: { id: memberId, mapId: access.mapId, removedAt: null }, select: { role: true } });
  if (!member) throw new AppError('not_found', 'There is no such member of this map.');
  if (member.role === 'owner') throw new AppError('bad_request', 'The owner cannot be removed.');
  await client.membership.update({ where: { id: memberId }, data: { removedAt: new Date() } });
  announceAccessChange(access.mapId);
  return { removed: memberId };
}

/** `PUT /api/maps/{slug}/invite`: rotates the code (the old one stops working), or turns the invite off or on. */
export async function changeInvite(access: Access, action: 'rotate' | 'disable' | 'enable', role?: Exclude<Role, 'owner'>): Promise<InviteView> {
  const client = await db();
  const current = await client.invite.findUnique({ where: { mapId: access.mapId }, select: { id: true } });
  const data = {
    ...(action === 'rotate' ? { code: await freeCode(client), active: true } : {}),
    ...(action === 'disable' ? { active: false } : {}),
    ...(action === 'enable' ? { active: true } : {}),
    ...(role ? { role } : {}),
  };
  const row = current
    ? await client.invite.update({ where: { id: current.id }, data, select: { code: true, role: true, active: true } })
    : await client.invite.create({ data: { mapId: access.mapId, code: await freeCode(client), ...data }, select: { code: true, role: true, active: true } });
  return row as InviteView;
}

/** `PATCH /api/maps/{slug}`: the owner sets who may do what without being a member. */
export async function setPolicy(access: Access, policy: Policy): Promise<{ policy: Policy }> {
  const client = await db();
  await client.argumentMap.update({ where: { id: access.mapId }, data: { policy } });
  announceAccessChange(access.mapId);
  return { policy };
}
