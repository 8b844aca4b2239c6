// How request parts are checked against their JSON schemas. Fastify's default Ajv coerces types
// everywhere: in a JSON body `seconds: "4"`, `[4]` and `true` became numbers and `assignmentId: 0`,
// `false` or `""` became null (free play by accident), and "Infinity" passed as an integer in paths
// and queries (then failed in the database: a 500). Here:
// - bodies are JSON and are taken as they are: no coercion at all;
// - paths and query strings are text, so they are coerced, but an integer must be written as one
//   (digits, an optional minus sign): not "Infinity", "1e3", "0x10", " 1" or "1.0";
// - the format "plain-text" refuses control characters and bidirectional overrides (names people see);
// - defaults are applied and unknown fields removed (additionalProperties: false), as before.
import Ajv, { type AnySchema, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

/** C0 and C1 controls (tab and newline included), DEL, and the bidirectional marks and overrides. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const UNSAFE_TEXT = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/;

const options = { useDefaults: true, removeAdditional: true, allErrors: false, addUsedSchema: false, strict: false } as const;

function makeAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({ ...options, coerceTypes: coerce ? 'array' : false });
  addFormats(ajv);
  ajv.addFormat('plain-text', { type: 'string', validate: (s: string) => !UNSAFE_TEXT.test(s) });
  return ajv;
}

const INTEGER_TEXT = /^-?(0|[1-9][0-9]{0,15})$/;

function allowsInteger(schema: unknown): boolean {
  if (!schema || typeof schema !== 'object') return false;
  const s = schema as { type?: unknown; anyOf?: unknown[]; oneOf?: unknown[] };
  const types = Array.isArray(s.type) ? s.type : [s.type];
  return types.includes('integer') || (s.anyOf ?? s.oneOf ?? []).some(allowsInteger);
}

/** The names of the properties of an object schema that take integers. */
function integerProperties(schema: unknown): string[] {
  const props = (schema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {};
  return Object.keys(props).filter((k) => allowsInteger(props[k]));
}

type Part = 'body' | 'params' | 'querystring' | 'headers';

/** A validator for a path or query string: integers as digits, then Ajv with coercion. */
function textValidator(compiled: ValidateFunction, schema: unknown, part: Part) {
  const ints = integerProperties(schema);
  if (ints.length === 0) return compiled;
  const where = part === 'params' ? 'params' : 'querystring';
  const validate = (data: Record<string, unknown>) => {
    for (const k of ints) {
      const v = data?.[k];
      if (v === undefined) continue;
      const values = Array.isArray(v) ? v : [v];
      if (values.some((x) => typeof x !== 'string' || !INTEGER_TEXT.test(x))) {
        const error = new Error(`${where}.${k} must be a whole number written in digits`);
        return { error: Object.assign(error, { statusCode: 400 }) };
      }
    }
    const ok = compiled(data);
    // Fastify reads the errors of a failed check from the function it was given.
    validate.errors = compiled.errors;
    return ok;
  };
  validate.errors = null as ValidateFunction['errors'];
  return validate;
}

export function installValidation(app: FastifyInstance): void {
  const strict = makeAjv(false);
  const coercing = makeAjv(true);
  app.setValidatorCompiler(({ schema, httpPart }) => {
    const part = (httpPart ?? 'body') as Part;
    if (part === 'body') return strict.compile(schema as AnySchema);
    return textValidator(coercing.compile(schema as AnySchema), schema, part);
  });
}
