// Steps a conversation through the real machine (via replay) for the play command.
import type { ConversationEvent } from '../engine/conversation.ts';
import { replay } from '../engine/replay.ts';
import type { Choice, Scenario, ScenarioNode } from '../engine/schema.ts';
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

/** A choice named by id or by its 1-based number at this node. */
export function findChoice(node: ScenarioNode, token: string): Choice | undefined {
  const byId = node.choices.find((c) => c.id === token);
  if (byId) return byId;
  if (/^\d+$/.test(token)) return node.choices[Number(token) - 1];
  return undefined;
}

export function offered(node: ScenarioNode): string {
  return node.choices.map((c, i) => `${i + 1} ${c.id}`).join(', ');
}

/** Events for a list of choices (ids, numbers or "silence"), checked step by step against the machine. */
export function eventsFor(s: Scenario, tokens: readonly string[], seconds: readonly number[]): ConversationEvent[] {
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
      const choice = findChoice(node, token);
      if (!choice) throw new CliError(`${step}: no such choice at node "${nodeId}"; offered: ${offered(node)}, or silence`);
      event = { type: 'player.choose', choice: choice.id, seconds: seconds[i] ?? DEFAULT_SECONDS };
    }
    const r = replay(s, [...events, event]);
    if (!r.ok) throw new CliError(`${step} at node "${nodeId}": ${r.reason}`);
    events.push(event);
  });
  return events;
}
