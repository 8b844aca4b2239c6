// Loads a scenario's art (its setting's backdrop and the customer's six expressions) the first time
// the scenario is opened, so the game starts without rasterising every portrait up front. Only the
// open scenario's portraits stay loaded: opening another releases the previous customer's faces, so
// memory stays flat however many scenarios the library holds and a player goes through (backdrops,
// one per setting, stay).
import * as Phaser from 'phaser';
import type { Scenario } from '../../src/engine/schema.ts';
import { EMOTIONS } from '../../src/engine/vocabulary.ts';
import { paths, textureKey } from '../../src/game/assets.ts';
import { servicesOf } from './services.ts';
import { PORTRAIT_RASTER } from './Portrait.ts';
import { H, setupCamera, W } from './stage.ts';
import { COLOR, FONT } from './theme.ts';

/** Queues what is missing; call from a scene's preload(). Returns false when everything is loaded. */
export function queueScenarioArt(scene: Phaser.Scene, s: Scenario): boolean {
  const { assets, renderScale: rs } = servicesOf(scene);
  releaseOtherPortraits(scene, s.id);
  let queued = false;
  const svg = (key: string, url: string, scale: number) => {
    if (scene.textures.exists(key) || !assets.has(url)) return;
    scene.load.svg(key, url, { scale });
    queued = true;
  };
  svg(textureKey.backdrop(s.setting), paths.backdrop(s.setting), rs);
  for (const e of EMOTIONS) svg(textureKey.portrait(s.id, e), paths.portrait(s.id, e), rs * PORTRAIT_RASTER);
  if (queued) {
    // A quiet loading line while the art arrives; the scene clears it in create().
    setupCamera(scene, false);
    const text = scene.add.text(W / 2, H / 2, 'Getting ready…', { fontFamily: FONT.head, fontSize: '22px', fontStyle: '800', color: COLOR.onInkSoft }).setOrigin(0.5);
    scene.load.once(Phaser.Loader.Events.COMPLETE, () => text.destroy());
  }
  return queued;
}

/** Removes the portrait textures of every scenario but `keep` (their scenes have shut down). */
function releaseOtherPortraits(scene: Phaser.Scene, keep: string): void {
  const own = textureKey.portrait(keep, EMOTIONS[0]).slice(0, -EMOTIONS[0].length);
  const prefix = own.slice(0, own.indexOf(keep));
  for (const key of scene.textures.getTextureKeys()) {
    if (key.startsWith(prefix) && !key.startsWith(own)) scene.textures.remove(key);
  }
}
