// Scene backdrops: assets/backdrops/<setting>.svg, 1280x720, one per setting.
//
//   node --import tsx scripts/assets/backdrops.ts
//
// Flat, softly lit interiors in the game palette, kept low in contrast (a veil and a vignette go over
// every scene) so a portrait and dialogue text read clearly on top. Detail sits at the edges and the
// top; the middle, where the customer stands, stays quiet.
import { join } from 'node:path';
import { ASSET_DIR, SETTINGS, isMain, mix, n, op, rng, shade, tint, writeIfChanged, type Setting } from './lib.ts';
import { PALETTE } from './palette.ts';

export const BACKDROP_DIR = join(ASSET_DIR, 'backdrops');
export const W = 1280;
export const H = 720;

// ------------------------------------------------------------------------------------ helpers

const rect = (x: number, y: number, w: number, h: number, fill: string, extra = '') =>
  `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" fill="${fill}"${extra ? ' ' + extra : ''}/>`;
const rrect = (x: number, y: number, w: number, h: number, r: number, fill: string, extra = '') =>
  `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" rx="${n(r)}" fill="${fill}"${extra ? ' ' + extra : ''}/>`;
const circle = (x: number, y: number, r: number, fill: string, extra = '') =>
  `<circle cx="${n(x)}" cy="${n(y)}" r="${n(r)}" fill="${fill}"${extra ? ' ' + extra : ''}/>`;
const ellipse = (x: number, y: number, rx: number, ry: number, fill: string, extra = '') =>
  `<ellipse cx="${n(x)}" cy="${n(y)}" rx="${n(rx)}" ry="${n(ry)}" fill="${fill}"${extra ? ' ' + extra : ''}/>`;
const path = (d: string, fill: string, extra = '') => `<path d="${d}" fill="${fill}"${extra ? ' ' + extra : ''}/>`;
const line = (x1: number, y1: number, x2: number, y2: number, stroke: string, w: number, extra = '') =>
  `<path d="M${n(x1)} ${n(y1)}L${n(x2)} ${n(y2)}" stroke="${stroke}" stroke-width="${n(w)}" stroke-linecap="round"${extra ? ' ' + extra : ''}/>`;

function vgrad(id: string, stops: [number, string, number?][]): string {
  return `<linearGradient id="${id}" x1="0" y1="0" x2="0" y2="1">${stops
    .map(([o, c, a]) => `<stop offset="${o}" stop-color="${c}"${a === undefined ? '' : ` stop-opacity="${a}"`}/>`)
    .join('')}</linearGradient>`;
}

function glow(id: string, colour: string, strength = 0.55): string {
  return `<radialGradient id="${id}"><stop offset="0" stop-color="${colour}" stop-opacity="${strength}"/><stop offset="0.45" stop-color="${colour}" stop-opacity="${op(strength * 0.35)}"/><stop offset="1" stop-color="${colour}" stop-opacity="0"/></radialGradient>`;
}

/** Lines of "text" as soft bars: scenes never carry real words. */
function textBars(x: number, y: number, widths: number[], h: number, gap: number, fill: string, extra = ''): string {
  return widths.map((w, i) => rrect(x, y + i * (h + gap), w, h, h / 2, fill, extra)).join('');
}

function plant(x: number, y: number, scale: number, pot: string): string {
  const leaf = (a: number, len: number, col: string) => {
    const rad = (a * Math.PI) / 180;
    const tx = x + Math.cos(rad) * len * scale;
    const ty = y - 10 * scale + Math.sin(rad) * len * scale;
    const mx = (x + tx) / 2;
    const my = (y - 10 * scale + ty) / 2;
    const nx = -Math.sin(rad) * 16 * scale;
    const ny = Math.cos(rad) * 16 * scale;
    return path(`M${n(x)} ${n(y - 10 * scale)}Q${n(mx + nx)} ${n(my + ny)} ${n(tx)} ${n(ty)}Q${n(mx - nx)} ${n(my - ny)} ${n(x)} ${n(y - 10 * scale)}Z`, col);
  };
  const g1 = '#7f9f84';
  const g2 = '#6a8c70';
  const g3 = '#93b296';
  return (
    [
      [-150, 70, g2],
      [-120, 90, g1],
      [-95, 80, g3],
      [-70, 88, g1],
      [-40, 72, g2],
      [-135, 60, g3],
      [-55, 62, g3],
    ]
      .map(([a, l, c]) => leaf(a as number, l as number, c as string))
      .join('') +
    path(`M${n(x - 30 * scale)} ${n(y - 12 * scale)}L${n(x + 30 * scale)} ${n(y - 12 * scale)}L${n(x + 24 * scale)} ${n(y + 40 * scale)}L${n(x - 24 * scale)} ${n(y + 40 * scale)}Z`, pot) +
    rect(x - 32 * scale, y - 16 * scale, 64 * scale, 10 * scale, shade(pot, 0.15))
  );
}

function mug(x: number, y: number, colour: string): string {
  return (
    path(`M${x + 34} ${y + 12}a14 14 0 0 1 0 28`, 'none', `stroke="${shade(colour, 0.1)}" stroke-width="7"`) +
    rrect(x, y, 40, 52, 6, colour) +
    rect(x + 26, y, 14, 52, shade(colour, 0.12)) +
    ellipse(x + 20, y + 1, 20, 4, shade(colour, 0.3))
  );
}

