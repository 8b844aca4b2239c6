// The trainer dashboard's routes on both stores: who may call them, teams, assignments for chosen
// trainees, progress (JSON and CSV), transcripts, common mistakes, the scenario library and uploads.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/engine/files.ts';
import { parseCsv } from '../../src/shared/csv.ts';
import { baseScenario, cli, tempDir, variant, writeFixture } from '../cli/support.ts';
import { MIN_PASS_MARK } from '../../src/engine/report.ts';
import { attemptId, BACKENDS, Client, eventsScoring, inAWeek, login, routesOf, SCENARIO, testApp, type Events, type Res, type TestStore, serverSuite } from './helpers.ts';

const { best, worst } = routesOf();
const BEST = best.report.overall;
const WORST = worst.report.overall;

/** An app with a library of its own: uploads add to it, and other apps must not see them. */
const appFor = (ts: TestStore, distDir: string | false = false) => testApp(ts.store, { library: loadLibrary(), distDir });

function play(c: Client, events: Events, assignmentId: number | null = null, scenarioId = SCENARIO): Promise<Res> {
  return c.post('/api/attempts', { scenarioId, events, clientAttemptId: attemptId(), assignmentId });
}

const yesterday = () => new Date(Date.now() - 24 * 3600 * 1000).toISOString();

