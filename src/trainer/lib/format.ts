// Dates, durations and counts as the dashboard shows them. Pure: the clock and locale are parameters.

const DAY = 24 * 3600 * 1000;

export function formatDate(iso: string | null, locale?: string): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleDateString(locale, { day: 'numeric', month: 'short', year: 'numeric' });
}

/** "23 Nov": for chart axes. */
export function formatDay(iso: string, locale?: string): string {
  return new Date(iso).toLocaleDateString(locale, { day: 'numeric', month: 'short' });
}

export function formatDateTime(iso: string | null, locale?: string): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(locale, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

function startOfDay(t: number): number {
  const d = new Date(t);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** "Due today", "Due tomorrow", "Due in 5 days", "Due yesterday", "3 days overdue" (calendar days). */
export function dueLabel(iso: string, now = Date.now()): string {
  const due = Date.parse(iso);
  const days = Math.round((startOfDay(due) - startOfDay(now)) / DAY);
  if (due < now) {
    if (days === 0) return 'Due earlier today';
    if (days === -1) return 'Due yesterday';
    return `${-days} days overdue`;
  }
  if (days === 0) return 'Due today';
  if (days === 1) return 'Due tomorrow';
  return `Due in ${days} days`;
}

export function seconds(s: number): string {
  const whole = Math.round(s * 10) / 10;
  if (whole < 60) return `${whole} s`;
  const m = Math.floor(whole / 60);
  const rest = Math.round(whole - m * 60);
  return rest ? `${m} min ${rest} s` : `${m} min`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** An ISO time as the value of <input type="datetime-local"> in local time ("2026-03-12T17:00"). */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The value of a datetime-local input (local time) as an ISO string, or null when empty or invalid. */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const t = new Date(value).getTime();
  return Number.isFinite(t) ? new Date(t).toISOString() : null;
}

/** A sensible default due date: a week from now, at 17:00 local time. */
export function defaultDue(now = Date.now()): string {
  const d = new Date(now + 7 * DAY);
  d.setHours(17, 0, 0, 0);
  return d.toISOString();
}

export const OUTCOME_LABEL: Record<string, string> = { 'won-back': 'Won back', lost: 'Lost', 'went-public': 'Went public' };

export const DIFFICULTY_LABEL: Record<string, string> = { easy: 'Easy', medium: 'Medium', hard: 'Hard' };
