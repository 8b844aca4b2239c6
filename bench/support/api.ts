// A small client for the server's API, used to set up the accounts a load test runs as: the first
// trainer, a team, and trainees who joined it with its invite code (each with a session cookie).
import { CSRF_HEADER, CSRF_VALUE } from '../../src/shared/http.ts';
import { SESSION_COOKIE } from '../../src/server/plugins/auth.ts';

export { CSRF_HEADER, CSRF_VALUE, SESSION_COOKIE };

export interface Account {
  id: number;
  email: string;
  /** "mir_session=…", ready for a Cookie header. */
  cookie: string;
}

async function call(base: string, method: string, path: string, body?: unknown, cookie?: string): Promise<{ status: number; json: any; cookie?: string }> {
  const headers: Record<string, string> = { [CSRF_HEADER]: CSRF_VALUE };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (cookie) headers.cookie = cookie;
  const res = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  const json = text ? JSON.parse(text) : null;
  if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
  const set = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  return { status: res.status, json, cookie: set?.split(';')[0] };
}

export interface TeamSetup {
  trainer: Account;
  teamId: number;
  inviteCode: string;
  trainees: Account[];
}

/**
 * First trainer, one team, `trainees` members (the server allows 20 sign-ups per address per
 * 15 minutes, setup included, so at most 19 here).
 */
export async function setupTeam(base: string, trainees: number): Promise<TeamSetup> {
  if (trainees > 19) throw new Error('the sign-up rate limit allows 19 trainees per server');
  const password = 'bench-password-1';
  const setup = await call(base, 'POST', '/api/setup', { email: 'trainer@bench.test', password, name: 'Bench Trainer' });
  const trainer: Account = { id: setup.json.user.id, email: 'trainer@bench.test', cookie: setup.cookie as string };
  const team = await call(base, 'POST', '/api/teams', { name: 'Bench team' }, trainer.cookie);
  const out: Account[] = [];
  for (let i = 0; i < trainees; i++) {
    const email = `trainee${i}@bench.test`;
    const r = await call(base, 'POST', '/api/join', { inviteCode: team.json.inviteCode, name: `Trainee ${i}`, email, password });
    out.push({ id: r.json.user.id, email, cookie: r.cookie as string });
  }
  return { trainer, teamId: team.json.id, inviteCode: team.json.inviteCode, trainees: out };
}

export { call as apiCall };
