import { describe, expect, test } from 'vitest';
import type { FlatEdge, NodeKind } from '../model';
import { emptyTaskCounts, progressFromEvents, ProgressReplay, progressWords, taskProgress, TASK_KINDS, type ProgressEvent, type TaskCounts } from '../progress';
import { node } from './fixtures';

const ANN = 'member:ann';
const BEN = 'member:ben';
const TEACHER = 'user:teacher';

/**
 * A hand-written event log. The seeded analysis — thesis `t`, claim `c` and the step `c>t` — is on
 * the map before the log starts, so no event names its maker.
 */
function log() {
  const events: ProgressEvent[] = [];
  let votes = new Map<string, number>();
  const push = (type: string, actorMark: string | null, data: unknown) => events.push({ id: events.length + 1, type, actorMark, data });
  const api = {
    events,
    /** `who` adds `id` of `kind`; `under` is `[relation, target]`, the target a node or (undercut) `inf:<id>`. */
    add(
      who: string | null,
      id: string,
      kind: NodeKind,
      under?: ['supports' | 'attacks', string],
      extra: { quote?: boolean; implicit?: boolean; question?: string; linkedTo?: string } = {},
    ) {
      let edge: FlatEdge | null = null;
      if (under) {
        const [relation, target] = under;
        if (target.startsWith('inf:')) {
          const inference = target.slice(4);
          edge = { id: `x-${id}`, from: id, to: 'conclusion-of-' + inference, relation, undercut: true, inference, conflict: `x-${id}` };
        } else if (relation === 'supports') {
          const inference = extra.linkedTo ?? `${id}>${target}`;
          edge = { id: `${inference}~${id}`, from: id, to: target, relation, inference };
        } else {
          edge = { id: `x-${id}`, from: id, to: target, relation, conflict: `x-${id}` };
        }
      }
      const quote = extra.quote ? { start: 0, end: 4, text: 'Talk' } : null;
      push('node.created', who, {
        node: { ...node(id, kind), quote, implicit: extra.implicit ?? false },
        edge,
        ...(extra.question ? { question: extra.question } : {}),
      });
      return api;
    },
    remove(who: string | null, removed: string[], deletionId = `d${events.length}`) {
      push('node.deleted', who, { deletionId, removed, graph: { nodes: [], inferences: [], conflicts: [] } });
      return api;
    },
    restore(who: string | null, restored: string[]) {
      push('node.restored', who, { restored, deletions: ['d'] });
      return api;
    },
    comment(who: string | null, id: string, nodeId = 'c') {
      push('comment.created', who, { id, nodeId, author: String(who), text: 'Why?', createdAt: '', updatedAt: '' });
      return api;
    },
    uncomment(who: string | null, id: string, nodeId = 'c') {
      push('comment.deleted', who, { id, nodeId });
      return api;
    },
    /** A vote cast (`+1` voter), changed (`0`) or withdrawn (`-1`) on `nodeId`; the log carries only the crowd's rating. */
    vote(who: string | null, nodeId: string, change: 1 | 0 | -1) {
      const count = (votes.get(nodeId) ?? 0) + change;
      votes = new Map(votes).set(nodeId, count);
      push('vote.cast', who, { nodeId, rating: { average: 2, count } });
      return api;
    },
  };
  return api;
}

const counts = (partial: Partial<TaskCounts> = {}): TaskCounts => ({ ...emptyTaskCounts(), ...partial });
const progressOf = (events: ProgressEvent[], mark: string) => progressFromEvents(events, { notClassmates: [TEACHER] }).get(mark) ?? emptyTaskCounts();

