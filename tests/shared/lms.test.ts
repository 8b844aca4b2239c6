import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import validateStatement from '@learninglocker/xapi-validation';
import { XmlDocument, XsdValidator } from 'libxml2-wasm';
import { loadLibrary } from '../../src/engine/files.ts';
import { summarizeRoutes } from '../../src/engine/routes.ts';
import { uuidV5, STATEMENT_NAMESPACE, sha1 } from '../../src/shared/lms/uuid.ts';
import {
  attemptStatements,
  CMI5_CATEGORY,
  initializedStatement,
  MASTERY_SCORE_EXT,
  MOVEON_CATEGORY,
  SESSION_ID_EXT,
  type Cmi5Launch,
  type VerifiedAttempt,
} from '../../src/shared/lms/cmi5.ts';
import { courseStructureXml, masteryScoreOf } from '../../src/shared/lms/course.ts';
import { cmi5Package, scorm12Package } from '../../src/shared/lms/package.ts';
import { isoDuration, type Statement } from '../../src/shared/lms/xapi.ts';

const library = loadLibrary();
const scenario = library.scenarios.get('trophy-room')!;
const routes = summarizeRoutes(scenario)!;
const BASE = 'https://training.example.com';

/** RFC 4122 version 5 computed with Node's SHA-1, to hold the pure one to. */
function referenceV5(name: string, ns = STATEMENT_NAMESPACE): string {
  const hash = createHash('sha1').update(Buffer.from(ns.replace(/-/g, ''), 'hex')).update(name, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const h = hash.subarray(0, 16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function launch(extra: Partial<Cmi5Launch> = {}): Cmi5Launch {
  return {
    actor: { objectType: 'Agent', name: 'Ana', account: { homePage: 'https://lms.example.com', name: 'ana' } },
    activityId: 'https://lms.example.com/activities/au-1',
    registration: '0f9b8a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
    contextTemplate: {
      contextActivities: { grouping: [{ id: `${BASE}/lms/au/trophy-room` }] },
      extensions: { [SESSION_ID_EXT]: 'session-1' },
    },
    launchMode: 'Normal',
    masteryScore: 0.7,
    ...extra,
  };
}

function attemptOf(report: typeof routes.best.report, key = 'cmi5-attempt-1'): VerifiedAttempt {
  return { key, overall: report.overall, empathy: report.empathy, ownership: report.ownership, timing: report.timing, passed: report.passed, outcome: report.outcome, turns: report.turns };
}

function session(l: Cmi5Launch, a: VerifiedAttempt, progress = { completed: false, passed: false }): Statement[] {
  const t0 = Date.parse('2026-12-04T10:00:00Z');
  return [initializedStatement(l, a.key, t0), ...attemptStatements(l, scenario, a, progress, { initializedAt: t0, endedAt: t0 + 60_000 }, BASE)];
}

const verbOf = (s: Statement) => s.verb.id.split('/').pop();
const categories = (s: Statement) => (s.context?.contextActivities?.category ?? []).map((c) => c.id);

describe('statement ids', () => {
  it('are RFC 4122 version 5 UUIDs, equal to a SHA-1 reference', () => {
    for (const name of ['', 'a', 'cmi5-attempt-1|answered|3', 'x'.repeat(200), 'ünïcödé ✓']) expect(uuidV5(name)).toBe(referenceV5(name));
    expect(Buffer.from(sha1(new TextEncoder().encode('abc'))).toString('hex')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
  });
});

describe('cmi5 statements', () => {
  it('a passed session: valid xAPI, cmi5 order, categories, session id, score only on passed', () => {
    const all = session(launch(), attemptOf(routes.best.report));
    expect(routes.best.report.passed).toBe(true);
    for (const s of all) expect(validateStatement(s), JSON.stringify(s)).toEqual([]);
    const verbs = all.map(verbOf);
    expect(verbs[0]).toBe('initialized');
    expect(verbs.slice(1, 1 + routes.best.report.turns.length).every((v) => v === 'answered')).toBe(true);
    expect(verbs.slice(-3)).toEqual(['completed', 'passed', 'terminated']);
    const times = all.map((s) => Date.parse(s.timestamp));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(new Set(times).size).toBe(times.length);
    expect(new Set(all.map((s) => s.id)).size).toBe(all.length);
    for (const s of all) {
      expect(s.context?.registration).toBe(launch().registration);
      expect(s.context?.extensions?.[SESSION_ID_EXT]).toBe('session-1');
      expect(s.context?.contextActivities?.grouping).toEqual([{ id: `${BASE}/lms/au/trophy-room` }]);
      const defined = verbOf(s) !== 'answered';
      expect(categories(s).includes(CMI5_CATEGORY)).toBe(defined);
      const moveOn = ['completed', 'passed', 'failed'].includes(verbOf(s)!);
      expect(categories(s).includes(MOVEON_CATEGORY)).toBe(moveOn);
      expect(s.result?.score !== undefined).toBe(verbOf(s) === 'passed');
      if (defined) expect(s.object.id).toBe(launch().activityId);
    }
    const passed = all.find((s) => verbOf(s) === 'passed')!;
    expect(passed.result).toMatchObject({ success: true, score: { scaled: routes.best.report.overall / 100, raw: routes.best.report.overall, min: 0, max: 100 } });
    expect(passed.result!.score!.scaled).toBeGreaterThanOrEqual(0.7);
    expect(passed.context?.extensions?.[MASTERY_SCORE_EXT]).toBe(0.7);
    expect(Object.values(passed.result!.extensions!).slice(0, 3)).toEqual([routes.best.report.empathy, routes.best.report.ownership, routes.best.report.timing]);
    const completed = all.find((s) => verbOf(s) === 'completed')!;
    expect(completed.result).toEqual({ completion: true, duration: expect.stringMatching(/^PT/) });
    const answered = all[1];
    expect(answered.object.definition).toMatchObject({ type: 'http://adlnet.gov/expapi/activities/cmi.interaction', interactionType: 'choice' });
    expect(answered.result?.response).toBe(routes.best.report.turns[0].choice);
    expect(all.at(-1)!.result?.duration).toMatch(/^PT/);
  });

  it('a failed session scores below the mastery score and says success false', () => {
    const all = session(launch(), attemptOf(routes.worst.report, 'cmi5-attempt-2'));
    for (const s of all) expect(validateStatement(s)).toEqual([]);
    const failed = all.find((s) => verbOf(s) === 'failed')!;
    expect(failed.result?.success).toBe(false);
    expect(failed.result!.score!.scaled).toBeLessThan(0.7);
    expect(all.some((s) => verbOf(s) === 'passed')).toBe(false);
  });

  it('the LMS masteryScore decides the verdict; without one the pass mark does', () => {
    const best = attemptOf(routes.best.report);
    const strict = session(launch({ masteryScore: Math.min(1, best.overall / 100 + 0.01) }), best);
    expect(strict.map(verbOf)).toContain('failed');
    const none = session(launch({ masteryScore: undefined }), best);
    expect(none.map(verbOf)).toContain('passed');
    expect(none.find((s) => verbOf(s) === 'passed')!.context?.extensions?.[MASTERY_SCORE_EXT]).toBeUndefined();
  });

  it('a registration already completed and passed gets neither again, and no failed after passed', () => {
    const again = session(launch(), attemptOf(routes.worst.report, 'cmi5-attempt-3'), { completed: true, passed: true });
    expect(again.map(verbOf).filter((v) => v !== 'answered')).toEqual(['initialized', 'terminated']);
    const afterFail = session(launch(), attemptOf(routes.best.report, 'cmi5-attempt-4'), { completed: true, passed: false });
    expect(afterFail.map(verbOf).slice(-2)).toEqual(['passed', 'terminated']);
  });

  it('browse mode sends no completed, passed or failed', () => {
    expect(session(launch({ launchMode: 'Browse' }), attemptOf(routes.best.report)).map(verbOf).filter((v) => v !== 'answered')).toEqual(['initialized', 'terminated']);
  });

  it('building the same attempt twice gives the same ids', () => {
    const a = session(launch(), attemptOf(routes.best.report)).map((s) => s.id);
    const b = session(launch(), attemptOf(routes.best.report)).map((s) => s.id);
    expect(a).toEqual(b);
    expect(session(launch(), attemptOf(routes.best.report, 'other')).map((s) => s.id).some((id) => a.includes(id))).toBe(false);
  });

  it('formats durations as ISO 8601', () => {
    expect(isoDuration(0)).toBe('PT0S');
    expect(isoDuration(65.25)).toBe('PT1M5.25S');
    expect(isoDuration(3600 * 2 + 1)).toBe('PT2H1S');
  });
});

describe('packages', () => {
  const xsd = XmlDocument.fromString(readFileSync(new URL('../fixtures/lms/CourseStructure.xsd', import.meta.url), 'utf8'));
  const validator = XsdValidator.fromDoc(xsd);

  it('cmi5.xml of one scenario and of a course validates against CourseStructure.xsd', () => {
    const units = [...library.scenarios.values()].slice(0, 3).map((s) => ({ scenario: s, passMark: 70 }));
    for (const set of [units.slice(0, 1), units]) {
      const zip = unzipSync(cmi5Package(set, { baseUrl: `${BASE}/`, moveOn: 'CompletedAndPassed' }));
      expect(Object.keys(zip)).toEqual(['cmi5.xml']);
      const xml = strFromU8(zip['cmi5.xml']);
      const doc = XmlDocument.fromString(xml);
      expect(() => validator.validate(doc)).not.toThrow();
      doc.dispose();
      expect(xml.match(/<au /g)).toHaveLength(set.length);
      expect(xml).toContain(`<url>${BASE}/?lms=cmi5&amp;scenario=${set[0].scenario.id}</url>`);
      expect(xml).toContain('masteryScore="0.7"');
      expect(xml).toContain('moveOn="CompletedAndPassed"');
    }
  });

  it('the XSD rejects a broken structure (the validation can fail)', () => {
    const bad = courseStructureXml([{ scenario, passMark: 70 }], { baseUrl: BASE }).replace('moveOn="CompletedAndPassed"', 'moveOn="Whenever"');
    const doc = XmlDocument.fromString(bad);
    expect(() => validator.validate(doc)).toThrow();
    doc.dispose();
  });

  it('masteryScore follows the pass mark the engine applies', () => {
    expect(masteryScoreOf(85)).toBe(0.85);
    expect(masteryScoreOf(10)).toBe(0.5);
  });

  it('the SCORM 1.2 zip has a 1.2 manifest with one SCO and its launch page', () => {
    const zip = unzipSync(scorm12Package({ scenario, passMark: 70 }, BASE));
    expect(Object.keys(zip).sort()).toEqual(['imsmanifest.xml', 'index.html']);
    const manifest = strFromU8(zip['imsmanifest.xml']);
    expect(manifest).toContain('<schemaversion>1.2</schemaversion>');
    expect(manifest.match(/adlcp:scormtype="sco"/g)).toHaveLength(1);
    const doc = XmlDocument.fromString(manifest);
    doc.dispose();
    const page = strFromU8(zip['index.html']);
    expect(page).toContain(`${BASE}/?lms=scorm12&scenario=trophy-room`);
    expect(page).toContain('LMSInitialize');
  });
});
