// Runs a command-line tool (espeak-ng, sox) as a child process: the caller's event loop stays free.
import { spawn } from 'node:child_process';

/** Runs a command; rejects with its stderr when it fails. */
export function run(cmd: string, args: string[], input?: string | Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    p.stdout.on('data', (d: Buffer) => out.push(d));
    p.stderr.on('data', (d: Buffer) => err.push(d));
    p.on('error', reject);
    p.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new Error(`${cmd} ${args.join(' ')} failed (${code}): ${Buffer.concat(err).toString().trim()}`));
    });
    p.stdin.on('error', () => {});
    p.stdin.end(input ?? '');
  });
}
