// Walks every route through a scenario (every choice at every node, plus the author's silence
// branches) with the same pure step function the machine uses, scoring each finished route.
import type { Scenario } from './schema.ts';
import { applyEvent, checkEvent, initialContext, type ConversationContext, type ConversationEvent } from './conversation.ts';
import { reportFor, type ConversationReport } from './report.ts';
import type { Scores } from './score.ts';

/** The answer time used when walking routes: prompt, but not instant. */
export const ROUTE_SECONDS = 4;
export const DEFAULT_ROUTE_LIMIT = 200_000;

export interface Route {
  /** Choice ids in order; "(silence)" where the player let patience run out. */
  steps: string[];
  events: ConversationEvent[];
  report: ConversationReport;
}

export interface RouteSummary {
  scenarioId: string;
  count: number;
  truncated: boolean;
  outcomes: Record<string, number>;
  /** Routes that reach each ending, by ending id (every ending listed, 0 where none arrives). */
  endings: Record<string, number>;
  min: Scores;
  max: Scores;
  best: Route;
  worst: Route;
}

export const SILENCE_STEP = '(silence)';

/**
 * Bounds on a walk's work, for scenarios nobody has vetted (uploads): the route limit counts finished
 * routes only, and a walk through loops whose exits never open finishes none. The walk stops after
 * maxVisits steps or once Date.now() passes deadline, and says so in `exhausted`.
 */
export interface WalkBudget {
  maxVisits?: number;
  /** Epoch milliseconds. */
  deadline?: number;
  /** Filled in by the walk: steps taken. */
  visits?: number;
  /** Filled in by the walk: true when it stopped because the budget ran out. */
  exhausted?: boolean;
}

function spent(budget: WalkBudget): boolean {
  if (budget.exhausted) return true;
  const visits = (budget.visits = (budget.visits ?? 0) + 1);
  // The clock is read every 32 steps: a step deep in a long scenario costs tens of microseconds, so
  // a coarser check would overrun a short deadline by as much again.
  if ((budget.maxVisits !== undefined && visits > budget.maxVisits) || (budget.deadline !== undefined && visits % 32 === 0 && Date.now() > budget.deadline)) {
    budget.exhausted = true;
  }
  return budget.exhausted === true;
}

export function* walkRoutes(s: Scenario, limit = DEFAULT_ROUTE_LIMIT, budget?: WalkBudget): Generator<Route> {
  let produced = 0;
  const events: ConversationEvent[] = [];
  const visiting = new Set<string>();
  function* visit(ctx: ConversationContext): Generator<Route> {
    if (produced >= limit) return;
    if (budget && spent(budget)) return;
    if (ctx.ending) {
      produced++;
      yield { steps: events.map((e) => (e.type === 'player.choose' ? e.choice : SILENCE_STEP)), events: [...events], report: reportFor(s, ctx) };
      return;
    }
    const node = s.nodes[ctx.node];
    // Revisiting a node on the same route is a loop; the route ends there unexplored.
    if (visiting.has(ctx.node)) return;
    visiting.add(ctx.node);
    const options: ConversationEvent[] = node.choices.map((c) => ({ type: 'player.choose', choice: c.id, seconds: Math.min(ROUTE_SECONDS, ctx.patience) }));
    if (node.silence) options.push({ type: 'customer.patienceExpired' });
    for (const ev of options) {
      if (!checkEvent(s, ctx, ev).ok) continue;
      events.push(ev);
      yield* visit(applyEvent(s, ctx, ev));
      events.pop();
    }
    visiting.delete(ctx.node);
  }
  yield* visit(initialContext(s));
}

/**
 * The parts of a scenario a walk reads, as one string: two scenarios with the same inputs have the
 * same routes and scores, so a caller may keep a walk's result until these change. Leaves out only
 * what no step, score or report reads (the words on screen, the briefing, the customer's name and
 * look); any other field, including one added later, stays in.
 */
export function walkInputs(s: Scenario): string {
  return JSON.stringify(playedParts(s, () => undefined));
}

/** The scenario without its presentation; each reply's text becomes what `text` makes of it. */
export function playedParts(s: Scenario, text: (node: Scenario['nodes'][string], index: number) => unknown): unknown {
  const { $schema: _schema, title: _title, setting: _setting, difficulty: _difficulty, company: _company, briefing: _briefing, customer, nodes, endings, ...rest } = s;
  const { name: _name, voice: _voice, look: _look, ...played } = customer;
  return {
    ...rest,
    customer: played,
    nodes: Object.entries(nodes).map(([id, node]) => {
      const { narration: _narration, line: _line, emotion: _emotion, choices, silence, ...kept } = node;
      const replies = choices.map(({ note: _note, text: _text, ...c }, i) => ({ ...c, text: text(node, i) }));
      const quiet = silence ? (({ line: _quiet, ...sk }) => sk)(silence) : undefined;
      return [id, { ...kept, choices: replies, silence: quiet }];
    }),
    endings: Object.entries(endings).map(([id, { line: _line, emotion: _emotion, summary: _summary, ...e }]) => [id, e]),
  };
}

const KEYS = ['empathy', 'ownership', 'timing', 'overall'] as const;

export function summarizeRoutes(s: Scenario, limit = DEFAULT_ROUTE_LIMIT, budget?: WalkBudget): RouteSummary | null {
  let count = 0;
  let best: Route | null = null;
  let worst: Route | null = null;
  const min = { empathy: 100, ownership: 100, timing: 100, overall: 100 };
  const max = { empathy: 0, ownership: 0, timing: 0, overall: 0 };
  const outcomes: Record<string, number> = {};
  const endings: Record<string, number> = Object.fromEntries(Object.keys(s.endings).map((id) => [id, 0]));
  for (const r of walkRoutes(s, limit, budget)) {
    count++;
    for (const k of KEYS) {
      min[k] = Math.min(min[k], r.report[k]);
      max[k] = Math.max(max[k], r.report[k]);
    }
    const o = r.report.outcome ?? 'none';
    outcomes[o] = (outcomes[o] ?? 0) + 1;
    if (r.report.ending) endings[r.report.ending] = (endings[r.report.ending] ?? 0) + 1;
    if (!best || r.report.overall > best.report.overall || (r.report.overall === best.report.overall && r.report.satisfaction > best.report.satisfaction)) best = r;
    if (!worst || r.report.overall < worst.report.overall) worst = r;
  }
  if (!best || !worst) return null;
  return { scenarioId: s.id, count, truncated: count >= limit || budget?.exhausted === true, outcomes, endings, min, max, best, worst };
}
