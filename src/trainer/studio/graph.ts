// The scenario as a graph (@xyflow/react on Preact through preact/compat, laid out by dagre): a card
// per node with a handle per reply, and the endings. Pan, zoom, fit and auto layout; clicking a card
// opens it in the form; dragging from a reply's handle to a card makes the reply lead there.
// Loaded on demand (editor.ts imports it lazily), so the dashboard does not carry it.
import '@xyflow/react/dist/style.css';
import dagre from '@dagrejs/dagre';
import { Background, Controls, Handle, Position, ReactFlow, ReactFlowProvider, useReactFlow, type Connection, type Edge, type Node, type NodeProps } from '@xyflow/react';
import { h } from 'preact';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { ids, targetsOf, type Data, type Selection } from './model.ts';

export interface GraphProps {
  data: Data;
  selected: Selection;
  problemsFor: (sel: Selection) => number;
  onSelect: (sel: Selection) => void;
  /** The reply `index` of `node` now leads to `target`. */
  onLink: (node: string, index: number, target: string) => void;
}

type CardData = { kind: 'node' | 'ending'; id: string; text: string; replies: { id: string; text: string }[]; problems: number; start: boolean; outcome?: string };
type Card = Node<CardData, 'card'>;

const WIDTH = 230;
const heightOf = (d: CardData) => 62 + d.replies.length * 26;

function CardNode({ data, selected }: NodeProps<Card>) {
  return h(
    'div',
    { class: ['graph-card', data.kind, selected && 'selected', data.outcome && `outcome-${data.outcome}`].filter(Boolean).join(' '), style: { width: WIDTH } },
    h(Handle, { type: 'target', position: Position.Left, class: 'graph-in' }),
    h(
      'div',
      { class: 'graph-card-head' },
      h('span', { class: 'graph-card-id' }, data.id),
      data.start ? h('span', { class: 'outline-tag' }, 'start') : null,
      data.outcome ? h('span', { class: 'graph-outcome' }, data.outcome) : null,
      data.problems ? h('span', { class: 'outline-problems', 'aria-label': `${data.problems} problems` }, String(data.problems)) : null,
    ),
    h('div', { class: 'graph-card-text' }, data.text || h('em', null, 'No line yet')),
    data.replies.map((r, i) =>
      h(
        'div',
        { class: 'graph-reply', key: r.id + i },
        h('span', null, r.text || r.id),
        h(Handle, { type: 'source', position: Position.Right, id: `reply-${i}`, class: 'graph-out', title: `Drag to link reply ${i + 1}` }),
      ),
    ),
  );
}

const nodeTypes = { card: CardNode };

function build(d: Data, problemsFor: GraphProps['problemsFor']): { nodes: Card[]; edges: Edge[] } {
  const nodes: Card[] = [];
  const edges: Edge[] = [];
  const nodeMap = (d.nodes ?? {}) as Record<string, Data>;
  for (const id of ids(d, 'nodes')) {
    const n = nodeMap[id] ?? {};
    const choices = Array.isArray(n.choices) ? (n.choices as Data[]) : [];
    nodes.push({
      id,
      type: 'card',
      position: { x: 0, y: 0 },
      data: { kind: 'node', id, text: typeof n.line === 'string' ? n.line : '', replies: choices.map((c) => ({ id: typeof c.id === 'string' ? c.id : '', text: typeof c.text === 'string' ? c.text : '' })), problems: problemsFor({ kind: 'node', id }), start: d.start === id },
    });
    choices.forEach((c, i) =>
      targetsOf(c.next).forEach((t, j) => edges.push({ id: `${id}-${i}-${j}-${t}`, source: id, sourceHandle: `reply-${i}`, target: t, animated: false, label: Array.isArray(c.next) ? `branch ${j + 1}` : undefined })),
    );
    const silence = n.silence as Data | undefined;
    if (silence) targetsOf(silence.next).forEach((t, j) => edges.push({ id: `${id}-silence-${j}-${t}`, source: id, target: t, label: 'silence', style: { strokeDasharray: '5 4' } }));
  }
  const endMap = (d.endings ?? {}) as Record<string, Data>;
  for (const id of ids(d, 'endings')) {
    const e = endMap[id] ?? {};
    nodes.push({ id, type: 'card', position: { x: 0, y: 0 }, data: { kind: 'ending', id, text: typeof e.line === 'string' ? e.line : '', replies: [], problems: problemsFor({ kind: 'ending', id }), start: false, outcome: typeof e.outcome === 'string' ? e.outcome : undefined } });
  }
  const known = new Set(nodes.map((n) => n.id));
  return { nodes, edges: edges.filter((e) => known.has(e.target)) };
}

