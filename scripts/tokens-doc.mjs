#!/usr/bin/env node
// `npm run docs:tokens`: writes the table of global tokens in docs/theming.md (between the markers
// <!-- tokens:start --> and <!-- tokens:end -->) from src/core/tokens.ts: each token's name and
// default from its `token('--mag-…', default)` call, its description from its JSDoc.
// `node scripts/tokens-doc.mjs --check` (run by `npm test`) fails when the table is not current.
import { readFileSync, writeFileSync } from 'node:fs';
import ts from 'typescript';

const SOURCE = 'src/core/tokens.ts';
const DOC = 'docs/theming.md';
const START = '<!-- tokens:start -->';
const END = '<!-- tokens:end -->';

const file = ts.createSourceFile(SOURCE, readFileSync(SOURCE, 'utf8'), ts.ScriptTarget.Latest, true);
const jsDoc = (node) =>
  ts
    .getJSDocCommentsAndTags(node)
    .map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? '')
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();

/** The token of each variable of the file (`const accent = token(…)`), by variable name. */
const byVariable = new Map();
const tokens = [];
/** A token from a `token(name, default)` call; the default is a string or another token's variable. */
function tokenOf(call, description) {
  const [name, fallback] = call.arguments;
  const byName = ts.isIdentifier(fallback) ? byVariable.get(fallback.text) : undefined;
  const defaultText = ts.isStringLiteralLike(fallback) ? `\`${fallback.text}\`` : byName ? `\`var(${byName.name})\`` : fallback.getText();
  return { name: name.text, default: defaultText, description };
}
const isTokenCall = (node) => node && ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'token';

for (const statement of file.statements) {
  if (!ts.isVariableStatement(statement)) continue;
  for (const declaration of statement.declarationList.declarations) {
    const init = declaration.initializer;
    if (isTokenCall(init)) {
      const token = tokenOf(init, jsDoc(statement));
      byVariable.set(declaration.name.getText(), token);
      if (token.description) tokens.push(token);
    } else if (init && ts.isObjectLiteralExpression(init)) {
      for (const property of init.properties) {
        const description = jsDoc(property);
        // `text: token(…)`, or a token declared above: `accent` (shorthand), `l: spaceL`.
        const value = ts.isShorthandPropertyAssignment(property) ? property.name : ts.isPropertyAssignment(property) ? property.initializer : undefined;
        if (isTokenCall(value)) tokens.push(tokenOf(value, description));
        else if (value && ts.isIdentifier(value) && byVariable.has(value.text)) tokens.push({ ...byVariable.get(value.text), description });
      }
    }
  }
}
const missing = tokens.filter((t) => !t.description).map((t) => t.name);
if (missing.length) {
  console.error(`${SOURCE}: no JSDoc for ${missing.join(', ')}.`);
  process.exit(1);
}

const cell = (text) => text.replace(/\|/g, '\\|');
const table = [
  '| token | default | what it sets |',
  '| --- | --- | --- |',
  ...tokens.map((t) => `| \`${t.name}\` | ${cell(t.default)} | ${cell(t.description)} |`),
].join('\n');

const doc = readFileSync(DOC, 'utf8');
const start = doc.indexOf(START);
const end = doc.indexOf(END);
if (start < 0 || end < start) {
  console.error(`${DOC}: the markers ${START} and ${END} are missing.`);
  process.exit(1);
}
const updated = `${doc.slice(0, start + START.length)}\n${table}\n${doc.slice(end)}`;
if (process.argv.includes('--check')) {
  if (updated !== doc) {
    console.error(`${DOC}: the table of tokens is not current; run \`npm run docs:tokens\`.`);
    process.exit(1);
  }
  console.log(`${DOC}: the table of tokens is current (${tokens.length} tokens).`);
} else {
  writeFileSync(DOC, updated);
  console.log(`${DOC}: ${tokens.length} tokens written.`);
}
