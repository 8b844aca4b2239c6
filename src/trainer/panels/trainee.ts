// One trainee: empathy, ownership and timing over time, where they stand on each assignment, and
// every attempt with its full transcript (each line, the choice, the seconds taken, the feedback).
import { h } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { api } from '../api.ts';
import { useResource, useTitle } from '../hooks.ts';
import { dueLabel, formatDate, formatDateTime, formatDay, OUTCOME_LABEL, plural, seconds } from '../lib/format.ts';
import { scoreSeries, trend } from '../lib/series.ts';
import type { OwnWordsTurn } from '../../shared/own-words.ts';
import type { AttemptDetail, FeedbackJson, ProgressJson, TraineeAttemptsJson, TranscriptLine } from '../../shared/types.ts';
import { href } from '../router.ts';
import { Badge, Card, Empty, ErrorBox, field, Icon, Loading, PageHeader, Stat, StatusBadge } from '../components/ui.ts';
import { ScoreChart } from '../components/score-chart.ts';
import { UNWON_CAP } from '../../engine/report.ts';

export function TraineePage({ traineeId }: { traineeId: number }) {
  const data = useResource(() => api.traineeAttempts(traineeId), [traineeId]);
  const teamId = data.data?.trainee.teamId;
  const progress = useResource(() => (teamId ? api.progress(teamId) : Promise.resolve(null)), [teamId]);
  useTitle(data.data?.trainee.name ?? 'Trainee');

  if (data.state === 'error' && !data.data) {
    const forbidden = data.error.status === 403 || data.error.status === 404;
    return h(
      'div',
      { class: 'page' },
      h(PageHeader, { title: forbidden ? 'Trainee not found' : 'Trainee' }),
      forbidden
        ? h(Empty, { icon: 'users', title: 'This trainee is not in one of your teams' }, h('p', null, data.error.message), h('p', null, h('a', { href: href.teams() }, 'Back to your teams')))
        : h(ErrorBox, { error: data.error, retry: data.reload, title: 'Could not load the attempts' }),
    );
  }
  if (!data.data) return h('div', { class: 'page' }, h(PageHeader, { title: 'Trainee' }), h(Loading, { label: 'Loading attempts…', rows: 6 }));
  return h(TraineeView, { data: data.data, progress: progress.data ?? null });
}

function TraineeView({ data, progress }: { data: TraineeAttemptsJson; progress: ProgressJson | null }) {
  const { trainee, attempts } = data;
  const [scenario, setScenario] = useState('');
  const scenarios = useMemo(() => [...new Map(attempts.map((a) => [a.scenarioId, a.scenarioTitle ?? a.scenarioId])).entries()].sort((a, b) => a[1].localeCompare(b[1])), [attempts]);
  const shown = scenario ? attempts.filter((a) => a.scenarioId === scenario) : attempts;
  const series = useMemo(() => scoreSeries(shown, (a, i) => `#${i + 1} · ${formatDay(a.createdAt)}`), [shown]);
  const change = trend(series);
  const best = attempts.reduce((m, a) => Math.max(m, a.score), 0);
  const latest = attempts[0];
  const mine = progress ? progress.cells.filter((c) => c.userId === trainee.id && c.status !== 'not-assigned') : [];
  const passed = mine.filter((c) => c.status === 'passed').length;

  return h(
    'div',
    { class: 'page' },
    h(
      'nav',
      { class: 'breadcrumbs', 'aria-label': 'Breadcrumb' },
      h('a', { href: href.teams() }, 'Teams'),
      h(Icon, { name: 'next', class: 'icon crumb-sep' }),
      h('a', { href: href.progress(trainee.teamId) }, trainee.teamName),
      h(Icon, { name: 'next', class: 'icon crumb-sep' }),
      h('span', { 'aria-current': 'page' }, trainee.name),
    ),
    h(PageHeader, { title: trainee.name }, h('p', { class: 'lede' }, `${trainee.email} · ${trainee.teamName}`)),
    h(
      'div',
      { class: 'stats' },
      h(Stat, { label: 'Attempts', value: attempts.length + (data.more ? '+' : '') }),
      h(Stat, { label: 'Best overall', value: attempts.length ? best : '—' }),
      h(Stat, {
        label: 'Latest overall',
        value: latest ? latest.score : '—',
        hint: change ? h('span', { class: change.overall >= 0 ? 'trend up' : 'trend down' }, `${change.overall >= 0 ? '+' : ''}${change.overall} since first`) : null,
      }),
      h(Stat, { label: 'Assignments passed', value: progress ? `${passed}/${mine.length}` : '…' }),
    ),
    attempts.length === 0
      ? h(Card, null, h(Empty, { icon: 'chart', title: `${trainee.name} has not played yet` }, h('p', null, 'Scores, the chart and full transcripts appear here after the first finished conversation.')))
      : h(
          'div',
          { class: 'two-col two-col-wide' },
          h(
            Card,
            {
              title: 'Scores over time',
              actions: scenarios.length > 1 ? h('span', { class: 'muted small' }, scenario ? 'One scenario' : 'All scenarios') : null,
            },
            h(ScoreChart, { series, titles: series.ids.map((id) => { const a = attempts.find((x) => x.id === id)!; return `${a.scenarioTitle ?? a.scenarioId} · ${formatDateTime(a.createdAt)}`; }), label: `${trainee.name}'s empathy, ownership, timing and overall scores over ${plural(shown.length, 'attempt')}` }),
          ),
          h(AssignmentsCard, { progress, traineeId: trainee.id }),
        ),
    attempts.length
      ? h(
          Card,
          {
            title: 'Attempts',
            actions: field({ label: 'Scenario', class: 'field-inline' }, (p) =>
              h(
                'select',
                { ...p, value: scenario, onChange: (e: Event) => setScenario((e.target as HTMLSelectElement).value) },
                h('option', { value: '' }, `All scenarios (${attempts.length})`),
                scenarios.map(([id, title]) => h('option', { value: id }, title)),
              ),
            ),
          },
          h('ol', { class: 'attempts' }, shown.map((a, i) => h('li', { key: a.id }, h(AttemptItem, { a, open: i === 0, number: attempts.length - attempts.indexOf(a) })))),
          data.more ? h('p', { class: 'muted small' }, 'Older attempts are not shown.') : null,
        )
      : null,
  );
}

