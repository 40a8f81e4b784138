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
  /** The question as a teacher would ask it, phrased for this scheme. */
  text: string;
  attacks: QuestionTarget;
  /** 1 = ask this first; 3 = a refinement. Orders the list of open questions. */
  weight: 1 | 2 | 3;
  /** How an objection raised from this question might begin; prefills the objection form. */
  objectionPrompt: string;
}

export interface Scheme {
  id: string;
  name: string;
  /** One sentence: what this pattern of reasoning does. */
  summary: string;
  /** The premise pattern, with variables (e.g. "Source E is an expert in domain D."). */
  premises: string[];
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
 * that premise combines (e.g. "C will happen" and "C is good"). Questions added to Walton's list (for schemes he gives only two or three
 * questions, or where a student needs a plainer one) come after his, and are marked "Added".
 * Question ids are stable: they are stored on conflicts (`Conflict.question`), so never renumber.
 */
const CATALOGUE: Record<SchemeId, Omit<Scheme, 'id'>> = {
  example: {
    name: 'Argument from example',
    summary: 'Uses a real case to back up a general claim: “it happened here, so this is how things tend to go.”',
    premises: ['In this particular case, the individual a has property F.', 'In this case, a also has property G.'],
    conclusion: 'Therefore, generally, if x has property F, then it also has property G.',
    questions: [
      {
        id: 'cq1',
        text: 'Is what the example says actually true?',
        attacks: 'premise',
        weight: 1,
        objectionPrompt: 'The example is not accurate: …',
      },
      {
        id: 'cq2',
        text: 'Does the example really support the general claim — is it a genuine case of it?',
        attacks: 'inference',
        weight: 2,
        objectionPrompt: 'The example does not show what it is meant to show: …',
      },
      {
        id: 'cq3',
        text: 'Is the example typical of the cases the general claim covers?',
        attacks: 'inference',
        weight: 1,
        objectionPrompt: 'The example is not typical: …',
      },
      {
        id: 'cq4',
        text: 'How strong is the generalisation — are there counterexamples?',
        attacks: 'inference',
        weight: 1,
        objectionPrompt: 'There are counterexamples: …',
      },
      {
        id: 'cq5',
        text: 'Were there special circumstances in the example that stop it carrying over to other cases?',
        attacks: 'inference',
        weight: 2,
        objectionPrompt: 'The example had special circumstances: …',
      },
    ],
  },

  analogy: {
    name: 'Argument from analogy',
    summary: 'Argues that because two cases are alike, what is true in one is true in the other as well.',
    premises: ['Generally, case C1 is similar to case C2.', 'A is true (false) in case C1.'],
    conclusion: 'A is true (false) in case C2.',
    questions: [
      {
        id: 'cq1',
        text: 'Are there relevant differences between C1 and C2 that would undermine the similarity?',
        attacks: 'inference',
        weight: 1,
        objectionPrompt: 'The cases differ in a way that matters: …',
      },
      {
        id: 'cq2',
        text: 'Is A really true (false) in C1?',
        attacks: 'premise',
        weight: 1,
        objectionPrompt: 'It is not true even in the first case: …',
      },
      {
        id: 'cq3',
        text: 'Is there some other case, C3, that is also similar to C1 but in which A is false (true)?',
        attacks: 'inference',
        weight: 2,
        objectionPrompt: 'A different comparison points the other way: …',
      },
      {
        // Added: doubts the similarity premise itself, where cq1 grants it but finds a difference that matters.
        id: 'cq4',
        text: 'Are C1 and C2 actually alike in the respects the argument relies on?',
        attacks: 'premise',
        weight: 2,
        objectionPrompt: 'The two cases are not really alike: …',
      },
    ],
  },

  'cause-to-effect': {
    name: 'Argument from cause to effect',
    summary: 'Argues that because a cause is present, its usual effect will follow (or has followed).',
    premises: ['Generally, if A occurs, then B will (might) occur.', 'In this case, A occurs (might occur).'],
    conclusion: 'Therefore, in this case, B will (might) occur.',
    questions: [
      {
        id: 'cq1',
        text: 'How strong is the causal link — does A really tend to produce B?',
        attacks: 'premise',
        weight: 1,
        objectionPrompt: 'A does not reliably lead to B: …',
      },
      {
        id: 'cq2',
        text: 'Is the evidence for the causal link strong enough to support it as stated?',
        attacks: 'premise',
        weight: 2,
        objectionPrompt: 'The evidence for that causal link is too weak: …',
      },
      {
        id: 'cq3',
        text: 'Are there other factors that would interfere with or counteract the effect in this case?',
        attacks: 'inference',
        weight: 1,
        objectionPrompt: 'Something else will get in the way: …',
      },
      {
        // Added: the minor premise.
        id: 'cq4',
        text: 'Does A really occur in this case?',
        attacks: 'premise',
        weight: 2,
        objectionPrompt: 'The cause is not actually present: …',
      },
      {
        // Added: for arguments that explain an effect that has already happened.
        id: 'cq5',
        text: 'If B has already happened, could some other cause explain it?',
        attacks: 'inference',
        weight: 2,
        objectionPrompt: 'Something else could explain the effect: …',
      },
    ],
  },

  'correlation-to-cause': {
    name: 'Argument from correlation to cause',
    summary: 'Argues that one thing causes another because the two tend to happen together.',
    premises: ['In the cases observed, A and B occur together (or B follows A).', 'There is a positive correlation between A and B.'],
    conclusion: 'Therefore, A causes B.',
    questions: [
      {
        id: 'cq1',
        text: 'Is there really a positive correlation between A and B?',
        attacks: 'premise',
        weight: 1,
        objectionPrompt: 'There is no real link between them: …',
      },
      {
        id: 'cq2',
        text: 'Are there enough cases of the correlation to rule out coincidence?',
        attacks: 'inference',
        weight: 2,
        objectionPrompt: 'It could be a coincidence: …',
      },
      {
        id: 'cq3',
        text: 'Is there good evidence that the causation runs from A to B, and not from B to A?',
        attacks: 'inference',
        weight: 2,
        objectionPrompt: 'It may be the other way round: …',
      },
      {
        id: 'cq4',
        text: 'Can it be ruled out that some third factor causes both A and B — could some other cause explain the effect?',
        attacks: 'inference',
        weight: 1,
        objectionPrompt: 'Something else could explain both: …',
      },
      {
        id: 'cq5',
        text: 'If there are steps in between, is the link from A to B only indirect, running through other causes?',
        attacks: 'inference',
        weight: 3,
        objectionPrompt: 'The link runs through something else: …',
      },
    ],
  },

  sign: {
    name: 'Argument from sign',
    summary: 'Argues that something is true because we can see a sign of it, the way smoke is a sign of fire.',
    premises: ['A (a finding) is true in this situation.', 'B is generally indicated as true when its sign, A, is true.'],
    conclusion: 'B is true in this situation.',
    questions: [
      {
        id: 'cq1',
        text: 'How strong is the link between the sign and what it is supposed to show?',
        attacks: 'premise',
        weight: 1,
        objectionPrompt: 'That sign does not reliably mean this: …',
      },
      {
        id: 'cq2',
        text: 'Are there other events that would more reliably account for the sign?',
        attacks: 'inference',
        weight: 1,
        objectionPrompt: 'There is a better explanation for the sign: …',
      },
      {
        // Added: the finding itself.
        id: 'cq3',
        text: 'Is the sign really there — is A true in this situation?',
        attacks: 'premise',
        weight: 2,
        objectionPrompt: 'The sign is not really there: …',
      },
      {
        // Added: counter-signs.
        id: 'cq4',
        text: 'Are there other signs in the same situation that point the other way?',
        attacks: 'inference',
        weight: 2,
        objectionPrompt: 'Other signs point the other way: …',
      },
    ],
  },

  'positive-consequences': {
    name: 'Argument from positive consequences',
    summary: 'Argues that we should do something because it will lead to good results.',
    premises: ['If A is brought about, consequences C will plausibly occur.', 'Consequences C are good.'],
    conclusion: 'Therefore, A should be brought about.',
    questions: [
      {
        id: 'cq1',
        text: 'How likely is it that the good consequences will actually happen?',
        attacks: 'premise',
        weight: 1,
        objectionPrompt: 'Those good results are unlikely: …',
      },
      {
        id: 'cq2',
        text: 'What evidence shows that they will happen, and is it strong enough?',
        attacks: 'premise',
        weight: 2,
        objectionPrompt: 'There is too little evidence for those results: …',
      },
      {
        id: 'cq3',
        text: 'Are there bad consequences that should also be taken into account?',
        attacks: 'inference',
        weight: 1,
        objectionPrompt: 'It would also have bad consequences: …',
      },
      {
        // Added: the value premise.
        id: 'cq4',
        text: 'Are the consequences really good — and good for whom?',
        attacks: 'premise',
        weight: 2,
        objectionPrompt: 'Those results are not as good as claimed: …',
      },
      {
        // Added: from practical reasoning's alternatives question.
        id: 'cq5',
        text: 'Is there another way to get the same good results at a lower cost?',
        attacks: 'inference',
        weight: 3,
        objectionPrompt: 'The same good could be had another way: …',
      },
    ],
  },

  'negative-consequences': {
    name: 'Argument from negative consequences',
    summary: 'Argues that we should not do something because it will lead to bad results.',
    premises: ['If A is brought about, consequences C will plausibly occur.', 'Consequences C are bad.'],
    conclusion: 'Therefore, A should not be brought about.',
    questions: [
      {
        id: 'cq1',
        text: 'How likely is it that the bad consequences will actually happen?',
        attacks: 'premise',
        weight: 1,
        objectionPrompt: 'Those bad results are unlikely: …',
      },
      {
        id: 'cq2',
        text: 'What evidence shows that they will happen, and is it strong enough?',
        attacks: 'premise',
        weight: 2,
        objectionPrompt: 'There is too little evidence for those results: …',
      },
      {
        id: 'cq3',
        text: 'Are there good consequences that should also be taken into account — enough to outweigh the bad ones?',
        attacks: 'inference',
        weight: 1,
        objectionPrompt: 'It would also have good consequences: …',
      },
      {
        // Added: the value premise.
        id: 'cq4',
        text: 'Are the consequences really bad — and bad for whom?',
        attacks: 'premise',
        weight: 2,
        objectionPrompt: 'Those results are not as bad as claimed: …',
      },
      {
        // Added: mitigation.
        id: 'cq5',
        text: 'Could the bad results be prevented or reduced without giving up A?',
        attacks: 'inference',
        weight: 3,
        objectionPrompt: 'The bad results could be avoided: …',
      },
    ],
  },

  'practical-reasoning': {
    name: 'Practical reasoning (from goal to action)',
    summary: 'Argues that someone should do something because it is a way to reach a goal they have.',
    premises: ['Agent a has a goal G.', 'Carrying out action A is a means to realise G.'],
    conclusion: 'Therefore, a ought (practically speaking) to carry out action A.',
    questions: [
      {
        id: 'cq1',
        text: 'What other goals does a have that might conflict with G?',
        attacks: 'inference',
        weight: 2,
        objectionPrompt: 'That clashes with another goal: …',
      },
      {
        id: 'cq2',
        text: 'Are there alternative means — other actions that would also bring about G?',
        attacks: 'inference',
        weight: 1,
        objectionPrompt: 'There are other ways to reach the goal: …',
      },
      {
        id: 'cq3',
        text: 'Among A and these alternatives, which is the most efficient?',
        attacks: 'inference',
        weight: 3,
        objectionPrompt: 'Another way would work better: …',
      },
      {
        id: 'cq4',
        text: 'Is it practically possible for a to carry out A?',
        attacks: 'premise',
        weight: 1,
        objectionPrompt: 'It cannot actually be done: …',
      },
      {
        id: 'cq5',
        text: 'What side effects of doing A should also be taken into account?',
        attacks: 'inference',
        weight: 1,
        objectionPrompt: 'It would have side effects: …',
      },
      {
        // Added: the means premise, in plain words.
        id: 'cq6',
        text: 'Will carrying out A actually bring about G?',
        attacks: 'premise',
        weight: 1,
        objectionPrompt: 'Doing that would not achieve the goal: …',
      },
    ],
  },

  'expert-opinion': {
    name: 'Argument from expert opinion',
    summary: 'Argues that a claim is true because an expert in the field says so.',
    premises: ['Source E is an expert in subject domain S containing proposition A.', 'E asserts that proposition A is true (false).'],
    conclusion: 'A is true (false).',
    questions: [
      {
        // Expertise question.
        id: 'cq1',
        text: 'How credible is E as an expert source — is E a genuine expert?',
        attacks: 'premise',
        weight: 1,
        objectionPrompt: 'E is not a real expert: …',
      },
      {
        // Field question.
        id: 'cq2',
        text: 'Is E an expert in the field that A is in?',
        attacks: 'premise',
        weight: 1,
        objectionPrompt: 'That is outside E’s field: …',
      },
      {
        // Opinion question.
        id: 'cq3',
        text: 'What exactly did E assert, and does it really imply A?',
        attacks: 'premise',
        weight: 2,
        objectionPrompt: 'E did not actually say that: …',
      },
      {
        // Trustworthiness question.
        id: 'cq4',
        text: 'Is E personally reliable — honest, unbiased, with no stake in the answer?',
        attacks: 'inference',
        weight: 1,
        objectionPrompt: 'E may be biased: …',
      },
      {
        // Consistency question.
        id: 'cq5',
        text: 'Is A consistent with what other experts say?',
        attacks: 'inference',
        weight: 2,
        objectionPrompt: 'Other experts disagree: …',
      },
      {
        // Backup evidence question.
        id: 'cq6',
        text: 'Is E’s assertion based on evidence?',
        attacks: 'inference',
        weight: 2,
        objectionPrompt: 'E’s view is not backed by evidence: …',
      },
    ],
  },

  'position-to-know': {
    name: 'Argument from position to know',
    summary: 'Argues that a claim is true because someone in a position to know — a witness, an insider, an official — says so.',
    premises: [
      'Source a is in a position to know about things in a certain subject domain S containing proposition A.',
      'a asserts that A is true (false).',
    ],
    conclusion: 'A is true (false).',
    questions: [
      {
        id: 'cq1',
        text: 'Is a really in a position to know whether A is true?',
        attacks: 'premise',
        weight: 1,
        objectionPrompt: 'They are not in a position to know: …',
      },
      {
        id: 'cq2',
        text: 'Is a an honest (trustworthy, reliable) source?',
        attacks: 'inference',
        weight: 1,
        objectionPrompt: 'They may not be telling it straight: …',
      },
      {
        id: 'cq3',
        text: 'Did a actually assert that A is true — or something weaker that is being read as A?',
        attacks: 'premise',
        weight: 2,
        objectionPrompt: 'That is not what they said: …',
      },
    ],
  },

  'popular-opinion': {
    name: 'Argument from popular opinion',
    summary: 'Argues that a claim is probably true because most people accept it.',
    premises: ['A is generally accepted as true.', 'If A is generally accepted as true, that gives a reason in favour of A.'],
    conclusion: 'There is a reason in favour of A.',
    questions: [
      {
        id: 'cq1',
        text: 'What evidence — a poll, common knowledge — shows that A is generally accepted?',
        attacks: 'premise',
        weight: 1,
        objectionPrompt: 'Most people do not actually think that: …',
      },
      {
        id: 'cq2',
        text: 'Even if A is generally accepted, are there good reasons to doubt that it is true?',
        attacks: 'inference',
        weight: 1,
        objectionPrompt: 'However many people believe it, …',
      },
      {
        // Added: whether popular opinion is any guide on this question.
        id: 'cq3',
        text: 'Is this a question popular opinion can settle, or does it need expert knowledge or evidence most people lack?',
        attacks: 'inference',
        weight: 2,
        objectionPrompt: 'This is not something popular opinion can settle: …',
      },
    ],
  },

  commitment: {
    name: 'Argument from commitment',
    summary: 'Argues that someone should accept a claim, or act on it, because it follows from what they have already committed themselves to.',
    premises: [
      'In this case it was shown that a is committed to proposition A (or to a course of action), according to the evidence.',
      'Generally, when an arguer is committed to A, it can be inferred that they are also committed to B.',
    ],
    conclusion: 'In this case, a is committed to B.',
    questions: [
      {
        id: 'cq1',
        text: 'What evidence shows that a is really committed to A — and is there evidence that they are not?',
        attacks: 'premise',
        weight: 1,
        objectionPrompt: 'They are not really committed to that: …',
      },
      {
        id: 'cq2',
        text: 'Is this an exception — does being committed to A really commit a to B here?',
        attacks: 'inference',
        weight: 1,
        objectionPrompt: 'Being committed to A does not commit them to B here: …',
      },
      {
        // Added: competing commitments.
        id: 'cq3',
        text: 'Does a have other commitments that conflict with B and should take priority?',
        attacks: 'inference',
        weight: 2,
        objectionPrompt: 'They are also committed to something that conflicts: …',
      },
      {
        // Added: a commitment can be withdrawn.
        id: 'cq4',
        text: 'Has a since withdrawn or qualified the commitment to A?',
        attacks: 'premise',
        weight: 3,
        objectionPrompt: 'They have since qualified that commitment: …',
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
    premises: [
      'In past case C, doing A brought about outcome O (or was accepted as the right thing to do).',
      'The present case C* is relevantly like C.',
    ],
    conclusion: 'Doing A in C* will (presumably) bring about O again (or is the right thing to do again).',
    questions: [
      {
        id: 'cq1',
        text: 'Is the precedent described accurately — did doing A really bring about O in the past case?',
        attacks: 'premise',
        weight: 1,
        objectionPrompt: 'That is not what happened before: …',
      },
      {
        id: 'cq2',
        text: 'Have circumstances changed since, so that what worked then may not work now?',
        attacks: 'inference',
        weight: 1,
        objectionPrompt: 'Things have changed since then: …',
      },
      {
        id: 'cq3',
        text: 'Are there other precedents — past cases in which A failed or was rejected?',
        attacks: 'inference',
        weight: 2,
        objectionPrompt: 'Other past cases went differently: …',
      },
      {
        id: 'cq4',
        text: 'Was O really due to A, or to other things happening at the time?',
        attacks: 'premise',
        weight: 2,
        objectionPrompt: 'The past success had other causes: …',
      },
      {
        id: 'cq5',
        text: 'Is there an established rule or a weightier goal that should override the precedent here?',
        attacks: 'inference',
        weight: 3,
        objectionPrompt: 'Something weightier than precedent applies here: …',
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
