import 'server-only';
import { LRUCache } from 'lru-cache';
import { evaluate } from '../argument/evaluation';
import type { MapView } from '../argument/map-view';
import { flatEdges, type ArgumentGraph, type FlatEdge } from '../argument/model';
import { AppError } from '../validation/app-error';
import { db, sqlRead } from './client';
import { commentCountsIn, ratingsIn } from './discussion';
import { lastEventId, lastEventIdIn } from './events';
import { roleWithoutMembership, type Policy } from '../auth/permissions';
import { creatorMark, ownsPoint, type Access } from './access';
import { aliasOf, namerOf, rosterOf, type Roster } from './roster';
import { findMapOr404, readGraphWithMakersIn } from './graph-rows';

/** `GET /api/maps/{slug}`: the map, its document and its live graph. `known`: the map's roster when the caller has just read it. */
export async function loadMapView(slug: string, access?: Access, asOf: string | null = null, known?: Roster): Promise<MapView> {
  const map = await findMapOr404(slug);
  // The view is as of its own log position, read with it: the live stream goes on from there.
  const shared = await sharedViewOf(map.id, await lastEventId(map.id));
  const { since, graph, makers, edges, ratings, commentCounts } = shared;
  // Judged as of a month: evaluated again without what was not yet known (linear, like the first).
  const evaluation = asOf === null ? shared.evaluation : evaluate(graph, { asOf });
  const viewer = access ?? openAccessFor(map.id, map.policy as Policy);
  // On an anonymous class everyone but the owner sees classmates as "Student N" (nothing stored changes).
  const roster = known ?? (await rosterOf(map.id));
  const nameOf = namerOf(roster, viewer);
  return {
    map: { slug: map.slug, title: map.title, policy: map.policy as Policy, className: map.className, anonymous: roster.anonymous },
    viewer: {
      role: viewer.role,
      name: viewer.identity.kind === 'anonymous' ? null : viewer.identity.name,
      signedIn: viewer.identity.kind === 'user',
      alias: aliasOf(roster, viewer),
    },
    document: map.document,
    nodes: graph.nodes.map((n) => ({
      ...n,
      author: nameOf(n.author),
      status: evaluation.nodes[n.id].status,
      own: ownsPoint(viewer, makers.get(n.id) ?? null),
    })),
    inferences: graph.inferences,
    conflicts: graph.conflicts,
    edges,
    evaluation: { thesis: evaluation.thesis, asOf: evaluation.asOf },
    lastEventId: since,
    ratings,
    commentCounts,
  };
}

/** How many serialized answers of `GET /api/maps/{slug}` are kept (per map state and kind of viewer). */
const VIEW_ANSWERS_MAX = 64;

/**
 * How many bytes those answers may take together: a 5,000-point map's answer is ~4 MB, and 64 of
 * them would hold a quarter of a gigabyte for a visitor who reads many large maps.
 */
const VIEW_ANSWERS_BYTES_MAX = 32 * 1024 * 1024;

const viewAnswers = new LRUCache<string, Uint8Array<ArrayBuffer>>({
  max: VIEW_ANSWERS_MAX,
  maxSize: VIEW_ANSWERS_BYTES_MAX,
  sizeCalculation: (json) => Math.max(1, json.byteLength),
});

const utf8 = new TextEncoder();

/**
 * `GET /api/maps/{slug}` as UTF-8 JSON. Viewers alike in every way the answer depends on (role,
 * policy, identity, name) at the same log position get the same bytes, so a class loading one big
 * map serializes it once; any change moves the log on and makes a new answer.
 */
export async function loadMapViewJson(slug: string, access: Access, asOf: string | null = null): Promise<Uint8Array<ArrayBuffer>> {
  // Two prepared statements decide whether the answer is already made.
  const [{ map, since }, roster] = await Promise.all([
    sqlRead(async (sql) => {
      const row = await sql.one<{ id: string; title: string }>('SELECT "id", "title" FROM "ArgumentMap" WHERE "slug" = ?', slug);
      if (!row) throw new AppError('not_found', `There is no map called "${slug}".`);
      const last = await sql.one<{ id: number }>('SELECT "id" FROM "MapEvent" WHERE "mapId" = ? ORDER BY "id" DESC LIMIT 1', row.id);
      return { map: row, since: last?.id ?? 0 };
    }),
    rosterOf(access.mapId),
  ]);
  const name = access.identity.kind === 'anonymous' ? '' : access.identity.name;
  const key = [map.id, since, map.title, access.policy, access.role, creatorMark(access.identity) ?? 'anonymous', name, asOf ?? '', roster.version].join(
    '\u0000',
  );
  let json = viewAnswers.get(key);
  if (json === undefined) {
    // Kept encoded: a big map's answer is sent as the same bytes to every viewer alike. One larger
    // than the whole budget is answered and not kept.
    json = utf8.encode(JSON.stringify(await loadMapView(slug, access, asOf, roster)));
    viewAnswers.set(key, json);
  }
  return json;
}

