import { describe, expect, test } from 'vitest';
import type { Role } from '../../auth/permissions';
import type { Person } from '../person';
import { decideSetScheme } from '../set-scheme';
import { graphOf, linked, supports } from './fixtures';

/** The rules of naming a step's scheme, decided on the graph alone: no database (lib/argument/set-scheme.ts). */
const person = (role: Role, mark: string | null, openMap = false): Person => ({
  role,
  mark,
  openMap,
  owns: (maker) => openMap || (mark !== null && maker === mark),
});

// a and b (Ana's) support t together; e (Ben's) supports a.
const graph = graphOf(
  [
    ['t', 'thesis'],
    ['a', 'claim'],
    ['b', 'premise'],
    ['e', 'evidence'],
  ],
  [{ ...linked(['a', 'b'], 't', 'ab'), scheme: 'expert-opinion' }, supports('e', 'a', 'ea')],
);
const makers = new Map<string, string | null>([
  ['a', 'user:ana'],
  ['b', 'user:ana'],
  ['e', 'user:ben'],
]);

describe('decideSetScheme', () => {
  test.each<[string, string, Person | undefined, string]>([
    ['a step not on the map', 'zz', person('owner', 'user:olga'), 'not_found: There is no step of reasoning "zz" on this map.'],
    ['a step of one’s own premises', 'ab', person('editor', 'user:ana'), 'ok'],
    ['a step of someone else’s premise', 'ea', person('editor', 'user:ana'), 'lacks edit-any'],
    ['a step of one’s own premises, as a viewer', 'ab', person('viewer', 'user:ana'), 'lacks edit-own'],
    ['anyone’s step, by the owner', 'ea', person('owner', 'user:olga'), 'ok'],
    ['anyone’s step, on an open map', 'ea', person('editor', null, true), 'ok'],
    ['anyone’s step, on nobody’s behalf', 'ea', undefined, 'ok'],
  ])('%s', (_name, id, who, expected) => {
    const decision = decideSetScheme(graph, makers, id, 'analogy', who);
    expect(decision.ok ? 'ok' : 'lacks' in decision ? `lacks ${decision.lacks}` : `${decision.refusal.code}: ${decision.refusal.message}`).toBe(expected);
  });

  test('the step with its new scheme, and the one it had, for the log', () => {
    expect(decideSetScheme(graph, makers, 'ab', null)).toEqual({
      ok: true,
      value: { inference: { id: 'ab', conclusion: 't', premises: ['a', 'b'], scheme: null }, before: { scheme: 'expert-opinion' } },
    });
  });
});
