import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile, SCENARIO_DIR } from '../../src/engine/files.ts';
import { cli } from './support.ts';

describe('graph', () => {
  it('prints a Mermaid flowchart that mentions every node and ending id', async () => {
    const r = await cli(['graph', 'trophy-room']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('flowchart TD\n')).toBe(true);
    const loaded = loadScenarioFile(join(SCENARIO_DIR, 'trophy-room.yaml'));
    if (!loaded.ok) throw new Error('trophy-room.yaml does not load');
    const ids = [...Object.keys(loaded.scenario.nodes), ...Object.keys(loaded.scenario.endings)];
    for (const id of ids) expect(r.stdout).toContain(`["${id} · `);
  });
});

describe('help and unknown commands', () => {
  it('help lists every command and exits 0', async () => {
    const r = await cli(['help']);
    expect(r.code).toBe(0);
    for (const name of ['lint', 'paths', 'play', 'score', 'graph']) expect(r.stdout).toMatch(new RegExp(`^\\s+${name}\\s`, 'm'));
  });

  it('no arguments prints the same usage, exit 0', async () => {
    const [none, help] = await Promise.all([cli([]), cli(['help'])]);
    expect(none.code).toBe(0);
    expect(none.stdout).toBe(help.stdout);
  });

  it('help <command> shows its options', async () => {
    const r = await cli(['help', 'play']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--choices');
  });

  it('<command> --help shows the same', async () => {
    const [flag, cmd] = await Promise.all([cli(['play', '--help']), cli(['help', 'play'])]);
    expect(flag.code).toBe(0);
    expect(flag.stdout).toBe(cmd.stdout);
  });

  it('an unknown command prints usage and exits 1', async () => {
    const r = await cli(['frobnicate']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('unknown command "frobnicate"');
    expect(r.stderr).toContain('lint');
  });

  it('an unknown option is a clear error, not a stack trace', async () => {
    const r = await cli(['lint', '--frobnicate']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--frobnicate/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
