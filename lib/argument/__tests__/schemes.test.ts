import { describe, expect, test } from 'vitest';
import { negotiateNowSpec } from '../../../prisma/seed/negotiate-now';
import { SCHEMES, SCHEME_IDS, isSchemeId, questionById, schemeById } from '../schemes';

describe('scheme catalogue', () => {
  test('has at least 10 schemes', () => {
    expect(SCHEMES.length).toBeGreaterThanOrEqual(10);
  });

  test('ids are unique and equal SCHEME_IDS, in order', () => {
    const ids = SCHEMES.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...SCHEME_IDS]);
  });

  test('includes every scheme the seeded map is written with', () => {
    for (const id of [
      'example',
      'analogy',
      'cause-to-effect',
      'positive-consequences',
      'negative-consequences',
      'expert-opinion',
      'position-to-know',
      'sign',
      'commitment',
      'past-practice',
      'practical-reasoning',
    ]) {
      expect(SCHEME_IDS, id).toContain(id);
    }
  });

  describe.each(SCHEMES.map((s) => [s.id, s] as const))('%s', (_id, scheme) => {
    test('has a name, a summary, at least 2 premises and a conclusion', () => {
      expect(scheme.name.trim()).not.toBe('');
      expect(scheme.summary.trim()).not.toBe('');
      expect(scheme.premises.length).toBeGreaterThanOrEqual(2);
      for (const p of scheme.premises) expect(p.trim()).not.toBe('');
      expect(scheme.conclusion.trim()).not.toBe('');
    });

    test('has at least 3 questions with unique ids cq1, cq2, …', () => {
      expect(scheme.questions.length).toBeGreaterThanOrEqual(3);
      const ids = scheme.questions.map((q) => q.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id).toMatch(/^cq[1-9]\d*$/);
    });

    test('has a weight-1 question and a question attacking the inference', () => {
      expect(scheme.questions.some((q) => q.weight === 1)).toBe(true);
      expect(scheme.questions.some((q) => q.attacks === 'inference')).toBe(true);
    });

    test('every question is filled in', () => {
      for (const q of scheme.questions) {
        expect(q.text, q.id).toMatch(/\?$/);
        expect(['inference', 'premise']).toContain(q.attacks);
        expect([1, 2, 3]).toContain(q.weight);
        expect(q.objectionPrompt.trim(), q.id).not.toBe('');
      }
    });
  });

  test('expert opinion has Walton’s six questions; practical reasoning asks about alternatives', () => {
    expect(schemeById('expert-opinion')!.questions.length).toBeGreaterThanOrEqual(6);
    expect(questionById('practical-reasoning.cq2')!.question.attacks).toBe('inference');
    expect(questionById('expert-opinion.cq1')!.question.attacks).toBe('premise');
  });
});

describe('lookups', () => {
  test('schemeById finds every scheme and nothing else', () => {
    for (const scheme of SCHEMES) expect(schemeById(scheme.id)).toBe(scheme);
    expect(schemeById('no-such-scheme')).toBeUndefined();
    expect(schemeById('')).toBeUndefined();
    expect(isSchemeId('analogy')).toBe(true);
    expect(isSchemeId('Analogy')).toBe(false);
  });

  test('questionById resolves "<scheme>.<cq>" for every question', () => {
    for (const scheme of SCHEMES) {
      for (const question of scheme.questions) {
        expect(questionById(`${scheme.id}.${question.id}`)).toEqual({ scheme, question });
      }
    }
    const found = questionById('analogy.cq1');
    expect(found?.scheme.id).toBe('analogy');
    expect(found?.question.id).toBe('cq1');
  });

  test.each(['analogy', 'analogy.', '.cq1', 'analogy.cq99', 'no-such-scheme.cq1', 'analogy.cq1.extra', ''])('questionById(%j) is undefined', (fullId) => {
    expect(questionById(fullId)).toBeUndefined();
  });
});

describe('seeded map', () => {
  test('every inference names a scheme from the catalogue', () => {
    for (const inf of negotiateNowSpec.inferences) {
      expect(inf.scheme, inf.key).toBeDefined();
      expect(schemeById(inf.scheme!), `${inf.key}: ${inf.scheme}`).toBeDefined();
    }
  });
});