/** The finishing layers every scene shares: a warm veil that lowers contrast, and a soft vignette. */
function finish(id: string, veil: string = PALETTE.paper, veilOpacity = 0.22): string {
  return (
    `<defs><radialGradient id="${id}-vig" cx="0.5" cy="0.45" r="0.75"><stop offset="0.55" stop-color="${PALETTE.ink}" stop-opacity="0"/><stop offset="1" stop-color="${PALETTE.ink}" stop-opacity="0.28"/></radialGradient></defs>` +
    rect(0, 0, W, H, veil, `opacity="${veilOpacity}"`) +
    rect(0, 0, W, H, `url(#${id}-vig)`)
  );
}

function wrap(setting: Setting, title: string, body: string, veil?: string, veilOpacity?: number): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}">\n` +
    `<title>${title}</title>\n` +
    body +
    '\n' +
    finish(setting, veil, veilOpacity) +
    '\n</svg>\n'
  );
}

// ------------------------------------------------------------------------------------ scenes

function hotelDesk(): string {
  const wallTop = '#e7d6bd';
  const wallBot = '#dcc6a6';
  const wood = '#8a5f43';
  const woodDark = '#6e4a34';
  const brass = '#c9a25a';
  const r = rng('backdrop:hotel-desk');
  let keys = '';
  const kx = 872;
  const ky = 150;
  for (let row = 0; row < 4; row++) {
    for (let col = 0; col < 6; col++) {
      const x = kx + 36 + col * 48;
      const y = ky + 34 + row * 56;
      keys += circle(x, y, 4, shade(brass, 0.2));
      if (r.chance(0.78)) {
        const tagCol = r.pick(['#a8544a', '#2f6f6a', '#b9873e', '#6a5a86']);
        keys += line(x, y, x, y + 16, shade(brass, 0.1), 3) + rrect(x - 6, y + 14, 12, 18, 3, brass) + rrect(x - 9, y + 30, 18, 20, 4, mix(tagCol, wallTop, 0.25));
      }
    }
  }
  const defs =
    `<defs>${vgrad('hd-wall', [[0, wallTop], [1, wallBot]])}${glow('hd-lamp', '#ffc46b', 0.75)}${glow('hd-sconce', '#ffd08a', 0.6)}` +
    `${vgrad('hd-counter', [[0, '#9a6c4d'], [1, '#7d5640']])}</defs>`;
  return wrap(
    'hotel-desk',
    'Hotel front desk',
    defs +
      rect(0, 0, W, H, 'url(#hd-wall)') +
      Array.from({ length: 32 }, (_, i) => rect(i * 40 + 14, 32, 12, 400, '#d9c4a3', 'opacity="0.28"')).join('') +
      // crown moulding and wainscot
      rect(0, 0, W, 26, '#cdb594') +
      rect(0, 26, W, 6, '#f0e3cf') +
      rect(0, 430, W, 160, '#cfb48f') +
      rect(0, 426, W, 10, '#bfa27c') +
      [40, 360, 680, 1000].map((x) => rrect(x, 456, 240, 110, 6, 'none', `stroke="#bb9e78" stroke-width="4"`)).join('') +
      // framed painting, left
      rect(96, 108, 300, 210, '#a98458') +
      rect(112, 124, 268, 178, '#d9d3c0') +
      path('M112 302L180 220L232 268L290 196L380 302Z', '#9fb0a0') +
      path('M112 302L160 262L214 302Z', '#8aa08e') +
      circle(330, 166, 18, '#f1d9a8') +
      // wall sconces
      ellipse(560, 150, 130, 130, 'url(#hd-sconce)') +
      path('M542 150L578 150L570 122L550 122Z', '#f6e1b6') +
      rect(556, 150, 8, 26, brass) +
      // key rack
      rrect(kx, ky, 316, 266, 10, wood) +
      rrect(kx + 10, ky + 10, 296, 246, 6, '#9d6f4f') +
      keys +
      // little brass sign above the rack (no words)
      rrect(kx + 98, ky - 44, 120, 28, 6, brass) +
      rrect(kx + 118, ky - 34, 80, 8, 4, shade(brass, 0.25)) +
      // counter
      rect(0, 566, W, 154, 'url(#hd-counter)') +
      [0, 1, 2, 3, 4, 5].map((i) => rect(20 + i * 214, 604, 196, 104, 'none', `stroke="${woodDark}" stroke-width="3" opacity="0.45"`)).join('') +
      rect(0, 548, W, 26, '#5e4030') +
      rect(0, 548, W, 5, '#8a654c') +
      // lamp on the counter, left
      ellipse(170, 420, 260, 230, 'url(#hd-lamp)') +
      ellipse(170, 552, 52, 8, '#4d3426') +
      rect(164, 440, 12, 112, brass) +
      path('M112 452L228 452L204 372L136 372Z', '#f7dca6') +
      path('M112 452L228 452L224 438L116 438Z', '#eac58a') +
      // desk bell, right
      ellipse(1080, 550, 40, 7, '#4d3426') +
      rrect(1046, 540, 68, 10, 4, '#b8b4ac') +
      path('M1052 540A28 26 0 0 1 1108 540Z', '#d8d4ca') +
      path('M1060 534A20 18 0 0 1 1074 518', 'none', `stroke="#fff" stroke-width="4" stroke-linecap="round" opacity="0.7"`) +
      rect(1077, 506, 6, 10, '#a8a49c') +
      ellipse(1080, 505, 8, 3, '#c8c4ba') +
      // guest book
      path('M860 548L960 530L1010 546L910 562Z', '#f4ecdc') +
      path('M910 562L1010 546L1010 550L910 566Z', '#c9b79a'),
  );
}

