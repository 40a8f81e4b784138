import 'server-only';
import type { Role } from '../auth/permissions';
import {
  emptyTaskCounts,
  ProgressReplay,
  taskProgress,
  TASK_KINDS,
  TASK_LABELS,
  type ProgressEvent,
  type TaskCounts,
  type TaskProgress,
} from '../argument/progress';
import { emptyReasoning, reasoningOf, reasoningSummary, type StudentReasoning } from '../argument/reasoning';
import { AppError } from '../validation/app-error';
import { assertCan, resolveAccess, type Access } from './access';
import { db, sqlRead } from './client';
import { lastEventIdIn } from './events';
import { evaluatedGraphOf } from './map-views';
import { rosterOf } from './roster';
import { tasksOfMap, type TasksView } from './tasks';

/** A student's figures as the API shows them: node ids only, never the identity mark behind them. */
export type ReasoningView = Omit<StudentReasoning, 'mark'>;

/** One student of a class copy and how far they have come (`GET /api/maps/{slug}/progress`). */
export interface StudentProgress {
  member: {
    /** The membership's id (as `GET …/members` names it). */
    id: string;
    name: string;
    /** How classmates see them on an anonymous map ("Student 3"); null when the map shows names. */
    alias: string | null;
    role: Role;
    /** When they joined (ISO 8601). */
    joinedAt: string;
    /** When they last changed anything on the map (their newest event), ISO 8601; null if never. */
    lastActiveAt: string | null;
  };
  /** Each task the teacher set, in `TASK_KINDS` order; empty when no tasks are set. */
  tasks: TaskProgress[];
  /** Every task kind's count, set or not. */
  counts: TaskCounts;
  /** Every task set is complete; false when no tasks are set. */
  complete: boolean;
  /** Some count is above 0. */
  started: boolean;
  reasoning: ReasoningView;
  /** The reasoning in one sentence (`reasoningSummary`). */
  summary: string;
}

/** `GET /api/maps/{slug}/progress`. */
export interface ProgressView {
  tasks: TasksView | null;
  /** The owner: every live member but the owner, by name; a member: only themself. */
  students: StudentProgress[];
  viewer: { owner: boolean };
  /** Whether the map is anonymous for its class (students see each other as "Student N"). */
  anonymous: boolean;
}

/** Who asks for progress: the owner sees the class, a member their own row. */
export interface ProgressAccess {
  access: Access;
  ownerId: string | null;
  /** The caller is the map's owner (the class's teacher). */
  owner: boolean;
}

const SEE_PROGRESS_WORDS = "Only the class's teacher sees everyone's progress; join the class to see your own.";
const DOWNLOAD_WORDS = "Only the class's teacher can download the class's progress.";

async function progressAccess(request: Request, slug: string): Promise<ProgressAccess> {
  const access = await resolveAccess(request, slug);
  const ownerId = await sqlRead(
    async (sql) => (await sql.one<{ ownerId: string | null }>('SELECT "ownerId" FROM "ArgumentMap" WHERE "id" = ?', access.mapId))?.ownerId ?? null,
  );
  const owner = ownerId !== null && access.identity.kind === 'user' && access.identity.userId === ownerId;
  return { access, ownerId, owner };
}

/** Nobody identified on a members-only map: the usual 401 ("sign in, or join"). */
function refuseAnonymous(access: Access): void {
  if (access.role === null && access.identity.kind === 'anonymous') assertCan(access, 'view');
}

/**
 * For `GET …/progress`: the owner (everyone's rows), or a live member who may view the map (their
 * own). Anyone else: 401 when nobody is identified on a members-only map, else 403.
 */
export async function authorizeProgress(request: Request, slug: string): Promise<ProgressAccess> {
  const found = await progressAccess(request, slug);
  if (found.owner) return found;
  refuseAnonymous(found.access);
  if (found.access.memberId === null) throw new AppError('forbidden', SEE_PROGRESS_WORDS);
  assertCan(found.access, 'view');
  return found;
}

/** For `GET …/progress.csv`: the owner only (401 for nobody on a members-only map, else 403). */
export async function authorizeProgressDownload(request: Request, slug: string): Promise<ProgressAccess> {
  const found = await progressAccess(request, slug);
  if (found.owner) return found;
  refuseAnonymous(found.access);
  throw new AppError('forbidden', DOWNLOAD_WORDS);
}

