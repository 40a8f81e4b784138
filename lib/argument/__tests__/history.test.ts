import { describe, expect, test } from 'vitest';
import { graphBefore, type HistoryEvent } from '../history';
import { describeEvent, eventTouchesNode } from '../history-words';
import type { ArgumentGraph } from '../model';
import { attacks, graphOf, node, supports } from './fixtures';

const base = graphOf(
  [
    ['t', 'thesis'],
    ['c', 'claim'],
    ['e', 'evidence'],
  ],
  [supports('c', 't', 'i1'), supports('e', 'c', 'i2')],
);

function ids(g: ArgumentGraph) {
  return {
    nodes: g.nodes.map((n) => n.id).sort(),
    inferences: g.inferences.map((i) => `${i.id}:${i.premises.join('+')}`).sort(),
    conflicts: g.conflicts.map((c) => c.id).sort(),
  };
}

describe('graphBefore', () => {
  test('undoing an added objection removes it and its conflict', () => {
    const now: ArgumentGraph = { ...base, nodes: [...base.nodes, node('o', 'objection')], conflicts: [attacks('o', 'c', 'x1')] };
    const events: HistoryEvent[] = [{ id: 5, type: 'node.created', actor: 'Ada', at: '', data: { node: node('o', 'objection'), edge: null } }];
    expect(ids(graphBefore(now, events))).toEqual(ids(base));
  });

  test('undoing an edit brings back the words before it', () => {
    const now: ArgumentGraph = { ...base, nodes: base.nodes.map((n) => (n.id === 'c' ? { ...n, text: 'new words', version: 2 } : n)) };
    const events: HistoryEvent[] = [
      {
        id: 7,
        type: 'node.updated',
        actor: '',
        at: '',
        data: { node: { ...node('c', 'claim'), text: 'new words' }, before: { text: 'old words', version: 1 } },
      },
    ];
    const before = graphBefore(now, events);
    expect(before.nodes.find((n) => n.id === 'c')).toMatchObject({ text: 'old words', version: 1 });
  });

  test('undoing a change of kind brings back the kind before it', () => {
    const now: ArgumentGraph = {
      ...base,
      nodes: base.nodes.map((n) => (n.id === 'c' ? { ...n, kind: 'thesis', version: 2 } : n.id === 't' ? { ...n, kind: 'claim', version: 2 } : n)),
    };
    const events: HistoryEvent[] = [
      { id: 7, type: 'node.updated', actor: '', at: '', data: { node: { ...node('t', 'claim') }, before: { text: 'thesis t', version: 1, kind: 'thesis' } } },
      { id: 8, type: 'node.updated', actor: '', at: '', data: { node: { ...node('c', 'thesis') }, before: { text: 'claim c', version: 1, kind: 'claim' } } },
    ];
    const before = graphBefore(now, events);
    expect(before.nodes.map((n) => [n.id, n.kind])).toEqual([
      ['t', 'thesis'],
      ['c', 'claim'],
      ['e', 'evidence'],
    ]);
  });

  test.each([
    [
      'a new step',
      { id: 'i3~e', from: 'e', to: 't', relation: 'supports' as const, inference: 'i3' },
      { inferences: [...base.inferences, supports('e', 't', 'i3')] },
    ],
    [
      'a premise joining a step',
      { id: 'i1~e', from: 'e', to: 't', relation: 'supports' as const, inference: 'i1' },
      { inferences: [{ ...base.inferences[0], premises: ['c', 'e'] }, base.inferences[1]] },
    ],
    [
      'an attack',
      { id: 'x9', from: 'o', to: 'c', relation: 'attacks' as const, conflict: 'x9' },
      { nodes: [...base.nodes], conflicts: [attacks('o', 'c', 'x9')] },
    ],
  ])('undoing a connection (%s) takes the link away again', (_name, edge, change) => {
    const now: ArgumentGraph = { ...base, ...change };
    const events: HistoryEvent[] = [{ id: 11, type: 'connection.created', actor: 'Ada', at: '', data: { edge } }];
    expect(ids(graphBefore(now, events))).toEqual(ids(base));
    expect(describeEvent(events[0], (id) => ({ e: 'the summit', t: 'negotiate now', c: 'talks work', o: 'talks failed' })[id])).toMatch(/^Ada connected “/);
    expect(eventTouchesNode(events[0], edge.from)).toBe(true);
  });

  test('undoing a delete puts back the recorded part of the graph, links and all', () => {
    const now = graphOf([['t', 'thesis']], []);
    const removedPart: ArgumentGraph = { nodes: base.nodes.filter((n) => n.id !== 't'), inferences: base.inferences, conflicts: [] };
    const events: HistoryEvent[] = [{ id: 9, type: 'node.deleted', actor: '', at: '', data: { deletionId: 'd', removed: ['c', 'e'], graph: removedPart } }];
    expect(ids(graphBefore(now, events))).toEqual(ids(base));
  });

  test('a sequence is undone newest first: add, then delete, then restore → back to the start', () => {
    const withO: ArgumentGraph = { ...base, nodes: [...base.nodes, node('o', 'objection')], conflicts: [attacks('o', 'c', 'x1')] };
    const events: HistoryEvent[] = [
      { id: 1, type: 'node.created', actor: '', at: '', data: { node: node('o', 'objection'), edge: null } },
      {
        id: 2,
        type: 'node.deleted',
        actor: '',
        at: '',
        data: { deletionId: 'd1', removed: ['o'], graph: { nodes: [node('o', 'objection')], inferences: [], conflicts: [attacks('o', 'c', 'x1')] } },
      },
      { id: 3, type: 'node.restored', actor: '', at: '', data: { restored: ['o'] } },
    ];
    expect(ids(graphBefore(withO, events))).toEqual(ids(base));
    // Only the restore undone: the objection is gone again.
    expect(ids(graphBefore(withO, events.slice(2)))).toEqual(ids(base));
    // Restore and delete undone: the objection is there, attacking.
    expect(ids(graphBefore(withO, events.slice(1)))).toEqual(ids(withO));
  });

  test('comments, votes and moves do not change the argument', () => {
    const events: HistoryEvent[] = [
      { id: 1, type: 'comment.created', actor: '', at: '', data: { id: 'k1', nodeId: 'c', author: '', text: 'why?', createdAt: '', updatedAt: '' } },
      { id: 2, type: 'vote.cast', actor: '', at: '', data: { nodeId: 'c', rating: { average: 3, count: 1 } } },
      { id: 3, type: 'node.moved', actor: '', at: '', data: { node: node('c', 'claim') } },
    ];
    expect(graphBefore(base, events)).toEqual(base);
  });
});