function callCentre(): string {
  const wall = '#e3e4df';
  const panel = '#a9bdbb';
  const desk = '#d9c9b1';
  const bezel = '#2f3a44';
  let skyline = '';
  const r = rng('backdrop:call-centre');
  for (let x = 90; x < 620; ) {
    const w = r.range(40, 90);
    const h = r.range(90, 250);
    const col = r.pick(['#b5c6cf', '#a7b9c3', '#c2d0d6']);
    skyline += rect(x, 430 - h, w, h, col);
    for (let wy = 430 - h + 14; wy < 420; wy += 22) for (let wx = x + 8; wx < x + w - 10; wx += 16) skyline += rect(wx, wy, 8, 10, '#d6e1e5', 'opacity="0.7"');
    x += w + r.range(4, 14);
  }
  const crmRows = [0, 1, 2, 3, 4, 5]
    .map((i) => rrect(850, 318 + i * 30, 110, 20, 4, i === 1 ? '#cfe4df' : '#e9edee') + rrect(858, 325 + i * 30, 60 + ((i * 37) % 40), 6, 3, '#a9b4ba'))
    .join('');
  const defs = `<defs>${vgrad('cc-sky', [[0, '#dbe7ec'], [1, '#eef1ee']])}${vgrad('cc-desk', [[0, desk], [1, '#c8b599']])}${glow('cc-screen', '#cfe8ff', 0.35)}</defs>`;
  return wrap(
    'call-centre',
    'Call centre desk',
    defs +
      rect(0, 0, W, H, wall) +
      // ceiling lights strip
      rect(0, 0, W, 22, '#d2d4cf') +
      rrect(300, 8, 240, 8, 4, '#fbf8ee') +
      rrect(860, 8, 240, 8, 4, '#fbf8ee') +
      // window
      rect(70, 70, 560, 370, '#c9cfcc') +
      rect(84, 84, 532, 342, 'url(#cc-sky)') +
      skyline +
      rect(84, 84, 532, 342, '#ffffff', 'opacity="0.18"') +
      rect(344, 84, 12, 342, '#c9cfcc') +
      rect(84, 250, 532, 10, '#c9cfcc') +
      // blinds, half down
      rect(84, 84, 532, 70, '#efece3') +
      [0, 1, 2, 3, 4].map((i) => rect(84, 90 + i * 13, 532, 2, '#d8d4c8')).join('') +
      // cubicle partition
      rect(0, 392, W, 182, panel) +
      rect(0, 384, W, 14, '#8ea2a2') +
      [320, 960].map((x) => rect(x, 398, 4, 176, '#97abab')).join('') +
      // pinned notes on the partition
      rect(120, 430, 56, 56, '#f2d48f', 'transform="rotate(-4 148 458)"') +
      rect(190, 440, 56, 56, '#f0b9a5', 'transform="rotate(3 218 468)"') +
      // desk
      rect(0, 560, W, 160, 'url(#cc-desk)') +
      rect(0, 556, W, 10, '#eadcc6') +
      // monitor
      ellipse(1000, 470, 260, 200, 'url(#cc-screen)') +
      path('M980 540L1020 540L1032 590L968 590Z', '#55616b') +
      rrect(930, 584, 140, 14, 6, '#45515a') +
      rrect(820, 250, 360, 300, 14, bezel) +
      rect(836, 266, 328, 262, '#f3f5f4') +
      rect(836, 266, 328, 34, '#2f7c75') +
      circle(856, 283, 8, '#bfe0da') +
      rrect(872, 278, 90, 10, 5, '#bfe0da') +
      crmRows +
      rrect(972, 318, 176, 124, 6, '#ffffff') +
      textBars(984, 332, [130, 150, 96, 140], 8, 10, '#c3cbcf') +
      rrect(984, 456, 76, 24, 6, '#f0a94b') +
      rrect(1070, 456, 76, 24, 6, '#dfe4e5') +
      // sticky note on the bezel
      rect(1150, 260, 42, 42, '#f2d48f', 'transform="rotate(6 1171 281)"') +
      // headset on a stand
      rect(700, 452, 10, 110, '#55616b') +
      ellipse(705, 564, 34, 7, '#45515a') +
      path('M660 488A45 48 0 0 1 750 488', 'none', `stroke="#3a444d" stroke-width="10" stroke-linecap="round"`) +
      rrect(646, 478, 26, 44, 10, '#3a444d') +
      rrect(738, 478, 26, 44, 10, '#3a444d') +
      rrect(650, 484, 18, 32, 7, '#5b6873') +
      path('M660 520Q668 556 712 552', 'none', `stroke="#3a444d" stroke-width="5" stroke-linecap="round"`) +
      circle(716, 552, 6, '#2f7c75') +
      // keyboard, mug, plant
      path('M820 612L1120 612L1140 660L800 660Z', '#e9ecec') +
      path('M820 612L1120 612L1124 620L816 620Z', '#f7f8f8') +
      [0, 1, 2].map((row) => rect(830 + row * 4, 626 + row * 10, 290 - row * 8, 5, '#c6ccce')).join('') +
      mug(560, 560, '#e2725b') +
      plant(110, 566, 1, '#d7cfc2'),
  );
}

