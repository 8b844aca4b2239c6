// The server driver: PostgreSQL through a pg Pool (DATABASE_URL). Several server processes can share
// one database; that is the scale-out story.
import pg from 'pg';
import type { Db, Queryable, Row } from './db.ts';

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;

// Same row shapes as PGlite: int8 and numeric as numbers, dates as 'YYYY-MM-DD' strings.
type Parser = (value: string) => unknown;
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary'): Parser => {
    if (oid === INT8 || oid === NUMERIC) return (v: string) => Number(v);
    if (oid === DATE) return (v: string) => v;
    return pg.types.getTypeParser(oid, format) as Parser;
  }) as pg.CustomTypesConfig['getTypeParser'],
};

/**
 * Statements with parameters become named prepared statements (parsed once per connection). The
 * name is derived from the text, so the same text always gets the same name.
 */
const names = new Map<string, string>();
function statement(sql: string, params: readonly unknown[]): pg.QueryConfig {
  if (params.length === 0) return { text: sql };
  let name = names.get(sql);
  if (!name) {
    name = `mir_${names.size + 1}`;
    names.set(sql, name);
  }
  return { name, text: sql, values: params as unknown[] };
}

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T extends Row>(sql: string, params: readonly unknown[] = []) {
      const r = await client.query<T>(statement(sql, params));
      return r.rows;
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  };
}

function describe(url: string): string {
  try {
    const u = new URL(url);
    return `PostgreSQL at ${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
}

export interface PostgresOptions {
  /** Pool size (default 10). */
  max?: number;
  /** Schema to use (created when missing); default: the connection's search_path. */
  schema?: string;
}

export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Db> {
  const config: pg.PoolConfig = { connectionString: url, max: options.max ?? 10, types };
  if (options.schema) {
    if (!/^[a-z_][a-z0-9_]*$/.test(options.schema)) throw new Error(`invalid schema name "${options.schema}"`);
    config.options = `-c search_path=${options.schema}`;
  }
  const pool = new pg.Pool(config);
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const base = wrap(pool);
  if (options.schema) await pool.query(`create schema if not exists ${options.schema}`);
  else await pool.query('select 1');
  return {
    kind: 'postgres',
    description: describe(url),
    query: (sql, params) => base.query(sql, params),
    exec: (sql) => base.exec(sql),
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (e) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackError) {
          broken = rollbackError as Error;
        }
        throw e;
      } finally {
        client.release(broken);
      }
    },
    async close() {
      await pool.end();
    },
  };
}
