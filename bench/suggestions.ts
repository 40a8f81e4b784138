// Measures "Suggest units" (lib/argument/suggest.ts) against the seeded analysis of the op-ed:
// precision (share of suggested sentences that overlap a quoted unit of the seeded map) and recall
// (share of quoted units some suggestion overlaps), for any kind and for the same kind (claim and
// premise counted as one family), then lists what it suggests and what it misses. Instant: no timing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildGraphFromSpec } from '../lib/argument/map-spec';
import { scoreSuggestions, suggestUnits, type ReferenceUnit } from '../lib/argument/suggest';
import { shorten } from '../lib/argument/text';
import { ANALYST, negotiateNowSpec } from '../prisma/seed/negotiate-now';

const essay = readFileSync(path.join(__dirname, '..', 'prisma', 'seed', 'negotiate-now.txt'), 'utf8');
const graph = buildGraphFromSpec(negotiateNowSpec, essay, ANALYST);
const units: ReferenceUnit[] = graph.nodes.flatMap((n) => (n.quote ? [{ start: n.quote.start, end: n.quote.end, kind: n.kind }] : []));
const { suggestions } = suggestUnits(essay);
const score = scoreSuggestions(suggestions, units);

const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
const words = (start: number, end: number) => shorten(essay.slice(start, end).replace(/\s+/g, ' '), 90);

console.log('Suggest units on the op-ed (prisma/seed/negotiate-now.txt) against its seeded quoted units');
console.log(`${score.suggestions} suggestions, ${score.units} quoted units in the seeded map\n`);
console.log(`${'measure'.padEnd(30)} ${'any kind'.padStart(14)} ${'same kind'.padStart(14)}`);
console.log(
  `${'precision (suggestions hit)'.padEnd(30)} ${`${pct(score.precision)} (${score.hits}/${score.suggestions})`.padStart(14)} ${`${pct(score.precisionSameKind)} (${score.sameKindHits}/${score.suggestions})`.padStart(14)}`,
);
console.log(
  `${'recall (units found)'.padEnd(30)} ${`${pct(score.recall)} (${score.unitsFound}/${score.units})`.padStart(14)} ${`${pct(score.recallSameKind)} (${score.unitsFoundSameKind}/${score.units})`.padStart(14)}`,
);
console.log('(same kind: claim and premise count as one family)\n');

const kindOf = (s: { start: number; end: number }) =>
  units
    .filter((u) => u.start < s.end && s.start < u.end)
    .map((u) => u.kind)
    .join('+') || '—';
console.log('Suggested (kind → seeded kind it overlaps):');
for (const s of suggestions) console.log(`  ${s.kind.padEnd(8)} → ${kindOf(s).padEnd(16)} ${words(s.start, s.end)}\n             ${s.reason}`);
console.log(`\nMissed units (${score.missed.length}):`);
for (const u of score.missed) console.log(`  ${u.kind.padEnd(8)} ${words(u.start, u.end)}`);
console.log(`\nSuggestions that overlap no seeded unit (${score.spurious.length}):`);
for (const s of score.spurious) console.log(`  ${s.kind.padEnd(8)} ${words(s.start, s.end)}`);
