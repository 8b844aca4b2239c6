// LMS routes: the package download for trainers, the replay that verifies an LMS-launched play, and
// the embedding policy (FRAME_ANCESTORS) an LMS needs to frame the game.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { replay } from '../../src/engine/replay.ts';
import { embedPolicyFromEnv } from '../../src/server/plugins/security.ts';
import { Client, openPgliteStore, routesOf, scenario, SCENARIO, serverSuite, testApp } from './helpers.ts';

describe('LMS routes', () => {
  const env = serverSuite(openPgliteStore, 'lms');

  it('a trainer downloads a cmi5 and a SCORM 1.2 zip; others may not', async () => {
    const cmi5 = await env.w.trainerA.get(`/api/trainer/lms/cmi5/${SCENARIO}?moveOn=Passed&passMark=80`, { host: 'training.example.com' });
    expect(cmi5.status).toBe(200);
    expect(cmi5.headers['content-type']).toBe('application/zip');
    expect(cmi5.headers['content-disposition']).toBe(`attachment; filename="${SCENARIO}-cmi5.zip"`);
    const xml = strFromU8(unzipSync(cmi5.raw.rawPayload)['cmi5.xml']);
    expect(xml).toContain('moveOn="Passed" masteryScore="0.8"');
    expect(xml).toContain(`<url>http://training.example.com/?lms=cmi5&amp;scenario=${SCENARIO}</url>`);
    const scorm = await env.w.trainerA.get(`/api/trainer/lms/scorm12/${SCENARIO}`);
    expect(Object.keys(unzipSync(scorm.raw.rawPayload)).sort()).toEqual(['imsmanifest.xml', 'index.html']);
    expect((await env.w.traineeA.get(`/api/trainer/lms/cmi5/${SCENARIO}`)).status).toBe(403);
    expect((await env.w.anonymous.get(`/api/trainer/lms/cmi5/${SCENARIO}`)).status).toBe(401);
    expect((await env.w.trainerA.get('/api/trainer/lms/cmi5/no-such-scenario')).status).toBe(404);
    expect((await env.w.trainerA.get(`/api/trainer/lms/scorm2004/${SCENARIO}`)).status).toBe(400);
  });

  it('verify replays the events without an account and answers the server score', async () => {
    const { best, worst } = routesOf();
    for (const route of [best, worst]) {
      const r = await env.w.anonymous.post('/api/lms/verify', { scenarioId: SCENARIO, events: route.events });
      expect(r.status).toBe(200);
      const expected = replay(scenario(), route.events);
      if (!expected.ok) throw new Error('route does not replay');
      expect(r.body).toMatchObject({ overall: expected.report.overall, passed: expected.report.passed, empathy: expected.report.empathy, turns: expected.report.turns });
    }
    const unfinished = await env.w.anonymous.post('/api/lms/verify', { scenarioId: SCENARIO, events: best.events.slice(0, 1) });
    expect(unfinished.status).toBe(400);
    const forged = await env.w.anonymous.post('/api/lms/verify', { scenarioId: SCENARIO, events: [{ type: 'player.choose', choice: 'not-a-choice', seconds: 1 }] });
    expect(forged.status).toBe(422);
    const noCsrf = await env.w.anonymous.post('/api/lms/verify', { scenarioId: SCENARIO, events: best.events }, { 'x-requested-with': 'x' });
    expect(noCsrf.status).toBe(403);
  });
});

describe('embedding policy', () => {
  it('reads FRAME_ANCESTORS and LRS_ORIGINS, refusing what is not an origin', () => {
    expect(embedPolicyFromEnv({})).toEqual({ frameAncestors: ["'none'"], connectSrc: [] });
    expect(embedPolicyFromEnv({ FRAME_ANCESTORS: 'self' }).frameAncestors).toEqual(["'self'"]);
    expect(embedPolicyFromEnv({ FRAME_ANCESTORS: "'self' https://lms.example.com", LRS_ORIGINS: 'https://lrs.example.com' })).toEqual({
      frameAncestors: ["'self'", 'https://lms.example.com'],
      connectSrc: ['https://lms.example.com', 'https://lrs.example.com'],
    });
    expect(() => embedPolicyFromEnv({ FRAME_ANCESTORS: 'javascript:alert(1)' })).toThrow(/FRAME_ANCESTORS/);
    expect(() => embedPolicyFromEnv({ LRS_ORIGINS: "https://x.example 'unsafe-inline'" })).toThrow(/LRS_ORIGINS/);
  });

  it('the CSP carries the policy; without it the game may not be framed', async () => {
    const ts = await openPgliteStore();
    try {
      const closed = await testApp(ts.store);
      const open = await testApp(ts.store, { embed: embedPolicyFromEnv({ FRAME_ANCESTORS: 'https://lms.example.com' }) });
      const a = await new Client(closed).get('/api/health');
      const b = await new Client(open).get('/api/health');
      expect(a.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(a.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(b.headers['content-security-policy']).toContain('frame-ancestors https://lms.example.com');
      expect(b.headers['content-security-policy']).toMatch(/connect-src 'self' data: blob: https:\/\/lms\.example\.com/);
      expect(b.headers['x-frame-options']).toBeUndefined();
      await closed.close();
      await open.close();
    } finally {
      await ts.close();
    }
  });
});
