import { describe, expect, it, vi } from 'vitest';
import { MemoryStorage, KEYS } from '../../src/game/storage.ts';
import { DEFAULT_SETTINGS, normalizeSettings, SettingsStore } from '../../src/game/settings.ts';
import { History } from '../../src/game/history.ts';

describe('MemoryStorage', () => {
  it('behaves like Storage', () => {
    const s = new MemoryStorage();
    expect(s.length).toBe(0);
    s.setItem('a', '1');
    s.setItem('b', 2 as unknown as string);
    expect(s.getItem('b')).toBe('2');
    expect(s.key(0)).toBe('a');
    expect(s.length).toBe(2);
    s.removeItem('a');
    expect(s.getItem('a')).toBeNull();
    s.clear();
    expect(s.length).toBe(0);
  });
});

describe('settings', () => {
  it('persists across stores on the same storage', () => {
    const storage = new MemoryStorage();
    const a = new SettingsStore(storage);
    expect(a.value).toEqual(DEFAULT_SETTINGS);
    a.update({ textSize: 150, reducedMotion: true, audio: { voice: { muted: true }, ambient: { volume: 0.1 } } });
    const b = new SettingsStore(storage);
    expect(b.value.textSize).toBe(150);
    expect(b.value.reducedMotion).toBe(true);
    expect(b.value.audio.voice).toEqual({ volume: DEFAULT_SETTINGS.audio.voice.volume, muted: true });
    expect(b.value.audio.ambient.volume).toBe(0.1);
    expect(b.value.audio.effects).toEqual(DEFAULT_SETTINGS.audio.effects);
  });

  it('follows the system reduced-motion preference until the player chooses', () => {
    const storage = new MemoryStorage();
    const store = new SettingsStore(storage, () => true);
    expect(store.reducedMotion).toBe(true);
    store.update({ reducedMotion: false });
    expect(store.reducedMotion).toBe(false);
    store.update({ reducedMotion: null });
    expect(store.reducedMotion).toBe(true);
  });

  it('repairs bad stored values', () => {
    const storage = new MemoryStorage();
    storage.setItem(KEYS.settings, '{"textSize":300,"audio":{"voice":{"volume":7}}}');
    const s = new SettingsStore(storage).value;
    expect(s.textSize).toBe(100);
    expect(s.audio.voice.volume).toBe(1);
    storage.setItem(KEYS.settings, 'not json');
    expect(new SettingsStore(storage).value).toEqual(DEFAULT_SETTINGS);
    expect(normalizeSettings(null)).toEqual(DEFAULT_SETTINGS);
  });

  it('notifies subscribers', () => {
    const store = new SettingsStore(new MemoryStorage());
    const fn = vi.fn();
    const off = store.subscribe(fn);
    store.update({ textSize: 125 });
    off();
    store.update({ textSize: 150 });
    expect(fn).toHaveBeenCalledTimes(1);
  });
});

describe('history', () => {
  it('keeps the best attempt per scenario', () => {
    const h = new History(new MemoryStorage());
    expect(h.best('trophy-room')).toBeNull();
    h.add({ scenarioId: 'trophy-room', overall: 55, passed: false, outcome: 'lost', at: '2026-01-01' });
    h.add({ scenarioId: 'trophy-room', overall: 81, passed: true, outcome: 'won-back', at: '2026-01-02' });
    h.add({ scenarioId: 'trophy-room', overall: 60, passed: false, outcome: 'lost', at: '2026-01-03' });
    expect(h.best('trophy-room')?.overall).toBe(81);
    expect(h.attempts('trophy-room')).toBe(3);
  });
});
