// Structural checks a valid scenario can still fail: parts nobody can reach, places a conversation
// can never finish from, and lines whose text is too short for the moves they are tagged with.
// Pure: takes a parsed Scenario, returns findings with the path of the YAML node to blame.
import { stronglyConnected } from './components.ts';
import type { Scenario } from './schema.ts';
import { possibleTargets, walkOutEnding } from './conversation.ts';
import { neverHolds } from './condition.ts';

export type FindingKind = 'unreachable' | 'dead-end' | 'loop-without-exit' | 'text-moves';

export interface Finding {
  kind: FindingKind;
  /** Where in the scenario file, e.g. ["nodes", "listen", "choices", 2, "text"]. */
  path: (string | number)[];
  message: string;
}

/** A line shorter than this many words per move it is tagged with cannot plausibly make them all. */
export const MIN_WORDS_PER_MOVE = 2;

/** Targets the author wrote at a node: every choice's and the silence branch's possible ids. */
export function authoredTargets(s: Scenario, nodeId: string): string[] {
  const node = s.nodes[nodeId];
  if (!node) return [];
  const nexts = node.choices.map((c) => c.next);
  if (node.silence) nexts.push(node.silence.next);
  return [...new Set(nexts.flatMap(possibleTargets))];
}

/**
 * Ids a player can reach from the start. A node without a silence branch also leads, after the
 * customer is ignored twice, to the walk-out ending, so that ending counts as reachable.
 */
export function reachableIds(s: Scenario): Set<string> {
  const seen = new Set<string>();
  const queue = [s.start];
  while (queue.length) {
    const id = queue.shift() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    const node = s.nodes[id];
    if (!node) continue;
    queue.push(...authoredTargets(s, id));
    if (!node.silence) queue.push(walkOutEnding(s));
  }
  return seen;
}

/** Node ids from which some ending can be reached through the authored choices and silence branches. */
export function nodesThatCanFinish(s: Scenario): Set<string> {
  const incoming = new Map<string, string[]>();
  for (const id of Object.keys(s.nodes)) {
    for (const to of authoredTargets(s, id)) incoming.set(to, [...(incoming.get(to) ?? []), id]);
  }
  const finishing = new Set<string>();
  const queue = Object.keys(s.endings);
  while (queue.length) {
    const id = queue.shift() as string;
    for (const from of incoming.get(id) ?? []) {
      if (finishing.has(from)) continue;
      finishing.add(from);
      queue.push(from);
    }
  }
  return finishing;
}

