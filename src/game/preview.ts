// ?preview=<id>: a trainer plays a studio draft before anyone else sees it. The draft comes from the
// studio's preview route (trainers who may see it only), is played like any scenario, and its
// attempts are never sent to the server (Online.previewing).
import type { Scenario } from '../engine/schema.ts';

export async function loadPreview(id: string): Promise<{ scenario: Scenario } | { error: string }> {
  try {
    const res = await fetch(`/api/trainer/studio/${encodeURIComponent(id)}/preview`, { credentials: 'same-origin', headers: { accept: 'application/json' } });
    const body = (await res.json().catch(() => null)) as (Scenario & { message?: string }) | null;
    if (!res.ok || !body) return { error: body?.message ?? `The preview could not be loaded (${res.status}).` };
    return { scenario: body };
  } catch {
    return { error: 'The preview could not be loaded: the server did not answer.' };
  }
}

/** A strip at the top of the page: this is a preview, and nothing is recorded. */
export function previewBanner(text: string, tone: 'info' | 'error' = 'info'): HTMLElement {
  const el = document.createElement('div');
  el.className = `preview-banner preview-${tone}`;
  el.setAttribute('role', tone === 'error' ? 'alert' : 'status');
  el.textContent = text;
  Object.assign(el.style, {
    position: 'fixed', top: '0', left: '50%', transform: 'translateX(-50%)', zIndex: '50', padding: '6px 16px',
    borderRadius: '0 0 10px 10px', font: '600 14px Inter, system-ui, sans-serif', color: '#fff',
    background: tone === 'error' ? '#b42318' : '#1f7a74', boxShadow: '0 2px 8px rgb(0 0 0 / 0.25)',
  });
  document.body.append(el);
  return el;
}
