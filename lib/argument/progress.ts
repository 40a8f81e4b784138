/**
 * Task progress on a class map, derived from the map's event log (see docs/evaluation.md, "Task
 * progress"). Nothing here is stored: replaying the same log always gives the same counts, so
 * changing the tasks later keeps everyone's progress.
 *
 * The rules are Kialo Edu's:
 * - nothing counts twice: a point counts once for each task it meets, a vote changed or cast again
 *   on the same point is one point rated;
 * - a student's own delete takes back the credit of their points it removed; anyone else's delete
 *   (the teacher moderating, a classmate on an open map) does not;
 * - undoing an own delete gives the credit back;
 * - a comment deleted by its writer loses its credit; one the teacher deletes keeps it;
 * - a vote withdrawn is a point no longer rated.
 */

/** What a teacher can ask of each student. */
export const TASK_KINDS = ['objections', 'underClassmates', 'rebuttals', 'questions', 'quotes', 'unstated', 'ratings', 'comments'] as const;

/**
 * - `objections` — objections added (to anything, the essay's analysis or a classmate's point);
 * - `underClassmates` — points added under a classmate's point, supporting or attacking it: the
 *   point (or, for an undercut, the step) was made by another member, not by the map's owner, not
 *   part of the seeded analysis and not by the student;
 * - `rebuttals` — rebuttals added (answers to an objection);
 * - `questions` — objections raised from a critical question;
 * - `quotes` — points that quote the essay;
 * - `unstated` — unstated premises and claims;
 * - `ratings` — distinct points rated;
 * - `comments` — comments written.
 */
export type TaskKind = (typeof TASK_KINDS)[number];

/** What each task asks, as the teacher's form and the student's "My tasks" list say it. */
export const TASK_LABELS: Record<TaskKind, string> = {
  objections: 'Add objections',
  underClassmates: 'Add points under classmates’ points',
  rebuttals: 'Rebut objections',
  questions: 'Raise critical questions',
  quotes: 'Quote the essay in a point',
  unstated: 'Add unstated premises',
  ratings: 'Rate points',
  comments: 'Comment',
};

/** What one unit of each task is called, singular and plural ("2 of 3 objections"). */
export const TASK_UNITS: Record<TaskKind, readonly [one: string, many: string]> = {
  objections: ['objection', 'objections'],
  underClassmates: ['point under a classmate’s point', 'points under classmates’ points'],
  rebuttals: ['rebuttal', 'rebuttals'],
  questions: ['critical question', 'critical questions'],
  quotes: ['point quoting the essay', 'points quoting the essay'],
  unstated: ['unstated premise', 'unstated premises'],
  ratings: ['point rated', 'points rated'],
  comments: ['comment', 'comments'],
};

/** How many of each task a teacher asks for; a task absent (or 0) is not set. */
export type TaskTargets = Partial<Record<TaskKind, number>>;

/** How many of each task a student has done. */
export type TaskCounts = Record<TaskKind, number>;

/** Who did something, as the server marks it: `"user:<id>"` or `"member:<id>"` (null: seeded, imported, anonymous). */
export type ActorMark = string;

/** One entry of a map's event log, in log order, with the identity mark of whoever made it. */
export interface ProgressEvent {
  id: number;
  type: string;
  actorMark: ActorMark | null;
  data: unknown;
}

export interface ProgressOptions {
  /**
   * Marks whose points are not a classmate's (the map's owner: the teacher's points are part of
   * the analysis). Points of the seeded analysis have no mark and never count as a classmate's.
   */
  notClassmates?: Iterable<ActorMark>;
}

/** Zero of everything: a member who has not acted yet. */
export function emptyTaskCounts(): TaskCounts {
  return { objections: 0, underClassmates: 0, rebuttals: 0, questions: 0, quotes: 0, unstated: 0, ratings: 0, comments: 0 };
}

/** A point added by someone the log names, and the tasks it meets. */
interface PointCredit {
  maker: ActorMark;
  tasks: TaskKind[];
  /** False while an own delete has taken it off the map. */
  credited: boolean;
}

