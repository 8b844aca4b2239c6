// How far a player gets without reading. Each content-blind strategy (a fixed display position, the
// longest or shortest reply, the one with most moves, the one that says sorry, a random pick) plays
// the scenario under many seeded reply orders, and its mean overall score and pass rate say whether
// the scenario can be gamed. A scenario that rewards habits teaches habits; the lint gate refuses it.
// Pure and browser-safe: the CLI, the server's upload check and the trainer page share it.
import type { Choice, Scenario } from './schema.ts';
import { applyEvent, checkEvent, initialContext, type ConversationContext } from './conversation.ts';
import { reportFor } from './report.ts';
import { generator, shuffledChoices } from './shuffle.ts';
import { playedParts, ROUTE_SECONDS } from './routes.ts';
import { countWords } from './analyze.ts';
import { DEFAULT_PASS_MARK } from './score.ts';

/** Above this mean overall score a blind strategy games the scenario. */
export const GATE_MAX_MEAN = 50;
/** Above this share of passing plays a blind strategy games the scenario. */
export const GATE_MAX_PASS_RATE = 0.05;
/** On the best route, the best reply may also be the longest at no more than this share of decisions. */
export const GATE_MAX_LONGEST_BEST = 0.4;
/** Reading speed for the reading-time warning, words per minute. */
export const READING_WPM = 200;
/** Warn when reading a node takes more than this share of the customer's patience there. */
export const READING_SHARE = 0.6;

/** Seeds per deterministic strategy and plays of the random one: enough for a stable mean, cheap to run. */
export const STRATEGY_SEEDS = 48;
export const RANDOM_PLAYS = 200;
/** A play that has not ended after this many turns is stopped (a strategy stuck in a loop). */
export const MAX_TURNS = 60;

export type Pick = (shown: readonly Choice[], random: () => number) => Choice;

export interface Strategy {
  id: string;
  label: string;
  pick: Pick;
  /** True when the strategy picks the same reply among these in any order (then the seed cannot change a play). */
  orderFree?: (choices: readonly Choice[]) => boolean;
}

const SORRY = /\b(sorry|apologi[sz]e|apologies)\b/i;
/** What the text-reading strategies pick by (strategyInputs keeps to the same three). */
const textLength = (c: Choice) => c.text.length;
const mostMoves = (c: Choice) => c.moves.length * 1000 + c.text.length;
const saysSorry = (c: Choice) => SORRY.test(c.text);

function maxBy(shown: readonly Choice[], key: (c: Choice) => number): Choice {
  let best = shown[0];
  for (const c of shown) if (key(c) > key(best)) best = c;
  return best;
}

/** maxBy picks the same reply in any order when no other reply ties with the largest value. */
function uniqueMax(choices: readonly Choice[], key: (c: Choice) => number): boolean {
  const values = choices.map(key);
  const top = Math.max(...values);
  return values.filter((v) => v === top).length === 1;
}

/** The blind strategies for a scenario: one per display position it ever shows, then the rest. */
export function strategiesFor(s: Scenario): Strategy[] {
  const widest = Math.max(...Object.values(s.nodes).map((n) => n.choices.length));
  const positions: Strategy[] = Array.from({ length: widest }, (_, i) => ({
    id: `position-${i + 1}`,
    label: `always reply ${i + 1} as shown`,
    pick: (shown) => shown[Math.min(i, shown.length - 1)],
  }));
  return [
    ...positions,
    { id: 'longest', label: 'always the longest reply', pick: (shown) => maxBy(shown, textLength), orderFree: (cs) => uniqueMax(cs, textLength) },
    { id: 'shortest', label: 'always the shortest reply', pick: (shown) => maxBy(shown, (c) => -textLength(c)), orderFree: (cs) => uniqueMax(cs, (c) => -textLength(c)) },
    { id: 'most-moves', label: 'always the reply tagged with most moves', pick: (shown) => maxBy(shown, mostMoves), orderFree: (cs) => uniqueMax(cs, mostMoves) },
    {
      id: 'says-sorry',
      label: 'always a reply that says sorry',
      pick: (shown) => shown.find(saysSorry) ?? shown[0],
      orderFree: (cs) => cs.length === 1 || cs.filter(saysSorry).length === 1,
    },
    { id: 'random', label: 'a random reply', pick: (shown, random) => shown[Math.floor(random() * shown.length)] },
  ];
}

