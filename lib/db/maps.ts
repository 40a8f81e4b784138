import 'server-only';
import { randomUUID } from 'node:crypto';
import { evaluate } from '../argument/evaluation';
import { dependentsOf, pruneGraph } from '../argument/graph';
import type { MapSummary, MapView } from '../argument/map-view';
import {
  flatEdges,
  RETYPABLE_KINDS,
  type ArgNode,
  type RetypableKind,
  type ArgumentGraph,
  type Conflict,
  type FlatEdge,
  type Inference,
  type NodeKind,
  type StockIssue,
  UNSTATABLE_KINDS,
} from '../argument/model';
import { AppError } from '../http/errors';
import { INFERENCE_PREMISES_MAX, MAP_CONFLICTS_MAX, MAP_INFERENCES_MAX, MAP_NODES_MAX, MAP_PREMISE_LINKS_MAX } from '../validation/limits';
import {
  stockIssueProblem,
  type ConnectionCreateInput,
  type InferenceUpdateInput,
  type NodeCreateInput,
  type NodeUpdateInput,
  type PositionsInput,
} from '../validation/node';
import { connectionProblem } from '../argument/connect';
import type { PrismaClient } from '@/generated/prisma/client';
import { db, lockMapRow, sqlRead, sqlTransaction } from './client';
import { findInSlices, updateInSlices } from './id-lists';
import { commentCountsForMap, ratingsForMap } from './discussion';
import {
  announce,
  deletedByModerator,
  lastEventId,
  NO_ACTOR,
  ownerMarkOf,
  recordEvent,
  recordEventIn,
  REDACTED_TEXT,
  type Actor,
  type LogReader,
} from './events';
import { can, roleWithoutMembership, type Policy } from '../auth/permissions';
import { assertCan, attributedName, creatorMark, ownsPoint, type Access } from './access';
import { aliasOf, namerOf, rosterOf, type Roster } from './roster';

/** A new row id: as unique as Prisma's cuids, and like them safe in URLs. */
function newId(): string {
  return `c${randomUUID().replaceAll('-', '')}`;
}

/** The columns of a node row that the API shows; nothing else leaves the database. */
const NODE_SELECT = {
  id: true,
  kind: true,
  text: true,
  quoteStart: true,
  quoteEnd: true,
  quoteText: true,
  implicit: true,
  asOf: true,
  stockIssue: true,
  proposal: true,
  author: true,
  x: true,
  y: true,
  version: true,
  deletedAt: true,
  createdBy: true,
} as const;

type NodeRow = {
  createdBy?: string | null;
  id: string;
  kind: string;
  text: string;
  quoteStart: number | null;
  quoteEnd: number | null;
  quoteText: string | null;
  implicit: boolean;
  asOf: string | null;
  stockIssue: string | null;
  proposal: boolean;
  author: string;
  x: number | null;
  y: number | null;
  version: number;
};

function toArgNode(row: NodeRow): ArgNode {
  return {
    id: row.id,
    kind: row.kind as NodeKind,
    text: row.text,
    quote:
      row.quoteStart !== null && row.quoteEnd !== null && row.quoteText !== null ? { start: row.quoteStart, end: row.quoteEnd, text: row.quoteText } : null,
    implicit: row.implicit,
    asOf: row.asOf,
    stockIssue: row.stockIssue as StockIssue | null,
    proposal: row.proposal,
    author: row.author,
    position: row.x !== null && row.y !== null ? { x: row.x, y: row.y } : null,
    version: row.version,
  };
}

/** The client, or the transaction client inside `$transaction`. */
type Reader = Pick<PrismaClient, 'node' | 'inference' | 'conflict'>;

async function findMapOr404(slug: string) {
  const client = await db();
  const map = await client.argumentMap.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      title: true,
      policy: true,
      className: true,
      document: { select: { slug: true, title: true, author: true, source: true, published: true, text: true } },
    },
  });
  if (!map) throw new AppError('not_found', `There is no map called "${slug}".`);
  return map;
}

/**
 * Reads the live graph of a map. Deleted nodes disappear, and with them whatever can no longer
 * stand: an inference whose conclusion is gone or that has no premise left, a conflict whose
 * attacker or target is gone. Nothing else is written on delete, so restoring the nodes brings
 * all of it back.
 */
async function readGraph(mapId: string, reader?: Reader): Promise<ArgumentGraph> {
  return (await readGraphWithMakers(mapId, reader)).graph;
}

