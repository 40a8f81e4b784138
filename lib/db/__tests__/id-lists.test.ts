import { expect, test } from 'vitest';
import { findInSlices, IDS_PER_STATEMENT, idSlices, updateInSlices } from '../id-lists';

test.each([0, 1, IDS_PER_STATEMENT - 1, IDS_PER_STATEMENT, IDS_PER_STATEMENT + 1, 5000, 12_345])(
  '%i ids are cut into slices under the limit, in order, none lost',
  (n) => {
    const ids = Array.from({ length: n }, (_, i) => `id${i}`);
    const slices = idSlices(ids);
    expect(slices.every((slice) => slice.length > 0 && slice.length <= IDS_PER_STATEMENT)).toBe(true);
    expect(slices.flat()).toEqual(ids);
    expect(slices).toHaveLength(Math.ceil(n / IDS_PER_STATEMENT));
  },
);

test('SQLite never sees more bound ids per statement than the limit leaves room for', () => {
  expect(IDS_PER_STATEMENT).toBeLessThanOrEqual(999 - 10);
});

test('findInSlices concatenates the rows of every slice; updateInSlices adds up the counts', async () => {
  const ids = Array.from({ length: 1234 }, (_, i) => i);
  const seen: number[] = [];
  const rows = await findInSlices(ids, async (slice) => {
    seen.push(slice.length);
    return slice.map((id) => ({ id }));
  });
  expect(rows.map((r) => r.id)).toEqual(ids);
  expect(seen).toEqual([500, 500, 234]);
  expect(await updateInSlices(ids, async (slice) => ({ count: slice.length }))).toBe(1234);
  expect(await findInSlices([], async () => [1])).toEqual([]);
});
