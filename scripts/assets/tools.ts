// Running the command-line audio tools (espeak-ng, sox) with clear errors when they are missing.
import { spawnSync } from 'node:child_process';
import { run } from '../../src/server/media/run.ts';

export const APT_HINT = 'apt-get install -y espeak-ng sox libsox-fmt-all';

/** Exits with a readable message when a tool is missing or sox cannot write OGG Vorbis. */
export function requireTools(tools: ('espeak-ng' | 'sox')[]): void {
  const missing = tools.filter((t) => spawnSync(t, ['--version'], { stdio: 'ignore' }).error);
  if (missing.length) {
    console.error(`error: ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not installed.`);
    console.error(`Install with:  ${APT_HINT}`);
    process.exit(2);
  }
  if (tools.includes('sox')) {
    const help = spawnSync('sox', ['-h'], { encoding: 'utf8' }).stdout ?? '';
    if (!/\bvorbis\b|\bogg\b/.test(help)) {
      console.error('error: sox cannot write OGG Vorbis files (the format libraries are missing).');
      console.error(`Install with:  ${APT_HINT}`);
      process.exit(2);
    }
  }
}

export { run } from '../../src/server/media/run.ts';

/** Length of an audio file in seconds, rounded to hundredths. */
export async function duration(file: string): Promise<number> {
  const out = await run('soxi', ['-D', file]).catch(() => run('sox', ['--i', '-D', file]));
  return Math.round(parseFloat(out.toString()) * 100) / 100;
}

/** Runs tasks with a fixed number in flight. */
export async function pool<T>(items: T[], size: number, task: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(size, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      await task(items[i], i);
    }
  });
  await Promise.all(workers);
}
