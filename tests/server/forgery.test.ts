// Attempts the server must not believe: the score is always the replay's, and impossible event lists,
// other people's assignments and spent attempt limits are refused. Runs on both stores.
import { describe, expect, it } from 'vitest';
import { replay } from '../../src/engine/replay.ts';
import { attemptId, BACKENDS, inAWeek, routesOf, scenario, SCENARIO, serverSuite } from './helpers.ts';

const { best, worst } = routesOf();

describe.each(BACKENDS)('forged attempts ($name)', ({ name, open }) => {
  const env = serverSuite(open, 'forgery');

  it(`${name}: ignores a score, report or outcome in the body and stores the replay's`, async () => {
    const expected = replay(scenario(), worst.events);
    if (!expected.ok) throw new Error('worst route must replay');
    const r = await env.w.traineeA.post('/api/attempts', {
      scenarioId: SCENARIO,
      events: worst.events,
      clientAttemptId: attemptId(),
      score: 100,
      overall: 100,
      passed: true,
      report: { overall: 100, outcome: 'won-back' },
    });
    expect(r.status).toBe(201);
    expect(r.body.score).toBe(expected.report.overall);
    expect(r.body.score).toBeLessThan(100);
    expect(r.body.report.overall).toBe(expected.report.overall);
    expect(r.body.outcome).toBe(expected.report.outcome);
    const stored = await env.w.traineeA.get(`/api/attempts/${r.body.id}`);
    expect(stored.body.score).toBe(expected.report.overall);
    // Extra fields inside events are dropped too.
    const r2 = await env.w.traineeA.post('/api/attempts', {
      scenarioId: SCENARIO,
      events: worst.events.map((e) => ({ ...e, score: 100 })),
      clientAttemptId: attemptId(),
    });
    expect(r2.status).toBe(201);
    const storedEvents = (await env.w.traineeA.get(`/api/attempts/${r2.body.id}`)).body.events;
    expect(storedEvents).toEqual(worst.events);
  });

  it(`${name}: refuses a choice the scenario does not offer at that point (422 with the reason)`, async () => {
    const events = best.events.map((e, i) => (i === 1 && e.type === 'player.choose' ? { ...e, choice: 'give-refund-and-car' } : e));
    const r = await env.w.traineeA.post('/api/attempts', { scenarioId: SCENARIO, events, clientAttemptId: attemptId() });
    expect(r.status).toBe(422);
    expect(r.body.error).toBe('Unprocessable Entity');
    expect(r.body.message).toMatch(/event 2: choice "give-refund-and-car" is not offered/);
    expect(r.body.eventIndex).toBe(1);
  });

  it(`${name}: refuses reordered events`, async () => {
    const events = [...best.events];
    [events[0], events[1]] = [events[1], events[0]];
    const r = await env.w.traineeA.post('/api/attempts', { scenarioId: SCENARIO, events, clientAttemptId: attemptId() });
    expect(r.status).toBe(422);
    expect(r.body.message).toMatch(/^event 1: /);
  });

  it(`${name}: refuses 0-second and faster-than-reading answers, and answers slower than the patience`, async () => {
    for (const seconds of [0, 0.2]) {
      const events = best.events.map((e, i) => (i === 0 && e.type === 'player.choose' ? { ...e, seconds } : e));
      const r = await env.w.traineeA.post('/api/attempts', { scenarioId: SCENARIO, events, clientAttemptId: attemptId() });
      expect(r.status).toBe(422);
      expect(r.body.message).toMatch(/faster than anyone can read/);
    }
    const slow = best.events.map((e, i) => (i === 0 && e.type === 'player.choose' ? { ...e, seconds: 999 } : e));
    const r = await env.w.traineeA.post('/api/attempts', { scenarioId: SCENARIO, events: slow, clientAttemptId: attemptId() });
    expect(r.status).toBe(422);
    expect(r.body.message).toMatch(/patience ran out/);
  });

  it(`${name}: refuses an unfinished conversation and events after the ending`, async () => {
    const r = await env.w.traineeA.post('/api/attempts', { scenarioId: SCENARIO, events: best.events.slice(0, -1), clientAttemptId: attemptId() });
    expect(r.status).toBe(422);
    expect(r.body.message).toMatch(/did not reach an ending/);
    const extra = await env.w.traineeA.post('/api/attempts', { scenarioId: SCENARIO, events: [...best.events, best.events[0]], clientAttemptId: attemptId() });
    expect(extra.status).toBe(422);
    expect(extra.body.message).toMatch(/already ended/);
  });

  it(`${name}: refuses more than 200 events and bodies over 256 kB`, async () => {
    const many = Array.from({ length: 201 }, () => ({ type: 'customer.patienceExpired' }));
    const r = await env.w.traineeA.post('/api/attempts', { scenarioId: SCENARIO, events: many, clientAttemptId: attemptId() });
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(/events must NOT have more than 200 items/);
    const big = await env.w.traineeA.post('/api/attempts', { scenarioId: SCENARIO, events: best.events, clientAttemptId: attemptId(), padding: 'x'.repeat(300 * 1024) });
    expect(big.status).toBe(413);
    expect(big.body).toEqual({ error: 'Payload Too Large', message: 'the request body is too large' });
  });

  it(`${name}: the same clientAttemptId twice stores one attempt and answers the same`, async () => {
    const id = attemptId();
    const first = await env.w.traineeA.post('/api/attempts', { scenarioId: SCENARIO, events: best.events, clientAttemptId: id });
    const again = await env.w.traineeA.post('/api/attempts', { scenarioId: SCENARIO, events: best.events, clientAttemptId: id });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    // Concurrent duplicates, too.
    const id2 = attemptId();
    const burst = await Promise.all(Array.from({ length: 4 }, () => env.w.traineeA.post('/api/attempts', { scenarioId: SCENARIO, events: worst.events, clientAttemptId: id2 })));
    expect(burst.map((r) => r.status).sort()).toEqual([200, 200, 200, 201]);
    expect(new Set(burst.map((r) => r.body.id)).size).toBe(1);
    const mine = await env.w.traineeA.get('/api/me/attempts');
    expect(mine.body.attempts).toHaveLength(2);
    // Aggregates counted each attempt once.
    const lb = await env.w.traineeA.get(`/api/leaderboards/${env.w.teamA.id}?scenario=${SCENARIO}&mode=average`);
    expect(lb.body.entries[0].attempts).toBe(2);
    // The same id with different events is a mistake, not a retry.
    const clash = await env.w.traineeA.post('/api/attempts', { scenarioId: SCENARIO, events: worst.events, clientAttemptId: id });
    expect(clash.status).toBe(409);
    // Another user may use the same id for their own attempt.
    const other = await env.w.traineeA2.post('/api/attempts', { scenarioId: SCENARIO, events: best.events, clientAttemptId: id });
    expect(other.status).toBe(201);
    expect(other.body.id).not.toBe(first.body.id);
  });

  it(`${name}: refuses another team's assignment (403), an unknown one (404), a mismatched scenario (422)`, async () => {
    const a = await env.w.trainerB.post('/api/assignments', { teamId: env.w.teamB.id, scenarioId: SCENARIO, dueAt: inAWeek() });
    expect(a.status).toBe(201);
    const r = await env.w.traineeA.post('/api/attempts', { scenarioId: SCENARIO, events: best.events, clientAttemptId: attemptId(), assignmentId: a.body.id });
    expect(r.status).toBe(403);
    const trainer = await env.w.trainerB.post('/api/attempts', { scenarioId: SCENARIO, events: best.events, clientAttemptId: attemptId(), assignmentId: a.body.id });
    expect(trainer.status).toBe(403);
    const missing = await env.w.traineeA.post('/api/attempts', { scenarioId: SCENARIO, events: best.events, clientAttemptId: attemptId(), assignmentId: 99999 });
    expect(missing.status).toBe(404);
    const otherScenario = [...(await import('./helpers.ts')).library.scenarios.keys()].find((id) => id !== SCENARIO) as string;
    const b = await env.w.trainerA.post('/api/assignments', { teamId: env.w.teamA.id, scenarioId: otherScenario, dueAt: inAWeek() });
    const mismatch = await env.w.traineeA.post('/api/attempts', { scenarioId: SCENARIO, events: best.events, clientAttemptId: attemptId(), assignmentId: b.body.id });
    expect(mismatch.status).toBe(422);
    expect((await env.w.traineeA.get('/api/me/attempts')).body.attempts).toHaveLength(0);
  });

  it(`${name}: refuses attempts past maxAttempts (409), also when they arrive together; a retry still answers 200`, async () => {
    const a = await env.w.trainerA.post('/api/assignments', { teamId: env.w.teamA.id, scenarioId: SCENARIO, dueAt: inAWeek(), maxAttempts: 2, passMark: 101 - 1 });
    expect(a.status).toBe(201);
    const ids = Array.from({ length: 5 }, () => attemptId());
    const results = await Promise.all(
      ids.map((id) => env.w.traineeA.post('/api/attempts', { scenarioId: SCENARIO, events: worst.events, clientAttemptId: id, assignmentId: a.body.id })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 201, 409, 409, 409]);
    const refused = results.find((r) => r.status === 409);
    expect(refused?.body.message).toMatch(/all 2 attempts/);
    const accepted = results.findIndex((r) => r.status === 201);
    const retry = await env.w.traineeA.post('/api/attempts', { scenarioId: SCENARIO, events: worst.events, clientAttemptId: ids[accepted], assignmentId: a.body.id });
    expect(retry.status).toBe(200);
    const mine = await env.w.traineeA.get(`/api/me/attempts?assignmentId=${a.body.id}`);
    expect(mine.body.attempts).toHaveLength(2);
    const status = await env.w.traineeA.get('/api/me/assignments');
    expect(status.body.assignments[0]).toMatchObject({ status: 'failed', attemptsUsed: 2, attemptsLeft: 0 });
    // Another trainee's limit is their own.
    const other = await env.w.traineeA2.post('/api/attempts', { scenarioId: SCENARIO, events: worst.events, clientAttemptId: attemptId(), assignmentId: a.body.id });
    expect(other.status).toBe(201);
  });

  it(`${name}: refuses an unknown scenario and events that are not events`, async () => {
    const unknown = await env.w.traineeA.post('/api/attempts', { scenarioId: 'no-such-scenario', events: best.events, clientAttemptId: attemptId() });
    expect(unknown.status).toBe(422);
    const bad = await env.w.traineeA.post('/api/attempts', { scenarioId: SCENARIO, events: [{ type: 'player.choose' }], clientAttemptId: attemptId() });
    expect(bad.status).toBe(422);
    expect(bad.body.message).toMatch(/not an event/);
    const wrongType = await env.w.traineeA.post('/api/attempts', { scenarioId: SCENARIO, events: [{ type: 'player.win' }], clientAttemptId: attemptId() });
    expect(wrongType.status).toBe(400);
  });
});
