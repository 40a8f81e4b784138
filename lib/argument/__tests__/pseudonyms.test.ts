import { describe, expect, test } from 'vitest';
import { namerFor, pseudonymsOf, renameIn, SHOW_NAMES, studentLabel } from '../pseudonyms';

describe('pseudonymsOf: a label per student, by when they joined', () => {
  test.each<[string, Parameters<typeof pseudonymsOf>[0], string | null, [string, string][]]>([
    ['no members', [], null, []],
    [
      'the owner is never numbered',
      [
        { name: 'ms_kim', role: 'owner' },
        { name: 'Ada', role: 'editor' },
      ],
      'ms_kim',
      [['Ada', 'Student 1']],
    ],
    [
      'in the order given, whatever the role',
      [
        { name: 'Bo', role: 'viewer' },
        { name: 'Ada', role: 'editor' },
        { name: 'Cy', role: 'commenter' },
      ],
      null,
      [
        ['Bo', 'Student 1'],
        ['Ada', 'Student 2'],
        ['Cy', 'Student 3'],
      ],
    ],
    [
      'a name joined twice (another browser) keeps its first number; the next is not skipped',
      [
        { name: 'Ada', role: 'editor' },
        { name: 'Ada', role: 'editor' },
        { name: 'Bo', role: 'editor' },
      ],
      null,
      [
        ['Ada', 'Student 1'],
        ['Bo', 'Student 2'],
      ],
    ],
    [
      "a student who joined under the owner's username is not told apart from the owner",
      [
        { name: 'ms_kim', role: 'editor' },
        { name: 'Ada', role: 'editor' },
      ],
      'ms_kim',
      [['Ada', 'Student 1']],
    ],
  ])('%s', (_, members, owner, expected) => {
    expect([...pseudonymsOf(members, owner)]).toEqual(expected);
  });
});

describe('namerFor: what one viewer is shown', () => {
  const labels = pseudonymsOf(
    [
      { name: 'Ada', role: 'editor' },
      { name: 'Bo', role: 'editor' },
    ],
    'ms_kim',
  );
  test.each<[string, string | null, string, string]>([
    ['a classmate', 'Bo', 'Ada', 'Student 1'],
    ['themself, by name', 'Bo', 'Bo', 'Bo'],
    ['the owner, by name', 'Bo', 'ms_kim', 'ms_kim'],
    ["the essay's analysts (nobody in the class)", 'Bo', 'Essay analysis', 'Essay analysis'],
    ['an unknown visitor sees every student as a label', null, 'Bo', 'Student 2'],
  ])('%s', (_, viewer, name, shown) => {
    expect(namerFor(labels, viewer)(name)).toBe(shown);
  });

  test('with nobody to hide, names show as written', () => {
    expect(namerFor(new Map(), 'Bo')).toBe(SHOW_NAMES);
  });
});

describe('renameIn: every name field of an event, nothing else', () => {
  const namer = namerFor(new Map([['Ada', studentLabel(1)]]), null);

  test('the actor, a point, a deleted subgraph and a comment', () => {
    const event = {
      id: 3,
      type: 'node.deleted',
      actor: 'Ada',
      data: {
        graph: {
          nodes: [
            { id: 'n1', text: 'Ada wrote this', author: 'Ada' },
            { id: 'n2', author: 'Essay analysis' },
          ],
        },
        comment: { author: 'Ada', text: 'Ada' },
      },
    };
    const renamed = renameIn(event, namer);
    expect(renamed).toEqual({
      id: 3,
      type: 'node.deleted',
      actor: 'Student 1',
      // Words people wrote are theirs: a name inside a text stays.
      data: {
        graph: {
          nodes: [
            { id: 'n1', text: 'Ada wrote this', author: 'Student 1' },
            { id: 'n2', author: 'Essay analysis' },
          ],
        },
        comment: { author: 'Student 1', text: 'Ada' },
      },
    });
    // The stored event is never changed.
    expect(event.actor).toBe('Ada');
    expect(event.data.graph.nodes[0].author).toBe('Ada');
  });

  test('an event with no one to rename is returned as it is', () => {
    const event = { actor: 'Essay analysis', data: { node: { author: 'Bo' }, list: [1, 'Ada', null] } };
    expect(renameIn(event, namer)).toBe(event);
    expect(renameIn(event, SHOW_NAMES)).toBe(event);
  });
});