/** Strongly connected components of the node graph restricted to `ids`, in discovery order. */
function components(s: Scenario, ids: readonly string[]): string[][] {
  const allowed = new Set(ids);
  return stronglyConnected(ids, (v) => authoredTargets(s, v).filter((w) => allowed.has(w)));
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

const quoteList = (ids: readonly string[]) => ids.map((id) => `"${id}"`).join(', ');

function reachability(s: Scenario): Finding[] {
  const reachable = reachableIds(s);
  const findings: Finding[] = [];
  for (const id of Object.keys(s.nodes)) {
    if (!reachable.has(id)) findings.push({ kind: 'unreachable', path: ['nodes', id], message: `unreachable node: no route from start "${s.start}" leads to "${id}"` });
  }
  for (const id of Object.keys(s.endings)) {
    if (!reachable.has(id)) findings.push({ kind: 'unreachable', path: ['endings', id], message: `unreachable ending: no route from start "${s.start}" leads to "${id}"` });
  }
  return findings;
}

/** Reachable nodes that can never get to an ending: closed loops first, then the nodes leading into them. */
function stuck(s: Scenario): Finding[] {
  const reachable = reachableIds(s);
  const finishing = nodesThatCanFinish(s);
  const order = Object.keys(s.nodes);
  const stuckIds = order.filter((id) => reachable.has(id) && !finishing.has(id));
  const findings: Finding[] = [];
  const inLoop = new Set<string>();
  for (const comp of components(s, stuckIds)) {
    const cyclic = comp.length > 1 || authoredTargets(s, comp[0]).includes(comp[0]);
    if (!cyclic) continue;
    const members = order.filter((id) => comp.includes(id));
    members.forEach((id) => inLoop.add(id));
    const what = members.length === 1 ? `node "${members[0]}" only leads back to itself` : `nodes ${quoteList(members)} only lead to each other`;
    findings.push({ kind: 'loop-without-exit', path: ['nodes', members[0]], message: `loop without exit: ${what}; no choice gets out to an ending` });
  }
  for (const id of stuckIds) {
    if (inLoop.has(id)) continue;
    findings.push({ kind: 'dead-end', path: ['nodes', id], message: `dead end: no ending can be reached from "${id}" (every choice leads into a loop without exit)` });
  }
  return findings;
}

function textAndMoves(s: Scenario): Finding[] {
  const findings: Finding[] = [];
  for (const [id, node] of Object.entries(s.nodes)) {
    node.choices.forEach((c, i) => {
      const path = ['nodes', id, 'choices', i, 'text'];
      const words = countWords(c.text);
      const moves = c.moves.length;
      if (c.text.trim() === '') {
        findings.push({ kind: 'text-moves', path, message: `choice "${c.id}" has empty text but makes ${moves} move(s)` });
      } else if (words < MIN_WORDS_PER_MOVE * moves) {
        findings.push({
          kind: 'text-moves',
          path,
          message: `choice "${c.id}" is ${words} word(s) long but is tagged with ${moves} moves (${c.moves.join(', ')}); allow at least ${MIN_WORDS_PER_MOVE} words per move`,
        });
      }
    });
  }
  return findings;
}

/**
 * Targets a node can really lead to: a branch whose condition can never hold ("mood >= 101") is
 * never taken, except the last one, which is taken when no condition holds.
 */
function openTargets(s: Scenario, nodeId: string): string[] {
  const node = s.nodes[nodeId];
  if (!node) return [];
  const nexts = node.choices.map((c) => c.next);
  if (node.silence) nexts.push(node.silence.next);
  const out = new Set<string>();
  for (const next of nexts) {
    if (typeof next === 'string') out.add(next);
    else next.forEach((b, i) => (i === next.length - 1 || !b.if || !neverHolds(b.if)) && out.add(b.to));
  }
  return [...out];
}

/**
 * Loops whose every exit is unreachable: nodes that reach an ending only through branches whose
 * condition can never hold. The route walk would wander such a loop for ever without finishing a
 * route (an upload of one once stalled the server), and no player could ever leave it.
 */
function closedExits(s: Scenario): Finding[] {
  const reachable = reachableIds(s);
  const finishing = nodesThatCanFinish(s);
  const incoming = new Map<string, string[]>();
  for (const id of Object.keys(s.nodes)) {
    for (const to of openTargets(s, id)) incoming.set(to, [...(incoming.get(to) ?? []), id]);
  }
  const open = new Set<string>();
  const queue = Object.keys(s.endings);
  while (queue.length) {
    const id = queue.shift() as string;
    for (const from of incoming.get(id) ?? []) {
      if (open.has(from)) continue;
      open.add(from);
      queue.push(from);
    }
  }
  const trapped = Object.keys(s.nodes).filter((id) => reachable.has(id) && finishing.has(id) && !open.has(id));
  if (trapped.length === 0) return [];
  const closed = new Set<string>();
  for (const id of trapped) {
    const node = s.nodes[id];
    for (const next of [...node.choices.map((c) => c.next), ...(node.silence ? [node.silence.next] : [])]) {
      if (typeof next !== 'string') for (const b of next) if (b.if && neverHolds(b.if)) closed.add(`"${b.if}"`);
    }
  }
  const shown = [...closed].slice(0, 3).join(', ') + (closed.size > 3 ? ', …' : '');
  const nodes = trapped.length === 1 ? `node "${trapped[0]}" gets` : `nodes ${quoteList(trapped.slice(0, 5))}${trapped.length > 5 ? ` and ${trapped.length - 5} more` : ''} get`;
  return [
    {
      kind: 'loop-without-exit',
      path: ['nodes', trapped[0]],
      message: `loop whose every exit is unreachable: ${nodes} out only through conditions that can never hold (${shown}; mood and distrust run 0-100, patience 5-90)`,
    },
  ];
}

/** Every finding for one scenario, in the order: reachability, dead ends and loops, text against moves. */
export function analyzeScenario(s: Scenario): Finding[] {
  return [...reachability(s), ...stuck(s), ...closedExits(s), ...textAndMoves(s)];
}
