// "For your LMS": download the scenario as a cmi5 or SCORM 1.2 package (GET /api/trainer/lms/…).
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { Card, field, LinkButton } from '../components/ui.ts';
import { DEFAULT_PASS_MARK } from '../../engine/score.ts';

const MOVE_ON = [
  ['CompletedAndPassed', 'Completed and passed'],
  ['Passed', 'Passed'],
  ['Completed', 'Completed'],
  ['CompletedOrPassed', 'Completed or passed'],
] as const;

export function LmsExportCard({ scenarioId, title }: { scenarioId: string; title: string }) {
  const [moveOn, setMoveOn] = useState<string>('CompletedAndPassed');
  const sid = encodeURIComponent(scenarioId);
  return h(
    Card,
    { title: 'For your LMS' },
    h('p', { class: 'sub' }, `Upload “${title}” to a learning management system. Each decision, the three scores and pass or fail appear in its reports; the pass mark is ${DEFAULT_PASS_MARK}.`),
    field({ label: 'Counts as done when' }, (p) =>
      h('select', { ...p, value: moveOn, onChange: (e: Event) => setMoveOn((e.target as HTMLSelectElement).value) }, MOVE_ON.map(([v, label]) => h('option', { value: v }, label))),
    ),
    h(
      'div',
      { class: 'row' },
      h(LinkButton, { href: `/api/trainer/lms/cmi5/${sid}?moveOn=${moveOn}`, icon: 'download', download: `${scenarioId}-cmi5.zip` }, 'cmi5 package'),
      h(LinkButton, { href: `/api/trainer/lms/scorm12/${sid}`, icon: 'download', download: `${scenarioId}-scorm12.zip` }, 'SCORM 1.2 package'),
    ),
  );
}
