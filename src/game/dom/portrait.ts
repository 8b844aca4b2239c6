// A portrait <img> with a drawn silhouette when the art is missing.
import { h } from './h.ts';

export function portraitImg(url: string | null, cls: string, tint = '#6c7aa8'): HTMLElement {
  const fallback = () => h('div', { class: `${cls} silhouette`, style: `--tint:${tint}`, 'aria-hidden': 'true' }, h('span', { class: 'sil-head' }), h('span', { class: 'sil-body' }));
  if (!url) return fallback();
  const img = h('img', { class: cls, src: url, alt: '', 'aria-hidden': 'true', decoding: 'async' });
  img.addEventListener('error', () => img.replaceWith(fallback()), { once: true });
  return img;
}
