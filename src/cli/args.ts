// Argument parsing on top of node:util parseArgs, with mistakes reported as CliErrors.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './command.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parse<O extends Options>(args: string[], options: O, usage: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    const message = (e as Error).message.split('\n')[0].replace(/\. To specify a positional argument.*$/, '');
    throw new CliError(`${message}\nusage: ${usage}`);
  }
}

/** "a,b, c" -> ["a", "b", "c"]; empty items are errors. */
export function list(value: string, what: string): string[] {
  const items = value.split(',').map((v) => v.trim());
  const empty = items.findIndex((v) => v === '');
  if (empty >= 0) throw new CliError(`${what}: item ${empty + 1} is empty in "${value}"`);
  return items;
}

/** A list of positive numbers of seconds. */
export function secondsList(value: string): number[] {
  return list(value, '--seconds').map((v, i) => {
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new CliError(`--seconds: item ${i + 1} ("${v}") is not a positive number of seconds`);
    return n;
  });
}
