/**
 * The seeded argument map of Haeyoung Kim's op-ed "The Time is Now to Negotiate with North Korea"
 * (Korea Policy Institute, August 2009), written as a {@link MapSpec}.
 *
 * - Quotes are the essay's exact words, byte for byte (curly quotes ’ “ ” and em dashes — included),
 *   as they appear in `negotiate-now.txt`. `buildGraphFromSpec` turns each one into offsets and
 *   throws if it is not found exactly once, so a quote is always a real, unique span of the essay.
 * - Nodes with `implicit: true` are unstated premises (warrants) the argument needs; they have no quote.
 * - The objections and rebuttals are NOT part of the essay: they are sample points from the historical
 *   record, added for study and labelled by their authors (`SAMPLE_OBJECTION_AUTHOR`,
 *   `SAMPLE_REBUTTAL_AUTHOR`). Each states its factual basis; where a point relies on events after
 *   August 2009 it says it is made with hindsight.
 *
 * Order: thesis, then the claims in essay order, each followed by its support; objections and
 * rebuttals last. Inferences follow the same order.
 */
import type { MapSpec } from '../../lib/argument/map-spec';

export const NEGOTIATE_NOW_DOCUMENT = {
  slug: 'the-time-is-now',
  title: 'The Time is Now to Negotiate with North Korea',
  author: 'Haeyoung Kim',
  source: 'Korea Policy Institute, 2009',
} as const;

export const NEGOTIATE_NOW_MAP = {
  slug: 'negotiate-now',
  title: 'Negotiate now? — the case for engaging North Korea',
} as const;

/** Author of the seeded analysis nodes (thesis, claims, premises, evidence). */
export const ANALYST = 'Argmap analysis';
export const SAMPLE_OBJECTION_AUTHOR = 'Sample objection';
export const SAMPLE_REBUTTAL_AUTHOR = 'Sample rebuttal';

