#!/usr/bin/env node
// Writes the parts of docs/elements/<tag>.md that come from custom-elements.json, between markers:
//
//   <!-- manifest:attributes -->
//   (generated: do not edit; the class JSDoc in src/ is the source)
//   <!-- /manifest:attributes -->
//
// Blocks: `description` (the class JSDoc's prose), `attributes` (attributes and properties),
// `events`, `slots`, `parts` (CSS parts) and `css-properties` (CSS custom properties). The prose
// around the blocks is hand-written. An element that has events, slots, parts or custom
// properties must have the matching block in its page.
//
//   node scripts/element-docs.mjs           rewrites the blocks (`npm run docs`, also run by `npm run analyze`)
//   node scripts/element-docs.mjs --check   changes nothing; fails when a block is stale or missing (`npm test`)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { attributesWithoutProperty, customElements, definedType, publicProperties } from './manifest-elements.mjs';

const DOCS = 'docs/elements';
const check = process.argv.includes('--check');

/** Text for one Markdown table cell: one line, pipes escaped. */
const cell = (text) => (text ?? '').replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|').trim();
const code = (text) => (text ? `\`${text.replace(/\|/g, '\\|')}\`` : '');

function table(header, rows) {
  if (!rows.length) return 'None.';
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

/** The generated Markdown of each block, for one element. `null`: the element has nothing of that kind. */
function blocksOf(element) {
  const properties = publicProperties(element);
  const attributesOnly = attributesWithoutProperty(element);
  const list = (items) => (items?.length ? items : null);
  return {
    description: element.description?.trim() || null,
    attributes:
      properties.length || attributesOnly.length
        ? table(['attribute', 'property', 'type', 'default', 'description'], [
            ...properties.map((p) => [code(p.attribute), code(p.name), code(definedType(p.type)), code(p.default), cell(p.description)]),
            ...attributesOnly.map((a) => [code(a.name), '', code(definedType(a.type)), code(a.default), cell(a.description)]),
          ])
        : null,
    events: list(element.events) && table(['event', 'type', 'description'], element.events.map((e) => [code(e.name), code(e.type?.text), cell(e.description)])),
    slots: list(element.slots) && table(['slot', 'description'], element.slots.map((s) => [s.name ? code(s.name) : '(default)', cell(s.description)])),
    parts: list(element.cssParts) && table(['part', 'description'], element.cssParts.map((p) => [code(p.name), cell(p.description)])),
    'css-properties':
      list(element.cssProperties) &&
      table(['property', 'default', 'description'], element.cssProperties.map((p) => [code(p.name), code(p.default), cell(p.description)])),
  };
}

const BLOCK = /(<!-- manifest:([a-z-]+) -->\n)([\s\S]*?)(<!-- \/manifest:\2 -->)/g;
const NOTE = '<!-- generated from custom-elements.json by `npm run docs`: edit the JSDoc in src/, not this block -->';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const problems = [];
const stale = [];

for (const element of customElements(manifest)) {
  const file = join(DOCS, `${element.tagName}.md`);
  if (!existsSync(file)) {
    problems.push(`${file} is missing (the manifest declares <${element.tagName}>).`);
    continue;
  }
  const blocks = blocksOf(element);
  const text = readFileSync(file, 'utf8');
  const seen = new Set();
  const next = text.replace(BLOCK, (whole, open, kind, _old, close) => {
    if (!(kind in blocks)) {
      problems.push(`${file}: unknown block "manifest:${kind}" (known: ${Object.keys(blocks).join(', ')}).`);
      return whole;
    }
    seen.add(kind);
    return `${open}${NOTE}\n\n${blocks[kind] ?? 'None.'}\n\n${close}`;
  });
  for (const [kind, content] of Object.entries(blocks)) {
    if (content !== null && !seen.has(kind)) problems.push(`${file}: no <!-- manifest:${kind} --> block, although <${element.tagName}> has ${kind}.`);
  }
  if (next !== text) {
    stale.push(file);
    if (!check) writeFileSync(file, next);
  }
}

for (const problem of problems) console.error(problem);
if (check) {
  for (const file of stale) console.error(`${file} is out of date: run \`npm run docs\` (or \`npm run analyze\`) and commit the result.`);
  if (!stale.length && !problems.length) console.log(`docs/elements/*.md: the generated blocks match custom-elements.json.`);
  process.exitCode = stale.length || problems.length ? 1 : 0;
} else {
  console.log(stale.length ? `Updated ${stale.join(', ')}.` : 'docs/elements/*.md: nothing to update.');
  process.exitCode = problems.length ? 1 : 0;
}