function shopCounter(): string {
  const wall = '#eee2ce';
  const shelf = '#a7825f';
  const r = rng('backdrop:shop-counter');
  const cols = ['#8fb3a8', '#d9a96a', '#c98a7d', '#9aa7c7', '#e3cf9a', '#b7c7a3', '#d7b8c9'];
  let goods = '';
  for (const sy of [168, 298, 428]) {
    for (let x = 560; ; ) {
      const w = r.range(30, 64);
      const h = r.range(54, sy === 168 ? 76 : 98);
      if (x + w > 1222) break;
      const c = mix(r.pick(cols), wall, 0.15);
      if (r.chance(0.3)) {
        // jars
        goods += rrect(x, sy - h, w, h, 10, c) + rrect(x + 4, sy - h - 10, w - 8, 14, 4, shade(c, 0.25)) + rect(x + 6, sy - h * 0.62, w - 12, h * 0.3, '#fbf5ea', 'opacity="0.75"');
      } else {
        goods += rect(x, sy - h, w, h, c) + rect(x + w * 0.68, sy - h, w * 0.32, h, shade(c, 0.12)) + rect(x + 6, sy - h * 0.55, w * 0.5, 8, '#fbf5ea', 'opacity="0.65"');
      }
      x += w + r.range(3, 12);
    }
  }
  const defs = `<defs>${vgrad('sc-wall', [[0, wall], [1, '#e3d3bb']])}${glow('sc-light', '#ffd899', 0.55)}${vgrad('sc-door', [[0, '#e9f0ed'], [1, '#d6e3de']])}</defs>`;
  const pendant = (x: number) =>
    line(x, 0, x, 70, '#5a4a3e', 3) + ellipse(x, 110, 150, 120, 'url(#sc-light)') + path(`M${x - 36} 104L${x + 36} 104L${x + 22} 70L${x - 22} 70Z`, '#2f6f6a') + ellipse(x, 104, 30, 5, '#ffe4ae');
  return wrap(
    'shop-counter',
    'Shop counter',
    defs +
      rect(0, 0, W, H, 'url(#sc-wall)') +
      // door with glass, left
      rect(70, 90, 300, 480, '#b89b7a') +
      rect(90, 110, 260, 300, 'url(#sc-door)') +
      path('M90 300L200 200L350 330L350 410L90 410Z', '#ffffff', 'opacity="0.35"') +
      rect(90, 424, 260, 130, '#c4a886') +
      rrect(320, 330, 12, 60, 6, '#8a7058') +
      // hanging sign on the door (no words)
      line(180, 110, 170, 150, '#6f5d4c', 2) +
      line(260, 110, 270, 150, '#6f5d4c', 2) +
      rrect(150, 150, 140, 54, 10, '#2f6f6a') +
      rrect(172, 170, 96, 12, 6, '#cfe6e0') +
      // shelves
      rect(540, 80, 700, 470, '#e4d4ba') +
      rect(540, 74, 700, 14, shelf) +
      [168, 298, 428].map((y) => rect(540, y, 700, 14, shelf) + rect(540, y + 14, 700, 6, shade(shelf, 0.25), 'opacity="0.5"')).join('') +
      goods +
      rect(540, 80, 12, 470, shelf) +
      rect(1228, 80, 12, 470, shelf) +
      // pendants
      pendant(300) +
      pendant(980) +
      // counter
      rect(0, 578, W, 142, '#c9a37d') +
      rect(0, 562, W, 22, '#7e5a40') +
      rect(0, 562, W, 4, '#a07a5a') +
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((i) => rect(i * 100 + 10, 590, 4, 130, shade('#c9a37d', 0.1))).join('') +
      // card terminal and till, right
      rrect(1040, 430, 180, 130, 10, '#3d4a52') +
      rect(1054, 444, 152, 92, '#dfe9e6') +
      textBars(1068, 460, [100, 70, 120], 8, 12, '#a9b8b4') +
      path('M1110 560L1150 560L1160 580L1100 580Z', '#3d4a52') +
      rrect(930, 520, 60, 44, 8, '#4c5961') +
      rect(940, 528, 40, 14, '#b9d6cf') +
      // paper bag with a receipt
      path('M720 470L830 470L840 566L710 566Z', '#d7b98f') +
      path('M720 470L830 470L826 488L724 488Z', '#c6a77c') +
      rect(760, 440, 40, 56, '#fbf8f0', 'transform="rotate(-8 780 468)"'),
  );
}

