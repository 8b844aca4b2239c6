// The two pages every browser measurement compares, built and served once per run:
// the game (production build behind the real app) and the reference (bare Phaser 4 title page).
import { ensureBuilds } from './build.ts';
import { startPageServer, type RunningServer } from './server.ts';
import { progress } from '../lib.ts';

export interface Pages {
  game: string;
  reference: string;
  gameDir: string;
  referenceDir: string;
}

let pages: Promise<Pages> | null = null;
const servers: RunningServer[] = [];

export function pageServers(): Promise<Pages> {
  pages ??= (async () => {
    const dirs = await ensureBuilds();
    progress('pages: starting the game (real app) and the reference (static) on 127.0.0.1');
    const [game, reference] = await Promise.all([startPageServer('app', dirs.game), startPageServer('static', dirs.reference)]);
    servers.push(game, reference);
    return { game: game.url, reference: reference.url, gameDir: dirs.game, referenceDir: dirs.reference };
  })();
  return pages;
}
