// The published JSON Schema of the data file, docs/data-format.schema.json, generated from the valibot
// schema that the JSON adapter validates with (src/adapters/json/data-format.ts), by
// @valibot/to-json-schema (JSON Schema 2020-12).
//
//   node scripts/data-format-schema.mjs          (`npm run schema`) writes the file;
//   node scripts/data-format-schema.mjs --check  (`npm test`) fails when the file is not what the schema
//     generates, or when the generated schema and `validateData` disagree: run with ajv, both must accept
//     the demo data and reject each broken file below, except the cross references (a JSON Schema cannot
//     express them) and a `null` optional field (the adapter takes it for absent; the schema flags it).
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { toJsonSchema } from '@valibot/to-json-schema';
import Ajv2020 from 'ajv/dist/2020.js';

const root = new URL('../', import.meta.url);
const SCHEMA_FILE = new URL('docs/data-format.schema.json', root);

// The TypeScript module, bundled (valibot included) and imported from memory.
const bundle = await build({
  entryPoints: [fileURLToPath(new URL('src/adapters/json/data-format.ts', root))],
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  write: false,
  logLevel: 'warning',
});
const { dataSchema, schemaDefinitions, schemaDescriptions, validateData } = await import(
  `data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`
);

const { $schema, ...shape } = toJsonSchema(dataSchema, {
  target: 'draft-2020-12',
  definitions: schemaDefinitions,
  // `check` is the "a date that exists" rule of isoDate: the schema keeps its pattern.
  ignoreActions: ['check'],
});
const { title, description } = schemaDescriptions[''];
// What the file is first, for a reader of the JSON.
const schema = { $schema, title, description, ...shape };
for (const [pointer, text] of Object.entries(schemaDescriptions)) {
  if (!pointer) continue;
  const part = pointer
    .split('/')
    .slice(1)
    .reduce((node, key) => node?.[key], schema);
  if (!part) throw new Error(`schemaDescriptions: ${pointer} is not a part of the generated schema`);
  Object.assign(part, text);
}
const text = `${JSON.stringify(schema, null, 2)}\n`;

if (!process.argv.includes('--check')) {
  await writeFile(SCHEMA_FILE, text);
  console.log(`data-format-schema: wrote ${fileURLToPath(SCHEMA_FILE)}`);
  process.exit(0);
}

let failures = 0;
const fail = (message) => {
  failures++;
  console.error(`✗ ${message}`);
};

if ((await readFile(SCHEMA_FILE, 'utf8')) !== text) fail('docs/data-format.schema.json is not what the schema generates: run `npm run schema`');

const demo = JSON.parse(await readFile(new URL('demo/data/le-mag.json', root), 'utf8'));
const ajv = new Ajv2020.default({ allErrors: true, strict: true });
const validateSchema = ajv.compile(schema);

/**
 * Each case: a name, a change to a copy of the demo data (or its replacement), the problem
 * `validateData` must report (none for `schemaOnly`), and its kind: `crossRef` and `schemaOnly`
 * files are accepted by one side only.
 */