/** What every viewer of a map sees alike: its graph (with who made each point), evaluation, ratings and comment counts. */
interface SharedView {
  since: number;
  graph: ArgumentGraph;
  makers: Map<string, string | null>;
  evaluation: ReturnType<typeof evaluate>;
  edges: FlatEdge[];
  ratings: MapView['ratings'];
  commentCounts: MapView['commentCounts'];
}

/** How many maps' shared views are kept in memory (the most recently read). */
const SHARED_VIEWS_MAX = 16;
/**
 * How many bytes they may take together, estimated from what they hold (see {@link sharedViewBytes}):
 * a 5,000-point map's view is ~6 MB.
 */
const SHARED_VIEWS_BYTES_MAX = 64 * 1024 * 1024;

const sharedViews = new LRUCache<string, SharedView>({ max: SHARED_VIEWS_MAX, maxSize: SHARED_VIEWS_BYTES_MAX, sizeCalculation: sharedViewBytes });

/** A shared view's size in memory, roughly: its words twice over (UTF-16) and a few hundred bytes per point, step, edge and attack. */
function sharedViewBytes(view: SharedView): number {
  let text = 0;
  for (const node of view.graph.nodes) text += node.text.length + (node.quote?.text.length ?? 0);
  const items = view.graph.nodes.length * 2 + view.graph.inferences.length + view.graph.conflicts.length + view.edges.length;
  return Math.max(1, 2 * text + 300 * items);
}

/**
 * The shared part of a map view, as of log entry `since` or later (its own `since` says which).
 * Every change to a map — points, links, positions, comments, votes — commits with its entry in the
 * event log, so while the newest entry is still `since` nothing here can have changed, and a whole
 * class opening the same map reads and evaluates it once instead of once each. Its log position,
 * points, steps, ratings and comment counts are read in one snapshot (`sqlRead`), so on a database
 * that other instances write to as well, the view is exactly the map at that entry.
 */
async function sharedViewOf(mapId: string, since: number): Promise<SharedView> {
  const cached = sharedViews.get(mapId);
  if (cached && cached.since >= since) return cached;
  const view = await sqlRead(async (sql): Promise<SharedView> => {
    const at = await lastEventIdIn(sql, mapId);
    const { graph, makers } = await readGraphWithMakersIn(sql, mapId);
    const ratings = await ratingsIn(sql, mapId);
    const commentCounts = await commentCountsIn(sql, mapId);
    return { since: at, graph, makers, evaluation: evaluate(graph), edges: flatEdges(graph), ratings, commentCounts };
  });
  const newest = sharedViews.get(mapId);
  if (!newest || newest.since < view.since) sharedViews.set(mapId, view);
  return view;
}

/**
 * The map's live graph, who made each point and its evaluation as of log entry `since` (read before
 * calling) or a later one: the map view's shared copy, so a class re-reading its progress after a change reads and
 * evaluates the map once, as it loads it once.
 */
export async function evaluatedGraphOf(mapId: string, since: number): Promise<Pick<SharedView, 'graph' | 'makers' | 'evaluation'>> {
  const { graph, makers, evaluation } = await sharedViewOf(mapId, since);
  return { graph, makers, evaluation };
}

/** The map's internal id; 404 when there is no such map. */
export async function mapIdOf(slug: string): Promise<string> {
  const client = await db();
  const row = await client.argumentMap.findUnique({ where: { slug }, select: { id: true } });
  if (!row) throw new AppError('not_found', `There is no map called "${slug}".`);
  return row.id;
}

/** What a person with no membership and no sign-in may do on a map of `policy`. */
function openAccessFor(mapId: string, policy: Policy): Access {
  return { mapId, policy, role: roleWithoutMembership(policy), identity: { kind: 'anonymous' }, memberId: null };
}
