// Checks that docs/data-format.schema.json (JSON Schema 2020-12, run with ajv) and the adapter's own
// validator (validateData in src/adapters/json/data-format.ts) agree: both accept the demo data, both
// reject each broken file below, except cross-reference errors the schema cannot express.
// ajv is CommonJS, which web-test-runner cannot serve to the browser, hence this Node script.
// Usage: node scripts/check-schema.mjs   (exit code 1 on any disagreement)
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import Ajv2020 from 'ajv/dist/2020.js';

const root = new URL('../', import.meta.url);
const read = async (path) => JSON.parse(await readFile(new URL(path, root), 'utf8'));

const bundle = await build({
  entryPoints: [fileURLToPath(new URL('src/adapters/json/data-format.ts', root))],
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  write: false,
  logLevel: 'warning',
});
const { validateData } = await import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`);

const schema = await read('docs/data-format.schema.json');
const demo = await read('demo/data/le-mag.json');
const ajv = new Ajv2020.default({ allErrors: true, strict: true });
const validateSchema = ajv.compile(schema);

/** Each case: a name, a change to a copy of the demo data (or its replacement), the problem the adapter must report, and its kind. */
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
  ['comment author without name', (d) => delete d.comments['le-numerique-c-est-la-proximite'][0].author.name, 'comments.le-numerique-c-est-la-proximite[0].author.name: is required'],
  ['comment status unknown', (d) => (d.comments['pacte-avenir-bretagne'][0].status = 'spam'), 'comments.pacte-avenir-bretagne[0].status: expected one of "approved", "pending"'],
  ['about without bioHtml', (d) => delete d.about.author.bioHtml, 'about.author.bioHtml: is required'],
  ['subscribe with GET', (d) => (d.subscribe.method = 'GET'), 'subscribe.method: expected one of "POST", "PUT"'],
  ['subscribe encoding unknown', (d) => (d.subscribe.encoding = 'xml'), 'subscribe.encoding: expected one of "form", "json"'],
  ['page size 0', (d) => (d.commentsPageSize = 0), 'commentsPageSize: expected a whole number ≥ 1'],
  ['moderation not a boolean', (d) => (d.moderation = 1), 'moderation: expected true or false'],
  ['comments not a map', (d) => (d.comments = []), 'comments: expected an object, got an array'],
  ['about box not an object', (d) => (d.about.author = 'me'), 'about.author: expected an object, got string "me"'],
  ['root not an object', () => [], '(root): expected an object, got an array', 'replace'],
  // Cross references: only the adapter sees them; the schema accepts these files.
  ['duplicate article id', (d) => (d.articles[1].id = d.articles[0].id), 'articles[1].id: duplicate article id', 'crossRef'],
  ['duplicate slug', (d) => (d.articles[1].slug = d.articles[0].slug), 'articles[1].slug: duplicate slug', 'crossRef'],
  ['comments for an unknown article', (d) => (d.comments.nope = []), 'comments.nope: no article has the id "nope"', 'crossRef'],
  ['reply to an unknown comment', (d) => (d.comments['pacte-avenir-bretagne'][1].parentId = 'c-404'), 'comments.pacte-avenir-bretagne[1].parentId: no comment of this article has the id "c-404"', 'crossRef'],
];

let failures = 0;
const fail = (message) => {
  failures++;
  console.error(`✗ ${message}`);
};

const demoProblems = validateData(demo);
if (!validateSchema(demo)) fail(`schema rejects the demo data: ${ajv.errorsText(validateSchema.errors)}`);
if (demoProblems.length) fail(`validateData rejects the demo data: ${demoProblems.join('; ')}`);

for (const [name, change, expected, kind] of cases) {
  let data = structuredClone(demo);
  const replaced = change(data);
  if (kind === 'replace') data = replaced;
  const problems = validateData(data);
  const schemaValid = validateSchema(data);
  if (!problems.some((p) => p.startsWith(expected))) fail(`${name}: validateData did not report "${expected}" (got: ${problems.join('; ') || 'no problem'})`);
  if (kind === 'crossRef' ? !schemaValid : schemaValid) {
    fail(`${name}: the schema ${schemaValid ? 'accepts' : 'rejects'} it (${ajv.errorsText(validateSchema.errors)})`);
  }
}

const total = cases.length + 1;
if (failures) {
  console.error(`check-schema: ${failures} disagreement(s) in ${total} files`);
  process.exit(1);
}
console.log(`check-schema: schema and validateData agree on ${total} files (the demo data and ${cases.length} broken ones)`);
