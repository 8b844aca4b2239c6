// YAML text -> Scenario, or a list of errors naming the file, line and column and what is wrong.
// Never throws on bad input.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, Scalar, visit, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { OUTCOMES, scenarioSchema, type Scenario } from './schema.ts';
import { closest, didYouMean } from './suggest.ts';

export interface ScenarioError {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** Warnings (text a `#` cut short) come with either result; they never make a file fail. */
export type LoadResult =
  | { ok: true; scenario: Scenario; errors: []; warnings: ScenarioError[] }
  | { ok: false; scenario?: undefined; errors: ScenarioError[]; warnings: ScenarioError[] };

export function formatError(e: ScenarioError): string {
  return `${e.file}:${e.line}:${e.column}: ${e.message}`;
}

type Path = readonly (string | number)[];

/**
 * The position of the deepest YAML node along `path`. When a key is missing, the position of the key
 * that names the block lacking it (`remedy:` for a node without `emotion`). With `atKey`, the
 * position of the last key itself rather than its value (for unknown keys).
 */
function locate(doc: Document, lc: LineCounter, path: Path, atKey = false): { line: number; column: number } {
  let node: unknown = doc.contents;
  let offset = (node as Node | null)?.range?.[0] ?? 0;
  let header = offset;
  for (const [i, key] of path.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === key);
      if (!pair) {
        offset = header;
        break;
      }
      const keyAt = (pair.key as Node | null)?.range?.[0];
      const target = ((atKey && i === path.length - 1 ? pair.key : pair.value) ?? pair.key) as Node | null;
      node = target;
      offset = (target?.range?.[0] ?? keyAt) ?? offset;
      header = keyAt ?? offset;
    } else if (isSeq(node) && typeof key === 'number' && node.items[key]) {
      node = node.items[key];
      offset = (node as Node).range?.[0] ?? offset;
      header = offset;
    } else break;
  }
  const pos = lc.linePos(offset);
  return { line: pos.line, column: pos.col };
}

function describePath(path: Path): string {
  return path.length ? path.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.').replace(/\.\[/g, '[') : 'the file';
}

export function parseScenario(text: string, file = '<scenario>'): LoadResult {
  return readScenario(text, file).result;
}

/** The parsed YAML document along with the result, for callers that also place findings in the text. */
export interface ReadScenario {
  result: LoadResult;
  doc: Document;
  lineCounter: LineCounter;
}

export function readScenario(text: string, file = '<scenario>'): ReadScenario {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  return { result: loadDocument(text, file, doc, lineCounter), doc, lineCounter };
}

function loadDocument(text: string, file: string, doc: Document, lc: LineCounter): LoadResult {
  const errors: ScenarioError[] = [];
  const at = (path: Path, message: string, atKey = false) => errors.push({ file, ...locate(doc, lc, path, atKey), message });
  const comments = sameLineComments(text, doc, lc);
  const warnings: ScenarioError[] = comments.filter((c) => c.cut).map((c) => ({ file, line: c.line, column: c.column, message: c.cut as string }));
  const fail = (): LoadResult => ({ ok: false, errors: sortErrors(errors), warnings });

  errors.push(...syntaxErrors(text, doc, lc, file));
  // A repeated key is reported, and the rest of the file is still checked (the later value wins).
  if (doc.errors.some((e) => e.code !== 'DUPLICATE_KEY')) return fail();

  let data: unknown;
  try {
    data = doc.toJS();
  } catch (e) {
    return { ok: false, errors: [{ file, line: 1, column: 1, message: `cannot read YAML: ${(e as Error).message}` }], warnings };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, errors: [{ file, line: 1, column: 1, message: 'a scenario file must be a YAML mapping (id:, title:, nodes:, ...)' }], warnings };
  }

  // Schema problems and reference problems are reported together, so one run shows every mistake.
  const parsed = scenarioSchema.safeParse(data);
  const issues = parsed.success ? [] : parsed.error.issues;
  const emptyByComment = new Map(comments.filter((c) => c.empty).map((c) => [posKey(c), c.empty]));
  // `choises:` is one mistake: report the unknown key with its suggestion, not also "choices is missing".
  const misspelt = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const allowed = keysAt(scenarioSchema, issue.path as Path);
    for (const key of issue.keys) {
      const guess = closest(key, allowed);
      if (guess.length === 1) misspelt.add(JSON.stringify([...issue.path, guess[0]]));
      // Point at each unknown key, not at the start of the block that holds it.
      at([...(issue.path as Path), key], `${describePath(issue.path as Path)}: unknown key "${key}"${guess.length ? `;${didYouMean(key, allowed)}` : ''}`, true);
    }
  }
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') continue;
    const path = issue.path as Path;
    const value = getIn(data, path);
    let message = issue.message;
    if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && value === undefined) {
      if (misspelt.has(JSON.stringify(path))) continue;
      message = `${describePath(path)} is missing`;
    } else if (value === null && emptyByComment.has(posKey(locate(doc, lc, path)))) {
      message = `${describePath(path)} is empty: ${emptyByComment.get(posKey(locate(doc, lc, path)))}`;
    } else if (issue.code === 'invalid_value' && 'values' in issue) {
      const allowed = (issue.values as unknown[]).map(String);
      const hint = didYouMean(String(value), allowed);
      message = `${describePath(path)}: "${String(value)}" is not allowed; ${hint ? `${hint.trim()} (expected one of: ${allowed.join(', ')})` : `expected one of: ${allowed.join(', ')}`}`;
    } else {
      message = `${describePath(path)}: ${message}`;
    }
    at(path, message);
  }

  checkReferences(data as Record<string, unknown>, at, issues.map((i) => i.path as Path));
  if (errors.length || !parsed.success) return fail();
  return { ok: true, scenario: parsed.data, errors: [], warnings };
}

