// The LMS bar: a plain strip over the game that says what the LMS connection is doing, shows the
// LMS's errors in its own words with a Retry, and offers the way back to the LMS at the end.
export interface LmsPanel {
  el: HTMLElement;
  busy(text: string): void;
  error(text: string, retry?: () => void): void;
  done(text: string, back?: { label: string; go: () => void }): void;
  hide(): void;
}

export function lmsPanel(doc: Document = document): LmsPanel {
  const el = doc.createElement('div');
  el.className = 'lms-bar';
  el.setAttribute('role', 'status');
  el.hidden = true;
  const text = doc.createElement('p');
  text.className = 'lms-text';
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'lms-action';
  el.append(text, button);
  let action: (() => void) | null = null;
  button.addEventListener('click', () => action?.());
  const show = (kind: 'busy' | 'error' | 'done', message: string, label?: string, go?: () => void) => {
    el.hidden = false;
    el.dataset.state = kind;
    el.setAttribute('role', kind === 'error' ? 'alert' : 'status');
    text.textContent = message;
    action = go ?? null;
    button.hidden = !go;
    button.textContent = label ?? '';
  };
  return {
    el,
    busy: (m) => show('busy', m),
    error: (m, retry) => show('error', m, 'Retry', retry),
    done: (m, back) => show('done', m, back?.label, back?.go),
    hide: () => {
      el.hidden = true;
    },
  };
}
