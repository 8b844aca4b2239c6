// The header of every team page: the team's name, where you are, and the team's tabs.
import { h, type ComponentChildren } from 'preact';
import { useSession } from '../session.ts';
import { href } from '../router.ts';
import { Empty, Icon, LinkButton, PageHeader } from './ui.ts';

export type TeamTab = 'overview' | 'progress' | 'mistakes' | 'own-words' | 'assign';

export function TeamHeader({ teamId, tab, title, actions, children }: { teamId: number; tab: TeamTab; title?: ComponentChildren; actions?: ComponentChildren; children?: ComponentChildren }) {
  const { teams } = useSession();
  const team = teams.find((t) => t.id === teamId);
  const tabs: [TeamTab, string, string][] = [
    ['overview', 'Members & assignments', href.team(teamId)],
    ['progress', 'Progress', href.progress(teamId)],
    ['mistakes', 'Common mistakes', href.mistakes(teamId)],
    ['own-words', 'Typed replies', href.ownWords(teamId)],
  ];
  return h(
    'div',
    { class: 'team-header' },
    h(
      'nav',
      { class: 'breadcrumbs', 'aria-label': 'Breadcrumb' },
      h('a', { href: href.teams() }, 'Teams'),
      h(Icon, { name: 'next', class: 'icon crumb-sep' }),
      h('span', { 'aria-current': 'page' }, team?.name ?? `Team ${teamId}`),
    ),
    h(
      PageHeader,
      {
        title: title ?? team?.name ?? 'Team',
        actions: actions ?? (tab !== 'assign' ? h(LinkButton, { href: href.assign(teamId), variant: 'primary', icon: 'plus' }, 'Assign scenarios') : null),
      },
      children,
    ),
    h(
      'nav',
      { class: 'tabs', 'aria-label': 'Team' },
      tabs.map(([id, label, to]) => h('a', { href: to, class: id === tab ? 'tab active' : 'tab', 'aria-current': id === tab ? 'page' : undefined }, label)),
    ),
  );
}

/** Shown instead of a team page for a team that is not in the trainer's list. */
export function UnknownTeam({ teamId }: { teamId: number }) {
  return h(
    'div',
    { class: 'page' },
    h(PageHeader, { title: 'Team not found' }),
    h(Empty, { icon: 'users', title: `There is no team ${teamId} among yours`, action: h(LinkButton, { href: href.teams(), variant: 'primary' }, 'See your teams') }, 'It may have been another trainer’s team, or the link is old.'),
  );
}