const posKey = (p: { line: number; column: number }) => `${p.line}:${p.column}`;

/**
 * The parser's errors, worded for authors. A tab in the indentation is named as such, once per
 * line, in place of whatever the parser made of the misaligned block: from the line before the
 * first tabbed line (whose block it was meant to continue) on, only tabs and repeated keys are
 * reported, since what follows a misaligned line is mostly knock-on noise.
 */
function syntaxErrors(text: string, doc: Document, lc: LineCounter, file: string): ScenarioError[] {
  const lines = text.split(/\r?\n|\r/);
  const tabAt = (line: number): number => {
    const indent = /^(?:[ \t]*-(?=[ \t]))*[ \t]*/.exec(lines[line - 1] ?? '')?.[0] ?? '';
    return indent.indexOf('\t') + 1;
  };
  const tabbed = new Set<number>();
  for (const e of doc.errors) {
    const line = (e.linePos?.[0] ?? lc.linePos(e.pos[0])).line;
    for (const l of [line, line + 1]) if (tabAt(l) > 0) tabbed.add(l);
  }
  const out: ScenarioError[] = [...tabbed].map((line) => ({
    file,
    line,
    column: tabAt(line),
    message: 'a tab character indents this line; YAML indents with spaces only',
  }));
  const firstTab = Math.min(...tabbed);
  for (const e of doc.errors) {
    const pos = e.linePos?.[0] ?? lc.linePos(e.pos[0]);
    if (pos.line >= firstTab - 1 && (e.code !== 'DUPLICATE_KEY' || tabbed.has(pos.line))) continue;
    let message = e.code === 'DUPLICATE_KEY' ? duplicateKeyMessage(doc, lc, e.pos[0]) : e.message.split('\n')[0];
    // The usual cause: an unquoted colon inside a line of dialogue.
    if (/Nested mappings|Implicit map keys|compact mappings/.test(message)) message += ' (if this text contains ": ", put the whole text in quotes)';
    out.push({ file, line: pos.line, column: pos.col, message });
  }
  return out;
}

/** Keys whose values are sentences a player reads, where a `#` is more likely text than a comment. */
const PROSE_KEYS = new Set(['text', 'line', 'narration', 'summary', 'note', 'title', 'who', 'mistake', 'goal']);

interface SameLineComment {
  /** Of the `#`. */
  line: number;
  column: number;
  /** Why the value is empty, when the comment took all of it. */
  empty?: string;
  /** The warning, when the comment seems to cut a sentence short. */
  cut?: string;
}

/**
 * Comments that start on the same line as an unquoted value. YAML reads " #" as the start of a
 * comment, so `text: We're #1 at service` is just "We're". Warned about for prose keys unless the
 * comment looks deliberate: at least two spaces before the `#` and a space after it
 * (`text: Sorry.  # TODO warmer`). A value the comment took entirely (`skin: #8d5524`) is noted so
 * the schema error for it can say why it is empty.
 */