interface CommentCredit {
  writer: ActorMark;
  credited: boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const stringField = (value: unknown, key: string): string | undefined => {
  if (!isRecord(value)) return undefined;
  const field = value[key];
  return typeof field === 'string' ? field : undefined;
};
const stringList = (value: unknown, key: string): string[] => {
  if (!isRecord(value) || !Array.isArray(value[key])) return [];
  return (value[key] as unknown[]).filter((id): id is string => typeof id === 'string');
};

/**
 * Each member's progress on every task, replayed from the map's event log (oldest first). Only
 * events that carry an actor's mark earn credit; every member who earned or lost some is in the
 * answer (read anyone else as {@link emptyTaskCounts}). One pass over the log: linear in its size
 * (the ids a delete or restore lists included).
 *
 * @example
 * // Ann adds an objection, then deletes it herself: 0 objections. Had the teacher deleted it: 1.
 */
export function progressFromEvents(events: readonly ProgressEvent[], options: ProgressOptions = {}): Map<ActorMark, TaskCounts> {
  const replay = new ProgressReplay(options);
  replay.apply(events);
  return replay.counts();
}

/**
 * {@link progressFromEvents}, kept between reads: `apply` takes the events after the last ones it
 * was given (in log order), so a class's log is replayed once, and each change after costs only its
 * own events. `counts` is linear in the points, comments and ratings credited, never in the log.
 */
export class ProgressReplay {
  private readonly notClassmates: Set<ActorMark>;
  private readonly makerOf = new Map<string, ActorMark | null>();
  private readonly stepMakerOf = new Map<string, ActorMark | null>();
  private readonly points = new Map<string, PointCredit>();
  private readonly comments = new Map<string, CommentCredit>();
  private readonly rated = new Map<ActorMark, Set<string>>();
  private readonly voteCounts = new Map<string, number>();
  private readonly actors = new Set<ActorMark>();
  /** The id of the last event applied: one given again (two reads racing for the same events) is skipped. */
  private upTo = -Infinity;

  constructor(options: ProgressOptions = {}) {
    this.notClassmates = new Set(options.notClassmates ?? []);
  }

  private isClassmates(mark: ActorMark | null | undefined, actor: ActorMark): boolean {
    return mark != null && mark !== actor && !this.notClassmates.has(mark);
  }

  /** A support edge that made a step (a new inference) makes its maker the step's maker. */
  private noteStep(edge: unknown, actor: ActorMark | null): void {
    const inference = stringField(edge, 'inference');
    if (inference !== undefined && stringField(edge, 'relation') === 'supports' && !this.stepMakerOf.has(inference)) this.stepMakerOf.set(inference, actor);
  }

  /** Takes the next events of the log, oldest first; any at or before the last one taken are skipped. */
  apply(events: readonly ProgressEvent[]): void {
    for (const event of events) {
      if (event.id <= this.upTo) continue;
      this.applyOne(event);
      this.upTo = event.id;
    }
  }

