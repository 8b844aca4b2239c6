// The studio's forms: the customer and briefing, a node with its replies and silence, an ending.
import { h } from 'preact';
import { useContext } from 'preact/hooks';
import { MOVE_INFO, MOVES, type Move } from '../../engine/moves.ts';
import { EMOTIONS, OUTCOMES, PERSONAS, SETTINGS } from '../../engine/vocabulary.ts';
import type { FieldPath } from '../../shared/studio-checks.ts';
import { Button } from '../components/ui.ts';
import { Check, Form, NumberField, PartProblems, problemsAt, SelectField, TextField } from './fields.ts';
import { addReply, getIn, ids, type Data } from './model.ts';
import { Portrait, type Look } from './portrait.ts';

const targets = (d: Data) => [...ids(d, 'nodes').map((id) => ({ value: id, label: `Node: ${id}` })), ...ids(d, 'endings').map((id) => ({ value: id, label: `Ending: ${id}` }))];

export function ScenarioForm() {
  const f = useContext(Form);
  const look = getIn(f.data, ['customer', 'look']) as Look | undefined;
  const rawName = getIn(f.data, ['customer', 'name']);
  const name = typeof rawName === 'string' ? rawName : '';
  return h(
    'div',
    { class: 'studio-form' },
    h('h2', { class: 'form-title', id: 'form-title', tabIndex: -1 }, 'Customer and briefing'),
    h(
      'fieldset',
      { class: 'form-section' },
      h('legend', null, 'Scenario'),
      h('div', { class: 'grid-2' }, h(TextField, { label: 'Title', path: ['title'] }), h(TextField, { label: 'Company', path: ['company'], hint: 'The company the player works for' })),
      h(
        'div',
        { class: 'grid-3' },
        h(SelectField, { label: 'Setting', path: ['setting'], options: SETTINGS }),
        h(SelectField, { label: 'Difficulty', path: ['difficulty'], options: ['easy', 'medium', 'hard'] }),
        h(SelectField, { label: 'First node', path: ['start'], options: ids(f.data, 'nodes') }),
      ),
    ),
    h(
      'fieldset',
      { class: 'form-section customer' },
      h('legend', null, 'Customer'),
      h(
        'div',
        { class: 'customer-grid' },
        h(
          'div',
          null,
          h('div', { class: 'grid-2' }, h(TextField, { label: 'Name', path: ['customer', 'name'] }), h(SelectField, { label: 'Persona', path: ['customer', 'persona'], options: PERSONAS, hint: 'voicer tells you; irate tells others; activist tells everyone' })),
          h(
            'div',
            { class: 'grid-3' },
            h(NumberField, { label: 'Starting mood', path: ['customer', 'mood'], min: 0, max: 100, hint: '0 furious – 100 happy' }),
            h(NumberField, { label: 'Patience (s)', path: ['customer', 'patience'], min: 5, max: 90, hint: 'Seconds they wait for an answer' }),
            h(TextField, { label: 'Voice', path: ['customer', 'voice'], optional: true, placeholder: 'en-gb+f3', hint: 'An espeak-ng voice' }),
          ),
          h(
            'div',
            { class: 'look-grid' },
            h(ColourField, { label: 'Skin', path: ['customer', 'look', 'skin'] }),
            h(ColourField, { label: 'Hair', path: ['customer', 'look', 'hair'] }),
            h(SelectField, { label: 'Hair style', path: ['customer', 'look', 'hairStyle'], options: ['short', 'long', 'bun', 'bald', 'curly'], optional: 'Default' }),
            h(ColourField, { label: 'Shirt', path: ['customer', 'look', 'shirt'] }),
            h('div', { class: 'field' }, h(Check, { label: 'Glasses', path: ['customer', 'look', 'glasses'] })),
          ),
        ),
        h('figure', { class: 'portrait-preview' }, h(Portrait, { look, name }), h('figcaption', null, 'Live preview')),
      ),
    ),
    h(
      'fieldset',
      { class: 'form-section' },
      h('legend', null, 'Briefing'),
      h(TextField, { label: 'Who the customer is', path: ['briefing', 'who'], multiline: true }),
      h(TextField, { label: 'What went wrong', path: ['briefing', 'mistake'], multiline: true }),
      h(TextField, { label: 'What a good outcome looks like', path: ['briefing', 'goal'], multiline: true }),
    ),
  );
}

