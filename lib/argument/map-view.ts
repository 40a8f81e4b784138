import type { ArgNode, Conflict, FlatEdge, Inference } from './model';

/** A document as maps see it: `text` is stored exactly as given, and quotes index into it. */
export interface DocumentView {
  slug: string;
  title: string;
  author: string;
  source: string;
  text: string;
}

/** Everything a client needs to show one map: the answer of `GET /api/maps/{slug}`. */
export interface MapView {
  map: { slug: string; title: string };
  document: DocumentView;
  nodes: ArgNode[];
  inferences: Inference[];
  conflicts: Conflict[];
  edges: FlatEdge[];
}

/** A map as the home page lists it. */
export interface MapSummary {
  slug: string;
  title: string;
  document: { slug: string; title: string; author: string; source: string };
  nodeCount: number;
  objectionCount: number;
  updatedAt: string;
}
