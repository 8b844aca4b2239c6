// Statements waiting for the LMS, kept in localStorage per registration so that nothing is lost when
// the LMS does not answer, the page closes or the browser restarts: flush() sends them in order and
// removes each only once the LRS has it. Ids derive from the attempt, so a resend stores nothing twice.
import type { Statement } from '../../shared/lms/xapi.ts';
import { readJson, writeJson } from '../storage.ts';

export class StatementQueue {
  #sending: Promise<void> | null = null;
  constructor(
    private storage: Storage,
    private key: string,
    private send: (batch: Statement[]) => Promise<void>,
  ) {}

  pending(): Statement[] {
    return readJson<Statement[]>(this.storage, this.key) ?? [];
  }

  /** Ids the LRS already acknowledged (a reload re-adds initialized: it is not sent again). */
  sent(): Set<string> {
    return new Set(readJson<string[]>(this.storage, `${this.key}.sent`) ?? []);
  }

  add(statements: readonly Statement[]): void {
    const now = this.pending();
    const ids = new Set([...now.map((s) => s.id), ...this.sent()]);
    writeJson(this.storage, this.key, [...now, ...statements.filter((s) => !ids.has(s.id))]);
  }

  /** Sends everything pending, oldest first; rejects with the LMS's error and keeps the rest. */
  flush(): Promise<void> {
    this.#sending ??= this.#flush().finally(() => (this.#sending = null));
    return this.#sending;
  }

  async #flush(): Promise<void> {
    for (;;) {
      const batch = this.pending();
      if (batch.length === 0) return;
      await this.send(batch);
      const sent = new Set(batch.map((s) => s.id));
      writeJson(this.storage, `${this.key}.sent`, [...this.sent(), ...sent]);
      writeJson(this.storage, this.key, this.pending().filter((s) => !sent.has(s.id)));
    }
  }
}
