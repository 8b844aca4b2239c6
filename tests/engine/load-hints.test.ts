// Authoring help in the loader: tabs named as tabs, "did you mean …?" for near misses, every schema
// and reference problem in one run, and a warning when a `#` silently cuts a line of text short.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario, type ScenarioError } from '../../src/engine/load.ts';
import { closest, didYouMean, editDistance } from '../../src/engine/suggest.ts';
import { fixturePath } from './support.ts';

const MINI = readFileSync(fixturePath('mini.yaml'), 'utf8');

/** mini.yaml with each [from, to] replaced once; throws when `from` is not there. */
function variant(...edits: [string, string][]): string {
  return edits.reduce((text, [from, to]) => {
    if (!text.includes(from)) throw new Error(`"${from}" is not in mini.yaml`);
    return text.replace(from, to);
  }, MINI);
}

/** 1-based line of the first line containing `snippet` in `text`. */
function lineIn(text: string, snippet: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(snippet));
  if (i < 0) throw new Error(`"${snippet}" is not in the text`);
  return i + 1;
}

const messages = (errors: ScenarioError[]) => errors.map((e) => e.message);

describe('a tab in the indentation is named as a tab', () => {
  it('at the line and column of the tab, with no knock-on parser errors after it', () => {
    const text = variant(['    emotion: angry\n', '\temotion: angry\n']);
    const r = parseScenario(text, 'tab.yaml');
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual([
      { file: 'tab.yaml', line: lineIn(text, '\temotion: angry'), column: 1, message: 'a tab character indents this line; YAML indents with spaces only' },
    ]);
  });

  it('after spaces, or inside a list item', () => {
    const afterSpaces = variant(['        moves: [fix]\n        next: remedy', '        moves: [fix]\n  \t      next: remedy']);
    expect(parseScenario(afterSpaces, 'a.yaml').errors).toEqual([
      { file: 'a.yaml', line: lineIn(afterSpaces, '\t      next: remedy'), column: 3, message: expect.stringMatching(/^a tab character indents this line/) },
    ]);
    const inSilence = variant(['      line: Hello? Anyone there?', '\t  line: Hello? Anyone there?']);
    expect(parseScenario(inSilence, 'b.yaml').errors).toEqual([
      { file: 'b.yaml', line: lineIn(inSilence, 'Hello? Anyone there?'), column: 1, message: expect.stringMatching(/YAML indents with spaces only$/) },
    ]);
  });

  it('a tab after a key (not indentation) is fine', () => {
    expect(parseScenario(variant(['emotion: angry', 'emotion:\tangry']), 'c.yaml').ok).toBe(true);
  });
});

