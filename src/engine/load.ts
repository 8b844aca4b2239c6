// YAML text -> Scenario, or a list of errors naming the file, line and column and what is wrong.
// Never throws on bad input.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { scenarioSchema, type Scenario, type Next } from './schema.ts';
import { possibleTargets } from './conversation.ts';

export interface ScenarioError {
  file: string;
  line: number;
  column: number;
  message: string;
}

export type LoadResult = { ok: true; scenario: Scenario; errors: [] } | { ok: false; scenario?: undefined; errors: ScenarioError[] };

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
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: false });
  const errors: ScenarioError[] = [];
  const at = (path: Path, message: string, atKey = false) => errors.push({ file, ...locate(doc, lc, path, atKey), message });

  for (const e of doc.errors) {
    const pos = e.linePos?.[0] ?? lc.linePos(e.pos[0]);
    let message = e.code === 'DUPLICATE_KEY' ? duplicateKeyMessage(doc, lc, e.pos[0]) : e.message.split('\n')[0];
    // The usual cause: an unquoted colon inside a line of dialogue.
    if (/Nested mappings|Implicit map keys|compact mappings/.test(message)) message += ' (if this text contains ": ", put the whole text in quotes)';
    errors.push({ file, line: pos.line, column: pos.col, message });
  }
  if (errors.length) return { ok: false, errors };

  let data: unknown;
  try {
    data = doc.toJS();
  } catch (e) {
    return { ok: false, errors: [{ file, line: 1, column: 1, message: `cannot read YAML: ${(e as Error).message}` }] };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, errors: [{ file, line: 1, column: 1, message: 'a scenario file must be a YAML mapping (id:, title:, nodes:, ...)' }] };
  }

  const parsed = scenarioSchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path as Path;
      let message = issue.message;
      if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && getIn(data, path) === undefined) {
        message = `${describePath(path)} is missing`;
      } else if (issue.code === 'invalid_value' && 'values' in issue) {
        message = `${describePath(path)}: "${String(getIn(data, path))}" is not allowed; expected one of: ${(issue.values as unknown[]).join(', ')}`;
      } else if (issue.code === 'unrecognized_keys') {
        message = `${describePath(path)}: unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
        // Point at the (first) unknown key, not at the start of the block that holds it.
        at([...path, issue.keys[0]], message, true);
        continue;
      } else {
        message = `${describePath(path)}: ${message}`;
      }
      at(path, message);
    }
    return { ok: false, errors: sortErrors(errors) };
  }

  checkReferences(parsed.data, at);
  if (errors.length) return { ok: false, errors: sortErrors(errors) };
  return { ok: true, scenario: parsed.data, errors: [] };
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

/** Cross-references zod cannot see: targets, ids, endings. */
function checkReferences(s: Scenario, at: (path: Path, message: string) => void): void {
  const nodeIds = new Set(Object.keys(s.nodes));
  const endingIds = new Set(Object.keys(s.endings));
  for (const id of nodeIds) if (endingIds.has(id)) at(['endings', id], `duplicate id "${id}": used for a node and an ending`);
  if (!nodeIds.has(s.start)) at(['start'], `start: there is no node "${s.start}"`);
  if (s.walkOut && !endingIds.has(s.walkOut)) at(['walkOut'], `walkOut: there is no ending "${s.walkOut}"`);
  if (endingIds.size === 0) at(['endings'], 'missing ending: a scenario needs at least one ending');
  else if (![...endingIds].some((id) => s.endings[id].outcome === 'won-back')) {
    at(['endings'], 'missing ending: no ending has outcome won-back, so the customer can never be won back');
  }

  const checkNext = (next: Next, path: Path) => {
    if (Array.isArray(next)) {
      next.forEach((b, i) => {
        if (i < next.length - 1 && !b.if) at([...path, i], 'only the last branch may leave out "if"; later branches could never be taken');
      });
      if (next[next.length - 1].if) at([...path, next.length - 1], 'the last branch needs no "if": it is taken when no condition holds');
    }
    for (const to of possibleTargets(next)) {
      if (!nodeIds.has(to) && !endingIds.has(to)) at(path, `leads to "${to}", but there is no node or ending with that id`);
    }
  };

  for (const [id, node] of Object.entries(s.nodes)) {
    const seen = new Set<string>();
    node.choices.forEach((c, i) => {
      const path = ['nodes', id, 'choices', i];
      if (seen.has(c.id)) at([...path, 'id'], `duplicate id: choice "${c.id}" appears twice in node "${id}"`);
      seen.add(c.id);
      if (c.text.trim() === '') at([...path, 'text'], `choice "${c.id}" has empty text but makes ${c.moves.length} move(s)`);
      const moves = new Set(c.moves);
      if (moves.size !== c.moves.length) at([...path, 'moves'], `choice "${c.id}" lists a move twice`);
      checkNext(c.next, [...path, 'next']);
    });
    if (node.silence) checkNext(node.silence.next, ['nodes', id, 'silence', 'next']);
  }
}

export { scenarioSchema };
