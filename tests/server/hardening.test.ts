// The attacks of the hardening review, each kept as a test on both stores: CSRF through encoded and
// absolute-form paths, rate limits behind a proxy, shared across processes and per IP, bounded
// password hashing, strict schemas (no 500, no coercion), attempt flooding, upload ownership, common
// passwords and the security headers.
import type { FastifyInstance } from 'fastify';
import { connect } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseTrustProxy } from '../../src/server/app.ts';
import { BACKENDS, Client, CSRF, makeWorld, testApp, type TestStore, type World } from './helpers.ts';

/** One raw HTTP/1.1 request over a socket (for request lines inject() cannot send); the status code. */
function rawRequest(port: number, head: string, body = ''): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    socket.on('data', (d) => {
      text += d;
      const m = /^HTTP\/1\.1 (\d{3})/.exec(text);
      if (m) {
        socket.destroy();
        resolve(Number(m[1]));
      }
    });
    socket.on('error', reject);
    socket.write(`${head}\r\nHost: 127.0.0.1\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  });
}

describe.each(BACKENDS)('hardening ($name)', ({ open }) => {
  let ts: TestStore;
  let app: FastifyInstance;
  let w: World;

  beforeAll(async () => {
    ts = await open('hardening');
    app = await testApp(ts.store);
  });
  afterAll(async () => {
    await app?.close();
    await ts?.close();
  });
  beforeEach(async () => {
    await ts.reset();
    w = await makeWorld(app, ts.store);
  });

  describe('CSRF (finding 3)', () => {
    it('refuses an unsafe method without the header on an encoded path', async () => {
      const none = { 'x-requested-with': '' };
      const before = (await w.trainerA.get('/api/teams')).body.teams[0].inviteCode;
      const rotate = await w.trainerA.request('POST', `/%61pi/teams/${w.teamA.id}/invite-code`, {}, none);
      expect(rotate.status).toBe(403);
      expect(rotate.body.message).toMatch(/x-requested-with/);
      expect((await w.trainerA.get('/api/teams')).body.teams[0].inviteCode).toBe(before);
      expect((await w.traineeA.request('PUT', '/%61pi/me/preferences', { leaderboardOptOut: true }, none)).status).toBe(403);
      expect((await w.traineeA.request('DELETE', '/%61pi/session', undefined, none)).status).toBe(403);
      expect((await w.traineeA.get('/api/me')).status).toBe(200);
      // With the header the same encoded path works: the check is on the method, not the spelling.
      expect((await w.trainerA.request('POST', `/%61pi/teams/${w.teamA.id}/invite-code`, {})).status).toBe(200);
    });

    it('refuses an absolute-form request line without the header', async () => {
      const server = await testApp(ts.store);
      try {
        await server.listen({ port: 0, host: '127.0.0.1' });
        const port = (server.server.address() as { port: number }).port;
        const cookie = w.trainerA.cookie as string;
        const line = `POST http://127.0.0.1:${port}/api/teams/${w.teamA.id}/invite-code HTTP/1.1\r\nCookie: ${cookie}\r\nContent-Type: application/json`;
        expect(await rawRequest(port, line, '{}')).toBe(403);
        expect(await rawRequest(port, `${line}\r\nX-Requested-With: ${CSRF['x-requested-with']}`, '{}')).toBe(200);
      } finally {
        await server.close();
      }
    });
  });

  describe('trust proxy (finding 2)', () => {
    it('TRUST_PROXY is a hop count or a list of proxies, never "trust everything"', () => {
      expect([undefined, '', '0', 'false'].map(parseTrustProxy)).toEqual([false, false, false, false]);
      expect(parseTrustProxy('1')).toBe(1);
      expect(parseTrustProxy('true')).toBe(1);
      expect(parseTrustProxy('2')).toBe(2);
      expect(parseTrustProxy('127.0.0.1, 10.0.0.0/8,::1')).toEqual(['127.0.0.1', '10.0.0.0/8', '::1']);
      expect(() => parseTrustProxy('yes please')).toThrow(/TRUST_PROXY/);
    });

    it.each([
      ['TRUST_PROXY=1', parseTrustProxy('1')],
      ['trustProxy: true', true],
      ['a list of proxies', parseTrustProxy('127.0.0.1')],
    ] as const)('wrong logins with rotating X-Forwarded-For values still hit the limit (%s)', async (_label, trustProxy) => {
      const proxied = await testApp(ts.store, { trustProxy, loginLimit: { max: 5, timeWindow: 60_000 } });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 8; i++) {
          // The client writes any X-Forwarded-For it likes; the proxy appends the address it saw.
          const xff = `198.51.100.${i}, 203.0.113.${i % 250}, 192.0.2.77`;
          const r = await new Client(proxied).post('/api/session', { email: 'trainer.a@example.com', password: 'wrong password' }, { 'x-forwarded-for': xff });
          statuses.push(r.status);
        }
        expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
        // Another client behind the same proxy is another address.
        const other = await new Client(proxied).post('/api/session', { email: 'trainer.a@example.com', password: 'wrong password' }, { 'x-forwarded-for': '192.0.2.78' });
        expect(other.status).toBe(401);
      } finally {
        await proxied.close();
      }
    });
  });
});
