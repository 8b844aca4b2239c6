// Steps a conversation through the real machine (via replay) for the play command.
import type { ConversationEvent } from '../engine/conversation.ts';
import { replay } from '../engine/replay.ts';
import type { Choice, Scenario, ScenarioNode } from '../engine/schema.ts';
import { isSeed, MAX_SEED, shuffledChoices } from '../engine/shuffle.ts';
import { CliError } from './command.ts';

export const DEFAULT_SECONDS = 4;
export const SILENCE_WORD = 'silence';

export type ReplayOk = Extract<ReturnType<typeof replay>, { ok: true }>;

/** The state after these events; they were accepted one by one, so a failure is a bug. */
export function stateAfter(s: Scenario, events: readonly ConversationEvent[]): ReplayOk {
  const r = replay(s, events);
  if (!r.ok) throw new Error(`event ${r.index + 1} was refused on replay: ${r.reason}`);
  return r;
}

/** A --seed value: a decimal integer from 0 to 4294967295. */
export function parseSeed(value: string): number {
  const n = /^\d{1,10}$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!isSeed(n)) throw new CliError(`--seed: "${value}" is not an integer from 0 to ${MAX_SEED}`);
  return n;
}

/** A node's replies in the order they are numbered: the seed's shuffled order, or the file's without a seed. */
export function numbered(node: ScenarioNode, nodeId: string, seed: number | null = null): Choice[] {
  return seed === null ? node.choices : shuffledChoices(node, nodeId, seed);
}

/** A choice named by id or by its 1-based number in `order` (the node's replies as numbered). */
export function findChoice(node: ScenarioNode, token: string, order: readonly Choice[] = node.choices): Choice | undefined {
  const byId = node.choices.find((c) => c.id === token);
  if (byId) return byId;
  if (/^\d+$/.test(token)) return order[Number(token) - 1];
  return undefined;
}

export function offered(order: readonly Choice[]): string {
  return order.map((c, i) => `${i + 1} ${c.id}`).join(', ');
}

/**
 * Events for a list of choices (ids, numbers or "silence"), checked step by step against the machine.
 * Numbers count in the seed's displayed order when a seed is given, else in file order.
 */
export function eventsFor(s: Scenario, tokens: readonly string[], seconds: readonly number[], seed: number | null = null): ConversationEvent[] {
  if (seconds.length > tokens.length) throw new CliError(`--seconds has ${seconds.length} values but --choices only ${tokens.length}`);
  const events: ConversationEvent[] = [];
  tokens.forEach((token, i) => {
    const step = `step ${i + 1} ("${token}")`;
    const state = stateAfter(s, events);
    if (state.ended) throw new CliError(`${step}: the conversation already ended at "${state.context.ending}" after ${i} step(s)`);
    const nodeId = state.context.node;
    const node = s.nodes[nodeId];
    let event: ConversationEvent;
    if (token === SILENCE_WORD) event = { type: 'customer.patienceExpired' };
    else {
      const order = numbered(node, nodeId, seed);
      const choice = findChoice(node, token, order);
      if (!choice) throw new CliError(`${step}: no such choice at node "${nodeId}"; offered: ${offered(order)}, or silence`);
      event = { type: 'player.choose', choice: choice.id, seconds: seconds[i] ?? DEFAULT_SECONDS };
    }
    const r = replay(s, [...events, event]);
    if (!r.ok) throw new CliError(`${step} at node "${nodeId}": ${r.reason}`);
    events.push(event);
  });
  return events;
}
