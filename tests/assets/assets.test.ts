// The game's art and audio: every scenario has its portraits and voice lines, every setting its
// backdrop and ambience, and the files are well-formed. When a scenario changes, regenerate with
// `npm run assets` (art: `npm run assets:art`, voices: `npm run assets:voice`).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMOTIONS, SETTINGS } from '../../src/engine/schema.ts';
import { EMOTIONS as ASSET_EMOTIONS, SETTINGS as ASSET_SETTINGS, ASSET_DIR, loadScenarios } from '../../scripts/assets/lib.ts';
import { character, renderPortrait } from '../../scripts/assets/portraits.ts';
import { SFX } from '../../scripts/assets/sfx.ts';
import type { Manifest } from '../../scripts/assets/voice.ts';
import { checkXml, oggInfo } from './check.ts';

const scenarios = loadScenarios(undefined, () => {});
const read = (p: string) => readFileSync(join(ASSET_DIR, p));
const has = (p: string) => existsSync(join(ASSET_DIR, p));

function expectSvg(rel: string, viewBox: string): void {
  expect(has(rel), `${rel} is missing: run npm run assets:art`).toBe(true);
  const report = checkXml(read(rel).toString('utf8'));
  expect(report.errors, `${rel} is not well-formed`).toEqual([]);
  expect(report.root).toBe('svg');
  expect(report.rootAttributes.xmlns).toBe('http://www.w3.org/2000/svg');
  expect(report.rootAttributes.viewBox, `${rel} viewBox`).toBe(viewBox);
}

function expectOgg(rel: string): ReturnType<typeof oggInfo> {
  expect(has(rel), `${rel} is missing`).toBe(true);
  const info = oggInfo(read(rel));
  expect(info.error, `${rel}`).toBeUndefined();
  expect(info.channels, `${rel} channels`).toBe(1);
  expect(info.rate, `${rel} sample rate`).toBe(22050);
  return info;
}

describe('asset generators agree with the game', () => {
  it('use the engine’s emotions and settings', () => {
    expect([...ASSET_EMOTIONS]).toEqual([...EMOTIONS]);
    expect([...ASSET_SETTINGS]).toEqual([...SETTINGS]);
  });
  it('find the scenarios', () => {
    expect(scenarios.length).toBeGreaterThan(0);
  });
});

describe('the XML check', () => {
  it('accepts well-formed SVG and rejects broken markup', () => {
    expect(checkXml('<svg xmlns="http://www.w3.org/2000/svg"><g><path d="M0 0"/></g></svg>').ok).toBe(true);
    expect(checkXml('<svg><g></svg>').ok).toBe(false);
    expect(checkXml('<svg><path d="M0 0"></svg>').ok).toBe(false);
    expect(checkXml('<svg a="1" a="2"/>').ok).toBe(false);
    expect(checkXml('<svg><title>A & B</title></svg>').ok).toBe(false);
    expect(checkXml('<svg/><svg/>').ok).toBe(false);
    expect(checkXml('<svg><rect fill="url(#nope)"/></svg>').ok).toBe(false);
  });
});

