// Scenario -> Mermaid flowchart source. Pure; the CLI prints it and the trainer page renders it.
import type { Next, Outcome, Scenario } from './schema.ts';

export interface MermaidOptions {
  /** Longest excerpt of a customer line shown in a box, in characters. */
  excerpt?: number;
}

const OUTCOME_CLASS: Record<Outcome, string> = { 'won-back': 'wonBack', lost: 'lost', 'went-public': 'wentPublic' };

const CLASS_DEFS = [
  'classDef start stroke-width:3px',
  'classDef wonBack fill:#d8f3dc,stroke:#2d6a4f,color:#1b4332',
  'classDef lost fill:#e9ecef,stroke:#6c757d,color:#343a40',
  'classDef wentPublic fill:#f8d7da,stroke:#b02a37,color:#58151c',
];

const NAMED: Record<string, string> = { '"': 'quot', '<': 'lt', '>': 'gt', '&': 'amp' };

/**
 * Text safe inside a quoted Mermaid label: characters Mermaid or HTML would read as syntax become
 * entity codes (#quot; style, which Mermaid decodes when it renders).
 */
export function escapeLabel(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[#"<>&[\]{}()|`;\\]/g, (c) => `#${NAMED[c] ?? c.charCodeAt(0)};`);
}

/** The start of a line, cut at a word boundary. */
export function excerpt(text: string, max = 48): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:-]+$/, '')}…`;
}

/** Mermaid ids: slugs use only [a-z0-9-], so swapping hyphens for underscores cannot collide. */
export function mermaidId(s: Scenario, id: string): string {
  return `${id in s.endings ? 'e' : 'n'}_${id.replace(/-/g, '_')}`;
}

function edges(s: Scenario, from: string, label: string, next: Next, dashed: boolean): string[] {
  const arrow = dashed ? '-.->' : '-->';
  const branches = typeof next === 'string' ? [{ to: next, if: undefined }] : next;
  return branches.map((b) => {
    const text = typeof next === 'string' ? label : `${label}: ${b.if ?? 'otherwise'}`;
    return `  ${mermaidId(s, from)} ${arrow}|"${escapeLabel(text)}"| ${mermaidId(s, b.to)}`;
  });
}

export function toMermaid(s: Scenario, options: MermaidOptions = {}): string {
  const max = options.excerpt ?? 48;
  const lines = ['flowchart TD', `  %% ${s.id}: ${s.title.replace(/\s+/g, ' ')}`];
  for (const [id, node] of Object.entries(s.nodes)) {
    lines.push(`  ${mermaidId(s, id)}["${escapeLabel(`${id} · ${node.emotion}`)}<br/>${escapeLabel(excerpt(node.line, max))}"]`);
  }
  for (const [id, end] of Object.entries(s.endings)) {
    lines.push(`  ${mermaidId(s, id)}(["${escapeLabel(`${id} · ${end.outcome} · ${end.emotion}`)}<br/>${escapeLabel(excerpt(end.line, max))}"])`);
  }
  for (const [id, node] of Object.entries(s.nodes)) {
    for (const c of node.choices) lines.push(...edges(s, id, c.id, c.next, false));
    if (node.silence) lines.push(...edges(s, id, 'silence', node.silence.next, true));
  }
  lines.push(...CLASS_DEFS.map((d) => `  ${d}`));
  if (s.nodes[s.start]) lines.push(`  class ${mermaidId(s, s.start)} start`);
  for (const outcome of Object.keys(OUTCOME_CLASS) as Outcome[]) {
    const ids = Object.keys(s.endings).filter((id) => s.endings[id].outcome === outcome);
    if (ids.length) lines.push(`  class ${ids.map((id) => mermaidId(s, id)).join(',')} ${OUTCOME_CLASS[outcome]}`);
  }
  return `${lines.join('\n')}\n`;
}
