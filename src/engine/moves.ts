// The move vocabulary: the public contract between scenario files, the rubric and the CLI.
// Names are part of the file format; add new ones, never rename.

export const MOVES = [
  'acknowledge-feelings',
  'ask-clarifying',
  'thank-for-complaint',
  'apologize',
  'own-it',
  'offer-options',
  'fix',
  'explain-cause',
  'above-and-beyond',
  'promise-followup',
  'keep-promise',
  'argue',
  'dismiss',
  'scripted-platitude',
  'blame-other',
  'excuse',
  'ask-what-they-want',
  'pass-the-buck',
  'hedge',
  'overpromise',
  'ask-for-rating',
] as const;

export type Move = (typeof MOVES)[number];

/** A turn where the player said nothing until the customer's patience ran out. */
export const SILENCE = 'silence' as const;
export type TurnMove = Move | typeof SILENCE;

export type MoveKind = 'good' | 'weak' | 'anti';

export interface MoveInfo {
  meaning: string;
  principle: string;
  kind: MoveKind;
}

export const MOVE_INFO: Record<Move, MoveInfo> = {
  'acknowledge-feelings': { meaning: 'names and validates what the customer feels', principle: 'Feelings before solutions', kind: 'good' },
  'ask-clarifying': { meaning: 'asks a real question to find the actual problem', principle: 'Listen actively', kind: 'good' },
  'thank-for-complaint': { meaning: 'welcomes the complaint as a gift', principle: 'Welcome complaints', kind: 'good' },
  apologize: { meaning: 'apologises sincerely, as the company', principle: 'Apologise at once', kind: 'good' },
  'own-it': { meaning: "takes responsibility, also for a colleague's mistake", principle: 'You are the company', kind: 'good' },
  'offer-options': { meaning: 'offers concrete choices', principle: 'Offer concrete options', kind: 'good' },
  fix: { meaning: 'does the concrete remedy now', principle: 'Act quickly', kind: 'good' },
  'explain-cause': { meaning: 'gives an honest account of what went wrong', principle: 'Fix first, explain after', kind: 'good' },
  'above-and-beyond': { meaning: 'adds a personal extra that fits this customer', principle: 'Make it better than right', kind: 'good' },
  'promise-followup': { meaning: 'commits to a follow-up at a stated time', principle: 'Keep promises', kind: 'good' },
  'keep-promise': { meaning: 'follows up as promised, with what changed', principle: 'Follow up', kind: 'good' },
  argue: { meaning: "contradicts or corrects the customer's feelings", principle: 'See it through their eyes', kind: 'anti' },
  dismiss: { meaning: 'minimises the problem', principle: 'See it through their eyes', kind: 'anti' },
  'scripted-platitude': { meaning: 'a canned line with no substance', principle: 'Be human', kind: 'anti' },
  'blame-other': { meaning: 'blames a colleague, department, supplier or the customer', principle: "Don't pass the buck", kind: 'anti' },
  excuse: { meaning: 'offers reasons to deflect before anything is fixed', principle: 'No excuses', kind: 'anti' },
  'ask-what-they-want': { meaning: 'a bare "what do you want us to do?"', principle: 'Offer concrete options', kind: 'weak' },
  'pass-the-buck': { meaning: 'a cold transfer or "not my department"', principle: "Don't pass the buck", kind: 'anti' },
  hedge: { meaning: 'a vague commitment with no what or when ("I\'ll see what I can do")', principle: 'Keep promises', kind: 'weak' },
  overpromise: { meaning: 'promises a time or result the company cannot deliver', principle: 'Keep promises', kind: 'anti' },
  'ask-for-rating': { meaning: 'asks for a good rating or review while the problem is still raw', principle: 'Be human', kind: 'anti' },
};

export const REMEDY_MOVES: ReadonlySet<Move> = new Set(['fix', 'offer-options']);

export function isMove(value: string): value is Move {
  return (MOVES as readonly string[]).includes(value);
}
