// Who is signed in and their teams, for every page of the dashboard (provided by the app shell).
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Me } from './api.ts';
import type { TeamJson } from '../shared/types.ts';

export interface Session {
  me: Me;
  teams: TeamJson[];
  /** Reloads the team list (after creating or renaming a team). */
  refreshTeams: () => Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside the signed-in app');
  return s;
}
