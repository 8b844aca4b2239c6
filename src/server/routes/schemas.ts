// JSON Schema pieces shared by the routes. Fastify's Ajv removes fields a body schema does not list
// (additionalProperties: false + removeAdditional), so a client cannot smuggle e.g. a score in.
import { badRequest } from '../errors.ts';

export const id = { type: 'integer', minimum: 1, maximum: 2_147_483_647 } as const;
export const bigId = { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER } as const;
export const email = { type: 'string', format: 'email', minLength: 3, maxLength: 254 } as const;
/** NIST SP 800-63B: at least 8 characters, long passphrases allowed. */
export const password = { type: 'string', minLength: 8, maxLength: 200 } as const;
/** A name people read (a person, a team): no control characters, no bidirectional overrides. */
export const personName = { type: 'string', minLength: 1, maxLength: 80, pattern: '\\S', format: 'plain-text' } as const;
export const teamName = personName;
/** Invite codes as people type them: letters and digits, spaces and dashes. */
export const inviteCode = { type: 'string', minLength: 4, maxLength: 40, pattern: '^[A-Za-z0-9 -]+$' } as const;
/** A due date: an RFC 3339 date-time, in DUE_RANGE (see dueDate). */
export const dueAt = { type: 'string', format: 'date-time', maxLength: 40 } as const;
export const scenarioId = { type: 'string', minLength: 1, maxLength: 100, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' } as const;

export function object(properties: Record<string, unknown>, required: string[] = []) {
  return { type: 'object', additionalProperties: false, properties, required } as const;
}

export const idParams = object({ id }, ['id']);
export const teamParams = object({ teamId: id }, ['teamId']);

export const DUE_RANGE = { from: '2000-01-01', to: '2099-12-31' } as const;

/**
 * The Date of a due date the schema let through, or a 400 naming the accepted range: a date-time
 * like 0000-01-01 or 9999-12-31 is valid RFC 3339 but not a due date (and PostgreSQL drivers do not
 * all agree on such years).
 */
export function dueDate(value: string, field = 'dueAt'): Date {
  const d = new Date(value);
  const t = d.getTime();
  if (!Number.isFinite(t) || t < Date.parse(`${DUE_RANGE.from}T00:00:00Z`) || t >= Date.parse(`${DUE_RANGE.to}T00:00:00Z`) + 86_400_000) {
    throw badRequest(`body.${field} must be a date-time between ${DUE_RANGE.from} and ${DUE_RANGE.to} (UTC)`);
  }
  return d;
}

export function normalizeEmail(e: string): string {
  return e.trim().toLowerCase();
}

export function cleanName(n: string): string {
  return n.trim().replace(/\s+/g, ' ');
}
