import type { z } from 'zod';
import type { Policy } from '@/lib/auth/permissions';
import type { copySchema, inviteChangeSchema, memberRoleSchema } from '@/lib/validation/classes';
import type { ClassInvite, ClassMember } from '@/lib/protocol/answers';
import { request } from './request';
import { apiPath } from './paths';

/** `POST /api/maps/{slug}/copies`: the copy's title and, optionally, the class's name. */
export type CopyRequest = z.input<typeof copySchema>;
/** `PUT /api/maps/{slug}/invite`: rotate the code, or turn the invite on or off (optionally with the role students join as). */
export type InviteChange = z.input<typeof inviteChangeSchema>;
/** `PATCH /api/maps/{slug}/members/{id}`: the role the owner gives a member. */
export type MemberRoleChange = z.input<typeof memberRoleSchema>;

/** One member of a class copy, as the owner sees them. */
export type Member = ClassMember;
/** A class copy's invite: its code, the role students join as, and whether it is on. */
export type Invite = ClassInvite;

/** `GET /api/maps/{slug}/members`: the members, the invite, the policy and whether the class is anonymous. */
export interface Sharing {
  members: Member[];
  invite: Invite | null;
  policy: Policy;
  anonymous: boolean;
}

/** `POST /api/maps/{slug}/copies` — a signed-in person copies the map for a class and owns the copy (201): it, and its invite's code and link. */
export function copyMap(slug: string, copy: CopyRequest): Promise<{ map: { slug: string }; invite: { code: string; url: string } }> {
  return request(apiPath('maps', slug, 'copies'), { method: 'POST', body: copy });
}

/** `GET /api/maps/{slug}/members` — the members, their roles, the invite and the policy (owner only). */
export function getSharing(slug: string): Promise<Sharing> {
  return request(apiPath('maps', slug, 'members'));
}

/** `PUT /api/maps/{slug}/invite` — rotate the invite code, or turn the invite off or on (owner only). */
export function changeInvite(slug: string, change: InviteChange): Promise<{ invite: Invite & { url: string } }> {
  return request(apiPath('maps', slug, 'invite'), { method: 'PUT', body: change });
}

/** `PATCH /api/maps/{slug}/members/{id}` — change a member's role (owner only). */
export function setMemberRole(slug: string, memberId: string, change: MemberRoleChange): Promise<{ member: Member }> {
  return request(apiPath('maps', slug, 'members', memberId), { method: 'PATCH', body: change });
}

/** `DELETE /api/maps/{slug}/members/{id}` — remove a member; their points stay (owner only). */
export function removeMember(slug: string, memberId: string): Promise<{ removed: string }> {
  return request(apiPath('maps', slug, 'members', memberId), { method: 'DELETE' });
}
