// Writes scenarios/schema.json, the JSON Schema of a scenario file that editors read (`npm run schema`),
// from the zod schema in src/scenario/schema.ts. test/scenario/jsonSchema.test.ts fails when the
// file differs from what this writes, so run it after any change to the schema.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scenarioJsonSchemaText } from '../src/scenario/jsonSchema';

/** Where the schema goes, beside the scenario files that name it as `"$schema": "./schema.json"`. */
const target = fileURLToPath(new URL('../scenarios/schema.json', import.meta.url));
const text = scenarioJsonSchemaText();
writeFileSync(target, text);
console.log(`wrote ${target} (${text.length} characters) / 已写入 JSON Schema`);
