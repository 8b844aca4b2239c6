// The small SQL surface both drivers offer. Everything above it (migrations, the store's queries) is
// plain PostgreSQL SQL with $1-style parameters, so PGlite and PostgreSQL run the same text.

export type Row = Record<string, unknown>;

export interface Queryable {
  /** One statement with $1… parameters; returns the rows. */
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Several statements without parameters (migrations, resets). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Where the data lives, for the startup line ("PGlite in ./data", "PostgreSQL at host/db"). */
  readonly description: string;
  /**
   * Runs fn inside BEGIN … COMMIT (ROLLBACK when it throws). Resolves only once the commit is
   * durable: committed on PostgreSQL, written through to the data folder on PGlite.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** PostgreSQL error codes the store turns into API answers. */
export const UNIQUE_VIOLATION = '23505';

export function pgErrorCode(e: unknown): string | undefined {
  return e && typeof e === 'object' && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
}
