// Terminal presentation: colour (only on a terminal) and aligned columns.

const CODES = { bold: 1, dim: 2, red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36, grey: 90 } as const;
export type Colour = keyof typeof CODES;

export type Paint = (text: string, ...colours: Colour[]) => string;

export function painter(enabled: boolean): Paint {
  return (text, ...colours) => (enabled && colours.length ? `${colours.map((c) => `\x1b[${CODES[c]}m`).join('')}${text}\x1b[0m` : text);
}

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;

export function visibleLength(text: string): number {
  return text.replace(ANSI, '').length;
}

/** Rows of cells padded into columns; numbers (and cells marked right) align right. */
export function table(rows: readonly (readonly (string | number)[])[], indent = '  ', gap = '  '): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, visibleLength(String(cell)))));
  return rows.map((row) =>
    indent +
    row
      .map((cell, i) => {
        const text = String(cell);
        const pad = ' '.repeat(widths[i] - visibleLength(text));
        return typeof cell === 'number' ? pad + text : i === row.length - 1 ? text : text + pad;
      })
      .join(gap),
  );
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** Word-wraps text to `width` columns, every line starting with `indent`. */
export function wrap(text: string, width = 78, indent = '  '): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && indent.length + line.length + 1 + w.length > width) {
      lines.push(indent + line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(indent + line);
  return lines;
}
