// The studio's live checks: the time from an edit of a 60-node draft to its check (what the studio's
// worker does per edit: the form's data to YAML, then every lint check, the route figures and the
// blind strategies), against the 100 ms the editor allows.
import { stringify } from 'yaml';
import { checkDraft } from '../../src/shared/studio-checks.ts';
import { median, percentile, progress, round, table, type SectionResult } from '../lib.ts';

const NODES = 60;
const TARGET_MS = 100;

/** A 60-node draft: each node has a good, a weak and a poor reply; the good and weak ones go on. */
export function largeDraft(nodes = NODES): Record<string, unknown> {
  const id = (i: number) => (i >= nodes ? 'won' : `step-${i}`);
  const node = (i: number) => ({
    line: `Step ${i}: I have been waiting for the refund you promised me on the phone last week, and nothing has arrived.`,
    emotion: 'annoyed',
    choices: [
      { id: 'listen', text: 'I am so sorry; that is not good enough. Let me look at what happened with your refund right now.', moves: ['apologize', 'own-it'], next: id(i + 1) },
      { id: 'check', text: 'Could you tell me when you were told it would arrive, so I can trace it?', moves: ['ask-clarifying'], next: [{ if: 'mood >= 40', to: id(i + 1) }, { to: id(i + 2) }] },
      { id: 'policy', text: 'Refunds take as long as they take, I am afraid.', moves: ['dismiss'], next: 'lost' },
    ],
  });
  return {
    id: 'large-draft',
    title: 'A long refund call',
    setting: 'call-centre',
    difficulty: 'hard',
    company: 'Northway',
    customer: { name: 'Sam Carter', persona: 'irate', mood: 40, patience: 45 },
    briefing: { who: 'A customer owed a refund.', mistake: 'The refund was promised and never sent.', goal: 'Win them back and send it.' },
    start: 'step-0',
    nodes: Object.fromEntries(Array.from({ length: nodes }, (_, i) => [id(i), node(i)])),
    endings: {
      won: { outcome: 'won-back', emotion: 'relieved', line: 'Thank you, that is all I wanted.', summary: 'The customer got the refund and stayed.' },
      lost: { outcome: 'lost', emotion: 'angry', line: 'Forget it, I am going elsewhere.', summary: 'The customer left.' },
    },
  };
}

type Nodes = Record<string, { line: string; choices: { text: string; moves: string[] }[] }>;

/** The kinds of edit timed: what a trainer types most, then an edit that changes how the scenario plays. */
const EDITS: { label: string; edit: (nodes: Nodes, i: number) => void }[] = [
  { label: "a customer's line", edit: (nodes, i) => (nodes[`step-${i % NODES}`].line += ' Again.') },
  { label: "a reply's wording", edit: (nodes, i) => (nodes[`step-${i % NODES}`].choices[0].text += ' Truly.') },
  {
    label: "a reply's moves (every stage reruns)",
    edit: (nodes, i) => {
      const c = nodes[`step-${i % NODES}`].choices[1];
      c.moves = c.moves.length > 1 ? ['ask-clarifying'] : ['ask-clarifying', 'acknowledge-feelings'];
    },
  },
];

export function studioSection(quick: boolean): Promise<SectionResult> {
  const edits = quick ? 15 : 40;
  const draft = largeDraft();
  const nodes = draft.nodes as Nodes;
  progress(`studio: ${edits} edits of each of ${EDITS.length} kinds to a ${NODES}-node draft, each checked as the studio's worker does`);
  checkDraft(stringify(draft, { lineWidth: 0 })); // warm up
  const rows: { label: string; p50: number; p95: number }[] = [];
  let problems = 0;
  let routes = 0;
  for (const kind of EDITS) {
    const times: number[] = [];
    for (let i = 0; i < edits; i++) {
      kind.edit(nodes, i);
      const t = performance.now();
      const check = checkDraft(stringify(draft, { lineWidth: 0 }));
      times.push(performance.now() - t);
      problems = check.problems.length;
      routes = check.figures?.routes ?? 0;
    }
    rows.push({ label: kind.label, p50: round(median(times), 1), p95: round(percentile(times, 95), 1) });
  }
  const [line, , moves] = rows;
  return Promise.resolve({
    title: 'Studio: live checks per edit',
    lines: [
      `Each edit changes one node in a ${NODES}-node draft, then runs what the studio's worker runs: the data to YAML, one parse for the loader's checks and for placing problems, the structural analysis, the route walk (bounded to 30 ms; ${routes} routes counted on the last edit) and the blind strategies (as many plays as \`lint\`). The checker keeps its last route walk and strategy figures with the parts of the scenario they read: an edit to a customer's line, or to a reply's wording that keeps the replies' order by length, replays neither. ${problems} problem${problems === 1 ? '' : 's'} on the last edit.`,
      '',
      ...table(['edit to', 'edits', 'median ms', 'p95 ms', 'target'], rows.map((r) => [r.label, edits, r.p50, r.p95, `<= ${TARGET_MS} ms`])),
    ],
    checks: [
      { name: `Studio check per edit at ${NODES} nodes (median, a customer's line)`, target: `<= ${TARGET_MS} ms`, value: `${line.p50} ms (p95 ${line.p95} ms)`, ok: line.p50 <= TARGET_MS },
      { name: `Studio check per edit at ${NODES} nodes (median, a reply's moves)`, target: `<= ${TARGET_MS} ms`, value: `${moves.p50} ms (p95 ${moves.p95} ms)`, ok: moves.p50 <= TARGET_MS },
    ],
    data: { edits, rows, routes, problems, nodes: NODES, p50: line.p50, p95: line.p95 },
  });
}