/** The event types progress is counted from; the others' data is never read. */
const COUNTED_TYPES = ['node.created', 'connection.created', 'node.deleted', 'node.restored', 'comment.created', 'comment.deleted', 'vote.cast'] as const;

/** What the log and the map say of a class at one log position, alike for every reader. */
interface ClassFigures {
  since: number;
  ownerMark: string | null;
  counts: Map<string, TaskCounts>;
  lastActive: Map<string, string>;
  reasoning: Map<string, StudentReasoning>;
  /** The log replayed up to `since`: the next read takes only the events after it. */
  replay: ProgressReplay;
}

/** How many maps' figures are kept in memory (the most recently read). */
const CLASS_FIGURES_MAX = 16;
const globalForFigures = globalThis as unknown as { argmapClassFigures?: Map<string, ClassFigures> };
const classFigures = (globalForFigures.argmapClassFigures ??= new Map<string, ClassFigures>());

/** A DateTime column as this connection reads it (ISO text, or milliseconds), in ISO 8601. */
function isoTime(value: unknown): string {
  return new Date(typeof value === 'bigint' ? Number(value) : (value as string | number)).toISOString();
}

/**
 * Every identified actor's task counts, newest activity and reasoning on the map, as of its newest
 * event. The log is read in order once (only the counted events' data is fetched) and replayed into
 * a {@link ProgressReplay} kept per map: after a change, only the events since the last read are
 * read — a class's 100,000-event log is not read again on each of its changes. Then the map as the
 * map view has it (linear in the map). Kept per map until the log moves on, so a class whose pages
 * all re-read progress after a change pays for the change once.
 */
async function figuresOf(mapId: string, ownerId: string | null): Promise<ClassFigures> {
  const ownerMark = ownerId === null ? null : `user:${ownerId}`;
  const since = await sqlRead((sql) => lastEventIdIn(sql, mapId));
  const cached = classFigures.get(mapId);
  if (cached && cached.since === since && cached.ownerMark === ownerMark) {
    classFigures.delete(mapId);
    classFigures.set(mapId, cached);
    return cached;
  }
  // Carry on from the kept replay when it is of the same owner and not ahead of the log (a log never shrinks).
  const base = cached && cached.ownerMark === ownerMark && cached.since <= since ? cached : null;
  const replay = base?.replay ?? new ProgressReplay({ notClassmates: ownerMark === null ? [] : [ownerMark] });
  const from = base?.since ?? 0;
  const { events, lastActive } = await sqlRead(async (sql) => {
    const types = COUNTED_TYPES.map(() => '?').join(', ');
    const rows = await sql.all<{ id: number; type: string; actorMark: string | null; createdAt: unknown; data: string | null }>(
      `SELECT "id", "type", "actorMark", "createdAt", CASE WHEN "type" IN (${types}) THEN "data" END AS "data" FROM "MapEvent" WHERE "mapId" = ? AND "id" > ? AND "id" <= ? ORDER BY "id"`,
      ...COUNTED_TYPES,
      mapId,
      from,
      since,
    );
    const events: ProgressEvent[] = [];
    const lastActive = new Map(base?.lastActive);
    for (const row of rows) {
      if (row.actorMark !== null) lastActive.set(row.actorMark, isoTime(row.createdAt));
      if (row.data !== null) events.push({ id: Number(row.id), type: row.type, actorMark: row.actorMark, data: JSON.parse(row.data) as unknown });
    }
    return { events, lastActive };
  });
  replay.apply(events);
  const counts = replay.counts();
  const { graph, makers, evaluation } = await evaluatedGraphOf(mapId, since);
  const figures: ClassFigures = { since, ownerMark, counts, lastActive, reasoning: reasoningOf(graph, evaluation, makers), replay };
  classFigures.delete(mapId);
  classFigures.set(mapId, figures);
  if (classFigures.size > CLASS_FIGURES_MAX) classFigures.delete(classFigures.keys().next().value!);
  return figures;
}

