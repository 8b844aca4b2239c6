// A stand-in LMS for the browser tests: the cmi5 fetch URL (one token per session, an error on a
// second call), the LRS's statements, state and agent profile resources, all with CORS, recording
// everything that arrives. Real HTTP on 127.0.0.1.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Statement } from '../src/shared/lms/xapi.ts';

export interface Harness {
  url: string;
  endpoint: string;
  /** Every statement the LRS stored, in arrival order. */
  statements: Statement[];
  /** Statement ids posted again (an LRS stores those once). */
  duplicates: string[];
  /** Each request as "METHOD path". */
  requests: string[];
  state: Map<string, string>;
  profiles: Map<string, string>;
  /** A fetch URL for a new session; its token authorizes the xAPI calls. */
  newSession(): string;
  /** The next statement POSTs answer this status (the LMS is down), until cleared with null. */
  failStatements: number | null;
  close(): Promise<void>;
}

function read(req: IncomingMessage): Promise<string> {
  return new Promise((ok) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => ok(body));
  });
}

export function stateKey(activityId: string, agent: string, registration: string, stateId: string): string {
  return JSON.stringify([activityId, agent, registration, stateId]);
}

export async function startHarness(): Promise<Harness> {
  const tokens = new Map<string, string>();
  const used = new Set<string>();
  const valid = new Set<string>();
  let sessions = 0;
  const h = { statements: [], duplicates: [], requests: [], state: new Map(), profiles: new Map(), failStatements: null } as unknown as Harness;

  const server: Server = createServer((req, res) => void handle(req, res));
  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://x');
    h.requests.push(`${req.method} ${url.pathname}`);
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-allow-headers', 'authorization, content-type, x-experience-api-version');
    res.setHeader('access-control-allow-methods', 'GET, POST, PUT, OPTIONS');
    const send = (status: number, body?: unknown) => {
      if (body === undefined) return res.writeHead(status).end();
      res.writeHead(status, { 'content-type': 'application/json', 'x-experience-api-version': '1.0.3' }).end(JSON.stringify(body));
    };
    if (req.method === 'OPTIONS') return send(204);
    const body = await read(req);
    if (url.pathname.startsWith('/fetch/')) {
      const session = url.pathname.slice('/fetch/'.length);
      if (req.method !== 'POST') return send(405, { 'error-code': '3', 'error-text': 'POST only' });
      if (used.has(session)) return send(200, { 'error-code': '1', 'error-text': 'The authorization token has already been returned.' });
      used.add(session);
      const token = tokens.get(session);
      if (!token) return send(200, { 'error-code': '2', 'error-text': 'Unknown session.' });
      valid.add(token);
      return send(200, { 'auth-token': token });
    }
    if (!url.pathname.startsWith('/xapi/')) return send(404, { message: 'not found' });
    const auth = (req.headers.authorization ?? '').replace(/^Basic /, '');
    if (!valid.has(auth)) return send(401, { message: 'The authorization token is not valid.' });
    if (req.headers['x-experience-api-version'] !== '1.0.3') return send(400, { message: 'X-Experience-API-Version 1.0.3 is required.' });
    const path = url.pathname.slice('/xapi/'.length);
    const q = url.searchParams;
    if (path === 'statements' && req.method === 'POST') {
      if (h.failStatements !== null) return send(h.failStatements, { message: 'The LRS is down for maintenance.' });
      const list = JSON.parse(body) as Statement | Statement[];
      for (const s of Array.isArray(list) ? list : [list]) {
        if (h.statements.some((x) => x.id === s.id)) h.duplicates.push(s.id);
        else h.statements.push(s);
      }
      return send(200, (Array.isArray(list) ? list : [list]).map((s) => s.id));
    }
    if (path === 'activities/state') {
      const key = stateKey(q.get('activityId') ?? '', q.get('agent') ?? '', q.get('registration') ?? '', q.get('stateId') ?? '');
      if (req.method === 'GET') return h.state.has(key) ? send(200, JSON.parse(h.state.get(key)!)) : send(404, { message: 'no such state' });
      if (req.method === 'PUT' || req.method === 'POST') {
        h.state.set(key, body);
        return send(204);
      }
    }
    if (path === 'agents/profile' && req.method === 'GET') {
      const key = JSON.stringify([q.get('agent'), q.get('profileId')]);
      return h.profiles.has(key) ? send(200, JSON.parse(h.profiles.get(key)!)) : send(404, { message: 'no such profile' });
    }
    return send(400, { message: `unsupported ${req.method} ${path}` });
  }

  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  h.url = `http://127.0.0.1:${port}`;
  h.endpoint = `${h.url}/xapi/`;
  h.newSession = () => {
    const session = `s${++sessions}`;
    tokens.set(session, Buffer.from(`learner:${session}-${Math.random().toString(36).slice(2)}`).toString('base64'));
    return `${h.url}/fetch/${session}`;
  };
  h.close = () => new Promise<void>((ok) => server.close(() => ok()));
  return h;
}