describe('describeEvent', () => {
  const textOf = (id: string) => ({ c: 'A claim', e: 'Some evidence' })[id];
  test.each([
    [{ type: 'node.created', actor: 'Ada', data: { node: { ...node('o', 'objection'), text: 'Too soon' } } }, 'Ada added an objection: “Too soon”'],
    [{ type: 'node.updated', actor: '', data: { node: node('c', 'claim'), before: { text: 'Old', version: 1 } } }, 'Someone reworded “Old”'],
    [{ type: 'node.deleted', actor: 'Bo', data: { removed: ['c', 'e'] } }, 'Bo deleted “A claim” and 1 point resting on it'],
    [{ type: 'comment.created', actor: 'Cy', data: { nodeId: 'e' } }, 'Cy commented on “Some evidence”'],
    [{ type: 'tasks.updated', actor: 'ms.rivera', data: { tasks: { targets: { objections: 2 } }, before: null } }, 'ms.rivera set the class tasks'],
    [
      { type: 'tasks.updated', actor: 'ms.rivera', data: { tasks: { targets: { objections: 3 } }, before: { targets: { objections: 2 } } } },
      'ms.rivera changed the class tasks',
    ],
    [{ type: 'tasks.updated', actor: 'ms.rivera', data: { tasks: null, before: { targets: { objections: 2 } } } }, 'ms.rivera turned the class tasks off'],
    [
      {
        type: 'node.updated',
        actor: 'Ed',
        data: {
          node: { ...node('t', 'thesis'), text: 'Go', proposal: true },
          before: { text: 'Go', version: 1, details: { asOf: null, stockIssue: null, proposal: false } },
        },
      },
      'Ed marked “Go” a policy proposal',
    ],
    [
      {
        type: 'node.updated',
        actor: 'Ed',
        data: {
          node: { ...node('o', 'objection'), text: 'Late', asOf: '2010-03' },
          before: { text: 'Late', version: 1, details: { asOf: null, stockIssue: null, proposal: false } },
        },
      },
      'Ed changed the date of “Late”',
    ],
    [
      { type: 'inference.updated', actor: 'Di', data: { inference: { id: 'i', conclusion: 'c', premises: ['e'], scheme: 'analogy' } } },
      'Di named a step “Argument from analogy”',
    ],
  ])('%j', (partial, expected) => {
    expect(describeEvent({ id: 1, at: '', ...partial } as HistoryEvent, textOf)).toBe(expected);
  });
});

test('eventTouchesNode', () => {
  expect(eventTouchesNode({ id: 1, type: 'node.deleted', actor: '', at: '', data: { deletionId: 'd', removed: ['a', 'b'] } }, 'b')).toBe(true);
  expect(
    eventTouchesNode(
      { id: 1, type: 'comment.created', actor: '', at: '', data: { id: 'k', nodeId: 'a', author: '', text: '', createdAt: '', updatedAt: '' } },
      'a',
    ),
  ).toBe(true);
  expect(eventTouchesNode({ id: 1, type: 'node.created', actor: '', at: '', data: { node: node('z', 'claim'), edge: null } }, 'a')).toBe(false);
});
