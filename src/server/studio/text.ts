// Small edits of a scenario's YAML text that keep everything else as the trainer typed it: the id
// and title lines at the top level, read and replaced without a round trip through a YAML library.

const ID_LINE = /^id:[ \t]*(.*)$/m;
const TITLE_LINE = /^title:[ \t]*(.*)$/m;

function unquote(v: string): string {
  const t = v.replace(/\s+#.*$/, '').trim();
  if ((t.startsWith('"') && t.endsWith('"')) || (t.startsWith("'") && t.endsWith("'"))) return t.slice(1, -1).trim();
  return t;
}

/** The top-level `id:` of a YAML text, or null. */
export function idOf(yaml: string): string | null {
  const m = ID_LINE.exec(yaml);
  const v = m ? unquote(m[1]) : '';
  return v || null;
}

/** The top-level `title:`, or null (a draft that does not parse still has a name in the list). */
export function titleOf(yaml: string): string | null {
  const m = TITLE_LINE.exec(yaml);
  const v = m ? unquote(m[1]) : '';
  return v || null;
}

/** The text with its top-level id set to `id` (added at the top when there is none). */
export function withId(yaml: string, id: string): string {
  return ID_LINE.test(yaml) ? yaml.replace(ID_LINE, `id: ${id}`) : `id: ${id}\n${yaml}`;
}

/** The text with its top-level title set (kept as a quoted YAML string). */
export function withTitle(yaml: string, title: string): string {
  const line = `title: ${JSON.stringify(title)}`;
  return TITLE_LINE.test(yaml) ? yaml.replace(TITLE_LINE, () => line) : yaml.replace(ID_LINE, (l) => `${l}\n${line}`);
}
