// Title art: assets/ui/logo.svg (mark + wordmark) and assets/ui/title-bg.svg (1280x720).
//
//   node --import tsx scripts/assets/ui.ts
//
// The wordmark is drawn as rounded single-stroke letters, not font text, so it looks the same in every
// browser and when loaded as an image (where web fonts are not available).
import { join } from 'node:path';
import { ASSET_DIR, isMain, mix, n, writeIfChanged } from './lib.ts';
import { PALETTE } from './palette.ts';

export const UI_DIR = join(ASSET_DIR, 'ui');

// ------------------------------------------------------------------------------------ lettering

/** Letters on a baseline at y = 0, cap height 60, x-height 44. d = stroked path, dots = filled circles. */
const GLYPHS: Record<string, { w: number; d: string; dots?: [number, number, number][] }> = {
  M: { w: 58, d: 'M0 0L0 -60L29 -20L58 -60L58 0' },
  a: { w: 46, d: 'M46 -44L46 0M46 -22A23 22 0 1 0 46 -21.9' },
  k: { w: 36, d: 'M0 -66L0 0M34 -44L2 -16M14 -26L36 0' },
  e: { w: 46, d: 'M1 -22L45 -22A23 22 0 1 0 39 -6.5' },
  I: { w: 0, d: 'M0 -60L0 0' },
  t: { w: 26, d: 'M10 -62L10 -10Q10 0 20 0L26 0M0 -42L26 -42' },
  R: { w: 42, d: 'M0 0L0 -60L22 -60A18 18 0 0 1 22 -24L0 -24M20 -24L42 0' },
  i: { w: 0, d: 'M0 -44L0 0', dots: [[0, -63, 7]] },
  g: { w: 46, d: 'M46 -44L46 8Q46 28 24 28Q10 28 3 20M46 -22A23 22 0 1 0 46 -21.9' },
  h: { w: 40, d: 'M0 -66L0 0M0 -24Q0 -44 20 -44Q40 -44 40 -24L40 0' },
  ' ': { w: 18, d: '' },
};

/** The word laid out from x = 0; returns stroked path data, dots and the total width. */
export function lettering(text: string, gap = 17): { d: string; dots: [number, number, number][]; width: number } {
  let x = 0;
  let d = '';
  const dots: [number, number, number][] = [];
  [...text].forEach((ch, i) => {
    const g = GLYPHS[ch];
    if (!g) throw new Error(`no glyph for "${ch}"`);
    if (i > 0) x += gap;
    if (g.d) d += translatePath(g.d, x);
    for (const [dx, dy, r] of g.dots ?? []) dots.push([x + dx, dy, r]);
    x += g.w;
  });
  return { d, dots, width: x };
}

/** Shifts absolute path commands (M, L, Q, A) horizontally. */
function translatePath(d: string, dx: number): string {
  return d.replace(/([MLQA])([^MLQAZ]*)/g, (_, cmd: string, args: string) => {
    const v = args.trim().split(/[\s,]+/).map(Number);
    if (cmd === 'A') {
      v[5] += dx;
    } else {
      for (let i = 0; i < v.length; i += 2) v[i] += dx;
    }
    return cmd + v.map(n).join(' ');
  });
}

// ------------------------------------------------------------------------------------ the mark

/** A speech bubble with a tick, 160 x 150, top-left at (x, y). */
export function mark(x: number, y: number, s = 1): string {
  const t = (v: number, o: number) => n(o + v * s);
  const X = (v: number) => t(v, x);
  const Y = (v: number) => t(v, y);
  return (
    // amber bubble behind, offset up-right: the customer's voice
    `<rect x="${X(44)}" y="${Y(0)}" width="${n(116 * s)}" height="${n(96 * s)}" rx="${n(30 * s)}" fill="${PALETTE.amber}"/>` +
    `<path d="M${X(128)} ${Y(90)}L${X(146)} ${Y(112)}L${X(106)} ${Y(92)}Z" fill="${PALETTE.amber}"/>` +
    // teal bubble in front: the answer
    // (outline drawn under the fill, so the bubble and its tail share one cream edge)
    [`stroke="${PALETTE.cream}" stroke-width="${n(16 * s)}" stroke-linejoin="round" fill="${PALETTE.cream}"`, `fill="${PALETTE.teal}"`]
      .map(
        (paint) =>
          `<g ${paint}><rect x="${X(0)}" y="${Y(26)}" width="${n(128 * s)}" height="${n(104 * s)}" rx="${n(32 * s)}"/>` +
          `<path d="M${X(24)} ${Y(120)}L${X(14)} ${Y(150)}L${X(54)} ${Y(126)}Z"/></g>`,
      )
      .join('') +
    `<path d="M${X(34)} ${Y(80)}L${X(56)} ${Y(101)}L${X(96)} ${Y(57)}" fill="none" stroke="${PALETTE.white}" stroke-width="${n(15 * s)}" stroke-linecap="round" stroke-linejoin="round"/>`
  );
}

// ------------------------------------------------------------------------------------ files

