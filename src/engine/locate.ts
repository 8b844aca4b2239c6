// Finds where a path such as ["nodes", "listen", "choices", 2, "text"] sits in a scenario's YAML text.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

export interface Position {
  line: number;
  column: number;
}

export type Locator = (path: readonly (string | number)[]) => Position;

/**
 * A locator for one file. The last key of a path points at the key itself ("text:"), so a finding about
 * a node names the line of its id; a missing key stops at the deepest part that exists.
 */
export function locator(text: string): Locator {
  const lineCounter = new LineCounter();
  return locatorFor(parseDocument(text, { lineCounter, keepSourceTokens: false }), lineCounter);
}

/** The same, for a document already parsed with `lineCounter` (so a caller need not parse it twice). */
export function locatorFor(doc: Document, lineCounter: LineCounter): Locator {
  return (path) => {
    let node: unknown = doc.contents;
    let offset = (node as Node | null)?.range?.[0] ?? 0;
    for (const [i, key] of path.entries()) {
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === key);
        if (!pair) break;
        const keyNode = pair.key as Node | null;
        const valueNode = pair.value as Node | null;
        offset = (last ? keyNode?.range?.[0] : (valueNode?.range?.[0] ?? keyNode?.range?.[0])) ?? offset;
        node = valueNode;
      } else if (isSeq(node) && typeof key === 'number' && node.items[key]) {
        node = node.items[key];
        offset = (node as Node).range?.[0] ?? offset;
      } else break;
    }
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
}
