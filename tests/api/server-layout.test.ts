import { readFileSync } from 'node:fs';
import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, test } from 'vitest';
import { ANALYST, negotiateNowSpec } from '@/prisma/seed/negotiate-now';
import { foldedView, mainReasonsFolds, visiblePart } from '@/lib/argument/folding';
import { layoutInputKey, partLayout, positionsFromLayout } from '@/lib/argument/layout';
import { buildGraphFromSpec } from '@/lib/argument/map-spec';
import { guessedLayoutInput } from '@/lib/canvas/cards';
import { LAYOUT_QUEUE_MAX, LAYOUT_WAIT_BOXES_MAX, layoutOf, pageLayouts } from '@/lib/layout/server-layout';
import { syntheticGraph } from '@/bench/synthetic-map';

const ESSAY = readFileSync(new URL('../../prisma/seed/negotiate-now.txt', import.meta.url), 'utf8');
const opEd = buildGraphFromSpec(negotiateNowSpec, ESSAY, ANALYST);

describe('layouts sent with a map page', () => {
  test('the op-ed gets its whole layout and its main reasons’, each for exactly the input the browser builds', async () => {
    const sent = await pageLayouts(opEd);
    const folds = mainReasonsFolds(opEd);
    const main = visiblePart(opEd, foldedView(opEd, folds).visible, folds);
    expect(sent.whole?.key).toBe(layoutInputKey(guessedLayoutInput(opEd)));
    expect(sent.main?.key).toBe(layoutInputKey(guessedLayoutInput(main)));
    // Every card and junction of each part has a position, in whole pixels.
    for (const [part, layout] of [
      [opEd, sent.whole!],
      [main, sent.main!],
    ] as const) {
      const ids = guessedLayoutInput(part).children.map((c) => c.id);
      expect(Object.keys(layout.positions).sort()).toEqual([...ids].sort());
      for (const [x, y] of Object.values(layout.positions)) expect(Number.isInteger(x) && Number.isInteger(y)).toBe(true);
    }
    expect(Object.keys(sent.main!.positions).length).toBeLessThan(Object.keys(sent.whole!.positions).length);
  });

  test('is the layout ELK gives in the browser for the same input', async () => {
    const input = guessedLayoutInput(opEd);
    const inBrowser = partLayout(input, positionsFromLayout(await new ELK().layout(structuredClone(input))));
    expect((await pageLayouts(opEd)).whole).toEqual(inBrowser);
  });

  test('is made once per input: a second page gets the kept layout, and a change of words makes a new one', async () => {
    const first = await pageLayouts(opEd);
    expect((await pageLayouts(opEd)).whole).toBe(first.whole);
    const edited = { ...opEd, nodes: opEd.nodes.map((n, i) => (i === 1 ? { ...n, text: `${n.text} ${'and much more besides, '.repeat(8)}` } : n)) };
    const after = await pageLayouts(edited);
    expect(after.whole?.key).not.toBe(first.whole?.key);
    expect(after.whole?.positions[opEd.nodes[1].id]).toBeDefined();
  });

  test('an empty map needs none', async () => {
    expect(await pageLayouts({ nodes: [], inferences: [], conflicts: [] })).toEqual({});
  });

  test(`past ${LAYOUT_QUEUE_MAX} layouts waiting, a page is served without one at once, and every queued layout still completes`, async () => {
    const graphs = Array.from({ length: LAYOUT_QUEUE_MAX + 4 }, (_, i) => syntheticGraph(200, 1000 + i));
    const answers = graphs.map((g) => layoutOf(guessedLayoutInput(g)).layout);
    const settled = await Promise.all(answers);
    const refused = settled.filter((a) => a === undefined).length;
    // One runs, LAYOUT_QUEUE_MAX wait; the rest are refused rather than queued without bound.
    expect(refused).toBe(graphs.length - LAYOUT_QUEUE_MAX - 1);
    for (const [i, answer] of settled.entries()) if (answer) expect(answer.key).toBe(layoutInputKey(guessedLayoutInput(graphs[i])));
  });

  test('a newer layout of a map replaces its older one still waiting, which then answers nothing', async () => {
    const busy = layoutOf(guessedLayoutInput(syntheticGraph(300, 7)), 'another map');
    const older = layoutOf(guessedLayoutInput(syntheticGraph(40, 8)), 'this map');
    const newer = layoutOf(guessedLayoutInput(syntheticGraph(41, 8)), 'this map');
    expect(await older.layout).toBeUndefined();
    expect((await newer.layout)?.key).toBe(layoutInputKey(guessedLayoutInput(syntheticGraph(41, 8))));
    expect(await busy.layout).toBeDefined();
  });

  test(`a page waits only for a layout it can expect in time: none with more than ${LAYOUT_WAIT_BOXES_MAX} boxes to lay out first`, async () => {
    const big = layoutOf(guessedLayoutInput(syntheticGraph(LAYOUT_WAIT_BOXES_MAX + 100, 9)), 'a big map');
    const small = layoutOf(guessedLayoutInput(syntheticGraph(20, 10)), 'a small map');
    // The big one is its own page's to wait for only if it fits the budget; the small one queued behind it is not.
    expect(big.wait).toBe(false);
    expect(small.wait).toBe(false);
    // Both are still made, for the next page.
    expect(await big.layout).toBeDefined();
    expect(await small.layout).toBeDefined();
    expect(layoutOf(guessedLayoutInput(syntheticGraph(20, 10)), 'a small map').wait).toBe(true);
  }, 60_000);
});
