import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, schemaText } from '../../scripts/schema.ts';

describe('scenarios/scenario.schema.json', () => {
  it('is what `npm run schema` generates from the zod schema now', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(schemaText());
  });

  it('describes the scenario format: required keys, moves, outcomes', () => {
    const schema = JSON.parse(schemaText());
    expect(schema.$schema).toContain('draft-07');
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'start', 'nodes', 'endings']));
    const text = JSON.stringify(schema);
    for (const word of ['acknowledge-feelings', 'pass-the-buck', 'won-back', 'went-public']) expect(text).toContain(word);
  });
});
