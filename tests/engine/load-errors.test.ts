// One test per kind of scenario error: the loader names the file and the line of the mistake, and
// says what is wrong in words an author can act on. Bad input never throws.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScenario } from '../../src/engine/load.ts';
import { loadLibrary, loadScenarioFile } from '../../src/engine/files.ts';
import { fixturePath, lineOf, linesOf } from './support.ts';

interface Case {
  /** Fixture in tests/fixtures/engine/invalid/, a copy of mini.yaml with one mistake. */
  fixture: string;
  /** Text on the line the error must point at: unique in the fixture, or [text, nth occurrence]. */
  at: string | [string, number];
  message: RegExp;
}

const CASES: Record<string, Case> = {
  'YAML syntax error': { fixture: 'yaml-syntax', at: 'line: "Where is my parcel?', message: /missing closing "quote/i },
  'duplicate node id (YAML duplicate key)': {
    fixture: 'duplicate-node-id',
    at: ['  remedy:', 2],
    message: /^duplicate id or key "remedy" \(first used on line 35\): each key may appear only once in a mapping$/,
  },
  'unknown move': { fixture: 'unknown-move', at: 'moves: [argue, shrug]', message: /"shrug" is not allowed; expected one of: acknowledge-feelings,.*pass-the-buck/ },
  'wrong emotion': { fixture: 'bad-emotion', at: 'emotion: grumpy', message: /^nodes\.remedy\.emotion: "grumpy" is not allowed; expected one of: calm, worried, annoyed, angry, furious, relieved$/ },
  'wrong persona': { fixture: 'bad-persona', at: 'persona: karen', message: /^customer\.persona: "karen" is not allowed; expected one of: voicer, irate, activist$/ },
  'wrong setting': { fixture: 'bad-setting', at: 'setting: spaceship', message: /^setting: "spaceship" is not allowed; expected one of: hotel-desk, .*\bchat\b.*$/ },
  'missing required field': { fixture: 'missing-field', at: '  remedy:', message: /^nodes\.remedy\.emotion is missing$/ },
  'unknown key': { fixture: 'unknown-key', at: 'mood: -5', message: /^nodes\.remedy\.choices\[1\]: unknown key "mood"$/ },
  'choice leads to a missing node': { fixture: 'choice-missing-target', at: 'next: lost-forever', message: /^leads to "lost-forever", but there is no node or ending with that id$/ },
  'silence leads to a missing node': { fixture: 'silence-missing-target', at: 'next: hung-up', message: /^leads to "hung-up", but there is no node or ending with that id$/ },
  'start node missing': { fixture: 'start-missing', at: 'start: greeting', message: /^start: there is no node "greeting"$/ },
  'no won-back ending': { fixture: 'no-won-back', at: '  won:', message: /no ending has outcome won-back/ },
  'node id equal to an ending id': { fixture: 'node-is-ending', at: 'outcome: won-back', message: /^duplicate id "won": used for a node and an ending$/ },
  'duplicate choice id in a node': { fixture: 'duplicate-choice-id', at: ['- id: resend', 2], message: /^duplicate id: choice "resend" appears twice in node "opening"$/ },
  'empty choice text': { fixture: 'empty-choice-text', at: 'text: ""', message: /^choice "not-my-job" has empty text/ },
  'bad condition syntax': { fixture: 'bad-condition', at: 'if: "mood is high"', message: /if: must look like "mood >= 60"/ },
  'last branch has an if': { fixture: 'last-branch-if', at: '{ if: "mood < 50", to: lost }', message: /^the last branch needs no "if"/ },
  'a branch before the last has no if': { fixture: 'middle-branch-no-if', at: '- { to: won }', message: /^only the last branch may leave out "if"/ },
  'a choice lists a move twice': { fixture: 'duplicate-move', at: 'moves: [argue, argue]', message: /^choice "correct-them" lists a move twice$/ },
};

describe('scenario load errors name the file, the line and the problem', () => {
  it('the base fixture is valid, so each error below comes from its one mistake', () => {
    const r = loadScenarioFile(fixturePath('mini.yaml'));
    expect(r.errors).toEqual([]);
    expect(r.ok).toBe(true);
  });

  for (const [kind, c] of Object.entries(CASES)) {
    it(kind, () => {
      const file = fixturePath('invalid', `${c.fixture}.yaml`);
      const r = loadScenarioFile(file);
      expect(r.ok).toBe(false);
      expect(r.scenario).toBeUndefined();
      // The first error is the one the author should fix: the mistake itself, not its knock-on effects.
      const line = typeof c.at === 'string' ? lineOf(file, c.at) : lineOf(file, ...c.at);
      expect(r.errors[0]).toMatchObject({ file: `tests/fixtures/engine/invalid/${c.fixture}.yaml`, line });
      expect(r.errors[0].message).toMatch(c.message);
      expect(r.errors[0].column).toBeGreaterThanOrEqual(1);
    });
  }

  it('no endings at all', () => {
    const file = fixturePath('invalid', 'no-endings.yaml');
    const r = loadScenarioFile(file);
    expect(r.ok).toBe(false);
    const missing = r.errors.filter((e) => /missing ending/.test(e.message));
    expect(missing).toEqual([
      { file: 'tests/fixtures/engine/invalid/no-endings.yaml', line: lineOf(file, 'endings: {}'), column: expect.any(Number), message: 'missing ending: a scenario needs at least one ending' },
    ]);
    // Every `next` that led to an ending now leads nowhere, each reported at its own line.
    const dangling = r.errors.filter((e) => /no node or ending/.test(e.message)).map((e) => e.line);
    for (const line of linesOf(file, 'next: lost')) expect(dangling).toContain(line);
    expect(dangling).toContain(lineOf(file, '{ if: "mood >= 50", to: won }'));
  });

  it('errors are sorted by line', () => {
    const r = loadScenarioFile(fixturePath('invalid', 'no-endings.yaml'));
    const lines = r.errors.map((e) => e.line);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });

  it('a top-level field that is missing points at the top of the file', () => {
    const text = 'id: bare\nsetting: chat\n';
    const r = parseScenario(text, 'bare.yaml');
    expect(r.ok).toBe(false);
    expect(r.errors).toContainEqual({ file: 'bare.yaml', line: 1, column: 1, message: 'title is missing' });
  });

  it('a document that is not a mapping says what a scenario file must be', () => {
    for (const text of ['', '- a\n- b\n', 'just words\n', '42\n']) {
      const r = parseScenario(text, 'x.yaml');
      expect(r.ok).toBe(false);
      expect(r.errors).toEqual([{ file: 'x.yaml', line: 1, column: 1, message: expect.stringMatching(/must be a YAML mapping/) }]);
    }
  });

  it('an unreadable file is an error, not an exception', () => {
    const r = loadScenarioFile(fixturePath('invalid', 'does-not-exist.yaml'));
    expect(r.ok).toBe(false);
    expect(r.errors[0]).toMatchObject({ file: 'tests/fixtures/engine/invalid/does-not-exist.yaml', line: 1, message: expect.stringMatching(/^cannot read file/) });
  });

  it('two files with the same scenario id in one library are a duplicate-id error on the second file', () => {
    const lib = loadLibrary([fixturePath('dup-library')]);
    expect([...lib.scenarios.keys()]).toEqual(['mini']);
    expect(lib.errors).toEqual([
      {
        file: 'tests/fixtures/engine/dup-library/b-second.yaml',
        line: 1,
        column: 1,
        message: 'duplicate id: scenario "mini" is also defined in tests/fixtures/engine/dup-library/a-first.yaml',
      },
    ]);
  });
});

describe('bad input never throws', () => {
  const check = (text: string) => {
    const r = parseScenario(text, 'garbage.yaml');
    if (r.ok) return;
    expect(r.errors.length).toBeGreaterThan(0);
    for (const e of r.errors) {
      expect(e.file).toBe('garbage.yaml');
      expect(Number.isInteger(e.line) && e.line >= 1).toBe(true);
      expect(typeof e.message).toBe('string');
      expect(e.message.length).toBeGreaterThan(0);
    }
  };

  it('random strings return errors', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
      const r = parseScenario(text, 'garbage.yaml');
      expect(r.ok).toBe(false);
      check(text);
    }), { numRuns: 300 });
  });

  it('random YAML-ish documents return errors', () => {
    const yamlish = fc.array(fc.oneof(fc.constantFrom('id:', 'nodes:', 'endings:', '  - ', '  ', ': ', '{', '}', '[', ']', '"', "'", '&a ', '*a', '<<: *a', '!!binary', '---', '\n', '\t', '#', '? ', 'start: x'), fc.string()), { maxLength: 60 }).map((p) => p.join(''));
    fc.assert(fc.property(yamlish, (text) => check(text)), { numRuns: 400 });
  });

  it('the valid fixture with random lines removed or duplicated returns a scenario or errors', () => {
    const lines = loadText();
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(lines.length - 1), fc.boolean()), { minLength: 1, maxLength: 4 }), (edits) => {
        const copy = [...lines];
        for (const [i, dup] of edits) {
          const at = Math.min(i, copy.length - 1);
          if (dup) copy.splice(at, 0, copy[at]);
          else copy.splice(at, 1);
        }
        check(copy.join('\n'));
      }),
      { numRuns: 300 },
    );
  });

  it('aliases that expand enormously (a "billion laughs") are an error, not a hang or a crash', () => {
    const laughs = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++) laughs.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    const r = parseScenario(laughs.join('\n'), 'laughs.yaml');
    expect(r.ok).toBe(false);
    expect(r.errors.length).toBeGreaterThan(0);
  });
});

function loadText(): string[] {
  return readFileSync(fixturePath('mini.yaml'), 'utf8').split('\n');
}
