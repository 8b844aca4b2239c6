// JSON Schema pieces shared by the routes. Fastify's Ajv removes fields a body schema does not list
// (additionalProperties: false + removeAdditional), so a client cannot smuggle e.g. a score in.

export const id = { type: 'integer', minimum: 1, maximum: 2_147_483_647 } as const;
export const bigId = { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER } as const;
export const email = { type: 'string', format: 'email', minLength: 3, maxLength: 254 } as const;
/** NIST SP 800-63B: at least 8 characters, long passphrases allowed. */
export const password = { type: 'string', minLength: 8, maxLength: 200 } as const;
export const personName = { type: 'string', minLength: 1, maxLength: 80, pattern: '\\S' } as const;
export const scenarioId = { type: 'string', minLength: 1, maxLength: 100, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' } as const;

export function object(properties: Record<string, unknown>, required: string[] = []) {
  return { type: 'object', additionalProperties: false, properties, required } as const;
}

export const idParams = object({ id }, ['id']);
export const teamParams = object({ teamId: id }, ['teamId']);

export function normalizeEmail(e: string): string {
  return e.trim().toLowerCase();
}

export function cleanName(n: string): string {
  return n.trim().replace(/\s+/g, ' ');
}
