// What the debrief shows, computed from the scenario and the transcript: the three scores and
// overall, pass/fail, the outcome and ending, a timeline of every turn with the feedback that fired
// there, and the "expert path" ghost from the best route through the scenario.
import { applyEvent, initialContext, type ConversationEvent } from '../engine/conversation.ts';
import type { ConversationReport } from '../engine/report.ts';
import { summarizeRoutes, type Route } from '../engine/routes.ts';
import type { Dimension } from '../engine/rubric.ts';
import type { Emotion, Outcome, Scenario } from '../engine/schema.ts';

export const OUTCOME_LABEL: Record<Outcome, string> = {
  'won-back': 'Won back',
  lost: 'Lost',
  'went-public': 'Went public',
};

export interface FeedbackView {
  rule: string;
  dimension: Dimension;
  points: number;
  principle: string;
  text: string;
}

/** What the best route did at this turn's point in the conversation. */
export type ExpertNote =
  | { kind: 'same'; choiceText: string }
  | { kind: 'different'; choiceText: string; silence: boolean }
  | { kind: 'absent'; earlierChoiceText: string | null; earlierNodeLine: string | null };

export interface TimelineEntry {
  index: number;
  node: string;
  customerLine: string;
  emotion: Emotion;
  /** null when the player stayed silent. */
  choiceId: string | null;
  playerText: string;
  seconds: number;
  patience: number;
  moodAfter: number;
  feedback: FeedbackView[];
  expert: ExpertNote | null;
}

export interface DebriefModel {
  scenarioId: string;
  title: string;
  customerName: string;
  scores: { empathy: number; ownership: number; timing: number; overall: number };
  passed: boolean;
  passMark: number;
  /** Why the overall score was capped (the customer was not won back), or null. */
  capNote: string | null;
  outcome: Outcome | null;
  outcomeLabel: string;
  endingLine: string | null;
  summary: string | null;
  satisfaction: number;
  timeline: TimelineEntry[];
  /** Feedback not tied to a turn (none today; kept for rubric changes). */
  generalFeedback: FeedbackView[];
  expert: { overall: number; outcome: Outcome | null; steps: { node: string; choiceText: string }[] } | null;
  events: ConversationEvent[];
}

interface ExpertStep {
  node: string;
  choice: string | null;
}

/** The nodes the expert route visits, in order, with the choice made at each. */
export function expertSteps(s: Scenario, route: Route): ExpertStep[] {
  let ctx = initialContext(s);
  const steps: ExpertStep[] = [];
  for (const ev of route.events) {
    steps.push({ node: ctx.node, choice: ev.type === 'player.choose' ? ev.choice : null });
    ctx = applyEvent(s, ctx, ev);
  }
  return steps;
}

const choiceText = (s: Scenario, node: string, choice: string | null) =>
  choice === null ? '(stayed silent)' : (s.nodes[node]?.choices.find((c) => c.id === choice)?.text ?? choice);

export function expertNotes(s: Scenario, report: ConversationReport, route: Route | null): (ExpertNote | null)[] {
  if (!route) return report.turns.map(() => null);
  const steps = expertSteps(s, route);
  const byNode = new Map(steps.map((st) => [st.node, st]));
  // The first point where the player's conversation left the expert's.
  let divergence = -1;
  for (let i = 0; i < report.turns.length; i++) {
    const st = steps[i];
    const t = report.turns[i];
    if (!st || st.node !== t.node || st.choice !== t.choice) {
      divergence = i;
      break;
    }
  }
  return report.turns.map((t, i) => {
    const st = byNode.get(t.node);
    if (st) {
      if (st.choice === t.choice) return { kind: 'same', choiceText: choiceText(s, t.node, st.choice) };
      return { kind: 'different', choiceText: choiceText(s, t.node, st.choice), silence: st.choice === null };
    }
    const at = divergence >= 0 && divergence < i ? steps[divergence] : null;
    return {
      kind: 'absent',
      earlierChoiceText: at ? choiceText(s, at.node, at.choice) : null,
      earlierNodeLine: at ? (s.nodes[at.node]?.line ?? null) : null,
    };
  });
}

export function buildDebrief(s: Scenario, report: ConversationReport, events: ConversationEvent[], best: Route | null = summarizeRoutes(s)?.best ?? null): DebriefModel {
  const notes = expertNotes(s, report, best);
  const timeline: TimelineEntry[] = report.turns.map((t, i) => {
    const node = s.nodes[t.node];
    const next = report.turns[i + 1];
    return {
      index: i,
      node: t.node,
      customerLine: node?.line ?? '',
      emotion: node?.emotion ?? 'calm',
      choiceId: t.choice,
      playerText:
        t.choice === null
          ? `(You said nothing. After ${t.seconds} s the customer ${next?.node === t.node ? 'asked again' : 'moved on'}.)`
          : choiceText(s, t.node, t.choice),
      seconds: t.seconds,
      patience: t.patience,
      moodAfter: t.moodAfter,
      feedback: report.feedback.filter((f) => f.turn === i).map(({ rule, dimension, points, principle, text }) => ({ rule, dimension, points, principle, text })),
      expert: notes[i],
    };
  });
  const ending = report.ending ? s.endings[report.ending] : null;
  const expertPath = best ? expertSteps(s, best).map((st) => ({ node: st.node, choiceText: choiceText(s, st.node, st.choice) })) : null;
  return {
    scenarioId: s.id,
    title: s.title,
    customerName: s.customer.name,
    scores: { empathy: report.empathy, ownership: report.ownership, timing: report.timing, overall: report.overall },
    passed: report.passed,
    passMark: report.passMark,
    capNote: report.cap?.explanation ?? null,
    outcome: report.outcome,
    outcomeLabel: report.outcome ? OUTCOME_LABEL[report.outcome] : 'Unfinished',
    endingLine: ending?.line ?? null,
    summary: ending?.summary ?? null,
    satisfaction: report.satisfaction,
    timeline,
    generalFeedback: report.feedback.filter((f) => f.turn < 0 || f.turn >= report.turns.length),
    expert: best && expertPath ? { overall: best.report.overall, outcome: best.report.outcome, steps: expertPath } : null,
    events,
  };
}