function office(): string {
  const wall = '#dfe3d8';
  const r = rng('backdrop:office');
  let books = '';
  for (const sy of [236, 344]) {
    for (let x = 1010; x < 1210; ) {
      const w = r.range(12, 22);
      const h = r.range(62, 88);
      books += rect(x, sy - h, w, h, mix(r.pick(['#8c5a50', '#4f6f78', '#c08a3e', '#6d6a8c', '#7a8f6a']), wall, 0.3));
      x += w + 2;
    }
  }
  const defs = `<defs>${vgrad('of-wall', [[0, '#e6e9e0'], [1, '#d6dbce']])}${vgrad('of-glass', [[0, '#dfe9ea'], [1, '#cfdcdc']])}${glow('of-pend', '#ffe0a6', 0.5)}</defs>`;
  return wrap(
    'office',
    'Office meeting room',
    defs +
      rect(0, 0, W, H, 'url(#of-wall)') +
      // window with blinds, left
      rect(60, 60, 330, 420, '#c9cec4') +
      rect(74, 74, 302, 392, '#eaf1f0') +
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17].map((i) => rect(74, 80 + i * 21, 302, 9, '#dbe1dc')).join('') +
      rect(74, 74, 302, 392, '#fff6e0', 'opacity="0.25"') +
      // whiteboard, centre
      rect(470, 96, 440, 270, '#c5cac2') +
      rect(480, 106, 420, 250, '#fbfbf8') +
      path('M520 300L600 240L670 270L760 180L850 210', 'none', `stroke="#7aa6a0" stroke-width="5" stroke-linecap="round" stroke-linejoin="round" opacity="0.7"`) +
      textBars(520, 140, [160, 110], 8, 12, '#c3c8cf') +
      rect(780, 250, 52, 52, '#f2d48f', 'opacity="0.9"') +
      rect(840, 260, 52, 52, '#b9dcd3', 'opacity="0.9"') +
      rect(560, 356, 260, 10, '#b5bab2') +
      // bookshelf, right
      rect(990, 120, 240, 460, '#9b7a5d') +
      rect(1002, 132, 216, 436, '#b89a7c') +
      [236, 344, 452].map((y) => rect(1002, y, 216, 10, '#8c6c51')).join('') +
      books +
      plant(1060, 432, 0.7, '#d8d0c4') +
      rrect(1120, 404, 80, 48, 4, '#eae3d4') +
      // wall clock above the shelf
      circle(1110, 66, 34, '#6b6f6a') +
      circle(1110, 66, 28, '#fbfaf4') +
      line(1110, 66, 1110, 48, '#3d413e', 4) +
      line(1110, 66, 1124, 72, '#3d413e', 4) +
      // warm light over the table
      // table
      ellipse(640, 520, 420, 200, 'url(#of-pend)') +
      rect(0, 590, W, 130, '#b6906c') +
      rect(0, 578, W, 18, '#a07b59') +
      rect(0, 578, W, 4, '#c8a47f') +
      // notebook, laptop, cup on the table
      path('M140 570L330 570L344 590L126 590Z', '#2f4858') +
      path('M150 560L320 560L330 572L140 572Z', '#f3ede1') +
      path('M880 586L1120 586L1100 520L900 520Z', '#c9ccd0') +
      path('M880 586L1120 586L1124 594L876 594Z', '#aeb2b7') +
      mug(760, 538, '#2f6f6a') +
      plant(90, 580, 0.9, '#c9a37d'),
  );
}