describe('"did you mean …?" for near misses', () => {
  /** What is tested, the edit, the message, and the text on the reported line (the edit's last line if not given). */
  const cases: [string, [string, string], RegExp, string?][] = [
    ['a move', ['moves: [acknowledge-feelings, apologize]', 'moves: [acknowledge-feelings, apologise]'], /^nodes\.opening\.choices\[0\]\.moves\[1\]: "apologise" is not allowed; did you mean "apologize"\? \(expected one of: acknowledge-feelings, .*\)$/],
    ['a move written with a space', ['moves: [acknowledge-feelings, apologize]', 'moves: [acknowledge feelings, apologize]'], /"acknowledge feelings" is not allowed; did you mean "acknowledge-feelings"\?/],
    ['an emotion', ['emotion: annoyed', 'emotion: anoyed'], /^nodes\.remedy\.emotion: "anoyed" is not allowed; did you mean "annoyed"\? \(expected one of: calm, worried, annoyed, angry, furious, relieved\)$/],
    ['a persona', ['persona: voicer', 'persona: voice'], /^customer\.persona: "voice" is not allowed; did you mean "voicer"\?/],
    ['a setting in capitals', ['setting: chat', 'setting: Chat'], /^setting: "Chat" is not allowed; did you mean "chat"\?/],
    ['an outcome', ['outcome: won-back', 'outcome: wonback'], /^endings\.won\.outcome: "wonback" is not allowed; did you mean "won-back"\?/],
    ['a key in a node', ['    patience: 20\n    choices:', '    patience: 20\n    choises:'], /^nodes\.remedy: unknown key "choises"; did you mean "choices"\?$/],
    ['a key in a branch', ['{ if: "mood >= 50", to: won }', '{ iff: "mood >= 50", to: won }'], /^nodes\.remedy\.choices\[0\]\.next\[0\]: unknown key "iff"; did you mean "if"\?$/],
    ['a top-level key in the wrong case', ['start: opening', 'start: opening\nwalkout: lost'], /^the file: unknown key "walkout"; did you mean "walkOut"\?$/],
    ['a target', ['next: lost\n      - id: resend', 'next: lsot\n      - id: resend'], /^leads to "lsot", but there is no node or ending with that id; did you mean "lost"\?$/, 'next: lsot'],
    ['the start node', ['start: opening', 'start: openin'], /^start: there is no node "openin"; did you mean "opening"\?$/],
  ];
  for (const [what, edit, message, at] of cases) {
    it(what, () => {
      const text = variant(edit);
      const r = parseScenario(text, 'near.yaml');
      expect(r.ok).toBe(false);
      // The misspelling is the one problem: "choises" is not also reported as "choices is missing",
      // and "iff" not also as a middle branch without "if".
      expect(messages(r.errors)).toEqual([expect.stringMatching(message)]);
      expect(r.errors[0].line).toBe(lineIn(text, at ?? (edit[1].split('\n').at(-1) as string)));
    });
  }

  it('no suggestion when nothing is close', () => {
    const r = parseScenario(variant(['emotion: annoyed', 'emotion: grumpy']), 'far.yaml');
    expect(messages(r.errors)).toEqual(['nodes.remedy.emotion: "grumpy" is not allowed; expected one of: calm, worried, annoyed, angry, furious, relieved']);
  });

  it('edit distance and the closest names', () => {
    expect(editDistance('apologise', 'apologize')).toBe(1);
    expect(editDistance('clam', 'calm')).toBe(1);
    expect(editDistance('', 'fix')).toBe(3);
    expect(closest('choises', ['id', 'choices', 'line'])).toEqual(['choices']);
    expect(closest('feelings', ['acknowledge-feelings', 'fix'])).toEqual(['acknowledge-feelings']);
    expect(closest('ask', ['ask-clarifying', 'ask-what-they-want'])).toEqual([]);
    expect(closest('mood', ['id', 'text', 'moves', 'next', 'effect', 'note'])).toEqual([]);
    expect(closest('fix', ['fix'])).toEqual([]);
    expect(didYouMean('cam', ['calm', 'cap', 'angry'])).toBe(' did you mean "calm" or "cap"?');
    expect(didYouMean('grumpy', ['calm', 'angry'])).toBe('');
  });
});

