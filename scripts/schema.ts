// Writes scenarios/scenario.schema.json from the zod schema, so editors can check scenario files as
// they are typed. `--check` exits 1 when the committed file is stale instead of writing it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { scenarioSchema } from '../src/engine/schema.ts';

export const SCHEMA_FILE = resolve(import.meta.dirname, '../scenarios/scenario.schema.json');

/** The JSON Schema text, exactly as committed. Draft 7 is the one YAML editors support best. */
export function schemaText(): string {
  const { $schema, ...rest } = z.toJSONSchema(scenarioSchema, { target: 'draft-07' });
  const schema = {
    $schema,
    title: 'Make It Right scenario',
    description: 'A branching conversation with an upset customer. Generated from src/engine/schema.ts by `npm run schema`; do not edit.',
    ...rest,
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

function run(args: string[]): number {
  const text = schemaText();
  if (args.includes('--check')) {
    const current = existsSync(SCHEMA_FILE) ? readFileSync(SCHEMA_FILE, 'utf8') : '';
    if (current === text) return 0;
    process.stderr.write('scenarios/scenario.schema.json is out of date: run npm run schema\n');
    return 1;
  }
  writeFileSync(SCHEMA_FILE, text);
  process.stdout.write('wrote scenarios/scenario.schema.json\n');
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = run(process.argv.slice(2));
