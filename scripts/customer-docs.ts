// Writes docs/customer-model.md from the customer model (npm run docs:customer).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { customerModelMarkdown } from '../src/engine/customer-table.ts';

export const CUSTOMER_DOC = resolve(import.meta.dirname, '../docs/customer-model.md');

writeFileSync(CUSTOMER_DOC, customerModelMarkdown());
console.log(`wrote ${CUSTOMER_DOC}`);