/** Dense ranks of `values` (ties share a rank), which is all a pick by the largest value depends on. */
function ranks(values: readonly number[]): number[] {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  return values.map((v) => sorted.indexOf(v));
}

/**
 * The parts of a scenario the blind strategies' plays read, as one string: the walk's inputs, and for
 * each reply only what a strategy picks by (its length and move count against the others at its node,
 * whether it says sorry). A scenario with the same inputs has the same figures, so an edit to a
 * customer's line or a reply's wording that keeps those orders need not replay the strategies.
 */
export function strategyInputs(s: Scenario): string {
  const perNode = new Map<Scenario['nodes'][string], { long: number[]; most: number[] }>();
  const of = (node: Scenario['nodes'][string]) => {
    let r = perNode.get(node);
    if (!r) {
      r = { long: ranks(node.choices.map(textLength)), most: ranks(node.choices.map(mostMoves)) };
      perNode.set(node, r);
    }
    return r;
  };
  return JSON.stringify(playedParts(s, (node, i) => [of(node).long[i], of(node).most[i], saysSorry(node.choices[i])]));
}

export interface PlayResult {
  overall: number;
  passed: boolean;
  outcome: string | null;
}

/** One play of a strategy under one seed, with prompt answers and no silences. */
export function playStrategy(s: Scenario, strategy: Strategy, seed: number, passMark = DEFAULT_PASS_MARK): PlayResult {
  const random = generator(seed ^ 0x9e3779b9);
  let ctx: ConversationContext = initialContext(s);
  for (let turn = 0; turn < MAX_TURNS && !ctx.ending; turn++) {
    const node = s.nodes[ctx.node];
    const choice = strategy.pick(shuffledChoices(node, ctx.node, seed), random);
    const event = { type: 'player.choose' as const, choice: choice.id, seconds: Math.min(ROUTE_SECONDS, ctx.patience) };
    if (!checkEvent(s, ctx, event).ok) break;
    ctx = applyEvent(s, ctx, event);
  }
  const report = reportFor(s, ctx, passMark);
  return { overall: report.overall, passed: report.passed, outcome: report.outcome };
}

export interface StrategyFigures {
  id: string;
  label: string;
  plays: number;
  /** Mean overall score over the plays, one decimal. */
  mean: number;
  /** Share of plays that passed, 0-1, three decimals. */
  passRate: number;
  /** Plays per outcome ("none" for a play stopped before an ending). */
  outcomes: Record<string, number>;
}

export interface Gameability {
  strategies: StrategyFigures[];
  /** The strategy with the highest mean, the one a player who does not read would find. */
  worst: StrategyFigures;
}

export function measureGameability(s: Scenario, options: { seeds?: number; randomPlays?: number; passMark?: number } = {}): Gameability {
  const seeds = options.seeds ?? STRATEGY_SEEDS;
  const nodes = Object.values(s.nodes);
  const strategies = strategiesFor(s).map((strategy) => {
    const plays = strategy.id === 'random' ? (options.randomPlays ?? RANDOM_PLAYS) : seeds;
    // A strategy that picks the same reply at every node whatever the order plays alike under every
    // seed: one play stands for all of them (the figures are the same as from playing each).
    const orderFree = strategy.orderFree;
    const alike = orderFree !== undefined && nodes.every((n) => orderFree(n.choices));
    let once: PlayResult | null = null;
    let total = 0;
    let passes = 0;
    const outcomes: Record<string, number> = {};
    for (let i = 0; i < plays; i++) {
      const r = alike ? (once ??= playStrategy(s, strategy, 0, options.passMark)) : playStrategy(s, strategy, (i * 2654435761) >>> 0, options.passMark);
      total += r.overall;
      if (r.passed) passes++;
      const o = r.outcome ?? 'none';
      outcomes[o] = (outcomes[o] ?? 0) + 1;
    }
    return {
      id: strategy.id,
      label: strategy.label,
      plays,
      mean: Math.round((total / plays) * 10) / 10,
      passRate: Math.round((passes / plays) * 1000) / 1000,
      outcomes,
    };
  });
  const worst = strategies.reduce((a, b) => (b.mean > a.mean ? b : a));
  return { strategies, worst };
}