describe.each(BACKENDS)('trainer routes ($name)', ({ open }) => {
  const env = serverSuite(open, 'trainer', { app: (ts) => appFor(ts) });

  async function assign(body: Record<string, unknown> = {}, teamId = env.w.teamA.id, c = env.w.trainerA) {
    const r = await c.post(`/api/teams/${teamId}/assignments`, { scenarioIds: [SCENARIO], dueAt: inAWeek(), passMark: 70, ...body });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.assignments as { id: number; trainees: number[] | null; scenarioTitle: string; dueAt: string }[];
  }

  it('answers only the trainer who owns the team: 401 signed out, 403 for trainees and other trainers', async () => {
    const [a] = await assign();
    const ok = await play(env.w.traineeA, best.events, a.id);
    expect(ok.status).toBe(201);
    const T = env.w.teamA.id;
    const calls: [string, (c: Client) => Promise<Res>, number][] = [
      ['PATCH team', (c) => c.request('PATCH', `/api/teams/${T}`, { name: 'Renamed' }), 200],
      ['POST invite code', (c) => c.post(`/api/teams/${T}/invite-code`), 200],
      ['GET assignments', (c) => c.get(`/api/teams/${T}/assignments`), 200],
      ['POST assignments', (c) => c.post(`/api/teams/${T}/assignments`, { scenarioIds: [SCENARIO], dueAt: inAWeek() }), 201],
      ['GET assignment', (c) => c.get(`/api/assignments/${a.id}`), 200],
      ['PATCH assignment', (c) => c.request('PATCH', `/api/assignments/${a.id}`, { passMark: 60 }), 200],
      ['GET progress', (c) => c.get(`/api/teams/${T}/progress`), 200],
      ['GET progress csv', (c) => c.get(`/api/teams/${T}/progress?format=csv`), 200],
      ['GET trainee attempts', (c) => c.get(`/api/trainees/${env.w.users.traineeA.id}/attempts`), 200],
      ['GET mistakes', (c) => c.get(`/api/teams/${T}/mistakes?scenario=${SCENARIO}`), 200],
      ['GET library', (c) => c.get('/api/trainer/library'), 200],
      ['GET summary', (c) => c.get(`/api/scenarios/${SCENARIO}/summary`), 200],
      ['POST scenario (invalid)', (c) => c.post('/api/scenarios', { yaml: 'id: x' }), 422],
    ];
    const fresh = async (email: string | null) => (email ? login(env.app, email) : new Client(env.app));
    for (const [label, call, status] of calls) {
      const anon = await call(await fresh(null));
      expect([label, anon.status]).toEqual([label, 401]);
      expect(anon.body).toMatchObject({ error: expect.any(String), message: expect.any(String) });
      for (const trainee of ['ann@example.com', 'bea@example.com']) {
        const r = await call(await fresh(trainee));
        expect([label, trainee, r.status]).toEqual([label, trainee, 403]);
      }
      const own = await call(await fresh('trainer.a@example.com'));
      expect([label, own.status]).toEqual([label, status]);
      if (!['GET library', 'GET summary', 'POST scenario (invalid)'].includes(label)) {
        const other = await call(await fresh('trainer.b@example.com'));
        expect([label, other.status]).toEqual([label, 403]);
        expect(other.body.message).toMatch(/another trainer|not in one of your teams/);
      }
    }
    const member = await env.w.trainerA.delete(`/api/teams/${T}/members/${env.w.users.traineeA2.id}`);
    expect(member.status).toBe(204);
    expect((await env.w.trainerB.delete(`/api/teams/${T}/members/${env.w.users.traineeA.id}`)).status).toBe(403);
    expect((await env.w.traineeA.delete(`/api/teams/${T}/members/${env.w.users.traineeA.id}`)).status).toBe(403);
    expect((await env.w.trainerA.delete(`/api/assignments/${a.id}`)).status).toBe(204);
  });

  it('validates every body and query, answering 400 with {error, message}', async () => {
    const T = env.w.teamA.id;
    const bad: [string, Promise<Res>][] = [
      ['empty name', env.w.trainerA.request('PATCH', `/api/teams/${T}`, { name: '   ' })],
      ['no scenarios', env.w.trainerA.post(`/api/teams/${T}/assignments`, { scenarioIds: [], dueAt: inAWeek() })],
      ['bad date', env.w.trainerA.post(`/api/teams/${T}/assignments`, { scenarioIds: [SCENARIO], dueAt: 'friday' })],
      ['pass mark', env.w.trainerA.post(`/api/teams/${T}/assignments`, { scenarioIds: [SCENARIO], dueAt: inAWeek(), passMark: 101 })],
      ['attempts', env.w.trainerA.post(`/api/teams/${T}/assignments`, { scenarioIds: [SCENARIO], dueAt: inAWeek(), maxAttempts: 0 })],
      ['trainees', env.w.trainerA.post(`/api/teams/${T}/assignments`, { scenarioIds: [SCENARIO], dueAt: inAWeek(), trainees: [] })],
      ['status', env.w.trainerA.get(`/api/teams/${T}/progress?status=lost`)],
      ['sort', env.w.trainerA.get(`/api/teams/${T}/progress?sort=email`)],
      ['format', env.w.trainerA.get(`/api/teams/${T}/progress?format=xlsx`)],
      ['mistakes without scenario', env.w.trainerA.get(`/api/teams/${T}/mistakes`)],
      ['limit', env.w.trainerA.get(`/api/trainees/${env.w.users.traineeA.id}/attempts?limit=0`)],
      ['team id', env.w.trainerA.get('/api/teams/abc/progress')],
      ['upload without yaml', env.w.trainerA.post('/api/scenarios', { fileName: 'x.yaml' })],
    ];
    for (const [label, p] of bad) {
      const r = await p;
      expect([label, r.status]).toEqual([label, 400]);
      expect(r.body).toEqual({ error: 'Bad Request', message: expect.any(String) });
    }
    const [a] = await assign();
    expect((await env.w.trainerA.request('PATCH', `/api/assignments/${a.id}`, {})).status).toBe(400);
    const unknown = await env.w.trainerA.post(`/api/teams/${T}/assignments`, { scenarioIds: ['no-such-thing'], dueAt: inAWeek() });
    expect(unknown.status).toBe(422);
    const outsider = await env.w.trainerA.post(`/api/teams/${T}/assignments`, { scenarioIds: [SCENARIO], dueAt: inAWeek(), trainees: [env.w.users.traineeB.id] });
    expect(outsider.status).toBe(422);
    expect(outsider.body.message).toContain(String(env.w.users.traineeB.id));
  });

  it('renames a team, issues a new invite code and takes a member out', async () => {
    const renamed = await env.w.trainerA.request('PATCH', `/api/teams/${env.w.teamA.id}`, { name: '  Front   desk ' });
    expect(renamed.body).toMatchObject({ id: env.w.teamA.id, name: 'Front desk', inviteCode: env.w.teamA.inviteCode, members: 2 });

    const code = await env.w.trainerA.post(`/api/teams/${env.w.teamA.id}/invite-code`);
    expect(code.body.inviteCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(code.body.inviteCode).not.toBe(env.w.teamA.inviteCode);
    const join = (inviteCode: string, email: string) => new Client(env.app).post('/api/join', { inviteCode, email, name: 'New', password: 'long enough pw' });
    expect((await join(env.w.teamA.inviteCode, 'old@example.com')).status).toBe(404);
    expect((await join(code.body.inviteCode, 'new@example.com')).status).toBe(201);

    const out = await env.w.trainerA.delete(`/api/teams/${env.w.teamA.id}/members/${env.w.users.traineeA.id}`);
    expect(out.status).toBe(204);
    const team = await env.w.trainerA.get(`/api/teams/${env.w.teamA.id}`);
    expect(team.body.members.map((m: { name: string }) => m.name)).toEqual(['Abe', 'New']);
    expect((await env.w.traineeA.get('/api/me')).body.user.teamId).toBeNull();
    expect((await env.w.trainerA.get(`/api/trainees/${env.w.users.traineeA.id}/attempts`)).status).toBe(403);
    expect((await env.w.trainerA.delete(`/api/teams/${env.w.teamA.id}/members/${env.w.users.traineeA.id}`)).status).toBe(404);
    expect((await env.w.trainerA.delete(`/api/teams/${env.w.teamA.id}/members/${env.w.users.traineeB.id}`)).status).toBe(404);
  });

  it('sets several scenarios at once, for chosen trainees only; others neither see nor submit them', async () => {
    const created = await assign({ scenarioIds: [SCENARIO, 'hold-line'], trainees: [env.w.users.traineeA.id], maxAttempts: 3 });
    expect(created.map((a) => [a.scenarioTitle, a.trainees])).toEqual([
      ['The Trophy Room', [env.w.users.traineeA.id]],
      [expect.any(String), [env.w.users.traineeA.id]],
    ]);
    const [teamWide] = await assign({ scenarioIds: ['quiet-customer'] });
    expect(teamWide.trainees).toBeNull();

    const ann = await env.w.traineeA.get('/api/me/assignments');
    const abe = await env.w.traineeA2.get('/api/me/assignments');
    expect(ann.body.assignments.map((a: { id: number }) => a.id).sort()).toEqual([...created.map((a) => a.id), teamWide.id].sort());
    expect(abe.body.assignments.map((a: { id: number }) => a.id)).toEqual([teamWide.id]);

    const refused = await play(env.w.traineeA2, best.events, created[0].id);
    expect(refused.status).toBe(403);
    expect(refused.body.message).toMatch(/other trainees/);
    expect((await play(env.w.traineeA, best.events, created[0].id)).status).toBe(201);

    const trainer = await env.w.trainerA.get('/api/me/assignments');
    const row = trainer.body.assignments.find((a: { id: number }) => a.id === created[0].id);
    expect(row).toMatchObject({ members: 1, statusCounts: { passed: 1, 'not-started': 0 } });
    expect(trainer.body.assignments.find((a: { id: number }) => a.id === teamWide.id)).toMatchObject({ members: 2 });

    // Widen it to the whole team: Abe now sees it.
    const widened = await env.w.trainerA.request('PATCH', `/api/assignments/${created[0].id}`, { trainees: null });
    expect(widened.body.trainees).toBeNull();
    expect((await env.w.traineeA2.get('/api/me/assignments')).body.assignments).toHaveLength(2);
  });

  it('edits an assignment (a new pass mark re-decides who passed) and withdraws it', async () => {
    const [a] = await assign({ passMark: MIN_PASS_MARK });
    // A won-back route between the lowest pass mark and the best: it passes now, and fails once raised.
    const score = routesOf().all.filter((r) => r.report.outcome === 'won-back').map((r) => r.report.overall).find((s) => s >= MIN_PASS_MARK && s < BEST) as number;
    expect((await play(env.w.traineeA, eventsScoring(score), a.id)).status).toBe(201);
    const statusOfAnn = async () => {
      const p = await env.w.trainerA.get(`/api/teams/${env.w.teamA.id}/progress`);
      return p.body.cells.find((c: { userId: number }) => c.userId === env.w.users.traineeA.id);
    };
    expect(await statusOfAnn()).toMatchObject({ status: 'passed', best: score, attempts: 1 });

    const raised = await env.w.trainerA.request('PATCH', `/api/assignments/${a.id}`, { passMark: score + 1, maxAttempts: 5, dueAt: yesterday() });
    expect(raised.body).toMatchObject({ passMark: score + 1, maxAttempts: 5 });
    expect(await statusOfAnn()).toMatchObject({ status: 'overdue', best: score });
    await env.w.trainerA.request('PATCH', `/api/assignments/${a.id}`, { maxAttempts: 1 });
    expect(await statusOfAnn()).toMatchObject({ status: 'failed' });
    await env.w.trainerA.request('PATCH', `/api/assignments/${a.id}`, { passMark: score, maxAttempts: null });
    expect(await statusOfAnn()).toMatchObject({ status: 'passed' });

    expect((await env.w.trainerA.delete(`/api/assignments/${a.id}`)).status).toBe(204);
    expect((await env.w.trainerA.get(`/api/assignments/${a.id}`)).status).toBe(404);
    expect((await env.w.traineeA.get('/api/me/assignments')).body.assignments).toEqual([]);
    // The attempt stays, as free play.
    const attempts = await env.w.trainerA.get(`/api/trainees/${env.w.users.traineeA.id}/attempts`);
    expect(attempts.body.attempts).toHaveLength(1);
    expect(attempts.body.attempts[0].assignmentId).toBeNull();
  });

  it('shows the matrix with every status and best score, filtered and sorted, and exports the same rows as CSV', async () => {
    const [open] = await assign({ passMark: BEST });
    const [late] = await assign({ scenarioIds: ['hold-line'], dueAt: yesterday() });
    const [limited] = await assign({ scenarioIds: ['quiet-customer'], maxAttempts: 1, passMark: 100 });
    const [chosen] = await assign({ scenarioIds: ['sports-package'], trainees: [env.w.users.traineeA2.id] });
    await play(env.w.traineeA, worst.events, open.id);
    await play(env.w.traineeA, best.events, open.id);
    await play(env.w.traineeA2, worst.events, open.id);
    const quiet = routesOf('quiet-customer').worst.events;
    await play(env.w.traineeA, quiet, limited.id, 'quiet-customer');

    const p = await env.w.trainerA.get(`/api/teams/${env.w.teamA.id}/progress`);
    expect(p.status).toBe(200);
    expect(p.body.trainees.map((t: { name: string }) => t.name)).toEqual(['Abe', 'Ann']);
    const cell = (user: number, a: number) => p.body.cells.find((c: { userId: number; assignmentId: number }) => c.userId === user && c.assignmentId === a);
    const ann = env.w.users.traineeA.id;
    const abe = env.w.users.traineeA2.id;
    expect(cell(ann, open.id)).toMatchObject({ status: 'passed', best: BEST, attempts: 2 });
    expect(cell(abe, open.id)).toMatchObject({ status: 'in-progress', best: WORST, attempts: 1 });
    expect(cell(ann, late.id)).toMatchObject({ status: 'overdue', best: null, attempts: 0 });
    expect(cell(ann, limited.id)).toMatchObject({ status: 'failed', attempts: 1 });
    expect(cell(abe, limited.id)).toMatchObject({ status: 'not-started' });
    expect(cell(ann, chosen.id)).toMatchObject({ status: 'not-assigned' });
    expect(cell(abe, chosen.id)).toMatchObject({ status: 'not-started' });
    expect(p.body.assignments.find((a: { id: number }) => a.id === chosen.id).trainees).toEqual([abe]);

    const csv = await env.w.trainerA.get(`/api/teams/${env.w.teamA.id}/progress?format=csv`);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="progress-team-a-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows = parseCsv(csv.raw.body);
    expect(rows[0]).toEqual(['Trainee', 'Email', 'Scenario', 'Assignment', 'Due', 'Pass mark', 'Status', 'Best score', 'Attempts', 'Attempt limit', 'Last attempt']);
    // Abe: 4 assignments; Ann: 3 (sports-package is not set for her).
    expect(rows).toHaveLength(1 + 4 + 3);
    const annOpen = rows.find((r) => r[0] === 'Ann' && r[3] === String(open.id));
    expect(annOpen?.slice(0, 10)).toEqual(['Ann', 'ann@example.com', 'The Trophy Room', String(open.id), open.dueAt.slice(0, 10), String(BEST), 'Passed', String(BEST), '2', 'unlimited']);
    expect(rows.filter((r) => r[0] === 'Ann').some((r) => r[3] === String(chosen.id))).toBe(false);

    const failedOnly = parseCsv((await env.w.trainerA.get(`/api/teams/${env.w.teamA.id}/progress?format=csv&status=failed`)).raw.body);
    expect(failedOnly.slice(1).map((r) => [r[0], r[6]])).toEqual([['Ann', 'Failed']]);
    const one = parseCsv((await env.w.trainerA.get(`/api/teams/${env.w.teamA.id}/progress?format=csv&assignment=${open.id}&sort=a:${open.id}&dir=desc`)).raw.body);
    expect(one.slice(1).map((r) => [r[0], r[6]])).toEqual([
      ['Ann', 'Passed'],
      ['Abe', 'In progress'],
    ]);
    const search = parseCsv((await env.w.trainerA.get(`/api/teams/${env.w.teamA.id}/progress?format=csv&q=ABE`)).raw.body);
    expect(new Set(search.slice(1).map((r) => r[0]))).toEqual(new Set(['Abe']));
  });

  it("gives a trainee's attempts with each line, the choice, the seconds and the feedback that applied", async () => {
    const [a] = await assign();
    await play(env.w.traineeA, worst.events, a.id);
    await play(env.w.traineeA, best.events, a.id);
    const r = await env.w.trainerA.get(`/api/trainees/${env.w.users.traineeA.id}/attempts`);
    expect(r.status).toBe(200);
    expect(r.body.trainee).toMatchObject({ id: env.w.users.traineeA.id, name: 'Ann', teamId: env.w.teamA.id, teamName: 'Team A' });
    expect(r.body.more).toBe(false);
    const [newest, oldest] = r.body.attempts;
    expect(newest).toMatchObject({ score: BEST, passed: true, scenarioTitle: 'The Trophy Room', assignmentId: a.id });
    expect(oldest.score).toBe(WORST);
    const s = loadLibrary().scenarios.get(SCENARIO)!;
    const first = newest.lines[0];
    const firstChoice = s.nodes[s.start].choices.find((c) => c.id === best.steps[0])!;
    expect(first).toMatchObject({ node: s.start, customer: s.nodes[s.start].line, choice: best.steps[0], player: firstChoice.text, seconds: 4, silence: false });
    expect(first.feedback.map((f: { rule: string }) => f.rule)).toContain('feelings-first');
    expect(newest.lines).toHaveLength(best.steps.length);
    const allFeedback = [...newest.lines, ...oldest.lines].flatMap((l: { feedback: unknown[] }) => l.feedback);
    expect(allFeedback.length).toBe(best.report.feedback.length + worst.report.feedback.length);
    expect(oldest.ending).toMatchObject({ outcome: worst.report.outcome });

    const limited = await env.w.trainerA.get(`/api/trainees/${env.w.users.traineeA.id}/attempts?limit=1`);
    expect(limited.body.attempts).toHaveLength(1);
    expect(limited.body.more).toBe(true);
    expect((await env.w.trainerA.get('/api/trainees/999999/attempts')).status).toBe(404);
    expect((await env.w.trainerA.get(`/api/trainees/${env.w.users.trainerB.id}/attempts`)).status).toBe(404);
    expect((await env.w.trainerA.get(`/api/trainees/${env.w.users.traineeB.id}/attempts`)).status).toBe(403);
  });

  it("counts a team's most broken rules and most picked choices at each decision", async () => {
    await play(env.w.traineeA, worst.events);
    await play(env.w.traineeA, worst.events);
    await play(env.w.traineeA2, worst.events);
    await play(env.w.traineeA2, best.events);
    await play(env.w.traineeB, worst.events); // another team: not counted
    const r = await env.w.trainerA.get(`/api/teams/${env.w.teamA.id}/mistakes?scenario=${SCENARIO}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ attempts: 4, trainees: 2, scenario: { id: SCENARIO, title: 'The Trophy Room' } });
    const brokenInWorst = new Set(worst.report.feedback.filter((f) => f.points < 0).map((f) => f.rule));
    expect(new Set(r.body.rules.map((x: { rule: string }) => x.rule))).toEqual(brokenInWorst);
    expect(r.body.rules[0]).toMatchObject({ attempts: 3, trainees: 2, principle: expect.any(String), feedback: expect.any(String) });
    expect(r.body.rules.every((x: { points: number }) => x.points < 0)).toBe(true);

    const start = r.body.decisions[0];
    expect(start.reached).toBe(4);
    const worstFirst = start.choices.find((c: { id: string }) => c.id === worst.steps[0]);
    const bestFirst = start.choices.find((c: { id: string }) => c.id === best.steps[0]);
    expect(worstFirst).toMatchObject({ count: 3, trainees: 2, share: 0.75, best: false });
    expect(bestFirst).toMatchObject({ count: 1, best: true, kind: 'good' });
    expect(start.choices[0].id).toBe(worst.steps[0]);
    const firstTurnPenalties = worst.report.feedback.filter((f) => f.turn === 0 && f.points < 0).map((f) => f.rule);
    expect(worstFirst.costs.map((c: { rule: string }) => c.rule).sort()).toEqual(firstTurnPenalties.filter((r) => r !== 'never-apologized' && r !== 'never-acknowledged' && r !== 'never-remedied' && r !== 'promise-broken').sort());
    expect(bestFirst.costs).toEqual([]);

    const none = await env.w.trainerA.get(`/api/teams/${env.w.teamA.id}/mistakes?scenario=hold-line`);
    expect(none.body).toMatchObject({ attempts: 0, rules: [], decisions: [] });
    expect((await env.w.trainerA.get(`/api/teams/${env.w.teamA.id}/mistakes?scenario=nope`)).status).toBe(422);
  });

  it('lists the library with route counts, score ranges and skills, and a Mermaid diagram per scenario', async () => {
    const lib = await env.w.trainerA.get('/api/trainer/library');
    expect(lib.body.scenarios.length).toBe(loadLibrary().scenarios.size);
    const trophy = lib.body.scenarios.find((s: { id: string }) => s.id === SCENARIO);
    const sum = routesOf();
    expect(trophy).toMatchObject({
      routes: sum.all.length,
      source: 'built-in',
      difficulty: 'easy',
      score: { overall: { min: WORST, max: BEST } },
      briefing: { who: expect.any(String), mistake: expect.any(String), goal: expect.any(String) },
    });
    expect(trophy.skills.map((s: { principle: string }) => s.principle)).toEqual(expect.arrayContaining(['Feelings before solutions', 'Apologise at once']));
    const detail = await env.w.trainerA.get(`/api/scenarios/${SCENARIO}/summary`);
    expect(detail.body.mermaid).toMatch(/^flowchart TD\n/);
    expect(detail.body.bestRoute).toMatchObject({ steps: best.steps, overall: BEST });
    expect((await env.w.trainerA.get('/api/scenarios/nope/summary')).status).toBe(404);
  });

  it('rejects a broken upload with the same file:line problems as lint, and stores nothing', async () => {
    const broken = variant('moves: [dismiss]', 'moves: [shrug-it-off]', variant('emotion: angry', 'emotion: cross'));
    const r = await env.w.trainerA.post('/api/scenarios', { yaml: broken, fileName: 'C:\\Users\\me\\lamp.yaml' });
    expect(r.status).toBe(422);
    expect(r.body.message).toBe('lamp.yaml has 2 problems; nothing was saved');
    const dir = tempDir();
    writeFixture(dir, 'lamp.yaml', broken);
    const lint = await cli(['lint', join(dir, 'lamp.yaml')]);
    const linted = lint.stdout.split('\n').filter((l) => l.includes('lamp.yaml:')).map((l) => l.replace(/^.*lamp\.yaml:/, 'lamp.yaml:'));
    expect(r.body.problems.map((p: { file: string; line: number; column: number; message: string }) => `${p.file}:${p.line}:${p.column}: ${p.message}`)).toEqual(linted);
    expect(linted).toHaveLength(2);
    rmSync(dir, { recursive: true, force: true });

    // Loads, but lint's analysis finds an unreachable node: refused too.
    const unreachable = `${baseScenario('lonely')}`.replace('endings:', `  island:\n    line: Nobody gets here at all.\n    emotion: calm\n    choices:\n      - id: hello\n        text: Hello there, how can I help you today?\n        moves: [ask-clarifying]\n        next: happy\nendings:`);
    const u = await env.w.trainerA.post('/api/scenarios', { yaml: unreachable, fileName: 'lonely.yaml' });
    expect(u.status).toBe(422);
    expect(u.body.problems[0].message).toMatch(/unreachable|reach/i);
    expect((await env.w.trainerA.get('/api/trainer/library')).body.scenarios.some((s: { id: string }) => s.id === 'lonely')).toBe(false);
  });

  it('stores a good upload: listed, assignable, playable and replayed; a bad file or a built-in id never replaces it', async () => {
    const yaml = baseScenario('lamp-lost');
    const up = await env.w.trainerA.post('/api/scenarios', { yaml, fileName: 'lamp-lost.yaml' });
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    expect(up.body).toMatchObject({ replaced: false, scenario: { id: 'lamp-lost', source: 'uploaded', uploadedBy: 'Trainer A', routes: 2 } });
    // The gate's figures come with the upload, the same as `paths` prints: a random pick wins the lamp
    // back half the time, but even that route scores below the pass mark, so no blind player passes.
    const gate = up.body.scenario.gameability;
    expect(gate).toMatchObject({ gameable: false, maxMean: 50, maxPassRate: 0.05 });
    const random = gate.strategies.find((f: { id: string }) => f.id === 'random');
    expect(random).toMatchObject({ plays: 200, passRate: 0 });
    expect(random.mean).toBeGreaterThan(20);
    expect((await env.w.traineeA.get('/api/scenarios')).body.scenarios.map((s: { id: string }) => s.id)).toContain('lamp-lost');
    // The game fetches uploads whole, to play them; built-in scenarios ship with the game, and a
    // visitor who is not signed in gets none.
    const forGame = await env.w.traineeA.get('/api/scenarios/uploaded');
    expect(forGame.status).toBe(200);
    expect(forGame.body.scenarios.map((s: { id: string }) => s.id)).toEqual(['lamp-lost']);
    expect(forGame.body.scenarios[0].nodes.opening.choices.map((c: { id: string }) => c.id)).toContain('sorry');
    expect((await new Client(env.app).get('/api/scenarios/uploaded')).status).toBe(401);

    const created = await env.w.trainerA.post('/api/assignments', { teamId: env.w.teamA.id, scenarioId: 'lamp-lost', dueAt: inAWeek() });
    expect(created.status).toBe(201);
    const played = await play(env.w.traineeA, [{ type: 'player.choose', choice: 'sorry', seconds: 3 }], created.body.id, 'lamp-lost');
    expect(played.status, JSON.stringify(played.body)).toBe(201);
    expect(played.body.outcome).toBe('won-back');

    const again = await env.w.trainerA.post('/api/scenarios', { yaml, fileName: 'lamp-lost.yaml' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ exists: true, scenarioId: 'lamp-lost' });
    // Another trainer's upload is not theirs to replace.
    const theirs = await env.w.trainerB.post('/api/scenarios', { yaml, fileName: 'lamp-lost.yaml', replace: true });
    expect(theirs.status).toBe(403);
    expect(theirs.body).toMatchObject({ owned: true, scenarioId: 'lamp-lost' });
    const builtIn = await env.w.trainerA.post('/api/scenarios', { yaml: baseScenario(SCENARIO) });
    expect(builtIn.status).toBe(409);
    expect(builtIn.body.builtIn).toBe(true);
    const bad = await env.w.trainerA.post('/api/scenarios', { yaml: variant('next: happy', 'next: nowhere', baseScenario('lamp-lost')), replace: true });
    expect(bad.status).toBe(422);
    const still = await env.w.trainerA.get('/api/scenarios/lamp-lost/summary');
    expect(still.body.mermaid).toContain('e_happy');

    const replaced = await env.w.trainerA.post('/api/scenarios', { yaml: yaml.replace('title: Fixture', 'title: The Lost Lamp'), replace: true });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ replaced: true, scenario: { title: 'The Lost Lamp' } });

    // Another server process on the same database finds the upload when asked for it.
    const second = await appFor(env.ts);
    try {
      const trainer = await login(second, 'trainer.a@example.com');
      const s = await trainer.get('/api/scenarios/lamp-lost/summary');
      expect(s.status).toBe(200);
      expect(s.body.title).toBe('The Lost Lamp');
    } finally {
      await second.close();
    }
  });

  it('serves the dashboard page at /trainer from the build, and says so when it is not built', async () => {
    expect((await new Client(env.app).get('/trainer')).status).toBe(404);
    const dist = mkdtempSync(join(tmpdir(), 'mir-dist-'));
    writeFileSync(join(dist, 'trainer.html'), '<!doctype html><title>Trainer</title>');
    const withBuild = await appFor(env.ts, dist);
    try {
      const r = await new Client(withBuild).get('/trainer');
      expect(r.status).toBe(200);
      expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(r.raw.body).toContain('<title>Trainer</title>');
      expect(r.headers['content-security-policy']).toContain("script-src 'self'");
      // Mermaid's diagrams carry a <style>: inline styles are allowed here, and only here.
      expect(r.headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
    } finally {
      await withBuild.close();
      rmSync(dist, { recursive: true, force: true });
    }
  });
});