const cases = [
  ['date that is not ISO 8601', (d) => (d.articles[2].published = '16 oct'), 'articles[2].published: expected an ISO 8601 date, got string "16 oct"'],
  ['missing title', (d) => delete d.articles[0].title, 'articles[0].title: is required'],
  ['blank title', (d) => (d.articles[0].title = '  '), 'articles[0].title: expected a non-empty string'],
  ['commentsOpen not a boolean', (d) => (d.articles[1].commentsOpen = 'yes'), 'articles[1].commentsOpen: expected true or false'],
  ['section of the wrong type', (d) => (d.articles[3].sections = [42]), 'articles[3].sections[0]: expected a section name or a section object'],
  ['section object without name', (d) => (d.articles[3].sections = [{ slug: 'x' }]), 'articles[3].sections[0].name: is required'],
  ['wrong version', (d) => (d.version = 2), 'version: expected 1'],
  ['missing site', (d) => delete d.site, 'site: is required'],
  ['articles not an array', (d) => (d.articles = {}), 'articles: expected an array, got an object'],
  ['article that is an array', (d) => (d.articles[0] = []), 'articles[0]: expected an object, got an array'],
  // (an author without a name is an anonymous one; a name, when given, is not blank)
  ['comment author with a blank name', (d) => (d.comments['le-numerique-c-est-la-proximite'][0].author.name = ' '), 'comments.le-numerique-c-est-la-proximite[0].author.name: expected a non-empty string'],
  ['comment status unknown', (d) => (d.comments['pacte-avenir-bretagne'][0].status = 'spam'), 'comments.pacte-avenir-bretagne[0].status: expected one of "approved", "pending"'],
  ['comments under __proto__ checked', (d) => (d.comments = JSON.parse('{"__proto__": [{"id": "x"}]}')), 'comments.__proto__[0].author: is required'],
  ['about without bioHtml', (d) => delete d.about.author.bioHtml, 'about.author.bioHtml: is required'],
  ['subscribe with GET', (d) => (d.subscribe.method = 'GET'), 'subscribe.method: expected one of "POST", "PUT"'],
  ['subscribe encoding unknown', (d) => (d.subscribe.encoding = 'xml'), 'subscribe.encoding: expected one of "form", "json"'],
  ['page size 0', (d) => (d.commentsPageSize = 0), 'commentsPageSize: expected a whole number ≥ 1'],
  ['moderation not a boolean', (d) => (d.moderation = 1), 'moderation: expected true or false'],
  ['comments not a map', (d) => (d.comments = []), 'comments: expected an object, got an array'],
  ['about box not an object', (d) => (d.about.author = 'me'), 'about.author: expected an object, got string "me"'],
  ['about box that is an array', (d) => (d.about.author = []), 'about.author: expected an object, got an array'],
  ['video without url', (d) => delete d.videos[0].url, 'videos[0].url: is required'],
  ['video length not a whole number', (d) => (d.videos[0].durationSeconds = 1.5), 'videos[0].durationSeconds: expected a whole number ≥ 0'],
  ['root not an object', () => [], '(root): expected an object, got an array', 'replace'],
  // Cross references: only the adapter sees them; the schema accepts these files.
  ['duplicate article id', (d) => (d.articles[1].id = d.articles[0].id), 'articles[1].id: duplicate article id', 'crossRef'],
  ['duplicate slug', (d) => (d.articles[1].slug = d.articles[0].slug), 'articles[1].slug: duplicate slug', 'crossRef'],
  ['comments for an unknown article', (d) => (d.comments.nope = []), 'comments.nope: no article has the id "nope"', 'crossRef'],
  ['duplicate video id', (d) => d.videos.push({ ...d.videos[0] }), 'videos[1].id: duplicate video id', 'crossRef'],
  ['reply to an unknown comment', (d) => (d.comments['pacte-avenir-bretagne'][1].parentId = 'c-404'), 'comments.pacte-avenir-bretagne[1].parentId: no comment of this article has the id "c-404"', 'crossRef'],
  // `null` for an optional field: absent for the adapter, flagged by the schema.
  ['null optional field', (d) => (d.articles[0].url = null), undefined, 'schemaOnly'],
];

const demoProblems = validateData(demo);
if (!validateSchema(demo)) fail(`the schema rejects the demo data: ${ajv.errorsText(validateSchema.errors)}`);
if (demoProblems.length) fail(`validateData rejects the demo data: ${demoProblems.join('; ')}`);

for (const [name, change, expected, kind] of cases) {
  let data = structuredClone(demo);
  const replaced = change(data);
  if (kind === 'replace') data = replaced;
  const problems = validateData(data);
  const schemaValid = validateSchema(data);
  if (expected === undefined ? problems.length : !problems.some((p) => p.startsWith(expected))) {
    fail(`${name}: validateData reported ${problems.join('; ') || 'no problem'}${expected ? `, not "${expected}"` : ''}`);
  }
  if (kind === 'crossRef' ? !schemaValid : schemaValid) {
    fail(`${name}: the schema ${schemaValid ? 'accepts' : 'rejects'} it (${ajv.errorsText(validateSchema.errors)})`);
  }
}

const total = cases.length + 1;
if (failures) {
  console.error(`data-format-schema: ${failures} problem(s)`);
  process.exit(1);
}
console.log(`data-format-schema: docs/data-format.schema.json is current; it and validateData agree on ${total} files (the demo data and ${cases.length} changed ones)`);
