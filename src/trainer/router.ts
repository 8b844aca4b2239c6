// Hash routes (#/teams/3/progress), so the server serves one page and links can be shared and bookmarked.
import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { page: 'teams' }
  | { page: 'team'; teamId: number }
  | { page: 'assign'; teamId: number; scenario: string | null }
  | { page: 'progress'; teamId: number }
  | { page: 'mistakes'; teamId: number; scenario: string | null }
  | { page: 'own-words'; teamId: number }
  | { page: 'trainee'; traineeId: number }
  | { page: 'scenarios' }
  | { page: 'scenario'; scenarioId: string }
  | { page: 'studio' }
  | { page: 'studio-edit'; scenarioId: string }
  | { page: 'not-found'; path: string };

export function parseHash(hash: string): Route {
  const [path, query = ''] = hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const id = (s: string | undefined) => (s && /^\d+$/.test(s) ? Number(s) : null);
  const [a, b, c] = parts;
  if (parts.length === 0 || (a === 'teams' && parts.length === 1)) return { page: 'teams' };
  if (a === 'teams' && id(b) !== null) {
    const teamId = id(b) as number;
    if (parts.length === 2) return { page: 'team', teamId };
    if (c === 'assign' && parts.length === 3) return { page: 'assign', teamId, scenario: params.get('scenario') };
    if (c === 'progress' && parts.length === 3) return { page: 'progress', teamId };
    if (c === 'mistakes' && parts.length === 3) return { page: 'mistakes', teamId, scenario: params.get('scenario') };
    if (c === 'own-words' && parts.length === 3) return { page: 'own-words', teamId };
  }
  if (a === 'trainees' && id(b) !== null && parts.length === 2) return { page: 'trainee', traineeId: id(b) as number };
  if (a === 'scenarios' && parts.length === 1) return { page: 'scenarios' };
  if (a === 'scenarios' && b && parts.length === 2) return { page: 'scenario', scenarioId: b };
  if (a === 'studio' && parts.length === 1) return { page: 'studio' };
  if (a === 'studio' && b && parts.length === 2) return { page: 'studio-edit', scenarioId: b };
  return { page: 'not-found', path };
}

export const href = {
  teams: () => '#/teams',
  team: (id: number) => `#/teams/${id}`,
  assign: (id: number, scenario?: string) => `#/teams/${id}/assign${scenario ? `?scenario=${encodeURIComponent(scenario)}` : ''}`,
  progress: (id: number) => `#/teams/${id}/progress`,
  mistakes: (id: number, scenario?: string | null) => `#/teams/${id}/mistakes${scenario ? `?scenario=${encodeURIComponent(scenario)}` : ''}`,
  ownWords: (id: number) => `#/teams/${id}/own-words`,
  trainee: (id: number) => `#/trainees/${id}`,
  scenarios: () => '#/scenarios',
  scenario: (id: string) => `#/scenarios/${encodeURIComponent(id)}`,
  studio: () => '#/studio',
  studioEdit: (id: string) => `#/studio/${encodeURIComponent(id)}`,
};

export function navigate(to: string, replace = false): void {
  if (replace) history.replaceState(null, '', to);
  else location.hash = to;
  if (replace) window.dispatchEvent(new HashChangeEvent('hashchange'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const on = () => setRoute(parseHash(location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}
