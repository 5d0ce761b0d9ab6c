#!/usr/bin/env node
// The `mag-elements` command of the npm package: one entry, its subcommands in the `commands` table.
// It runs the library's built modules (dist/), as a user of the package has them; in a checkout of
// the repository, `npm run build` makes them.
//
// Exit codes: 0 done; 1 the input could not be imported or the output written; 2 a usage error (an
// unknown command or option, a missing or wrong value).
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const EXIT = { ok: 0, failed: 1, usage: 2 };
const here = dirname(fileURLToPath(import.meta.url));

/** A problem with what the user typed: shown with the command's usage line, exit 2. */
class UsageError extends Error {}

/** The library's import module, from the package's dist/. */
async function loadImporter() {
  const file = join(here, '..', 'dist', 'import', 'index.js');
  if (!existsSync(file)) {
    console.error(`mag-elements: ${file} is missing: the library is not built (in a checkout of the repository, run \`npm run build\`).`);
    process.exit(EXIT.failed);
  }
  return import(file);
}

const number = (n) => n.toLocaleString('en-US');
const plural = (n, one, many = `${one}s`) => `${number(n)} ${n === 1 ? one : many}`;
const size = (bytes) => (bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);
const LIST_MAX = 50;

const importMtUsage = `Usage: mag-elements import-mt <export.txt> --out <folder/ | file.json> [options]

Imports a Movable Type or Typepad export (the "Import / Export Format" text file) into the data of
the mag-elements JSON adapter: a folder in the split layout (--out folder/: index.json, one file per
article and per section; for blogs of any size) or one data file (--out file.json).

Options:
  --out <folder/ | file.json>  where to write (a folder ends with / or already exists)
  --timezone <IANA name>       the time zone of the export's dates (default: this machine's, %TZ%)
  --include-drafts             also import drafts and entries dated in the future
  --keep-pings                 keep trackbacks (pings) as comments (default: dropped)
  --old-base-url <URL>         the blog's old address (https://example.typepad.com/blog/): each
                               article gets its old URL, and redirects are written
  --new-base-url <URL>         the address of the page that shows the articles
                               (https://example.org/blog/): links and redirects become absolute
  --article-url <pattern>      an article's address relative to it (default "?article={slug}")
  --section-url <pattern>      a section's address (default "?section={slug}")
  --media-base <URL or path>   where the blog's images now are: URLs on Typepad's media servers
                               in the texts are rewritten to it (keeping their paths)
  --encoding <name>            read the file in this encoding (utf-8, windows-1252, iso-8859-1);
                               default: UTF-8 when the bytes are valid UTF-8, else Windows-1252
  --title <text>               the site's title (the export has none)
  --lang <code>                the language of the texts (fr, en)
  --base <data.json>           a data file whose site, sections, about boxes, subscribe
                               endpoint and videos are carried over
  --recent <n>                 split layout: summaries in the index and each section file (default 50)
  --no-replies                 do not make "@Name …" comments replies to Name's comment
  --report <file.json>         also write the full report as JSON
  --quiet                      print only the closing counts
  -h, --help                   this help

Exit codes: 0 imported (skipped entries are listed, with their lines); 1 the file is not an export,
or could not be read or written; 2 a usage error (an option, or a --base that is not valid data).
`;

