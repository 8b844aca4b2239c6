// Helpers for the CLI tests: run the real command line as a child process, and build fixture files.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `node --import tsx src/cli/main.ts …` in the repository, feeding `input` to stdin. */
export function cli(args: readonly string[], input = ''): Promise<CliRun> {
  return new Promise((done) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', ...args],
      { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        done({ code, stdout, stderr });
      },
    );
    child.stdin?.end(input);
  });
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'make-it-right-cli-'));
}

export function writeFixture(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** The 1-based line of the nth (1-based) occurrence of `snippet`; throws when there is none. */
export function lineOf(text: string, snippet: string, nth = 1): number {
  const lines = text.split('\n');
  let seen = 0;
  for (const [i, l] of lines.entries()) if (l.includes(snippet) && ++seen === nth) return i + 1;
  throw new Error(`"${snippet}" (occurrence ${nth}) is not in the fixture`);
}

/** A small valid scenario; fixtures are made by replacing parts of it. */
export function baseScenario(id = 'fixture'): string {
  return `id: ${id}
title: Fixture
setting: chat
difficulty: easy
company: Test Co
customer:
  name: Pat
  persona: voicer
  mood: 30
  patience: 30
briefing:
  who: Pat, who ordered a lamp.
  mistake: The lamp went to the wrong address.
  goal: Pat gets the lamp and feels heard.
start: opening
nodes:
  opening:
    line: Where is my lamp?
    emotion: angry
    choices:
      - id: sorry
        text: I am so sorry, Pat. A new lamp goes out to you today by courier.
        moves: [apologize, fix]
        next: happy
      - id: shrug
        text: Parcels go missing sometimes, it happens to everyone.
        moves: [dismiss]
        next: gone
endings:
  happy:
    outcome: won-back
    line: Thank you.
    emotion: relieved
    summary: Pat got the lamp.
  gone:
    outcome: lost
    line: Goodbye.
    emotion: annoyed
    summary: Pat shops elsewhere now.
`;
}

/** The base scenario with one exact text replaced; fails loudly when the text is not there. */
export function variant(from: string, to: string, base = baseScenario()): string {
  if (!base.includes(from)) throw new Error(`"${from}" is not in the base scenario`);
  return base.replace(from, to);
}
