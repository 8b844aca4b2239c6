import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { flowMachine, screenOf, type PlayResult } from '../../src/game/flow.ts';

const start = () => {
  const actor = createActor(flowMachine, { input: { scenarioIds: ['trophy-room', 'missed-callback'] } }).start();
  return actor;
};
const result = (scenarioId = 'trophy-room') => ({ scenarioId, report: {} as PlayResult['report'], events: [] }) satisfies PlayResult;

describe('flow machine', () => {
  it('goes title → select → briefing → play → debrief', () => {
    const a = start();
    expect(screenOf(a.getSnapshot().value)).toBe('loading');
    a.send({ type: 'loaded' });
    expect(a.getSnapshot().value).toBe('title');
    a.send({ type: 'title.start' });
    expect(a.getSnapshot().value).toBe('select');
    a.send({ type: 'select.pick', scenarioId: 'trophy-room' });
    expect(a.getSnapshot().value).toBe('briefing');
    expect(a.getSnapshot().context.scenarioId).toBe('trophy-room');
    a.send({ type: 'briefing.begin' });
    expect(a.getSnapshot().value).toEqual({ play: 'running' });
    expect(a.getSnapshot().context).toMatchObject({ resume: false, attempt: 1 });
    a.send({ type: 'play.finished', result: result() });
    expect(a.getSnapshot().value).toBe('debrief');
    expect(a.getSnapshot().context.result?.scenarioId).toBe('trophy-room');
  });

  it('ignores unknown scenarios and results from another scenario', () => {
    const a = start();
    a.send({ type: 'loaded' });
    a.send({ type: 'title.start' });
    a.send({ type: 'select.pick', scenarioId: 'nope' });
    expect(a.getSnapshot().value).toBe('select');
    a.send({ type: 'select.pick', scenarioId: 'missed-callback' });
    a.send({ type: 'briefing.begin' });
    a.send({ type: 'play.finished', result: result('trophy-room') });
    expect(screenOf(a.getSnapshot().value)).toBe('play');
  });

  it('takes a changed scenario list on any screen, and picks only from the current one', () => {
    const a = start();
    a.send({ type: 'library.changed', scenarioIds: ['lamp-lost'] });
    expect(a.getSnapshot().value).toBe('loading');
    a.send({ type: 'loaded', scenarioIds: ['trophy-room', 'lamp-lost'] });
    a.send({ type: 'title.start' });
    a.send({ type: 'library.changed', scenarioIds: ['trophy-room'] });
    expect(a.getSnapshot().value).toBe('select');
    a.send({ type: 'select.pick', scenarioId: 'lamp-lost' });
    expect(a.getSnapshot().value).toBe('select');
    a.send({ type: 'library.changed', scenarioIds: ['trophy-room', 'lamp-lost'] });
    a.send({ type: 'select.pick', scenarioId: 'lamp-lost' });
    expect(a.getSnapshot().value).toBe('briefing');
  });

  it('pauses and resumes play; quitting returns to the title', () => {
    const a = start();
    a.send({ type: 'loaded' });
    a.send({ type: 'title.start' });
    a.send({ type: 'select.pick', scenarioId: 'trophy-room' });
    a.send({ type: 'briefing.begin' });
    a.send({ type: 'play.pause' });
    expect(a.getSnapshot().value).toEqual({ play: 'paused' });
    a.send({ type: 'play.finished', result: result() });
    expect(a.getSnapshot().value).toBe('debrief');
    a.send({ type: 'debrief.retry' });
    expect(a.getSnapshot().value).toEqual({ play: 'running' });
    expect(a.getSnapshot().context.attempt).toBe(2);
    a.send({ type: 'play.pause' });
    a.send({ type: 'play.resume' });
    expect(a.getSnapshot().value).toEqual({ play: 'running' });
    a.send({ type: 'play.quit' });
    expect(a.getSnapshot().value).toBe('title');
  });

  it('resumes a saved conversation from the title', () => {
    const a = start();
    a.send({ type: 'loaded', scenarioIds: ['trophy-room'] });
    a.send({ type: 'title.resume', scenarioId: 'missed-callback' });
    expect(a.getSnapshot().value).toBe('title');
    a.send({ type: 'title.resume', scenarioId: 'trophy-room' });
    expect(a.getSnapshot().value).toEqual({ play: 'running' });
    expect(a.getSnapshot().context).toMatchObject({ scenarioId: 'trophy-room', resume: true });
  });

  it('goes back from briefing to select and from select to title; debrief menu returns to select', () => {
    const a = start();
    a.send({ type: 'loaded' });
    a.send({ type: 'title.start' });
    a.send({ type: 'select.pick', scenarioId: 'trophy-room' });
    a.send({ type: 'nav.back' });
    expect(a.getSnapshot().value).toBe('select');
    a.send({ type: 'nav.back' });
    expect(a.getSnapshot().value).toBe('title');
    a.send({ type: 'title.start' });
    a.send({ type: 'select.pick', scenarioId: 'trophy-room' });
    a.send({ type: 'briefing.begin' });
    a.send({ type: 'play.finished', result: result() });
    a.send({ type: 'debrief.menu' });
    expect(a.getSnapshot().value).toBe('select');
  });

  it('opens the leaderboard from the title and the select screen and goes back to where it came from', () => {
    const a = start();
    a.send({ type: 'loaded' });
    a.send({ type: 'leaderboard.open' });
    expect(screenOf(a.getSnapshot().value)).toBe('leaderboard');
    a.send({ type: 'nav.back' });
    expect(a.getSnapshot().value).toBe('title');
    a.send({ type: 'title.start' });
    a.send({ type: 'leaderboard.open' });
    expect(a.getSnapshot().value).toBe('leaderboard');
    expect(a.getSnapshot().context.boardFrom).toBe('select');
    // Nothing else moves it: no playing from the board.
    a.send({ type: 'select.pick', scenarioId: 'trophy-room' });
    a.send({ type: 'briefing.begin' });
    expect(a.getSnapshot().value).toBe('leaderboard');
    a.send({ type: 'nav.back' });
    expect(a.getSnapshot().value).toBe('select');
  });

  it('does not open the leaderboard mid-conversation or from the briefing', () => {
    const a = start();
    a.send({ type: 'loaded' });
    a.send({ type: 'title.start' });
    a.send({ type: 'select.pick', scenarioId: 'trophy-room' });
    a.send({ type: 'leaderboard.open' });
    expect(a.getSnapshot().value).toBe('briefing');
    a.send({ type: 'briefing.begin' });
    a.send({ type: 'leaderboard.open' });
    expect(a.getSnapshot().value).toEqual({ play: 'running' });
  });
});
