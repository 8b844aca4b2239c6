// The scenario file format, as a zod schema. The JSON Schema in scenarios/ is generated from it.
import { z } from 'zod';
import { MOVES } from './moves.ts';
import { CONDITION_HELP, CONDITION_PATTERN, parseCondition } from './condition.ts';
import { EMOTIONS, OUTCOMES, PERSONAS, SETTINGS } from './vocabulary.ts';

export { CONDITION_PATTERN, EMOTIONS, OUTCOMES, PERSONAS, SETTINGS };
export type { Emotion, Outcome, Persona, Setting } from './vocabulary.ts';

const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens, like "hotel-desk"');


const branch = z.strictObject({
  if: z
    .string()
    .regex(CONDITION_PATTERN, CONDITION_HELP)
    .superRefine((c, ctx) => {
      // The pattern above already reports a malformed condition; this adds only unknown move names.
      if (!CONDITION_PATTERN.test(c)) return;
      const p = parseCondition(c);
      if (!p.ok) ctx.addIssue({ code: 'custom', message: p.message });
    })
    .optional()
    .describe(
      'Condition on the customer after this reply, e.g. "mood >= 60", "distrust < 20", "said blame-other", "not said apologize"; clauses joined by "and". The first branch whose condition holds is taken.',
    ),
  to: slug.describe('Node or ending id'),
});

export const nextSchema = z
  .union([slug, z.array(branch).min(1)])
  .describe('Where this leads: a node or ending id, or a list of branches tried in order (the last without "if").');

const effect = z.strictObject({
  mood: z.number().min(-100).max(100).optional().describe('Extra change to satisfaction (0-100 scale)'),
  patience: z.number().min(-60).max(60).optional().describe('Extra change to patience, in seconds'),
});

export const choiceSchema = z.strictObject({
  id: slug.describe('Unique within its node; used in transcripts and by `play --choices`'),
  text: z.string().describe('What the player says'),
  moves: z.array(z.enum(MOVES)).min(1, 'a choice needs at least one move').describe('Moves this line makes'),
  next: nextSchema,
  effect: effect.optional(),
  note: z.string().optional().describe('Author note shown in the debrief for this choice'),
});

export const silenceSchema = z.strictObject({
  line: z.string().min(1).optional().describe('What the customer does when patience runs out'),
  next: nextSchema,
  effect: effect.optional(),
});

export const nodeSchema = z.strictObject({
  narration: z.string().optional().describe('Scene text shown before the line, e.g. "Two hours later..."'),
  line: z.string().min(1, 'the customer needs a line'),
  emotion: z.enum(EMOTIONS),
  patience: z.number().min(5).max(90).optional().describe('Most seconds the customer waits here (a shorter fuse at this point)'),
  choices: z.array(choiceSchema).min(1, 'a node needs at least one choice; use an ending to stop'),
  silence: silenceSchema.optional(),
});

export const endingSchema = z.strictObject({
  outcome: z.enum(OUTCOMES),
  line: z.string().min(1),
  emotion: z.enum(EMOTIONS),
  summary: z.string().min(1).describe('One sentence for the debrief: what happened to this customer'),
});

export const customerSchema = z.strictObject({
  name: z.string().min(1),
  persona: z.enum(PERSONAS).describe('voicer tells you; irate tells others; activist tells everyone'),
  mood: z.number().min(0).max(100).describe('Starting satisfaction, 0-100'),
  patience: z.number().min(5).max(90).describe('Seconds they wait for an answer at the start'),
  voice: z.string().optional().describe('espeak-ng voice, e.g. "en-us+m3"'),
  look: z
    .strictObject({
      skin: z.string().optional(),
      hair: z.string().optional(),
      hairStyle: z.enum(['short', 'long', 'bun', 'bald', 'curly']).optional(),
      shirt: z.string().optional(),
      glasses: z.boolean().optional(),
    })
    .optional()
    .describe('Portrait colours and features'),
});

export const scenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  id: slug,
  title: z.string().min(1),
  setting: z.enum(SETTINGS),
  difficulty: z.enum(['easy', 'medium', 'hard']),
  company: z.string().min(1).describe('The company the player works for'),
  customer: customerSchema,
  briefing: z.strictObject({
    who: z.string().min(1).describe('Who the customer is'),
    mistake: z.string().min(1).describe('What went wrong'),
    goal: z.string().min(1).describe('What a good outcome looks like'),
  }),
  start: slug,
  walkOut: slug.optional().describe('The ending a customer walks out to after being ignored twice (default: the first lost ending)'),
  nodes: z.record(slug, nodeSchema),
  endings: z.record(slug, endingSchema),
});

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioNode = z.infer<typeof nodeSchema>;
export type Choice = z.infer<typeof choiceSchema>;
export type Ending = z.infer<typeof endingSchema>;
export type Next = z.infer<typeof nextSchema>;
export type Effect = z.infer<typeof effect>;
