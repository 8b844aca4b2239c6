// Scenario -> XState v5 machine. One state per node and per ending. The machine is pure: no timers,
// no I/O. The host sends `player.choose` (with the seconds taken) and `customer.patienceExpired`, and
// may provide the named effects `customerSpeaks` and `conversationEnded` with machine.provide().
import { assign, setup } from 'xstate';
import type { Scenario } from './schema.ts';
import {
  applyEvent,
  checkEvent,
  initialContext,
  possibleTargets,
  targetOf,
  walkOutEnding,
  type ConversationContext,
  type ConversationEvent,
} from './conversation.ts';

function targetsOf(s: Scenario, nodeId: string): { choose: string[]; silence: string[] } {
  const node = s.nodes[nodeId];
  const choose = [...new Set(node.choices.flatMap((c) => possibleTargets(c.next)))];
  const silence = node.silence ? possibleTargets(node.silence.next) : [nodeId, walkOutEnding(s)];
  return { choose, silence: [...new Set(silence)] };
}

export function compile(s: Scenario) {
  const base = setup({
    types: {
      context: {} as ConversationContext,
      events: {} as ConversationEvent,
    },
    guards: {
      leadsTo: ({ context, event }, params: { to: string }) =>
        checkEvent(s, context, event).ok && targetOf(s, context, event) === params.to,
    },
    actions: {
      record: assign(({ context, event }) => applyEvent(s, context, event)),
      // Effects for the host to provide: speak a line, close the conversation.
      customerSpeaks: (_args, _params: { node: string }) => {},
      conversationEnded: (_args, _params: { ending: string }) => {},
    },
  });

  const transitionsTo = (from: string, targets: string[]) =>
    targets.map((to) => ({
      guard: { type: 'leadsTo' as const, params: { to } },
      target: to,
      reenter: to === from,
      actions: { type: 'record' as const },
    }));

  const states: Record<string, unknown> = {};
  for (const id of Object.keys(s.nodes)) {
    const t = targetsOf(s, id);
    states[id] = {
      entry: { type: 'customerSpeaks', params: { node: id } },
      on: {
        'player.choose': transitionsTo(id, t.choose),
        'customer.patienceExpired': transitionsTo(id, t.silence),
      },
    };
  }
  for (const id of Object.keys(s.endings)) {
    states[id] = { type: 'final', entry: { type: 'conversationEnded', params: { ending: id } } };
  }

  return base.createMachine({
    id: s.id,
    initial: s.start,
    context: initialContext(s),
    // The states are generated from data, so their literal types cannot be known statically.
    states: states as never,
  });
}

export type ConversationMachine = ReturnType<typeof compile>;
