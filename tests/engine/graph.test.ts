import DOMPurify from 'dompurify';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/engine/files.ts';
import { escapeLabel, excerpt, mermaidId, toMermaid } from '../../src/engine/graph.ts';
import { scenarioSchema, type Scenario } from '../../src/engine/schema.ts';

// Mermaid's parser is the judge of the output. Outside a browser DOMPurify has no DOM; parsing does
// not sanitise anything, so inert stand-ins are enough.
type Mermaid = typeof import('mermaid').default;
let mermaid: Mermaid;
beforeAll(async () => {
  const purify = DOMPurify as unknown as Record<string, unknown>;
  purify.addHook ??= () => {};
  purify.removeHook ??= () => {};
  purify.removeHooks ??= () => {};
  purify.sanitize ??= (s: string) => s;
  mermaid = (await import('mermaid')).default;
}, 60_000);

const NASTY = 'He said "no" [sic] {x} (y) <b>bold</b> & #1; semi; pipe | back`tick` \\ --> end %% A -.- B';

function sample(line = 'Where is my lamp?'): Scenario {
  return scenarioSchema.parse({
    id: 'tiny',
    title: 'Tiny',
    setting: 'chat',
    difficulty: 'easy',
    company: 'Test Co',
    customer: { name: 'Pat', persona: 'voicer', mood: 30, patience: 30 },
    briefing: { who: 'Pat', mistake: 'Lost lamp', goal: 'Lamp found' },
    start: 'opening',
    nodes: {
      opening: {
        line,
        emotion: 'angry',
        choices: [
          { id: 'sorry', text: 'I am so sorry, a new one goes out today.', moves: ['apologize', 'fix'], next: [{ if: 'mood >= 60', to: 'won' }, { to: 'end' }] },
          { id: 'shrug', text: 'It happens to everyone.', moves: ['dismiss'], next: 'public' },
        ],
        silence: { next: 'end' },
      },
      end: { line: 'Hm.', emotion: 'calm', choices: [{ id: 'bye', text: 'Goodbye then, Pat.', moves: ['scripted-platitude'], next: 'lost' }] },
    },
    endings: {
      won: { outcome: 'won-back', line: 'Thanks!', emotion: 'relieved', summary: 'Happy.' },
      lost: { outcome: 'lost', line: 'Bye.', emotion: 'calm', summary: 'Gone.' },
      public: { outcome: 'went-public', line: 'Posting this.', emotion: 'furious', summary: 'Viral.' },
    },
  });
}

describe('toMermaid', () => {
  it('starts with flowchart TD and has a box for every node and ending, labelled with id and emotion', () => {
    const out = toMermaid(sample());
    expect(out.startsWith('flowchart TD\n')).toBe(true);
    expect(out).toContain('n_opening["opening · angry<br/>Where is my lamp?"]');
    expect(out).toContain('n_end["end · calm<br/>Hm."]');
    expect(out).toContain('e_won(["won · won-back · relieved<br/>Thanks!"])');
  });

  it('labels edges with choice ids, conditional branches with their condition, and dashes silence', () => {
    const out = toMermaid(sample());
    expect(out).toContain('n_opening -->|"sorry: mood #gt;= 60"| e_won');
    expect(out).toContain('n_opening -->|"sorry: otherwise"| n_end');
    expect(out).toContain('n_opening -->|"shrug"| e_public');
    expect(out).toContain('n_opening -.->|"silence"| n_end');
    expect(out).not.toMatch(/-->\|"silence/);
  });

  it('styles endings by outcome and marks the start', () => {
    const out = toMermaid(sample());
    expect(out).toMatch(/classDef wonBack fill:#d8f3dc/);
    expect(out).toMatch(/classDef lost fill:#e9ecef/);
    expect(out).toMatch(/classDef wentPublic fill:#f8d7da/);
    expect(out).toContain('class e_won wonBack');
    expect(out).toContain('class e_lost lost');
    expect(out).toContain('class e_public wentPublic');
    expect(out).toContain('class n_opening start');
  });

  it('keeps a node called "end" (a Mermaid keyword) safe behind a prefix', () => {
    const s = sample();
    expect(mermaidId(s, 'end')).toBe('n_end');
    expect(mermaidId(s, 'won')).toBe('e_won');
    expect(mermaidId(s, 'cold-fix')).toBe('n_cold_fix');
  });

  it('escapes quotes, brackets and other syntax so none is left raw inside a label', () => {
    const escaped = escapeLabel(NASTY);
    expect(escaped.replace(/#\w+;/g, '')).not.toMatch(/["[\]{}()<>|`;\\#&]/);
    expect(escaped).toContain('#quot;no#quot;');
    expect(escaped).toContain('#91;sic#93;');
    expect(escapeLabel('a\n  b')).toBe('a b');
  });

  it('cuts long lines at a word with an ellipsis', () => {
    expect(excerpt('one two three four five six', 14)).toBe('one two three…');
    expect(excerpt('short', 14)).toBe('short');
  });

  it('is parsed by Mermaid, nasty text included', async () => {
    await expect(mermaid.parse(toMermaid(sample(NASTY)), { suppressErrors: false })).resolves.toBeTruthy();
  });

  it('is parsed by Mermaid for every shipped scenario', async () => {
    const lib = loadLibrary();
    expect(lib.scenarios.size).toBeGreaterThan(0);
    for (const s of lib.scenarios.values()) await expect(mermaid.parse(toMermaid(s)), s.id).resolves.toBeTruthy();
  });

  it('Mermaid does reject a raw quote in a label, so the parse checks above can fail', async () => {
    await expect(mermaid.parse('flowchart TD\n  a["x"y"] --> b')).rejects.toThrow();
    await expect(mermaid.parse(`flowchart TD\n  a["${NASTY}"] --> b`)).rejects.toThrow();
  });
});
