// The accessible DOM layer over the canvas. #frame keeps a 16:9 box fitted to the window; the Phaser
// canvas fills it (Scale.FIT) and #ui, laid out at 1280×720, is scaled with a CSS transform so DOM
// and canvas stay aligned at any size. Also holds the polite live region that carries every line
// the customer says.
// A window taller than it is wide (a phone held upright) gets the portrait layout instead: #ui is
// laid out at the window's own CSS pixels (no transform) and src/styles/game.css stacks each screen
// for it. The layout follows the window's shape, not the device, and changes in place on rotation.
import { h } from './h.ts';

export const LOGICAL_WIDTH = 1280;
export const LOGICAL_HEIGHT = 720;

export type Layout = 'wide' | 'portrait';

/** Portrait when the window is clearly taller than wide (360×640 … 430×932 phones, upright tablets). */
export function layoutFor(width: number, height: number): Layout {
  return width > 0 && height > 0 && width / height < 0.85 ? 'portrait' : 'wide';
}

export class Shell {
  readonly frame: HTMLDivElement;
  readonly ui: HTMLDivElement;
  readonly live: HTMLDivElement;
  readonly alert: HTMLDivElement;
  #screen: HTMLElement | null = null;
  #overlay: HTMLElement | null = null;
  #layout: Layout = 'wide';
  #layoutListeners = new Set<(layout: Layout) => void>();

  constructor(root: HTMLElement) {
    this.live = h('div', { class: 'sr-only', 'aria-live': 'polite', 'aria-atomic': 'true', id: 'live-line' });
    this.alert = h('div', { class: 'sr-only', role: 'status', 'aria-live': 'polite', id: 'live-status' });
    this.ui = h('div', { id: 'ui' });
    this.frame = h('div', { id: 'frame' }, h('div', { id: 'canvas-host' }), this.ui);
    const main = h('main', { id: 'game', 'aria-label': 'Make It Right' }, this.frame, this.live, this.alert);
    root.replaceChildren(main);
    const fit = () => {
      this.#setLayout(layoutFor(window.innerWidth, window.innerHeight));
      const w = this.frame.clientWidth || LOGICAL_WIDTH;
      this.frame.style.setProperty('--k', this.#layout === 'portrait' ? '1' : String(w / LOGICAL_WIDTH));
    };
    new ResizeObserver(fit).observe(this.frame);
    window.addEventListener('resize', fit);
    fit();
  }

  get layout(): Layout {
    return this.#layout;
  }

  /** Calls fn on every change of layout (rotation, a resized window); returns the unsubscribe. */
  onLayout(fn: (layout: Layout) => void): () => void {
    this.#layoutListeners.add(fn);
    return () => this.#layoutListeners.delete(fn);
  }

  #setLayout(layout: Layout): void {
    if (layout === this.#layout && document.documentElement.dataset.layout === layout) return;
    this.#layout = layout;
    document.documentElement.dataset.layout = layout;
    for (const fn of this.#layoutListeners) fn(layout);
  }

  get canvasHost(): HTMLElement {
    return this.frame.querySelector('#canvas-host') as HTMLElement;
  }

  /** Replaces the current screen's DOM. */
  mount(screen: HTMLElement): void {
    this.#screen?.remove();
    this.#screen = screen;
    this.frame.dataset.shows = screen.dataset.screen ?? '';
    this.ui.prepend(screen);
  }
  unmount(screen: HTMLElement): void {
    if (this.#screen === screen) {
      screen.remove();
      this.#screen = null;
    }
  }

  /** A modal layer over the screen (pause menu, settings). */
  showOverlay(el: HTMLElement): void {
    this.#overlay?.remove();
    this.#overlay = el;
    this.ui.append(el);
    if (this.#screen) this.#screen.inert = true;
  }
  hideOverlay(el?: HTMLElement): void {
    if (el && this.#overlay !== el) {
      el.remove();
      return;
    }
    this.#overlay?.remove();
    this.#overlay = null;
    if (this.#screen) this.#screen.inert = false;
  }
  get overlayOpen(): boolean {
    return !!this.#overlay;
  }

  /** Says the customer's line to screen readers (once per line). */
  say(text: string): void {
    this.live.textContent = '';
    // A fresh text node after a tick makes screen readers announce repeated lines too.
    requestAnimationFrame(() => (this.live.textContent = text));
  }
  status(text: string): void {
    this.alert.textContent = text;
  }

  setTextSize(percent: number): void {
    document.documentElement.style.setProperty('--ts', String(percent / 100));
    document.documentElement.dataset.textSize = String(percent);
  }
  setReducedMotion(on: boolean): void {
    document.documentElement.classList.toggle('reduced-motion', on);
  }
}