function sameLineComments(text: string, doc: Document, lc: LineCounter): SameLineComment[] {
  const out: SameLineComment[] = [];
  visit(doc, {
    Pair(_key, pair) {
      const key = pair.key;
      const value = pair.value;
      if (!isScalar(key) || !isScalar(value) || value.type !== Scalar.PLAIN || !value.range) return;
      const end = value.range[1];
      const gap = /^[ \t]*/.exec(text.slice(end))?.[0] ?? '';
      const hash = end + gap.length;
      if (text[hash] !== '#') return;
      const { line, col } = lc.linePos(hash);
      const rest = /^[^\r\n]*/.exec(text.slice(hash))?.[0].trimEnd() ?? '';
      const shown = rest.length > 40 ? `${rest.slice(0, 40).trimEnd()}…` : rest;
      const name = String(key.value);
      if (value.value === null || value.value === '') {
        // `key: #…`: the gap is the one after the colon, already consumed before the value.
        out.push({ line, column: col, empty: `"${rest}" after it is a YAML comment (a "#" after a space starts one); put the value in quotes, like ${name}: "${rest}"` });
        return;
      }
      if (!PROSE_KEYS.has(name) || gap.length === 0) return;
      if (gap.length >= 2 && /^#(\s|$)/.test(rest)) return;
      out.push({
        line,
        column: col,
        cut: `${name} is cut short before "${shown}": YAML reads " #" as the start of a comment and drops the rest of the line; put the whole text in quotes (or move a comment to its own line)`,
      });
    },
  });
  return out;
}

/** The keys the schema allows in the mapping at `path` (through records, lists, unions, optionals). */
function keysAt(schema: z.ZodType, path: Path): string[] {
  type Def = { type: string; shape?: Record<string, z.ZodType>; valueType?: z.ZodType; element?: z.ZodType; innerType?: z.ZodType; options?: z.ZodType[]; in?: z.ZodType };
  const def = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;
  const walk = (s: z.ZodType, rest: Path): string[] => {
    const d = def(s);
    if (d.type === 'optional' || d.type === 'nullable' || d.type === 'default' || d.type === 'readonly') return d.innerType ? walk(d.innerType, rest) : [];
    if (d.type === 'pipe') return d.in ? walk(d.in, rest) : [];
    if (d.type === 'union') return [...new Set((d.options ?? []).flatMap((o) => walk(o, rest)))];
    if (!rest.length) return d.type === 'object' && d.shape ? Object.keys(d.shape) : [];
    const [head, ...tail] = rest;
    if (d.type === 'object' && d.shape && typeof head === 'string' && d.shape[head]) return walk(d.shape[head], tail);
    if (d.type === 'record' && d.valueType) return walk(d.valueType, tail);
    if (d.type === 'array' && d.element && typeof head === 'number') return walk(d.element, tail);
    return [];
  };
  return walk(schema, path);
}

/** Names the repeated key and where it was first used; the parser's own message names neither. */
function duplicateKeyMessage(doc: Document, lc: LineCounter, offset: number): string {
  let message = 'duplicate id or key: Map keys must be unique';
  visit(doc, {
    Pair(_key, pair, path) {
      const key = pair.key as Node | null;
      if (key?.range?.[0] !== offset) return;
      const name = isScalar(key) ? key.value : key;
      const parent = path[path.length - 1];
      const first = isMap(parent) ? parent.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === name) : undefined;
      const firstAt = (first?.key as Node | null)?.range?.[0];
      const where = firstAt !== undefined && firstAt !== offset ? ` (first used on line ${lc.linePos(firstAt).line})` : '';
      message = `duplicate id or key "${String(name)}"${where}: each key may appear only once in a mapping`;
      return visit.BREAK;
    },
  });
  return message;
}

function getIn(data: unknown, path: Path): unknown {
  let v: unknown = data;
  for (const k of path) v = v && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined;
  return v;
}

function sortErrors(errors: ScenarioError[]): ScenarioError[] {
  return errors.sort((a, b) => a.line - b.line || a.column - b.column);
}

