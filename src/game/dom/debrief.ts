// Debrief: scores with pass/fail, outcome and the ending's summary, the customer's satisfaction, and
// a timeline of every turn with the feedback and principle that applied there and the expert's path.
// The transcript events are on the root as data-events (JSON) for tools and tests.
import type { Dimension } from '../../engine/rubric.ts';
import type { OwnWordsTurn } from '../../shared/own-words.ts';
import type { DebriefModel, ExpertNote, FeedbackView, TimelineEntry } from '../debrief.ts';
import { h, icon } from './h.ts';
import { portraitImg } from './portrait.ts';

export interface DebriefProps {
  model: DebriefModel;
  portraitUrl: string | null;
  onRetry(): void;
  onMenu(): void;
  /** Own-words mode: what the player typed, by turn, shown beside the expert's line. */
  ownWords?: readonly OwnWordsTurn[];
  /** Where the attempt went (signed-in players): filled by the scene. */
  sync?: HTMLElement | null;
}

const DIMENSION_LABEL: Record<Dimension, string> = { empathy: 'Empathy', ownership: 'Ownership', timing: 'Remedy timing' };

function scoreBar(label: string, value: number, key: string): HTMLElement {
  return h(
    'div',
    { class: `score-row score-${key}` },
    h('span', { class: 'score-label', id: `score-${key}-label` }, label),
    h('span', { class: 'bar', role: 'meter', 'aria-labelledby': `score-${key}-label`, 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': value, style: `--v:${value}` }, h('span', { class: 'bar-fill' })),
    h('span', { class: 'score-value', 'data-score': key }, String(value)),
  );
}

function feedbackItem(f: FeedbackView): HTMLElement {
  const sign = f.points > 0 ? 'plus' : f.points < 0 ? 'minus' : 'zero';
  return h(
    'li',
    { class: `fb fb-${sign}`, 'data-rule': f.rule },
    h('span', { class: 'fb-points', 'aria-label': `${f.points > 0 ? '+' : ''}${f.points} ${DIMENSION_LABEL[f.dimension]}` }, `${f.points > 0 ? '+' : ''}${f.points}`, h('small', { 'aria-hidden': 'true' }, DIMENSION_LABEL[f.dimension])),
    h('span', { class: 'fb-text' }, h('strong', { class: 'fb-principle' }, f.principle), ' ', f.text),
  );
}

function expertLine(e: ExpertNote | null): HTMLElement | null {
  if (!e) return null;
  if (e.kind === 'same') return h('p', { class: 'expert expert-same' }, icon('check'), 'Same as the expert path.');
  if (e.kind === 'different')
    return h('p', { class: 'expert expert-diff' }, icon('ghost'), h('span', null, h('strong', null, 'Expert path: '), e.silence ? 'let the silence do the work.' : `“${e.choiceText}”`));
  return h(
    'p',
    { class: 'expert expert-absent' },
    icon('ghost'),
    h('span', null, h('strong', null, 'Expert path: '), e.earlierChoiceText ? `the expert never got here - earlier they chose “${e.earlierChoiceText}”` : 'the expert’s conversation went another way before this point.'),
  );
}

function typedLine(w: OwnWordsTurn | undefined): HTMLElement | null {
  if (!w) return null;
  return h(
    'p',
    { class: 'turn-typed', 'data-typed': w.turn },
    h('span', { class: 'who-you' }, 'You typed'),
    h('span', { class: 'turn-text' }, `“${w.typed}”`),
    w.corrected ? h('span', { class: 'typed-corrected', title: 'The game read it as another reply; you picked this one.' }, 'you corrected the reading') : null,
  );
}

function turnItem(t: TimelineEntry, total: number, typed?: OwnWordsTurn): HTMLElement {
  const share = Math.min(100, Math.round((t.seconds / Math.max(1, t.patience)) * 100));
  return h(
    'li',
    { class: `turn ${t.choiceId === null ? 'turn-silence' : ''}`, 'data-turn': t.index },
    h('div', { class: 'turn-index', 'aria-hidden': 'true' }, String(t.index + 1)),
    h(
      'div',
      { class: 'turn-body' },
      h('h3', { class: 'sr-only' }, `Turn ${t.index + 1} of ${total}`),
      h('p', { class: 'turn-customer' }, h('span', { class: `emo emo-${t.emotion}` }, t.emotion), `“${t.customerLine}”`),
      h(
        'p',
        { class: 'turn-player' },
        h('span', { class: 'who-you' }, 'You'),
        h('span', { class: 'turn-text' }, t.choiceId === null ? t.playerText : `“${t.playerText}”`),
        h('span', { class: 'turn-time', title: `${t.seconds} s of ${t.patience} s patience`, style: `--share:${share}` }, icon('clock'), `${t.seconds} s`),
      ),
      t.feedback.length ? h('ul', { class: 'fb-list' }, t.feedback.map(feedbackItem)) : null,
      typedLine(typed),
      expertLine(t.expert),
    ),
  );
}

export function debriefScreen(p: DebriefProps): HTMLElement {
  const m = p.model;
  const outcomeClass = m.outcome ?? 'none';
  const ring = h(
    'div',
    { class: `ring ${m.passed ? 'pass' : 'fail'}`, style: `--v:${m.scores.overall}`, role: 'img', 'aria-label': `Overall ${m.scores.overall} out of 100, ${m.passed ? 'pass' : 'fail'} (pass mark ${m.passMark})` },
    h('span', { class: 'ring-value', 'data-score': 'overall', 'aria-hidden': 'true' }, String(m.scores.overall)),
    h('span', { class: 'ring-label', 'aria-hidden': 'true' }, 'overall'),
  );
  const root = h(
    'section',
    { class: 'screen debrief-screen', 'data-screen': 'debrief', 'aria-labelledby': 'debrief-heading', 'data-events': JSON.stringify(m.events), 'data-scenario': m.scenarioId },
    h(
      'aside',
      { class: 'debrief-summary panel' },
      h('p', { class: 'kicker' }, 'Debrief'),
      h('h1', { id: 'debrief-heading' }, m.title),
      h(
        'div',
        { class: 'summary-top' },
        ring,
        h(
          'div',
          { class: 'verdict' },
          h('span', { class: `stamp ${m.passed ? 'pass' : 'fail'}`, 'data-result': m.passed ? 'pass' : 'fail' }, m.passed ? 'Pass' : 'Not yet'),
          h('span', { class: 'passmark' }, `Pass mark ${m.passMark}`),
          h('span', { class: `outcome outcome-${outcomeClass}`, 'data-outcome': m.outcome ?? '' }, m.outcomeLabel),
        ),
      ),
      m.capNote ? h('p', { class: 'cap-note', 'data-cap': 'true' }, m.capNote, ' A pass means the customer was won back.') : null,
      p.sync ?? null,
      h('div', { class: 'scores' }, scoreBar('Empathy', m.scores.empathy, 'empathy'), scoreBar('Ownership', m.scores.ownership, 'ownership'), scoreBar('Remedy timing', m.scores.timing, 'timing')),
      h(
        'div',
        { class: 'ending' },
        portraitImg(p.portraitUrl, 'ending-portrait'),
        h(
          'div',
          null,
          m.endingLine ? h('p', { class: 'ending-line' }, `“${m.endingLine}”`) : null,
          h('p', { class: 'satisfaction' }, `${m.customerName}'s satisfaction: `, h('strong', { 'data-score': 'satisfaction' }, `${Math.round(m.satisfaction)}%`)),
        ),
      ),
      m.summary ? h('p', { class: 'ending-summary' }, m.summary) : null,
      h(
        'div',
        { class: 'debrief-actions' },
        h('button', { class: 'btn btn-primary', 'data-action': 'retry', onclick: () => p.onRetry() }, icon('retry'), h('span', null, 'Try again')),
        h('button', { class: 'btn btn-secondary', 'data-action': 'menu', onclick: () => p.onMenu() }, icon('home'), h('span', null, 'Choose another')),
      ),
    ),
    h(
      'div',
      { class: 'debrief-timeline panel', tabindex: 0, 'aria-labelledby': 'timeline-heading', role: 'region' },
      h('h2', { id: 'timeline-heading' }, 'Your conversation, turn by turn'),
      m.expert ? h('p', { class: 'sub' }, icon('ghost'), ` The expert path scores ${m.expert.overall}. Where you chose differently, it is shown under your answer.`) : null,
      h('ol', { class: 'timeline' }, m.timeline.map((t) => turnItem(t, m.timeline.length, p.ownWords?.find((w) => w.turn === t.index)))),
      m.expert
        ? h(
            'details',
            { class: 'expert-route' },
            h('summary', null, icon('ghost'), ` The whole expert path (${m.expert.overall})`),
            h('ol', null, m.expert.steps.map((st) => h('li', null, `“${st.choiceText}”`))),
          )
        : null,
      m.generalFeedback.length ? h('ul', { class: 'fb-list' }, m.generalFeedback.map(feedbackItem)) : null,
    ),
  );
  return root;
}
