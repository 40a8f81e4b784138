/**
 * Argument schemes (Walton, Reed & Macagno, *Argumentation Schemes*, 2008): recurring patterns of
 * reasoning, each with the critical questions that test whether a particular use of it holds.
 * An inference may name one scheme; its questions are then "open" until an objection raised from
 * the question exists and is itself answered (see `criticalQuestionStatus` in ./questions.ts).
 */

/** What a critical question puts in doubt when the answer goes against the argument. */
export type QuestionTarget =
  /** The step itself: the premises may be true but do not carry the conclusion (an undercut). */
  | 'inference'
  /** One of the premises: it may be false. */
  | 'premise';

export interface CriticalQuestion {
  /** Stable id within its scheme (`cq1`, `cq2`, …); the full id is `"<scheme>.<cq>"`. */
  id: string;
  /**
   * The question in general words, with no slot: what is asked when the step gives nothing to fill
   * a slot of {@link forStep} with, and wherever no step is at hand (the catalogue as a list).
   */
  text: string;
  /**
   * The question worded for the step it is asked of, most specific first. Slots: `{conclusion}` is
   * the step's conclusion, `{reason}` its one reason (see `askQuestion` in ./question-words.ts for
   * when a slot can be filled). The first wording whose slots the step fills is used, else `text`.
   */
  forStep: readonly string[];
  attacks: QuestionTarget;
  /** 1 = ask this first; 3 = a refinement. Orders the list of open questions. */
  weight: 1 | 2 | 3;
  /**
   * How an objection raised from this question begins, in general words: the opening the objection
   * form starts with, which the student completes. It ends in "…", where their words go (the form
   * selects it, so typing replaces it).
   */
  objectionPrompt: string;
  /** The opening worded for the step, with the slots of {@link forStep}; most specific first. */
  promptForStep: readonly string[];
}

export interface Scheme {
  id: string;
  name: string;
  /** One sentence: what this pattern of reasoning does. */
  summary: string;
  /** The premise pattern, in general words (e.g. "A source is an expert in the field the claim belongs to."). */
  premises: string[];
  /** The conclusion the pattern draws, in general words. */
  conclusion: string;
  questions: CriticalQuestion[];
}

/**
 * The ids of the catalogue, in catalogue order. A tuple, so it can feed `z.enum(SCHEME_IDS)`;
 * the annotation on `CATALOGUE` below makes the compiler check that the catalogue has exactly these ids.
 */
export const SCHEME_IDS = [
  'example',
  'analogy',
  'cause-to-effect',
  'correlation-to-cause',
  'sign',
  'positive-consequences',
  'negative-consequences',
  'practical-reasoning',
  'expert-opinion',
  'position-to-know',
  'popular-opinion',
  'commitment',
  'past-practice',
] as const;

export type SchemeId = (typeof SCHEME_IDS)[number];

/**
 * Premise patterns, conclusions and critical questions follow Walton, Reed & Macagno (2008), in
 * their order, as `cq1`…; where a scheme there has a single premise, it is written as the two claims
 * that premise combines (e.g. "the consequences will happen" and "they are good"). Questions added to Walton's list (for schemes he gives only two or three
 * questions, or where a student needs a plainer one) come after his, and are marked "Added".
 * Question ids are stable: they are stored on conflicts (`Conflict.question`), so never renumber.
 *
 * Everything here is read by students, so it is worded without the book's variables (no "a", "A",
 * "C1"): the patterns and `text` in general words, `forStep` and `promptForStep` with the slots a
 * step can fill (`{conclusion}`, `{reason}`; see ./question-words.ts). A slot names only what a step
 * reliably tells: its conclusion, and its one reason — never a role such as "the expert" or "the
 * example's source", which a step does not record.
 */
