// Small, dependency-free checks for the asset tests: XML well-formedness for SVG files and the basic
// facts of an OGG Vorbis file (channels, sample rate, length).

export interface XmlReport {
  ok: boolean;
  errors: string[];
  root?: string;
  rootAttributes: Record<string, string>;
  ids: string[];
  references: string[];
}

const NAME = '[A-Za-z_][\\w:.-]*';
const ATTR = new RegExp(`(${NAME})\\s*=\\s*("([^"]*)"|'([^']*)')`, 'g');
const TAG = new RegExp(`<(/?)(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"]*"|'[^']*'))*)\\s*(/?)>`, 'y');
const ENTITY = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;

/** A strict enough XML well-formedness check: balanced tags, quoted unique attributes, escaped text. */
export function checkXml(text: string): XmlReport {
  const errors: string[] = [];
  const ids: string[] = [];
  const references: string[] = [];
  const stack: string[] = [];
  let root: string | undefined;
  let rootAttributes: Record<string, string> = {};
  let rootClosed = false;
  let i = 0;
  const line = (at: number) => text.slice(0, at).split('\n').length;
  const checkText = (s: string, at: number) => {
    if (ENTITY.test(s)) errors.push(`line ${line(at)}: bare "&"`);
    if (s.trim() && !stack.length) errors.push(`line ${line(at)}: text outside the root element`);
  };
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt === -1) {
      checkText(text.slice(i), i);
      break;
    }
    checkText(text.slice(i, lt), i);
    if (text.startsWith('<?', lt)) {
      const end = text.indexOf('?>', lt);
      if (end === -1 || stack.length || root) errors.push(`line ${line(lt)}: bad processing instruction`);
      i = end === -1 ? text.length : end + 2;
      continue;
    }
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt);
      if (end === -1) errors.push(`line ${line(lt)}: unclosed comment`);
      i = end === -1 ? text.length : end + 3;
      continue;
    }
    if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt);
      if (end === -1) errors.push(`line ${line(lt)}: unclosed CDATA`);
      i = end === -1 ? text.length : end + 3;
      continue;
    }
    if (text.startsWith('<!DOCTYPE', lt)) {
      i = text.indexOf('>', lt) + 1 || text.length;
      continue;
    }
    TAG.lastIndex = lt;
    const m = TAG.exec(text);
    if (!m) {
      errors.push(`line ${line(lt)}: malformed tag "${text.slice(lt, lt + 40)}"`);
      break;
    }
    const [whole, closing, name, attrText, selfClosing] = m;
    if (closing) {
      if (attrText.trim() || selfClosing) errors.push(`line ${line(lt)}: malformed closing tag </${name}>`);
      const open = stack.pop();
      if (open !== name) errors.push(`line ${line(lt)}: </${name}> closes <${open ?? 'nothing'}>`);
      if (!stack.length) rootClosed = true;
    } else {
      if (rootClosed || (!stack.length && root)) errors.push(`line ${line(lt)}: more than one root element`);
      const attrs: Record<string, string> = {};
      for (const a of attrText.matchAll(ATTR)) {
        const value = a[3] ?? a[4] ?? '';
        if (a[1] in attrs) errors.push(`line ${line(lt)}: <${name}> repeats the attribute ${a[1]}`);
        if (value.includes('<') || ENTITY.test(value)) errors.push(`line ${line(lt)}: unescaped character in ${a[1]}`);
        attrs[a[1]] = value;
        if (a[1] === 'id') ids.push(value);
        for (const ref of value.matchAll(/url\(#([^)]+)\)/g)) references.push(ref[1]);
        if (a[1] === 'href' || a[1] === 'xlink:href') if (value.startsWith('#')) references.push(value.slice(1));
      }
      if (!root) {
        root = name;
        rootAttributes = attrs;
      }
      if (!selfClosing) stack.push(name);
      else if (!stack.length) rootClosed = true;
    }
    i = lt + whole.length;
  }
  if (stack.length) errors.push(`unclosed <${stack.join('>, <')}>`);
  if (!root) errors.push('no root element');
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) errors.push(`duplicate id "${id}"`);
    seen.add(id);
  }
  for (const ref of references) if (!seen.has(ref)) errors.push(`reference to missing id "${ref}"`);
  return { ok: errors.length === 0, errors, root, rootAttributes, ids, references };
}

export interface OggInfo {
  ok: boolean;
  error?: string;
  channels?: number;
  rate?: number;
  seconds?: number;
}

/** Reads the Vorbis identification header and the last page's granule position. */
export function oggInfo(buf: Buffer): OggInfo {
  if (buf.length < 58 || buf.toString('latin1', 0, 4) !== 'OggS') return { ok: false, error: 'does not start with "OggS"' };
  const id = buf.indexOf('\x01vorbis', 0, 'latin1');
  if (id < 0 || id > 200) return { ok: false, error: 'no Vorbis identification header' };
  const channels = buf.readUInt8(id + 11);
  const rate = buf.readUInt32LE(id + 12);
  const last = buf.lastIndexOf('OggS', buf.length - 1, 'latin1');
  const granule = Number(buf.readBigInt64LE(last + 6));
  return { ok: true, channels, rate, seconds: rate ? granule / rate : undefined };
}
