// A live preview of the customer's portrait from their `look` (skin, hair and its style, shirt,
// glasses), drawn as SVG in the game's style; the server draws the game's portraits from the same fields.
import { h } from 'preact';

export interface Look {
  skin?: string;
  hair?: string;
  hairStyle?: 'short' | 'long' | 'bun' | 'bald' | 'curly';
  shirt?: string;
  glasses?: boolean;
}

const INK = '#2d2430';
const colour = (v: unknown, fallback: string) => (typeof v === 'string' && /^#[0-9a-f]{3,8}$/i.test(v) ? v : fallback);

export function Portrait({ look, name }: { look: Look | undefined; name: string }) {
  const skin = colour(look?.skin, '#dca57f');
  const hair = colour(look?.hair, '#3b2a20');
  const shirt = colour(look?.shirt, '#3b5b8c');
  const style = look?.hairStyle ?? 'short';
  const hairBack =
    style === 'long' ? h('path', { d: 'M38 70 Q36 30 80 28 Q124 30 122 70 L126 128 L34 128 Z', fill: hair }) : style === 'curly' ? h('g', { fill: hair }, [44, 60, 80, 100, 116].map((x) => h('circle', { cx: x, cy: 44, r: 16 }))) : null;
  const hairTop =
    style === 'bald'
      ? null
      : style === 'bun'
        ? h('g', { fill: hair }, h('circle', { cx: 80, cy: 22, r: 13 }), h('path', { d: 'M44 66 Q44 32 80 32 Q116 32 116 66 Q100 46 80 46 Q60 46 44 66 Z' }))
        : h('path', { d: 'M44 68 Q42 30 80 30 Q118 30 116 68 Q104 48 80 46 Q58 46 44 68 Z', fill: hair });
  return h(
    'svg',
    { class: 'portrait', viewBox: '0 0 160 160', role: 'img', 'aria-label': `Portrait of ${name || 'the customer'}` },
    h('rect', { width: 160, height: 160, rx: 16, fill: '#f3ebdd' }),
    hairBack,
    h('path', { d: 'M30 160 Q32 118 80 114 Q128 118 130 160 Z', fill: shirt, stroke: INK, 'stroke-width': 2 }),
    h('rect', { x: 70, y: 96, width: 20, height: 22, fill: skin }),
    h('ellipse', { cx: 80, cy: 72, rx: 34, ry: 38, fill: skin, stroke: INK, 'stroke-width': 2 }),
    hairTop,
    h('circle', { cx: 67, cy: 74, r: 3.5, fill: INK }),
    h('circle', { cx: 93, cy: 74, r: 3.5, fill: INK }),
    h('path', { d: 'M70 94 Q80 99 90 94', stroke: INK, 'stroke-width': 2.5, fill: 'none', 'stroke-linecap': 'round' }),
    look?.glasses
      ? h('g', { stroke: INK, 'stroke-width': 2.5, fill: 'none' }, h('circle', { cx: 67, cy: 74, r: 10 }), h('circle', { cx: 93, cy: 74, r: 10 }), h('path', { d: 'M77 74 H83' }))
      : null,
  );
}
