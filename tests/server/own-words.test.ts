// Own-words attempts: the server scores the confirmed reply ids only and keeps the typed words for the
// trainer (migrations/104_own_words.sql), on both stores.
import { describe, expect, it } from 'vitest';
import { replay } from '../../src/engine/replay.ts';
import type { OwnWordsTurn } from '../../src/shared/own-words.ts';
import { attemptId, BACKENDS, routesOf, scenario, SCENARIO, serverSuite } from './helpers.ts';

const best = routesOf().best;

function typedFor(events: typeof best.events): OwnWordsTurn[] {
  const choices = events.flatMap((e, turn) => (e.type === 'player.choose' ? [{ turn, choice: e.choice }] : []));
  return choices.map(({ turn, choice }, i) => ({
    turn,
    typed: `my own words at turn ${turn}, sorry ${'x'.repeat(i)}`,
    // The first typed reply was read as another one and the trainee corrected it.
    suggested: i === 0 ? 'some-other-reply' : choice,
    choice,
    corrected: i === 0,
  }));
}

describe.each(BACKENDS)('own-words attempts ($name)', ({ name, open }) => {
  const env = serverSuite(open, 'own_words');

  it(`${name}: scores the confirmed replies, whatever was typed, and shows the typed words to the trainer`, async () => {
    const expected = replay(scenario(), best.events);
    if (!expected.ok) throw new Error('best route must replay');
    const ownWords = typedFor(best.events).map((t) => ({ ...t, typed: `${t.typed} - it's not a big deal, calm down` }));
    const r = await env.w.traineeA.post('/api/attempts', { scenarioId: SCENARIO, events: best.events, clientAttemptId: attemptId(), ownWords });
    expect(r.status).toBe(201);
    expect(r.body.score).toBe(expected.report.overall);

    const mine = await env.w.traineeA.get(`/api/attempts/${r.body.id}`);
    expect(mine.body.ownWords).toEqual(ownWords);

    const list = await env.w.trainerA.get(`/api/trainees/${env.w.users.traineeA.id}/attempts`);
    expect(list.status).toBe(200);
    const detail = list.body.attempts.find((a: { id: number }) => a.id === r.body.id);
    expect(detail.ownWords).toEqual(ownWords);
    expect(detail.ownWords[0]).toMatchObject({ corrected: true, suggested: 'some-other-reply' });
    // The typed words sit beside the transcript line of the same turn.
    expect(detail.lines[ownWords[1].turn].choice).toBe(ownWords[1].choice);
  });

  it(`${name}: an attempt without typed words has none, and a resend stores them once`, async () => {
    const plain = await env.w.traineeA.post('/api/attempts', { scenarioId: SCENARIO, events: best.events, clientAttemptId: attemptId() });
    expect(plain.status).toBe(201);
    expect((await env.w.traineeA.get(`/api/attempts/${plain.body.id}`)).body.ownWords).toBeUndefined();
    const body = { scenarioId: SCENARIO, events: best.events, clientAttemptId: attemptId(), ownWords: typedFor(best.events) };
    expect((await env.w.traineeA.post('/api/attempts', body)).status).toBe(201);
    const again = await env.w.traineeA.post('/api/attempts', body);
    expect(again.status).toBe(200);
    expect((await env.w.traineeA.get(`/api/attempts/${again.body.id}`)).body.ownWords).toHaveLength(body.ownWords.length);
  });

  it(`${name}: typed words that do not match the confirmed reply of their turn are refused`, async () => {
    const typed = typedFor(best.events);
    const wrongChoice = [{ ...typed[1], choice: typed[0].choice === typed[1].choice ? 'nope' : typed[0].choice, corrected: true }];
    for (const ownWords of [wrongChoice, [{ ...typed[1], turn: best.events.length + 5 }], [typed[1], typed[1]], [{ ...typed[1], corrected: true }]]) {
      const r = await env.w.traineeA.post('/api/attempts', { scenarioId: SCENARIO, events: best.events, clientAttemptId: attemptId(), ownWords });
      expect(r.status, JSON.stringify(ownWords)).toBe(422);
    }
    const tooLong = await env.w.traineeA.post('/api/attempts', { scenarioId: SCENARIO, events: best.events, clientAttemptId: attemptId(), ownWords: [{ ...typed[1], typed: 'x'.repeat(401) }] });
    expect(tooLong.status).toBe(400);
  });
});
