// The game's services for a scene: put in the Phaser game's registry by src/game/stage.ts when it
// creates the game, so scenes get them from their game rather than from a module-wide variable.
import type * as Phaser from 'phaser';
import type { GameServices } from '../../src/game/services.ts';

export const SERVICES_KEY = 'services';

export function servicesOf(scene: Phaser.Scene): GameServices {
  const svc = scene.registry.get(SERVICES_KEY) as GameServices | undefined;
  if (!svc) throw new Error('no game services in the registry: scenes run inside the stage (src/game/stage.ts)');
  return svc;
}
