// The catalog guards a route by the scenario fields its own schema declares; no route module adds a
// request hook of its own (a feature never rewrites another feature's routes).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioFieldsOf } from '../../src/server/plugins/catalog.ts';

const named = { type: 'object', properties: { scenarioId: { type: 'string' } } };

describe('scenarioFieldsOf', () => {
  it('finds scenarioId in params and body, scenarioIds in the body and scenario in the query', () => {
    expect(scenarioFieldsOf({ schema: { params: named } })).toEqual({ params: true, body: [], query: false });
    expect(scenarioFieldsOf({ schema: { body: { type: 'object', properties: { scenarioId: {}, scenarioIds: {} } } } })).toEqual({
      params: false,
      body: ['scenarioId', 'scenarioIds'],
      query: false,
    });
    expect(scenarioFieldsOf({ schema: { querystring: { type: 'object', properties: { scenario: {} } } } })).toEqual({ params: false, body: [], query: true });
  });

  it('leaves a route that names no scenario alone', () => {
    expect(scenarioFieldsOf({ schema: { body: { type: 'object', properties: { teamId: {} } } } })).toBeNull();
    expect(scenarioFieldsOf({})).toBeNull();
  });
});

describe('route modules', () => {
  it('add no request hooks: access rules are route config or a plugin', () => {
    const dir = join(import.meta.dirname, '../../src/server/routes');
    const hooked = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .filter((f) => /addHook\(\s*'(onRequest|preParsing|preValidation|preHandler|preSerialization|onSend)'/.test(readFileSync(join(dir, f), 'utf8')));
    expect(hooked).toEqual([]);
  });
});