describe('progressFromEvents', () => {
  test.each([
    ['an objection to the seeded analysis', log().add(ANN, 'o1', 'objection', ['attacks', 'c']), counts({ objections: 1 })],
    [
      'an objection to a classmate’s claim counts under classmates too',
      log().add(BEN, 'b1', 'claim', ['supports', 't']).add(ANN, 'o1', 'objection', ['attacks', 'b1']),
      counts({ objections: 1, underClassmates: 1 }),
    ],
    [
      'a reason under a classmate’s claim',
      log().add(BEN, 'b1', 'claim', ['supports', 't']).add(ANN, 'e1', 'evidence', ['supports', 'b1']),
      counts({ underClassmates: 1 }),
    ],
    [
      'a point under their own point is not under a classmate’s',
      log().add(ANN, 'a1', 'claim', ['supports', 't']).add(ANN, 'e1', 'evidence', ['supports', 'a1']),
      counts(),
    ],
    [
      'a point under the teacher’s point is not under a classmate’s',
      log().add(TEACHER, 'k1', 'claim', ['supports', 't']).add(ANN, 'o1', 'objection', ['attacks', 'k1']),
      counts({ objections: 1 }),
    ],
    [
      'an undercut of the step a classmate made is under their point',
      log().add(BEN, 'b1', 'claim', ['supports', 't']).add(ANN, 'u1', 'objection', ['attacks', 'inf:b1>t']),
      counts({ objections: 1, underClassmates: 1 }),
    ],
    ['an undercut of the seeded step is not', log().add(ANN, 'u1', 'objection', ['attacks', 'inf:c>t']), counts({ objections: 1 })],
    [
      'a rebuttal of a classmate’s objection',
      log().add(BEN, 'b1', 'objection', ['attacks', 'c']).add(ANN, 'r1', 'rebuttal', ['attacks', 'b1']),
      counts({ rebuttals: 1, underClassmates: 1 }),
    ],
    [
      'an objection raised from a critical question, quoting the essay, meets three tasks once each',
      log().add(ANN, 'o1', 'objection', ['attacks', 'c'], { question: 'analogy.cq1', quote: true }),
      counts({ objections: 1, questions: 1, quotes: 1 }),
    ],
    ['an unstated premise', log().add(ANN, 'w1', 'premise', ['supports', 'c'], { implicit: true }), counts({ unstated: 1 })],
    [
      'a linked premise joining a classmate’s step is under their point (the conclusion)',
      log()
        .add(BEN, 'b1', 'claim', ['supports', 't'])
        .add(BEN, 'b2', 'evidence', ['supports', 'b1'])
        .add(ANN, 'w1', 'premise', ['supports', 'b1'], { implicit: true, linkedTo: 'b2>b1' }),
      counts({ unstated: 1, underClassmates: 1 }),
    ],
    [
      'their own delete takes the credit back',
      log().add(BEN, 'b1', 'claim', ['supports', 't']).add(ANN, 'o1', 'objection', ['attacks', 'b1']).remove(ANN, ['o1']),
      counts(),
    ],
    [
      'the teacher’s delete does not',
      log().add(BEN, 'b1', 'claim', ['supports', 't']).add(ANN, 'o1', 'objection', ['attacks', 'b1']).remove(TEACHER, ['o1']),
      counts({ objections: 1, underClassmates: 1 }),
    ],
    [
      'a classmate deleting their own point takes nothing from the points under it',
      log().add(BEN, 'b1', 'claim', ['supports', 't']).add(ANN, 'o1', 'objection', ['attacks', 'b1']).remove(BEN, ['b1', 'o1']),
      counts({ objections: 1, underClassmates: 1 }),
    ],
    [
      'their own delete of a point removes the credit of their points resting on it',
      log()
        .add(ANN, 'a1', 'claim', ['supports', 't'])
        .add(ANN, 'o1', 'objection', ['attacks', 'c'])
        .add(ANN, 'e1', 'evidence', ['supports', 'a1'], { quote: true })
        .remove(ANN, ['a1', 'e1']),
      counts({ objections: 1 }),
    ],
    [
      'an own delete undone gives the credit back',
      log().add(ANN, 'o1', 'objection', ['attacks', 'c'], { quote: true }).remove(ANN, ['o1']).restore(ANN, ['o1']),
      counts({ objections: 1, quotes: 1 }),
    ],
    ['undone by the teacher, too', log().add(ANN, 'o1', 'objection', ['attacks', 'c']).remove(ANN, ['o1']).restore(TEACHER, ['o1']), counts({ objections: 1 })],
    [
      'a moderator’s delete undone changes nothing',
      log().add(ANN, 'o1', 'objection', ['attacks', 'c']).remove(TEACHER, ['o1']).restore(TEACHER, ['o1']),
      counts({ objections: 1 }),
    ],
    ['a re-cast vote on the same point counts once', log().vote(ANN, 'c', 1).vote(ANN, 'c', 0).vote(ANN, 'c', 0), counts({ ratings: 1 })],
    ['votes on two points count two', log().vote(ANN, 'c', 1).vote(BEN, 'c', 1).vote(ANN, 't', 1), counts({ ratings: 2 })],
    ['a withdrawn vote is a point no longer rated', log().vote(ANN, 'c', 1).vote(BEN, 'c', 1).vote(ANN, 'c', -1), counts()],
    ['a vote withdrawn and cast again counts once', log().vote(ANN, 'c', 1).vote(ANN, 'c', -1).vote(ANN, 'c', 1), counts({ ratings: 1 })],
    ['a classmate withdrawing their vote leaves hers', log().vote(ANN, 'c', 1).vote(BEN, 'c', 1).vote(BEN, 'c', -1), counts({ ratings: 1 })],
    ['comments', log().comment(ANN, 'k1').comment(ANN, 'k2', 't'), counts({ comments: 2 })],
    ['a comment deleted by its writer loses its credit', log().comment(ANN, 'k1').comment(ANN, 'k2').uncomment(ANN, 'k1'), counts({ comments: 1 })],
    ['a comment deleted by the teacher keeps it', log().comment(ANN, 'k1').uncomment(TEACHER, 'k1'), counts({ comments: 1 })],
  ])('%s', (_name, built, expected) => {
    expect(progressOf(built.events, ANN)).toEqual(expected);
  });

  test('anonymous and seeded events credit nobody, and everyone who acted has a row', () => {
    const { events } = log()
      .add(null, 'x1', 'objection', ['attacks', 'c'])
      .add(ANN, 'o1', 'objection', ['attacks', 'x1'])
      .vote(null, 'c', 1)
      .comment(BEN, 'k1')
      .comment(BEN, 'k2')
      .uncomment(BEN, 'k1')
      .uncomment(BEN, 'k2');
    const progress = progressFromEvents(events);
    expect([...progress.keys()].sort()).toEqual([ANN, BEN]);
    expect(progress.get(ANN)).toEqual(counts({ objections: 1 }));
    expect(progress.get(BEN)).toEqual(counts());
  });

  test('without notClassmates, the owner’s points count as a classmate’s', () => {
    const { events } = log().add(TEACHER, 'k1', 'claim', ['supports', 't']).add(ANN, 'o1', 'objection', ['attacks', 'k1']);
    expect(progressFromEvents(events).get(ANN)).toEqual(counts({ objections: 1, underClassmates: 1 }));
  });

  test('events it does not know, or malformed data, are passed over', () => {
    const events: ProgressEvent[] = [
      { id: 1, type: 'positions.saved', actorMark: ANN, data: { positions: {} } },
      { id: 2, type: 'node.created', actorMark: ANN, data: null },
      { id: 3, type: 'node.deleted', actorMark: ANN, data: { removed: 'o1' } },
      { id: 4, type: 'vote.cast', actorMark: ANN, data: { nodeId: 'c' } },
      { id: 5, type: 'comment.created', actorMark: ANN, data: 'k1' },
    ];
    expect(progressFromEvents(events).size).toBe(0);
  });

  test('is linear in the log: 100,000 events, deletes of 1,000 points each, in one pass', () => {
    const events: ProgressEvent[] = [];
    const students = Array.from({ length: 30 }, (_, i) => `member:s${i}`);
    let id = 0;
    const push = (type: string, actorMark: string, data: unknown) => events.push({ id: ++id, type, actorMark, data });
    for (let i = 0; i < 60_000; i++) {
      const who = students[i % students.length];
      const target = i === 0 ? 'c' : `p${i - 1}`;
      push('node.created', who, {
        node: { ...node(`p${i}`, 'objection'), quote: null },
        edge: { id: `x${i}`, from: `p${i}`, to: target, relation: 'attacks', conflict: `x${i}` },
      });
    }
    for (let i = 0; i < 20_000; i++) push('vote.cast', students[i % 30], { nodeId: `p${i}`, rating: { average: 2, count: 1 } });
    for (let i = 0; i < 20_000; i++) {
      if (i < 20) push('node.deleted', 'user:teacher', { removed: Array.from({ length: 1000 }, (_, k) => `p${i * 1000 + k}`) });
      else push('comment.created', students[i % 30], { id: `k${i}`, nodeId: 'c' });
    }
    const progress = progressFromEvents(events, { notClassmates: ['user:teacher'] });
    expect(progress.get('member:s0')).toEqual(counts({ objections: 2000, underClassmates: 1999, ratings: 667, comments: 666 }));
  });

  test('kept between reads: the log replayed in pieces, or with a piece given twice, counts as one pass does', () => {
    const { events } = log()
      .add(ANN, 'k1', 'claim', ['supports', 't'])
      .add(BEN, 'o1', 'objection', ['attacks', 'k1'])
      .comment(ANN, 'c1')
      .add(ANN, 'r1', 'rebuttal', ['attacks', 'o1'])
      .uncomment(ANN, 'c1');
    const whole = progressFromEvents(events);
    for (let cut = 0; cut <= events.length; cut++) {
      const replay = new ProgressReplay();
      replay.apply(events.slice(0, cut));
      // Two reads racing: the second brings again what the first applied.
      replay.apply(events.slice(Math.max(0, cut - 2)));
      expect(replay.counts(), `cut at ${cut}`).toEqual(whole);
    }
  });
});

