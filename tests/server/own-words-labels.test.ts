// The own-words option per assignment, and labelling typed replies for a team's tagger
// (migrations/105_assignment_own_words.sql), on both stores.
import { describe, expect, it } from 'vitest';
import type { OwnWordsTurn } from '../../src/shared/own-words.ts';
import { attemptId, BACKENDS, inAWeek, routesOf, SCENARIO, serverSuite, type Client } from './helpers.ts';

const best = routesOf().best;

/** Typed replies for the best route's choices: the first unsure, the second corrected, the rest sure. */
function typedFor(words: string[]): OwnWordsTurn[] {
  const choices = best.events.flatMap((e, turn) => (e.type === 'player.choose' ? [{ turn, choice: e.choice }] : []));
  return choices.map(({ turn, choice }, i) => ({
    turn,
    typed: words[i] ?? `plain reply number ${i}`,
    suggested: i === 1 ? 'another-reply' : choice,
    choice,
    corrected: i === 1,
    ...(i === 0 ? { unsure: true } : {}),
  }));
}

async function play(c: Client, words: string[]): Promise<void> {
  const r = await c.post('/api/attempts', { scenarioId: SCENARIO, events: best.events, clientAttemptId: attemptId(), ownWords: typedFor(words) });
  expect(r.status).toBe(201);
}

describe.each(BACKENDS)('own-words labels ($name)', ({ name, open }) => {
  const env = serverSuite(open, 'own_words_labels');

  it(`${name}: an assignment carries the own-words option to its trainees, and a trainer can change it`, async () => {
    const { w } = env;
    const made = await w.trainerA.post(`/api/teams/${w.teamA.id}/assignments`, { scenarioIds: [SCENARIO], dueAt: inAWeek(), ownWords: true });
    expect(made.status).toBe(201);
    const a = made.body.assignments[0];
    expect(a.ownWords).toBe(true);
    const plain = await w.trainerA.post(`/api/teams/${w.teamA.id}/assignments`, { scenarioIds: ['hold-line'], dueAt: inAWeek() });
    expect(plain.status, JSON.stringify(plain.body)).toBe(201);
    expect(plain.body.assignments[0].ownWords).toBe(false);

    const mine = (await w.traineeA.get('/api/me/assignments')).body.assignments;
    expect(mine.find((x: { id: number }) => x.id === a.id).ownWords).toBe(true);
    expect(mine.find((x: { id: number }) => x.id === plain.body.assignments[0].id).ownWords).toBe(false);

    const off = await w.trainerA.request('PATCH', `/api/assignments/${a.id}`, { ownWords: false });
    expect(off.status).toBe(200);
    expect(off.body.ownWords).toBe(false);
    expect((await w.trainerA.get(`/api/assignments/${a.id}`)).body.ownWords).toBe(false);
    expect((await w.trainerA.request('PATCH', `/api/assignments/${a.id}`, { ownWords: 'yes' })).status).toBe(400);
    // Another trainer cannot touch it.
    expect((await w.trainerB.request('PATCH', `/api/assignments/${a.id}`, { ownWords: true })).status).toBe(403);
  });

  it(`${name}: unsure and corrected replies are listed for the team's trainer, labelled, versioned and fetched by the team's game`, async () => {
    const { w } = env;
    const url = `/api/trainer/teams/${w.teamA.id}/own-words`;
    await play(w.traineeA, ['well whatever you say', 'i can have it fixed by friday']);
    await play(w.traineeA2, ['Well whatever you say ', 'I can have it fixed by Friday']);
    await play(w.traineeB, ['team b words unsure']);

    const list = await w.trainerA.get(url);
    expect(list.status).toBe(200);
    expect(list.body.version).toBe(0);
    const typed = list.body.unsure.map((u: { typed: string }) => u.typed.trim().toLowerCase()).sort();
    // The same words from two trainees once (counted twice); sure, uncorrected replies are not listed.
    expect(typed).toEqual(['i can have it fixed by friday', 'well whatever you say']);
    const whatever = list.body.unsure.find((u: { typed: string }) => u.typed.toLowerCase().startsWith('well'));
    expect(whatever).toMatchObject({ count: 2, unsure: true, corrected: false, scenarioId: SCENARIO });
    expect(list.body.unsure.find((u: { typed: string }) => u.typed.toLowerCase().startsWith('i can'))).toMatchObject({ count: 2, corrected: true, traineeName: expect.any(String) });

    // Only the team's own trainer.
    expect((await w.trainerB.get(url)).status).toBe(403);
    expect((await w.traineeA.get(url)).status).toBe(403);
    expect((await w.anonymous.get(url)).status).toBe(401);
    expect((await w.trainerB.put(`${url}/labels`, { typed: 'x', moves: ['dismiss'] })).status).toBe(403);

    const put = await w.trainerA.put(`${url}/labels`, { typed: 'well whatever you say', moves: ['dismiss'] });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body.version).toBe(1);
    expect((await w.trainerA.put(`${url}/labels`, { typed: 'x', moves: ['not-a-move'] })).status).toBe(400);
    expect((await w.trainerA.put(`${url}/labels`, { typed: '   ', moves: ['dismiss'] })).status).toBe(400);

    const after = await w.trainerA.get(url);
    expect(after.body.version).toBe(1);
    expect(after.body.unsure.map((u: { typed: string }) => u.typed.toLowerCase())).toEqual(['i can have it fixed by friday']);
    expect(after.body.labels).toMatchObject([{ typed: 'well whatever you say', moves: ['dismiss'], version: 1 }]);

    // A change raises the version; the team's trainees get the labels, another team's do not.
    expect((await w.trainerA.put(`${url}/labels`, { typed: 'Well whatever you say', moves: ['dismiss', 'blame-other'] })).body.version).toBe(2);
    const ex = await w.traineeA2.get('/api/me/own-words/examples');
    expect(ex.status).toBe(200);
    expect(ex.body).toEqual({ version: 2, examples: [{ text: 'Well whatever you say', moves: ['dismiss', 'blame-other'] }] });
    expect((await w.traineeB.get('/api/me/own-words/examples')).body).toEqual({ version: 0, examples: [] });
    expect((await w.anonymous.get('/api/me/own-words/examples')).status).toBe(401);

    // No moves: the label goes, the reply is listed again, and the version still rises.
    expect((await w.trainerA.put(`${url}/labels`, { typed: 'well whatever you say', moves: [] })).body.version).toBe(3);
    const removed = await w.trainerA.get(url);
    expect(removed.body.labels).toEqual([]);
    expect(removed.body.unsure).toHaveLength(2);
  });
});