  private applyOne(event: ProgressEvent): void {
    const { makerOf, stepMakerOf, points, comments, rated, voteCounts, actors } = this;
    const actor = event.actorMark;
    const data = event.data;
    switch (event.type) {
      case 'node.created': {
        const node = isRecord(data) ? data.node : undefined;
        const id = stringField(node, 'id');
        if (!isRecord(node) || id === undefined) break;
        const edge = isRecord(data) && isRecord(data.edge) ? data.edge : null;
        makerOf.set(id, actor);
        if (edge) this.noteStep(edge, actor);
        if (actor === null) break;
        actors.add(actor);
        const tasks: TaskKind[] = [];
        if (node.kind === 'objection') tasks.push('objections');
        if (node.kind === 'rebuttal') tasks.push('rebuttals');
        if (edge) {
          const undercut = edge.undercut === true;
          const underWhom = undercut ? stepMakerOf.get(stringField(edge, 'inference') ?? '') : makerOf.get(stringField(edge, 'to') ?? '');
          if (this.isClassmates(underWhom, actor)) tasks.push('underClassmates');
        }
        if (isRecord(data) && typeof data.question === 'string' && data.question !== '') tasks.push('questions');
        if (isRecord(node.quote)) tasks.push('quotes');
        if (node.implicit === true) tasks.push('unstated');
        points.set(id, { maker: actor, tasks, credited: true });
        break;
      }
      case 'connection.created': {
        if (isRecord(data)) this.noteStep(data.edge, actor);
        break;
      }
      case 'node.deleted': {
        if (actor === null) break;
        for (const id of stringList(data, 'removed')) {
          const point = points.get(id);
          // Only an own delete takes credit back: the teacher's moderation, or a classmate's delete, does not.
          if (point && point.maker === actor) point.credited = false;
        }
        break;
      }
      case 'node.restored': {
        for (const id of stringList(data, 'restored')) {
          const point = points.get(id);
          if (point) point.credited = true;
        }
        break;
      }
      case 'comment.created': {
        const id = stringField(data, 'id');
        if (id === undefined || actor === null) break;
        actors.add(actor);
        comments.set(id, { writer: actor, credited: true });
        break;
      }
      case 'comment.deleted': {
        const comment = comments.get(stringField(data, 'id') ?? '');
        if (comment && comment.writer === actor) comment.credited = false;
        break;
      }
      case 'vote.cast': {
        const nodeId = stringField(data, 'nodeId');
        const rating = isRecord(data) ? data.rating : undefined;
        const count = isRecord(rating) && typeof rating.count === 'number' ? rating.count : undefined;
        if (nodeId === undefined || count === undefined) break;
        // The log keeps the crowd's rating, never a voter's value: a vote withdrawn is the one
        // event after which fewer people have voted on the point (a change keeps the count).
        const withdrawn = count < (voteCounts.get(nodeId) ?? 0);
        voteCounts.set(nodeId, count);
        if (actor === null) break;
        actors.add(actor);
        let mine = rated.get(actor);
        if (!mine) rated.set(actor, (mine = new Set()));
        if (withdrawn) mine.delete(nodeId);
        else mine.add(nodeId);
        break;
      }
    }
  }

  /** Each member's counts as of the events applied so far. */
  counts(): Map<ActorMark, TaskCounts> {
    const progress = new Map<ActorMark, TaskCounts>();
    const countsOf = (mark: ActorMark) => {
      let counts = progress.get(mark);
      if (!counts) progress.set(mark, (counts = emptyTaskCounts()));
      return counts;
    };
    for (const mark of this.actors) countsOf(mark);
    for (const point of this.points.values()) {
      if (!point.credited) continue;
      const counts = countsOf(point.maker);
      for (const task of point.tasks) counts[task] += 1;
    }
    for (const comment of this.comments.values()) if (comment.credited) countsOf(comment.writer).comments += 1;
    for (const [mark, nodes] of this.rated) countsOf(mark).ratings = nodes.size;
    return progress;
  }
}

/** One task set by the teacher, and how far a student has come. */
export interface TaskProgress {
  kind: TaskKind;
  label: string;
  done: number;
  target: number;
  complete: boolean;
  /** "2 of 3 objections" (see {@link progressWords}). */
  words: string;
}

/**
 * A student's progress on each task the teacher set (target above 0), in {@link TASK_KINDS} order.
 *
 * @example taskProgress({ ...emptyTaskCounts(), objections: 2 }, { objections: 3 })
 * // [{ kind: 'objections', done: 2, target: 3, complete: false, words: '2 of 3 objections', … }]
 */
export function taskProgress(counts: TaskCounts, targets: TaskTargets): TaskProgress[] {
  return TASK_KINDS.flatMap((kind) => {
    const target = targets[kind] ?? 0;
    if (!(target > 0)) return [];
    const done = counts[kind];
    return [{ kind, label: TASK_LABELS[kind], done, target, complete: done >= target, words: progressWords(kind, done, target) }];
  });
}

/**
 * A task's progress in words, as the composer's hint and the progress bars say it.
 *
 * @example progressWords('objections', 2, 3) // "2 of 3 objections"
 * @example progressWords('questions', 1, 1) // "1 of 1 critical question"
 * @example progressWords('comments', 5, 3) // "5 comments, 3 asked"
 */
export function progressWords(kind: TaskKind, done: number, target: number): string {
  const [one, many] = TASK_UNITS[kind];
  if (done > target) return `${done} ${done === 1 ? one : many}, ${target} asked`;
  return `${done} of ${target} ${target === 1 ? one : many}`;
}
