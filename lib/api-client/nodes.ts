import type { z } from 'zod';
import type { ArgNode, FlatEdge, Inference } from '@/lib/argument/model';
import type { connectionCreateSchema, inferenceUpdateSchema, nodeCreateSchema, nodeUpdateSchema, positionsSchema } from '@/lib/validation/node';
import { request } from './request';
import { apiPath } from './paths';

/** `POST /api/maps/{slug}/nodes`: a new point, connected to a target or placed unconnected. */
export type NodeCreate = z.input<typeof nodeCreateSchema>;
/** `PATCH /api/maps/{slug}/nodes/{id}`: new text (with the version it was based on), kind, position or debate details. */
export type NodeUpdate = z.input<typeof nodeUpdateSchema>;
/** `PATCH /api/maps/{slug}/inferences/{id}`: the step's argument scheme, or null. */
export type InferenceUpdate = z.input<typeof inferenceUpdateSchema>;
/** `POST /api/maps/{slug}/connections`: two points already on the map and how the first bears on the second. */
export type ConnectionCreate = z.input<typeof connectionCreateSchema>;
/** `PUT /api/maps/{slug}/positions`: many positions at once (null clears one). */
export type PositionsUpdate = z.input<typeof positionsSchema>;

/** `POST /api/maps/{slug}/nodes` — add a point (201): it, and the edge that connects it when it has a target. */
export function createNode(slug: string, node: NodeCreate): Promise<{ node: ArgNode; edge: FlatEdge | null }> {
  return request(apiPath('maps', slug, 'nodes'), { method: 'POST', body: node });
}

/** `PATCH /api/maps/{slug}/nodes/{id}` — edit a point; 409 (with the point as it is now) when its text changed since `version`. */
export function updateNode(slug: string, id: string, change: NodeUpdate): Promise<{ node: ArgNode }> {
  return request(apiPath('maps', slug, 'nodes', id), { method: 'PATCH', body: change });
}

/** `DELETE /api/maps/{slug}/nodes/{id}` — delete a point and what depends on it; undo with `restoreDeletion` and `deletionId`. */
export function deleteNode(slug: string, id: string): Promise<{ deletionId: string; removed: string[] }> {
  return request(apiPath('maps', slug, 'nodes', id), { method: 'DELETE' });
}

/** `POST /api/maps/{slug}/deletions/{deletionId}/restore` — undo a delete: the points it brings back. */
export function restoreDeletion(slug: string, deletionId: string): Promise<{ restored: string[] }> {
  return request(apiPath('maps', slug, 'deletions', deletionId, 'restore'), { method: 'POST' });
}

/** `PATCH /api/maps/{slug}/inferences/{id}` — name or clear the argument scheme of a step. */
export function updateInference(slug: string, id: string, change: InferenceUpdate): Promise<{ inference: Inference }> {
  return request(apiPath('maps', slug, 'inferences', id), { method: 'PATCH', body: change });
}

/** `POST /api/maps/{slug}/connections` — connect two points already on the map (201). */
export function createConnection(slug: string, connection: ConnectionCreate): Promise<{ edge: FlatEdge }> {
  return request(apiPath('maps', slug, 'connections'), { method: 'POST', body: connection });
}

/** `PUT /api/maps/{slug}/positions` — save or clear many canvas positions at once ("Tidy layout"). */
export function savePositions(slug: string, positions: PositionsUpdate): Promise<{ updated: number }> {
  return request(apiPath('maps', slug, 'positions'), { method: 'PUT', body: positions });
}