function ColourField({ label, path }: { label: string; path: FieldPath }) {
  const f = useContext(Form);
  const v = getIn(f.data, path);
  const id = `colour-${path.join('-')}`;
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    h('input', { id, class: 'input input-colour', type: 'color', value: typeof v === 'string' && /^#[0-9a-f]{6}$/i.test(v) ? v : '#888888', onInput: (e: Event) => f.set(path, (e.currentTarget as HTMLInputElement).value) }),
  );
}

export function NodeForm({ id }: { id: string }) {
  const f = useContext(Form);
  const base = ['nodes', id];
  const choices = (getIn(f.data, [...base, 'choices']) as Data[] | undefined) ?? [];
  const silence = getIn(f.data, [...base, 'silence']) as Data | undefined;
  return h(
    'div',
    { class: 'studio-form' },
    h('h2', { class: 'form-title', id: 'form-title', tabIndex: -1 }, h('span', { class: 'form-kicker' }, 'Node'), id),
    h(PartProblems, { path: base }),
    h(
      'fieldset',
      { class: 'form-section' },
      h('legend', null, 'What the customer says'),
      h(TextField, { label: 'Narration', path: [...base, 'narration'], optional: true, hint: 'Scene text shown before the line, e.g. "Two hours later…"' }),
      h(TextField, { label: 'Line', path: [...base, 'line'], multiline: true }),
      h('div', { class: 'grid-2' }, h(SelectField, { label: 'Emotion', path: [...base, 'emotion'], options: EMOTIONS }), h(NumberField, { label: 'Patience here (s)', path: [...base, 'patience'], min: 5, max: 90, optional: true, hint: 'Leave empty to keep the customer’s patience' })),
    ),
    choices.map((c, i) => h(ReplyForm, { key: i, node: id, index: i, reply: c, count: choices.length })),
    h('div', { class: 'form-actions' }, h(Button, { icon: 'plus', small: true, onClick: () => f.set([], addReply(f.data, id)) }, 'Add reply')),
    h(
      'fieldset',
      { class: 'form-section' },
      h('legend', null, 'If the player says nothing'),
      silence
        ? h(
            'div',
            null,
            h(TextField, { label: 'What the customer does', path: [...base, 'silence', 'line'], optional: true }),
            h(LeadsTo, { path: [...base, 'silence', 'next'] }),
            h(Button, { small: true, variant: 'ghost', icon: 'trash', onClick: () => f.set([...base, 'silence'], undefined) }, 'Remove silence branch'),
          )
        : h(Button, { small: true, icon: 'plus', onClick: () => f.set([...base, 'silence'], { line: '', next: ids(f.data, 'endings')[0] ?? id }) }, 'Add a silence branch'),
    ),
  );
}

function ReplyForm({ node, index, reply, count }: { node: string; index: number; reply: Data; count: number }) {
  const f = useContext(Form);
  const base = ['nodes', node, 'choices', index];
  const moves = Array.isArray(reply.moves) ? (reply.moves as string[]) : [];
  const toggle = (m: Move, on: boolean) => f.set([...base, 'moves'], on ? [...moves, m] : moves.filter((x) => x !== m));
  const moveProblems = problemsAt(f.problems, [...base, 'moves']);
  return h(
    'fieldset',
    { class: 'form-section reply', 'data-reply': `${node}/${index}` },
    h('legend', null, `Reply ${index + 1}`),
    h(PartProblems, { path: base }),
    h('div', { class: 'grid-reply' }, h(TextField, { label: 'What the player says', path: [...base, 'text'], multiline: true }), h(TextField, { label: 'Reply id', path: [...base, 'id'], hint: 'Used in transcripts' })),
    h(
      'details',
      { class: 'moves', open: moves.length === 0 || moveProblems.length > 0 },
      h('summary', null, 'Moves: ', moves.length ? moves.map((m) => h('span', { class: `move-chip ${MOVE_INFO[m as Move]?.kind ?? ''}` }, m)) : h('em', null, 'none yet')),
      moveProblems.length ? h('p', { class: 'field-error' }, moveProblems.map((p) => p.message).join(' · ')) : null,
      h(
        'div',
        { class: 'move-list', role: 'group', 'aria-label': `Moves of reply ${index + 1}` },
        MOVES.map((m) =>
          h(
            'label',
            { class: `move-option ${MOVE_INFO[m].kind}` },
            h('input', { type: 'checkbox', checked: moves.includes(m), onChange: (e: Event) => toggle(m, (e.currentTarget as HTMLInputElement).checked) }),
            h('span', { class: 'move-name' }, m),
            h('span', { class: 'move-meaning' }, MOVE_INFO[m].meaning, ' — ', h('em', null, MOVE_INFO[m].principle)),
          ),
        ),
      ),
    ),
    h(LeadsTo, { path: [...base, 'next'] }),
    h(
      'div',
      { class: 'grid-3' },
      h(NumberField, { label: 'Extra mood change', path: [...base, 'effect', 'mood'], min: -100, max: 100, optional: true }),
      h(NumberField, { label: 'Extra patience (s)', path: [...base, 'effect', 'patience'], min: -60, max: 60, optional: true }),
      h(TextField, { label: 'Debrief note', path: [...base, 'note'], optional: true }),
    ),
    count > 1 ? h(Button, { small: true, variant: 'ghost', icon: 'trash', onClick: () => f.set(['nodes', node, 'choices', index], undefined) }, `Remove reply ${index + 1}`) : null,
  );
}

// ---- where a reply leads: one target, or branches tried in order -------------------------------

type Clause = { kind: 'mood' | 'patience' | 'distrust'; op: string; value: number } | { kind: 'said' | 'not said'; move: string };

function parseClauses(text: unknown): Clause[] {
  if (typeof text !== 'string' || !text.trim()) return [];
  return text.split(/\s+and\s+/).map((c): Clause => {
    const cmp = /^(mood|patience|distrust)\s*(>=|<=|>|<)\s*(-?\d+(?:\.\d+)?)$/.exec(c.trim());
    if (cmp) return { kind: cmp[1] as 'mood', op: cmp[2], value: Number(cmp[3]) };
    const said = /^(not\s+)?said\s+(\S+)$/.exec(c.trim());
    return { kind: said?.[1] ? 'not said' : 'said', move: said?.[2] ?? 'apologize' };
  });
}

const clauseText = (c: Clause) => ('op' in c ? `${c.kind} ${c.op} ${c.value}` : `${c.kind} ${c.move}`);

function LeadsTo({ path }: { path: FieldPath }) {
  const f = useContext(Form);
  const next = getIn(f.data, path);
  const opts = targets(f.data);
  if (!Array.isArray(next)) {
    return h(
      'div',
      { class: 'leads-to' },
      h(SelectField, { label: 'Leads to', path, options: opts }),
      h(Button, { small: true, variant: 'ghost', icon: 'plus', onClick: () => f.set(path, [{ if: 'mood >= 50', to: typeof next === 'string' ? next : (opts[0]?.value ?? '') }, { to: typeof next === 'string' ? next : (opts[0]?.value ?? '') }]) }, 'Branch on the customer'),
    );
  }
  const branches = next as Data[];
  return h(
    'div',
    { class: 'branches', role: 'group', 'aria-label': 'Branches, tried in order' },
    h('p', { class: 'branches-title' }, 'Leads to the first branch whose condition holds'),
    h(PartProblems, { path }),
    branches.map((b, i) => {
      const clauses = parseClauses(b.if);
      const setClauses = (cs: Clause[]) => f.set([...path, i, 'if'], cs.length ? cs.map(clauseText).join(' and ') : undefined);
      const last = i === branches.length - 1;
      return h(
        'div',
        { class: 'branch', key: i },
        h('span', { class: 'branch-when' }, clauses.length ? 'When' : last ? 'Otherwise' : 'Always'),
        clauses.map((c, j) =>
          h(
            'span',
            { class: 'clause', key: j },
            h(
              'select',
              {
                class: 'input input-small',
                'aria-label': `Branch ${i + 1} condition ${j + 1}: what to test`,
                value: c.kind,
                onChange: (e: Event) => {
                  const k = (e.currentTarget as HTMLSelectElement).value as Clause['kind'];
                  const nc: Clause = k === 'said' || k === 'not said' ? { kind: k, move: 'move' in c ? c.move : 'apologize' } : { kind: k, op: 'op' in c ? c.op : '>=', value: 'value' in c ? c.value : 50 };
                  setClauses(clauses.map((x, n) => (n === j ? nc : x)));
                },
              },
              ['mood', 'patience', 'distrust', 'said', 'not said'].map((k) => h('option', { value: k }, k)),
            ),
            'op' in c
              ? [
                  h('select', { class: 'input input-small', 'aria-label': `Branch ${i + 1} condition ${j + 1}: comparison`, value: c.op, onChange: (e: Event) => setClauses(clauses.map((x, n) => (n === j ? { ...c, op: (e.currentTarget as HTMLSelectElement).value } : x))) }, ['>=', '>', '<=', '<'].map((o) => h('option', { value: o }, o))),
                  h('input', { class: 'input input-small input-number', type: 'number', 'aria-label': `Branch ${i + 1} condition ${j + 1}: value`, value: String(c.value), onInput: (e: Event) => setClauses(clauses.map((x, n) => (n === j ? { ...c, value: Number((e.currentTarget as HTMLInputElement).value) } : x))) }),
                ]
              : h('select', { class: 'input input-small', 'aria-label': `Branch ${i + 1} condition ${j + 1}: move`, value: c.move, onChange: (e: Event) => setClauses(clauses.map((x, n) => (n === j ? { ...c, move: (e.currentTarget as HTMLSelectElement).value } : x))) }, MOVES.map((m) => h('option', { value: m }, m))),
            h('button', { type: 'button', class: 'icon-btn', 'aria-label': `Remove condition ${j + 1} of branch ${i + 1}`, onClick: () => setClauses(clauses.filter((_, n) => n !== j)) }, '×'),
          ),
        ),
        h('button', { type: 'button', class: 'link-btn', onClick: () => setClauses([...clauses, { kind: 'mood', op: '>=', value: 50 }]) }, clauses.length ? 'and…' : 'add condition'),
        h('span', { class: 'branch-arrow', 'aria-hidden': 'true' }, '→'),
        h(
          'select',
          { class: 'input input-small', 'aria-label': `Branch ${i + 1} leads to`, value: typeof b.to === 'string' ? b.to : '', onChange: (e: Event) => f.set([...path, i, 'to'], (e.currentTarget as HTMLSelectElement).value) },
          opts.map((o) => h('option', { value: o.value }, o.label)),
        ),
        h('button', { type: 'button', class: 'icon-btn', 'aria-label': `Remove branch ${i + 1}`, onClick: () => f.set(path, branches.length > 1 ? branches.filter((_, n) => n !== i) : (branches[0]?.to ?? '')) }, '×'),
      );
    }),
    h(Button, { small: true, variant: 'ghost', icon: 'plus', onClick: () => f.set(path, [...branches.slice(0, -1), { if: 'mood >= 50', to: opts[0]?.value ?? '' }, ...branches.slice(-1)]) }, 'Add branch'),
  );
}

export function EndingForm({ id }: { id: string }) {
  const base = ['endings', id];
  return h(
    'div',
    { class: 'studio-form' },
    h('h2', { class: 'form-title', id: 'form-title', tabIndex: -1 }, h('span', { class: 'form-kicker' }, 'Ending'), id),
    h(PartProblems, { path: base }),
    h(
      'fieldset',
      { class: 'form-section' },
      h('legend', null, 'How it ends'),
      h('div', { class: 'grid-2' }, h(SelectField, { label: 'Outcome', path: [...base, 'outcome'], options: OUTCOMES }), h(SelectField, { label: 'Emotion', path: [...base, 'emotion'], options: EMOTIONS })),
      h(TextField, { label: 'The customer’s last line', path: [...base, 'line'], multiline: true }),
      h(TextField, { label: 'Summary for the debrief', path: [...base, 'summary'], multiline: true, hint: 'One sentence: what happened to this customer' }),
    ),
  );
}