const CATALOGUE: Record<SchemeId, Omit<Scheme, 'id'>> = {
  example: {
    name: 'Argument from example',
    summary: 'Uses a real case to back up a general claim: “it happened here, so this is how things tend to go.”',
    premises: ['In one particular case, something has a certain feature.', 'In that case, it also has a second feature.'],
    conclusion: 'So, generally, whatever has the first feature also has the second.',
    questions: [
      {
        id: 'cq1',
        text: 'Is what the example says actually true?',
        forStep: ['Is {reason} actually true?'],
        attacks: 'premise',
        weight: 1,
        objectionPrompt: 'The example is not accurate, because …',
        promptForStep: ['{reason} is not accurate, because …'],
      },
      {
        id: 'cq2',
        text: 'Does the example really support the general claim — is it a genuine case of it?',
        forStep: ['Is {reason} really a case of {conclusion}?', 'Is the example really a case of {conclusion}?'],
        attacks: 'inference',
        weight: 2,
        objectionPrompt: 'The example does not show what it is meant to show, because …',
        promptForStep: ['{reason} is not really a case of {conclusion}, because …', 'The example is not really a case of {conclusion}, because …'],
      },
      {
        id: 'cq3',
        text: 'Is the example typical of the cases the general claim covers?',
        forStep: ['Is {reason} typical of the cases {conclusion} covers?', 'Is the example typical of the cases {conclusion} covers?'],
        attacks: 'inference',
        weight: 1,
        objectionPrompt: 'The example is not typical, because …',
        promptForStep: ['{reason} is not typical of the cases {conclusion} covers, because …'],
      },
      {
        id: 'cq4',
        text: 'How strong is the generalisation — are there counterexamples?',
        forStep: ['Are there counterexamples to {conclusion}?'],
        attacks: 'inference',
        weight: 1,
        objectionPrompt: 'A counterexample: …',
        promptForStep: ['A counterexample to {conclusion}: …'],
      },
      {
        id: 'cq5',
        text: 'Were there special circumstances in the example that stop it carrying over to other cases?',
        forStep: ['Were there special circumstances in {reason} that stop it carrying over to other cases?'],
        attacks: 'inference',
        weight: 2,
        objectionPrompt: 'The example had special circumstances that do not carry over: …',
        promptForStep: ['{reason} had special circumstances that do not carry over: …'],
      },
    ],
  },

  analogy: {
    name: 'Argument from analogy',
    summary: 'Argues that because two cases are alike, what is true in one is true in the other as well.',
    premises: ['One case is, in general, like another.', 'Something is true (or false) in the first case.'],
    conclusion: 'So it is true (or false) in the second case as well.',
    questions: [
      {
        id: 'cq1',
        text: 'Are there relevant differences between the two cases that would undermine the similarity?',
        forStep: ['Do the cases compared for {conclusion} differ in a way that matters?'],
        attacks: 'inference',
        weight: 1,
        objectionPrompt: 'The cases differ in a way that matters: …',
        promptForStep: ['The cases compared for {conclusion} differ in a way that matters: …'],
      },
      {
        id: 'cq2',
        text: 'Is it really true in the first case — the one the argument compares with?',
        forStep: ['{conclusion} rests on a comparison: is it really true in the case compared with?'],
        attacks: 'premise',
        weight: 1,
        objectionPrompt: 'It is not true even in the case compared with, because …',
        promptForStep: ['The comparison behind {conclusion} fails even in the case compared with, because …'],
      },
      {
        id: 'cq3',
        text: 'Is there another case, just as similar, in which the opposite is true?',
        forStep: ['Is there another case, just as similar, that points against {conclusion}?'],
        attacks: 'inference',
        weight: 2,
        objectionPrompt: 'A different comparison points the other way: …',
        promptForStep: ['A different comparison points against {conclusion}: …'],
      },
      {
        // Added: doubts the similarity premise itself, where cq1 grants it but finds a difference that matters.
        id: 'cq4',
        text: 'Are the two cases actually alike in the respects the argument relies on?',
        forStep: ['Are the cases compared for {conclusion} actually alike in the respects that matter?'],
        attacks: 'premise',
        weight: 2,
        objectionPrompt: 'The two cases are not really alike: …',
        promptForStep: ['The cases compared for {conclusion} are not really alike: …'],
      },
    ],
  },

  'cause-to-effect': {
    name: 'Argument from cause to effect',
    summary: 'Argues that because a cause is present, its usual effect will follow (or has followed).',
    premises: ['Generally, when one thing happens, another follows (or may follow).', 'In this case, the first thing happens (or may happen).'],
    conclusion: 'So, in this case, the second will (or may) follow.',
    questions: [
      {
        id: 'cq1',
        text: 'How strong is the causal link — does the cause really tend to produce the effect?',
        forStep: ['Does {reason} really tend to lead to {conclusion}?', 'Does the cause really tend to lead to {conclusion}?'],
        attacks: 'premise',
        weight: 1,
        objectionPrompt: 'The cause does not reliably lead to the effect, because …',
        promptForStep: ['{reason} does not reliably lead to {conclusion}, because …'],
      },
      {
        id: 'cq2',
        text: 'Is the evidence for the causal link strong enough to support it as stated?',
        forStep: ['Is there strong enough evidence that {reason} leads to {conclusion}?'],
        attacks: 'premise',
        weight: 2,
        objectionPrompt: 'The evidence for that causal link is too weak: …',
        promptForStep: ['The evidence that {reason} leads to {conclusion} is too weak: …'],
      },
      {
        id: 'cq3',
        text: 'Are there other factors that would interfere with or counteract the effect in this case?',
        forStep: ['Could other factors stop {conclusion} from following?'],
        attacks: 'inference',
        weight: 1,
        objectionPrompt: 'Something else will get in the way: …',
        promptForStep: ['Something else will stop {conclusion} from following: …'],
      },
      {
        // Added: the minor premise.
        id: 'cq4',
        text: 'Is the cause really present in this case?',
        forStep: ['Is {reason} really so?'],
        attacks: 'premise',
        weight: 2,
        objectionPrompt: 'The cause is not actually present: …',
        promptForStep: ['{reason} is not actually so: …'],
      },
      {
        // Added: for arguments that explain an effect that has already happened.
        id: 'cq5',
        text: 'If the effect has already happened, could some other cause explain it?',
        forStep: ['Could something other than {reason} explain {conclusion}?', 'Could some other cause explain {conclusion}?'],
        attacks: 'inference',
        weight: 2,
        objectionPrompt: 'Something else could explain the effect: …',
        promptForStep: ['Something other than {reason} could explain {conclusion}: …', 'Some other cause could explain {conclusion}: …'],
      },
    ],
  },

  'correlation-to-cause': {
    name: 'Argument from correlation to cause',
    summary: 'Argues that one thing causes another because the two tend to happen together.',
    premises: ['In the cases observed, two things occur together (or one follows the other).', 'The two are positively correlated.'],
    conclusion: 'So the first causes the second.',
    questions: [
      {
        id: 'cq1',
        text: 'Do the two things really go together — is there a real correlation?',
        forStep: ['Do the things {conclusion} links really go together?'],
        attacks: 'premise',
        weight: 1,
        objectionPrompt: 'There is no real link between them: …',
        promptForStep: ['The things {conclusion} links do not really go together: …'],
      },
      {
        id: 'cq2',
        text: 'Are there enough cases of the correlation to rule out coincidence?',
        forStep: ['Are there enough cases behind {conclusion} to rule out coincidence?'],
        attacks: 'inference',
        weight: 2,
        objectionPrompt: 'It could be a coincidence: …',
        promptForStep: ['{conclusion} could rest on a coincidence: …'],
      },
      {
        id: 'cq3',
        text: 'Is there good evidence that the cause runs the way the argument says, and not the other way round?',
        forStep: ['Does the cause run the way {conclusion} says, and not the other way round?'],
        attacks: 'inference',
        weight: 2,
        objectionPrompt: 'It may be the other way round: …',
        promptForStep: ['The cause may run the other way from what {conclusion} says: …'],
      },
      {
        id: 'cq4',
        text: 'Can it be ruled out that some third factor causes both — could something else explain the effect?',
        forStep: ['Could some third factor explain what {conclusion} puts down to one cause?'],
        attacks: 'inference',
        weight: 1,
        objectionPrompt: 'Something else could explain both: …',
        promptForStep: ['Something else could explain what {conclusion} puts down to one cause: …'],
      },
      {
        id: 'cq5',
        text: 'If there are steps in between, is the link only indirect, running through other causes?',
        forStep: ['Is the link behind {conclusion} only indirect, running through other causes?'],
        attacks: 'inference',
        weight: 3,
        objectionPrompt: 'The link runs through something else: …',
        promptForStep: ['The link behind {conclusion} runs through something else: …'],
      },
    ],
  },

  sign: {
    name: 'Argument from sign',
    summary: 'Argues that something is true because we can see a sign of it, the way smoke is a sign of fire.',
    premises: ['Something observed is true in this situation.', 'That finding is generally a sign of something else.'],
    conclusion: 'So that something else is true in this situation.',
    questions: [
      {
        id: 'cq1',
        text: 'How strong is the link between the sign and what it is taken to show?',
        forStep: ['Does {reason} reliably show {conclusion}?', 'Does the sign reliably show {conclusion}?'],
        attacks: 'premise',
        weight: 1,
        objectionPrompt: 'That sign does not reliably mean this, because …',
        promptForStep: ['{reason} does not reliably show {conclusion}, because …'],
      },
      {
        id: 'cq2',
        text: 'Could something else account for the sign more reliably?',
        forStep: ['Could something other than {conclusion} better explain {reason}?', 'Could something other than {conclusion} better explain the sign?'],
        attacks: 'inference',
        weight: 1,
        objectionPrompt: 'There is a better explanation for the sign: …',
        promptForStep: ['Something other than {conclusion} better explains {reason}: …', 'Something other than {conclusion} better explains the sign: …'],
      },
      {
        // Added: the finding itself.
        id: 'cq3',
        text: 'Is the sign really there?',
        forStep: ['Is {reason} really so?'],
        attacks: 'premise',
        weight: 2,
        objectionPrompt: 'The sign is not really there: …',
        promptForStep: ['{reason} is not really so: …'],
      },
      {
        // Added: counter-signs.
        id: 'cq4',
        text: 'Are there other signs in the same situation that point the other way?',
        forStep: ['Are there other signs that point against {conclusion}?'],
        attacks: 'inference',
        weight: 2,
        objectionPrompt: 'Other signs point the other way: …',
        promptForStep: ['Other signs point against {conclusion}: …'],
      },
    ],
  },

  'positive-consequences': {
    name: 'Argument from positive consequences',
    summary: 'Argues that we should do something because it will lead to good results.',
    premises: ['If an action is taken, certain consequences will plausibly follow.', 'Those consequences are good.'],
    conclusion: 'So the action should be taken.',
    questions: [
      {
        id: 'cq1',
        text: 'How likely is it that the good consequences will actually happen?',
        forStep: ['If {conclusion} is acted on, how likely are the good results to actually happen?'],
        attacks: 'premise',
        weight: 1,
        objectionPrompt: 'Those good results are unlikely, because …',
        promptForStep: ['Acting on {conclusion} is unlikely to bring those good results, because …'],
      },
      {
        id: 'cq2',
        text: 'What evidence shows that the good consequences will happen, and is it strong enough?',
        forStep: ['What evidence shows that acting on {conclusion} will bring good results, and is it strong enough?'],
        attacks: 'premise',
        weight: 2,
        objectionPrompt: 'There is too little evidence for those results: …',
        promptForStep: ['There is too little evidence that acting on {conclusion} will bring those results: …'],
      },
      {
        id: 'cq3',
        text: 'Are there bad consequences that should also be taken into account?',
        forStep: ['Would acting on {conclusion} also have bad consequences that should be weighed?'],
        attacks: 'inference',
        weight: 1,
        objectionPrompt: 'It would also have bad consequences: …',
        promptForStep: ['Acting on {conclusion} would also have bad consequences: …'],
      },
      {
        // Added: the value premise.
        id: 'cq4',
        text: 'Are the consequences really good — and good for whom?',
        forStep: ['Are the results of acting on {conclusion} really good — and good for whom?'],
        attacks: 'premise',
        weight: 2,
        objectionPrompt: 'Those results are not as good as claimed, because …',
        promptForStep: ['The results of acting on {conclusion} are not as good as claimed, because …'],
      },
      {
        // Added: from practical reasoning's alternatives question.
        id: 'cq5',
        text: 'Is there another way to get the same good results at a lower cost?',
        forStep: ['Could the same good results be had at a lower cost than by acting on {conclusion}?'],
        attacks: 'inference',
        weight: 3,
        objectionPrompt: 'The same good could be had another way: …',
        promptForStep: ['The same good could be had at a lower cost than by acting on {conclusion}: …'],
      },
    ],
  },

  'negative-consequences': {
    name: 'Argument from negative consequences',
    summary: 'Argues that we should not do something because it will lead to bad results.',
    premises: ['If an action is taken, certain consequences will plausibly follow.', 'Those consequences are bad.'],
    conclusion: 'So the action should not be taken.',
    questions: [
      {
        id: 'cq1',
        text: 'How likely is it that the bad consequences will actually happen?',
        forStep: ['How likely are the bad results in {reason} to actually happen?', 'How likely are the bad results behind {conclusion} to actually happen?'],
        attacks: 'premise',
        weight: 1,
        objectionPrompt: 'Those bad results are unlikely, because …',
        promptForStep: ['The bad results in {reason} are unlikely, because …', 'The bad results behind {conclusion} are unlikely, because …'],
      },
      {
        id: 'cq2',
        text: 'What evidence shows that the bad consequences will happen, and is it strong enough?',
        forStep: ['What evidence backs {reason}, and is it strong enough?'],
        attacks: 'premise',
        weight: 2,
        objectionPrompt: 'There is too little evidence for those results: …',
        promptForStep: ['There is too little evidence for {reason}: …'],
      },
      {
        id: 'cq3',
        text: 'Are there good consequences that should also be taken into account — enough to outweigh the bad ones?',
        forStep: ['Are there good consequences, enough to outweigh the bad ones, that {conclusion} leaves out?'],
        attacks: 'inference',
        weight: 1,
        objectionPrompt: 'It would also have good consequences: …',
        promptForStep: ['{conclusion} leaves out good consequences that outweigh the bad: …'],
      },
      {
        // Added: the value premise.
        id: 'cq4',
        text: 'Are the consequences really bad — and bad for whom?',
        forStep: ['Are the results in {reason} really bad — and bad for whom?'],
        attacks: 'premise',
        weight: 2,
        objectionPrompt: 'Those results are not as bad as claimed, because …',
        promptForStep: ['{reason} is not as bad as claimed, because …'],
      },
      {
        // Added: mitigation.
        id: 'cq5',
        text: 'Could the bad results be prevented or reduced some other way?',
        forStep: ['Could the bad results be prevented or reduced some other way than what {conclusion} proposes?'],
        attacks: 'inference',
        weight: 3,
        objectionPrompt: 'The bad results could be avoided another way: …',
        promptForStep: ['The bad results could be avoided some other way than what {conclusion} proposes: …'],
      },
    ],
  },

  'practical-reasoning': {
    name: 'Practical reasoning (from goal to action)',
    summary: 'Argues that someone should do something because it is a way to reach a goal they have.',
    premises: ['Someone has a goal.', 'Taking a certain action is a way to reach that goal.'],
    conclusion: 'So, practically speaking, they ought to take that action.',
    questions: [
      {
        id: 'cq1',
        text: 'What other goals might conflict with the goal this action serves?',
        forStep: ['What other goals might conflict with doing what {conclusion} proposes?'],
        attacks: 'inference',
        weight: 2,
        objectionPrompt: 'That clashes with another goal: …',
        promptForStep: ['Doing what {conclusion} proposes clashes with another goal: …'],
      },
      {
        id: 'cq2',
        text: 'Are there other actions that would also reach the goal?',
        forStep: ['Are there other ways than what {conclusion} proposes to reach the same goal?'],
        attacks: 'inference',
        weight: 1,
        objectionPrompt: 'There are other ways to reach the goal: …',
        promptForStep: ['There are other ways than what {conclusion} proposes to reach the goal: …'],
      },
      {
        id: 'cq3',
        text: 'Among the proposed action and the other ways, which is the most efficient?',
        forStep: ['Is what {conclusion} proposes the most efficient way to reach the goal?'],
        attacks: 'inference',
        weight: 3,
        objectionPrompt: 'Another way would work better: …',
        promptForStep: ['Another way would work better than what {conclusion} proposes: …'],
      },
      {
        id: 'cq4',
        text: 'Is the proposed action practically possible?',
        forStep: ['Is it practically possible to do what {conclusion} proposes?'],
        attacks: 'premise',
        weight: 1,
        objectionPrompt: 'It cannot actually be done, because …',
        promptForStep: ['What {conclusion} proposes is not practically possible, because …'],
      },
      {
        id: 'cq5',
        text: 'What side effects of the proposed action should also be taken into account?',
        forStep: ['What side effects of doing what {conclusion} proposes should also be weighed?'],
        attacks: 'inference',
        weight: 1,
        objectionPrompt: 'It would have side effects: …',
        promptForStep: ['Doing what {conclusion} proposes would have side effects: …'],
      },
      {
        // Added: the means premise, in plain words.
        id: 'cq6',
        text: 'Will the proposed action actually reach the goal?',
        forStep: ['Will doing what {conclusion} proposes actually reach the goal?'],
        attacks: 'premise',
        weight: 1,
        objectionPrompt: 'Doing that would not reach the goal, because …',
        promptForStep: ['Doing what {conclusion} proposes would not reach the goal, because …'],
      },
    ],
  },

  'expert-opinion': {
    name: 'Argument from expert opinion',
    summary: 'Argues that a claim is true because an expert in the field says so.',
    premises: ['A source is an expert in the field the claim belongs to.', 'The expert says the claim is true (or false).'],
    conclusion: 'So the claim is true (or false).',
    questions: [
      {
        // Expertise question.
        id: 'cq1',
        text: 'How credible is the source as an expert — is it a genuine expert?',
        forStep: ['Is the source behind {reason} a genuine expert?'],
        attacks: 'premise',
        weight: 1,
        objectionPrompt: 'The source is not a real expert: …',
        promptForStep: ['The source behind {reason} is not a real expert: …'],
      },
      {
        // Field question.
        id: 'cq2',
        text: 'Is the source an expert in the field the claim is about?',
        forStep: ['Is the source an expert on what {conclusion} is about?'],
        attacks: 'premise',
        weight: 1,
        objectionPrompt: 'That is outside the source’s field: …',
        promptForStep: ['{conclusion} is outside the source’s field: …'],
      },
      {
        // Opinion question.
        id: 'cq3',
        text: 'What exactly did the expert say, and does it really imply the claim?',
        forStep: ['What exactly did the expert say, and does it really imply {conclusion}?'],
        attacks: 'premise',
        weight: 2,
        objectionPrompt: 'The expert did not actually say that: …',
        promptForStep: ['What the expert said does not imply {conclusion}: …'],
      },
      {
        // Trustworthiness question.
        id: 'cq4',
        text: 'Is the expert personally reliable — honest, unbiased, with no stake in the answer?',
        forStep: ['Is the source behind {reason} honest and unbiased, with no stake in the answer?'],
        attacks: 'inference',
        weight: 1,
        objectionPrompt: 'The expert may be biased: …',
        promptForStep: ['The source behind {reason} may be biased: …'],
      },
      {
        // Consistency question.
        id: 'cq5',
        text: 'Do other experts agree with the claim?',
        forStep: ['Do other experts agree with {conclusion}?'],
        attacks: 'inference',
        weight: 2,
        objectionPrompt: 'Other experts disagree: …',
        promptForStep: ['Other experts disagree with {conclusion}: …'],
      },
      {
        // Backup evidence question.
        id: 'cq6',
        text: 'Is the expert’s view based on evidence?',
        forStep: ['Is the expert view in {reason} based on evidence?'],
        attacks: 'inference',
        weight: 2,
        objectionPrompt: 'The expert’s view is not backed by evidence: …',
        promptForStep: ['The expert view in {reason} is not backed by evidence: …'],
      },
    ],
  },

  'position-to-know': {
    name: 'Argument from position to know',
    summary: 'Argues that a claim is true because someone in a position to know — a witness, an insider, an official — says so.',
    premises: ['A source is in a position to know about the matter.', 'The source says the claim is true (or false).'],
    conclusion: 'So the claim is true (or false).',
    questions: [
      {
        id: 'cq1',
        text: 'Is the source really in a position to know?',
        forStep: ['Is the source of {reason} really in a position to know?'],
        attacks: 'premise',
        weight: 1,
        objectionPrompt: 'The source is not in a position to know: …',
        promptForStep: ['The source of {reason} is not in a position to know: …'],
      },
      {
        id: 'cq2',
        text: 'Is the source honest — trustworthy and reliable?',
        forStep: ['Is the source of {reason} honest — trustworthy and reliable?'],
        attacks: 'inference',
        weight: 1,
        objectionPrompt: 'The source may not be telling it straight: …',
        promptForStep: ['The source of {reason} may not be telling it straight: …'],
      },
      {
        id: 'cq3',
        text: 'Did the source actually say the claim is true — or something weaker that is being read that way?',
        forStep: ['Did the source actually say {conclusion} — or something weaker that is being read that way?'],
        attacks: 'premise',
        weight: 2,
        objectionPrompt: 'That is not what the source said: …',
        promptForStep: ['The source did not say {conclusion}: …'],
      },
    ],
  },

  'popular-opinion': {
    name: 'Argument from popular opinion',
    summary: 'Argues that a claim is probably true because most people accept it.',
    premises: ['Most people accept the claim.', 'That most people accept it gives a reason in its favour.'],
    conclusion: 'So there is a reason in favour of the claim.',
    questions: [
      {
        id: 'cq1',
        text: 'What evidence — a poll, common knowledge — shows that most people accept the claim?',
        forStep: ['What evidence — a poll, common knowledge — shows that most people accept {conclusion}?'],
        attacks: 'premise',
        weight: 1,
        objectionPrompt: 'Most people do not actually think that: …',
        promptForStep: ['Most people do not actually accept {conclusion}: …'],
      },
      {
        id: 'cq2',
        text: 'Even if most people accept the claim, are there good reasons to doubt it?',
        forStep: ['Even if most people accept {conclusion}, are there good reasons to doubt it?'],
        attacks: 'inference',
        weight: 1,
        objectionPrompt: 'However many people believe it, it is doubtful, because …',
        promptForStep: ['However many people accept {conclusion}, it is doubtful, because …'],
      },
      {
        // Added: whether popular opinion is any guide on this question.
        id: 'cq3',
        text: 'Is this a question popular opinion can settle, or does it need expert knowledge or evidence most people lack?',
        forStep: ['Can popular opinion settle {conclusion}, or does it need expert knowledge or evidence most people lack?'],
        attacks: 'inference',
        weight: 2,
        objectionPrompt: 'This is not something popular opinion can settle, because …',
        promptForStep: ['Popular opinion cannot settle {conclusion}, because …'],
      },
    ],
  },

  commitment: {
    name: 'Argument from commitment',
    summary: 'Argues that someone should accept a claim, or act on it, because it follows from what they have already committed themselves to.',
    premises: [
      'Someone is shown, by the evidence, to be committed to a claim or a course of action.',
      'Generally, whoever is committed to that is also committed to a further claim.',
    ],
    conclusion: 'So, in this case, they are committed to the further claim.',
    questions: [
      {
        id: 'cq1',
        text: 'What shows that the commitment is real — and is there evidence that it is not?',
        forStep: ['What shows that {reason} is a real commitment — and is there evidence that it is not?'],
        attacks: 'premise',
        weight: 1,
        objectionPrompt: 'They are not really committed to that: …',
        promptForStep: ['{reason} is not a real commitment: …'],
      },
      {
        id: 'cq2',
        text: 'Is this an exception — does the commitment really lead to the claim here?',
        forStep: [
          'Does the commitment in {reason} really lead to {conclusion} here — or is this an exception?',
          'Does the commitment really lead to {conclusion} here — or is this an exception?',
        ],
        attacks: 'inference',
        weight: 1,
        objectionPrompt: 'That commitment does not lead to this claim here, because …',
        promptForStep: [
          'The commitment in {reason} does not lead to {conclusion} here, because …',
          'The commitment does not lead to {conclusion} here, because …',
        ],
      },
      {
        // Added: competing commitments.
        id: 'cq3',
        text: 'Do they have other commitments that conflict with this one and should take priority?',
        forStep: ['Are there other commitments that conflict with {conclusion} and should take priority?'],
        attacks: 'inference',
        weight: 2,
        objectionPrompt: 'They are also committed to something that conflicts: …',
        promptForStep: ['They are also committed to something that conflicts with {conclusion}: …'],
      },
      {
        // Added: a commitment can be withdrawn.
        id: 'cq4',
        text: 'Has the commitment since been withdrawn or qualified?',
        forStep: ['Has {reason} since been withdrawn or qualified?'],
        attacks: 'premise',
        weight: 3,
        objectionPrompt: 'They have since qualified that commitment: …',
        promptForStep: ['{reason} has since been withdrawn or qualified: …'],
      },
    ],
  },

  /**
   * Walton, Reed & Macagno's "argument from precedent" is about carving an exception out of a rule;
   * this is the everyday, forward-looking use of precedent ("it worked before, so it will work again"),
   * combining their argument from established rule/practice with the case comparison of analogy.
   */
  'past-practice': {
    name: 'Argument from precedent (past practice)',
    summary: 'Argues that a course of action will work, or is right, now because it worked or was accepted in similar cases before.',
    premises: ['In a past case, an approach worked (or was accepted as the right thing to do).', 'The present case is relevantly like that one.'],
    conclusion: 'So the approach will (presumably) work again, or be right again.',
    questions: [
      {
        id: 'cq1',
        text: 'Is the precedent described accurately — did it really turn out that way before?',
        forStep: ['Is {reason} an accurate account of what happened before?'],
        attacks: 'premise',
        weight: 1,
        objectionPrompt: 'That is not what happened before: …',
        promptForStep: ['{reason} is not what happened: …'],
      },
      {
        id: 'cq2',
        text: 'Have circumstances changed since, so that what worked then may not work now?',
        forStep: ['Have circumstances changed, so that {reason} no longer carries over to now?'],
        attacks: 'inference',
        weight: 1,
        objectionPrompt: 'Things have changed since then: …',
        promptForStep: ['{reason} no longer carries over to now, because …'],
      },
      {
        id: 'cq3',
        text: 'Are there other precedents — past cases in which the same approach failed or was rejected?',
        forStep: ['Are there other past cases that point against {conclusion}?'],
        attacks: 'inference',
        weight: 2,
        objectionPrompt: 'Other past cases went differently: …',
        promptForStep: ['Other past cases point against {conclusion}: …'],
      },
      {
        id: 'cq4',
        text: 'Was the past success really due to that approach, or to other things happening at the time?',
        forStep: ['Was the success in {reason} really due to that approach, or to other things at the time?'],
        attacks: 'premise',
        weight: 2,
        objectionPrompt: 'The past success had other causes: …',
        promptForStep: ['The success in {reason} had other causes: …'],
      },
      {
        id: 'cq5',
        text: 'Is there an established rule or a weightier goal that should override the precedent here?',
        forStep: ['Is there a rule or a weightier goal that should override the precedent behind {conclusion}?'],
        attacks: 'inference',
        weight: 3,
        objectionPrompt: 'Something weightier than precedent applies here: …',
        promptForStep: ['Something weightier than precedent applies to {conclusion}: …'],
      },
    ],
  },
};

/** The scheme catalogue, in the order of {@link SCHEME_IDS}. */
export const SCHEMES: readonly Scheme[] = SCHEME_IDS.map((id) => ({ id, ...CATALOGUE[id] }));

const BY_ID = new Map<string, Scheme>(SCHEMES.map((s) => [s.id, s]));

export function isSchemeId(id: string): id is SchemeId {
  return BY_ID.has(id);
}

export function schemeById(id: string): Scheme | undefined {
  return BY_ID.get(id);
}

/** Resolves a full question id, `"<schemeId>.<cqId>"` (e.g. `"expert-opinion.cq2"`). */
export function questionById(fullId: string): { scheme: Scheme; question: CriticalQuestion } | undefined {
  const dot = fullId.indexOf('.');
  if (dot < 0) return undefined;
  const scheme = BY_ID.get(fullId.slice(0, dot));
  const question = scheme?.questions.find((q) => q.id === fullId.slice(dot + 1));
  return scheme && question ? { scheme, question } : undefined;
}
