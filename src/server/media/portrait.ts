// Customer portraits as SVG text, one per emotion, from a customer's `look` (the drawing the built-in
// generator, scripts/assets/portraits.ts, writes to assets/portraits/, and the server's media runner
// stores with each studio version).
//
// Anything the look leaves out (and the small things it never says: face shape, eye colour, collar,
// parting) is picked with a random generator seeded by the scenario id, so a customer looks the same
// every run and different from the others. Bust portrait, viewBox 0 0 400 480, transparent background.
import {
  HAIR_STYLES,
  isColour,
  hsl,
  luminance,
  mix,
  n,
  op,
  rng,
  shade,
  tint,
  type Emotion,
  type HairStyle,
  type Look,
} from './draw.ts';
import { EYE_COLOURS, HAIR_COLOURS, PALETTE, SHIRT_COLOURS, SKIN_TONES } from './palette.ts';

export const VIEWBOX = '0 0 400 480';

const INK = PALETTE.ink;
const LINE = 4; // outline weight in viewBox units, everywhere
const CX = 200;

/** Everything needed to draw one customer, after defaults and seeded variation. */
export interface Character {
  skin: string;
  hair: string;
  hairStyle: HairStyle;
  shirt: string;
  glasses: boolean;
  eye: string;
  frame: string;
  collar: 'crew' | 'shirt' | 'blazer';
  /** Half the face width. */
  hw: number;
  /** How square the jaw is, 0.7 (narrow) .. 0.95 (square). */
  jaw: number;
  /** Distance from the centre line to each eye. */
  eyeDx: number;
  browWidth: number;
  noseWidth: number;
  /** 1 = parting on the viewer's left, -1 = mirrored. */
  part: 1 | -1;
  lashes: boolean;
}

export function character(seed: string, look: Look = {}, voice = ''): Character {
  const r = rng(`portrait:${seed}`);
  // Draw every random number in a fixed order, whether or not the look overrides it, so that
  // adding one field to a look does not reshuffle the rest of the face.
  const skin = r.pick(SKIN_TONES);
  const hair = r.pick(HAIR_COLOURS);
  const hairStyle = r.pick(HAIR_STYLES);
  const shirt = r.pick(SHIRT_COLOURS);
  const glasses = r.chance(0.3);
  const eye = r.pick(EYE_COLOURS);
  const frame = r.pick([PALETTE.ink, '#5a3a2a', '#34495e', '#7a4b3a']);
  const collar = r.pick(['crew', 'shirt', 'blazer'] as const);
  const hw = r.range(96, 106);
  const jaw = r.range(0.72, 0.92);
  const eyeDx = r.range(42, 48);
  const browWidth = r.range(10, 12.5);
  const noseWidth = r.range(10, 15);
  const part = r.chance(0.5) ? 1 : -1;
  const feminine = /\+f\d|female|\+(annie|belinda|grandma|linda|anika)/i.test(voice);
  return {
    skin: isColour(look.skin) ? norm(look.skin) : skin,
    hair: isColour(look.hair) ? norm(look.hair) : hair,
    hairStyle: look.hairStyle && (HAIR_STYLES as readonly string[]).includes(look.hairStyle) ? look.hairStyle : hairStyle,
    shirt: isColour(look.shirt) ? norm(look.shirt) : shirt,
    glasses: typeof look.glasses === 'boolean' ? look.glasses : glasses,
    eye,
    frame,
    collar,
    hw: feminine ? hw - 4 : hw,
    jaw: feminine ? jaw - 0.06 : jaw,
    eyeDx,
    browWidth: feminine ? browWidth - 1.5 : browWidth,
    noseWidth: feminine ? noseWidth - 2 : noseWidth,
    part,
    lashes: feminine,
  };
}

