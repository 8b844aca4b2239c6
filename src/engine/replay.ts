// Replays an event list: the server verifies every attempt with it, and the CLI scores transcripts.
// It steps through the engine's pure step function (checkEvent, applyEvent), the same function the
// compiled machine's guards and actions call, so it gives what the game's machine gives without an
// actor per attempt: an actor evaluates each candidate transition's guard, which ran the step several
// times per event and made the machine replay about ten times slower. replayThroughMachine() is the
// machine's own replay; a test holds the two equal on every route and on random event lists.
import { createActor } from 'xstate';
import type { Scenario } from './schema.ts';
import { compile, type ConversationMachine } from './compile.ts';
import { applyEvent, checkEvent, initialContext, type ConversationContext, type ConversationEvent } from './conversation.ts';
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

const NOT_AN_EVENT = 'not an event: expected {type:"player.choose", choice, seconds} or {type:"customer.patienceExpired"}';

export function replay(s: Scenario, events: readonly unknown[], options: { passMark?: number } = {}): ReplayResult {
  let context = initialContext(s);
  for (let i = 0; i < events.length; i++) {
    const event = events[i];
    if (!isEvent(event)) return { ok: false, index: i, reason: NOT_AN_EVENT };
    const verdict = checkEvent(s, context, event);
    if (!verdict.ok) return { ok: false, index: i, reason: verdict.reason };
    context = applyEvent(s, context, event);
  }
  return { ok: true, ended: context.ending !== null, context, state: context.ending ?? context.node, report: reportFor(s, context, options.passMark) };
}

/** The same replay through the compiled XState machine (see the note at the top). */
export function replayThroughMachine(s: Scenario, events: readonly unknown[], options: { passMark?: number } = {}): ReplayResult {
  const actor = createActor(machineFor(s)).start();
  try {
    for (let i = 0; i < events.length; i++) {
      const event = events[i];
      if (!isEvent(event)) return { ok: false, index: i, reason: NOT_AN_EVENT };
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
