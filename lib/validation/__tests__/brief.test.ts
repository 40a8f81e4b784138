import { describe, expect, test } from 'vitest';
import { briefPageSideSchema, briefQuerySchema } from '../brief';

describe('briefQuerySchema', () => {
  test.each([
    [{ side: 'affirmative' }, { side: 'affirmative', format: 'markdown' }],
    [
      { side: 'negative', format: 'json' },
      { side: 'negative', format: 'json' },
    ],
  ])('accepts %j', (query, expected) => {
    expect(briefQuerySchema.parse(query)).toEqual(expected);
  });

  test.each([
    [{}, ['side'], 'side must be one of: affirmative, negative.'],
    [{ side: 'neutral' }, ['side'], 'side must be one of: affirmative, negative.'],
    [{ side: 'Affirmative' }, ['side'], 'side must be one of: affirmative, negative.'],
    [{ side: 'negative', format: 'pdf' }, ['format'], 'format must be one of: markdown, json.'],
  ])('refuses %j at %j', (query, path, message) => {
    const result = briefQuerySchema.safeParse(query);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path, i.message])).toEqual([[path, message]]);
  });
});

test.each([
  ['negative', 'negative'],
  ['affirmative', 'affirmative'],
  [undefined, 'affirmative'],
  ['bogus', 'affirmative'],
  [['negative', 'affirmative'], 'affirmative'],
])('the brief page reads side=%j as %s', (side, expected) => {
  expect(briefPageSideSchema.parse(side)).toBe(expected);
});
