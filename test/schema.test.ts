import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { printedSchema } from '../schema/print.js';

test('the committed schema.graphql is the schema the server serves', () => {
  const committed = readFileSync(new URL('../schema/schema.graphql', import.meta.url), 'utf8');
  expect(committed, 'schema drifted: run `npm run schema:print`').toBe(printedSchema());
});
