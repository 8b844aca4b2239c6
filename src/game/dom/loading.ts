// Shown when a player leaves the title before the scenes have loaded (a fast click on a slow
// connection): what is happening and how far it has got.
import { h } from './h.ts';

export interface LoadingScreen {
  el: HTMLElement;
  progress(share: number): void;
  /** Loading stopped: says so, with a way to try again. */
  fail(message: string): void;
}

export function loadingScreen(share: number): LoadingScreen {
  const bar = h('div', { class: 'loading-bar-fill' });
  const meter = h('div', { class: 'loading-bar', role: 'progressbar', 'aria-label': 'Loading the game', 'aria-valuemin': 0, 'aria-valuemax': 100 }, bar);
  const el = h('section', { class: 'screen stage-loading', 'data-screen': 'loading', 'aria-busy': 'true' }, h('p', { class: 'loading-text' }, 'Setting up the front desk…'), meter);
  const progress = (s: number) => {
    const pct = Math.round(Math.max(0, Math.min(1, s)) * 100);
    meter.setAttribute('aria-valuenow', String(pct));
    bar.style.width = `${Math.max(4, pct)}%`;
  };
  progress(share);
  const fail = (message: string) => {
    el.removeAttribute('aria-busy');
    const reload = h('button', { class: 'btn btn-primary', 'data-action': 'reload', onclick: () => location.reload() }, h('span', null, 'Reload'));
    el.replaceChildren(h('p', { class: 'loading-text', role: 'alert' }, message), reload);
    // Keyboard players land on the one thing they can do here.
    if (el.isConnected) reload.focus();
  };
  return { el, progress, fail };
}
