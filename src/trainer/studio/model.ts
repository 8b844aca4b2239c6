// The draft as the studio's forms edit it: plain data (the worker turns it to and from YAML, so the
// page loads no YAML library), changed by small pure operations that each return a new draft.
// References follow a rename.
import type { FieldPath } from '../../shared/studio-checks.ts';

export type Data = Record<string, unknown>;
export type Part = 'nodes' | 'endings';

export type Selection = { kind: 'scenario' } | { kind: 'node'; id: string } | { kind: 'ending'; id: string };

const clone = <T>(v: T): T => structuredClone(v);

export function getIn(d: unknown, path: FieldPath): unknown {
  let v: unknown = d;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
}

/** The draft with `path` set to `value` (undefined or '' for an optional field removes it). */
export function setIn(d: Data, path: FieldPath, value: unknown): Data {
  const out = clone(d);
  let v: Record<string | number, unknown> = out;
  for (const [i, k] of path.slice(0, -1).entries()) {
    const next = v[k];
    if (next === null || typeof next !== 'object') v[k] = typeof path[i + 1] === 'number' ? [] : {};
    v = v[k] as Record<string | number, unknown>;
  }
  const last = path[path.length - 1];
  if (value === undefined) {
    if (Array.isArray(v) && typeof last === 'number') v.splice(last, 1);
    else delete v[last];
  } else v[last] = value;
  return out;
}

export function ids(d: Data | null, part: Part): string[] {
  const m = d?.[part];
  return m && typeof m === 'object' && !Array.isArray(m) ? Object.keys(m) : [];
}

/** A free slug starting with `base` among every node and ending id. */
export function freeId(d: Data, base: string): string {
  const taken = new Set([...ids(d, 'nodes'), ...ids(d, 'endings')]);
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    if (!taken.has(id)) return id;
  }
}

export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Turns what a trainer typed into an id ("Calm down!" → "calm-down"). */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function addNode(d: Data, id: string): Data {
  const target = ids(d, 'endings')[0] ?? ids(d, 'nodes')[0] ?? id;
  const node = { line: '', emotion: 'annoyed', choices: [{ id: 'reply', text: '', moves: ['acknowledge-feelings'], next: target }] };
  return setIn(d, ['nodes', id], node);
}

export function addEnding(d: Data, id: string): Data {
  return setIn(d, ['endings', id], { outcome: 'won-back', emotion: 'relieved', line: '', summary: '' });
}

export function addReply(d: Data, nodeId: string): Data {
  const choices = (getIn(d, ['nodes', nodeId, 'choices']) as Data[] | undefined) ?? [];
  const taken = new Set(choices.map((c) => c.id));
  let n = choices.length + 1;
  while (taken.has(`reply-${n}`)) n++;
  const target = ids(d, 'endings')[0] ?? nodeId;
  return setIn(d, ['nodes', nodeId, 'choices', choices.length], { id: `reply-${n}`, text: '', moves: ['acknowledge-feelings'], next: target });
}

/** Every `next`, branch `to`, `start` and `walkOut` naming `from` now names `to`. */
function retarget(d: Data, from: string, to: string): void {
  if (d.start === from) d.start = to;
  if (d.walkOut === from) d.walkOut = to;
  const fix = (holder: Data | undefined) => {
    if (!holder) return;
    if (holder.next === from) holder.next = to;
    else if (Array.isArray(holder.next)) for (const b of holder.next as Data[]) if (b && b.to === from) b.to = to;
  };
  const nodes = (d.nodes ?? {}) as Record<string, Data>;
  for (const node of Object.values(nodes)) {
    if (!node || typeof node !== 'object') continue;
    if (Array.isArray(node.choices)) for (const c of node.choices as Data[]) fix(c);
    fix(node.silence as Data | undefined);
  }
}

/** Renames a node or ending, keeping its place in the order and every reference to it. */
export function renamePart(d: Data, part: Part, from: string, to: string): Data {
  if (from === to) return d;
  const out = clone(d);
  const m = (out[part] ?? {}) as Record<string, unknown>;
  out[part] = Object.fromEntries(Object.entries(m).map(([k, v]) => [k === from ? to : k, v]));
  retarget(out, from, to);
  return out;
}

export function removePart(d: Data, part: Part, id: string): Data {
  return setIn(d, [part, id], undefined);
}

/** Moves a node or ending one place up (-1) or down (+1) in the file. */
export function movePart(d: Data, part: Part, id: string, by: -1 | 1): Data {
  const entries = Object.entries((d[part] ?? {}) as Record<string, unknown>);
  const i = entries.findIndex(([k]) => k === id);
  const j = i + by;
  if (i < 0 || j < 0 || j >= entries.length) return d;
  [entries[i], entries[j]] = [entries[j], entries[i]];
  return { ...clone(d), [part]: Object.fromEntries(entries) };
}

/** Where a reply or silence leads: its targets in order (a plain next, or each branch's `to`). */
export function targetsOf(next: unknown): string[] {
  if (typeof next === 'string') return [next];
  if (Array.isArray(next)) return (next as Data[]).map((b) => (typeof b?.to === 'string' ? b.to : '')).filter(Boolean);
  return [];
}

export function samePath(a: FieldPath, b: FieldPath): boolean {
  return a.length === b.length && a.every((k, i) => k === b[i]);
}

export function startsWith(path: FieldPath, prefix: FieldPath): boolean {
  return prefix.length <= path.length && prefix.every((k, i) => path[i] === k);
}

/** The outline item a problem's path belongs to. */
export function selectionOf(path: FieldPath): Selection {
  if (path[0] === 'nodes' && typeof path[1] === 'string') return { kind: 'node', id: path[1] };
  if (path[0] === 'endings' && typeof path[1] === 'string') return { kind: 'ending', id: path[1] };
  return { kind: 'scenario' };
}
