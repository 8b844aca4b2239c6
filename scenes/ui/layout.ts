// How a scene's camera frames the 1280×720 stage for the window's layout. Wide: the whole stage.
// Portrait (a phone held upright): the canvas is a band at the top of the screen, so the camera
// moves in on the customer, and the drawn overlays (speech bubble, meters, nameplate; depth 8 and
// up) are left out of it because the DOM layer shows them at a readable size instead.
import type * as Phaser from 'phaser';
import type { Layout } from '../../src/game/dom/shell.ts';
import { servicesOf } from './services.ts';

const OVERLAY_DEPTH = 8;
/** Where the customer's head and shoulders are on the stage, and how close the portrait camera is. */
export const PORTRAIT_FOCUS = { x: 285, y: 425, zoom: 1.8 };

export function frameStage(scene: Phaser.Scene, layout: Layout): void {
  const cam = scene.cameras.main;
  const rs = servicesOf(scene).renderScale;
  const portrait = layout === 'portrait';
  if (portrait) {
    cam.setZoom(rs * PORTRAIT_FOCUS.zoom);
    cam.centerOn(PORTRAIT_FOCUS.x, PORTRAIT_FOCUS.y);
  } else {
    cam.setZoom(rs);
    cam.centerOn(640, 360);
  }
  hideOverlays(scene, portrait);
}

/** Keeps the drawn overlays out of (or back in) the main camera; run again after new ones appear. */
export function hideOverlays(scene: Phaser.Scene, hidden: boolean): void {
  const id = scene.cameras.main.id;
  for (const o of scene.children.list) {
    if ((o as unknown as { depth: number }).depth < OVERLAY_DEPTH) continue;
    o.cameraFilter = hidden ? o.cameraFilter | id : o.cameraFilter & ~id;
  }
}
