import type { Policy, Role } from '../auth/permissions';

/*
 * Answers of the API that the server makes (lib/db) and the browser reads (lib/api-client), declared
 * once for both.
 */

/** One member of a class copy, as the owner sees them (`GET /api/maps/{slug}/members`). */
export interface ClassMember {
  id: string;
  name: string;
  /** How classmates see them when the class is anonymous ("Student 3"); null when the map shows names (and for the owner). */
  alias: string | null;
  role: Role;
  account: boolean;
  joinedAt: string;
}

/** A class copy's invite: its code, the role students join as, and whether it is on. */
export interface ClassInvite {
  code: string;
  role: Role;
  active: boolean;
}

/** A map's settings, as `PATCH /api/maps/{slug}` answers: its name, whether it is archived, its policy, anonymity. */
export interface MapSettings {
  slug: string;
  title: string;
  archived: boolean;
  /** When it was archived (ISO 8601), or null. */
  archivedAt: string | null;
  policy: Policy;
  /** Students see each other as "Student N"; the owner sees names. */
  anonymous: boolean;
}
