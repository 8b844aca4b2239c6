// Makes the voice and art of published versions in the background. The queue is the studio_media
// table (store/studio.ts), so a restart loses nothing: jobs left running are queued again at start,
// and versions that never had media (uploads made before, or through POST /api/scenarios) are queued
// too. Portraits are SVG text drawn in-process (milliseconds); each voice line is espeak-ng and sox
// in child processes, so the event loop keeps answering requests meanwhile. Several server processes
// on one PostgreSQL share the queue (a job is taken with FOR UPDATE SKIP LOCKED).
import { spawnSync } from 'node:child_process';
import { renderPortrait } from './portrait.ts';
import { run } from './run.ts';
import { lineHash, lineVoice, speakable } from './voice-settings.ts';
import type { StudioMedia } from '../../shared/studio.ts';
import { scenarioOfVersion } from '../domain/versions.ts';
import type { MediaJob, StudioStore } from '../store/studio.ts';
import { assetsOf, MANIFEST, PORTRAIT_EMOTIONS, portraitFile, voiceFile, voiceLines } from './plan.ts';
import { spokenText } from './spoken.ts';

export interface MediaOptions {
  /** Make voice lines (default: when espeak-ng and sox are installed). */
  voice?: boolean;
  /** How often an idle runner looks for queued jobs made by another process, in ms. */
  pollMs?: number;
  log?: (message: string) => void;
}

let toolsFound: boolean | null = null;
/** espeak-ng and sox are installed (checked once). */
export function voiceToolsFound(): boolean {
  if (toolsFound === null) {
    const ok = (cmd: string) => spawnSync(cmd, ['--version'], { stdio: 'ignore', timeout: 5000 }).status === 0;
    toolsFound = ok('espeak-ng') && ok('sox');
  }
  return toolsFound;
}

export const NO_VOICE = 'espeak-ng and sox are not installed on this server, so there is no voice: the game shows the lines as captions';

/** One line spoken as OGG Vorbis, with the built-in generator's voice for the customer and emotion. */
async function speak(voice: ReturnType<typeof lineVoice>, text: string): Promise<Buffer> {
  const wav = await run('espeak-ng', ['-v', voice.voice, '-s', String(voice.speed), '-p', String(voice.pitch), '-a', String(voice.amplitude), '-g', '2', '--stdout'], speakable(spokenText(text)));
  return run('sox', ['-R', '-q', '-t', 'wav', '-', '-r', '22050', '-c', '1', '-C', '-1', '-t', 'ogg', '-', ...voice.effects, 'pad', '0.05', '0.2', 'rate', '22050'], wav);
}

export class MediaRunner {
  #stopped = false;
  #wake: (() => void) | null = null;
  #loop: Promise<void> | null = null;
  readonly voice: boolean;

  constructor(
    readonly store: StudioStore,
    readonly options: MediaOptions = {},
  ) {
    this.voice = options.voice ?? voiceToolsFound();
  }

  /** Requeues what a stopped process left, queues versions without media, and starts working. */
  start(): void {
    this.#loop = (async () => {
      try {
        await this.store.requeueRunning();
        await this.store.queueMissingMedia();
      } catch (e) {
        this.options.log?.(`media queue: ${(e as Error).message}`);
      }
      while (!this.#stopped) {
        const worked = await this.runOnce().catch((e: Error) => {
          this.options.log?.(`media queue: ${e.message}`);
          return false;
        });
        if (!worked && !this.#stopped) await this.#idle();
      }
    })();
  }

  /** A job was queued: look now rather than at the next poll. */
  notify(): void {
    this.#wake?.();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.notify();
    await this.#loop;
  }

  #idle(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.options.pollMs ?? 5000);
      timer.unref();
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.#wake = done;
    });
  }

  /** Takes and makes one queued job; false when the queue is empty. */
  async runOnce(): Promise<boolean> {
    const job = await this.store.takeMediaJob();
    if (!job) return false;
    try {
      await this.#make(job);
    } catch (e) {
      if (this.#stopped) return true; // left running: queued again at the next start
      const message = `could not make the voice and art: ${(e as Error).message.split('\n')[0]}`;
      await this.store.setMedia(job.uploadId, { state: 'failed', done: 0, total: 0, message });
      this.options.log?.(`${job.scenarioId} v${job.version}: ${message}`);
    }
    return true;
  }

  async #make(job: MediaJob): Promise<void> {
    const row = await this.store.versionOfUpload(job.uploadId);
    const s = row && scenarioOfVersion(row);
    if (!s) throw new Error('the version no longer loads');
    const assets = assetsOf(s);
    const lines = this.voice ? voiceLines(s) : [];
    const total = PORTRAIT_EMOTIONS.length + lines.length;
    let done = 0;
    const progress = (state: StudioMedia['state'] = 'running', message?: string) =>
      this.store.setMedia(job.uploadId, { state, done, total, ...(message ? { message } : {}) });
    await progress();
    for (const emotion of PORTRAIT_EMOTIONS) {
      const svg = renderPortrait(s.id, assets.look, emotion as Parameters<typeof renderPortrait>[2], assets.voice);
      await this.store.putMediaFile(job.uploadId, portraitFile(emotion), 'image/svg+xml', Buffer.from(svg));
      done++;
    }
    await progress();
    // The voice manifest in the built-in format (scripts/assets/voice.ts), so the game plays it alike.
    const manifest: Record<string, { file: string; text: string; hash: string; seconds: number | null }> = {};
    for (const line of lines) {
      if (this.#stopped) throw new Error('the server stopped; it is made again at the next start');
      const voice = lineVoice(assets, line.emotion);
      await this.store.putMediaFile(job.uploadId, voiceFile(line.key), 'audio/ogg', await speak(voice, line.text));
      manifest[line.key] = { file: voiceFile(line.key), text: line.text, hash: lineHash(voice.spec, line.text), seconds: null };
      done++;
      if (done % 4 === 0) await progress();
    }
    await this.store.putMediaFile(job.uploadId, MANIFEST, 'application/json', Buffer.from(JSON.stringify(manifest)));
    await (this.voice ? progress('done') : progress('unavailable', NO_VOICE));
  }
}
