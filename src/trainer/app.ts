// The dashboard shell: sign-in gate, header and navigation, and the page for the current route.
import { h, type ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, whenSignedOut, type Me } from './api.ts';
import { Icon, Loading, Toaster, ErrorBox } from './components/ui.ts';
import type { TeamJson } from '../shared/types.ts';
import { AssignPage } from './panels/assign.ts';
import { MistakesPage } from './panels/mistakes.ts';
import { OwnWordsPage } from './panels/own-words.ts';
import { ProgressPage } from './panels/progress.ts';
import { ScenarioPage } from './panels/scenario.ts';
import { ScenariosPage } from './panels/scenarios.ts';
import { NotATrainer, SignIn } from './panels/sign-in.ts';
import { TeamPage } from './panels/team.ts';
import { TeamsPage } from './panels/teams.ts';
import { TraineePage } from './panels/trainee.ts';
import { href, useRoute, type Route } from './router.ts';
import { SessionContext, type Session } from './session.ts';
import { StudioEditPage, StudioListPage } from './studio/page.ts';


type Auth = { state: 'checking' } | { state: 'signed-out'; notice: string | null } | { state: 'signed-in'; me: Me } | { state: 'error'; message: string };

export function App() {
  const [auth, setAuth] = useState<Auth>({ state: 'checking' });

  const check = useCallback(() => {
    setAuth({ state: 'checking' });
    api.me().then(
      (me) => setAuth({ state: 'signed-in', me }),
      (e: unknown) => setAuth(e instanceof ApiError && e.status === 401 ? { state: 'signed-out', notice: null } : { state: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
  }, []);

  useEffect(() => {
    check();
    whenSignedOut(() => setAuth({ state: 'signed-out', notice: 'Your session has ended. Sign in again to continue.' }));
  }, [check]);

  const signOut = async () => {
    await api.signOut().catch(() => {});
    setAuth({ state: 'signed-out', notice: 'You are signed out.' });
  };

  if (auth.state === 'checking') return h('main', { class: 'boot', id: 'main' }, h(Loading, { label: 'Opening the dashboard…', rows: 2 }));
  if (auth.state === 'error') return h('main', { class: 'boot', id: 'main' }, h(ErrorBox, { error: { message: auth.message }, retry: check, title: 'The dashboard could not start' }));
  if (auth.state === 'signed-out') return h(SignIn, { notice: auth.notice, onSignedIn: (me) => setAuth({ state: 'signed-in', me }) });
  if (auth.state === 'signed-in' && auth.me.user.role !== 'trainer') return h(NotATrainer, { me: auth.me, onSignOut: signOut });
  return h(SignedIn, { me: auth.me, onSignOut: signOut });
}

function SignedIn({ me, onSignOut }: { me: Me; onSignOut: () => void }) {
  const [teams, setTeams] = useState<TeamJson[]>(me.teams);
  const refreshTeams = useCallback(async () => {
    setTeams(await api.teams());
  }, []);
  const route = useRoute();
  const session: Session = { me, teams, refreshTeams };

  // After moving to another page, focus its heading so screen readers announce where they are.
  const key = JSON.stringify(route);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    const t = setTimeout(() => document.getElementById('page-title')?.focus({ preventScroll: true }), 0);
    return () => clearTimeout(t);
  }, [key]);

  return h(
    SessionContext.Provider,
    { value: session },
    h('a', { class: 'skip-link', href: '#main', onClick: skipToMain }, 'Skip to content'),
    h(Header, { me, route, onSignOut }),
    h('main', { id: 'main', class: 'main', tabIndex: -1 }, h(Page, { route })),
    h(Toaster, null),
  );
}

function skipToMain(e: Event) {
  e.preventDefault();
  document.getElementById('main')?.focus();
}

function Header({ me, route, onSignOut }: { me: Me; route: Route; onSignOut: () => void }) {
  const section = route.page === 'scenarios' || route.page === 'scenario' ? 'scenarios' : route.page === 'studio' || route.page === 'studio-edit' ? 'studio' : 'teams';
  const link = (to: string, label: string, icon: 'users' | 'book' | 'edit', active: boolean): ComponentChildren =>
    h('a', { href: to, class: active ? 'nav-link active' : 'nav-link', 'aria-current': active ? 'page' : undefined }, h(Icon, { name: icon }), label);
  return h(
    'header',
    { class: 'topbar' },
    h(
      'div',
      { class: 'topbar-inner' },
      h('a', { class: 'brand', href: href.teams() }, h('img', { src: '/ui/logo.svg', alt: 'Make It Right', width: 164, height: 32 }), h('span', { class: 'brand-tag' }, 'Trainer')),
      h('nav', { 'aria-label': 'Main' }, link(href.teams(), 'Teams', 'users', section === 'teams'), link(href.scenarios(), 'Scenarios', 'book', section === 'scenarios'), link(href.studio(), 'Studio', 'edit', section === 'studio')),
      h(
        'div',
        { class: 'account' },
        h('span', { class: 'account-name' }, h('span', { class: 'avatar', 'aria-hidden': 'true' }, initials(me.user.name)), me.user.name),
        h('button', { type: 'button', class: 'btn btn-ghost btn-small', onClick: onSignOut }, h(Icon, { name: 'signout' }), 'Sign out'),
      ),
    ),
  );
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? parts[parts.length - 1][0] : '')).toUpperCase();
}

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'teams':
      return h(TeamsPage, null);
    case 'team':
      return h(TeamPage, { key: route.teamId, teamId: route.teamId });
    case 'assign':
      return h(AssignPage, { key: route.teamId, teamId: route.teamId, preselect: route.scenario });
    case 'progress':
      return h(ProgressPage, { key: route.teamId, teamId: route.teamId });
    case 'mistakes':
      return h(MistakesPage, { key: route.teamId, teamId: route.teamId, scenario: route.scenario });
    case 'own-words':
      return h(OwnWordsPage, { key: route.teamId, teamId: route.teamId });
    case 'trainee':
      return h(TraineePage, { key: route.traineeId, traineeId: route.traineeId });
    case 'scenarios':
      return h(ScenariosPage, null);
    case 'scenario':
      return h(ScenarioPage, { key: route.scenarioId, scenarioId: route.scenarioId });
    case 'studio':
      return h(StudioListPage, null);
    case 'studio-edit':
      return h(StudioEditPage, { key: route.scenarioId, id: route.scenarioId });
    default:
      return h(
        'div',
        { class: 'page' },
        h('h1', { id: 'page-title', tabIndex: -1 }, 'Page not found'),
        h('p', null, 'There is nothing at this address. ', h('a', { href: href.teams() }, 'Go to your teams'), '.'),
      );
  }
}