/** True when a strategy games the scenario: its mean or its pass rate is over the gate. */
export function games(f: StrategyFigures): boolean {
  return f.mean > GATE_MAX_MEAN || f.passRate > GATE_MAX_PASS_RATE;
}

export interface LongestBest {
  /** Decisions on the route with more than one reply. */
  decisions: number;
  /** Of those, where the chosen (best) reply is also the longest. */
  longest: number;
  share: number;
}

/** On a route (choice ids in order), how often the reply taken is also the longest one offered. */
export function longestOnRoute(s: Scenario, steps: readonly string[]): LongestBest {
  let ctx = initialContext(s);
  let decisions = 0;
  let longest = 0;
  for (const step of steps) {
    if (ctx.ending) break;
    const node = s.nodes[ctx.node];
    const choice = node.choices.find((c) => c.id === step);
    if (!choice) {
      ctx = applyEvent(s, ctx, { type: 'customer.patienceExpired' });
      continue;
    }
    if (node.choices.length > 1) {
      decisions++;
      if (node.choices.every((c) => c === choice || c.text.length < choice.text.length)) longest++;
    }
    ctx = applyEvent(s, ctx, { type: 'player.choose', choice: step, seconds: Math.min(ROUTE_SECONDS, ctx.patience) });
  }
  return { decisions, longest, share: decisions ? Math.round((longest / decisions) * 1000) / 1000 : 0 };
}

export interface ReadingLoad {
  node: string;
  words: number;
  /** Seconds to read the line and every reply at READING_WPM. */
  seconds: number;
  patience: number;
}

/** Nodes where reading everything takes more than READING_SHARE of the customer's patience there. */
export function readingOverloads(s: Scenario): ReadingLoad[] {
  const out: ReadingLoad[] = [];
  for (const [id, node] of Object.entries(s.nodes)) {
    const words = countWords(node.line) + node.choices.reduce((n, c) => n + countWords(c.text), 0);
    const seconds = Math.round((words / READING_WPM) * 600) / 10;
    const patience = node.patience ?? s.customer.patience;
    if (seconds > patience * READING_SHARE) out.push({ node: id, words, seconds, patience });
  }
  return out;
}

export interface GateFinding {
  kind: 'gameable' | 'longest-is-best' | 'reading-time';
  severity: 'error' | 'warning';
  path: (string | number)[];
  message: string;
}

const pct = (share: number) => `${Math.round(share * 100)}%`;

/**
 * The lint gate: an error for each blind strategy that games the scenario and when the best reply is
 * usually also the longest; a warning for each node that takes too long to read. `bestSteps` is the
 * best route's choice ids (from summarizeRoutes), when the caller has it.
 */
export function gateFindings(s: Scenario, figures: Gameability, bestSteps?: readonly string[]): GateFinding[] {
  const out: GateFinding[] = [];
  for (const f of figures.strategies) {
    if (!games(f)) continue;
    out.push({
      kind: 'gameable',
      severity: 'error',
      path: ['id'],
      message: `gameable: a player who picks ${f.label} scores ${f.mean} on average and passes ${pct(f.passRate)} of ${f.plays} plays (the gate allows a mean of at most ${GATE_MAX_MEAN} and ${pct(GATE_MAX_PASS_RATE)} passing); make the tempting replies as warm and as long as the best one`,
    });
  }
  if (bestSteps) {
    const lb = longestOnRoute(s, bestSteps);
    if (lb.share > GATE_MAX_LONGEST_BEST) {
      out.push({
        kind: 'longest-is-best',
        severity: 'error',
        path: ['start'],
        message: `on the best route the best reply is also the longest at ${lb.longest} of ${lb.decisions} decisions (${pct(lb.share)}; the gate allows ${pct(GATE_MAX_LONGEST_BEST)}); length must not give the answer away`,
      });
    }
  }
  for (const r of readingOverloads(s)) {
    out.push({
      kind: 'reading-time',
      severity: 'warning',
      path: ['nodes', r.node],
      message: `reading time: the line and replies at "${r.node}" are ${r.words} words, about ${r.seconds} s at ${READING_WPM} words a minute, more than ${pct(READING_SHARE)} of the ${r.patience} s the customer waits; shorten them or give the node more patience`,
    });
  }
  return out;
}
