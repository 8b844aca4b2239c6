// App icons for the web app manifest, drawn from the logo's mark (assets/ui/logo.svg):
// assets/icons/icon.svg (rounded) and icon-maskable.svg (full bleed, mark inside the safe zone) are
// the sources; this renders them to PNG with the browser the tests use.
//
//   node --import tsx scripts/assets/icons.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ASSET_DIR } from './lib.ts';

const DIR = join(ASSET_DIR, 'icons');
const OUT: { src: string; name: string; size: number }[] = [
  { src: 'icon.svg', name: 'icon-192.png', size: 192 },
  { src: 'icon.svg', name: 'icon-512.png', size: 512 },
  { src: 'icon-maskable.svg', name: 'icon-maskable-512.png', size: 512 },
  { src: 'icon.svg', name: 'apple-touch-icon.png', size: 180 },
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const o of OUT) {
    const svg = readFileSync(join(DIR, o.src), 'utf8');
    await page.setViewportSize({ width: o.size, height: o.size });
    await page.setContent(`<style>html,body{margin:0;background:transparent}img{display:block;width:${o.size}px;height:${o.size}px}</style><img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}">`);
    await page.waitForFunction(() => document.querySelector('img')?.complete);
    writeFileSync(join(DIR, o.name), await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: o.size, height: o.size } }));
    console.log(`assets/icons/${o.name}`);
  }
} finally {
  await browser.close();
}
