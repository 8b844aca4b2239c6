// Customer voice lines: assets/audio/voice/<scenario-id>/<key>.ogg and a manifest.json per scenario.
//
//   npm run assets:voice            (node --import tsx scripts/assets/voice.ts [--force] [scenario-id ...])
//
// Keys are node ids, and `ending-<id>` for endings. Each line is spoken by espeak-ng in the customer's
// `voice`, a little faster and higher when they are upset, slower when relieved, then sox makes it a
// mono 22050 Hz OGG Vorbis file (phone-line band-pass for call-centre and chat scenes).
//
// manifest.json: { "<key>": { "file": "<key>.ogg", "text": "...", "hash": "...", "seconds": 3.2 } }
// `hash` is the SHA-1 of the voice (the espeak voice with speed, pitch and processing) and the text;
// a line whose hash is unchanged is not spoken again. Files of lines that no longer exist are removed.
// Re-run after any scenario's lines change: the asset tests fail until the manifest matches.
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { ASSET_DIR, isMain, loadScenarios, mkdirp, prune, writeIfChanged, type ScenarioAssets } from './lib.ts';
import { duration, pool, requireTools, run } from './tools.ts';
import { lineHash, lineVoice, speakable, type LineVoice } from '../../src/server/media/voice-settings.ts';

export const VOICE_DIR = join(ASSET_DIR, 'audio', 'voice');
export { lineHash, lineVoice, speakable, type LineVoice } from '../../src/server/media/voice-settings.ts';

export interface ManifestEntry {
  file: string;
  text: string;
  hash: string;
  seconds: number;
}
export type Manifest = Record<string, ManifestEntry>;

async function speak(v: LineVoice, text: string, out: string): Promise<void> {
  const wav = await run('espeak-ng', ['-v', v.voice, '-s', String(v.speed), '-p', String(v.pitch), '-a', String(v.amplitude), '-g', '2', '--stdout'], speakable(text));
  const tmp = `${out}.tmp.ogg`;
  // espeak writes WAV with 22050 Hz; sox band-limits, normalises, pads and encodes at modest quality.
  await run('sox', ['-R', '-q', '-t', 'wav', '-', '-r', '22050', '-c', '1', '-C', '-1', tmp, ...v.effects, 'pad', '0.05', '0.2', 'rate', '22050'], wav);
  renameSync(tmp, out);
}

export async function generateVoices(opts: { force?: boolean; only?: string[] } = {}): Promise<void> {
  requireTools(['espeak-ng', 'sox']);
  const scenarios = loadScenarios();
  const chosen = opts.only?.length ? scenarios.filter((s) => opts.only!.includes(s.id)) : scenarios;
  const jobs: { s: ScenarioAssets; key: string; text: string; emotion?: string }[] = [];
  for (const s of chosen) for (const l of s.lines) jobs.push({ s, key: l.key, text: l.text, emotion: l.emotion });

  const manifests = new Map<string, { old: Manifest; next: Manifest }>();
  for (const s of chosen) {
    const file = join(VOICE_DIR, s.id, 'manifest.json');
    let old: Manifest = {};
    try {
      if (existsSync(file)) old = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
    } catch {
      old = {};
    }
    manifests.set(s.id, { old, next: {} });
    mkdirp(join(VOICE_DIR, s.id));
  }

  let spoken = 0;
  let kept = 0;
  const failures: string[] = [];
  const width = String(jobs.length).length;
  await pool(jobs, 4, async ({ s, key, text, emotion }, i) => {
    const v = lineVoice(s, emotion);
    const hash = lineHash(v.spec, text);
    const m = manifests.get(s.id)!;
    const file = `${key}.ogg`;
    const path = join(VOICE_DIR, s.id, file);
    const prev = m.old[key];
    const label = `[${String(i + 1).padStart(width)}/${jobs.length}] ${s.id}/${key}`;
    if (!opts.force && prev && prev.hash === hash && prev.text === text && existsSync(path)) {
      m.next[key] = { file, text, hash, seconds: prev.seconds };
      kept++;
      console.log(`${label}  (unchanged)`);
      return;
    }
    try {
      await speak(v, text, path);
      m.next[key] = { file, text, hash, seconds: await duration(path) };
      spoken++;
      console.log(`${label}  ${m.next[key].seconds.toFixed(1)} s`);
    } catch (e) {
      failures.push(`${s.id}/${key}: ${(e as Error).message}`);
      console.log(`${label}  FAILED`);
    }
  });

  let removed = 0;
  for (const s of chosen) {
    const m = manifests.get(s.id)!;
    // Keep the scenario's own line order in the manifest so diffs stay readable.
    const ordered: Manifest = {};
    for (const l of s.lines) if (m.next[l.key]) ordered[l.key] = m.next[l.key];
    writeIfChanged(join(VOICE_DIR, s.id, 'manifest.json'), JSON.stringify(ordered, null, 2) + '\n');
    const files = new Set(Object.values(ordered).map((e) => e.file));
    removed += prune(join(VOICE_DIR, s.id), (name) => name === 'manifest.json' || files.has(name)).length;
  }
  if (!opts.only?.length) {
    const ids = new Set(scenarios.map((s) => s.id));
    for (const gone of prune(VOICE_DIR, (name) => ids.has(name))) {
      console.log(`removed voice/${gone}/ (no such scenario)`);
      removed++;
    }
  }
  console.log(`voice: ${jobs.length} lines in ${chosen.length} scenarios: ${spoken} spoken, ${kept} unchanged, ${removed} removed`);
  if (failures.length) {
    console.error(`\n${failures.length} line(s) failed:\n  ${failures.join('\n  ')}`);
    process.exitCode = 1;
  }
}

if (isMain(import.meta.url)) {
  const args = process.argv.slice(2);
  await generateVoices({ force: args.includes('--force'), only: args.filter((a) => !a.startsWith('-')) });
}