const importMtOptions = {
  out: { type: 'string' },
  timezone: { type: 'string' },
  'include-drafts': { type: 'boolean' },
  'keep-pings': { type: 'boolean' },
  'old-base-url': { type: 'string' },
  'new-base-url': { type: 'string' },
  'article-url': { type: 'string' },
  'section-url': { type: 'string' },
  'media-base': { type: 'string' },
  encoding: { type: 'string' },
  title: { type: 'string' },
  lang: { type: 'string' },
  base: { type: 'string' },
  recent: { type: 'string' },
  'no-replies': { type: 'boolean' },
  report: { type: 'string' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

/** Where the output goes: a split-layout folder or one file. */
function outputTarget(out) {
  if (!out) throw new UsageError('--out is required: a folder (ending with /) or a .json file');
  const path = resolve(out);
  const isFolder = out.endsWith('/') || out.endsWith('\\') || (existsSync(path) && statSync(path).isDirectory());
  if (isFolder) return { kind: 'split', path };
  if (!/\.json$/i.test(out)) throw new UsageError(`--out ${out}: a folder must end with / and a file with .json`);
  return { kind: 'file', path };
}

/**
 * Prepares a split-layout folder: a new or empty folder, or one holding an earlier import (its
 * index.json says "layout": "split"), whose article and section files are removed first so that no
 * entry deleted since then survives.
 */
function prepareFolder(path) {
  if (!existsSync(path)) return mkdirSync(path, { recursive: true });
  const entries = readdirSync(path);
  if (!entries.length) return;
  let earlier;
  try {
    earlier = JSON.parse(readFileSync(join(path, 'index.json'), 'utf8')).layout === 'split';
  } catch {
    earlier = false;
  }
  if (!earlier) throw new UsageError(`--out ${path}: the folder is not empty and holds no earlier import (an index.json with "layout": "split"): choose an empty or new folder`);
  for (const name of ['articles', 'sections']) rmSync(join(path, name), { recursive: true, force: true });
}

/**
 * The parts of a `--base` file that the import carries over, checked as the data format says before
 * the importer reads them: a section without a name, or named by a bare string, would stop it.
 */
function checkBase(api, path, base) {
  const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!isObject(base)) throw new UsageError(`--base ${path}: expected a JSON object (a data file's site, sections, about boxes…)`);
  const { site, sections, about, subscribe, videos, commentsPageSize, moderation } = base;
  // (the site's title may come from --title, and the articles from the export)
  const carried = { version: 1, site: isObject(site) ? { title: 'Blog', ...site } : (site ?? { title: 'Blog' }), articles: [], sections, about, subscribe, videos, commentsPageSize, moderation };
  const problems = api.validateData(carried);
  if (problems.length) throw new UsageError(`--base ${path} is not valid data:\n  ${problems.slice(0, 20).join('\n  ')}`);
}

async function importMt(args) {
  const { values, positionals } = parseArgs({ args, options: importMtOptions, allowPositionals: true, strict: true });
  if (values.help) {
    process.stdout.write(importMtUsage.replace('%TZ%', Intl.DateTimeFormat().resolvedOptions().timeZone));
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new UsageError(positionals.length ? `one export file expected, got ${positionals.length}: ${positionals.join(' ')}` : 'the export file is missing');
  const target = outputTarget(values.out);
  const recentLimit = values.recent === undefined ? 50 : Number(values.recent);
  if (!Number.isInteger(recentLimit) || recentLimit < 1) throw new UsageError(`--recent must be a whole number ≥ 1, got ${values.recent}`);
  let base;
  if (values.base) {
    try {
      base = JSON.parse(readFileSync(values.base, 'utf8'));
    } catch (error) {
      throw new UsageError(`--base ${values.base}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
    }
  }

  const api = await loadImporter();
  if (base !== undefined) checkBase(api, values.base, base);

  const [file] = positionals;
  let bytes;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    console.error(`mag-elements import-mt: cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
    return EXIT.failed;
  }

  let result;
  try {
    result = api.importMovableType(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      timezone: values.timezone,
      includeDrafts: values['include-drafts'],
      keepPings: values['keep-pings'],
      oldBaseUrl: values['old-base-url'],
      newBaseUrl: values['new-base-url'],
      articleUrl: values['article-url'],
      sectionUrl: values['section-url'],
      mediaBase: values['media-base'],
      encoding: values.encoding,
      siteTitle: values.title,
      lang: values.lang,
      base,
      replies: !values['no-replies'],
    });
  } catch (error) {
    if (!(error instanceof api.ImportError)) throw error;
    if (error.kind === 'option') throw new UsageError(error.message);
    console.error(`mag-elements import-mt: ${file}, ${error.message}`);
    return EXIT.failed;
  }
  const { data, report, redirects } = result;
  const problems = api.validateData(data);
  if (problems.length) {
    console.error(`mag-elements import-mt: the imported data is not valid:\n  ${problems.slice(0, 20).join('\n  ')}`);
    return EXIT.failed;
  }

  const written = [];
  const write = (path, text) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    written.push(Buffer.byteLength(text));
  };
  let where;
  try {
    let folder;
    if (target.kind === 'split') {
      prepareFolder(target.path);
      folder = target.path;
      const files = api.toSplitLayout(data, { recentLimit });
      // The index is meant to be read and edited (site, about boxes): indented; the others compact.
      for (const { path, content } of files) write(join(folder, path), path === 'index.json' ? `${JSON.stringify(content, null, 2)}\n` : JSON.stringify(content));
      const articleFiles = files.filter((f) => f.path.startsWith('articles/')).length;
      where = `${target.path}/ (split layout: index.json, ${plural(articleFiles, 'article file')}, ${plural(files.length - articleFiles - 1, 'section file')})`;
    } else {
      folder = dirname(target.path);
      write(target.path, `${JSON.stringify(data, null, 2)}\n`);
      where = target.path;
    }
    const redirectFiles = [];
    if (redirects.length) {
      write(join(folder, 'redirects.json'), api.redirectsJson(redirects));
      const nginx = api.nginxRedirects(redirects);
      const apache = api.apacheRedirects(redirects);
      write(join(folder, 'redirects.nginx.conf'), nginx.text);
      write(join(folder, 'redirects.apache.conf'), apache.text);
      redirectFiles.push('redirects.json', 'redirects.nginx.conf', 'redirects.apache.conf');
      for (const skipped of nginx.skipped) report.warnings.push({ message: `${skipped.from}: characters a server configuration cannot hold: in redirects.json only` });
    }
    if (values.report) writeFileSync(values.report, `${JSON.stringify(report, null, 2)}\n`);
    if (redirectFiles.length) where += `; ${redirectFiles.join(', ')} in ${folder}`;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    console.error(`mag-elements import-mt: cannot write the output: ${error.message}`);
    return EXIT.failed;
  }

  printReport(file, report, values.quiet);
  console.log(`Wrote ${where}: ${size(written.reduce((a, b) => a + b, 0))}.`);
  return EXIT.ok;
}

function printReport(file, report, quiet) {
  const { source, entries, comments, pings } = report;
  const skippedKinds = ['broken', 'unsupported', 'draft', 'future']
    .map((kind) => [kind, entries.skipped.filter((s) => s.kind === kind).length])
    .filter(([, n]) => n)
    .map(([kind, n]) => (kind === 'draft' ? plural(n, 'draft') : `${number(n)} ${kind}`));
  const lines = [];
  if (!quiet) {
    const encoding = `${source.encoding}${source.encodingSource === 'forced' ? ', as asked' : ''}`;
    lines.push(`Read ${basename(file)}: ${plural(source.lines, 'line')}, ${encoding}, ${source.lineEnds} line ends; dates in ${report.timezone}.`);
  }
  lines.push(`Entries: ${number(entries.read)} read, ${number(entries.imported)} imported${entries.importedDrafts ? ` (${number(entries.importedDrafts)} drafts or future)` : ''}, ${number(entries.skipped.length)} skipped${skippedKinds.length ? ` (${skippedKinds.join(', ')})` : ''}.`);
  lines.push(
    `Comments: ${number(comments.read)} read, ${number(comments.imported)} imported (${plural(comments.replies, 'reply', 'replies')}), ${number(comments.leftOutWithEntries)} left out with their entries, ${number(comments.skipped.length)} skipped.`,
  );
  lines.push(`Pings: ${number(pings.read)} read, ${number(pings.imported)} kept as comments, ${number(pings.dropped)} dropped.`);
  lines.push(`Sections: ${number(report.sections)}. Redirects: ${number(report.redirects)}. Rewritten: ${plural(report.rewritten.media, 'media URL')}, ${plural(report.rewritten.links, 'link')} between articles.`);
  if (!quiet) {
    const listed = [...entries.skipped.filter((s) => s.kind === 'broken' || s.kind === 'unsupported'), ...comments.skipped];
    if (listed.length) lines.push('Skipped:');
    for (const item of listed.slice(0, LIST_MAX)) lines.push(`  line ${item.line}: ${item.reason}${item.title ? ` ("${item.title}")` : ''}`);
    if (listed.length > LIST_MAX) lines.push(`  … and ${number(listed.length - LIST_MAX)} more (--report writes them all)`);
    if (report.warnings.length) lines.push(`Warnings (${number(report.warnings.length)}):`);
    for (const warning of report.warnings.slice(0, LIST_MAX)) lines.push(`  ${warning.line ? `line ${warning.line}: ` : ''}${warning.message}`);
    if (report.warnings.length > LIST_MAX) lines.push(`  … and ${number(report.warnings.length - LIST_MAX)} more (--report writes them all)`);
  }
  console.log(lines.join('\n'));
}

const renderUsage = `Usage: mag-elements render <page.html> [--out <file.html>] [options]

Renders the mag-elements of an HTML page on the server: every element's content as HTML that reads
without scripts (declarative shadow DOM), with the data it shows embedded, so that the elements take
over in the browser without asking for it again. Each <mag-provider> reads its own data source (its
src, its inline JSON, adapter="wordpress" or adapter="feed"). Prints the page, or writes it to --out.

Options:
  --out <file.html>     where to write the rendered page (default: standard output)
  --base-url <URL>      what the page's relative addresses resolve against (default: the page file's
                        folder, so a data file beside the page is read from the disk)
  --lang <code>         the language of elements with no lang attribute above them (default: en)
  --timeout <seconds>   how long to wait for each data source (default: each provider's, else 20)
  -h, --help            this help

Needs the optional dependencies of server rendering: npm install @lit-labs/ssr jsdom parse5

Exit codes: 0 rendered; 1 the page could not be read, rendered or written; 2 a usage error.
`;

/** `mag-elements render`: a page rendered on the server (docs/server-rendering.md). */
async function renderCommand(args) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: 'string' }, 'base-url': { type: 'string' }, lang: { type: 'string' }, timeout: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    process.stdout.write(renderUsage);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new UsageError(positionals.length ? 'one page at a time.' : 'which page? Give the path of an HTML file.');
  const timeout = values.timeout === undefined ? undefined : Number(values.timeout);
  if (timeout !== undefined && !(timeout >= 0)) throw new UsageError(`--timeout: expected a number of seconds, got "${values.timeout}".`);
  const file = resolve(positionals[0]);
  if (!existsSync(file) || !statSync(file).isFile()) {
    console.error(`mag-elements render: ${positionals[0]} is not a file.`);
    return EXIT.failed;
  }
  const renderer = join(here, '..', 'dist', 'server', 'render-page.js');
  if (!existsSync(renderer)) {
    console.error(`mag-elements: ${renderer} is missing: the library is not built (in a checkout of the repository, run \`npm run build\`).`);
    return EXIT.failed;
  }
  let renderPage;
  try {
    ({ renderPage } = await import(renderer));
  } catch (error) {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
    console.error(`mag-elements render: server rendering needs packages that are not installed (${error.message.match(/'([^']+)'/)?.[1] ?? error.message}): npm install @lit-labs/ssr jsdom parse5`);
    return EXIT.failed;
  }
  const baseUrl = values['base-url'] ?? pathToFileURL(`${dirname(file)}/`).href;
  const html = await renderPage(readFileSync(file, 'utf8'), { baseUrl, ...(values.lang ? { lang: values.lang } : {}), ...(timeout !== undefined ? { timeout } : {}) });
  if (values.out) writeFileSync(resolve(values.out), html);
  else process.stdout.write(html);
  return EXIT.ok;
}

/** The subcommands: name → what it does (for the help) and how it runs. */
const commands = {
  'import-mt': { summary: 'import a Movable Type / Typepad export into mag-elements data', usage: importMtUsage, run: importMt },
  render: { summary: 'render the mag-elements of an HTML page on the server', usage: renderUsage, run: renderCommand },
};

const usage = `Usage: mag-elements <command> [options]

Commands:
${Object.entries(commands)
  .map(([name, { summary }]) => `  ${name.padEnd(12)} ${summary}`)
  .join('\n')}

Run \`mag-elements <command> --help\` for a command's options.
`;

async function main(argv) {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? process.stdout : process.stderr).write(usage);
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    process.stderr.write(`mag-elements: unknown command "${name}".\n\n${usage}`);
    return EXIT.usage;
  }
  try {
    return await command.run(args);
  } catch (error) {
    // parseArgs reports unknown options and missing values with these codes.
    if (error instanceof UsageError || error?.code?.startsWith?.('ERR_PARSE_ARGS')) {
      process.stderr.write(`mag-elements ${name}: ${error.message}\n\n${command.usage.split('\n\n')[0]}\nRun \`mag-elements ${name} --help\` for the options.\n`);
      return EXIT.usage;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
