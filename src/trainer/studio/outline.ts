// The scenario's outline: a tree (ARIA tree with one tab stop, arrow keys move) of the scenario's
// settings, its nodes and its endings. Enter opens an item, F2 renames it, Delete removes it, Insert
// (or N) adds a node or ending to the group, Alt+Up/Down moves it.
import { h } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { Icon } from '../components/ui.ts';
import { ids, SLUG, slugify, type Data, type Part, type Selection } from './model.ts';

type Item = { key: string; level: 1 | 2; label: string; group?: Part; part?: Part; id?: string; sel?: Selection; problems: number; start?: boolean };

export interface OutlineProps {
  data: Data;
  selected: Selection;
  problemsFor: (sel: Selection) => number;
  onSelect: (sel: Selection) => void;
  onAdd: (part: Part) => void;
  onRename: (part: Part, from: string, to: string) => string | null;
  onRemove: (part: Part, id: string) => void;
  onMove: (part: Part, id: string, by: -1 | 1) => void;
}

const selKey = (s: Selection) => (s.kind === 'scenario' ? 'scenario' : `${s.kind}:${s.id}`);

export function Outline(p: OutlineProps) {
  const [open, setOpen] = useState<Record<Part, boolean>>({ nodes: true, endings: true });
  const [focus, setFocus] = useState<string>(selKey(p.selected));
  const [renaming, setRenaming] = useState<string | null>(null);
  const [renameError, setRenameError] = useState<string | null>(null);
  const ref = useRef<HTMLUListElement>(null);
  const moveFocus = useRef(false);

  const items: Item[] = [{ key: 'scenario', level: 1, label: 'Customer and briefing', sel: { kind: 'scenario' }, problems: p.problemsFor({ kind: 'scenario' }) }];
  for (const part of ['nodes', 'endings'] as const) {
    const list = ids(p.data, part);
    items.push({ key: `group:${part}`, level: 1, label: `${part === 'nodes' ? 'Nodes' : 'Endings'} (${list.length})`, group: part, problems: 0 });
    if (open[part]) {
      for (const id of list) {
        const sel: Selection = part === 'nodes' ? { kind: 'node', id } : { kind: 'ending', id };
        items.push({ key: selKey(sel), level: 2, label: id, part, id, sel, problems: p.problemsFor(sel), start: part === 'nodes' && p.data.start === id });
      }
    }
  }
  const current = items.find((i) => i.key === focus) ?? items[0];

  useEffect(() => {
    // A key not in the list yet (a rename the data has not caught up with) waits for the next render.
    if (!moveFocus.current || current.key !== focus) return;
    moveFocus.current = false;
    ref.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(current.key)}"]`)?.focus();
  });

  const go = (key: string) => {
    moveFocus.current = true;
    setFocus(key);
  };
  const groupOf = (item: Item): Part | undefined => item.group ?? item.part;

  // The item a key acts on is the one that has the focus, even before the state has caught up with it.
  const focusedItem = (e: KeyboardEvent): Item => {
    const key = (e.target as HTMLElement | null)?.closest?.('[data-key]')?.getAttribute('data-key');
    return items.find((it) => it.key === key) ?? current;
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (renaming) return;
    const current = focusedItem(e);
    const i = items.indexOf(current);
    const part = groupOf(current);
    switch (e.key) {
      case 'ArrowDown':
        if (i < items.length - 1) go(items[i + 1].key);
        break;
      case 'ArrowUp':
        if (e.altKey && current.part && current.id) p.onMove(current.part, current.id, -1);
        else if (i > 0) go(items[i - 1].key);
        break;
      case 'Home':
        go(items[0].key);
        break;
      case 'End':
        go(items[items.length - 1].key);
        break;
      case 'ArrowRight':
        if (current.group && !open[current.group]) setOpen({ ...open, [current.group]: true });
        else if (current.group && items[i + 1]?.level === 2) go(items[i + 1].key);
        break;
      case 'ArrowLeft':
        if (current.group && open[current.group]) setOpen({ ...open, [current.group]: false });
        else if (current.level === 2 && current.part) go(`group:${current.part}`);
        break;
      case 'Enter':
      case ' ':
        if (current.sel) p.onSelect(current.sel);
        else if (current.group) setOpen({ ...open, [current.group]: !open[current.group] });
        break;
      case 'F2':
        if (current.id) {
          setRenameError(null);
          setRenaming(current.key);
        }
        break;
      case 'Delete':
        if (current.part && current.id) {
          const next = items[i + 1]?.level === 2 ? items[i + 1] : items[i - 1];
          p.onRemove(current.part, current.id);
          go(next.key);
        }
        break;
      case 'Insert':
      case 'n':
      case 'N':
        if (part) p.onAdd(part);
        break;
      default:
        return;
    }
    e.preventDefault();
  };
  // Alt+ArrowDown moves the item; plain ArrowDown moves the focus (above).
  const keyDown = (e: KeyboardEvent) => {
    const current = focusedItem(e);
    if (e.key === 'ArrowDown' && e.altKey && current.part && current.id && !renaming) {
      e.preventDefault();
      p.onMove(current.part, current.id, 1);
      return;
    }
    onKeyDown(e);
  };

  const finishRename = (item: Item, value: string) => {
    if (!item.part || !item.id) return;
    const to = slugify(value);
    if (!SLUG.test(to)) {
      setRenameError('Use lower-case words joined by hyphens, like "offer-refund".');
      return;
    }
    const error = to === item.id ? null : p.onRename(item.part, item.id, to);
    if (error) {
      setRenameError(error);
      return;
    }
    setRenaming(null);
    const sel: Selection = item.part === 'nodes' ? { kind: 'node', id: to } : { kind: 'ending', id: to };
    go(selKey(sel));
  };

  return h(
    'div',
    { class: 'outline' },
    h(
      'ul',
      { role: 'tree', 'aria-label': 'Scenario outline', class: 'outline-tree', ref, onKeyDown: keyDown },
      items.map((item) => {
        const isSel = item.sel && selKey(item.sel) === selKey(p.selected);
        const rowProps = {
          role: 'treeitem',
          'data-key': item.key,
          tabIndex: item.key === current.key ? 0 : -1,
          'aria-level': item.level,
          'aria-selected': item.sel ? (isSel ? 'true' : 'false') : undefined,
          'aria-expanded': item.group ? String(open[item.group]) : undefined,
          class: ['outline-item', `level-${item.level}`, isSel && 'selected', item.group && 'group'].filter(Boolean).join(' '),
          onClick: () => {
            setFocus(item.key);
            if (item.sel) p.onSelect(item.sel);
            else if (item.group) setOpen({ ...open, [item.group]: !open[item.group] });
          },
          onFocus: () => setFocus(item.key),
        };
        if (renaming === item.key) {
          return h(
            'li',
            { ...rowProps, class: `${rowProps.class} renaming` },
            h('input', {
              class: 'outline-rename',
              'aria-label': `New id for ${item.label}`,
              'aria-invalid': renameError ? 'true' : undefined,
              'aria-describedby': renameError ? 'outline-rename-error' : undefined,
              value: item.label,
              ref: (el: HTMLInputElement | null) => el && document.activeElement !== el && (el.focus(), el.select()),
              onKeyDown: (e: KeyboardEvent) => {
                e.stopPropagation();
                if (e.key === 'Enter') finishRename(item, (e.currentTarget as HTMLInputElement).value);
                if (e.key === 'Escape') {
                  setRenaming(null);
                  go(item.key);
                }
              },
              onBlur: () => setRenaming(null),
            }),
            renameError ? h('span', { id: 'outline-rename-error', class: 'field-error', role: 'alert' }, renameError) : null,
          );
        }
        return h(
          'li',
          rowProps,
          item.group ? h('span', { class: `chevron${open[item.group] ? ' open' : ''}`, 'aria-hidden': 'true' }, h(Icon, { name: 'next' })) : null,
          h('span', { class: 'outline-label' }, item.label),
          item.start ? h('span', { class: 'outline-tag' }, 'start') : null,
          item.problems ? h('span', { class: 'outline-problems', 'aria-label': `${item.problems} problem${item.problems === 1 ? '' : 's'}` }, String(item.problems)) : null,
        );
      }),
    ),
    h('p', { class: 'outline-keys', id: 'outline-keys' }, 'Arrows move · Enter opens · F2 renames · N adds · Delete removes · Alt+↑↓ reorders'),
  );
}
