// The scoring rubric as data: each rule names the principle it enforces and the sentence the debrief
// shows at the turn that triggered it. Scores start from a base and move by the points of the rules
// that fire; order and timing are part of the rules.
import type { TurnMove } from './moves.ts';
import { SLOW_SHARE } from './customer.ts';

export type Dimension = 'empathy' | 'ownership' | 'timing';
export const DIMENSIONS: readonly Dimension[] = ['empathy', 'ownership', 'timing'];

/** What the rubric needs to know about one turn. */
export interface RubricTurn {
  moves: readonly TurnMove[];
  seconds: number;
  /** Seconds the customer was willing to wait at the start of this turn. */
  patience: number;
}

export interface RuleContext {
  turn: RubricTurn;
  index: number;
  before: readonly RubricTurn[];
  all: readonly RubricTurn[];
  /** True when the scenario gives the player a chance to keep a promise. */
  promiseCanBeKept: boolean;
  /** Moves made in earlier turns and in the whole conversation (derived from before/all, for speed). */
  seenBefore: ReadonlySet<TurnMove>;
  seenAll: ReadonlySet<TurnMove>;
}

export interface Rule {
  id: string;
  dimension: Dimension;
  principle: string;
  points: number;
  feedback: string;
  /** 'turn' rules are checked at every turn; 'end' rules once, attached to the last turn. */
  scope: 'turn' | 'end';
  /** Rules in one group count once, the first to fire wins. A rule without a group may repeat. */
  group?: string;
  applies: (ctx: RuleContext) => boolean;
}

export const BASE: Record<Dimension, number> = { empathy: 30, ownership: 20, timing: 40 };

/**
 * Bumped whenever a rule, its points or the base change, so a stored report says which rubric
 * scored it. 1: the rules before versioning. 2: perks and hedges audited, apologies that blame
 * undone, ratings asked for, promises that cannot be kept; scores capped unless won back.
 */
export const RUBRIC_VERSION = 2;

const has = (t: RubricTurn, ...moves: TurnMove[]) => moves.some((m) => t.moves.includes(m));
const earlier = (ctx: RuleContext, ...moves: TurnMove[]) => moves.some((m) => ctx.seenBefore.has(m));
const ever = (ctx: RuleContext, ...moves: TurnMove[]) => moves.some((m) => ctx.seenAll.has(m));
const upTo = (ctx: RuleContext, ...moves: TurnMove[]) => earlier(ctx, ...moves) || has(ctx.turn, ...moves);
/** Within one line, order follows the text: "I'm so sorry - let me move you now" apologises first. */
const firstIndex = (t: RubricTurn, move: TurnMove) => t.moves.indexOf(move);
/** A perk counts as a solution here: offered before listening, it stands in for hearing them out. */
const SOLUTIONS: readonly TurnMove[] = ['fix', 'offer-options', 'above-and-beyond'];
const remedyFirstInTurn = (t: RubricTurn) => {
  const ack = firstIndex(t, 'acknowledge-feelings');
  const remedies = SOLUTIONS.map((m) => firstIndex(t, m)).filter((i) => i >= 0);
  return remedies.length > 0 && (ack < 0 || Math.min(...remedies) < ack);
};

