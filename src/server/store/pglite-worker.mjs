// The PGlite instance behind src/server/store/pglite.ts, in a worker thread of its own (plain
// JavaScript, so it loads the same way under tsx, vitest and plain node). The main thread keeps the
// lock and sends one statement at a time; this thread runs it and answers with the parsed rows.
// PostgreSQL's work (planning, executing, writing the WAL) then runs on a second core while the main
// thread parses requests, replays attempts and writes responses.
import { parentPort, workerData } from 'node:worker_threads';
import { parse, PGlite, protocol } from '@electric-sql/pglite';

const { serialize } = protocol;

function concat(parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** An error as plain data: a structured clone would drop PostgreSQL's fields (code, detail...). */
function plainError(e) {
  const out = { message: String(e?.message ?? e), name: e?.name ?? 'Error' };
  for (const k of ['code', 'detail', 'hint', 'severity', 'constraint', 'table', 'column', 'schema', 'position', 'where']) {
    if (e && e[k] !== undefined) out[k] = e[k];
  }
  return out;
}

let pg;
const statements = new Map();

async function prepare(sql) {
  let p = statements.get(sql);
  if (p) return p;
  const name = `mir_${statements.size + 1}`;
  const r = await pg.execProtocol(concat([serialize.parse({ name, text: sql }), serialize.describe({ type: 'S', name }), serialize.sync()]), { syncToFs: false });
  p = { name, paramTypes: parse.parseDescribeStatementResults(r.messages) };
  statements.set(sql, p);
  return p;
}

async function run(sql, params, syncToFs) {
  const p = await prepare(sql);
  const values = params.map((v, i) => {
    if (v === null || v === undefined) return null;
    const serializer = pg.serializers[p.paramTypes[i]];
    return serializer ? serializer(v) : String(v);
  });
  const r = await pg.execProtocol(
    concat([serialize.bind({ statement: p.name, values }), serialize.describe({ type: 'P' }), serialize.execute({}), serialize.sync()]),
    { syncToFs },
  );
  return parse.parseResults(r.messages, pg.parsers)[0]?.rows ?? [];
}

async function simple(sql, syncToFs) {
  const r = await pg.execProtocol(serialize.query(sql), { syncToFs });
  const done = r.messages.filter((m) => m.name === 'commandComplete');
  return done[done.length - 1]?.text;
}

async function handle(m) {
  switch (m.op) {
    case 'run':
      return run(m.sql, m.params, m.sync);
    case 'simple':
      return simple(m.sql, m.sync);
    case 'syncToFs':
      return pg.syncToFs();
    case 'close':
      if (!pg.closed) await pg.close();
      return undefined;
    default:
      throw new Error(`unknown operation ${m.op}`);
  }
}

// Messages are handled strictly in arrival order (the main thread's lock sends one at a time anyway).
let queue = Promise.resolve();
parentPort.on('message', (m) => {
  queue = queue.then(async () => {
    try {
      parentPort.postMessage({ id: m.id, ok: true, value: await handle(m) });
    } catch (e) {
      parentPort.postMessage({ id: m.id, ok: false, error: plainError(e) });
    }
  });
});

try {
  pg = await PGlite.create({
    dataDir: workerData.dataDir,
    relaxedDurability: false,
    startParams: [...PGlite.defaultStartParams, '-c', 'synchronous_commit=on'],
  });
  parentPort.postMessage({ id: 0, ok: true });
} catch (e) {
  parentPort.postMessage({ id: 0, ok: false, error: plainError(e) });
}
