// The game's scenario library: the built-in scenarios from /scenarios.json plus, for a signed-in
// player, the ones trainers uploaded.
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/engine/files.ts';
import type { Scenario } from '../../src/engine/schema.ts';
import { ScenarioLibrary } from '../../src/game/library.ts';

const builtIn = [...loadLibrary().scenarios.values()];
const trophy = builtIn.find((s) => s.id === 'trophy-room')!;
const upload = (id: string, title: string, difficulty: Scenario['difficulty'] = 'easy'): Scenario => ({ ...trophy, id, title, difficulty });

describe('scenario library', () => {
  it('adds uploaded scenarios in order (easy first, then by title) and drops them again', () => {
    const lib = new ScenarioLibrary({ scenarios: builtIn, errors: [] });
    expect(lib.ids).toHaveLength(builtIn.length);
    lib.setUploaded([upload('lamp-lost', 'A Lost Lamp'), upload('zz-hard', 'Zebra Crossing', 'hard')]);
    expect(lib.ids).toHaveLength(builtIn.length + 2);
    expect(lib.ids[0]).toBe('lamp-lost');
    expect(lib.ids.at(-1)).toBe(lib.list.filter((s) => s.difficulty === 'hard').sort((a, b) => a.title.localeCompare(b.title)).at(-1)!.id);
    expect(lib.get('lamp-lost')?.title).toBe('A Lost Lamp');
    lib.setUploaded([]);
    expect(lib.get('lamp-lost')).toBeUndefined();
    expect(lib.ids).toHaveLength(builtIn.length);
  });

  it('never lets an upload take over a built-in id, and keeps uploads when the built-in list reloads', () => {
    const lib = new ScenarioLibrary(null);
    lib.setUploaded([upload('trophy-room', 'Impostor'), upload('lamp-lost', 'A Lost Lamp')]);
    expect(lib.get('trophy-room')?.title).toBe('Impostor');
    lib.load({ scenarios: builtIn, errors: [] });
    expect(lib.get('trophy-room')?.title).toBe(trophy.title);
    expect(lib.get('lamp-lost')).toBeDefined();
    expect(lib.ids.filter((id) => id === 'trophy-room')).toHaveLength(1);
  });

  it('leaves out entries that are not scenarios', () => {
    const lib = new ScenarioLibrary({ scenarios: builtIn, errors: [] });
    lib.setUploaded([null as unknown as Scenario, { id: 'x' } as Scenario, upload('lamp-lost', 'A Lost Lamp')]);
    expect(lib.ids).toHaveLength(builtIn.length + 1);
  });
});