describe('schema and reference problems are reported together', () => {
  it('a wrong value, an unknown move, a missing node, a missing start and a repeated node id in one run', () => {
    const text = variant(
      ['start: opening', 'start: openin'],
      ['next: lost\n      - id: resend', 'next: nowhere\n      - id: resend'],
      ['moves: [fix]\n        next: remedy', 'moves: [teleport]\n        next: remedy'],
      ['emotion: annoyed', 'emotion: grumpy'],
      ['endings:\n', 'endings:\n  lost:\n    outcome: lost\n    emotion: calm\n    line: Bye.\n    summary: Gone.\n'],
    );
    const r = parseScenario(text, 'many.yaml');
    expect(r.ok).toBe(false);
    expect(r.errors.map((e) => [e.line, e.message.replace(/ \(expected.*|; expected.*/, '')])).toEqual([
      [lineIn(text, 'start: openin'), 'start: there is no node "openin"; did you mean "opening"?'],
      [lineIn(text, 'next: nowhere'), 'leads to "nowhere", but there is no node or ending with that id'],
      [lineIn(text, 'moves: [teleport]'), 'nodes.opening.choices[2].moves[0]: "teleport" is not allowed'],
      [lineIn(text, 'emotion: grumpy'), 'nodes.remedy.emotion: "grumpy" is not allowed'],
      [text.split('\n').lastIndexOf('  lost:') + 1, expect.stringMatching(/^duplicate id or key "lost" \(first used on line \d+\)/)],
    ]);
    for (const e of r.errors) expect(e.column).toBeGreaterThanOrEqual(1);
  });

  it('a target that breaks the id rule is one error, not also a missing target', () => {
    const r = parseScenario(variant(['next: lost\n      - id: resend', 'next: Lost Forever\n      - id: resend']), 'slug.yaml');
    expect(messages(r.errors)).toEqual([expect.stringMatching(/^nodes\.opening\.choices\[1\]\.next: must be lower-case words/)]);
  });

  it('a misspelt outcome is not also "no ending has outcome won-back"', () => {
    const r = parseScenario(variant(['outcome: won-back', 'outcome: won-bak']), 'o.yaml');
    expect(messages(r.errors)).toEqual([expect.stringMatching(/"won-bak" is not allowed; did you mean "won-back"\?/)]);
  });
});

describe('a "#" that cuts a line of text short', () => {
  it('is a warning at the "#"; the scenario still loads', () => {
    const text = variant(["text: I'll send another one now.", "text: We're #1 at service, so I'll send another one now."]);
    const r = parseScenario(text, 'hash.yaml');
    expect(r.ok).toBe(true);
    expect(r.errors).toEqual([]);
    const line = lineIn(text, "We're #1");
    expect(r.warnings).toEqual([
      {
        file: 'hash.yaml',
        line,
        column: text.split('\n')[line - 1].indexOf('#') + 1,
        message: `text is cut short before "#1 at service, so I'll send another one…": YAML reads " #" as the start of a comment and drops the rest of the line; put the whole text in quotes (or move a comment to its own line)`,
      },
    ]);
  });

  it('in a customer line, narration and summary too', () => {
    const text = variant(
      ['line: So what are you going to do about it?', 'line: So what are you going to do about #2?'],
      ['    line: Where is my parcel?', '    narration: Ticket #4411 again.\n    line: Where is my parcel?'],
      ['summary: Pat got the present in time and ordered again.', 'summary: Pat is customer #1 now'],
    );
    const r = parseScenario(text, 'hash.yaml');
    expect(r.warnings.map((w) => [w.line, w.message.split(' ')[0]])).toEqual([
      [lineIn(text, 'Ticket #4411'), 'narration'],
      [lineIn(text, 'about #2?'), 'line'],
      [lineIn(text, 'customer #1'), 'summary'],
    ]);
  });

  it('not for ordinary trailing comments: on other keys, quoted text, or set off with "  # "', () => {
    const text = variant(
      ['id: mini', 'id: mini                 # lower-case words joined by hyphens; unique'],
      ['emotion: angry', 'emotion: angry # calm | worried'],
      ['persona: voicer', 'persona: voicer   #voicer (tells you)'],
      ["text: I'll send another one now.", "text: I'll send another one now.   # TODO warmer"],
      ['text: Actually, the estimate said "up to three days".', 'text: \'Actually, the estimate said "up to three days". #1\''],
      ['line: Hello? Anyone there?', 'line: "Hello? Anyone there?" # he sighs'],
    );
    const r = parseScenario(text, 'fine.yaml');
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it('the shipped scenarios and the README example have none', () => {
    for (const id of ['trophy-room', 'wrong-address', 'hold-line']) {
      expect(parseScenario(readFileSync(`scenarios/${id}.yaml`, 'utf8'), id).warnings).toEqual([]);
    }
    const readme = readFileSync('README.md', 'utf8');
    const example = /## Writing a scenario[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    expect(example).toContain('id: trophy-room');
    expect(parseScenario(example, 'readme.yaml').warnings).toEqual([]);
  });

  it('a value the comment took entirely is an error that says why it is empty', () => {
    const text = variant(["text: I'll send another one now.", 'text: #1 at service'], ['  patience: 30\n', '  patience: 30\n  look: { hair: "#111" }\n  voice: #abc\n']);
    const r = parseScenario(text, 'empty.yaml');
    expect(r.errors).toEqual([
      { file: 'empty.yaml', line: lineIn(text, 'voice: #abc'), column: 10, message: 'customer.voice is empty: "#abc" after it is a YAML comment (a "#" after a space starts one); put the value in quotes, like voice: "#abc"' },
      { file: 'empty.yaml', line: lineIn(text, 'text: #1'), column: 15, message: expect.stringMatching(/^nodes\.opening\.choices\[2\]\.text is empty: "#1 at service" after it is a YAML comment/) },
    ]);
  });
});