/** Positions from dagre, left to right. */
function layout(nodes: Card[], edges: Edge[]): Record<string, { x: number; y: number }> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 28, ranksep: 90 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) g.setNode(n.id, { width: WIDTH, height: heightOf(n.data) });
  for (const e of edges) g.setEdge(e.source, e.target);
  dagre.layout(g);
  const out: Record<string, { x: number; y: number }> = {};
  for (const n of nodes) {
    const p = g.node(n.id) as { x: number; y: number };
    out[n.id] = { x: p.x - WIDTH / 2, y: p.y - heightOf(n.data) / 2 };
  }
  return out;
}

function Flow(p: GraphProps) {
  const { nodes: built, edges } = useMemo(() => build(p.data, p.problemsFor), [p.data, p.problemsFor]);
  const [positions, setPositions] = useState<Record<string, { x: number; y: number }>>(() => layout(built, edges));
  const flow = useReactFlow();
  // New parts get a place from a fresh layout; parts already placed keep theirs.
  useEffect(() => {
    if (built.every((n) => positions[n.id])) return;
    const fresh = layout(built, edges);
    setPositions((old) => ({ ...fresh, ...old }));
  }, [built]);
  const selId = p.selected.kind === 'scenario' ? null : p.selected.id;
  const nodes = built.map((n) => ({ ...n, position: positions[n.id] ?? { x: 0, y: 0 }, selected: n.id === selId }));

  const autoLayout = useCallback(() => {
    setPositions(layout(built, edges));
    setTimeout(() => void flow.fitView({ padding: 0.15, duration: 250 }), 30);
  }, [built, edges, flow]);

  return h(
    'div',
    { class: 'graph-wrap' },
    h(
      'div',
      { class: 'graph-toolbar' },
      h('button', { type: 'button', class: 'btn btn-secondary btn-small', onClick: autoLayout }, 'Auto layout'),
      h('button', { type: 'button', class: 'btn btn-secondary btn-small', onClick: () => void flow.fitView({ padding: 0.15, duration: 250 }) }, 'Fit'),
      h('span', { class: 'muted small' }, 'Drag from a reply’s dot to a card to link them. Click a card to edit it.'),
    ),
    h(
      'div',
      { class: 'graph-canvas', 'aria-label': 'Scenario graph' },
      h(
        ReactFlow,
        {
          nodes,
          edges,
          nodeTypes,
          fitView: true,
          fitViewOptions: { padding: 0.15 },
          minZoom: 0.2,
          proOptions: { hideAttribution: true },
          defaultEdgeOptions: { style: { strokeWidth: 1.6 } },
          onNodesChange: (changes) => {
            const moved = changes.filter((c) => c.type === 'position' && c.position);
            if (moved.length) setPositions((old) => ({ ...old, ...Object.fromEntries(moved.map((c) => [(c as { id: string }).id, (c as { position: { x: number; y: number } }).position])) }));
          },
          onNodeClick: (_e, n) => p.onSelect(n.data.kind === 'node' ? { kind: 'node', id: n.id } : { kind: 'ending', id: n.id }),
          onConnect: (c: Connection) => {
            const m = /^reply-(\d+)$/.exec(c.sourceHandle ?? '');
            if (m && c.target) p.onLink(c.source, Number(m[1]), c.target);
          },
        },
        h(Background, { gap: 18, size: 1, color: '#d6dde5' }),
        h(Controls, { showInteractive: false }),
      ),
    ),
  );
}

export function GraphView(p: GraphProps) {
  return h(ReactFlowProvider, null, h(Flow, p));
}
