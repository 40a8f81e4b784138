/**
 * The seeded argument map of Haeyoung Kim's op-ed "The Time is Now to Negotiate with North Korea"
 * (Korea Policy Institute, August 2009), written as a {@link MapSpec}.
 *
 * - Quotes are the essay's exact words, byte for byte (curly quotes ’ “ ” and em dashes — included),
 *   as they appear in `negotiate-now.txt`. `buildGraphFromSpec` turns each one into offsets and
 *   throws if it is not found exactly once, so a quote is always a real, unique span of the essay.
 * - Nodes with `implicit: true` are unstated: premises (warrants) the argument needs, and one claim
 *   the analyst reconstructs in their own words (`claim-own-doctrine`). They have no quote.
 * - The objections and rebuttals are NOT part of the essay: they are sample points from the historical
 *   record, added for study and labelled by their authors (`SAMPLE_OBJECTION_AUTHOR`,
 *   `SAMPLE_REBUTTAL_AUTHOR`). Each states the dated fact it rests on, and carries `asOf`, the month
 *   that fact was known (the newest, where it cites several); the sources are in SOURCES.md. Points
 *   that rely on events after the essay (August 2009) say they are made with hindsight.
 *
 * ## How the case is read: a policy proposal and its stock issues
 * "Negotiate now" proposes a change of course, so the thesis is marked a proposal and its main step
 * is ONE linked step whose premises are needed together, as a debate class reads a policy case:
 * harm (`claim-dangerous-moment`), inherency (`imp-precondition-stalls`, unstated: Washington's
 * precondition, not Pyongyang's own choices, keeps talks stalled), solvency
 * (`claim-diplomacy-can-yield`), timeliness (`claim-door-open`, `imp-seize-opening`), and the unstated
 * weighing premise that the gains are worth the costs (`imp-peace-worth-costs`, no stock issue of its
 * own). Reject any one of them and the step no longer carries the thesis. The negative's
 * disadvantage (`obj-peace-treaty`) attacks that weighing premise: a disadvantage claims the plan's
 * own harms outweigh its gains, which is what the premise asserts they do not.
 *
 * The administration's-own-doctrine line stays a separate, extra reason (`inf-thesis-doctrine`).
 * Under grounded semantics an independent step carries the thesis by itself, so if that line stood
 * on its own merits it would keep "The thesis stands" however the policy case fared. It does not
 * stand, and not by construction: the doctrine the essay appeals to came with terms in the
 * President's own words — "we will extend a hand if you are willing to unclench your fist"
 * (inaugural address, 20 January 2009, addressed to governments that silence dissent, not to North
 * Korea by name) — and on 5 April 2009, of the North's launch that day, "Rules must be binding"
 * (Prague). `obj-conditional-doctrine` raises that against the step from the stated cornerstone to
 * "holding out for preconditions departs from it", and the affirmative has no dated answer to it.
 *
 * Judged as of the essay's month (2009-08) the case stands: every 2009 objection to a premise of the
 * case step is answered. Judged today it does not: the Cheonan sinking (2010) defeats the sincerity
 * premise every gesture rests on, so "the door is open" loses its support, and the 2012 "Leap Day"
 * deal's collapse defeats solvency. The tests in negotiate-now.test.ts pin both.
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
    // ── Thesis (final paragraph): a policy proposal ─────────────────────────────────────────────
    {
      key: 'thesis',
      kind: 'thesis',
      proposal: true,
      text: 'The US should change course and talk with North Korea now without first demanding denuclearization, aiming the talks at a lasting peace treaty on the Korean peninsula.',
      quote: 'the time is now to engage and establish a lasting peace treaty on the Korean peninsula',
    },

    // ── Timeliness: the door to peace is open (¶1–¶4) ──────────────────────────────────────────
    {
      key: 'claim-door-open',
      kind: 'claim',
      stockIssue: 'timeliness',
      text: 'Kim Dae-jung’s life’s work and now his death have opened the door to peace in Korea.',
      quote: 'First the life and now the death of South Korea’s activist turned President Kim Dae-Jung has opened the door to peace in Korea',
    },
    {
      key: 'imp-seize-opening',
      kind: 'premise',
      implicit: true,
      stockIssue: 'timeliness',
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
      // A sign of international recognition, not expert testimony: the prize (October 2000) came four
      // months after the summit, so it recognises the policy's first years, not "over ten years".
      key: 'ev-nobel',
      kind: 'evidence',
      text: 'The policy earned Kim Dae-jung the Nobel Peace Prize in October 2000, four months after the summit: a sign of international recognition of its first years.',
      quote: 'justifiably earned former President Kim the Nobel Peace Prize',
    },
    {
      key: 'claim-window',
      kind: 'claim',
      text: 'Koreans on both sides grieving Kim Dae-jung together gives the Obama administration a new opening to improve relations with the North through diplomacy.',
      quote:
        'This moment of national Korean unity through shared grief offers a new window for the Obama administration to improve relations with North Korea through diplomatic engagement',
    },
    {
      key: 'ev-condolence-delegation',
      kind: 'evidence',
      text: 'When Kim Dae-jung died, Kim Jong-il sent a high-ranking delegation to Seoul to offer condolences to the champion of reconciliation.',
      quote: 'North Korean leader Kim Jong-Il sent a high-ranking delegation to Seoul to offer condolences and pay respects to the late former president',
    },
    {
      // The sincerity premise: every gesture step below needs it, so an objection that the gestures
      // are tactics can take away "the door is open" (it is the door's only support left standing
      // once the sunshine line is undercut).
      key: 'imp-goodwill-signals',
      kind: 'premise',
      implicit: true,
      text: 'The North’s gestures — the condolence delegation, the summit offer, the cargo train and border zone, the warm welcome — are genuine openings to negotiate, not tactics to escape pressure.',
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
      quote:
        'North Korea also recently announced that it will resume the operation of a cross-border cargo train and will lift travel restrictions from the South to the joint industrial zone in the North',
    },
    {
      key: 'ev-warm-reception',
      kind: 'evidence',
      text: 'The Obama team’s diplomatic overtures earlier in the month were warmly received by Pyongyang.',
      quote: 'Diplomatic overtures offered by the Obama team to North Korea earlier this month were also met with a warm reception',
    },

    // ── Solvency: engagement works (¶4–¶5) ─────────────────────────────────────────────────────
    {
      key: 'claim-diplomacy-can-yield',
      kind: 'claim',
      stockIssue: 'solvency',
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
      // Narrowed to what the Agreed Framework froze: plutonium production. What it left out (the
      // plutonium separated before 1994, the uranium route) is for the objections to raise.
      key: 'ev-clinton-freeze',
      kind: 'evidence',
      text: 'Under Clinton, engagement froze North Korea’s plutonium production for eight years (though plutonium it had separated before 1994 was never accounted for) and brought a moratorium on missile tests.',
      quote:
        'During the Clinton administration, a policy of engagement led to eight years of freezing Pyongyang’s nuclear weapons program and a moratorium on ballistic missile tests',
    },

    // ── The hard line failed (¶5–¶6) ───────────────────────────────────────────────────────────
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

    // ── Harm and the present course (¶6) ───────────────────────────────────────────────────────
    {
      key: 'claim-dangerous-moment',
      kind: 'claim',
      stockIssue: 'harm',
      text: 'Relations with North Korea are at a dangerous point: talks are stalled and tension is rising.',
      quote: 'We are at a dangerous moment in relations with North Korea',
    },
    {
      // Inherency: the essay never says it, but its danger line does not reach "negotiate now"
      // without it — if Pyongyang's own choices keep the talks stalled, dropping the precondition
      // would not end the stall.
      key: 'imp-precondition-stalls',
      kind: 'premise',
      implicit: true,
      stockIssue: 'inherency',
      text: 'Washington’s precondition — denuclearization first — and not Pyongyang’s own choices is what keeps the talks stalled.',
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
      quote:
        'testified in Congress that if Pyongyang does not satisfy Washington’s outlined preconditions, the U.S. will “take defensive measures to bring significant pressure to bear for North Korea to abandon its nuclear and missile programs.”',
    },
    {
      // A claim, not a premise: it has support (the hard line's failure, and Bush's own turn).
      key: 'claim-tough-fails',
      kind: 'claim',
      text: 'The “tough guy” approach does not work with North Korea — Bush himself came to see this, too late.',
      quote: 'that Bush realized too late would not work',
    },
    {
      // The essay's "that Bush realized too late" has no words for the turn itself, so the analyst states it.
      key: 'ev-bush-turn-2007',
      kind: 'evidence',
      asOf: '2007-02',
      text: 'In 2007 Bush turned to direct talks: his envoy Christopher Hill met North Korea’s negotiator in Berlin in January, and the Six-Party deal of 13 February 2007 followed.',
    },
    {
      key: 'claim-precondition-stalemate',
      kind: 'claim',
      text: 'Demanding total denuclearisation before normalising relations will stall negotiations indefinitely, as it did under Bush, and tension will keep rising.',
      quote:
        'Obama’s position that total denuclearization must come as a precondition to normalizing relations will indefinitely stalemate negotiations, just as it did under Bush, and tension will continue to rise',
    },
    {
      key: 'ev-brownback-bill',
      kind: 'evidence',
      text: 'Senators led by Sam Brownback introduced a bill to put North Korea back on the terrorism-sponsor list, reimpose sanctions and boost support for South Korea’s army.',
      quote:
        'introduced legislation that would re-designate North Korea as a state sponsor of terrorism, reactivate additional economic sanctions, and increase support to an already bloated South Korean army',
    },

    // ── An extra reason: engagement is the administration's own doctrine (¶7) ──────────────────
    {
      key: 'claim-own-doctrine',
      kind: 'claim',
      implicit: true,
      text: 'Engaging North Korea is what the Obama administration’s own stated foreign policy calls for; holding out for preconditions departs from it.',
    },
    {
      key: 'pr-engage-different',
      kind: 'premise',
      text: 'A cornerstone of the Obama administration’s foreign policy is to engage with states that are fundamentally different from the US.',
      quote:
        'A cornerstone of the Obama administration’s language around foreign policy has been to engage with states that are fundamentally different than the U.S.',
    },
    {
      key: 'imp-act-consistently',
      kind: 'premise',
      implicit: true,
      text: 'A government should act consistently with its own stated doctrine.',
    },

    // ── Sample objections and rebuttals from the historical record (not in the essay) ──────────
    // Against the case step's premises.
    {
      key: 'obj-pyongyang-walked-out',
      kind: 'objection',
      author: SAMPLE_OBJECTION_AUTHOR,
      asOf: '2009-06',
      text: 'Pyongyang walked out, not Washington: on 14 April 2009 it said it would never again take part in the Six-Party Talks or be bound by their agreements, and on 13 June 2009 it announced it would weaponize its plutonium and enrich uranium.',
    },
    {
      key: 'reb-bilateral-offer',
      kind: 'rebuttal',
      author: SAMPLE_REBUTTAL_AUTHOR,
      asOf: '2009-07',
      text: 'It left the six-party format, not talks: its 13 June threat answered the UN sanctions of the day before, and on 27 July 2009 it offered “a specific and reserved form of dialogue” — direct talks, which Washington would hold only within the six-party framework.',
    },
    {
      key: 'obj-charm-after-sanctions',
      kind: 'objection',
      author: SAMPLE_OBJECTION_AUTHOR,
      asOf: '2009-08',
      text: 'The summer’s charm followed pressure: UN Resolution 1874 (12 June 2009) tightened sanctions, and the gestures fit the North’s cycle of provocation, charm and concessions — Defense Secretary Gates said on 30 May 2009 he was “tired of buying the same horse twice”.',
    },
    {
      key: 'reb-pressure-opening',
      kind: 'rebuttal',
      author: SAMPLE_REBUTTAL_AUTHOR,
      asOf: '2009-08',
      text: 'Pressure and a real opening are not opposites: if sanctions made Pyongyang want a deal, that is the opening to test, and talks need not buy anything in advance. The gestures were not only words: two Americans went home with Bill Clinton in August 2009.',
    },
    {
      key: 'obj-condolence-tactic',
      kind: 'objection',
      author: SAMPLE_OBJECTION_AUTHOR,
      asOf: '2010-05',
      text: 'With hindsight (the essay is from Aug 2009): the gestures did not mark a turn. In March 2010 the South Korean warship Cheonan was sunk, killing 46 sailors — by a North Korean torpedo, a South Korean-led international inquiry found in May 2010.',
    },
    {
      key: 'obj-leap-day-deal',
      kind: 'objection',
      author: SAMPLE_OBJECTION_AUTHOR,
      asOf: '2012-04',
      text: 'With hindsight: direct talks without denuclearization first were tried. The “Leap Day” deal of 29 February 2012 traded a freeze on tests and enrichment for food aid; it collapsed within weeks, when the North launched a long-range rocket on 13 April 2012.',
    },
    {
      key: 'obj-sunshine-ended',
      kind: 'objection',
      author: SAMPLE_OBJECTION_AUTHOR,
      asOf: '2008-12',
      text: 'The door sunshine opened had closed: Seoul dropped the policy when Lee Myung-bak took office in February 2008, tours to Mount Kumgang stopped after a North Korean soldier shot a South Korean tourist in July 2008, and the North restricted border crossings in December 2008.',
    },
    // The negative's disadvantage: the plan's own harms outweigh its gains.
    {
      key: 'obj-peace-treaty',
      kind: 'objection',
      author: SAMPLE_OBJECTION_AUTHOR,
      asOf: '2009-05',
      stockIssue: 'disadvantage',
      text: 'A peace treaty without denuclearization would in effect accept North Korea, after its 2006 and 2009 tests, as a nuclear state and weaken the NPT; it would serve Pyongyang’s aim of ending the UN Command and removing US troops; and it needs Seoul’s and Beijing’s agreement.',
    },
    {
      key: 'reb-treaty-with-denuclearization',
      kind: 'rebuttal',
      author: SAMPLE_REBUTTAL_AUTHOR,
      asOf: '2009-02',
      text: 'The plan is talks without denuclearization first, not a treaty without it: the September 2005 joint statement put a peace regime, negotiated by “the directly related parties”, beside denuclearization, and Clinton offered a peace treaty on 13 February 2009.',
    },
    // Against the doctrine line.
    {
      key: 'obj-conditional-doctrine',
      kind: 'objection',
      author: SAMPLE_OBJECTION_AUTHOR,
      asOf: '2009-04',
      text: 'The doctrine came with terms: the inaugural (20 January 2009) offered to “extend a hand if you are willing to unclench your fist” to governments that silence dissent, not to North Korea by name; and on 5 April 2009 Obama said of the North’s launch: “Rules must be binding.”',
    },
    // Against the stalemate comparison, the hard line and the precedents.
    {
      key: 'obj-2009-nuclear-test',
      kind: 'objection',
      author: SAMPLE_OBJECTION_AUTHOR,
      asOf: '2009-06',
      text: 'The 2009 case differs from Bush’s: on 13 February 2009 Clinton offered normal relations, a peace treaty and aid for verified denuclearization, and the North answered with a rocket (5 April) and a nuclear test (25 May). Only the sanctions, UN Resolution 1874 (June 2009), came after.',
    },
    {
      key: 'obj-uranium-before-hardline',
      kind: 'objection',
      author: SAMPLE_OBJECTION_AUTHOR,
      asOf: '2006-09',
      text: 'The cause may run the other way: the North sought uranium enrichment with Pakistani help from the late 1990s, under Clinton and the freeze (CIA estimate for Congress, November 2002; Musharraf’s memoir, 2006). The hard line answered that programme; it did not start it.',
    },
    {
      key: 'obj-six-party-talks',
      kind: 'objection',
      author: SAMPLE_OBJECTION_AUTHOR,
      asOf: '2008-06',
      text: 'Washington was talking seriously under Bush: in the Six-Party Talks it signed the September 2005 joint statement and in 2007 won the shutdown of Yongbyon (its cooling tower was blown up in June 2008); the leap, the October 2006 test, came between the two.',
    },
    {
      key: 'reb-talks-stalled',
      kind: 'rebuttal',
      author: SAMPLE_REBUTTAL_AUTHOR,
      asOf: '2007-07',
      text: 'Serious only in stretches: US and North Korean envoys met one to one within the talks in 2005, but after US sanctions on Banco Delta Asia (Sept 2005) talks stalled for a year and the North tested a bomb; Yongbyon shut in July 2007, after direct talks and the frozen funds’ return.',
    },
    {
      key: 'obj-2007-precedent',
      kind: 'objection',
      author: SAMPLE_OBJECTION_AUTHOR,
      asOf: '2009-05',
      text: 'Another precedent went the other way: in 2007–08 Bush dropped the hard line — direct talks, the frozen funds returned, North Korea off the terrorism list on 11 October 2008 before it disarmed — and it ended in deadlock over verification in December 2008, then a test in May 2009.',
    },
    {
      key: 'reb-2007-yielded',
      kind: 'rebuttal',
      author: SAMPLE_REBUTTAL_AUTHOR,
      asOf: '2008-12',
      text: 'That precedent cuts both ways: the 2007–08 talks shut Yongbyon in July 2007 and disabled it — its cooling tower came down in June 2008 — so direct talks did yield results; what failed in December 2008 was agreeing how to verify them.',
    },
    {
      key: 'obj-different-conditions',
      kind: 'objection',
      author: SAMPLE_OBJECTION_AUTHOR,
      asOf: '2009-05',
      text: 'Past success does not carry over: the Clinton-era freeze came before North Korea had tested a bomb. After its 2006 and 2009 nuclear tests, a state that already has the bomb has far less reason to trade it away.',
    },
    {
      key: 'obj-heu-programme',
      kind: 'objection',
      author: SAMPLE_OBJECTION_AUTHOR,
      asOf: '2003-01',
      text: 'The freeze was not complete: in October 2002 the US confronted Pyongyang with evidence of a secret uranium-enrichment programme pursued during the freeze years, and the Agreed Framework collapsed that winter: in January 2003 the North left the NPT.',
    },
    {
      // Answers only what it answers: it grants the freeze was incomplete and argues the part that
      // was frozen still makes it a case of diplomacy working.
      key: 'reb-plutonium-frozen',
      kind: 'rebuttal',
      author: SAMPLE_REBUTTAL_AUTHOR,
      asOf: '2002-12',
      text: 'Incomplete, yet still diplomacy working: the freeze kept some 8,000 spent fuel rods — plutonium for several bombs — under IAEA seal from 1994 until the inspectors were expelled in December 2002; only then could the North reprocess them.',
    },
    {
      key: 'obj-wrong-dates',
      kind: 'objection',
      author: SAMPLE_OBJECTION_AUTHOR,
      asOf: '2006-07',
      text: 'The essay’s dates are off: the freeze lasted until December 2002, into Bush’s second year, and the missile moratorium began only in September 1999, after a Taepodong launch over Japan in August 1998 under Clinton’s engagement; it held until July 2006.',
    },
    {
      key: 'obj-naval-clashes',
      kind: 'objection',
      author: SAMPLE_OBJECTION_AUTHOR,
      asOf: '2002-06',
      text: 'Tension did not fall steadily in the sunshine years: the two Koreas’ navies clashed in the Yellow Sea in June 1999 and again in June 2002, when six South Korean sailors were killed.',
    },
    {
      key: 'obj-sunshine-payments',
      kind: 'objection',
      author: SAMPLE_OBJECTION_AUTHOR,
      asOf: '2003-06',
      text: 'The summit was bought, not only earned: a 2003 special-prosecutor inquiry found about $500 million was secretly sent to the North via Hyundai before the June 2000 summit, so it does not show what engagement alone achieves.',
    },
  ],

  inferences: [
    // The policy case: timeliness, solvency, harm and inherency, needed together (in the essay's order).
    {
      key: 'inf-thesis-case',
      conclusion: 'thesis',
      premises: [
        'claim-door-open',
        'imp-seize-opening',
        'claim-diplomacy-can-yield',
        'imp-peace-worth-costs',
        'claim-dangerous-moment',
        'imp-precondition-stalls',
      ],
      scheme: 'practical-reasoning',
    },

    // Timeliness: the door to peace is open.
    { key: 'inf-sunshine-opened-door', conclusion: 'claim-door-open', premises: ['claim-sunshine-worked'], scheme: 'cause-to-effect' },
    { key: 'inf-sunshine-summit', conclusion: 'claim-sunshine-worked', premises: ['ev-2000-summit'], scheme: 'example' },
    { key: 'inf-sunshine-tensions', conclusion: 'claim-sunshine-worked', premises: ['ev-reduced-tensions'], scheme: 'example' },
    { key: 'inf-sunshine-reunions', conclusion: 'claim-sunshine-worked', premises: ['ev-family-reunions'], scheme: 'example' },
    // The catalogue has no "sign of international recognition"; argument from sign is the closest.
    { key: 'inf-sunshine-nobel', conclusion: 'claim-sunshine-worked', premises: ['ev-nobel'], scheme: 'sign' },
    // The claim restates half of its premise: an example of the door opening, not a cause of it.
    { key: 'inf-grief-opened-door', conclusion: 'claim-door-open', premises: ['claim-window'], scheme: 'example' },
    { key: 'inf-window', conclusion: 'claim-window', premises: ['ev-condolence-delegation', 'imp-goodwill-signals'], scheme: 'sign' },
    { key: 'inf-softening-opened-door', conclusion: 'claim-door-open', premises: ['claim-softening'], scheme: 'sign' },
    { key: 'inf-summit-interest', conclusion: 'claim-softening', premises: ['ev-summit-interest', 'imp-goodwill-signals'], scheme: 'sign' },
    { key: 'inf-border-links', conclusion: 'claim-softening', premises: ['ev-border-links', 'imp-goodwill-signals'], scheme: 'sign' },
    { key: 'inf-warm-reception', conclusion: 'claim-softening', premises: ['ev-warm-reception', 'imp-goodwill-signals'], scheme: 'sign' },

    // Solvency: engagement works.
    { key: 'inf-clinton-mission', conclusion: 'claim-diplomacy-can-yield', premises: ['ev-clinton-mission', 'imp-small-to-large'], scheme: 'analogy' },
    { key: 'inf-past-practice', conclusion: 'claim-diplomacy-can-yield', premises: ['claim-diplomacy-worked', 'imp-past-predicts'], scheme: 'past-practice' },
    { key: 'inf-clinton-freeze', conclusion: 'claim-diplomacy-worked', premises: ['ev-clinton-freeze'], scheme: 'example' },
    // Inter-Korean diplomacy taken as a case of US–North Korea diplomacy: a comparison of two cases.
    { key: 'inf-sunshine-precedent', conclusion: 'claim-diplomacy-worked', premises: ['claim-sunshine-worked'], scheme: 'analogy' },

    // The hard line failed, and the present course repeats it.
    {
      key: 'inf-hardline',
      conclusion: 'claim-hardline-failed',
      premises: ['ev-bush-hardline', 'ev-nk-restart', 'imp-hardline-caused'],
      scheme: 'correlation-to-cause',
    },
    { key: 'inf-hardline-lesson', conclusion: 'claim-tough-fails', premises: ['claim-hardline-failed'], scheme: 'example' },
    { key: 'inf-bush-turn', conclusion: 'claim-tough-fails', premises: ['ev-bush-turn-2007'], scheme: 'sign' },
    { key: 'inf-bosworth', conclusion: 'claim-obama-tough', premises: ['ev-bosworth-testimony'], scheme: 'position-to-know' },
    { key: 'inf-stalemate', conclusion: 'claim-precondition-stalemate', premises: ['claim-obama-tough', 'claim-tough-fails'], scheme: 'analogy' },

    // Harm: a dangerous moment.
    { key: 'inf-stalemate-danger', conclusion: 'claim-dangerous-moment', premises: ['claim-precondition-stalemate'], scheme: 'cause-to-effect' },
    { key: 'inf-brownback', conclusion: 'claim-dangerous-moment', premises: ['ev-brownback-bill'], scheme: 'sign' },

    // The extra reason: the administration's own doctrine.
    { key: 'inf-thesis-doctrine', conclusion: 'thesis', premises: ['claim-own-doctrine', 'imp-act-consistently'], scheme: 'commitment' },
    { key: 'inf-doctrine-applies', conclusion: 'claim-own-doctrine', premises: ['pr-engage-different'], scheme: 'commitment' },
  ],

  conflicts: [
    // The case step's premises.
    { key: 'con-pyongyang-walked-out', attacker: 'obj-pyongyang-walked-out', target: { node: 'imp-precondition-stalls' } },
    { key: 'con-bilateral-offer', attacker: 'reb-bilateral-offer', target: { node: 'obj-pyongyang-walked-out' } },
    { key: 'con-charm-after-sanctions', attacker: 'obj-charm-after-sanctions', target: { node: 'imp-goodwill-signals' }, question: 'sign.cq1' },
    { key: 'con-pressure-opening', attacker: 'reb-pressure-opening', target: { node: 'obj-charm-after-sanctions' } },
    { key: 'con-condolence-tactic', attacker: 'obj-condolence-tactic', target: { node: 'imp-goodwill-signals' }, question: 'sign.cq1' },
    { key: 'con-leap-day-deal', attacker: 'obj-leap-day-deal', target: { node: 'claim-diplomacy-can-yield' } },
    { key: 'con-sunshine-ended', attacker: 'obj-sunshine-ended', target: { inference: 'inf-sunshine-opened-door' }, question: 'cause-to-effect.cq3' },
    // The weighing: the disadvantage against "the gains are worth the costs".
    { key: 'con-peace-treaty', attacker: 'obj-peace-treaty', target: { node: 'imp-peace-worth-costs' } },
    { key: 'con-treaty-with-denuclearization', attacker: 'reb-treaty-with-denuclearization', target: { node: 'obj-peace-treaty' } },
    // The doctrine line.
    { key: 'con-conditional-doctrine', attacker: 'obj-conditional-doctrine', target: { inference: 'inf-doctrine-applies' }, question: 'commitment.cq2' },
    // The stalemate comparison, the hard line, the precedents.
    { key: 'con-2009-nuclear-test', attacker: 'obj-2009-nuclear-test', target: { inference: 'inf-stalemate' }, question: 'analogy.cq1' },
    { key: 'con-uranium-before-hardline', attacker: 'obj-uranium-before-hardline', target: { node: 'imp-hardline-caused' } },
    { key: 'con-six-party-talks', attacker: 'obj-six-party-talks', target: { node: 'claim-hardline-failed' }, question: 'example.cq1' },
    { key: 'con-talks-stalled', attacker: 'reb-talks-stalled', target: { node: 'obj-six-party-talks' } },
    { key: 'con-2007-precedent', attacker: 'obj-2007-precedent', target: { inference: 'inf-past-practice' }, question: 'past-practice.cq3' },
    { key: 'con-2007-yielded', attacker: 'reb-2007-yielded', target: { node: 'obj-2007-precedent' } },
    { key: 'con-different-conditions', attacker: 'obj-different-conditions', target: { inference: 'inf-past-practice' }, question: 'past-practice.cq2' },
    { key: 'con-heu-programme', attacker: 'obj-heu-programme', target: { inference: 'inf-clinton-freeze' }, question: 'example.cq2' },
    { key: 'con-plutonium-frozen', attacker: 'reb-plutonium-frozen', target: { node: 'obj-heu-programme' } },
    { key: 'con-wrong-dates', attacker: 'obj-wrong-dates', target: { node: 'ev-clinton-freeze' }, question: 'example.cq1' },
    { key: 'con-naval-clashes', attacker: 'obj-naval-clashes', target: { node: 'ev-reduced-tensions' }, question: 'example.cq1' },
    { key: 'con-sunshine-payments', attacker: 'obj-sunshine-payments', target: { inference: 'inf-sunshine-summit' }, question: 'example.cq2' },
  ],
};