function AssignmentsCard({ progress, traineeId }: { progress: ProgressJson | null; traineeId: number }) {
  if (!progress) return h(Card, { title: 'Assignments' }, h(Loading, { label: 'Loading assignments…', rows: 3 }));
  const rows = progress.assignments
    .map((a) => ({ a, c: progress.cells.find((c) => c.assignmentId === a.id && c.userId === traineeId) }))
    .filter((r) => r.c && r.c.status !== 'not-assigned');
  return h(
    Card,
    { title: 'Assignments' },
    rows.length === 0
      ? h(Empty, { icon: 'book', title: 'No assignments' }, h('p', null, 'Nothing is assigned to this trainee right now.'))
      : h(
          'ul',
          { class: 'assignment-list' },
          rows.map(({ a, c }) =>
            h(
              'li',
              { key: a.id },
              h('div', null, h('div', { class: 'strong' }, a.scenarioTitle ?? a.scenarioId), h('div', { class: 'sub' }, `${c!.status === 'passed' ? `Due ${formatDate(a.dueAt)}` : dueLabel(a.dueAt)} · pass mark ${a.passMark}`)),
              h('div', { class: 'right' }, h(StatusBadge, { status: c!.status }), h('div', { class: 'sub' }, c!.best === null ? 'not played' : `best ${c!.best} · ${plural(c!.attempts, 'attempt')}`)),
            ),
          ),
        ),
  );
}

function AttemptItem({ a, open, number }: { a: AttemptDetail; open: boolean; number: number }) {
  return h(
    'details',
    { class: 'attempt', open, 'data-attempt': a.id },
    h(
      'summary',
      null,
      h(
        'div',
        { class: 'attempt-head' },
        h('div', { class: 'attempt-title' }, h('span', { class: 'strong' }, a.scenarioTitle ?? a.scenarioId), h('span', { class: 'sub' }, `Attempt ${number} · ${formatDateTime(a.createdAt)}${a.assignmentId ? ' · assignment' : ' · free play'}`)),
        h(
          'div',
          { class: 'attempt-scores' },
          a.outcome ? h(Badge, { tone: a.outcome }, OUTCOME_LABEL[a.outcome] ?? a.outcome) : null,
          a.assignmentId ? h(Badge, { tone: a.passed ? 'pass' : 'fail' }, a.passed ? 'Passed' : 'Below pass mark') : null,
          h(
            'span',
            { class: 'dims' },
            h('span', { 'aria-hidden': 'true' }, `E ${a.empathy}`),
            h('span', { 'aria-hidden': 'true' }, `O ${a.ownership}`),
            h('span', { 'aria-hidden': 'true' }, `T ${a.timing}`),
            h('span', { class: 'sr-only' }, `Empathy ${a.empathy}, ownership ${a.ownership}, timing ${a.timing},`),
          ),
          h('span', { class: 'overall' }, h('span', { class: 'sr-only' }, 'overall '), a.score),
        ),
      ),
    ),
    h(Transcript, { a }),
  );
}

