// The pure step function of a conversation. The XState machine, the server's replay and the route
// walker all go through these functions, so every host computes the same state from the same events.
import type { Next, Outcome, Scenario, ScenarioNode, Choice } from './schema.ts';
import { historyOf, respond, type Reacted } from './customer.ts';
import { conditionHolds, type ConditionState } from './condition.ts';
import type { TurnMove } from './moves.ts';

/** Nobody reads a customer's line and answers in under a second. */
export const MIN_ANSWER_SECONDS = 1;

export interface Turn {
  node: string;
  /** null when the player stayed silent until patience ran out. */
  choice: string | null;
  moves: TurnMove[];
  seconds: number;
  /** Patience at the start of the turn (seconds the customer would wait). */
  patience: number;
  moodAfter: number;
  patienceAfter: number;
  /** What the customer held against the player after this turn (0-100); absent in older reports. */
  distrustAfter?: number;
}

export interface ConversationContext {
  scenarioId: string;
  node: string;
  mood: number;
  patience: number;
  turns: Turn[];
  ending: string | null;
  outcome: Outcome | null;
}

export type ConversationEvent =
  | { type: 'player.choose'; choice: string; seconds: number }
  | { type: 'customer.patienceExpired' };

export function initialContext(s: Scenario): ConversationContext {
  const node = s.nodes[s.start];
  return {
    scenarioId: s.id,
    node: s.start,
    mood: s.customer.mood,
    // A node's own patience is a ceiling, at the start as everywhere else.
    patience: Math.min(node?.patience ?? Infinity, s.customer.patience),
    turns: [],
    ending: null,
    outcome: null,
  };
}

/** The first branch whose condition holds, read against the customer after the reply. */
export function resolveNext(next: Next, state: ConditionState): string {
  if (typeof next === 'string') return next;
  for (const b of next) if (!b.if || conditionHolds(b.if, state)) return b.to;
  return next[next.length - 1].to;
}

/** Every id a `next` may lead to, whatever the customer's state. */
export function possibleTargets(next: Next): string[] {
  return typeof next === 'string' ? [next] : [...new Set(next.map((b) => b.to))];
}

export type Verdict = { ok: true } | { ok: false; reason: string };

export function checkEvent(s: Scenario, ctx: ConversationContext, event: ConversationEvent): Verdict {
  if (ctx.ending) return { ok: false, reason: `the conversation already ended (${ctx.ending})` };
  const node = s.nodes[ctx.node];
  if (!node) return { ok: false, reason: `unknown node "${ctx.node}"` };
  if (event.type === 'customer.patienceExpired') return { ok: true };
  if (event.type !== 'player.choose') return { ok: false, reason: `unknown event type "${(event as { type: string }).type}"` };
  const choice = node.choices.find((c) => c.id === event.choice);
  if (!choice) {
    return { ok: false, reason: `choice "${event.choice}" is not offered at "${ctx.node}" (offered: ${node.choices.map((c) => c.id).join(', ')})` };
  }
  if (typeof event.seconds !== 'number' || !Number.isFinite(event.seconds)) return { ok: false, reason: 'seconds must be a number' };
  if (event.seconds < MIN_ANSWER_SECONDS) {
    return { ok: false, reason: `an answer after ${event.seconds} s is faster than anyone can read the line (minimum ${MIN_ANSWER_SECONDS} s)` };
  }
  if (event.seconds > ctx.patience) {
    return { ok: false, reason: `an answer after ${event.seconds} s is impossible: the customer's patience ran out at ${ctx.patience} s` };
  }
  return { ok: true };
}

/** The lost ending (else any non-won ending) the customer walks off to after being ignored twice. */
export function walkOutEnding(s: Scenario): string {
  if (s.walkOut && s.endings[s.walkOut]) return s.walkOut;
  const ids = Object.keys(s.endings);
  return ids.find((id) => s.endings[id].outcome === 'lost') ?? ids.find((id) => s.endings[id].outcome !== 'won-back') ?? ids[0];
}

/** Where silence at a node leads, given the customer's state after it. */
function silenceTarget(s: Scenario, ctx: ConversationContext, node: ScenarioNode, after: ConditionState): string {
  if (node.silence) return resolveNext(node.silence.next, after);
  const last = ctx.turns[ctx.turns.length - 1];
  return last && last.choice === null && last.node === ctx.node ? walkOutEnding(s) : ctx.node;
}

function enter(s: Scenario, ctx: ConversationContext, target: string, after: Reacted, turn: Turn): ConversationContext {
  const turns = [...ctx.turns, turn];
  const ending = s.endings[target];
  if (ending) return { ...ctx, node: target, mood: after.mood, patience: after.patience, turns, ending: target, outcome: ending.outcome };
  const nodePatience = s.nodes[target]?.patience;
  // A node's own patience is a ceiling for how long the customer waits there.
  const patience = nodePatience !== undefined ? Math.min(nodePatience, after.patience) : after.patience;
  return { ...ctx, node: target, mood: after.mood, patience, turns };
}

function conditionState(after: Reacted): ConditionState {
  return { mood: after.mood, patience: after.patience, distrust: after.history.distrust, said: after.history.seen };
}

/** Applies an event already accepted by checkEvent. */
export function applyEvent(s: Scenario, ctx: ConversationContext, event: ConversationEvent): ConversationContext {
  const node = s.nodes[ctx.node];
  const history = historyOf(ctx.turns.map((t) => t.moves));
  const before = { mood: ctx.mood, patience: ctx.patience };
  if (event.type === 'customer.patienceExpired') {
    const after = respond(before, ['silence'], ctx.patience, history, s.customer.persona, node.silence?.effect);
    const target = silenceTarget(s, ctx, node, conditionState(after));
    const turn: Turn = { node: ctx.node, choice: null, moves: ['silence'], seconds: ctx.patience, patience: ctx.patience, moodAfter: after.mood, patienceAfter: after.patience, distrustAfter: after.history.distrust };
    return enter(s, ctx, target, after, turn);
  }
  const choice = node.choices.find((c) => c.id === event.choice) as Choice;
  const after = respond(before, choice.moves, event.seconds, history, s.customer.persona, choice.effect);
  const target = resolveNext(choice.next, conditionState(after));
  const turn: Turn = { node: ctx.node, choice: choice.id, moves: [...choice.moves], seconds: event.seconds, patience: ctx.patience, moodAfter: after.mood, patienceAfter: after.patience, distrustAfter: after.history.distrust };
  return enter(s, ctx, target, after, turn);
}

/** Where a choice would lead from this context (used by the machine's guards). */
export function targetOf(s: Scenario, ctx: ConversationContext, event: ConversationEvent): string {
  return applyEvent(s, ctx, event).node;
}

const keepPromiseOffered = new WeakMap<Scenario, boolean>();

/** True when the scenario offers a keep-promise move anywhere, so a promise can be kept. */
export function promiseCanBeKept(s: Scenario): boolean {
  let v = keepPromiseOffered.get(s);
  if (v === undefined) {
    v = Object.values(s.nodes).some((n) => n.choices.some((c) => c.moves.includes('keep-promise')));
    keepPromiseOffered.set(s, v);
  }
  return v;
}
