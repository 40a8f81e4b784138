import type { Policy, Role } from '../auth/permissions';
import type { Rating } from './discussion';
import type { Status } from './evaluation';
import type { ArgNode, Conflict, FlatEdge, Inference } from './model';

/** A document as maps see it: `text` is stored exactly as given, and quotes index into it. */
export interface DocumentView {
  slug: string;
  title: string;
  author: string;
  source: string;
  /** When it was published (`YYYY-MM`), or null when unknown: "judge as of the essay's date". */
  published: string | null;
  text: string;
}

/** Everything a client needs to show one map: the answer of `GET /api/maps/{slug}`. */
export interface MapView {
  /** `anonymous`: students see each other as "Student N" (lib/argument/pseudonyms.ts); the owner sees names. */
  map: { slug: string; title: string; policy: Policy; className: string; anonymous: boolean };
  /**
   * Who is looking, and what they may do (the server checks again on every change); `alias` is how
   * classmates see them on an anonymous map ("Student 3"), else null.
   */
  viewer: { role: Role | null; name: string | null; signedIn: boolean; alias: string | null };
  document: DocumentView;
  /** Each node with its status from the evaluation of the whole map (see lib/argument/evaluation.ts). */
  nodes: (ArgNode & { status: Status; own: boolean })[];
  inferences: Inference[];
  conflicts: Conflict[];
  edges: FlatEdge[];
  /** The thesis's status, and the month the map was judged as of (null: with everything on it, today). */
  evaluation: { thesis: Status | null; asOf: string | null };
  /** The newest entry of the map's event log when this view was read: live updates resume after it. */
  lastEventId: number;
  /** The crowd's ratings (0–4) of the nodes that have votes; shown beside, never mixed with, the status. */
  ratings: Record<string, Rating>;
  /** How many comments each node with comments has. */
  commentCounts: Record<string, number>;
}
