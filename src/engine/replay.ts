// Replays an event list through the compiled machine. The browser and the server both call this, so
// a score shown in the game is the score the server stores.
import { createActor } from 'xstate';
import type { Scenario } from './schema.ts';
import { compile, type ConversationMachine } from './compile.ts';
import { checkEvent, type ConversationContext, type ConversationEvent } from './conversation.ts';
import { reportFor, type ConversationReport } from './report.ts';

export type ReplayResult =
  | { ok: true; ended: boolean; context: ConversationContext; state: string; report: ConversationReport }
  | { ok: false; index: number; reason: string };

const machines = new WeakMap<Scenario, ConversationMachine>();

/** One compiled machine per scenario object: compiling is cheap but replays are many. */
export function machineFor(s: Scenario): ConversationMachine {
  let m = machines.get(s);
  if (!m) {
    m = compile(s);
    machines.set(s, m);
  }
  return m;
}

function isEvent(e: unknown): e is ConversationEvent {
  if (!e || typeof e !== 'object') return false;
  const ev = e as Record<string, unknown>;
  if (ev.type === 'customer.patienceExpired') return true;
  return ev.type === 'player.choose' && typeof ev.choice === 'string' && typeof ev.seconds === 'number';
}

export function replay(s: Scenario, events: readonly unknown[], options: { passMark?: number } = {}): ReplayResult {
  const actor = createActor(machineFor(s)).start();
  try {
    for (let i = 0; i < events.length; i++) {
      const event = events[i];
      if (!isEvent(event)) return { ok: false, index: i, reason: 'not an event: expected {type:"player.choose", choice, seconds} or {type:"customer.patienceExpired"}' };
      const snapshot = actor.getSnapshot();
      const verdict = checkEvent(s, snapshot.context, event);
      if (!verdict.ok) return { ok: false, index: i, reason: verdict.reason };
      if (!snapshot.can(event)) return { ok: false, index: i, reason: `the conversation cannot accept ${event.type} here` };
      actor.send(event);
    }
    const snapshot = actor.getSnapshot();
    return {
      ok: true,
      ended: snapshot.status === 'done',
      context: snapshot.context,
      state: String(snapshot.value),
      report: reportFor(s, snapshot.context, options.passMark),
    };
  } finally {
    actor.stop();
  }
}