function Transcript({ a }: { a: AttemptDetail }) {
  return h(
    'div',
    { class: 'transcript' },
    h('p', { class: 'muted small' }, `Customer satisfaction at the end: ${a.satisfaction}%.`),
    a.outcome && a.outcome !== 'won-back'
      ? h('p', { class: 'small cap-note', 'data-cap': 'true' }, `${a.outcome === 'went-public' ? 'The customer went public' : 'The customer was lost'}, so the overall score is capped at ${UNWON_CAP}: a pass always means the customer was won back.`)
      : null,
    h('ol', { class: 'turns' }, a.lines.map((l, i) => h(Turn, { key: l.turn, l, typed: a.ownWords?.find((w) => w.turn === i) }))),
    a.ending
      ? h(
          'div',
          { class: `ending ending-${a.ending.outcome}` },
          h('div', { class: 'who' }, 'Ending · ', OUTCOME_LABEL[a.ending.outcome] ?? a.ending.outcome),
          h('p', { class: 'quote' }, a.ending.line),
          h('p', { class: 'sub' }, a.ending.summary),
        )
      : null,
  );
}

function Turn({ l, typed }: { l: TranscriptLine; typed?: OwnWordsTurn }) {
  const slow = l.patience !== null && !l.silence && l.seconds > l.patience * 0.75;
  return h(
    'li',
    { class: 'turn', 'data-turn': l.turn },
    h('div', { class: 'bubble customer' }, h('div', { class: 'who' }, 'Customer', l.emotion ? h('span', { class: `emotion emotion-${l.emotion}` }, l.emotion) : null), h('p', null, l.customer ?? h('em', null, `(line “${l.node}” is no longer in the scenario)`))),
    h(
      'div',
      { class: l.silence ? 'bubble trainee silence' : 'bubble trainee' },
      h(
        'div',
        { class: 'who' },
        'Trainee',
        h('span', { class: slow ? 'secs slow' : 'secs', title: l.patience !== null ? `The customer would wait ${seconds(Math.round(l.patience))}` : undefined }, h(Icon, { name: 'clock' }), l.silence ? `silent for ${seconds(l.seconds)}` : `${seconds(l.seconds)}${l.patience !== null ? ` of ${seconds(Math.round(l.patience))}` : ''}`),
      ),
      // Own-words mode: the trainee's own words first; the authored reply they confirmed is what was scored.
      typed ? h('p', { class: 'typed', 'data-typed': typed.turn }, h('span', { class: 'small muted' }, 'Typed: '), `“${typed.typed}”`) : null,
      typed ? h('p', { class: 'small muted typed-mapped', 'data-corrected': String(typed.corrected) }, typed.corrected ? 'Read as another reply; the trainee picked:' : 'Understood as, and confirmed:') : null,
      h('p', null, l.silence ? h('em', null, 'Said nothing until the customer ran out of patience.') : (l.player ?? h('em', null, `(choice “${l.choice}”)`))),
      // Replies are shown in an order of their own per attempt; known for attempts stored with their seed.
      l.position !== null && l.shown ? h('p', { class: 'shown-at small muted', 'data-position': l.position }, `reply ${l.position} of ${l.shown.length} as shown`) : null,
      h('ul', { class: 'moves', 'aria-label': 'Moves' }, l.moves.map((m) => h('li', { class: 'move' }, m))),
    ),
    l.feedback.length ? h('ul', { class: 'feedback', 'aria-label': 'Feedback at this turn' }, l.feedback.map((f) => h(FeedbackItem, { f }))) : null,
  );
}

function FeedbackItem({ f }: { f: FeedbackJson }) {
  const good = f.points > 0;
  return h(
    'li',
    { class: good ? 'fb good' : 'fb bad', 'data-rule': f.rule },
    h('span', { class: 'fb-points' }, h('span', { 'aria-hidden': 'true' }, `${good ? '+' : '−'}${Math.abs(f.points)}`), h('span', { class: 'sr-only' }, `${good ? 'plus' : 'minus'} ${Math.abs(f.points)} ${f.dimension}`)),
    h('div', null, h('div', { class: 'fb-head' }, h('strong', null, f.principle), h('span', { class: 'fb-dim' }, f.dimension), h('code', { class: 'fb-rule' }, f.rule)), h('p', null, f.text)),
  );
}