export const RULES: readonly Rule[] = [
  // Empathy
  {
    id: 'feelings-first',
    dimension: 'empathy',
    principle: 'Feelings before solutions',
    points: 40,
    scope: 'turn',
    group: 'acknowledge',
    feedback: 'You named how the customer felt before reaching for a solution, so they knew they had been heard.',
    applies: (c) => has(c.turn, 'acknowledge-feelings') && !earlier(c, ...SOLUTIONS) && !remedyFirstInTurn(c.turn),
  },
  {
    id: 'feelings-late',
    dimension: 'empathy',
    principle: 'Feelings before solutions',
    points: 15,
    scope: 'turn',
    group: 'acknowledge',
    feedback: 'You did acknowledge their feelings, but only after offering a fix; said first, it would have calmed them sooner.',
    applies: (c) => has(c.turn, 'acknowledge-feelings'),
  },
  {
    id: 'solution-before-feelings',
    dimension: 'empathy',
    principle: 'Feelings before solutions',
    points: -20,
    scope: 'turn',
    group: 'solution-first',
    feedback: 'You jumped to a solution before showing you understood how they felt; it can sound like you want them gone.',
    applies: (c) => has(c.turn, ...SOLUTIONS) && !earlier(c, 'acknowledge-feelings') && remedyFirstInTurn(c.turn),
  },
  {
    id: 'listened',
    dimension: 'empathy',
    principle: 'Listen actively',
    points: 15,
    scope: 'turn',
    group: 'listened',
    feedback: 'A real question found the problem behind the anger instead of the one you assumed.',
    applies: (c) => has(c.turn, 'ask-clarifying'),
  },
  {
    id: 'welcomed-complaint',
    dimension: 'empathy',
    principle: 'Welcome complaints',
    points: 10,
    scope: 'turn',
    group: 'welcomed',
    feedback: 'Thanking them for speaking up treats the complaint as the gift it is: most unhappy customers just leave.',
    applies: (c) => has(c.turn, 'thank-for-complaint'),
  },
  {
    id: 'argued',
    dimension: 'empathy',
    principle: 'See it through their eyes',
    points: -25,
    scope: 'turn',
    feedback: 'You told the customer they were wrong to feel as they do. What matters is how they see it, not how others did.',
    applies: (c) => has(c.turn, 'argue'),
  },
  {
    id: 'dismissed',
    dimension: 'empathy',
    principle: 'See it through their eyes',
    points: -20,
    scope: 'turn',
    feedback: 'Making the problem sound small makes the customer feel small. It is big to them, so treat it that way.',
    applies: (c) => has(c.turn, 'dismiss'),
  },
  {
    id: 'platitude',
    dimension: 'empathy',
    principle: 'Be human',
    points: -10,
    scope: 'turn',
    feedback: 'A canned phrase with nothing behind it sounds like a script, not a person. Say what you will actually do.',
    applies: (c) => has(c.turn, 'scripted-platitude'),
  },
  {
    id: 'fished-for-rating',
    dimension: 'empathy',
    principle: 'Be human',
    points: -15,
    scope: 'turn',
    feedback: 'Asking for a good rating turns their problem into your score. Earn it by fixing things; never ask while they are still upset.',
    applies: (c) => has(c.turn, 'ask-for-rating'),
  },
  {
    id: 'left-in-silence',
    dimension: 'empathy',
    principle: 'Listen actively',
    points: -10,
    scope: 'turn',
    feedback: 'You said nothing until the customer ran out of patience. Even "Let me look at that right now" keeps them with you.',
    applies: (c) => has(c.turn, 'silence'),
  },
  {
    id: 'never-acknowledged',
    dimension: 'empathy',
    principle: 'Feelings before solutions',
    points: -10,
    scope: 'end',
    feedback: 'At no point did you acknowledge how the customer felt.',
    applies: (c) => !ever(c, 'acknowledge-feelings'),
  },

  // Ownership
  {
    id: 'apologized',
    dimension: 'ownership',
    principle: 'Apologise at once',
    points: 25,
    scope: 'turn',
    group: 'apology',
    feedback: 'A plain, sincere apology on behalf of the company.',
    applies: (c) => has(c.turn, 'apologize'),
  },
  {
    id: 'owned-it',
    dimension: 'ownership',
    principle: 'You are the company',
    points: 20,
    scope: 'turn',
    group: 'owned',
    feedback: 'You took responsibility as the company, even though the mistake was not yours personally.',
    applies: (c) => has(c.turn, 'own-it'),
  },
  {
    id: 'concrete-options',
    dimension: 'ownership',
    principle: 'Offer concrete options',
    points: 20,
    scope: 'turn',
    group: 'options',
    feedback: 'Concrete options showed you were on top of it and let the customer choose without doing your job for you.',
    applies: (c) => has(c.turn, 'offer-options'),
  },
  {
    id: 'fixed',
    dimension: 'ownership',
    principle: 'Act quickly',
    points: 15,
    scope: 'turn',
    group: 'fix',
    feedback: 'You did something concrete to put it right, there and then.',
    applies: (c) => has(c.turn, 'fix'),
  },
  {
    id: 'promise-made',
    dimension: 'ownership',
    principle: 'Keep promises',
    points: 5,
    scope: 'turn',
    group: 'promise',
    feedback: 'A follow-up with a stated time gives the customer something to hold you to.',
    applies: (c) => has(c.turn, 'promise-followup'),
  },
  {
    id: 'promise-kept',
    dimension: 'ownership',
    principle: 'Follow up',
    points: 15,
    scope: 'turn',
    group: 'kept',
    feedback: 'You came back when you said you would, with news of what changed. That is what rebuilds trust.',
    applies: (c) => has(c.turn, 'keep-promise') && earlier(c, 'promise-followup'),
  },
  {
    id: 'blamed-someone',
    dimension: 'ownership',
    principle: "Don't pass the buck",
    points: -30,
    scope: 'turn',
    feedback: 'Blaming a colleague, a supplier or the customer makes the whole company look careless. To them you are the company.',
    applies: (c) => has(c.turn, 'blame-other'),
  },
  {
    id: 'apology-undone',
    dimension: 'ownership',
    principle: "Don't pass the buck",
    points: -10,
    scope: 'turn',
    group: 'undone',
    feedback: 'You apologised, then pointed at someone or something else. "Sorry, but..." takes the apology back; the customer hears only the "but".',
    applies: (c) => has(c.turn, 'blame-other', 'excuse') && (earlier(c, 'apologize') || apologyThen(c.turn, 'blame-other', 'excuse')),
  },
  {
    id: 'hedged',
    dimension: 'ownership',
    principle: 'Keep promises',
    points: -10,
    scope: 'turn',
    feedback: '"I\'ll see what I can do" commits to nothing the customer can hold you to. Say what you will do and by when.',
    applies: (c) => has(c.turn, 'hedge'),
  },
  {
    id: 'overpromised',
    dimension: 'ownership',
    principle: 'Keep promises',
    points: -25,
    scope: 'turn',
    feedback: 'You promised something the company cannot deliver. It calms them today; when it slips, the second letdown is worse than the first. Promise only what you can keep.',
    applies: (c) => has(c.turn, 'overpromise'),
  },
  {
    id: 'made-excuses',
    dimension: 'ownership',
    principle: 'No excuses',
    points: -15,
    scope: 'turn',
    feedback: 'Reasons given before anything is fixed sound like excuses. Fix it first; explain later if they want to know.',
    applies: (c) => has(c.turn, 'excuse') && !upTo(c, 'fix'),
  },
  {
    id: 'excuse-after-fix',
    dimension: 'ownership',
    principle: 'No excuses',
    points: -5,
    scope: 'turn',
    feedback: 'It was fixed by then, but reasons that shift the weight off the company still sound like excuses. Explain plainly, or not at all.',
    applies: (c) => has(c.turn, 'excuse') && upTo(c, 'fix'),
  },
  {
    id: 'passed-the-buck',
    dimension: 'ownership',
    principle: "Don't pass the buck",
    points: -25,
    scope: 'turn',
    feedback: '"Not my department" or a cold transfer leaves the customer to start again. Stay with them until it is handled.',
    applies: (c) => has(c.turn, 'pass-the-buck'),
  },
  {
    id: 'bare-what-do-you-want',
    dimension: 'ownership',
    principle: 'Offer concrete options',
    points: -10,
    scope: 'turn',
    group: 'bare-question',
    feedback: '"What do you want us to do?" puts the work on the customer. Offer two or three things you can do instead.',
    applies: (c) => has(c.turn, 'ask-what-they-want') && !upTo(c, 'offer-options'),
  },
  {
    id: 'never-apologized',
    dimension: 'ownership',
    principle: 'Apologise at once',
    points: -15,
    scope: 'end',
    feedback: 'You never said sorry. An apology with a remedy satisfies about twice as many customers as the remedy alone.',
    applies: (c) => !ever(c, 'apologize'),
  },
  {
    id: 'promise-broken',
    dimension: 'ownership',
    principle: 'Keep promises',
    points: -20,
    scope: 'end',
    feedback: 'You promised to follow up and had the chance to, but never did. A broken promise undoes the apology.',
    applies: (c) => c.promiseCanBeKept && ever(c, 'promise-followup') && !ever(c, 'keep-promise'),
  },

  // Remedy timing
  {
    id: 'early-apology',
    dimension: 'timing',
    principle: 'Apologise at once',
    points: 20,
    scope: 'turn',
    group: 'apology-timing',
    feedback: 'You apologised straight away, before any explanation. That is what lets an angry customer calm down.',
    applies: (c) => has(c.turn, 'apologize') && c.index < 2,
  },
  {
    id: 'late-apology',
    dimension: 'timing',
    principle: 'Apologise at once',
    points: 5,
    scope: 'turn',
    group: 'apology-timing',
    feedback: 'The apology came, but late; said in your first reply it would have lowered the temperature sooner.',
    applies: (c) => has(c.turn, 'apologize'),
  },
  {
    id: 'fix-after-listening',
    dimension: 'timing',
    principle: 'Act quickly',
    points: 20,
    scope: 'turn',
    group: 'fix-timing',
    feedback: 'The fix came at the right moment: after they felt heard, and before their patience ran out.',
    applies: (c) => has(c.turn, 'fix') && upTo(c, 'acknowledge-feelings'),
  },
  {
    id: 'explained-after-fix',
    dimension: 'timing',
    principle: 'Fix first, explain after',
    points: 10,
    scope: 'turn',
    group: 'explain-timing',
    feedback: 'You explained what went wrong only once it was fixed, when the customer could actually listen.',
    applies: (c) => has(c.turn, 'explain-cause') && upTo(c, 'fix'),
  },
  {
    id: 'explained-before-fix',
    dimension: 'timing',
    principle: 'Fix first, explain after',
    points: -15,
    scope: 'turn',
    feedback: 'Explaining the cause before fixing anything sounds like an excuse to someone still upset.',
    applies: (c) => has(c.turn, 'explain-cause') && !upTo(c, 'fix'),
  },
  {
    id: 'extra-after-fix',
    dimension: 'timing',
    principle: 'Make it better than right',
    points: 10,
    scope: 'turn',
    group: 'extra',
    feedback: 'A personal extra after the fix made it better than right, and it fitted this customer.',
    applies: (c) => has(c.turn, 'above-and-beyond') && upTo(c, 'fix'),
  },
  {
    id: 'extra-as-bribe',
    dimension: 'timing',
    principle: 'Make it better than right',
    points: -15,
    scope: 'turn',
    feedback: 'A freebie before listening feels like a bribe to make them go away. Listen and fix first; the extra comes last.',
    group: 'extra-early',
    applies: (c) => has(c.turn, 'above-and-beyond') && !upTo(c, 'fix') && !upTo(c, 'acknowledge-feelings', 'ask-clarifying'),
  },
  {
    id: 'extra-before-fix',
    dimension: 'timing',
    principle: 'Make it better than right',
    points: -10,
    scope: 'turn',
    group: 'extra-early',
    feedback: 'The extra came before the problem was fixed, so it reads as a sweetener instead of a thank-you. Fix first; the personal touch comes last.',
    applies: (c) => has(c.turn, 'above-and-beyond') && !upTo(c, 'fix'),
  },
  {
    id: 'followed-up',
    dimension: 'timing',
    principle: 'Follow up',
    points: 10,
    scope: 'turn',
    group: 'followup-timing',
    feedback: 'The follow-up came when promised.',
    applies: (c) => has(c.turn, 'keep-promise') && earlier(c, 'promise-followup'),
  },
  {
    id: 'hesitated',
    dimension: 'timing',
    principle: 'Act quickly',
    points: -5,
    scope: 'turn',
    feedback: 'You took long enough that the customer was left hanging; a short "let me check that now" buys time honestly.',
    applies: (c) => !has(c.turn, 'silence') && c.turn.seconds > c.turn.patience * SLOW_SHARE,
  },
  {
    id: 'patience-ran-out',
    dimension: 'timing',
    principle: 'Act quickly',
    points: -15,
    scope: 'turn',
    feedback: 'The customer ran out of patience waiting for you to say something.',
    applies: (c) => has(c.turn, 'silence'),
  },
  {
    id: 'never-remedied',
    dimension: 'timing',
    principle: 'Act quickly',
    points: -20,
    scope: 'end',
    feedback: 'The conversation ended without any remedy offered or done.',
    applies: (c) => !ever(c, 'fix', 'offer-options'),
  },
];

/** True when, within one line, an apology comes before one of these moves ("I'm sorry, but..."). */
function apologyThen(t: RubricTurn, ...moves: TurnMove[]): boolean {
  const sorry = firstIndex(t, 'apologize');
  return sorry >= 0 && moves.some((m) => t.moves.indexOf(m) > sorry);
}

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
