// The LMS's LRS as the AU sees it: the one-time token from the fetch URL (cmi5 8.2), then the xAPI
// State, Agent Profile and Statement resources with that token. Errors carry the LMS's own words.
import { XAPI_VERSION, type Agent, type Statement } from '../../shared/lms/xapi.ts';

export class LmsError extends Error {
  constructor(
    message: string,
    readonly status = 0,
  ) {
    super(message);
    this.name = 'LmsError';
  }
}

async function reason(r: Response): Promise<string> {
  const text = (await r.text().catch(() => '')).trim();
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    const m = body['error-text'] ?? body.message ?? body.error;
    if (typeof m === 'string') return m;
  } catch {
    /* not JSON */
  }
  return text.slice(0, 200) || r.statusText || `HTTP ${r.status}`;
}

/** POST to the fetch URL, once: the auth-token (cmi5 8.2.1); the LMS's error-text otherwise. */
export async function fetchAuthToken(fetchUrl: string): Promise<string> {
  let r: Response;
  try {
    r = await fetch(fetchUrl, { method: 'POST' });
  } catch {
    throw new LmsError('The LMS could not be reached to start the lesson.');
  }
  if (!r.ok) throw new LmsError(`The LMS refused to start the lesson: ${await reason(r)}`, r.status);
  const body = (await r.json().catch(() => ({}))) as Record<string, unknown>;
  if (typeof body['auth-token'] === 'string') return body['auth-token'];
  throw new LmsError(`The LMS refused to start the lesson: ${typeof body['error-text'] === 'string' ? body['error-text'] : 'no auth-token in its answer'}`);
}

export class Lrs {
  constructor(
    readonly endpoint: string,
    private token: string,
  ) {}

  private async call(method: string, path: string, query: Record<string, string>, body?: unknown): Promise<Response> {
    const url = new URL(path, this.endpoint);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    let r: Response;
    try {
      r = await fetch(url, {
        method,
        headers: { authorization: `Basic ${this.token}`, 'x-experience-api-version': XAPI_VERSION, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new LmsError('The LMS could not be reached.');
    }
    return r;
  }

  async getState<T>(agent: Agent, activityId: string, registration: string, stateId: string): Promise<T | null> {
    const r = await this.call('GET', 'activities/state', { activityId, agent: JSON.stringify(agent), registration, stateId });
    if (r.status === 404) return null;
    if (!r.ok) throw new LmsError(`The LMS did not give the lesson's ${stateId}: ${await reason(r)}`, r.status);
    return (await r.json()) as T;
  }

  async putState(agent: Agent, activityId: string, registration: string, stateId: string, value: unknown): Promise<void> {
    const r = await this.call('PUT', 'activities/state', { activityId, agent: JSON.stringify(agent), registration, stateId }, value);
    if (!r.ok) throw new LmsError(`The LMS did not keep the lesson's progress: ${await reason(r)}`, r.status);
  }

  async getAgentProfile<T>(agent: Agent, profileId: string): Promise<T | null> {
    const r = await this.call('GET', 'agents/profile', { agent: JSON.stringify(agent), profileId });
    if (r.status === 404) return null;
    if (!r.ok) return null; // learner preferences are optional
    return (await r.json().catch(() => null)) as T | null;
  }

  /** Sends statements in one request, in order. An id the LRS already holds (409) counts as sent. */
  async postStatements(statements: readonly Statement[]): Promise<void> {
    const r = await this.call('POST', 'statements', {}, statements);
    if (r.ok || r.status === 409) return;
    throw new LmsError(`The LMS did not accept the result: ${await reason(r)}`, r.status);
  }
}
