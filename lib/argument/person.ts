import { can, type Action, type Role } from '../auth/permissions';
import type { Decision } from './refusal';

/**
 * Who asks for a change to a map, as the rules of editing, deleting and undoing need to know them
 * (lib/db builds it from the request's access). Absent where a change is made on nobody's behalf:
 * then no permission is checked.
 */
export interface Person {
  /** Their role on the map (null: none). */
  role: Role | null;
  /** Their mark, as `Node.createdBy` and `Node.deletedBy` hold it; null when anonymous. */
  mark: string | null;
  /** Whether the map is open (policy `open`): anyone with the URL contributes. */
  openMap: boolean;
  /** Whether a point made by `maker` counts as their own (lib/db/access.ts `ownsPoint`: on an open map, every point). */
  owns(maker: string | null): boolean;
}

/**
 * A decision that may stop at a permission: what to do, why not, or the action the person's role
 * does not allow (`lacks`). The rules name the action at the point they need it, so what comes
 * first is refused first; the data layer refuses a lacking action in its own words (401 or 403,
 * lib/db/access.ts `assertCan`).
 */
export type Checked<T> = Decision<T> | { ok: false; lacks: Action };

/** The stop when `person` may not do `action`; null when they may (or nobody is asking). */
export function lacking(person: Person | undefined, action: Action): { ok: false; lacks: Action } | null {
  return person && !can(person.role, action) ? { ok: false, lacks: action } : null;
}

/** A refusal as a decision: `message`, and where in the request the fault is (`path`, with its own words or the message). */
export function refused(code: 'bad_request' | 'conflict' | 'not_found' | 'forbidden', message: string, path?: (string | number)[], issue?: string) {
  return { ok: false as const, refusal: { code, message, issues: path ? [{ path, message: issue ?? message }] : [] } };
}
