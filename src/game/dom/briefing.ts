// Briefing: who the customer is, what went wrong, what a good outcome looks like.
import type { Scenario } from '../../engine/schema.ts';
import { SETTING_LABEL } from '../library.ts';
import { h, icon } from './h.ts';

export interface BriefingProps {
  scenario: Scenario;
  best: number | null;
  onBegin(): void;
  onBack(): void;
}

const PERSONA: Record<Scenario['customer']['persona'], string> = {
  voicer: 'Tells you when something is wrong - a chance to fix it.',
  irate: 'Tells their friends if you get it wrong.',
  activist: 'Tells everyone - online, in public - if you get it wrong.',
};

export function briefingScreen(p: BriefingProps): HTMLElement {
  const s = p.scenario;
  const section = (label: string, text: string, cls: string) => h('section', { class: `brief-block ${cls}` }, h('h2', null, label), h('p', null, text));
  return h(
    'section',
    { class: 'screen briefing-screen', 'data-screen': 'briefing', 'aria-labelledby': 'briefing-heading' },
    h(
      'div',
      { class: 'brief-panel panel' },
      h('p', { class: 'kicker' }, `Briefing · ${SETTING_LABEL[s.setting]} · ${s.difficulty[0].toUpperCase()}${s.difficulty.slice(1)}`),
      h('h1', { id: 'briefing-heading' }, s.title),
      h('p', { class: 'brief-role' }, `You work for ${s.company}. You are talking to `, h('strong', null, s.customer.name), '.'),
      section('Who they are', s.briefing.who, 'who'),
      section('What went wrong', s.briefing.mistake, 'mistake'),
      section('What good looks like', s.briefing.goal, 'goal'),
      h(
        'ul',
        { class: 'brief-facts' },
        h('li', null, icon('clock'), `They wait about ${s.customer.patience} s for each answer. Hesitate and their patience runs out.`),
        h('li', null, icon('heart'), PERSONA[s.customer.persona]),
        p.best !== null ? h('li', null, icon('star'), `Your best so far: ${p.best}`) : null,
      ),
      h(
        'div',
        { class: 'brief-actions' },
        h('button', { class: 'btn btn-ghost', 'data-action': 'back', onclick: () => p.onBack() }, icon('back'), h('span', null, 'Back')),
        h('button', { class: 'btn btn-primary btn-big', 'data-action': 'begin', onclick: () => p.onBegin() }, h('span', null, 'Begin conversation'), icon('arrow')),
      ),
    ),
  );
}