describe('taskProgress', () => {
  test('lists only the tasks set, in order, with words', () => {
    const list = taskProgress(counts({ objections: 2, questions: 1, comments: 4 }), { comments: 3, objections: 3, questions: 1, quotes: 0 });
    expect(list).toEqual([
      { kind: 'objections', label: 'Add objections', done: 2, target: 3, complete: false, words: '2 of 3 objections' },
      { kind: 'questions', label: 'Raise critical questions', done: 1, target: 1, complete: true, words: '1 of 1 critical question' },
      { kind: 'comments', label: 'Comment', done: 4, target: 3, complete: true, words: '4 comments, 3 asked' },
    ]);
  });

  test('no tasks set, nothing to show', () => {
    expect(taskProgress(counts({ objections: 5 }), {})).toEqual([]);
  });
});

describe('progressWords', () => {
  test.each([
    ['objections', 0, 2, '0 of 2 objections'],
    ['underClassmates', 1, 2, '1 of 2 points under classmates’ points'],
    ['quotes', 1, 1, '1 of 1 point quoting the essay'],
    ['ratings', 3, 1, '3 points rated, 1 asked'],
  ] as const)('%s %i of %i → %s', (kind, done, target, words) => {
    expect(progressWords(kind, done, target)).toBe(words);
  });

  test('every task has words', () => {
    for (const kind of TASK_KINDS) expect(progressWords(kind, 1, 2)).toMatch(/^1 of 2 \S/);
  });
});

