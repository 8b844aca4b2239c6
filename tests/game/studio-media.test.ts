// A stored scenario whose voice and art the server drew plays them from the server; others from assets/.
import { afterEach, describe, expect, it } from 'vitest';
import { AssetIndex, mediaBaseOf, paths, useStudioMedia } from '../../src/game/assets.ts';
import { studioMediaBase } from '../../src/shared/studio.ts';

describe('studio media in the game', () => {
  afterEach(() => useStudioMedia('lamp-lost', null));

  it('fetches portraits and voice of a scenario with a mediaBase from the server', () => {
    const index = new AssetIndex(['/portraits/trophy-room/calm.svg']);
    expect(paths.portrait('lamp-lost', 'calm')).toBe('/portraits/lamp-lost/calm.svg');
    expect(index.has(paths.portrait('lamp-lost', 'calm'))).toBe(false); // no art yet: the fallback

    const base = studioMediaBase('lamp-lost', 2);
    useStudioMedia('lamp-lost', mediaBaseOf({ id: 'lamp-lost', mediaBase: base }));
    expect(paths.portrait('lamp-lost', 'angry')).toBe(`${base}/portrait-angry.svg`);
    expect(paths.voiceManifest('lamp-lost')).toBe(`${base}/manifest.json`);
    expect(paths.voiceDir('lamp-lost')).toBe(base);
    expect(index.has(paths.portrait('lamp-lost', 'angry'))).toBe(true);
    expect(paths.portrait('trophy-room', 'calm')).toBe('/portraits/trophy-room/calm.svg');

    useStudioMedia('lamp-lost', mediaBaseOf({ id: 'lamp-lost', mediaBase: null }));
    expect(paths.portrait('lamp-lost', 'angry')).toBe('/portraits/lamp-lost/angry.svg');
    useStudioMedia('lamp-lost', 'https://elsewhere.example/x'); // only the server's own media path
    expect(paths.voiceDir('lamp-lost')).toBe('/audio/voice/lamp-lost');
  });
});
