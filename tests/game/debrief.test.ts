import { describe, expect, it } from 'vitest';
import { replay } from '../../src/engine/replay.ts';
import { summarizeRoutes } from '../../src/engine/routes.ts';
import type { ConversationEvent } from '../../src/engine/conversation.ts';
import { buildDebrief } from '../../src/game/debrief.ts';
import { ScenarioLibrary } from '../../src/game/library.ts';
import { scenario } from './helpers.ts';

const trophy = scenario('trophy-room');
const choose = (choice: string, seconds = 3): ConversationEvent => ({ type: 'player.choose', choice, seconds });

function debriefOf(events: ConversationEvent[]) {
  const r = replay(trophy, events);
  if (!r.ok) throw new Error(r.reason);
  return buildDebrief(trophy, r.report, events);
}

describe('debrief', () => {
  it('matches the expert at every turn of the best route', () => {
    const best = summarizeRoutes(trophy)!.best;
    const d = debriefOf(best.events);
    expect(d.scores.overall).toBe(best.report.overall);
    expect(d.outcome).toBe('won-back');
    expect(d.outcomeLabel).toBe('Won back');
    expect(d.timeline.every((t) => t.expert?.kind === 'same')).toBe(true);
    expect(d.summary).toBe(trophy.endings['won-back'].summary);
  });

  it('shows the expert choice where the player differed, and why the expert never got elsewhere', () => {
    const d = debriefOf([choose('prestige'), choose('recover'), choose('what-do-you-want'), choose('options-after'), choose('fix-now')]);
    const [t0, t1, t2] = d.timeline;
    expect(t0.node).toBe('opening');
    expect(t0.expert).toMatchObject({ kind: 'different' });
    expect(t0.expert && 'choiceText' in t0.expert && t0.expert.choiceText).toContain('warthog');
    // The expert never visited "defended": they had answered the opening differently.
    expect(t1.node).toBe('defended');
    expect(t1.expert).toMatchObject({ kind: 'absent' });
    expect(t1.expert?.kind === 'absent' && t1.expert.earlierChoiceText).toContain('warthog');
    // Back on the expert's road at "listen", with a different choice.
    expect(t2.node).toBe('listen');
    expect(t2.expert).toMatchObject({ kind: 'different' });
  });

  it('puts each feedback sentence at the turn that triggered it', () => {
    const events = [choose('prestige'), choose('double-down')];
    const r = replay(trophy, events);
    if (!r.ok) throw new Error(r.reason);
    const d = buildDebrief(trophy, r.report, events);
    const all = d.timeline.flatMap((t) => t.feedback.map((f) => ({ ...f, turn: t.index })));
    expect(all.length).toBe(r.report.feedback.length);
    for (const f of r.report.feedback) expect(d.timeline[f.turn].feedback.some((x) => x.rule === f.rule && x.principle === f.principle)).toBe(true);
    expect(d.outcome).toBe('lost');
    expect(d.passed).toBe(false);
  });

  it('describes silence', () => {
    const d = debriefOf([{ type: 'customer.patienceExpired' }, choose('feel-and-sorry')]);
    expect(d.timeline[0].choiceId).toBeNull();
    expect(d.timeline[0].playerText).toContain('You said nothing');
    expect(d.timeline[0].seconds).toBe(trophy.customer.patience);
  });
});

describe('scenario library', () => {
  it('orders by difficulty and finds by id; survives a bad payload', () => {
    const lib = new ScenarioLibrary({ scenarios: [trophy], errors: [] });
    expect(lib.ids).toEqual(['trophy-room']);
    expect(lib.get('trophy-room')?.title).toBe('The Trophy Room');
    expect(lib.get('nope')).toBeUndefined();
    expect(new ScenarioLibrary(null).list).toEqual([]);
  });
});