/** The live graph and, for each live node, who made it (`createdBy`), from the same one read. */
async function readGraphWithMakers(mapId: string, reader?: Reader): Promise<{ graph: ArgumentGraph; makers: Map<string, string | null> }> {
  const client = reader ?? (await db());
  const [nodeRows, inferenceRows, conflictRows] = await Promise.all([
    client.node.findMany({ where: { mapId, deletedAt: null }, select: NODE_SELECT, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    client.inference.findMany({
      where: { mapId, deletedAt: null },
      select: { id: true, conclusionId: true, scheme: true, premises: { select: { nodeId: true }, orderBy: { position: 'asc' } } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    }),
    client.conflict.findMany({
      where: { mapId, deletedAt: null },
      select: { id: true, attackerId: true, targetNodeId: true, targetInferenceId: true, question: true },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    }),
  ]);
  const makers = new Map(nodeRows.map((row) => [row.id, row.createdBy ?? null]));
  const graph = pruneGraph({
    nodes: nodeRows.map(toArgNode),
    inferences: inferenceRows.map((row) => ({
      id: row.id,
      conclusion: row.conclusionId,
      premises: row.premises.map((p) => p.nodeId),
      scheme: row.scheme,
    })),
    conflicts: conflictRows.flatMap((row): Conflict[] => {
      const question = row.question ?? undefined;
      if (row.targetNodeId !== null) return [{ id: row.id, attacker: row.attackerId, target: { node: row.targetNodeId }, question }];
      if (row.targetInferenceId !== null) return [{ id: row.id, attacker: row.attackerId, target: { inference: row.targetInferenceId }, question }];
      return [];
    }),
  });
  return { graph, makers };
}

/** The live graph of a map by its internal id (for copies and exports). */
export async function readGraphOf(mapId: string): Promise<ArgumentGraph> {
  return readGraph(mapId);
}

/** `GET /api/maps/{slug}`: the map, its document and its live graph. `known`: the map's roster when the caller has just read it. */
export async function loadMapView(slug: string, access?: Access, asOf: string | null = null, known?: Roster): Promise<MapView> {
  const map = await findMapOr404(slug);
  // Read the log position first: a change committed while the graph is read is then replayed by the
  // live stream (and, being idempotent for the viewer, shown once), never missed.
  const since = await lastEventId(await db(), map.id);
  const shared = await sharedViewOf(map.id, since);
  const { graph, makers, edges, ratings, commentCounts } = shared;
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
const viewAnswers = new Map<string, Uint8Array<ArrayBuffer>>();
let viewAnswersBytes = 0;
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
    // Kept encoded: a big map's answer is sent as the same bytes to every viewer alike.
    json = utf8.encode(JSON.stringify(await loadMapView(slug, access, asOf, roster)));
    if (!viewAnswers.has(key)) {
      viewAnswers.set(key, json);
      viewAnswersBytes += json.byteLength;
    }
    // Oldest first, but never the answer just made.
    while (viewAnswers.size > 1 && (viewAnswers.size > VIEW_ANSWERS_MAX || viewAnswersBytes > VIEW_ANSWERS_BYTES_MAX)) {
      const [oldest, bytes] = viewAnswers.entries().next().value!;
      viewAnswers.delete(oldest);
      viewAnswersBytes -= bytes.byteLength;
    }
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
const sharedViews = new Map<string, SharedView>();

/**
 * The shared part of a map view as of log entry `since`. Every change to a map — points, links,
 * positions, comments, votes — commits with its entry in the event log, so while the newest entry
 * is still `since` nothing here can have changed, and a whole class opening the same map reads and
 * evaluates it once instead of once each.
 */
async function sharedViewOf(mapId: string, since: number): Promise<SharedView> {
  const cached = sharedViews.get(mapId);
  if (cached && cached.since === since) {
    sharedViews.delete(mapId);
    sharedViews.set(mapId, cached);
    return cached;
  }
  const [{ graph, makers }, ratings, commentCounts] = await Promise.all([readGraphWithMakers(mapId), ratingsForMap(mapId), commentCountsForMap(mapId)]);
  const view: SharedView = { since, graph, makers, evaluation: evaluate(graph), edges: flatEdges(graph), ratings, commentCounts };
  sharedViews.delete(mapId);
  sharedViews.set(mapId, view);
  if (sharedViews.size > SHARED_VIEWS_MAX) sharedViews.delete(sharedViews.keys().next().value!);
  return view;
}

/**
 * The map's live graph, who made each point and its evaluation as of log entry `since` (read before
 * calling): the map view's shared copy, so a class re-reading its progress after a change reads and
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

/** Every map, newest activity first, for the home page. */
export async function listMaps(viewer: { userId: string } | null = null): Promise<MapSummary[]> {
  const client = await db();
  const maps = await client.argumentMap.findMany({
    // Members-only maps are listed only to their owner and members.
    where: {
      OR: [{ policy: { not: 'invite' } }, ...(viewer ? [{ ownerId: viewer.userId }, { members: { some: { userId: viewer.userId, removedAt: null } } }] : [])],
    },
    select: {
      slug: true,
      title: true,
      updatedAt: true,
      document: { select: { slug: true, title: true, author: true, source: true } },
      nodes: { where: { deletedAt: null }, select: { kind: true, updatedAt: true } },
    },
    orderBy: { createdAt: 'asc' },
  });
  return maps.map((m) => {
    const lastNodeChange = m.nodes.reduce((latest, n) => (n.updatedAt > latest ? n.updatedAt : latest), m.updatedAt);
    return {
      slug: m.slug,
      title: m.title,
      document: m.document,
      nodeCount: m.nodes.length,
      objectionCount: m.nodes.filter((n) => n.kind === 'objection').length,
      updatedAt: lastNodeChange.toISOString(),
    };
  });
}

type Capacity = 'premises' | 'links' | 'steps' | 'attacks';
const CAPACITY: Record<Capacity, number> = {
  premises: INFERENCE_PREMISES_MAX,
  links: MAP_PREMISE_LINKS_MAX,
  steps: MAP_INFERENCES_MAX,
  attacks: MAP_CONFLICTS_MAX,
};
/** What a map-wide capacity counts, in words. */
const CAPACITY_WORDS: Record<Exclude<Capacity, 'premises'>, string> = { links: 'premise links', steps: 'steps of reasoning', attacks: 'attacks' };

/**
 * Refuses a connection the map has no room for: a step with INFERENCE_PREMISES_MAX live premises, a
 * map with MAP_PREMISE_LINKS_MAX premise links, MAP_INFERENCES_MAX steps or MAP_CONFLICTS_MAX attacks
 * — counted as reads show them (live points only, the rule of `pruneGraph`), so deleting frees
 * room and adding and deleting by turns cannot fill a map for good; Undo checks them again
 * ({@link restoreDeletion}). The same limits as an import's (`lib/argument/interchange/import-rules.ts`),
 * so what a map can hold does not depend on how it was built.
 */
function assertRoom(what: Capacity, count: number): void {
  const max = CAPACITY[what];
  if (count < max) return;
  const message =
    what === 'premises'
      ? `This step already has ${count} premises, the most one step holds (${max}). Support its conclusion with a step of its own.`
      : `This map already holds ${count} ${CAPACITY_WORDS[what]}, the most a map holds (${max}). Start a new map for the rest.`;
  throw new AppError('conflict', message, { issues: [{ path: ['target'], message }] });
}

/** What the live graph holds against each map-wide capacity. */
function liveCapacity(graph: ArgumentGraph): Record<Exclude<Capacity, 'premises'>, number> {
  return { steps: graph.inferences.length, links: graph.inferences.reduce((n, i) => n + i.premises.length, 0), attacks: graph.conflicts.length };
}

/** The same counts in SQL, for the synchronous write path (`createNode`): live points only, as `pruneGraph` keeps them. */
const LIVE_CAPACITY_SQL: Record<Capacity, string> = {
  steps: `SELECT COUNT(*) AS n FROM "Inference" i JOIN "Node" c ON c."id" = i."conclusionId" AND c."deletedAt" IS NULL
          WHERE i."mapId" = ? AND EXISTS (SELECT 1 FROM "InferencePremise" p JOIN "Node" n ON n."id" = p."nodeId" WHERE p."inferenceId" = i."id" AND n."deletedAt" IS NULL)`,
  links: `SELECT COUNT(*) AS n FROM "InferencePremise" p JOIN "Node" n ON n."id" = p."nodeId" AND n."deletedAt" IS NULL
          JOIN "Inference" i ON i."id" = p."inferenceId" JOIN "Node" c ON c."id" = i."conclusionId" AND c."deletedAt" IS NULL WHERE i."mapId" = ?`,
  attacks: `SELECT COUNT(*) AS n FROM "Conflict" "x" JOIN "Node" a ON a."id" = "x"."attackerId" AND a."deletedAt" IS NULL
            LEFT JOIN "Node" t ON t."id" = "x"."targetNodeId" LEFT JOIN "Inference" ti ON ti."id" = "x"."targetInferenceId" LEFT JOIN "Node" tc ON tc."id" = ti."conclusionId"
            WHERE "x"."mapId" = ? AND ((t."id" IS NOT NULL AND t."deletedAt" IS NULL) OR (tc."id" IS NOT NULL AND tc."deletedAt" IS NULL))`,
  premises: `SELECT COUNT(*) AS n FROM "InferencePremise" p JOIN "Node" n ON n."id" = p."nodeId" AND n."deletedAt" IS NULL WHERE p."inferenceId" = ?`,
};

/**
 * Upper bounds of the same counts, read from the map's indexes without joins: its rows, live or
 * deleted. While a bound is under its limit the live count is too, so the joined count (linear in
 * the map, and most of a write's time on a map of 1,000 points) is taken only near a limit.
 */
const CAPACITY_BOUND_SQL: Record<Capacity, string> = {
  steps: 'SELECT COUNT(*) AS n FROM "Inference" WHERE "mapId" = ?',
  links: 'SELECT COUNT(*) AS n FROM "Inference" i JOIN "InferencePremise" p ON p."inferenceId" = i."id" WHERE i."mapId" = ?',
  attacks: 'SELECT COUNT(*) AS n FROM "Conflict" WHERE "mapId" = ?',
  premises: 'SELECT COUNT(*) AS n FROM "InferencePremise" WHERE "inferenceId" = ?',
};

/**
 * `POST /api/maps/{slug}/nodes`: adds a node and connects it to its target.
 * - `supports` a node: a new inference, the new node its one premise;
 * - `supports` an inference: the new node joins that inference as a linked premise;
 * - `attacks` a node: a conflict against it; `attacks` an inference: an undercut.
 * Checks that need the map (target exists, rebuttals answer objections, quote inside the text)
 * happen inside the write transaction, so a refused request writes nothing.
 */
export async function createNode(
  slug: string,
  input: NodeCreateInput,
  actor: Actor = NO_ACTOR,
  access?: Access,
): Promise<{ node: ArgNode; edge: FlatEdge | null }> {
  // One synchronous transaction of prepared statements: adding points is what a whole class does at
  // once, and this costs a fraction of the same work as awaited Prisma queries (bench/api.ts).
  const { mapId, result } = await sqlTransaction(async (sql) => {
    const mapId = access?.mapId ?? (await sql.one<{ id: string }>('SELECT "id" FROM "ArgumentMap" WHERE "slug" = ?', slug))?.id;
    if (!mapId) throw new AppError('not_found', `There is no map called "${slug}".`);
    await sql.lockMap(mapId);
    const count = async (query: string, id: string) => (await sql.one<{ n: number }>(query, id))!.n;
    // Points of the map, deleted ones too (an index count); the live ones are counted only when that reaches the limit.
    const rows = await count('SELECT COUNT(*) AS n FROM "Node" WHERE "mapId" = ?', mapId);
    const live = rows < MAP_NODES_MAX ? rows : await count('SELECT COUNT(*) AS n FROM "Node" WHERE "mapId" = ? AND "deletedAt" IS NULL', mapId);
    if (live >= MAP_NODES_MAX) {
      throw new AppError('conflict', `This map is full: it holds ${live} points, and a map holds at most ${MAP_NODES_MAX}. Start a new map for the rest.`);
    }
    if (input.kind === 'thesis' && (await sql.one(`SELECT 1 FROM "Node" WHERE "mapId" = ? AND "kind" = 'thesis' AND "deletedAt" IS NULL LIMIT 1`, mapId))) {
      throw new AppError('conflict', 'This map already has a thesis. Make a point the thesis from its actions to replace it.', {
        issues: [{ path: ['kind'], message: 'A map has one thesis.' }],
      });
    }
    // Targets are checked against the live graph: an inference whose premises or conclusion were
    // deleted is gone too, even though its row remains for Undo.
    const targetNode =
      input.target === undefined
        ? undefined
        : await sql.one<{ id: string; kind: string }>(
            'SELECT "id", "kind" FROM "Node" WHERE "id" = ? AND "mapId" = ? AND "deletedAt" IS NULL',
            input.target,
            mapId,
          );
    const targetInference =
      targetNode || input.target === undefined
        ? undefined
        : await sql.one<{ id: string; conclusionId: string; scheme: string | null }>(
            `SELECT i."id", i."conclusionId", i."scheme" FROM "Inference" i JOIN "Node" c ON c."id" = i."conclusionId"
             WHERE i."id" = ? AND i."mapId" = ? AND i."deletedAt" IS NULL AND c."deletedAt" IS NULL
               AND EXISTS (SELECT 1 FROM "InferencePremise" p JOIN "Node" n ON n."id" = p."nodeId" WHERE p."inferenceId" = i."id" AND n."deletedAt" IS NULL)`,
            input.target,
            mapId,
          );
    if (input.target !== undefined && !targetNode && !targetInference) {
      throw new AppError('bad_request', 'The target is not a node or inference of this map.', {
        issues: [{ path: ['target'], message: `No node or inference "${input.target}" on this map.` }],
      });
    }
    if (input.kind === 'rebuttal' && !(targetNode && (targetNode.kind === 'objection' || targetNode.kind === 'rebuttal'))) {
      throw new AppError('bad_request', 'A rebuttal answers an objection.', {
        issues: [{ path: ['target'], message: 'Choose an objection (or another rebuttal) to rebut.' }],
      });
    }
    if (input.question) {
      const scheme = input.question.split('.')[0];
      const steps = targetInference
        ? [targetInference]
        : await sql.all<{ scheme: string | null }>(
            `SELECT i."scheme" FROM "Inference" i JOIN "InferencePremise" p ON p."inferenceId" = i."id" JOIN "Node" c ON c."id" = i."conclusionId"
             WHERE i."mapId" = ? AND i."deletedAt" IS NULL AND p."nodeId" = ? AND c."deletedAt" IS NULL`,
            mapId,
            input.target,
          );
      if (!steps.some((i) => i.scheme === scheme)) {
        throw new AppError('bad_request', 'That critical question does not belong to the step it is raised against.', {
          issues: [{ path: ['question'], message: `No step here follows the "${scheme}" scheme.` }],
        });
      }
    }
    let quote: { start: number; end: number; text: string } | null = null;
    if (input.quote) {
      const { text: essay } = (await sql.one<{ text: string }>(
        'SELECT d."text" FROM "Document" d JOIN "ArgumentMap" m ON m."documentId" = d."id" WHERE m."id" = ?',
        mapId,
      ))!;
      const { start, end } = input.quote;
      if (end > essay.length) {
        throw new AppError('bad_request', 'The quote is outside the essay.', {
          issues: [{ path: ['quote', 'end'], message: `The essay has ${essay.length} characters; end is ${end}.` }],
        });
      }
      const text = essay.slice(start, end);
      if (text.trim().length === 0) {
        throw new AppError('bad_request', 'The quote is empty.', { issues: [{ path: ['quote'], message: 'Select some words of the essay.' }] });
      }
      quote = { start, end, text };
    }
    const now = new Date();
    const row: NodeRow = {
      id: newId(),
      kind: input.kind,
      text: input.text,
      quoteStart: quote?.start ?? null,
      quoteEnd: quote?.end ?? null,
      quoteText: quote?.text ?? null,
      implicit: input.implicit ?? false,
      asOf: input.asOf ?? null,
      stockIssue: input.stockIssue ?? null,
      proposal: false,
      // On maps with members the name comes from who is signed in or joined, never from the body.
      author: access ? attributedName(access, input.author) : input.author?.trim() || 'Anonymous',
      x: null,
      y: null,
      version: 1,
      createdBy: access ? creatorMark(access.identity) : null,
    };
    await sql.run(
      `INSERT INTO "Node" ("id", "mapId", "kind", "text", "quoteStart", "quoteEnd", "quoteText", "implicit", "asOf", "stockIssue", "author", "version", "createdAt", "updatedAt", "createdBy")
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
      row.id,
      mapId,
      row.kind,
      row.text,
      row.quoteStart,
      row.quoteEnd,
      row.quoteText,
      row.implicit,
      row.asOf,
      row.stockIssue,
      row.author,
      now,
      now,
      row.createdBy,
    );
    let edge: FlatEdge | null = null;
    const liveCount = async (what: Capacity, id: string) => {
      const bound = await count(CAPACITY_BOUND_SQL[what], id);
      return bound < CAPACITY[what] ? bound : count(LIVE_CAPACITY_SQL[what], id);
    };
    if (input.relation === 'supports') {
      assertRoom('links', await liveCount('links', mapId));
      if (targetInference) {
        assertRoom('premises', await liveCount('premises', targetInference.id));
        const n = await count('SELECT COUNT(*) AS n FROM "InferencePremise" WHERE "inferenceId" = ?', targetInference.id);
        await sql.run('INSERT INTO "InferencePremise" ("inferenceId", "nodeId", "position") VALUES (?, ?, ?)', targetInference.id, row.id, n);
        edge = { id: `${targetInference.id}~${row.id}`, from: row.id, to: targetInference.conclusionId, relation: 'supports', inference: targetInference.id };
      } else {
        assertRoom('steps', await liveCount('steps', mapId));
        const inferenceId = newId();
        await sql.run('INSERT INTO "Inference" ("id", "mapId", "conclusionId", "createdAt") VALUES (?, ?, ?, ?)', inferenceId, mapId, targetNode!.id, now);
        await sql.run('INSERT INTO "InferencePremise" ("inferenceId", "nodeId", "position") VALUES (?, ?, 0)', inferenceId, row.id);
        edge = { id: `${inferenceId}~${row.id}`, from: row.id, to: targetNode!.id, relation: 'supports', inference: inferenceId };
      }
    } else if (input.relation === 'attacks') {
      assertRoom('attacks', await liveCount('attacks', mapId));
      const conflictId = newId();
      await sql.run(
        'INSERT INTO "Conflict" ("id", "mapId", "attackerId", "targetNodeId", "targetInferenceId", "question", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?)',
        conflictId,
        mapId,
        row.id,
        targetNode?.id ?? null,
        targetInference?.id ?? null,
        input.question ?? null,
        now,
      );
      edge = targetInference
        ? {
            id: conflictId,
            from: row.id,
            to: targetInference.conclusionId,
            relation: 'attacks',
            undercut: true,
            conflict: conflictId,
            inference: targetInference.id,
          }
        : { id: conflictId, from: row.id, to: targetNode!.id, relation: 'attacks', conflict: conflictId };
    }
    await sql.run('UPDATE "ArgumentMap" SET "updatedAt" = ? WHERE "id" = ?', now, mapId);
    const result = { node: toArgNode(row), edge };
    // The critical question an objection raised goes in the log too: progress on tasks counts it.
    await recordEventIn(sql, mapId, 'node.created', { ...actor, name: row.author }, input.question ? { ...result, question: input.question } : result, now);
    return { mapId, result };
  });
  announce(mapId);
  return result;
}

/**
 * `POST /api/maps/{slug}/connections`: connects two points already on the map (see
 * {@link connectionProblem} for the rules, checked on the live graph inside the transaction).
 * A support makes a new one-premise step, or joins `to` when it is a step; an attack makes a
 * conflict (an undercut when `to` is a step).
 */
export async function createConnection(slug: string, input: ConnectionCreateInput, actor: Actor = NO_ACTOR): Promise<{ edge: FlatEdge }> {
  const mapId = await mapIdOf(slug);
  const client = await db();
  const result = await client.$transaction(async (tx) => {
    await lockMapRow(tx, mapId);
    const graph = await readGraph(mapId, tx);
    const problem = connectionProblem(graph, input.from, input.to, input.relation);
    if (problem) throw new AppError('bad_request', problem.message, { issues: [{ path: [problem.path], message: problem.message }] });
    const targetInference = graph.inferences.find((i) => i.id === input.to);
    const room = liveCapacity(graph);
    if (input.relation === 'supports') assertRoom('links', room.links);
    if (input.relation === 'supports' && targetInference) assertRoom('premises', targetInference.premises.length);
    else assertRoom(input.relation === 'supports' ? 'steps' : 'attacks', input.relation === 'supports' ? room.steps : room.attacks);
    let edge: FlatEdge;
    if (input.relation === 'supports') {
      if (targetInference) {
        await tx.inferencePremise.create({ data: { inferenceId: targetInference.id, nodeId: input.from, position: targetInference.premises.length } });
        edge = {
          id: `${targetInference.id}~${input.from}`,
          from: input.from,
          to: targetInference.conclusion,
          relation: 'supports',
          inference: targetInference.id,
        };
      } else {
        const inference = await tx.inference.create({
          data: { mapId, conclusionId: input.to, premises: { create: [{ nodeId: input.from, position: 0 }] } },
          select: { id: true },
        });
        edge = { id: `${inference.id}~${input.from}`, from: input.from, to: input.to, relation: 'supports', inference: inference.id };
      }
    } else {
      const conflict = await tx.conflict.create({
        data: { mapId, attackerId: input.from, targetNodeId: targetInference ? null : input.to, targetInferenceId: targetInference?.id ?? null },
        select: { id: true },
      });
      edge = targetInference
        ? {
            id: conflict.id,
            from: input.from,
            to: targetInference.conclusion,
            relation: 'attacks',
            undercut: true,
            conflict: conflict.id,
            inference: targetInference.id,
          }
        : { id: conflict.id, from: input.from, to: input.to, relation: 'attacks', conflict: conflict.id };
    }
    await tx.argumentMap.update({ where: { id: mapId }, data: { updatedAt: new Date() } });
    await recordEvent(tx, mapId, 'connection.created', actor, { edge });
    return { edge };
  });
  announce(mapId);
  return result;
}

async function liveNodeOr404(mapId: string, id: string, reader?: Pick<PrismaClient, 'node'>) {
  const client = reader ?? (await db());
  const row = await client.node.findFirst({ where: { id, mapId, deletedAt: null }, select: NODE_SELECT });
  if (!row) throw new AppError('not_found', `There is no node "${id}" on this map.`);
  return row;
}

/**
 * `PATCH /api/maps/{slug}/nodes/{id}`: edits the text (guarded by `version`: a stale edit gets 409
 * with the current node, never overwrites) and/or saves the canvas position.
 */
export async function updateNode(slug: string, id: string, input: NodeUpdateInput, actor: Actor = NO_ACTOR, access?: Access): Promise<ArgNode> {
  const mapId = await mapIdOf(slug);
  const client = await db();
  const node = await client.$transaction(async (tx) => {
    await lockMapRow(tx, mapId);
    const original = await liveNodeOr404(mapId, id, tx);
    const retype = input.kind !== undefined && input.kind !== original.kind;
    const details = detailsChange(original, input);
    const reworded = input.text !== undefined;
    const moved = input.position !== undefined;
    if (access && (reworded || retype || details)) assertCan(access, ownsPoint(access, original.createdBy) ? 'edit-own' : 'edit-any');
    // Nothing would change (a month it already has, its own kind): nothing is written or logged.
    if (!reworded && !retype && !details && !moved) return toArgNode(original);
    const data: {
      text?: string;
      x?: number | null;
      y?: number | null;
      asOf?: string | null;
      stockIssue?: string | null;
      proposal?: boolean;
      version?: { increment: number };
    } = { ...details };
    if (moved) {
      data.x = input.position?.x ?? null;
      data.y = input.position?.y ?? null;
    }
    // One change, one version: new words and new details together count once.
    if (reworded || details) data.version = { increment: 1 };
    if (reworded) {
      data.text = input.text;
      const { count } = await tx.node.updateMany({ where: { id, mapId, deletedAt: null, version: input.version }, data });
      if (count === 0) {
        throw new AppError('conflict', 'Someone changed this point since you loaded it.', { extra: { current: toArgNode(original) } });
      }
    } else {
      await tx.node.update({ where: { id }, data });
    }
    // After the text, whose version guard is on the version the person saw; the old thesis's change
    // is logged there, this point's in the one event below.
    if (retype) await retypeNode(tx, mapId, await liveNodeOr404(mapId, id, tx), input.kind!, actor, access);
    const updated = toArgNode(await liveNodeOr404(mapId, id, tx));
    // The owner rewording someone else's point is moderation: its earlier words leave the log for
    // everyone but the owner (lib/db/events.ts#redactEvent).
    const moderated =
      access !== undefined &&
      can(access.role, 'moderate') &&
      reworded &&
      input.text !== original.text &&
      creatorMark(access.identity) !== (original.createdBy ?? null);
    // One event per request, `before` the whole request, so the history replay undoes it in one step.
    const before = {
      text: original.text,
      version: original.version,
      position: toArgNode(original).position,
      ...(retype ? { kind: original.kind } : {}),
      ...(details || retype ? { details: detailsOf(original) } : {}),
    };
    await recordEvent(tx, mapId, reworded || retype || details ? 'node.updated' : 'node.moved', actor, {
      node: updated,
      before,
      ...(moderated ? { moderated } : {}),
    });
    return updated;
  });
  announce(mapId);
  return node;
}

/** A point's details as the history keeps them, to put back on undo or replay. */
function detailsOf(row: NodeRow): { asOf: string | null; stockIssue: StockIssue | null; proposal: boolean } {
  return { asOf: row.asOf, stockIssue: row.stockIssue as StockIssue | null, proposal: row.proposal };
}

/**
 * The columns a PATCH of a point's details (its date, stock issue, "proposes a policy") changes, or
 * null when it changes none; refused when they do not fit the point's kind (the kind it is being
 * given in the same request).
 */
function detailsChange(current: NodeRow, input: NodeUpdateInput): { asOf?: string | null; stockIssue?: string | null; proposal?: boolean } | null {
  const kind = (input.kind ?? current.kind) as NodeKind;
  const change: { asOf?: string | null; stockIssue?: string | null; proposal?: boolean } = {};
  if (input.asOf !== undefined && input.asOf !== current.asOf) {
    if (input.asOf !== null && kind === 'thesis') {
      throw new AppError('bad_request', 'The thesis has no date of its own.', {
        issues: [{ path: ['asOf'], message: 'The thesis is judged as of a month; it has no date of its own.' }],
      });
    }
    change.asOf = input.asOf;
  }
  if (input.stockIssue !== undefined && input.stockIssue !== current.stockIssue) {
    const problem = input.stockIssue === null ? null : stockIssueProblem(kind, input.stockIssue);
    if (problem) throw new AppError('bad_request', 'That stock issue does not fit this point.', { issues: [{ path: ['stockIssue'], message: problem }] });
    change.stockIssue = input.stockIssue;
  }
  if (input.proposal !== undefined && input.proposal !== current.proposal) {
    if (input.proposal && kind !== 'thesis') {
      throw new AppError('bad_request', 'Only the thesis proposes a policy.', {
        issues: [{ path: ['proposal'], message: 'Mark the thesis as a policy proposal, not another point.' }],
      });
    }
    change.proposal = input.proposal;
  }
  return Object.keys(change).length > 0 ? change : null;
}

/**
 * Changes a point's kind inside an update's transaction. Objections and rebuttals keep their kind
 * (they enter the map through attacks); an unstated point stays a premise or a claim. Making a point
 * the thesis makes the current thesis a claim, so the map keeps one thesis: that change is logged
 * here, the point's own with the rest of its request.
 */
async function retypeNode(
  tx: Parameters<Parameters<PrismaClient['$transaction']>[0]>[0],
  mapId: string,
  current: NodeRow,
  kind: RetypableKind,
  actor: Actor,
  access?: Access,
): Promise<void> {
  if (!(RETYPABLE_KINDS as readonly string[]).includes(current.kind)) {
    throw new AppError('bad_request', `${current.kind === 'objection' ? 'An objection' : 'A rebuttal'} keeps its kind: it enters the map by attacking.`, {
      issues: [{ path: ['kind'], message: 'Only the thesis, claims, premises and evidence change kind.' }],
    });
  }
  if (current.implicit && !UNSTATABLE_KINDS.includes(kind)) {
    throw new AppError('bad_request', `An unstated ${current.kind} stays a premise or a claim.`, {
      issues: [{ path: ['kind'], message: 'Only premises and claims can be unstated.' }],
    });
  }
  // The point's own change is logged by the caller, with the rest of its request.
  const changes: { row: NodeRow; kind: RetypableKind; log: boolean }[] = [{ row: current, kind, log: false }];
  if (kind === 'thesis') {
    const thesis = await tx.node.findFirst({ where: { mapId, kind: 'thesis', deletedAt: null, id: { not: current.id } }, select: NODE_SELECT });
    if (thesis) {
      if (access) assertCan(access, ownsPoint(access, thesis.createdBy) ? 'edit-own' : 'edit-any');
      changes.unshift({ row: thesis, kind: 'claim', log: true });
    }
  }
  for (const change of changes) {
    // A thesis bears on no single stock issue and has no date; only a thesis proposes a policy.
    const fits = change.kind === 'thesis' ? { stockIssue: null, asOf: null } : { proposal: false };
    const row = await tx.node.update({ where: { id: change.row.id }, data: { kind: change.kind, ...fits, version: { increment: 1 } }, select: NODE_SELECT });
    if (!change.log) continue;
    await recordEvent(tx, mapId, 'node.updated', actor, {
      node: toArgNode(row),
      before: { text: change.row.text, version: change.row.version, kind: change.row.kind, details: detailsOf(change.row) },
    });
  }
}

/**
 * `DELETE /api/maps/{slug}/nodes/{id}`: soft-deletes the node and its dependents (see
 * {@link dependentsOf}) under one deletion id, which {@link restoreDeletion} undoes.
 */
export async function deleteNode(slug: string, id: string, actor: Actor = NO_ACTOR, access?: Access): Promise<{ deletionId: string; removed: string[] }> {
  const mapId = await mapIdOf(slug);
  const client = await db();
  const result = await client.$transaction(async (tx) => {
    await lockMapRow(tx, mapId);
    const node = await liveNodeOr404(mapId, id, tx);
    if (node.kind === 'thesis') {
      throw new AppError('bad_request', 'The thesis cannot be deleted: the whole map rests on it.');
    }
    const { graph, makers } = await readGraphWithMakers(mapId, tx);
    const removed = [id, ...dependentsOf(graph, id)];
    if (access) {
      // Every removed point is live, so the graph's read already says who made each.
      const allOwn = removed.every((removedId) => ownsPoint(access, makers.get(removedId) ?? null));
      if (!allOwn && ownsPoint(access, node.createdBy) && access.role !== 'owner') {
        throw new AppError('forbidden', "Other people's points rest on this one, so only the map's owner can delete it.");
      }
      assertCan(access, allOwn ? 'delete-own' : 'delete-any');
    }
    const deletionId = randomUUID();
    const deletedAt = new Date();
    const deletedBy = access ? creatorMark(access.identity) : null;
    await updateInSlices(removed, (slice) =>
      tx.node.updateMany({ where: { id: { in: slice }, mapId, deletedAt: null }, data: { deletedAt, deletionId, deletedBy } }),
    );
    // The removed part of the graph goes into the log, so the history can show it as it was.
    const gone = new Set(removed);
    const touching = {
      nodes: graph.nodes.filter((n) => gone.has(n.id)),
      inferences: graph.inferences.filter((i) => gone.has(i.conclusion) || i.premises.some((p) => gone.has(p))),
      conflicts: graph.conflicts.filter((c) => gone.has(c.attacker) || ('node' in c.target && gone.has(c.target.node))),
    };
    const touchedInferences = new Set(touching.inferences.map((i) => i.id));
    const touchedConflicts = new Set(touching.conflicts);
    touching.conflicts.push(...graph.conflicts.filter((c) => 'inference' in c.target && touchedInferences.has(c.target.inference) && !touchedConflicts.has(c)));
    await recordEvent(tx, mapId, 'node.deleted', actor, { deletionId, removed, graph: touching });
    return { deletionId, removed };
  });
  announce(mapId);
  return result;
}

/** `PATCH /api/maps/{slug}/inferences/{id}`: sets or clears the scheme a step of reasoning follows. */
export async function updateInference(slug: string, id: string, input: InferenceUpdateInput, actor: Actor = NO_ACTOR, access?: Access): Promise<Inference> {
  const mapId = await mapIdOf(slug);
  const client = await db();
  const inference = await client.$transaction(async (tx) => {
    await lockMapRow(tx, mapId);
    const { graph, makers } = await readGraphWithMakers(mapId, tx);
    const live = graph.inferences.find((i) => i.id === id);
    if (!live) throw new AppError('not_found', `There is no step of reasoning "${id}" on this map.`);
    if (access) {
      // Naming the pattern of someone else's reasoning is the owner's call; one's own step is one's own.
      assertCan(access, live.premises.every((premise) => ownsPoint(access, makers.get(premise) ?? null)) ? 'edit-own' : 'edit-any');
    }
    await tx.inference.update({ where: { id }, data: { scheme: input.scheme } });
    const updated = { ...live, scheme: input.scheme };
    await recordEvent(tx, mapId, 'inference.updated', actor, { inference: updated, before: { scheme: live.scheme } });
    return updated;
  });
  announce(mapId);
  return inference;
}

/**
 * Undoes one delete: every node removed under `deletionId` comes back, with its links. When a
 * restored node rests on a node that a later delete removed (undo out of order), that delete is
 * undone too, so nothing comes back hanging in the air.
 */
export async function restoreDeletion(slug: string, deletionId: string, actor: Actor = NO_ACTOR, access?: Access): Promise<{ restored: string[] }> {
  const mapId = await mapIdOf(slug);
  const client = await db();
  const first = await client.node.findMany({ where: { mapId, deletionId, deletedAt: { not: null } }, select: { id: true } });
  if (first.length === 0) throw new AppError('not_found', 'Nothing to restore: that delete is unknown or already undone.');
  // Read before the transaction: a query outside it waits for it to end.
  const ownerMark = access ? await ownerMarkOf(mapId) : null;
  const result = await client.$transaction(async (tx) => {
    await lockMapRow(tx, mapId);
    const deletions = new Set([deletionId]);
    let frontier = first.map((r) => r.id);
    while (frontier.length > 0) {
      // What the restored nodes point at: conclusions of their inferences, targets of their attacks.
      const asPremise = await findInSlices(frontier, (slice) =>
        tx.inferencePremise.findMany({ where: { nodeId: { in: slice } }, select: { inference: { select: { conclusionId: true } } } }),
      );
      const asAttacker = await findInSlices(frontier, (slice) =>
        tx.conflict.findMany({ where: { attackerId: { in: slice } }, select: { targetNodeId: true, targetInference: { select: { conclusionId: true } } } }),
      );
      const needed = [
        ...new Set([
          ...asPremise.map((p) => p.inference.conclusionId),
          ...asAttacker.flatMap((c) => [c.targetNodeId, c.targetInference?.conclusionId].filter((id): id is string => !!id)),
        ]),
      ];
      const hidden = await findInSlices(needed, (slice) =>
        tx.node.findMany({ where: { mapId, id: { in: slice }, deletedAt: { not: null } }, select: { deletionId: true } }),
      );
      const more = [...new Set(hidden.map((h) => h.deletionId).filter((d): d is string => d !== null && !deletions.has(d)))];
      more.forEach((d) => deletions.add(d));
      frontier = (await findInSlices(more, (slice) => tx.node.findMany({ where: { mapId, deletionId: { in: slice } }, select: { id: true } }))).map(
        (r) => r.id,
      );
    }
    const restored = await findInSlices([...deletions], (slice) =>
      tx.node.findMany({ where: { mapId, deletionId: { in: slice } }, select: { id: true, createdBy: true, deletedBy: true } }),
    );
    if (access) {
      // One's own delete is one's own to undo; anyone else's (the owner's moderation, a classmate's,
      // or one pulled in by this restore) is the owner's. On an open map every delete is everyone's
      // to undo — except the owner's moderation, which would otherwise bring back what it hid.
      const moderated = restored.some((n) => deletedByModerator(n, ownerMark));
      const mine = access.policy === 'open' ? !moderated : restored.every((n) => n.deletedBy !== null && n.deletedBy === creatorMark(access.identity));
      assertCan(access, mine ? 'restore-own' : 'restore-any');
    }
    await updateInSlices([...deletions], (slice) =>
      tx.node.updateMany({ where: { mapId, deletionId: { in: slice } }, data: { deletedAt: null, deletionId: null, deletedBy: null } }),
    );
    // What comes back counts against the map's limits like anything added (the transaction rolls back).
    const room = liveCapacity(await readGraph(mapId, tx));
    for (const what of ['steps', 'links', 'attacks'] as const) {
      if (room[what] > CAPACITY[what]) {
        const message = `Undoing this would bring the map to ${room[what]} ${CAPACITY_WORDS[what]}, more than a map holds (${CAPACITY[what]}). Delete something first.`;
        throw new AppError('conflict', message, { issues: [{ path: ['deletionId'], message }] });
      }
    }
    const answer = { restored: restored.map((r) => r.id) };
    await recordEvent(tx, mapId, 'node.restored', actor, { ...answer, deletions: [...deletions] });
    return answer;
  });
  announce(mapId);
  return result;
}

/** A delete that can still be undone, as "Recently deleted" lists it. */
export interface DeletionSummary {
  deletionId: string;
  deletedAt: string;
  nodes: { id: string; kind: NodeKind; text: string }[];
}

/**
 * `GET /api/maps/{slug}/deletions`: deletes not yet undone, newest first, each with the points it
 * removed. For everyone but the owner (`reader`), a point the owner deleted that someone else made —
 * moderation — is listed with {@link REDACTED_TEXT} for its words.
 */
export async function listDeletions(slug: string, limit = 50, reader: LogReader = 'public'): Promise<DeletionSummary[]> {
  const mapId = await mapIdOf(slug);
  const client = await db();
  const ownerMark = reader === 'public' ? await ownerMarkOf(mapId) : null;
  const rows = await client.node.findMany({
    where: { mapId, deletedAt: { not: null }, deletionId: { not: null } },
    select: { id: true, kind: true, text: true, deletedAt: true, deletionId: true, createdBy: true, deletedBy: true },
    orderBy: [{ deletedAt: 'desc' }, { createdAt: 'asc' }],
  });
  const byDeletion = new Map<string, DeletionSummary>();
  for (const row of rows) {
    const key = row.deletionId!;
    if (!byDeletion.has(key)) byDeletion.set(key, { deletionId: key, deletedAt: row.deletedAt!.toISOString(), nodes: [] });
    const moderated = reader === 'public' && deletedByModerator(row, ownerMark);
    byDeletion.get(key)!.nodes.push({ id: row.id, kind: row.kind as NodeKind, text: moderated ? REDACTED_TEXT : row.text });
  }
  return [...byDeletion.values()].slice(0, limit);
}

/** Points moved per UPDATE by {@link savePositions} (three bound values each). */
const POSITIONS_BATCH = 300;

/**
 * `PUT /api/maps/{slug}/positions`: saves (or, with null, clears) many node positions at once — up to
 * every point of the largest map ("Tidy layout"). One transaction, one UPDATE per batch of points
 * (from a VALUES list, which both databases read alike); a point that is not live on this map rolls
 * the whole batch back.
 */
export async function savePositions(slug: string, input: PositionsInput, actor: Actor = NO_ACTOR, access?: Access): Promise<{ updated: number }> {
  const ids = Object.keys(input.positions);
  const { mapId } = await sqlTransaction(async (sql) => {
    const mapId = access?.mapId ?? (await sql.one<{ id: string }>('SELECT "id" FROM "ArgumentMap" WHERE "slug" = ?', slug))?.id;
    if (!mapId) throw new AppError('not_found', `There is no map called "${slug}".`);
    await sql.lockMap(mapId);
    const now = new Date();
    const missing: string[] = [];
    for (let i = 0; i < ids.length; i += POSITIONS_BATCH) {
      const batch = ids.slice(i, i + POSITIONS_BATCH);
      const values = batch.map(() => '(?, CAST(? AS DOUBLE PRECISION), CAST(? AS DOUBLE PRECISION))').join(', ');
      const moved = await sql.run(
        `UPDATE "Node" SET "x" = v.column2, "y" = v.column3, "updatedAt" = ? FROM (VALUES ${values}) AS v
         WHERE "Node"."id" = v.column1 AND "Node"."mapId" = ? AND "Node"."deletedAt" IS NULL`,
        now,
        ...batch.flatMap((id) => [id, input.positions[id]?.x ?? null, input.positions[id]?.y ?? null]),
        mapId,
      );
      if (moved < batch.length) {
        const list = sql.among('"id"', batch);
        const live = new Set(
          (await sql.all<{ id: string }>(`SELECT "id" FROM "Node" WHERE "mapId" = ? AND "deletedAt" IS NULL AND ${list.sql}`, mapId, list.value)).map(
            (r) => r.id,
          ),
        );
        missing.push(...batch.filter((id) => !live.has(id)));
      }
    }
    if (missing.length > 0) {
      throw new AppError('bad_request', 'Some nodes are not on this map.', {
        issues: missing.map((id) => ({ path: ['positions', id], message: `No node "${id}" on this map.` })),
      });
    }
    await recordEventIn(sql, mapId, 'positions.saved', actor, { positions: input.positions }, now);
    return { mapId };
  });
  announce(mapId);
  return { updated: ids.length };
}