export const negotiateNowSpec: MapSpec = {
  nodes: [
    // ── Thesis (final paragraph) ────────────────────────────────────────────────────────────────
    {
      key: 'thesis',
      kind: 'thesis',
      text: 'The US should change course and negotiate with North Korea now, aiming at a lasting peace treaty on the Korean peninsula.',
      quote: 'the time is now to engage and establish a lasting peace treaty on the Korean peninsula',
    },

    // ── Line 1: the door to peace is open (¶1–¶4) ──────────────────────────────────────────────
    {
      key: 'claim-door-open',
      kind: 'claim',
      text: 'Kim Dae-jung’s life’s work and now his death have opened the door to peace in Korea.',
      quote: 'First the life and now the death of South Korea’s activist turned President Kim Dae-Jung has opened the door to peace in Korea',
    },
    {
      key: 'imp-seize-opening',
      kind: 'premise',
      implicit: true,
      text: 'Openings like this do not last: when the two sides are drawing closer, that is the moment to start negotiating, before the chance passes.',
    },
    {
      key: 'claim-sunshine-worked',
      kind: 'claim',
      text: 'Kim Dae-jung’s “sunshine policy” of engaging the North brought the most peaceful and productive period of North–South relations in sixty years.',
      quote: 'the “sunshine policy” represents the most peaceful and productive stretch of relations between North and South Korea',
    },
    {
      key: 'ev-2000-summit',
      kind: 'evidence',
      text: 'The sunshine policy led to the June 2000 summit, the first meeting of the two Korean leaders since the country was divided in 1945.',
      quote: 'resulted in the June 2000 landmark summit between the leaders of North and South Korea — the first meeting since the country was divided in 1945',
    },
    {
      key: 'ev-reduced-tensions',
      kind: 'evidence',
      text: 'For more than ten years the sunshine policy significantly reduced military tension on the peninsula.',
      quote: 'For over ten years, the “sunshine policy” significantly reduced military tensions on the Korean peninsula',
    },
    {
      key: 'ev-family-reunions',
      kind: 'evidence',
      text: 'It let thousands of family members separated by the division meet again in emotional reunions.',
      quote: 'opened the door for thousands of family members in divided Korea to meet in powerful and tearful reunions',
    },
    {
      key: 'ev-nobel',
      kind: 'evidence',
      text: 'The policy earned Kim Dae-jung the Nobel Peace Prize.',
      quote: 'justifiably earned former President Kim the Nobel Peace Prize',
    },
    {
      key: 'claim-window',
      kind: 'claim',
      text: 'Koreans on both sides grieving Kim Dae-jung together gives the Obama administration a new opening to improve relations with the North through diplomacy.',
      quote: 'This moment of national Korean unity through shared grief offers a new window for the Obama administration to improve relations with North Korea through diplomatic engagement',
    },
    {
      key: 'ev-condolence-delegation',
      kind: 'evidence',
      text: 'When Kim Dae-jung died, Kim Jong-il sent a high-ranking delegation to Seoul to offer condolences to the champion of reconciliation.',
      quote: 'North Korean leader Kim Jong-Il sent a high-ranking delegation to Seoul to offer condolences and pay respects to the late former president',
    },
    {
      key: 'imp-goodwill-signals',
      kind: 'premise',
      implicit: true,
      text: 'Gestures of goodwill such as a high-level condolence delegation signal a real willingness in Pyongyang to negotiate, not just a passing courtesy.',
    },
    {
      key: 'claim-softening',
      kind: 'claim',
      text: 'In recent weeks North Korea has softened its tone toward both South Korea and the United States.',
      quote: 'In recent weeks, Pyongyang has shown a softening of tone with both South Korea and the U.S.',
    },
    {
      key: 'ev-summit-interest',
      kind: 'evidence',
      text: 'Kim Jong-il said he was interested in holding another inter-Korean summit.',
      quote: 'Kim Jong-Il expressed an interest in holding an inter-Korean summit between the two leaders',
    },
    {
      key: 'ev-border-links',
      kind: 'evidence',
      text: 'North Korea announced it will restart the cross-border cargo train and lift travel restrictions from the South to the joint industrial zone.',
      quote: 'North Korea also recently announced that it will resume the operation of a cross-border cargo train and will lift travel restrictions from the South to the joint industrial zone in the North',
    },
    {
      key: 'ev-warm-reception',
      kind: 'evidence',
      text: 'The Obama team’s diplomatic overtures earlier in the month were warmly received by Pyongyang.',
      quote: 'Diplomatic overtures offered by the Obama team to North Korea earlier this month were also met with a warm reception',
    },

    // ── Line 2: engagement works (¶4–¶5) ───────────────────────────────────────────────────────
    {
      key: 'claim-diplomacy-can-yield',
      kind: 'claim',
      text: 'Diplomacy between the US and North Korea can still produce results, as Bill Clinton’s visit showed the world.',
      quote: 'The visit was a global demonstration that U.S.-North Korea diplomacy has the potential to yield results',
    },
    {
      key: 'imp-peace-worth-costs',
      kind: 'premise',
      implicit: true,
      text: 'Reduced tension, family reunions and a peace treaty are worth the costs and risks of engaging Pyongyang, such as aid and concessions to the regime.',
    },
    {
      key: 'ev-clinton-mission',
      kind: 'evidence',
      text: 'Former President Bill Clinton’s trip to North Korea won the release of two detained American reporters, Laura Ling and Euna Lee.',
      quote: 'Former U.S. President Bill Clinton’s mission to the country secured the release of the two detained American reporters — Laura Ling and Euna Lee',
    },
    {
      key: 'imp-small-to-large',
      kind: 'premise',
      implicit: true,
      text: 'A diplomatic success on a humanitarian matter, like freeing two reporters, shows that diplomacy can also succeed on the much harder nuclear issues.',
    },
    {
      key: 'claim-diplomacy-worked',
      kind: 'claim',
      text: 'Diplomacy with North Korea has clearly worked before.',
      quote: 'Indeed, diplomacy has undeniably worked in the past',
    },
    {
      key: 'imp-past-predicts',
      kind: 'premise',
      implicit: true,
      text: 'What a policy achieved with North Korea in the past predicts what it will achieve now.',
    },
    {
      key: 'ev-clinton-freeze',
      kind: 'evidence',
      text: 'Under President Clinton, engagement froze North Korea’s nuclear weapons programme for eight years and brought a halt to its ballistic missile tests.',
      quote: 'During the Clinton administration, a policy of engagement led to eight years of freezing Pyongyang’s nuclear weapons program and a moratorium on ballistic missile tests',
    },

    // ── Line 3: the hard line failed, and the current course repeats it (¶5–¶6) ────────────────
    {
      key: 'claim-hardline-failed',
      kind: 'claim',
      text: 'The hard line backfired: North Korea’s nuclear programme leapt forward only after Washington stopped talking seriously with Pyongyang.',
      quote: 'no one can doubt that the North Korean nuclear program took a huge leap forward only after Washington stopped talking seriously with Pyongyang',
    },
    {
      key: 'ev-bush-hardline',
      kind: 'evidence',
      text: 'President George W. Bush took a hard-line approach and ignored the diplomatic progress made under Clinton.',
      quote: 'George Bush enacted a hard-line approach and ignored the previous administration’s diplomatic advances',
    },
    {
      key: 'ev-nk-restart',
      kind: 'evidence',
      text: 'North Korea then restarted its nuclear weapons programme and launched missiles.',
      quote: 'North Korea responded by restarting its nuclear weapons program and launching its missiles',
    },
    {
      key: 'imp-hardline-caused',
      kind: 'premise',
      implicit: true,
      text: 'North Korea restarted its weapons programme because of the US hard line, not for reasons of its own that talks had only delayed.',
    },
    {
      key: 'claim-dangerous-moment',
      kind: 'claim',
      text: 'Relations with North Korea are at a dangerous point: the present US course leads to deadlock and rising tension.',
      quote: 'We are at a dangerous moment in relations with North Korea',
    },
    {
      key: 'claim-obama-tough',
      kind: 'claim',
      text: 'President Obama seems to be adopting the same “tough guy” approach Bush used.',
      quote: 'President Obama appears to favor the same “tough guy” approach',
    },
    {
      key: 'ev-bosworth-testimony',
      kind: 'evidence',
      text: 'Stephen Bosworth, the US special envoy for North Korea, told Congress that if Pyongyang does not meet US preconditions, the US will apply significant pressure to make it give up its nuclear and missile programmes.',
      quote: 'testified in Congress that if Pyongyang does not satisfy Washington’s outlined preconditions, the U.S. will “take defensive measures to bring significant pressure to bear for North Korea to abandon its nuclear and missile programs.”',
    },
    {
      key: 'pr-tough-fails',
      kind: 'premise',
      text: 'The “tough guy” approach does not work with North Korea — Bush himself came to see this, too late.',
      quote: 'that Bush realized too late would not work',
    },
    {
      key: 'claim-precondition-stalemate',
      kind: 'claim',
      text: 'Demanding total denuclearisation before normalising relations will stall negotiations indefinitely, as it did under Bush, and tension will keep rising.',
      quote: 'Obama’s position that total denuclearization must come as a precondition to normalizing relations will indefinitely stalemate negotiations, just as it did under Bush, and tension will continue to rise',
    },
    {
      key: 'ev-brownback-bill',
      kind: 'evidence',
      text: 'Senators led by Sam Brownback introduced a bill to put North Korea back on the terrorism-sponsor list, reimpose sanctions and boost support for South Korea’s army.',
      quote: 'introduced legislation that would re-designate North Korea as a state sponsor of terrorism, reactivate additional economic sanctions, and increase support to an already bloated South Korean army',
    },

    // ── Line 4: engagement is the administration's own doctrine (¶7) ────────────────────────────
    {
      key: 'claim-own-doctrine',
      kind: 'claim',
      text: 'Engaging North Korea is what the Obama administration’s own stated foreign policy calls for; holding out for preconditions departs from it.',
    },
    {
      key: 'pr-engage-different',
      kind: 'premise',
      text: 'A cornerstone of the Obama administration’s foreign policy is to engage with states that are fundamentally different from the US.',
      quote: 'A cornerstone of the Obama administration’s language around foreign policy has been to engage with states that are fundamentally different than the U.S.',
    },
    {
      key: 'imp-act-consistently',
      kind: 'premise',
      implicit: true,
      text: 'A government should act consistently with its own stated doctrine.',
    },

    // ── Sample objections and rebuttals from the historical record (not in the essay) ──────────
    {
      key: 'obj-2009-nuclear-test',
      kind: 'objection',
      author: SAMPLE_OBJECTION_AUTHOR,
      text: 'Obama did not start with a hard line: he took office offering to “extend a hand”, and North Korea answered with a long-range rocket launch (April 5, 2009) and its second nuclear test (May 25, 2009). The tougher stance came after.',
    },
    {
      key: 'obj-heu-programme',
      kind: 'objection',
      author: SAMPLE_OBJECTION_AUTHOR,
      text: 'The freeze was not complete: in October 2002 the US confronted Pyongyang with evidence of a secret uranium-enrichment programme pursued during the freeze years, and the Agreed Framework collapsed that winter.',
    },
    {
      key: 'reb-plutonium-frozen',
      kind: 'rebuttal',
      author: SAMPLE_REBUTTAL_AUTHOR,
      text: 'Whatever the uranium effort amounted to, the Agreed Framework froze plutonium production at Yongbyon from 1994 to 2002 under IAEA monitoring; only after it collapsed did Pyongyang restart the reactor and reprocess stored fuel into bomb material.',
    },
    {
      key: 'obj-sunshine-payments',
      kind: 'objection',
      author: SAMPLE_OBJECTION_AUTHOR,
      text: 'The sunshine policy had a hidden price: a 2003 special-prosecutor inquiry found about $500 million was secretly sent to the North via Hyundai before the June 2000 summit, and critics argue such cash propped up the regime.',
    },
    {
      key: 'obj-six-party-talks',
      kind: 'objection',
      author: SAMPLE_OBJECTION_AUTHOR,
      text: 'Washington did not stop talking under Bush: the Six-Party Talks (2003–2008) produced the September 2005 joint statement and a 2007 deal that shut down Yongbyon, whose cooling tower was blown up in June 2008.',
    },
    {
      key: 'reb-talks-stalled',
      kind: 'rebuttal',
      author: SAMPLE_REBUTTAL_AUTHOR,
      text: 'The essay says talks stopped being serious, and the record fits: after US sanctions on Banco Delta Asia (Sept 2005) talks stalled for a year and the North tested a bomb (Oct 2006); Yongbyon shut only after Bush turned to direct talks in 2007.',
    },
    {
      key: 'obj-condolence-tactic',
      kind: 'objection',
      author: SAMPLE_OBJECTION_AUTHOR,
      text: 'With hindsight (the essay is from Aug 2009): a condolence visit costs Pyongyang little and is a familiar charm move. In March 2010 the South Korean warship Cheonan was sunk, killing 46 sailors — by a North Korean torpedo, a South Korean-led international inquiry found.',
    },
    {
      key: 'obj-different-conditions',
      kind: 'objection',
      author: SAMPLE_OBJECTION_AUTHOR,
      text: 'Past success does not carry over: the Clinton-era freeze came before North Korea had tested a bomb. After its 2006 and 2009 nuclear tests, a state that already has the bomb has far less reason to trade it away.',
    },
  ],

  inferences: [
    // Line 1: the door to peace is open → negotiate now.
    { key: 'inf-thesis-opening', conclusion: 'thesis', premises: ['claim-door-open', 'imp-seize-opening'], scheme: 'practical-reasoning' },
    { key: 'inf-sunshine-opened-door', conclusion: 'claim-door-open', premises: ['claim-sunshine-worked'], scheme: 'cause-to-effect' },
    { key: 'inf-sunshine-summit', conclusion: 'claim-sunshine-worked', premises: ['ev-2000-summit'], scheme: 'example' },
    { key: 'inf-sunshine-tensions', conclusion: 'claim-sunshine-worked', premises: ['ev-reduced-tensions'], scheme: 'example' },
    { key: 'inf-sunshine-reunions', conclusion: 'claim-sunshine-worked', premises: ['ev-family-reunions'], scheme: 'example' },
    { key: 'inf-sunshine-nobel', conclusion: 'claim-sunshine-worked', premises: ['ev-nobel'], scheme: 'expert-opinion' },
    { key: 'inf-grief-opened-door', conclusion: 'claim-door-open', premises: ['claim-window'], scheme: 'cause-to-effect' },
    { key: 'inf-window', conclusion: 'claim-window', premises: ['ev-condolence-delegation', 'imp-goodwill-signals'], scheme: 'sign' },
    { key: 'inf-softening-opened-door', conclusion: 'claim-door-open', premises: ['claim-softening'], scheme: 'sign' },
    { key: 'inf-summit-interest', conclusion: 'claim-softening', premises: ['ev-summit-interest'], scheme: 'example' },
    { key: 'inf-border-links', conclusion: 'claim-softening', premises: ['ev-border-links'], scheme: 'example' },
    { key: 'inf-warm-reception', conclusion: 'claim-softening', premises: ['ev-warm-reception'], scheme: 'example' },

    // Line 2: engagement works → engage.
    { key: 'inf-thesis-results', conclusion: 'thesis', premises: ['claim-diplomacy-can-yield', 'imp-peace-worth-costs'], scheme: 'positive-consequences' },
    { key: 'inf-clinton-mission', conclusion: 'claim-diplomacy-can-yield', premises: ['ev-clinton-mission', 'imp-small-to-large'], scheme: 'analogy' },
    { key: 'inf-past-practice', conclusion: 'claim-diplomacy-can-yield', premises: ['claim-diplomacy-worked', 'imp-past-predicts'], scheme: 'past-practice' },
    { key: 'inf-clinton-freeze', conclusion: 'claim-diplomacy-worked', premises: ['ev-clinton-freeze'], scheme: 'example' },
    { key: 'inf-sunshine-precedent', conclusion: 'claim-diplomacy-worked', premises: ['claim-sunshine-worked'], scheme: 'example' },

    // Line 3: the hard line failed and the current course repeats it → change course.
    { key: 'inf-hardline', conclusion: 'claim-hardline-failed', premises: ['ev-bush-hardline', 'ev-nk-restart', 'imp-hardline-caused'], scheme: 'correlation-to-cause' },
    { key: 'inf-hardline-lesson', conclusion: 'pr-tough-fails', premises: ['claim-hardline-failed'], scheme: 'example' },
    { key: 'inf-thesis-danger', conclusion: 'thesis', premises: ['claim-dangerous-moment'], scheme: 'negative-consequences' },
    { key: 'inf-bosworth', conclusion: 'claim-obama-tough', premises: ['ev-bosworth-testimony'], scheme: 'position-to-know' },
    { key: 'inf-stalemate', conclusion: 'claim-precondition-stalemate', premises: ['claim-obama-tough', 'pr-tough-fails'], scheme: 'analogy' },
    { key: 'inf-stalemate-danger', conclusion: 'claim-dangerous-moment', premises: ['claim-precondition-stalemate'], scheme: 'cause-to-effect' },
    { key: 'inf-brownback', conclusion: 'claim-dangerous-moment', premises: ['ev-brownback-bill'], scheme: 'sign' },

    // Line 4: the administration's own doctrine → engage.
    { key: 'inf-thesis-doctrine', conclusion: 'thesis', premises: ['claim-own-doctrine', 'imp-act-consistently'], scheme: 'commitment' },
    { key: 'inf-doctrine-applies', conclusion: 'claim-own-doctrine', premises: ['pr-engage-different'], scheme: 'commitment' },
  ],

  conflicts: [
    { key: 'con-2009-nuclear-test', attacker: 'obj-2009-nuclear-test', target: { node: 'claim-obama-tough' } },
    { key: 'con-heu-programme', attacker: 'obj-heu-programme', target: { node: 'ev-clinton-freeze' }, question: 'example.cq1' },
    { key: 'con-plutonium-frozen', attacker: 'reb-plutonium-frozen', target: { node: 'obj-heu-programme' } },
    { key: 'con-sunshine-payments', attacker: 'obj-sunshine-payments', target: { node: 'claim-sunshine-worked' } },
    { key: 'con-six-party-talks', attacker: 'obj-six-party-talks', target: { node: 'claim-hardline-failed' }, question: 'example.cq1' },
    { key: 'con-talks-stalled', attacker: 'reb-talks-stalled', target: { node: 'obj-six-party-talks' } },
    { key: 'con-condolence-tactic', attacker: 'obj-condolence-tactic', target: { node: 'imp-goodwill-signals' }, question: 'sign.cq1' },
    { key: 'con-different-conditions', attacker: 'obj-different-conditions', target: { inference: 'inf-past-practice' }, question: 'past-practice.cq2' },
  ],
};