describe('portraits', () => {
  for (const s of scenarios) {
    it(`${s.id}: all ${EMOTIONS.length} expressions, well-formed, 400x480`, () => {
      for (const emotion of EMOTIONS) expectSvg(`portraits/${s.id}/${emotion}.svg`, '0 0 400 480');
    });
    it(`${s.id}: up to date with the scenario’s look (else run npm run assets:art)`, () => {
      for (const emotion of EMOTIONS) {
        const file = `portraits/${s.id}/${emotion}.svg`;
        if (!has(file)) continue; // reported above
        expect(read(file).toString('utf8') === renderPortrait(s.id, s.look, emotion, s.voice), `${file} is stale`).toBe(true);
      }
    });
  }

  it('are deterministic: the same customer and emotion give the same SVG', () => {
    const look = { skin: '#c68b63', hair: '#3b2a20', hairStyle: 'curly' as const, shirt: '#4f6f78', glasses: true };
    for (const emotion of EMOTIONS) expect(renderPortrait('same-seed', look, emotion)).toBe(renderPortrait('same-seed', look, emotion));
    expect(renderPortrait('same-seed', {}, 'calm')).toBe(renderPortrait('same-seed', {}, 'calm'));
  });

  it('draw each expression differently', () => {
    const svgs = EMOTIONS.map((e) => renderPortrait('expressions', {}, e));
    expect(new Set(svgs).size).toBe(EMOTIONS.length);
  });

  it('give customers without a look distinct, seeded defaults', () => {
    const ids = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel'];
    const looks = ids.map((id) => JSON.stringify(character(id)));
    expect(new Set(looks).size).toBe(ids.length);
    const calm = ids.map((id) => renderPortrait(id, {}, 'calm'));
    expect(new Set(calm).size).toBe(ids.length);
  });

  it('follow the look: colours, hair style and glasses', () => {
    const c = character('look-test', { skin: '#8D5524', hair: '#111', hairStyle: 'bald', shirt: '#3b5b8c', glasses: false });
    expect(c).toMatchObject({ skin: '#8d5524', hair: '#111111', hairStyle: 'bald', shirt: '#3b5b8c', glasses: false });
    expect(renderPortrait('look-test', { glasses: true }, 'calm')).toContain('<rect');
    expect(character('look-test', { skin: 'not a colour' }).skin).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('are well-formed for every hair style and emotion', () => {
    for (const hairStyle of ['short', 'long', 'bun', 'bald', 'curly'] as const)
      for (const glasses of [false, true])
        for (const emotion of EMOTIONS) {
          const report = checkXml(renderPortrait(`style-${hairStyle}`, { hairStyle, glasses }, emotion, 'en-gb+f2'));
          expect(report.errors, `${hairStyle} ${emotion}`).toEqual([]);
        }
  });
});

describe('backdrops and title art', () => {
  for (const setting of SETTINGS) {
    it(`${setting}: a 1280x720 backdrop`, () => expectSvg(`backdrops/${setting}.svg`, '0 0 1280 720'));
  }
  it('logo and title background', () => {
    expect(has('ui/logo.svg')).toBe(true);
    const logo = checkXml(read('ui/logo.svg').toString('utf8'));
    expect(logo.errors).toEqual([]);
    expect(logo.rootAttributes.viewBox).toMatch(/^0 0 [\d.]+ [\d.]+$/);
    expectSvg('ui/title-bg.svg', '0 0 1280 720');
  });
});

describe('voice lines', () => {
  for (const s of scenarios) {
    it(`${s.id}: a voice file for every node and ending, matching the current text (else run npm run assets:voice)`, () => {
      const rel = `audio/voice/${s.id}/manifest.json`;
      expect(has(rel), `${rel} is missing: run npm run assets:voice`).toBe(true);
      const manifest = JSON.parse(read(rel).toString('utf8')) as Manifest;
      const missing = s.lines.filter((l) => !manifest[l.key]).map((l) => l.key);
      expect(missing, `lines without voice in ${s.id}`).toEqual([]);
      const changed = s.lines.filter((l) => manifest[l.key].text !== l.text).map((l) => l.key);
      expect(changed, `lines whose text changed since the voices were made in ${s.id}`).toEqual([]);
      const stale = Object.keys(manifest).filter((k) => !s.lines.some((l) => l.key === k));
      expect(stale, `voice lines for nodes that no longer exist in ${s.id}`).toEqual([]);
      for (const [key, entry] of Object.entries(manifest)) {
        expect(entry.file).toBe(`${key}.ogg`);
        expect(entry.hash).toMatch(/^[0-9a-f]{40}$/);
        const info = expectOgg(`audio/voice/${s.id}/${entry.file}`);
        expect(entry.seconds).toBeGreaterThan(0.3);
        expect(Math.abs((info.seconds ?? 0) - entry.seconds), `${s.id}/${entry.file} length`).toBeLessThan(0.15);
      }
    });
  }
});

describe('effects and ambience', () => {
  for (const name of SFX) {
    it(`sfx/${name}.ogg is a short mono OGG`, () => {
      const info = expectOgg(`audio/sfx/${name}.ogg`);
      expect(info.seconds).toBeGreaterThan(0.01);
      expect(info.seconds).toBeLessThan(3);
    });
  }
  for (const setting of SETTINGS) {
    it(`ambient/${setting}.ogg is a 10-20 s mono OGG loop`, () => {
      const info = expectOgg(`audio/ambient/${setting}.ogg`);
      expect(info.seconds).toBeGreaterThanOrEqual(10);
      expect(info.seconds).toBeLessThanOrEqual(20);
      expect(read(`audio/ambient/${setting}.ogg`).length).toBeLessThan(120_000);
    });
  }
});