function chat(): string {
  const bg1 = '#d6d9d4';
  const bg2 = '#bcc4c0';
  const screen = '#f6f3ec';
  const lx = 150;
  const ly = 54;
  const lw = 980;
  const lh = 570;
  const sx = lx + 22;
  const sy = ly + 22;
  const sw = lw - 44;
  const sh = lh - 44;
  const bubble = (right: boolean, y: number, widths: number[]) => {
    const bw = Math.max(...widths) + 40;
    const bh = widths.length * 22 + 22;
    const x = right ? sx + sw - 44 - bw : sx + 300;
    const fill = right ? '#cfe6e0' : '#ffffff';
    return (
      rrect(x, y, bw, bh, 18, fill, right ? '' : `stroke="#e3ded3" stroke-width="2"`) +
      textBars(x + 20, y + 16, widths, 9, 13, right ? '#8fbab1' : '#c9c4ba') +
      (right ? '' : circle(x - 30, y + bh - 18, 16, '#e6b98f'))
    );
  };
  const defs = `<defs>${vgrad('ch-bg', [[0, bg1], [1, bg2]])}${glow('ch-glow', '#fff7e3', 0.45)}${glow('ch-bokeh', '#ffd796', 0.6)}</defs>`;
  return wrap(
    'chat',
    'Customer chat window',
    defs +
      rect(0, 0, W, H, 'url(#ch-bg)') +
      ellipse(640, 340, 700, 420, 'url(#ch-glow)') +
      // blurred shelf and lamp far behind
      rrect(-20, 470, 180, 14, 7, '#a9b7bb') +
      ellipse(1190, 130, 150, 150, 'url(#ch-bokeh)') +
      circle(1210, 300, 26, '#f7e6c4', 'opacity="0.35"') +
      circle(70, 150, 40, '#f7e6c4', 'opacity="0.25"') +
      // laptop lid
      rrect(lx, ly, lw, lh, 26, '#36414a') +
      rect(sx, sy, sw, sh, screen) +
      // app header
      rect(sx, sy, sw, 64, '#2f7c75') +
      circle(sx + 44, sy + 32, 20, '#f0c9a2') +
      rrect(sx + 76, sy + 18, 160, 12, 6, '#d6ece8') +
      rrect(sx + 76, sy + 38, 90, 8, 4, '#8fc7bd') +
      circle(sx + sw - 40, sy + 32, 6, '#d6ece8') +
      circle(sx + sw - 62, sy + 32, 6, '#d6ece8') +
      circle(sx + sw - 84, sy + 32, 6, '#d6ece8') +
      // side list of conversations
      rect(sx, sy + 64, 250, sh - 64, '#ece7dc') +
      [0, 1, 2, 3, 4, 5].map((i) => (i === 0 ? rect(sx, sy + 64 + i * 70, 250, 70, '#e0d8c8') : '') + circle(sx + 34, sy + 99 + i * 70, 18, ['#e6b98f', '#b9cfe0', '#d7b8c9', '#c7d6b0', '#e3cf9a', '#c9b2a0'][i]) + textBars(sx + 64, sy + 86 + i * 70, [140, 90], 8, 10, '#c2baab')).join('') +
      // messages
      bubble(false, sy + 96, [300, 240, 180]) +
      bubble(true, sy + 212, [260, 200]) +
      bubble(false, sy + 306, [340, 150]) +
      // typing indicator
      rrect(sx + 300, sy + 406, 86, 40, 20, '#ffffff', `stroke="#e3ded3" stroke-width="2"`) +
      [0, 1, 2].map((i) => circle(sx + 322 + i * 21, sy + 426, 6, '#b9b3a7')).join('') +
      // input bar
      rect(sx + 250, sy + sh - 66, sw - 250, 66, '#efe9de') +
      rrect(sx + 270, sy + sh - 52, sw - 370, 38, 19, '#ffffff', `stroke="#ddd6ca" stroke-width="2"`) +
      circle(sx + sw - 48, sy + sh - 33, 20, '#f0a94b') +
      path(`M${sx + sw - 56} ${sy + sh - 42}L${sx + sw - 36} ${sy + sh - 33}L${sx + sw - 56} ${sy + sh - 24}Z`, '#ffffff') +
      // laptop base
      path(`M${lx - 70} ${ly + lh + 4}L${lx + lw + 70} ${ly + lh + 4}L${lx + lw + 40} ${ly + lh + 40}L${lx - 40} ${ly + lh + 40}Z`, '#aab4ba') +
      rect(lx - 70, ly + lh, lw + 140, 8, '#c7cfd3') +
      rrect(560, ly + lh, 160, 8, 4, '#98a3aa'),
    PALETTE.paper,
    0.16,
  );
}

