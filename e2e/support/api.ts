import { expect, type APIRequestContext, type APIResponse } from '@playwright/test';
import type { MapView } from '../../lib/argument/map-view';
import type { ArgNode, NodeKind } from '../../lib/argument/model';
import type { ErrorBody } from '../../lib/http/errors';
import { nodesReaching } from '../../lib/argument/graph';

/** The seeded map (prisma/seed/negotiate-now.ts); the e2e server seeds a fresh copy every run. */
export const SLUG = 'negotiate-now';

export const api = {
  map: (slug = SLUG) => `/api/maps/${slug}`,
  nodes: (slug = SLUG) => `/api/maps/${slug}/nodes`,
  node: (id: string, slug = SLUG) => `/api/maps/${slug}/nodes/${encodeURIComponent(id)}`,
  positions: (slug = SLUG) => `/api/maps/${slug}/positions`,
  restore: (deletionId: string, slug = SLUG) => `/api/maps/${slug}/deletions/${encodeURIComponent(deletionId)}/restore`,
};

/** A text no seeded node has, so a test can find exactly what it wrote. */
export function distinctive(label: string): string {
  return `[e2e ${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}]`;
}

/** GET /api/maps/{slug}, expecting 200. */
export async function readMap(request: APIRequestContext, slug = SLUG): Promise<MapView> {
  const response = await request.get(api.map(slug));
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as MapView;
}

/** The first node of `kind` (optionally also matching `where`); fails the test when there is none. */
export function pick(view: MapView, kind: NodeKind, where: (n: ArgNode) => boolean = () => true): ArgNode {
  const node = view.nodes.find((n) => n.kind === kind && where(n));
  expect(node, `a ${kind} node on the map`).toBeDefined();
  return node!;
}

/** Ids of the nodes attacking `id` (conflicts whose target is that node). */
export function attackersOf(view: MapView, id: string): string[] {
  return view.conflicts.filter((c) => 'node' in c.target && c.target.node === id).map((c) => c.attacker);
}

/**
 * Expects the API's error shape, `{ error: { message, issues: [{ path, message }] } }`, with
 * `status`, and (when given) an issue at exactly `path`. Returns the body.
 */
export async function expectError(response: APIResponse, status: number, path?: (string | number)[]): Promise<ErrorBody & Record<string, unknown>> {
  const text = await response.text();
  expect(response.status(), text).toBe(status);
  expect(response.headers()['content-type']).toMatch(/^application\/json/);
  const body = JSON.parse(text) as ErrorBody & Record<string, unknown>;
  expect(typeof body.error?.message).toBe('string');
  expect(body.error.message.length).toBeGreaterThan(0);
  expect(Array.isArray(body.error.issues)).toBe(true);
  for (const issue of body.error.issues) {
    expect(Array.isArray(issue.path), JSON.stringify(issue)).toBe(true);
    expect(typeof issue.message, JSON.stringify(issue)).toBe('string');
  }
  if (path)
    expect(
      body.error.issues.map((i) => i.path),
      text,
    ).toContainEqual(path);
  return body;
}

/**
 * Sends a request that must be refused, checks the error, and checks that the map reads exactly
 * the same before and after (a refused request writes nothing).
 */
export async function expectRefused(
  request: APIRequestContext,
  send: () => Promise<APIResponse>,
  status: number,
  path?: (string | number)[],
): Promise<ErrorBody & Record<string, unknown>> {
  const before = await readMap(request);
  const body = await expectError(await send(), status, path);
  expect(await readMap(request), 'the map after a refused request').toEqual(before);
  return body;
}

/** Nodes the tests added, so {@link removeAddedNodes} can leave the seeded map as it was. */
const added: string[] = [];

/** POST a new node, expecting 201; returns `{ node, edge }`. */
export async function addNode(request: APIRequestContext, body: Record<string, unknown>) {
  const response = await request.post(api.nodes(), { data: body });
  expect(response.status(), await response.text()).toBe(201);
  const created = (await response.json()) as { node: ArgNode; edge: MapView['edges'][number] };
  added.push(created.node.id);
  return created;
}

/** Soft-deletes every node the tests added (those already gone answer 404, which is fine). */
export async function removeAddedNodes(request: APIRequestContext) {
  for (const id of added.splice(0)) await request.delete(api.node(id));
}

/** DELETE a node, expecting 200; returns `{ deletionId, removed }`. */
export async function deleteNode(request: APIRequestContext, id: string) {
  const response = await request.delete(api.node(id));
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as { deletionId: string; removed: string[] };
}

/** POST …/deletions/{id}/restore, expecting 200; returns `{ restored }`. */
export async function restore(request: APIRequestContext, deletionId: string) {
  const response = await request.post(api.restore(deletionId));
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as { restored: string[] };
}

/**
 * Nodes from which no chain of edges leads to the thesis: fragments that support or attack
 * nothing on the map. A well-formed map has none.
 */
export function unanchored(view: MapView): string[] {
  const thesis = view.nodes.find((n) => n.kind === 'thesis')?.id;
  const anchored = thesis ? nodesReaching(view, thesis) : new Set<string>();
  return view.nodes.filter((n) => !anchored.has(n.id)).map((n) => n.id);
}

/** A node as GET shows it, less what GET adds for the viewer (`status`, `own`) — the shape POST and PATCH answer with. */
export function withoutStatus<T extends { status?: unknown; own?: unknown }>(node: T | undefined): Omit<T, 'status' | 'own'> | undefined {
  if (!node) return node;
  const { status: _status, own: _own, ...rest } = node;
  void _status;
  void _own;
  return rest;
}

/** A map as far as its content goes: the event log moves on with every change, even one that is undone. */
export function sameMap(view: MapView): Omit<MapView, 'lastEventId'> {
  const { lastEventId: _lastEventId, ...content } = view;
  void _lastEventId;
  return content;
}
