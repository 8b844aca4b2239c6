// The PGlite instance behind src/server/store/pglite.ts, in a worker thread of its own (plain
// JavaScript, so it loads the same way under tsx, vitest and plain node). The main thread keeps the
// lock and sends one statement at a time; this thread runs it and answers with the parsed rows.
// PostgreSQL's work (planning, executing, writing the WAL) then runs on a second core while the main
// thread parses requests, replays attempts and writes responses.
import { parentPort, workerData } from 'node:worker_threads';
import { parse, PGlite, protocol, types } from '@electric-sql/pglite';

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

// Results are read straight from the wire bytes. PGlite's execProtocol runs every backend message
// through its protocol parser, which copies each field into an ArrayBuffer of its own before
// decoding it: for a 25-row leaderboard, hundreds of buffers per query, more CPU than PostgreSQL's
// own work on the query and a young-generation collection every few dozen requests. Here the bytes
// are collected into one reused buffer, each text field is decoded from a view of it and given to
// the same type parsers (types.parseType with the instance's parsers), so the values are the ones
// parse.parseResults made. Anything but the messages of a successful statement (an error above all)
// goes through PGlite's own parser instead, so errors are unchanged.
let wire = new Uint8Array(64 * 1024);
let wireLength = 0;
const KEEP_WIRE = 1024 * 1024;
function collect(bytes) {
  if (wireLength + bytes.length > wire.length) {
    const bigger = new Uint8Array(Math.max(wire.length * 2, wireLength + bytes.length));
    bigger.set(wire.subarray(0, wireLength));
    wire = bigger;
  }
  wire.set(bytes, wireLength);
  wireLength += bytes.length;
}

const decoder = new TextDecoder('utf-8');
// Backend messages a successful Bind/Describe/Execute/Sync can answer with.
const PLAIN = new Set([...'123nsICZTDNASKt'].map((c) => c.charCodeAt(0)));
const ROW_DESCRIPTION = 0x54;
const DATA_ROW = 0x44;
const COMMAND_COMPLETE = 0x43;

/** A row object as Object.fromEntries makes it (a repeated column name keeps its last value). */
function toRow(names, values) {
  // Assignment would set the prototype for a column named __proto__; fromEntries defines it.
  if (names.includes('__proto__')) return Object.fromEntries(names.map((n, i) => [n, values[i]]));
  const row = {};
  for (let i = 0; i < names.length; i++) row[names[i]] = values[i];
  return row;
}

/** The first result set's rows, as parse.parseResults(...)[0].rows; null when PGlite's parser must decide. */
function rowsFromWire(buf, length) {
  const view = new DataView(buf.buffer, buf.byteOffset, length);
  for (let at = 0; at < length; at += 1 + view.getUint32(at + 1)) {
    if (at + 5 > length || at + 1 + view.getUint32(at + 1) > length || !PLAIN.has(buf[at])) return null;
  }
  const rows = [];
  let names = [];
  let typeIds = [];
  for (let at = 0; at < length; at += 1 + view.getUint32(at + 1)) {
    const code = buf[at];
    let p = at + 5;
    if (code === ROW_DESCRIPTION) {
      const count = view.getInt16(p);
      p += 2;
      names = new Array(count);
      typeIds = new Array(count);
      for (let i = 0; i < count; i++) {
        const nul = buf.indexOf(0, p);
        names[i] = decoder.decode(buf.subarray(p, nul));
        // After the name: table oid (4), column number (2), type oid (4), size (2), modifier (4), format (2).
        typeIds[i] = view.getInt32(nul + 7);
        p = nul + 19;
      }
    } else if (code === DATA_ROW) {
      const count = view.getInt16(p);
      p += 2;
      const values = new Array(count);
      for (let i = 0; i < count; i++) {
        const len = view.getInt32(p);
        p += 4;
        if (len === -1) {
          values[i] = null;
        } else {
          values[i] = types.parseType(decoder.decode(buf.subarray(p, p + len)), typeIds[i], pg.parsers);
          p += len;
        }
      }
      rows.push(toRow(names, values));
    } else if (code === COMMAND_COMPLETE) {
      break;
    }
  }
  return rows;
}

async function run(sql, params, syncToFs) {
  const p = await prepare(sql);
  const values = params.map((v, i) => {
    if (v === null || v === undefined) return null;
    const serializer = pg.serializers[p.paramTypes[i]];
    return serializer ? serializer(v) : String(v);
  });
  const message = concat([serialize.bind({ statement: p.name, values }), serialize.describe({ type: 'P' }), serialize.execute({}), serialize.sync()]);
  wireLength = 0;
  try {
    await pg.execProtocolRawStream(message, { syncToFs, onRawData: collect });
    const rows = rowsFromWire(wire, wireLength);
    if (rows) return rows;
    // An error or an unusual message: PGlite's parser and parseResults, as execProtocol had them.
    const messages = [];
    let error = null;
    new protocol.Parser().parse(wire.slice(0, wireLength), (m) => {
      if (error) return;
      if (m instanceof protocol.messages.DatabaseError) error = m;
      else messages.push(m);
    });
    if (error) throw error;
    return parse.parseResults(messages, pg.parsers)[0]?.rows ?? [];
  } finally {
    if (wire.length > KEEP_WIRE) wire = new Uint8Array(64 * 1024);
  }
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