function airportGate(): string {
  const wall = '#dfe4e6';
  const sky1 = '#bcd3e2';
  const sky2 = '#e4ece8';
  const frame = '#5d6b76';
  const r = rng('backdrop:airport-gate');
  // Far side of the apron: a low terminal and service vehicles on the horizon.
  let horizon = '';
  for (let x = 40; x < 1240; ) {
    const w = r.range(60, 160);
    const h = r.range(16, 44);
    horizon += rect(x, 330 - h, w, h, r.pick(['#a9b8c0', '#b7c4cb', '#9fb0b9']));
    x += w + r.range(10, 40);
  }
  // Departure board rows: coloured status chips and soft bars, never real words.
  const boardRows = [0, 1, 2, 3, 4]
    .map((i) => rect(872, 118 + i * 34, 300, 26, i % 2 ? '#26313a' : '#2c3843') + rrect(884, 126 + i * 34, 60 + ((i * 29) % 50), 10, 5, '#e8d9a0', 'opacity="0.85"') + rrect(1010, 126 + i * 34, 70, 10, 5, '#b9c7cf', 'opacity="0.7"') + rrect(1104, 124 + i * 34, 56, 14, 4, ['#5fb58c', '#e0a34a', '#5fb58c', '#d8663c', '#5fb58c'][i]))
    .join('');
  const seat = (x: number) => rrect(x, 470, 52, 46, 8, '#3f6f8f') + rrect(x, 514, 52, 14, 4, '#355f7b') + rect(x + 22, 528, 8, 30, '#56636c');
  const defs =
    `<defs>${vgrad('ag-sky', [[0, sky1], [1, sky2]])}${vgrad('ag-floor', [[0, '#c9cdcc'], [1, '#b4b9b9']])}${vgrad('ag-desk', [[0, '#e9ecec'], [1, '#cfd5d7']])}` +
    `${glow('ag-sun', '#fff3d6', 0.6)}${glow('ag-light', '#ffffff', 0.35)}</defs>`;
  return wrap(
    'airport-gate',
    'Airport departure gate',
    defs +
      rect(0, 0, W, H, wall) +
      // ceiling with light strips
      rect(0, 0, W, 40, '#c9d0d4') +
      [120, 480, 840, 1200].map((x) => rrect(x - 90, 14, 180, 10, 5, '#fbfbf6')).join('') +
      // tall window onto the apron
      rect(0, 56, W, 380, frame) +
      rect(0, 66, W, 360, 'url(#ag-sky)') +
      ellipse(260, 120, 260, 180, 'url(#ag-sun)') +
      horizon +
      rect(0, 330, W, 96, '#9aa6a8') +
      [0, 1, 2, 3, 4, 5, 6, 7].map((i) => rect(i * 170 + 30, 376, 90, 5, '#e8e2c4', 'opacity="0.7"')).join('') +
      // the aircraft's nose and tail beyond the glass, left
      path('M-20 360L380 348Q430 346 446 362Q430 380 380 382L-20 386Z', '#f4f6f6') +
      path('M332 354Q360 350 380 352L378 362L334 364Z', '#3a4f63') +
      path('M40 348L110 250L150 250L120 350Z', '#2f6f8a') +
      rect(60, 384, 10, 24, '#56636c') +
      rect(300, 382, 10, 26, '#56636c') +
      // window mullions
      [0, 1, 2, 3, 4, 5].map((i) => rect(i * 256 - 6, 66, 12, 360, frame)).join('') +
      rect(0, 244, W, 8, frame) +
      // departure board hanging on the right
      line(960, 40, 960, 96, '#56636c', 4) +
      line(1090, 40, 1090, 96, '#56636c', 4) +
      rrect(858, 96, 328, 196, 10, '#1f2830') +
      rect(872, 104, 300, 10, '#33424e') +
      boardRows +
      // gate sign: a big number panel, shapes only
      rrect(540, 90, 200, 64, 10, '#f0b73f') +
      rrect(560, 104, 36, 36, 6, '#1f2830') +
      rrect(608, 110, 110, 10, 5, '#1f2830', 'opacity="0.75"') +
      rrect(608, 128, 70, 8, 4, '#1f2830', 'opacity="0.5"') +
      // floor and a row of seats, far right
      rect(0, 436, W, 150, 'url(#ag-floor)') +
      rect(0, 436, W, 6, '#a9afb0') +
      [1010, 1070, 1130, 1190].map(seat).join('') +
      rect(1000, 552, 254, 8, '#56636c') +
      // the gate counter
      ellipse(640, 600, 520, 140, 'url(#ag-light)') +
      rect(0, 566, W, 154, 'url(#ag-desk)') +
      rect(0, 548, W, 24, '#2f6f8a') +
      rect(0, 548, W, 5, '#4b8ba6') +
      [0, 1, 2, 3].map((i) => rect(30 + i * 320, 600, 290, 100, 'none', `stroke="#b9c1c4" stroke-width="3"`)).join('') +
      // boarding-pass printer and a scanner on the counter
      rrect(880, 500, 120, 52, 8, '#3a444d') +
      rect(896, 488, 88, 14, '#56636c') +
      path('M904 488L976 488L968 452L912 452Z', '#fbf8f0') +
      rrect(916, 462, 40, 6, 3, '#c3cbcf') +
      rrect(790, 514, 44, 38, 6, '#2f3a44') +
      rect(798, 522, 28, 12, '#8fd1b4') +
      // stanchions with a queue belt, left
      [90, 250].map((x) => rect(x - 4, 470, 8, 80, '#8a949a') + ellipse(x, 552, 20, 5, '#6d777d') + circle(x, 468, 7, '#a6afb4')).join('') +
      path('M94 482Q170 500 246 482', 'none', `stroke="#2f6f8a" stroke-width="7" stroke-linecap="round"`),
  );
}

