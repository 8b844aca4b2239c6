// Edit an assignment (due date, pass mark, attempt limit, own words, who it is for) or withdraw it.
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../api.ts';
import { fromLocalInput, toLocalInput } from '../lib/format.ts';
import type { AssignmentJson } from '../../shared/types.ts';
import { Button, ConfirmDialog, Dialog, ErrorBox, notify } from '../components/ui.ts';
import { AssignmentSettings, TraineePicker, validateSettings, type SettingsValue } from './assignment-fields.ts';

export function AssignmentDialog({
  assignment,
  trainees,
  onClose,
  onChanged,
}: {
  assignment: AssignmentJson | null;
  trainees: { id: number; name: string }[];
  onClose: () => void;
  onChanged: () => void;
}) {
  const [value, setValue] = useState<SettingsValue | null>(null);
  const [chosen, setChosen] = useState<number[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirm, setConfirm] = useState(false);

  useEffect(() => {
    if (!assignment) return;
    setValue({ due: toLocalInput(assignment.dueAt), passMark: String(assignment.passMark), limit: assignment.maxAttempts === null ? '' : String(assignment.maxAttempts), ownWords: assignment.ownWords === true });
    setChosen(assignment.trainees);
    setError(null);
    setConfirm(false);
  }, [assignment]);

  if (!assignment || !value) return h(Dialog, { open: false, title: '', onClose });
  const title = assignment.scenarioTitle ?? assignment.scenarioId;
  const problems = validateSettings(value, { allowPast: true });
  const noTrainees = chosen !== null && chosen.length === 0;

  const save = async (e?: Event) => {
    e?.preventDefault();
    if (Object.keys(problems).length || noTrainees) {
      setError('Check the highlighted fields.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.updateAssignment(assignment.id, {
        dueAt: fromLocalInput(value.due) as string,
        passMark: Number(value.passMark),
        maxAttempts: value.limit === '' ? null : Number(value.limit),
        trainees: chosen,
        ownWords: value.ownWords,
      });
      notify(`“${title}” updated`);
      onChanged();
      onClose();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Could not save the changes.');
    } finally {
      setBusy(false);
    }
  };

  const withdraw = async () => {
    setBusy(true);
    try {
      await api.withdrawAssignment(assignment.id);
      notify(`“${title}” withdrawn`);
      setConfirm(false);
      onChanged();
      onClose();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Could not withdraw the assignment.');
      setConfirm(false);
    } finally {
      setBusy(false);
    }
  };

  return h(
    'div',
    null,
    h(
      Dialog,
      {
        open: !confirm,
        title: `Edit “${title}”`,
        onClose,
        wide: true,
        footer: [
          h(Button, { variant: 'danger', icon: 'trash', class: 'push-left', onClick: () => setConfirm(true) }, 'Withdraw'),
          h(Button, { variant: 'ghost', onClick: onClose }, 'Cancel'),
          h(Button, { variant: 'primary', busy, onClick: () => void save() }, 'Save changes'),
        ],
      },
      h(
        'form',
        { onSubmit: save, class: 'stack', noValidate: true },
        error ? h(ErrorBox, { error: { message: error }, title: 'Not saved' }) : null,
        h(AssignmentSettings, { value, onChange: setValue, problems }),
        h(TraineePicker, { trainees, chosen, onChange: setChosen }),
        h('button', { type: 'submit', hidden: true, tabIndex: -1 }, 'Save'),
      ),
    ),
    h(
      ConfirmDialog,
      { open: confirm, title: `Withdraw “${title}”?`, confirm: 'Withdraw assignment', danger: true, busy, onConfirm: withdraw, onClose: () => setConfirm(false) },
      h('p', null, 'Trainees will no longer see it. Attempts already made stay in their history as free play; the progress for this assignment is removed.'),
    ),
  );
}