describe('the worked example of docs/evaluation.md ("Task progress")', () => {
  const example = (teacherDeletes: boolean) =>
    log()
      .add(BEN, 'b1', 'evidence', ['supports', 't'], { quote: true })
      .add(ANN, 'a1', 'objection', ['attacks', 'b1'])
      .add(ANN, 'a2', 'objection', ['attacks', 'e'], { question: 'analogy.cq1', quote: true })
      .add(ANN, 'a3', 'objection', ['attacks', 'c'])
      .remove(teacherDeletes ? TEACHER : ANN, ['a3'])
      .add(BEN, 'r1', 'rebuttal', ['attacks', 'a1'])
      .vote(ANN, 'b1', 1)
      .vote(ANN, 'b1', 0)
      .comment(ANN, 'k1', 'b1')
      .uncomment(TEACHER, 'k1', 'b1')
      .comment(BEN, 'k2', 'a1')
      .uncomment(BEN, 'k2', 'a1').events;
  const targets = { objections: 2, rebuttals: 1, questions: 1, quotes: 1 };

  test('each student’s counts and progress words', () => {
    const progress = progressFromEvents(example(false), { notClassmates: [TEACHER] });
    expect(progress.get(ANN)).toEqual(counts({ objections: 2, underClassmates: 1, questions: 1, quotes: 1, ratings: 1, comments: 1 }));
    expect(progress.get(BEN)).toEqual(counts({ underClassmates: 1, rebuttals: 1, quotes: 1 }));
    expect(taskProgress(progress.get(ANN)!, targets).map((t) => [t.words, t.complete])).toEqual([
      ['2 of 2 objections', true],
      ['0 of 1 rebuttal', false],
      ['1 of 1 critical question', true],
      ['1 of 1 point quoting the essay', true],
    ]);
    expect(taskProgress(progress.get(BEN)!, targets).map((t) => [t.words, t.complete])).toEqual([
      ['0 of 2 objections', false],
      ['1 of 1 rebuttal', true],
      ['0 of 1 critical question', false],
      ['1 of 1 point quoting the essay', true],
    ]);
  });

  test('had the teacher deleted a3, Ann would keep 3 objections', () => {
    expect(progressFromEvents(example(true), { notClassmates: [TEACHER] }).get(ANN)!.objections).toBe(3);
  });
});
