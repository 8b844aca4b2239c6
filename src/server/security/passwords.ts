// Password hashing with scrypt from node:crypto (no native modules). Defaults follow the OWASP Password
// Storage Cheat Sheet: N=2^17, r=8, p=1 (128 MiB per hash, so maxmem is raised). The parameters are
// stored with each hash, so raising them later still verifies old hashes.
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { dictionary } from '@zxcvbn-ts/language-common';
import { ApiError } from '../errors.ts';

export interface ScryptParams {
  /** log2 of the CPU/memory cost N. */
  logN: number;
  r: number;
  p: number;
}

export const OWASP_SCRYPT: ScryptParams = { logN: 17, r: 8, p: 1 };

const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

// ---- bounded work --------------------------------------------------------------------------------

/**
 * Every hash goes through one queue per process: at most `concurrency` at once (each takes 128 MiB
 * and a core for a moment at the OWASP cost), at most `queue` waiting; past that the request is
 * refused with 503 and Retry-After instead of piling up memory and latency for everybody.
 */
export const passwordWork = {
  concurrency: Math.max(1, Math.min(4, availableParallelism() - 1)),
  queue: 64,
  active: 0,
  waiting: [] as (() => void)[],
  /** Most hashes seen running at once (for tests and diagnostics). */
  peak: 0,
};

export class PasswordWorkBusy extends ApiError {
  readonly retryAfter = 5;
  constructor() {
    super(503, 'the server is busy checking passwords; try again in a few seconds');
  }
}

async function bounded<T>(fn: () => Promise<T>): Promise<T> {
  const w = passwordWork;
  if (w.active >= w.concurrency) {
    if (w.waiting.length >= w.queue) throw new PasswordWorkBusy();
    await new Promise<void>((resolve) => w.waiting.push(resolve));
  } else {
    w.active++;
  }
  w.peak = Math.max(w.peak, w.active);
  try {
    return await fn();
  } finally {
    const next = w.waiting.shift();
    // A freed slot passes straight to the next in line (active stays the same), else it is given back.
    if (next) next();
    else w.active--;
  }
}

function scrypt(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return bounded(() => scryptNow(password, salt, params));
}

function scryptNow(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const N = 2 ** params.logN;
  const options: ScryptOptions = { N, r: params.r, p: params.p, maxmem: 256 * N * params.r };
  return new Promise((resolve, reject) => {
    scryptCallback(password.normalize('NFKC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** "scrypt$<logN>$<r>$<p>$<salt b64url>$<hash b64url>" */
export async function hashPassword(password: string, params: ScryptParams = OWASP_SCRYPT): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await scrypt(password, salt, params);
  return ['scrypt', params.logN, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export function parseHash(stored: string): (ScryptParams & { salt: Buffer; key: Buffer }) | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [logN, r, p] = parts.slice(1, 4).map(Number);
  if (![logN, r, p].every((n) => Number.isInteger(n) && n > 0) || logN > 22) return null;
  return { logN, r, p, salt: Buffer.from(parts[4], 'base64url'), key: Buffer.from(parts[5], 'base64url') };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const key = await scrypt(password, parsed.salt, parsed);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

/**
 * For a login with an unknown email: spends the same time as a real check so response times do not
 * reveal which emails have accounts.
 */
export async function burnPasswordCheck(params: ScryptParams = OWASP_SCRYPT): Promise<void> {
  await scrypt('not a password', Buffer.alloc(SALT_LENGTH), params);
}

// ---- common passwords ---------------------------------------------------------------------------

/**
 * The passwords people pick most, from zxcvbn-ts's common list (about 49,000 from breach corpora,
 * shipped inside the package), those of 8 characters or more (shorter ones are refused anyway),
 * compared without regard to case.
 */
let common: Set<string> | null = null;
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary['passwords-common'].filter((p) => p.length >= 8).map((p) => p.toLowerCase()));
  return common;
}

/** Why a new password is refused, or null: one of the most common passwords is guessed first. */
export function commonPasswordProblem(password: string): string | null {
  const pw = password.normalize('NFKC').toLowerCase();
  if (commonPasswords().has(pw) || commonPasswords().has(pw.trim())) {
    return 'this password is on the list of the most common passwords, which are the first ones tried when an account is attacked; choose another (a few unrelated words make a good one)';
  }
  if (new Set(pw).size === 1) return 'a password of one repeated character is guessed at once; choose another';
  return null;
}