export function logoSvg(): string {
  const scale = 1.3;
  const w1 = lettering('Make It ');
  const w2 = lettering('Right');
  const tx = 212;
  const baseline = 142;
  const total = tx + (w1.width + 17 + w2.width) * scale + 24;
  const stroke = 11;
  const word = (l: ReturnType<typeof lettering>, x0: number, colour: string, dotColour: string) =>
    `<g transform="translate(${n(x0)} ${baseline}) scale(${scale})"><path d="${l.d}" fill="none" stroke="${colour}" stroke-width="${stroke}" stroke-linecap="round" stroke-linejoin="round"/>` +
    l.dots.map(([x, y, r]) => `<circle cx="${n(x)}" cy="${n(y)}" r="${n(r)}" fill="${dotColour}"/>`).join('') +
    `</g>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n(total)} 200" width="${n(total)}" height="200">\n` +
    `<title>Make It Right</title>\n` +
    mark(24, 24) +
    '\n' +
    word(w1, tx, PALETTE.navy, PALETTE.amber) +
    word(w2, tx + (w1.width + 17) * scale, PALETTE.teal, PALETTE.amber) +
    '\n</svg>\n'
  );
}

export function titleBgSvg(): string {
  const W = 1280;
  const H = 720;
  const bubble = (x: number, y: number, w: number, h: number, fill: string, tail: 1 | -1, inner: string, opacity = 1) =>
    `<g opacity="${opacity}"><rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${n(h * 0.32)}" fill="${fill}"/>` +
    `<path d="M${n(x + w / 2 + tail * w * 0.28)} ${n(y + h - 4)}L${n(x + w / 2 + tail * w * 0.38)} ${n(y + h + 24)}L${n(x + w / 2 + tail * w * 0.1)} ${n(y + h - 4)}Z" fill="${fill}"/>${inner}</g>`;
  const dots = (x: number, y: number, c: string) => [0, 1, 2].map((i) => `<circle cx="${x + i * 26}" cy="${y}" r="8" fill="${c}"/>`).join('');
  const tick = (x: number, y: number, c: string) => `<path d="M${x} ${y}l16 15l30 -32" fill="none" stroke="${c}" stroke-width="11" stroke-linecap="round" stroke-linejoin="round"/>`;
  const heart = (x: number, y: number, c: string) => `<path d="M${x} ${y + 14}c-22 -14 -24 -34 -10 -38c6 -2 10 2 10 6c0 -4 4 -8 10 -6c14 4 12 24 -10 38z" fill="${c}"/>`;
  let pattern = '';
  for (let y = 40; y < H; y += 40) for (let x = 40 + ((y / 40) % 2) * 20; x < W; x += 40) pattern += `<circle cx="${x}" cy="${y}" r="1.6"/>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}">\n<title>Make It Right</title>\n` +
    `<defs><linearGradient id="tb-bg" x1="0" y1="0" x2="0.3" y2="1"><stop offset="0" stop-color="${PALETTE.cream}"/><stop offset="1" stop-color="#f1e2cc"/></linearGradient>` +
    `<radialGradient id="tb-light" cx="0.5" cy="0.42" r="0.5"><stop offset="0" stop-color="#ffffff" stop-opacity="0.7"/><stop offset="1" stop-color="#ffffff" stop-opacity="0"/></radialGradient></defs>\n` +
    `<rect width="${W}" height="${H}" fill="url(#tb-bg)"/>\n` +
    `<g fill="${PALETTE.taupe}" opacity="0.35">${pattern}</g>\n` +
    // big soft shapes in the corners
    `<circle cx="-40" cy="760" r="400" fill="${mix(PALETTE.tealLight, PALETTE.cream, 0.35)}"/>` +
    `<circle cx="120" cy="800" r="300" fill="${mix(PALETTE.teal, PALETTE.cream, 0.25)}"/>` +
    `<circle cx="1330" cy="-60" r="340" fill="${mix(PALETTE.amberLight, PALETTE.cream, 0.3)}"/>` +
    `<circle cx="1240" cy="760" r="230" fill="${mix(PALETTE.coral, PALETTE.cream, 0.55)}"/>` +
    `<path d="M0 520C220 470 360 600 640 560C900 522 1040 620 1280 560" fill="none" stroke="${mix(PALETTE.teal, PALETTE.cream, 0.55)}" stroke-width="3" stroke-dasharray="2 12" stroke-linecap="round"/>\n` +
    // floating conversation: a worried message, a typing reply, a resolved one
    bubble(90, 110, 200, 110, PALETTE.white, 1, `<rect x="122" y="142" width="130" height="12" rx="6" fill="${PALETTE.sand}"/><rect x="122" y="168" width="90" height="12" rx="6" fill="${PALETTE.sand}"/>`, 0.95) +
    bubble(170, 300, 150, 84, mix(PALETTE.coral, PALETTE.cream, 0.35), -1, dots(219, 342, PALETTE.white), 0.9) +
    bubble(980, 250, 180, 110, PALETTE.teal, -1, tick(1048, 304, PALETTE.white), 0.95) +
    bubble(1030, 420, 150, 90, PALETTE.white, 1, heart(1105, 452, PALETTE.coral), 0.95) +
    bubble(60, 560, 130, 70, mix(PALETTE.amber, PALETTE.cream, 0.2), 1, dots(100, 595, PALETTE.white), 0.85) +
    `<rect width="${W}" height="${H}" fill="url(#tb-light)"/>\n` +
    `</svg>\n`
  );
}

export function generateUi(log: (msg: string) => void = console.log): number {
  let written = 0;
  if (writeIfChanged(join(UI_DIR, 'logo.svg'), logoSvg())) written++;
  if (writeIfChanged(join(UI_DIR, 'title-bg.svg'), titleBgSvg())) written++;
  log(`ui: 2 files, ${written} changed`);
  return written;
}

if (isMain(import.meta.url)) generateUi();
