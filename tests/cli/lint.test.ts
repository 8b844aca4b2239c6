import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseScenario, cli, lineOf, tempDir, variant, writeFixture } from './support.ts';

const ENDINGS = 'endings:\n';
const node = (id: string, to: string) => `  ${id}:
    line: Well?
    emotion: annoyed
    choices:
      - id: ${id}-wait
        text: Please hold the line for a moment longer.
        moves: [scripted-platitude]
        next: ${to}
`;
const withNodes = (text: string, ...nodes: string[]) => text.replace(ENDINGS, `${nodes.join('')}${ENDINGS}`);

interface Expected {
  /** Text on the line the problem must be reported at (either of two, when the loader may pick either). */
  snippet: string | [string, string];
  nth?: number;
  message: RegExp;
}

const FIXTURES: { name: string; text: string; expect: Expected[] }[] = [
  {
    name: 'unknown-move',
    text: variant('moves: [dismiss]', 'moves: [dismiss, teleport]'),
    expect: [{ snippet: 'teleport', message: /teleport/ }],
  },
  {
    name: 'missing-node',
    text: variant('next: gone', 'next: nowhere'),
    expect: [{ snippet: 'next: nowhere', message: /"nowhere"/ }],
  },
  {
    name: 'duplicate-choice-id',
    text: variant('- id: shrug', '- id: sorry'),
    expect: [{ snippet: '- id: sorry', nth: 2, message: /duplicate/ }],
  },
  {
    name: 'duplicate-node-id',
    text: withNodes(baseScenario(), node('opening', 'happy')),
    expect: [{ snippet: '  opening:', nth: 2, message: /duplicate/i }],
  },
  {
    name: 'missing-ending',
    text: variant('outcome: won-back', 'outcome: lost'),
    // The ending list as a whole is at fault: its key, or its first entry.
    expect: [{ snippet: ['endings:', '  happy:'], message: /missing ending/ }],
  },
  {
    name: 'unreachable-node',
    text: withNodes(baseScenario(), node('orphan', 'happy')),
    expect: [{ snippet: '  orphan:', message: /unreachable node.*"orphan"/ }],
  },
  {
    name: 'unreachable-ending',
    text: `${baseScenario()}  never:\n    outcome: lost\n    line: Hm.\n    emotion: calm\n    summary: Nobody sees this.\n`,
    expect: [{ snippet: '  never:', message: /unreachable ending.*"never"/ }],
  },
  {
    name: 'dead-end',
    text: withNodes(variant('next: gone', 'next: hall'), node('hall', 'spin'), node('spin', 'spin')),
    expect: [
      { snippet: '  hall:', message: /: dead end: .*"hall"/ },
      { snippet: '  spin:', message: /: loop without exit: node "spin"/ },
    ],
  },
  {
    name: 'loop-without-exit',
    text: withNodes(variant('next: gone', 'next: first'), node('first', 'second'), node('second', 'first')),
    expect: [{ snippet: '  first:', message: /: loop without exit: nodes "first", "second"/ }],
  },
  {
    name: 'empty-text',
    text: variant('text: Parcels go missing sometimes, it happens to everyone.', 'text: ""'),
    expect: [{ snippet: 'text: ""', message: /empty text/ }],
  },
  {
    name: 'text-too-short',
    text: variant('text: I am so sorry, Pat. A new lamp goes out to you today by courier.', 'text: Sorry.'),
    expect: [{ snippet: 'text: Sorry.', message: /1 word.*2 moves/ }],
  },
];

describe('lint', () => {
  it('passes every scenario in scenarios/', async () => {
    const r = await cli(['lint']);
    expect(r.stdout).toMatch(/^\d+ scenarios?, 0 problems$/m);
    expect(r.code).toBe(0);
  });

  it('passes the valid base fixture, so every broken fixture below fails because of its one change', async () => {
    const dir = tempDir();
    writeFixture(dir, 'base.yaml', baseScenario());
    // The base fixture is one decision long, so any blind strategy games it: structure only here.
    const r = await cli(['lint', '--no-gate', dir]);
    expect(r.stdout).toContain('1 scenario, 0 problems');
    expect(r.code).toBe(0);
  });

  describe.concurrent('broken fixtures', () => {
    for (const f of FIXTURES) {
      it(`${f.name}: exits 1 and names file:line`, async () => {
        const dir = tempDir();
        const file = writeFixture(dir, `${f.name}.yaml`, f.text);
        const r = await cli(['lint', file]);
        expect(r.code).toBe(1);
        for (const e of f.expect) {
          const lines = (Array.isArray(e.snippet) ? e.snippet : [e.snippet]).map((s) => lineOf(f.text, s, e.nth));
          const at = lines.map((line) => `${basename(file)}:${line}:`);
          const hit = r.stdout.split('\n').find((l) => at.some((a) => l.includes(a)) && e.message.test(l));
          expect(hit, `no "${at.join('" or "')}" line matching ${e.message} in:\n${r.stdout}`).toBeDefined();
        }
        expect(r.stdout).toMatch(/1 scenario, [1-9]\d* problems?/);
        expect(r.stderr).not.toMatch(/\n\s+at /);
      });
    }
  });

  it('reports the same scenario id in two files', async () => {
    const dir = tempDir();
    writeFixture(dir, 'a.yaml', baseScenario('same'));
    writeFixture(dir, 'b.yaml', baseScenario('same'));
    const r = await cli(['lint', '--no-gate', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/b\.yaml:1:1: duplicate id: scenario "same"/);
    expect(r.stdout).toContain('2 scenarios, 1 problem');
  });

  it('prints a "#" that cuts a line of text short as a warning, and warnings alone exit 0', async () => {
    const dir = tempDir();
    const text = variant('text: I am so sorry, Pat.', 'text: I am so sorry, Pat. You are customer #1 to us.');
    const file = writeFixture(dir, 'hash.yaml', text);
    const r = await cli(['lint', '--no-gate', file]);
    expect(r.stdout).toContain(`hash.yaml:${lineOf(text, 'customer #1')}:${text.split('\n')[lineOf(text, 'customer #1') - 1].indexOf('#') + 1}: warning: text is cut short before "#1 to us.`);
    expect(r.stdout).toContain('1 scenario, 0 problems, 1 warning');
    expect(r.code).toBe(0);
  });

  it('reports a path that does not exist and exits 1', async () => {
    const r = await cli(['lint', 'no/such/place']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('no/such/place: no such file or folder');
  });
});

describe('lint: the gameability gate', () => {
  it('fails a scenario whose best reply is always first and longest, naming the strategy and its figures', async () => {
    const r = await cli(['lint', 'tests/fixtures/engine/gameable.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/gameable: a player who picks always the longest reply scores \d+(\.\d)? on average and passes \d+% of \d+ plays/);
    expect(r.stdout).toMatch(/best reply is also the longest at \d+ of \d+ decisions/);
  });
});
