// What every command gets and returns. Commands write through the context, never to process directly,
// and return the exit code.

export interface CliContext {
  /** Writes one line (a newline is added) to standard output. */
  out: (line?: string) => void;
  /** Writes one line to standard error. */
  err: (line?: string) => void;
  /** True when standard output is a terminal: colour and interactive prompts are allowed. */
  color: boolean;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  /** Every registered command, for help. */
  commands: readonly Command[];
}

export interface Command {
  name: string;
  /** How to call it, e.g. "lint [paths…]". */
  usage: string;
  /** One line for the command list. */
  summary: string;
  /** Extra lines for `help <command>`: options and examples. */
  details?: string[];
  run(args: string[], ctx: CliContext): Promise<number> | number;
}

/** A mistake by the person at the keyboard: printed as is, without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
