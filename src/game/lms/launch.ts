// The launch URL of an LMS launch: ?lms=cmi5&scenario=… plus the cmi5 parameters the LMS appends
// (endpoint, fetch, actor, registration, activityId; cmi5 spec 8.1), or ?lms=scorm12&scenario=….
import type { Agent } from '../../shared/lms/xapi.ts';

export type LmsLaunch =
  | { kind: 'cmi5'; scenarioId: string; endpoint: string; fetchUrl: string; actor: Agent; registration: string; activityId: string }
  | { kind: 'scorm12'; scenarioId: string; resume: string | null }
  | { kind: 'invalid'; message: string };

function absolute(value: string | null, name: string): string {
  if (!value) throw new Error(`the launch URL has no "${name}"`);
  const url = new URL(value);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`"${name}" is not an http(s) URL`);
  return url.href;
}

/** null when the page was not launched by an LMS. */
export function parseLaunch(search: string, hash = ''): LmsLaunch | null {
  const q = new URLSearchParams(search);
  const kind = q.get('lms');
  if (kind === null) return null;
  const scenarioId = q.get('scenario') ?? '';
  try {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(scenarioId)) throw new Error('the launch URL names no scenario');
    if (kind === 'scorm12') {
      const resume = new URLSearchParams(hash.replace(/^#/, '')).get('resume');
      return { kind, scenarioId, resume };
    }
    if (kind !== 'cmi5') throw new Error(`unknown LMS mode "${kind}"`);
    let actor: Agent;
    try {
      actor = JSON.parse(q.get('actor') ?? '') as Agent;
    } catch {
      throw new Error('the launch URL\'s "actor" is not JSON');
    }
    if (!actor || typeof actor !== 'object' || !actor.account) throw new Error('the launch URL\'s "actor" has no account');
    const registration = q.get('registration');
    if (!registration) throw new Error('the launch URL has no "registration"');
    const activityId = q.get('activityId');
    if (!activityId) throw new Error('the launch URL has no "activityId"');
    const endpoint = absolute(q.get('endpoint'), 'endpoint');
    return { kind, scenarioId, endpoint: endpoint.endsWith('/') ? endpoint : `${endpoint}/`, fetchUrl: absolute(q.get('fetch'), 'fetch'), actor, registration, activityId };
  } catch (e) {
    return { kind: 'invalid', message: (e as Error).message };
  }
}