function clinicDesk(): string {
  const wallTop = '#e4eee9';
  const wallBot = '#d5e4de';
  const teal = '#3f8f86';
  const r = rng('backdrop:clinic-desk');
  // Leaflet rack: small pastel pamphlets in pockets.
  let leaflets = '';
  for (let row = 0; row < 3; row++) {
    for (let col = 0; col < 4; col++) {
      const x = 1000 + col * 52;
      const y = 226 + row * 62;
      leaflets += rect(x, y + r.range(0, 6), 40, 48, mix(r.pick(['#f2c5b0', '#bcd8e8', '#f2e0a0', '#c9e2c1', '#d9c8e6']), wallTop, 0.2)) + rect(x - 3, y + 30, 46, 22, '#c2d3cd', 'opacity="0.9"');
    }
  }
  const chair = (x: number) => rrect(x, 478, 58, 50, 10, '#e2a46f') + rrect(x, 524, 58, 12, 4, '#c98a58') + rect(x + 6, 536, 6, 28, '#7f8c89') + rect(x + 46, 536, 6, 28, '#7f8c89');
  const defs =
    `<defs>${vgrad('cl-wall', [[0, wallTop], [1, wallBot]])}${vgrad('cl-counter', [[0, '#f4f1ea'], [1, '#e2ddd2']])}` +
    `${vgrad('cl-glass', [[0, '#eaf4f4', 0.55], [1, '#d6e8e8', 0.35]])}${glow('cl-window', '#fff8e4', 0.55)}</defs>`;
  return wrap(
    'clinic-desk',
    'Clinic reception',
    defs +
      rect(0, 0, W, H, 'url(#cl-wall)') +
      // ceiling and a calm teal stripe along the wall
      rect(0, 0, W, 30, '#cfdcd7') +
      rrect(240, 10, 220, 8, 4, '#fbfbf4') +
      rrect(820, 10, 220, 8, 4, '#fbfbf4') +
      rect(0, 404, W, 16, teal, 'opacity="0.55"') +
      rect(0, 420, W, 150, '#c8dad3') +
      // window with a blind, left
      ellipse(210, 220, 260, 220, 'url(#cl-window)') +
      rect(70, 80, 290, 290, '#b9c9c3') +
      rect(82, 92, 266, 266, '#eef5ef') +
      path('M82 300Q150 250 220 280T348 262L348 358L82 358Z', '#b7d1b0', 'opacity="0.8"') +
      rect(82, 92, 266, 110, '#f4efe2') +
      [0, 1, 2, 3, 4, 5, 6].map((i) => rect(82, 96 + i * 15, 266, 3, '#dcd5c5')).join('') +
      rect(210, 92, 8, 266, '#b9c9c3') +
      // notice board with posters (no words)
      rect(430, 90, 300, 200, '#b98f63') +
      rect(442, 102, 276, 176, '#d8b98f') +
      rect(460, 116, 90, 120, '#fbfaf4', 'transform="rotate(-2 505 176)"') +
      circle(505, 150, 22, '#e07a5f', 'opacity="0.85"') +
      textBars(472, 186, [66, 50, 58], 7, 9, '#c3cbcf') +
      rect(570, 120, 130, 70, '#cfe6e0', 'transform="rotate(2 635 155)"') +
      textBars(584, 136, [96, 70], 8, 10, '#8fbab1') +
      rect(580, 204, 60, 60, '#f2d48f', 'transform="rotate(-4 610 234)"') +
      rect(652, 210, 52, 52, '#f0b9a5', 'transform="rotate(5 678 236)"') +
      [505, 635, 610, 678].map((x, i) => circle(x, [118, 122, 206, 212][i], 4, '#c9443a')).join('') +
      // wall clock
      circle(850, 150, 42, '#7f8c89') +
      circle(850, 150, 35, '#fbfaf4') +
      line(850, 150, 850, 126, '#3d413e', 4) +
      line(850, 150, 868, 160, '#3d413e', 4) +
      // leaflet rack, right
      rrect(986, 210, 226, 200, 8, '#b8c9c3') +
      leaflets +
      // waiting chairs along the wall, left
      [60, 128, 196].map(chair).join('') +
      plant(300, 540, 0.8, '#d8d0c4') +
      // reception counter with a glass screen
      rect(0, 570, W, 150, 'url(#cl-counter)') +
      rect(0, 552, W, 24, teal) +
      rect(0, 552, W, 5, '#5fa79d') +
      [0, 1, 2, 3, 4].map((i) => rect(30 + i * 256, 604, 230, 100, 'none', `stroke="#d2ccbf" stroke-width="3"`)).join('') +
      rect(760, 330, 500, 222, 'url(#cl-glass)') +
      rect(760, 330, 500, 6, '#c9d8d8') +
      rect(756, 330, 6, 222, '#c9d8d8') +
      rrect(900, 530, 160, 22, 8, '#f4f1ea', `stroke="#c9d8d8" stroke-width="3"`) +
      // monitor behind the glass, a sign-in tablet, hand gel
      rrect(1070, 380, 150, 110, 10, '#2f3a44') +
      rect(1082, 392, 126, 84, '#e9f2f0') +
      textBars(1094, 404, [90, 70, 100, 60], 7, 10, '#a9c2bd') +
      rect(1136, 490, 18, 40, '#55616b') +
      rrect(1108, 528, 74, 10, 4, '#45515a') +
      rrect(800, 512, 70, 46, 6, '#3a444d', 'transform="rotate(-8 835 535)"') +
      rect(808, 518, 54, 32, '#cfe6e0', 'transform="rotate(-8 835 535)"') +
      rrect(690, 496, 30, 56, 8, '#cfe6e0') +
      rrect(696, 482, 18, 16, 4, '#3f8f86') +
      mug(560, 500, '#3f8f86'),
  );
}

export const SCENES: Record<Setting, () => string> = {
  'hotel-desk': hotelDesk,
  'call-centre': callCentre,
  'shop-counter': shopCounter,
  office,
  chat,
  'airport-gate': airportGate,
  'clinic-desk': clinicDesk,
};

export function generateBackdrops(log: (msg: string) => void = console.log): number {
  let written = 0;
  for (const setting of SETTINGS) if (writeIfChanged(join(BACKDROP_DIR, `${setting}.svg`), SCENES[setting]())) written++;
  log(`backdrops: ${SETTINGS.length} files, ${written} changed`);
  return written;
}

// Unused helpers would fail the type-check's noUnusedLocals; tint is kept for scene tweaks.
void tint;

if (isMain(import.meta.url)) generateBackdrops();