function norm(c: string): string {
  const h = c.trim().replace(/^#/, '').toLowerCase();
  return `#${h.length === 3 ? [...h].map((x) => x + x).join('') : h}`;
}

// ------------------------------------------------------------------------------------ expressions

interface BrowPose {
  inner: number; // vertical offset of the inner end (+ = down)
  outer: number;
  arch: number; // how far the middle bows up
  pinch?: number; // inner ends move towards the centre
}

interface EyePose {
  up: number; // upper lid height above the corners
  down: number; // lower lid depth
  tiltIn: number; // inner corner offset (+ = down): angry lids slope down to the nose
  iris: number;
  pupil: number;
  gazeX: number;
  gazeY: number;
  closed?: boolean; // happy closed arcs
}

interface Expression {
  browL: BrowPose;
  browR: BrowPose;
  browBoost: number; // extra brow thickness
  eye: EyePose;
  mouth: Emotion;
  cheek: { colour: string; opacity: number };
  flush: number; // red over the whole face, 0..1
  tilt: number; // head tilt in degrees
  drop: number; // head moves down (shoulders up)
}

const EXPRESSIONS: Record<Emotion, Expression> = {
  calm: {
    browL: { inner: 0, outer: 2, arch: 6 },
    browR: { inner: 0, outer: 2, arch: 6 },
    browBoost: 0,
    eye: { up: 12.5, down: 9.5, tiltIn: 0, iris: 13, pupil: 6.3, gazeX: 0, gazeY: 0 },
    mouth: 'calm',
    cheek: { colour: '#e8836f', opacity: 0.16 },
    flush: 0,
    tilt: 0,
    drop: 0,
  },
  worried: {
    browL: { inner: -15, outer: 5, arch: 3 },
    browR: { inner: -15, outer: 5, arch: 3 },
    browBoost: 0,
    eye: { up: 16, down: 12, tiltIn: -4, iris: 12, pupil: 5.6, gazeX: -3, gazeY: -2 },
    mouth: 'worried',
    cheek: { colour: '#e8836f', opacity: 0.06 },
    flush: 0,
    tilt: -3,
    drop: 4,
  },
  annoyed: {
    browL: { inner: 7, outer: 5, arch: 1 },
    browR: { inner: -7, outer: -11, arch: 9 },
    browBoost: 0,
    eye: { up: 5, down: 9.5, tiltIn: 1, iris: 13, pupil: 6.3, gazeX: 6, gazeY: 2 },
    mouth: 'annoyed',
    cheek: { colour: '#e2725b', opacity: 0.22 },
    flush: 0,
    tilt: 2,
    drop: 0,
  },
  angry: {
    browL: { inner: 14, outer: -5, arch: -1, pinch: 5 },
    browR: { inner: 14, outer: -5, arch: -1, pinch: 5 },
    browBoost: 1.5,
    eye: { up: 10, down: 9, tiltIn: 8, iris: 12.5, pupil: 6, gazeX: 0, gazeY: 2 },
    mouth: 'angry',
    cheek: { colour: '#d9472f', opacity: 0.38 },
    flush: 0.12,
    tilt: 0,
    drop: 2,
  },
  furious: {
    browL: { inner: 19, outer: -11, arch: -3, pinch: 8 },
    browR: { inner: 19, outer: -11, arch: -3, pinch: 8 },
    browBoost: 3,
    eye: { up: 15, down: 12, tiltIn: 11, iris: 10, pupil: 4, gazeX: 0, gazeY: 0 },
    mouth: 'furious',
    cheek: { colour: '#d8322a', opacity: 0.5 },
    flush: 0.34,
    tilt: 0,
    drop: -2,
  },
  relieved: {
    browL: { inner: -6, outer: 1, arch: 8 },
    browR: { inner: -6, outer: 1, arch: 8 },
    browBoost: 0,
    eye: { up: 0, down: 0, tiltIn: 0, iris: 0, pupil: 0, gazeX: 0, gazeY: 0, closed: true },
    mouth: 'relieved',
    cheek: { colour: '#ef7f7f', opacity: 0.36 },
    flush: 0,
    tilt: 4,
    drop: 0,
  },
};

// ------------------------------------------------------------------------------------ geometry

interface Frame {
  c: Character;
  T: number; // top of the skull
  chin: number;
  eyeY: number;
  browY: number;
  noseY: number;
  mouthY: number;
  seed: string;
  id: (name: string) => string;
}

function facePath({ c, T, chin }: Frame): string {
  const hw = c.hw;
  const wide = T + 112;
  const side = (s: 1 | -1) => [
    [CX + s * hw, wide],
    [CX + s * hw, wide + 62],
    [CX + s * hw * c.jaw, chin - 34],
    [CX + s * hw * 0.46, chin - 10],
    [CX + s * hw * 0.24, chin + 1],
    [CX + s * hw * 0.1, chin],
  ];
  const R = side(1);
  const L = side(-1);
  const p = (pt: number[]) => `${n(pt[0])} ${n(pt[1])}`;
  return [
    `M${CX} ${T}`,
    `C${n(CX + hw * 0.62)} ${T} ${n(CX + hw)} ${n(T + 48)} ${p(R[0])}`,
    `C${p(R[1])} ${p(R[2])} ${p(R[3])}`,
    `C${p(R[4])} ${p(R[5])} ${CX} ${n(chin)}`,
    `C${p(L[5])} ${p(L[4])} ${p(L[3])}`,
    `C${p(L[2])} ${p(L[1])} ${p(L[0])}`,
    `C${n(CX - hw)} ${n(T + 48)} ${n(CX - hw * 0.62)} ${T} ${CX} ${T}Z`,
  ].join('');
}

const outline = `stroke="${INK}" stroke-width="${LINE}" stroke-linejoin="round" stroke-linecap="round"`;

/** Shapes drawn as one silhouette: outlines first (double width), fills on top, so overlaps merge. */
function union(shapes: string[], fill: string, extra = ''): string {
  const s = shapes.join('');
  return `<g fill="${INK}" stroke="${INK}" stroke-width="${LINE * 2}" stroke-linejoin="round">${s}</g><g fill="${fill}"${extra}>${s}</g>`;
}

function P(d: string): string {
  return `<path d="${d}"/>`;
}

// ------------------------------------------------------------------------------------ hair

interface HairParts {
  back: string; // behind the body
  behindHead: string; // behind the face, in front of the body
  front: string; // over the face
  shadow: string; // a path for the soft shadow the hair casts on the forehead
}

function hair(f: Frame): HairParts {
  const { c, T } = f;
  const hw = c.hw;
  const col = c.hair;
  const dark = shade(col, 0.35);
  const light = luminance(col) < 0.04 ? mix(col, '#8aa0b8', 0.3) : tint(col, 0.35);
  const mirror = c.part === -1 ? ` transform="translate(${CX * 2} 0) scale(-1 1)"` : '';
  const strands = (ds: string[], colour = light, w = 3) =>
    `<g fill="none" stroke="${colour}" stroke-width="${w}" stroke-linecap="round" opacity="0.7">${ds.map(P).join('')}</g>`;

  switch (c.hairStyle) {
    case 'short': {
      const d =
        `M${n(CX - hw + 8)} 214L${n(CX - hw - 3)} 198C${n(CX - hw - 8)} 150 ${n(CX - hw - 4)} ${n(T + 24)} ${n(CX - hw * 0.5)} ${n(T - 6)}` +
        `C${n(CX - hw * 0.15)} ${n(T - 24)} ${n(CX + hw * 0.45)} ${n(T - 24)} ${n(CX + hw * 0.8)} ${n(T + 4)}` +
        `C${n(CX + hw + 8)} ${n(T + 30)} ${n(CX + hw + 8)} 150 ${n(CX + hw + 3)} 198L${n(CX + hw - 8)} 214` +
        `C${n(CX + hw - 8)} 186 ${n(CX + hw - 10)} 160 ${n(CX + hw - 18)} ${n(T + 70)}` +
        `Q${n(CX + hw * 0.55)} ${n(T + 56)} ${n(CX + hw * 0.36)} ${n(T + 62)}` +
        `Q${n(CX + hw * 0.22)} ${n(T + 44)} ${n(CX)} ${n(T + 48)}` +
        `Q${n(CX - hw * 0.14)} ${n(T + 36)} ${n(CX - hw * 0.32)} ${n(T + 36)}` +
        `C${n(CX - hw * 0.58)} ${n(T + 40)} ${n(CX - hw + 14)} ${n(T + 56)} ${n(CX - hw + 12)} ${n(T + 80)}` +
        `C${n(CX - hw + 8)} 160 ${n(CX - hw + 9)} 190 ${n(CX - hw + 8)} 214Z`;
      const front =
        `<g${mirror}>${union([P(d)], col)}` +
        strands([
          `M${n(CX - hw * 0.3)} ${n(T + 30)}C${n(CX - hw * 0.38)} ${n(T + 10)} ${n(CX - hw * 0.42)} ${n(T)} ${n(CX - hw * 0.46)} ${n(T - 4)}`,
          `M${n(CX - hw * 0.1)} ${n(T + 30)}C${n(CX + hw * 0.25)} ${n(T + 20)} ${n(CX + hw * 0.55)} ${n(T + 26)} ${n(CX + hw * 0.78)} ${n(T + 46)}`,
          `M${n(CX - hw * 0.15)} ${n(T + 2)}C${n(CX + hw * 0.2)} ${n(T - 6)} ${n(CX + hw * 0.5)} ${n(T)} ${n(CX + hw * 0.7)} ${n(T + 16)}`,
        ]) +
        `</g>`;
      return { back: '', behindHead: '', front, shadow: `<g${mirror}>${P(d)}</g>` };
    }
    case 'long': {
      const back = union(
        [
          P(
            `M${n(CX - hw - 20)} 180C${n(CX - hw - 26)} 90 ${n(CX - hw * 0.5)} ${n(T - 18)} ${CX} ${n(T - 18)}` +
              `C${n(CX + hw * 0.5)} ${n(T - 18)} ${n(CX + hw + 26)} 90 ${n(CX + hw + 20)} 180` +
              `C${n(CX + hw + 16)} 260 ${n(CX + hw + 34)} 330 ${n(CX + hw + 30)} 410L${n(CX - hw - 30)} 410` +
              `C${n(CX - hw - 34)} 330 ${n(CX - hw - 16)} 260 ${n(CX - hw - 20)} 180Z`,
          ),
        ],
        dark,
      );
      const top =
        `M${n(CX - hw - 14)} 236C${n(CX - hw - 22)} 130 ${n(CX - hw * 0.6)} ${n(T - 16)} ${CX + 6} ${n(T - 16)}` +
        `C${n(CX + hw * 0.6)} ${n(T - 16)} ${n(CX + hw + 22)} 130 ${n(CX + hw + 14)} 236` +
        `L${n(CX + hw - 7)} 236C${n(CX + hw - 5)} 180 ${n(CX + hw - 12)} ${n(T + 76)} ${n(CX + hw - 30)} ${n(T + 62)}` +
        `C${n(CX + hw * 0.4)} ${n(T + 50)} ${CX + 16} ${n(T + 40)} ${CX + 6} ${n(T + 24)}` +
        `C${CX - 4} ${n(T + 42)} ${n(CX - hw * 0.42)} ${n(T + 54)} ${n(CX - hw + 28)} ${n(T + 64)}` +
        `C${n(CX - hw + 12)} ${n(T + 76)} ${n(CX - hw + 5)} 180 ${n(CX - hw + 7)} 236Z`;
      const lock = (s: 1 | -1) =>
        P(
          `M${n(CX + s * (hw - 7))} 200C${n(CX + s * (hw - 4))} 260 ${n(CX + s * (hw + 2))} 320 ${n(CX + s * (hw + 4))} 396` +
            `Q${n(CX + s * (hw + 16))} 410 ${n(CX + s * (hw + 34))} 392C${n(CX + s * (hw + 30))} 300 ${n(CX + s * (hw + 24))} 220 ${n(CX + s * (hw + 14))} 150Z`,
        );
      const front =
        `<g${mirror}>${union([P(top), lock(1), lock(-1)], col)}` +
        strands([
          `M${CX + 4} ${n(T + 18)}C${n(CX - hw * 0.3)} ${n(T + 4)} ${n(CX - hw * 0.7)} ${n(T + 30)} ${n(CX - hw - 4)} 170`,
          `M${CX + 10} ${n(T + 16)}C${n(CX + hw * 0.35)} ${n(T + 6)} ${n(CX + hw * 0.72)} ${n(T + 32)} ${n(CX + hw + 6)} 180`,
          `M${n(CX - hw - 12)} 250C${n(CX - hw - 10)} 300 ${n(CX - hw - 14)} 340 ${n(CX - hw - 18)} 380`,
          `M${n(CX + hw + 14)} 250C${n(CX + hw + 12)} 300 ${n(CX + hw + 16)} 340 ${n(CX + hw + 20)} 380`,
        ]) +
        `</g>`;
      return { back, behindHead: '', front, shadow: `<g${mirror}>${P(top)}</g>` };
    }
    case 'bun': {
      const bun = `<circle cx="${CX}" cy="${n(T - 22)}" r="36"/>`;
      const cap =
        `M${n(CX - hw - 3)} 212C${n(CX - hw - 10)} 140 ${n(CX - hw * 0.7)} ${n(T - 12)} ${CX} ${n(T - 12)}` +
        `C${n(CX + hw * 0.7)} ${n(T - 12)} ${n(CX + hw + 10)} 140 ${n(CX + hw + 3)} 212` +
        `L${n(CX + hw - 8)} 212C${n(CX + hw - 8)} 180 ${n(CX + hw - 10)} 150 ${n(CX + hw - 18)} ${n(T + 62)}` +
        `C${n(CX + hw * 0.45)} ${n(T + 36)} ${n(CX - hw * 0.45)} ${n(T + 36)} ${n(CX - hw + 18)} ${n(T + 62)}` +
        `C${n(CX - hw + 10)} 150 ${n(CX - hw + 8)} 180 ${n(CX - hw + 8)} 212Z`;
      const behindHead = union([bun], col) + strands([`M${CX - 20} ${n(T - 36)}C${CX - 6} ${n(T - 50)} ${CX + 14} ${n(T - 46)} ${CX + 22} ${n(T - 30)}`, `M${CX - 14} ${n(T - 18)}C${CX} ${n(T - 30)} ${CX + 12} ${n(T - 24)} ${CX + 16} ${n(T - 12)}`], dark, 3);
      const front =
        `<g${mirror}>${union([P(cap)], col)}` +
        `<path d="M${CX - 30} ${n(T - 8)}Q${CX} ${n(T - 2)} ${CX + 30} ${n(T - 8)}" fill="none" stroke="${shade(PALETTE.coral, 0.2)}" stroke-width="5" stroke-linecap="round"/>` +
        strands([
          `M${n(CX - hw * 0.55)} ${n(T + 40)}C${n(CX - hw * 0.45)} ${n(T + 10)} ${CX - 20} ${n(T)} ${CX - 8} ${n(T - 2)}`,
          `M${n(CX + hw * 0.55)} ${n(T + 40)}C${n(CX + hw * 0.45)} ${n(T + 10)} ${CX + 20} ${n(T)} ${CX + 8} ${n(T - 2)}`,
          `M${n(CX - hw + 20)} 150C${n(CX - hw + 10)} 120 ${n(CX - hw * 0.6)} ${n(T + 10)} ${n(CX - hw * 0.4)} ${n(T)}`,
        ]) +
        `</g>`;
      return { back: '', behindHead, front, shadow: `<g${mirror}>${P(cap)}</g>` };
    }
    case 'bald': {
      const side = (s: 1 | -1) =>
        P(
          `M${n(CX + s * (hw - 12))} 160C${n(CX + s * (hw + 6))} 166 ${n(CX + s * (hw + 9))} 220 ${n(CX + s * (hw + 2))} 246` +
            `L${n(CX + s * (hw - 30))} 240L${n(CX + s * (hw - 30))} 160Z`,
        );
      return { back: '', behindHead: union([side(1), side(-1)], col), front: '', shadow: '' };
    }
    case 'curly': {
      const r = rng(`curls:${f.seed}`);
      const cy = T + 100;
      const cloud: string[] = [`<ellipse cx="${CX}" cy="${n(cy)}" rx="${n(hw + 8)}" ry="106"/>`];
      const count = 13;
      for (let i = 0; i < count; i++) {
        const a = ((168 + (i * (372 - 168)) / (count - 1)) * Math.PI) / 180;
        const rr = 28 + r() * 8;
        cloud.push(`<circle cx="${n(CX + (hw + 10) * Math.cos(a))}" cy="${n(cy + 112 * Math.sin(a))}" r="${n(rr)}"/>`);
      }
      // The fringe: a cap whose lower edge runs through a row of curls. It is clipped to the cloud, so
      // only the curls' lower edges draw an outline over the forehead.
      const k = 7;
      const row: [number, number, number][] = [];
      for (let i = 0; i < k; i++) {
        const t = i / (k - 1);
        row.push([CX - hw + 16 + t * (2 * hw - 32), T + 28 + 34 * (2 * t - 1) ** 2 + (i % 2) * 4, 17 + r() * 4]);
      }
      const cap =
        `M${n(CX - hw - 60)} 262L${n(CX - hw - 1)} 262L${n(CX - hw + 1)} 200` +
        row.map(([x, y]) => `L${n(x)} ${n(y)}`).join('') +
        `L${n(CX + hw - 1)} 200L${n(CX + hw + 1)} 262L${n(CX + hw + 60)} 262L${n(CX + hw + 60)} 0L${n(CX - hw - 60)} 0Z`;
      const clip = f.id('curls');
      const curls = row.filter((_, i) => i % 2 === 1).map(([x, y]) => `M${n(x - 7)} ${n(y + 2)}a8 8 0 1 1 10 6`);
      const texture = [200, 240, 300, 340].map((deg) => {
        const a = (deg * Math.PI) / 180;
        const x = CX + (hw + 4) * Math.cos(a);
        const y = cy + 100 * Math.sin(a);
        return `M${n(x - 6)} ${n(y + 3)}a7 7 0 1 1 9 5`;
      });
      return {
        back: '',
        behindHead: union(cloud, col),
        front:
          `<clipPath id="${clip}">${cloud.join('')}</clipPath><g clip-path="url(#${clip})">` +
          union([P(cap), ...row.map(([x, y, rr]) => `<circle cx="${n(x)}" cy="${n(y)}" r="${n(rr)}"/>`)], col) +
          `</g>` +
          strands([...curls, ...texture], luminance(col) < 0.04 ? light : dark, 3),
        shadow: `<g>${P(cap)}${row.map(([x, y, rr]) => `<circle cx="${n(x)}" cy="${n(y)}" r="${n(rr)}"/>`).join('')}</g>`,
      };
    }
  }
}

// ------------------------------------------------------------------------------------ body

function body(f: Frame): string {
  const { c } = f;
  const s = c.shirt;
  const sd = shade(s, 0.28);
  const neckTop = f.chin - 60;
  const skinNeck = shade(c.skin, 0.1);
  const id = f.id;
  const neck = `M${CX - 38} ${n(neckTop)}L${CX - 41} 372Q${CX} 392 ${CX + 41} 372L${CX + 38} ${n(neckTop)}Z`;
  const shoulders = (neckline: string) =>
    `M4 480C8 428 36 398 100 386C136 379 156 370 164 356${neckline}C244 370 264 379 300 386C364 398 392 428 396 480Z`;
  let torso: string;
  let details: string;
  if (c.collar === 'crew') {
    torso = shoulders(`Q${CX} 400 236 356`);
    details = `<path d="M166 360Q${CX} 404 234 360" fill="none" stroke="${sd}" stroke-width="9" stroke-linecap="round"/><path d="M164 356Q${CX} 400 236 356" fill="none" ${outline}/>`;
  } else if (c.collar === 'shirt') {
    torso = shoulders(`L${CX} 416L236 356`);
    const flap = (k: 1 | -1) =>
      `<path d="M${CX + k * 36} 350L${CX + k * 50} 398L${CX + k * 6} 410L${CX} 414Z" fill="${tint(s, 0.18)}" ${outline}/>`;
    details =
      `<path d="M${CX} 414L${CX} 480" fill="none" stroke="${sd}" stroke-width="3"/>` +
      flap(-1) +
      flap(1) +
      `<circle cx="${CX + 7}" cy="440" r="3.5" fill="${tint(s, 0.5)}"/><circle cx="${CX + 7}" cy="468" r="3.5" fill="${tint(s, 0.5)}"/>`;
  } else {
    torso = shoulders(`L236 356`);
    const inner = PALETTE.cream;
    details =
      `<path d="M164 356L${CX} 470L236 356Z" fill="${inner}" ${outline}/>` +
      `<path d="M176 360Q${CX} 392 224 360" fill="none" stroke="${shade(inner, 0.18)}" stroke-width="6" stroke-linecap="round"/>` +
      `<path d="M164 354L146 392L166 404L156 420L${CX - 4} 480L${CX - 26} 480L150 430L136 388Z" fill="${sd}" ${outline}/>` +
      `<path d="M236 354L254 392L234 404L244 420L${CX + 4} 480L${CX + 26} 480L250 430L264 388Z" fill="${sd}" ${outline}/>`;
  }
  return (
    `<clipPath id="${id('neck')}"><path d="${neck}"/></clipPath>` +
    `<clipPath id="${id('torso')}"><path d="${torso}"/></clipPath>` +
    `<path d="${neck}" fill="${skinNeck}" ${outline}/>` +
    `<g clip-path="url(#${id('neck')})"><path d="M${CX - 40} ${n(neckTop)}L${CX - 40} ${n(f.chin - 10)}Q${CX} ${n(f.chin + 34)} ${CX + 40} ${n(f.chin - 10)}L${CX + 40} ${n(neckTop)}Z" fill="${shade(c.skin, 0.32)}"/></g>` +
    `<path d="${torso}" fill="${s}" ${outline}/>` +
    `<g clip-path="url(#${id('torso')})">` +
    `<path d="M310 380C360 396 386 430 396 480L340 480C340 440 326 404 296 388Z" fill="${sd}" opacity="0.55"/>` +
    `<path d="M90 388C56 400 30 430 22 480L42 480C48 440 66 410 100 394Z" fill="${tint(s, 0.2)}" opacity="0.6"/>` +
    `</g>` +
    details
  );
}

// ------------------------------------------------------------------------------------ face

function ear(f: Frame, s: 1 | -1): string {
  const { c } = f;
  const x = CX + s * (c.hw - 2);
  const y = f.eyeY + 14;
  return (
    `<path d="M${n(x)} ${n(y - 20)}C${n(x + s * 22)} ${n(y - 32)} ${n(x + s * 28)} ${n(y + 12)} ${n(x + s * 4)} ${n(y + 26)}Z" fill="${c.skin}" ${outline}/>` +
    `<path d="M${n(x + s * 4)} ${n(y - 12)}C${n(x + s * 16)} ${n(y - 16)} ${n(x + s * 18)} ${n(y + 6)} ${n(x + s * 6)} ${n(y + 12)}" fill="none" stroke="${shade(c.skin, 0.35)}" stroke-width="4" stroke-linecap="round"/>`
  );
}

/** Brows follow natural hair colours, darker when the hair is light; dyed hair keeps dark brows. */
function browColour(c: Character): string {
  const [h, sat, l] = hsl(c.hair);
  const natural = sat < 0.25 || (h <= 50 && sat < 0.75) || h >= 345;
  if (!natural) return mix('#2e2018', shade(c.skin, 0.6), 0.3);
  if (l > 0.5) return mix(shade(c.hair, 0.6), shade(c.skin, 0.55), 0.35);
  if (luminance(c.hair) > 0.12) return shade(c.hair, 0.4);
  return shade(c.hair, 0.1);
}

function brow(f: Frame, s: 1 | -1, pose: BrowPose, boost: number): string {
  const { c } = f;
  const colour = browColour(c);
  const lift = c.glasses ? -6 : 0;
  const xi = CX + s * (c.eyeDx - 20 - (pose.pinch ?? 0));
  const xo = CX + s * (c.eyeDx + 24);
  const yi = f.browY + pose.inner + lift;
  const yo = f.browY + pose.outer + lift;
  const mx = (xi + xo) / 2;
  const my = (yi + yo) / 2 - pose.arch * 2;
  return `<path d="M${n(xi)} ${n(yi)}Q${n(mx)} ${n(my)} ${n(xo)} ${n(yo)}" fill="none" stroke="${colour}" stroke-width="${n(c.browWidth + boost + (luminance(c.skin) < 0.08 ? 1.5 : 0))}" stroke-linecap="round"/>`;
}

function eye(f: Frame, s: 1 | -1, pose: EyePose): string {
  const { c } = f;
  const ex = CX + s * c.eyeDx;
  const ey = f.eyeY;
  const w = 20;
  const xi = ex - s * w; // inner corner (towards the nose)
  const xo = ex + s * w;
  if (pose.closed) {
    return (
      `<path d="M${n(xi)} ${n(ey + 3)}Q${n(ex)} ${n(ey - 13)} ${n(xo)} ${n(ey + 3)}" fill="none" stroke="${INK}" stroke-width="5" stroke-linecap="round"/>` +
      (c.lashes ? `<path d="M${n(xo - s * 1)} ${n(ey + 1)}l${n(s * 7)} -3" stroke="${INK}" stroke-width="4" stroke-linecap="round"/>` : '')
    );
  }
  const yi = ey + pose.tiltIn;
  const yo = ey;
  const upper = `M${n(xi)} ${n(yi)}Q${n(ex)} ${n(ey - pose.up * 2)} ${n(xo)} ${n(yo)}`;
  const shape = `${upper}Q${n(ex)} ${n(ey + pose.down * 2)} ${n(xi)} ${n(yi)}Z`;
  const cid = f.id(`eye${s}`);
  const ix = ex + pose.gazeX;
  const iy = ey + pose.gazeY + 1;
  return (
    `<clipPath id="${cid}"><path d="${shape}"/></clipPath>` +
    `<path d="${shape}" fill="#fbf7f0"/>` +
    `<g clip-path="url(#${cid})">` +
    `<circle cx="${n(ix)}" cy="${n(iy)}" r="${n(pose.iris)}" fill="${c.eye}"/>` +
    `<circle cx="${n(ix)}" cy="${n(iy)}" r="${n(pose.pupil)}" fill="#1a1418"/>` +
    `<circle cx="${n(ix - 4)}" cy="${n(iy - 4)}" r="3" fill="#ffffff"/>` +
    `<path d="${upper}L${n(xo)} ${n(ey - 30)}L${n(xi)} ${n(ey - 30)}Z" fill="#000" opacity="0.08" transform="translate(0 3)"/>` +
    `</g>` +
    `<path d="M${n(xi)} ${n(yi)}Q${n(ex)} ${n(ey + pose.down * 2)} ${n(xo)} ${n(yo)}" fill="none" stroke="${INK}" stroke-width="2.5" stroke-linecap="round" opacity="0.45"/>` +
    `<path d="${upper}" fill="none" stroke="${INK}" stroke-width="5" stroke-linecap="round"/>` +
    (c.lashes ? `<path d="M${n(xo - s * 1)} ${n(yo - 1)}l${n(s * 7)} -5" stroke="${INK}" stroke-width="4" stroke-linecap="round"/>` : '')
  );
}

function nose(f: Frame): string {
  const { c, noseY } = f;
  const w = c.noseWidth;
  const col = shade(c.skin, 0.38);
  return (
    `<path d="M${CX - 3} ${n(f.eyeY + 14)}Q${n(CX - w + 2)} ${n(noseY - 14)} ${n(CX - w)} ${n(noseY - 2)}Q${n(CX - w + 4)} ${n(noseY + 6)} ${CX} ${n(noseY + 4)}Q${n(CX + w - 2)} ${n(noseY + 6)} ${n(CX + w)} ${n(noseY - 2)}" fill="none" stroke="${col}" stroke-width="4" stroke-linecap="round" stroke-linejoin="round"/>` +
    `<ellipse cx="${CX + 3}" cy="${n(noseY - 8)}" rx="5" ry="4" fill="#fff" opacity="0.18"/>`
  );
}

function mouth(f: Frame, kind: Emotion): string {
  return `<g transform="translate(${CX} ${n(f.mouthY)}) scale(1.18) translate(${-CX} ${n(-f.mouthY)})">${mouthShape(f, kind)}</g>`;
}

function mouthShape(f: Frame, kind: Emotion): string {
  const { c, mouthY: y } = f;
  const lipShade = shade(c.skin, 0.3);
  const inside = '#5b2030';
  const teeth = '#fffaf2';
  const stroke = (d: string, w = 5) => `<path d="${d}" fill="none" stroke="${INK}" stroke-width="${w}" stroke-linecap="round" stroke-linejoin="round"/>`;
  const lowerLip = (dx = 0, dy = 0) => `<path d="M${CX - 9 + dx} ${n(y + 11 + dy)}Q${CX + dx} ${n(y + 15 + dy)} ${CX + 9 + dx} ${n(y + 11 + dy)}" fill="none" stroke="${lipShade}" stroke-width="4" stroke-linecap="round"/>`;
  switch (kind) {
    case 'calm':
      return stroke(`M${CX - 22} ${n(y)}Q${CX} ${n(y + 7)} ${CX + 22} ${n(y - 1)}`) + lowerLip();
    case 'worried': {
      const d = `M${CX - 19} ${n(y + 6)}Q${CX - 2} ${n(y - 8)} ${CX + 19} ${n(y + 5)}Q${CX} ${n(y + 12)} ${CX - 19} ${n(y + 6)}Z`;
      return `<path d="${d}" fill="${inside}" ${outline}/>` + stroke(`M${CX - 24} ${n(y + 9)}l5 -3`, 4) + stroke(`M${CX + 24} ${n(y + 8)}l-5 -3`, 4);
    }
    case 'annoyed':
      return stroke(`M${CX - 20} ${n(y + 2)}L${CX + 14} ${n(y - 1)}Q${CX + 22} ${n(y - 2)} ${CX + 25} ${n(y + 4)}`) + lowerLip(3, -2);
    case 'angry':
      return stroke(`M${CX - 26} ${n(y + 9)}Q${CX} ${n(y - 9)} ${CX + 26} ${n(y + 9)}`, 6) + lowerLip(0, 1);
    case 'furious': {
      const top = y - 8;
      const bot = y + 18;
      const d = `M${CX - 32} ${n(top + 6)}Q${CX} ${n(top - 6)} ${CX + 32} ${n(top + 6)}L${CX + 28} ${n(bot)}Q${CX} ${n(bot + 4)} ${CX - 28} ${n(bot)}Z`;
      const cid = f.id('mouth');
      const gaps = [-18, -6, 6, 18].map((x) => `M${CX + x} ${n(top - 4)}L${CX + x} ${n(top + 9)}M${CX + x} ${n(bot - 8)}L${CX + x} ${n(bot + 4)}`).join('');
      return (
        `<clipPath id="${cid}"><path d="${d}"/></clipPath>` +
        `<path d="${d}" fill="${inside}"/>` +
        `<g clip-path="url(#${cid})">` +
        `<path d="M${CX - 40} ${n(top - 10)}L${CX + 40} ${n(top - 10)}L${CX + 40} ${n(top + 9)}Q${CX} ${n(top + 5)} ${CX - 40} ${n(top + 9)}Z" fill="${teeth}"/>` +
        `<path d="M${CX - 40} ${n(bot + 10)}L${CX + 40} ${n(bot + 10)}L${CX + 40} ${n(bot - 8)}Q${CX} ${n(bot - 6)} ${CX - 40} ${n(bot - 8)}Z" fill="${teeth}"/>` +
        `<path d="${gaps}" stroke="${shade(teeth, 0.25)}" stroke-width="2"/>` +
        `</g>` +
        `<path d="${d}" fill="none" ${outline}/>`
      );
    }
    case 'relieved':
      return (
        stroke(`M${CX - 28} ${n(y - 5)}Q${CX} ${n(y + 19)} ${CX + 28} ${n(y - 5)}`) +
        stroke(`M${CX - 31} ${n(y - 9)}Q${CX - 29} ${n(y - 4)} ${CX - 25} ${n(y - 3)}`, 3.5) +
        stroke(`M${CX + 31} ${n(y - 9)}Q${CX + 29} ${n(y - 4)} ${CX + 25} ${n(y - 3)}`, 3.5)
      );
  }
}

function extras(f: Frame, emotion: Emotion): { face: string; around: string } {
  const { c } = f;
  const crease = shade(c.skin, 0.4);
  const line = (d: string, col = crease, w = 3.5) => `<path d="${d}" fill="none" stroke="${col}" stroke-width="${w}" stroke-linecap="round"/>`;
  const by = f.browY + (c.glasses ? -6 : 0);
  switch (emotion) {
    case 'worried':
      return {
        face:
          line(`M${CX - 16} ${n(by - 26)}Q${CX} ${n(by - 32)} ${CX + 16} ${n(by - 26)}`) +
          line(`M${CX - 10} ${n(by - 16)}Q${CX} ${n(by - 20)} ${CX + 10} ${n(by - 16)}`),
        around: (() => {
          const x = CX + c.hw + (c.hairStyle === 'curly' || c.hairStyle === 'long' ? 44 : 24);
          const y = f.browY - 6;
          return (
            `<path d="M${n(x)} ${n(y - 18)}C${n(x + 6)} ${n(y - 6)} ${n(x + 11)} ${n(y)} ${n(x + 11)} ${n(y + 6)}A11 11 0 0 1 ${n(x - 11)} ${n(y + 6)}C${n(x - 11)} ${n(y)} ${n(x - 6)} ${n(y - 6)} ${n(x)} ${n(y - 18)}Z" fill="#cfe8f3" ${outline}/>` +
            `<path d="M${n(x - 5)} ${n(y + 2)}Q${n(x - 5)} ${n(y + 9)} ${n(x + 1)} ${n(y + 11)}" fill="none" stroke="#fff" stroke-width="3" stroke-linecap="round"/>`
          );
        })(),
      };
    case 'angry':
      return { face: line(`M${CX - 5} ${n(by + 4)}l-2 -12M${CX + 5} ${n(by + 4)}l2 -12`), around: '' };
    case 'furious': {
      const shake = (s: 1 | -1) => {
        const x = CX + s * (c.hw + (c.hairStyle === 'curly' || c.hairStyle === 'long' ? 62 : 40));
        return [-48, -10, 28]
          .map((dy, i) => {
            const y = f.eyeY + dy;
            const len = i === 1 ? 26 : 18;
            return `<path d="M${n(x)} ${n(y - len / 2)}Q${n(x + s * 9)} ${n(y)} ${n(x)} ${n(y + len / 2)}" fill="none" stroke="${PALETTE.coral}" stroke-width="5" stroke-linecap="round"/>` +
              `<path d="M${n(x + s * 12)} ${n(y - len / 2 + 3)}Q${n(x + s * 19)} ${n(y)} ${n(x + s * 12)} ${n(y + len / 2 - 3)}" fill="none" stroke="${PALETTE.coral}" stroke-width="4" stroke-linecap="round" opacity="0.6"/>`;
          })
          .join('');
      };
      return {
        face: line(`M${CX - 6} ${n(by + 8)}l-3 -16M${CX + 6} ${n(by + 8)}l3 -16M${CX} ${n(by + 6)}l0 -12`, crease, 3.5),
        around: shake(1) + shake(-1),
      };
    }
    case 'relieved':
      return {
        face: [1, -1]
          .map((s) => {
            const x = CX + s * (c.eyeDx + 12);
            const y = f.eyeY + 42;
            return line(`M${n(x - 7)} ${n(y + 3)}l4 -6M${n(x + 1)} ${n(y + 3)}l4 -6`, '#fff', 2.5);
          })
          .join(''),
        around: '',
      };
    default:
      return { face: '', around: '' };
  }
}

function glasses(f: Frame): string {
  const { c } = f;
  const y = f.eyeY;
  const lens = (s: 1 | -1) => {
    const x = CX + s * c.eyeDx;
    return (
      `<rect x="${n(x - 31)}" y="${n(y - 23)}" width="62" height="46" rx="16" fill="#e8f2f6" fill-opacity="0.18" stroke="${c.frame}" stroke-width="5"/>` +
      `<path d="M${n(x - 16)} ${n(y + 12)}l16 -24" stroke="#fff" stroke-width="3" stroke-linecap="round" opacity="0.45"/>` +
      `<path d="M${n(x + s * 31)} ${n(y - 8)}L${n(CX + s * (c.hw + 2))} ${n(y - 4)}" stroke="${c.frame}" stroke-width="5" stroke-linecap="round"/>`
    );
  };
  const inner = c.eyeDx - 31;
  return lens(-1) + lens(1) + `<path d="M${n(CX - inner)} ${n(y - 4)}Q${CX} ${n(y - 12)} ${n(CX + inner)} ${n(y - 4)}" fill="none" stroke="${c.frame}" stroke-width="5" stroke-linecap="round"/>`;
}

// ------------------------------------------------------------------------------------ assembly

export function renderPortrait(seed: string, look: Look, emotion: Emotion, voice = ''): string {
  const c = character(seed, look, voice);
  const x = EXPRESSIONS[emotion];
  const T = 78;
  const f: Frame = {
    c,
    T,
    chin: 322,
    eyeY: 208,
    browY: 168,
    noseY: 250,
    mouthY: 284,
    seed,
    id: (name) => `${seed}-${emotion}-${name}`,
  };
  const h = hair(f);
  const face = facePath(f);
  const faceClip = f.id('face');
  const headTransform = `translate(0 ${n(x.drop)}) rotate(${n(x.tilt)} ${CX} 350)`;
  const flushId = f.id('flush');
  const flushOpacity = x.flush * (luminance(c.skin) < 0.15 ? 1.35 : 1);
  const ex = extras(f, emotion);
  const cheek = (s: 1 | -1) =>
    `<ellipse cx="${n(CX + s * (c.eyeDx + 12))}" cy="${n(f.eyeY + 44)}" rx="24" ry="13" fill="${x.cheek.colour}" opacity="${op(x.cheek.opacity)}"/>`;

  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${VIEWBOX}" width="400" height="480">`,
    `<title>${escapeXml(seed)}: ${emotion}</title>`,
    `<defs><clipPath id="${faceClip}"><path d="${face}"/></clipPath>`,
    `<linearGradient id="${flushId}" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#d8322a" stop-opacity="0.35"/><stop offset="0.45" stop-color="#d8322a" stop-opacity="1"/><stop offset="1" stop-color="#c42a24" stop-opacity="0.8"/></linearGradient></defs>`,
    `<g transform="${headTransform}">${h.back}</g>`,
    body(f),
    `<g transform="${headTransform}">`,
    h.behindHead,
    c.hairStyle === 'long' || c.hairStyle === 'curly' ? '' : ear(f, -1) + ear(f, 1),
    `<path d="${face}" fill="${c.skin}" ${outline}/>`,
    `<g clip-path="url(#${faceClip})">`,
    `<ellipse cx="${n(CX + c.hw * 1.02)}" cy="230" rx="${n(c.hw * 0.42)}" ry="170" fill="${shade(c.skin, 0.16)}"/>`,
    `<ellipse cx="${CX}" cy="${n(f.chin + 6)}" rx="${n(c.hw * 0.5)}" ry="20" fill="${shade(c.skin, 0.1)}"/>`,
    h.shadow ? `<g transform="translate(4 9)" fill="${shade(c.skin, 0.22)}">${h.shadow}</g>` : '',
    c.hairStyle === 'bald' ? `<ellipse cx="${CX - 26}" cy="${T + 30}" rx="34" ry="16" fill="#fff" opacity="0.22" transform="rotate(-18 ${CX - 26} ${T + 30})"/>` : '',
    x.flush ? `<rect x="0" y="${T}" width="400" height="${n(f.chin - T)}" fill="url(#${flushId})" opacity="${op(flushOpacity)}"/>` : '',
    `</g>`,
    cheek(-1),
    cheek(1),
    ex.face,
    eye(f, -1, x.eye),
    eye(f, 1, x.eye),
    nose(f),
    mouth(f, x.mouth),
    h.front,
    c.glasses ? glasses(f) : '',
    brow(f, -1, x.browL, x.browBoost),
    brow(f, 1, x.browR, x.browBoost),
    `</g>`,
    ex.around,
    `</svg>`,
  ];
  return parts.filter(Boolean).join('\n') + '\n';
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
