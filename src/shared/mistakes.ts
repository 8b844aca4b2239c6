// Common mistakes for a team and a scenario: the rubric rules most often broken and, at each decision,
// the choices most often picked. The server counts (SQL over the stored reports); this shapes the counts
// with the scenario's text, in the order a conversation meets the decisions.
import { MOVE_INFO, isMove } from '../engine/moves.ts';
import { ruleById } from '../engine/rubric.ts';
import type { Scenario } from '../engine/schema.ts';
import type { ChoiceCount, Decision, RuleCount } from './types.ts';

export interface RuleTally {
  rule: string;
  count: number;
  attempts: number;
  trainees: number;
}

export interface ChoiceTally {
  node: string;
  /** null: the trainee said nothing until the customer's patience ran out. */
  choice: string | null;
  count: number;
  trainees: number;
}

export interface CostTally {
  node: string;
  choice: string | null;
  rule: string;
  count: number;
}

/** A move list's character: all good, any weak, any anti, or good and anti in one line. */
export function choiceKind(moves: readonly string[]): ChoiceCount['kind'] {
  const kinds = new Set(moves.filter(isMove).map((m) => MOVE_INFO[m].kind));
  if (kinds.has('anti')) return kinds.has('good') ? 'mixed' : 'anti';
  if (kinds.has('weak')) return 'weak';
  return 'good';
}

/** Rules that cost points, most frequent first (then by how much they cost). Unknown ids are kept. */
export function brokenRules(tallies: readonly RuleTally[]): RuleCount[] {
  return tallies
    .map((t) => {
      const rule = ruleById(t.rule);
      return {
        rule: t.rule,
        principle: rule?.principle ?? '',
        dimension: rule?.dimension ?? '',
        points: rule?.points ?? 0,
        feedback: rule?.feedback ?? '',
        count: t.count,
        attempts: t.attempts,
        trainees: t.trainees,
      };
    })
    .filter((r) => r.points < 0)
    .sort((a, b) => b.attempts - a.attempts || b.count - a.count || a.points - b.points || a.rule.localeCompare(b.rule));
}

/** Node ids in the order a conversation meets them: breadth-first from the start, then the rest. */
export function nodeOrder(s: Scenario): string[] {
  const order: string[] = [];
  const seen = new Set<string>();
  const queue = [s.start];
  while (queue.length) {
    const id = queue.shift() as string;
    if (seen.has(id) || !s.nodes[id]) continue;
    seen.add(id);
    order.push(id);
    const node = s.nodes[id];
    const nexts = [...node.choices.map((c) => c.next), ...(node.silence ? [node.silence.next] : [])];
    for (const next of nexts) queue.push(...(typeof next === 'string' ? [next] : next.map((b) => b.to)));
  }
  for (const id of Object.keys(s.nodes)) if (!seen.has(id)) order.push(id);
  return order;
}

/**
 * Every decision some trainee reached, with every choice the scenario offers there (picked or not),
 * most picked first. `best` marks the choices on the best-scoring route ("node:choice"); `costs` are
 * the penalties that fired at the turn of a choice (end-of-conversation rules are left out: they sit
 * on the last turn whatever was said there).
 */
export function decisions(s: Scenario, tallies: readonly ChoiceTally[], best: ReadonlySet<string> = new Set(), costTallies: readonly CostTally[] = []): Decision[] {
  const costsOf = (node: string, choice: string | null): ChoiceCount['costs'] =>
    costTallies
      .filter((c) => c.node === node && c.choice === choice)
      .map((c) => ({ rule: ruleById(c.rule), count: c.count }))
      .filter((c): c is { rule: NonNullable<ReturnType<typeof ruleById>>; count: number } => Boolean(c.rule && c.rule.scope === 'turn' && c.rule.points < 0))
      .map((c) => ({ rule: c.rule.id, principle: c.rule.principle, points: c.rule.points, count: c.count }))
      .sort((a, b) => b.count - a.count || a.points - b.points);
  const byNode = new Map<string, ChoiceTally[]>();
  for (const t of tallies) byNode.set(t.node, [...(byNode.get(t.node) ?? []), t]);
  const out: Decision[] = [];
  for (const id of nodeOrder(s)) {
    const here = byNode.get(id);
    if (!here) continue;
    const node = s.nodes[id];
    const reached = here.reduce((n, t) => n + t.count, 0);
    const count = (choice: string | null) => here.find((t) => t.choice === choice);
    const choices: ChoiceCount[] = node.choices.map((c) => {
      const t = count(c.id);
      return {
        id: c.id,
        text: c.text,
        moves: [...c.moves],
        kind: choiceKind(c.moves),
        count: t?.count ?? 0,
        trainees: t?.trainees ?? 0,
        share: reached ? (t?.count ?? 0) / reached : 0,
        best: best.has(`${id}:${c.id}`),
        costs: costsOf(id, c.id),
      };
    });
    const silence = count(null);
    if (silence) {
      choices.push({
        id: null,
        text: node.silence?.line ? `(said nothing) ${node.silence.line}` : '(said nothing until the customer ran out of patience)',
        moves: ['silence'],
        kind: 'silence',
        count: silence.count,
        trainees: silence.trainees,
        share: silence.count / reached,
        best: false,
        costs: costsOf(id, null),
      });
    }
    choices.sort((a, b) => b.count - a.count);
    out.push({ node: id, line: node.line, emotion: node.emotion, reached, choices });
  }
  return out;
}