/** The figures without the mark: what leaves the server. */
function reasoningView(r: StudentReasoning): ReasoningView {
  return {
    points: r.points,
    objections: r.objections,
    rebuttals: r.rebuttals,
    challenges: r.challenges,
    questions: r.questions,
    quoted: r.quoted,
    unsupported: r.unsupported,
  };
}

/**
 * `GET /api/maps/{slug}/progress`: the tasks, and for the owner every live member but the owner
 * (by name), for a member only their own row. Each student's counts are replayed from the log by
 * their identity mark (`user:<id>` for an account, `member:<membership id>` otherwise) with the
 * owner's points not a classmate's; their reasoning is read from the map as it is now.
 */
export async function progressOf({ access, ownerId, owner }: ProgressAccess): Promise<ProgressView> {
  const client = await db();
  const [tasks, memberships, figures, roster] = await Promise.all([
    tasksOfMap(access.mapId),
    client.membership.findMany({
      where: owner ? { mapId: access.mapId, removedAt: null } : { id: access.memberId ?? '', mapId: access.mapId, removedAt: null },
      select: { id: true, name: true, role: true, userId: true, createdAt: true },
    }),
    figuresOf(access.mapId, ownerId),
    rosterOf(access.mapId),
  ]);
  const students = memberships
    .filter((m) => ownerId === null || m.userId !== ownerId)
    .sort((a, b) => a.name.localeCompare(b.name, 'en') || a.createdAt.getTime() - b.createdAt.getTime())
    .map((m): StudentProgress => {
      const mark = m.userId !== null ? `user:${m.userId}` : `member:${m.id}`;
      const counts = figures.counts.get(mark) ?? emptyTaskCounts();
      const set = tasks ? taskProgress(counts, tasks.targets) : [];
      const reasoning = figures.reasoning.get(mark) ?? emptyReasoning(mark);
      return {
        member: {
          id: m.id,
          name: m.name,
          alias: roster.pseudonyms.get(m.name) ?? null,
          role: m.role as Role,
          joinedAt: m.createdAt.toISOString(),
          lastActiveAt: figures.lastActive.get(mark) ?? null,
        },
        tasks: set,
        counts,
        complete: set.length > 0 && set.every((t) => t.complete),
        started: TASK_KINDS.some((kind) => counts[kind] > 0),
        reasoning: reasoningView(reasoning),
        summary: reasoningSummary(reasoning),
      };
    });
  return { tasks, students, viewer: { owner }, anonymous: roster.anonymous };
}

/** An ISO time as a spreadsheet reads a date and time: `2026-12-08 09:14` (UTC). */
function spreadsheetTime(iso: string | null): string | null {
  return iso === null ? null : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/**
 * The class's progress as CSV rows (`GET /api/maps/{slug}/progress.csv`): a header, then one row per
 * student — name (and, on an anonymous map, how classmates see them), role, joined and last active
 * (UTC), the done count of each task set (headed "Add objections (of 2)"), then the reasoning
 * figures and the summary.
 */
export function progressRows(view: ProgressView): (string | number | null)[][] {
  const set = view.tasks ? TASK_KINDS.filter((kind) => (view.tasks!.targets[kind] ?? 0) > 0) : [];
  const header = [
    'Name',
    ...(view.anonymous ? ['Shown to classmates as'] : []),
    'Role',
    'Joined',
    'Last active',
    ...set.map((kind) => `${TASK_LABELS[kind]} (of ${view.tasks!.targets[kind]})`),
    'Objections defeating',
    'Objections answered',
    'Answered of aimed at them',
    'Questions raised',
    'Quoted the essay',
    'Unsupported assertions',
    'Summary',
  ];
  const rows = view.students.map((s) => [
    s.member.name,
    ...(view.anonymous ? [s.member.alias] : []),
    s.member.role,
    spreadsheetTime(s.member.joinedAt),
    spreadsheetTime(s.member.lastActiveAt),
    ...set.map((kind) => s.counts[kind]),
    s.reasoning.objections.defeating.length,
    s.reasoning.objections.answered.length,
    `${s.reasoning.challenges.answered.length} of ${s.reasoning.challenges.aimed.length}`,
    s.reasoning.questions.length,
    s.reasoning.quoted.length,
    s.reasoning.unsupported.length,
    s.summary,
  ]);
  return [header, ...rows];
}