/**
 * Cross-references zod cannot see: targets, ids, endings. Runs on the raw data, also when the schema
 * found problems, skipping what is not there or not the right shape (the schema reports that) and
 * any place where the schema already reported a problem.
 */
function checkReferences(data: Record<string, unknown>, at: (path: Path, message: string) => void, schemaPaths: readonly Path[]): void {
  /** The schema reported a problem at `path` or inside it. */
  const reported = (path: Path) => schemaPaths.some((p) => path.every((k, i) => p[i] === k));
  const record = (v: unknown): Record<string, unknown> | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);
  const nodes = record(data.nodes);
  const endings = record(data.endings);
  const nodeIds = Object.keys(nodes ?? {});
  const endingIds = Object.keys(endings ?? {});
  const targets = [...nodeIds, ...endingIds];
  for (const id of nodeIds) if (endingIds.includes(id)) at(['endings', id], `duplicate id "${id}": used for a node and an ending`);
  if (nodes && typeof data.start === 'string' && !nodeIds.includes(data.start) && !reported(['start'])) {
    at(['start'], `start: there is no node "${data.start}"${withHint(data.start, nodeIds)}`);
  }
  if (endings && typeof data.walkOut === 'string' && !endingIds.includes(data.walkOut) && !reported(['walkOut'])) {
    at(['walkOut'], `walkOut: there is no ending "${data.walkOut}"${withHint(data.walkOut, endingIds)}`);
  }
  if (endings) {
    const outcomes = endingIds.map((id) => record(endings[id])?.outcome);
    if (endingIds.length === 0) at(['endings'], 'missing ending: a scenario needs at least one ending');
    // A misspelt outcome is its own error (with a suggestion); only a file that truly lacks one is told so.
    else if (!outcomes.includes('won-back') && outcomes.every((o) => (OUTCOMES as readonly unknown[]).includes(o))) {
      at(['endings'], 'missing ending: no ending has outcome won-back, so the customer can never be won back');
    }
  }

  const checkNext = (next: unknown, path: Path) => {
    // A `next` the schema rejected as a whole (a number, say) has no targets to check.
    if (next === undefined || schemaPaths.some((p) => p.length === path.length && path.every((k, i) => p[i] === k))) return;
    const to: unknown[] = [];
    if (typeof next === 'string') to.push(next);
    else if (Array.isArray(next) && next.length) {
      const branches = next.map(record);
      branches.forEach((b, i) => {
        if (b && i < next.length - 1 && !b.if && !reported([...path, i])) at([...path, i], 'only the last branch may leave out "if"; later branches could never be taken');
        if (b && !reported([...path, i, 'to'])) to.push(b.to);
      });
      if (branches[next.length - 1]?.if) at([...path, next.length - 1], 'the last branch needs no "if": it is taken when no condition holds');
    }
    if (!nodes || !endings) return;
    for (const t of new Set(to)) {
      if (typeof t === 'string' && !targets.includes(t)) at(path, `leads to "${t}", but there is no node or ending with that id${withHint(t, targets)}`);
    }
  };

  for (const id of nodeIds) {
    const node = record(nodes?.[id]);
    if (!node) continue;
    const seen = new Set<unknown>();
    (Array.isArray(node.choices) ? node.choices : []).forEach((raw, i) => {
      const c = record(raw);
      if (!c) return;
      const path = ['nodes', id, 'choices', i];
      if (typeof c.id === 'string') {
        if (seen.has(c.id)) at([...path, 'id'], `duplicate id: choice "${c.id}" appears twice in node "${id}"`);
        seen.add(c.id);
      }
      const moves = Array.isArray(c.moves) ? c.moves : undefined;
      if (typeof c.text === 'string' && c.text.trim() === '' && moves) at([...path, 'text'], `choice "${String(c.id)}" has empty text but makes ${moves.length} move(s)`);
      if (moves && new Set(moves).size !== moves.length) at([...path, 'moves'], `choice "${String(c.id)}" lists a move twice`);
      checkNext(c.next, [...path, 'next']);
    });
    const silence = record(node.silence);
    if (silence) checkNext(silence.next, ['nodes', id, 'silence', 'next']);
  }
}

/** `; did you mean "lost"?`, or '' when no id is close. */
function withHint(name: string, candidates: readonly string[]): string {
  const hint = didYouMean(name, candidates);
  return hint ? `;${hint}` : '';
}

export { scenarioSchema };
