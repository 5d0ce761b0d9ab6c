// The `mag-elements` command (bin/mag-elements.mjs), run as a user runs it, on the built library
// (dist/: `npm run build` first; `npm test` runs this after its build step). node:test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { validateData } from '../../dist/import/index.js';

const FIXTURE = 'test/fixtures/import/le-mag.mt.txt';
const work = mkdtempSync(join(tmpdir(), 'mag-import-mt-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

/** Runs the command; returns its exit code and output. */
function run(...args) {
  const { status, stdout, stderr } = spawnSync(process.execPath, ['bin/mag-elements.mjs', ...args], { encoding: 'utf8', env: { ...process.env, TZ: 'Europe/Paris' } });
  return { status, stdout, stderr };
}
const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
/** Every file under a folder, with its path relative to it. */
const filesUnder = (folder, prefix = '') =>
  readdirSync(join(folder, prefix), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(folder, join(prefix, entry.name)) : [join(prefix, entry.name)],
  );

test('--help lists the commands; a command without arguments or an unknown one is a usage error (exit 2)', () => {
  const help = run('--help');
  assert.equal(help.status, 0);
  assert.match(help.stdout, /^Usage: mag-elements <command> \[options\]/);
  assert.match(help.stdout, /import-mt +import a Movable Type \/ Typepad export/);
  const none = run();
  assert.equal(none.status, 2);
  assert.match(none.stderr, /^Usage: mag-elements <command>/);
  const unknown = run('publish');
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /unknown command "publish"/);
  const inherited = run('constructor');
  assert.equal(inherited.status, 2, 'a name every object has is not a command');
  const commandHelp = run('import-mt', '--help');
  assert.equal(commandHelp.status, 0);
  for (const option of ['--out', '--timezone', '--include-drafts', '--keep-pings', '--old-base-url', '--new-base-url', '--media-base', '--encoding']) assert.match(commandHelp.stdout, new RegExp(`\\n  ${option} `));
});

test('import-mt writes the split layout, the redirects and the closing counts', () => {
  const out = join(work, 'site', 'data');
  const report = join(work, 'report.json');
  const result = run('import-mt', FIXTURE, '--out', `${out}/`, '--timezone', 'Europe/Paris', '--old-base-url', 'https://claudy.typepad.com/mag/', '--new-base-url', 'https://example.org/mag/', '--title', 'Le Mag', '--lang', 'fr', '--keep-pings', '--report', report);
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stderr, '');
  assert.match(result.stdout, /^Read le-mag\.mt\.txt: 261 lines, utf-8, LF line ends; dates in Europe\/Paris\.$/m);
  assert.match(result.stdout, /^Entries: 8 read, 6 imported, 2 skipped \(1 draft, 1 future\)\.$/m);
  assert.match(result.stdout, /^Comments: 4 read, 4 imported \(2 replies\), 0 left out with their entries, 0 skipped\.$/m);
  assert.match(result.stdout, /^Pings: 1 read, 1 kept as comments, 0 dropped\.$/m);
  assert.match(result.stdout, /^Sections: 3\. Redirects: 6\./m);
  assert.match(result.stdout, /^Wrote .*\(split layout: index\.json, 6 article files, 3 section files\); redirects\.json, redirects\.nginx\.conf, redirects\.apache\.conf in /m);

  assert.deepEqual(filesUnder(out).sort(), [
    'articles/decentralisation-pour-une-nouvelle-etape.json',
    'articles/le-numerique-c-est-la-proximite.json',
    'articles/les-finances-locales-a-l-epreuve-de-la-crise.json',
    'articles/les-marches-de-pays-coeur-battant-de-nos-communes.json',
    'articles/lutter-contre-le-gaspillage-alimentaire.json',
    'articles/un-vrai-pacte-d-avenir-pour-la-bretagne.json',
    'index.json',
    'redirects.apache.conf',
    'redirects.json',
    'redirects.nginx.conf',
    'sections/la-republique-des-territoires.json',
    'sections/politique.json',
    'sections/vie-locale.json',
  ]);
  const index = readJson(join(out, 'index.json'));
  assert.deepEqual(index.site, { title: 'Le Mag', homeUrl: 'https://example.org/mag/', lang: 'fr' });
  assert.equal(index.layout, 'split');
  assert.equal(index.articleCount, 6);
  const article = readJson(join(out, 'articles', 'le-numerique-c-est-la-proximite.json'));
  assert.equal(article.article.title, "Le numérique, c'est la proximité");
  assert.equal(article.article.commentsOpen, false);
  assert.equal(article.article.oldUrl, 'https://claudy.typepad.com/mag/2013/10/le-numerique-c-est-la-proximite.html');
  assert.equal(article.article.previous.id, 'lutter-contre-le-gaspillage-alimentaire');
  assert.equal(article.article.next.id, 'un-vrai-pacte-d-avenir-pour-la-bretagne');
  assert.deepEqual(article.comments.map((c) => c.author.name), ['Dulucq']);
  assert.match(readFileSync(join(out, 'redirects.nginx.conf'), 'utf8'), /\n {4}"\/mag\/2013\/10\/le-numerique-c-est-la-proximite\.html" "https:\/\/example\.org\/mag\/\?article=le-numerique-c-est-la-proximite";\n/);
  assert.match(readFileSync(join(out, 'redirects.apache.conf'), 'utf8'), /\nRedirectPermanent "\/mag\/2013\/10\/le-numerique-c-est-la-proximite\.html" "https:\/\/example\.org\/mag\/\?article=le-numerique-c-est-la-proximite"\n/);
  assert.equal(readJson(join(out, 'redirects.json')).redirects.length, 6);
  assert.equal(readJson(report).entries.imported, 6);

  // No e-mail address and no IP address of the export in any file written.
  const secrets = [...readFileSync(FIXTURE, 'utf8').matchAll(/^(?:EMAIL|IP): (.+)$/gm)].map((m) => m[1]);
  assert.equal(secrets.length, 9);
  for (const file of [...filesUnder(out).map((f) => join(out, f)), report]) {
    const text = readFileSync(file, 'utf8');
    for (const secret of secrets) assert.ok(!text.includes(secret), `${secret} in ${file}`);
  }
});

test('import-mt writes one data file, valid for validateData and the JSON Schema, with --out file.json', () => {
  const out = join(work, 'one', 'le-mag.json');
  const result = run('import-mt', FIXTURE, '--out', out, '--timezone', 'Europe/Paris', '--quiet');
  assert.equal(result.status, 0, result.stderr);
  assert.doesNotMatch(result.stdout, /^Read /m);
  assert.match(result.stdout, /^Entries: 8 read, 6 imported/m);
  const data = readJson(out);
  assert.deepEqual(validateData(data), []);
  const schema = new Ajv2020.default({ allErrors: true, strict: true }).compile(readJson('docs/data-format.schema.json'));
  assert.ok(schema(data), JSON.stringify(schema.errors));
  assert.equal(data.articles.length, 6);
  assert.equal(data.articles[3].published, '2013-10-16T10:00:00+02:00');
  assert.deepEqual(readdirSync(join(work, 'one')), ['le-mag.json']);
});

test('import-mt reads the machine time zone by default, and drafts with --include-drafts', () => {
  const out = join(work, 'drafts.json');
  const result = run('import-mt', FIXTURE, '--out', out, '--include-drafts');
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /dates in Europe\/Paris\./);
  assert.match(result.stdout, /^Entries: 8 read, 8 imported \(2 drafts or future\), 0 skipped\.$/m);
  assert.equal(readJson(out).articles.length, 8);
});

test('import-mt reads Windows-1252 bytes, or the encoding forced', () => {
  const legacy = join(work, 'legacy.txt');
  writeFileSync(legacy, Buffer.from('TITLE: Marée à Saint-Malo\r\nDATE: 10/16/2013 10:00:00 AM\r\n-----\r\nBODY:\r\nÀ bientôt €\r\n-----\r\n--------\r\n', 'latin1').map((b, i, all) => (all[i] === 0xac && all[i - 1] === 0x20 ? 0x80 : b)));
  const out = join(work, 'legacy.json');
  const detected = run('import-mt', legacy, '--out', out, '--timezone', 'UTC');
  assert.equal(detected.status, 0, detected.stderr);
  assert.match(detected.stdout, /windows-1252, CRLF line ends/);
  assert.equal(readJson(out).articles[0].title, 'Marée à Saint-Malo');
  const forced = run('import-mt', legacy, '--out', out, '--timezone', 'UTC', '--encoding', 'utf-8');
  assert.equal(forced.status, 0, forced.stderr);
  assert.match(forced.stdout, /utf-8, as asked/);
  assert.match(forced.stdout, /byte sequences not valid in utf-8, replaced by U\+FFFD/);
});

test('import-mt reports a broken entry with its line, and imports the rest', () => {
  const broken = join(work, 'broken.txt');
  writeFileSync(broken, `${readFileSync(FIXTURE, 'utf8')}TITLE: Cassée\nDATE: 31/12/2013\n-----\nBODY:\nx\n-----\n--------\n`);
  const result = run('import-mt', broken, '--out', join(work, 'broken.json'), '--timezone', 'Europe/Paris');
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /^Entries: 9 read, 6 imported, 3 skipped \(1 broken, 1 draft, 1 future\)\.$/m);
  assert.match(result.stdout, /^ {2}line 263: DATE "31\/12\/2013" is not a Movable Type date \(MM\/DD\/YYYY hh:mm:ss AM\|PM, or 24-hour\) \("Cassée"\)$/m);
});

test('import-mt fails (exit 1) on a file that is not an export, naming the line, and on a missing file', () => {
  const html = join(work, 'page.html');
  writeFileSync(html, '\n<!doctype html>\n<title>Pas un export</title>\n');
  const result = run('import-mt', html, '--out', join(work, 'x.json'));
  assert.equal(result.status, 1);
  assert.match(result.stderr, /^mag-elements import-mt: .*page\.html, line 2: this is not a Movable Type export/);
  assert.equal(existsSync(join(work, 'x.json')), false);
  const missing = run('import-mt', join(work, 'missing.txt'), '--out', join(work, 'x.json'));
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /cannot read .*missing\.txt: no such file/);
});

test('import-mt refuses wrong arguments with exit 2', () => {
  const usage = (args, message) => {
    const result = run('import-mt', ...args);
    assert.equal(result.status, 2, `${args.join(' ')}: ${result.stdout}${result.stderr}`);
    assert.match(result.stderr, message);
    assert.match(result.stderr, /Usage: mag-elements import-mt <export\.txt> --out/);
  };
  usage([FIXTURE], /--out is required/);
  usage(['--out', join(work, 'x.json')], /the export file is missing/);
  usage([FIXTURE, '--out', join(work, 'x.txt')], /a folder must end with \/ and a file with \.json/);
  usage([FIXTURE, '--out', join(work, 'x.json'), '--timezone', 'Europe/Pariss'], /unknown time zone "Europe\/Pariss"/);
  usage([FIXTURE, '--out', join(work, 'x.json'), '--old-base-url', 'typepad'], /the old base URL must be an absolute http\(s\) URL/);
  usage([FIXTURE, '--out', join(work, 'x.json'), '--encoding', 'klingon'], /unknown encoding "klingon"/);
  usage([FIXTURE, '--out', join(work, 'x.json'), '--recent', '0'], /--recent must be a whole number ≥ 1/);
  usage([FIXTURE, '--out', join(work, 'x.json'), '--frobnicate'], /Unknown option '--frobnicate'/);
  usage([FIXTURE, '--out', join(work, 'x.json'), '--base', join(work, 'nope.json')], /--base .*nope\.json: no such file/);
});

test('import-mt replaces an earlier import in the same folder, and refuses a folder holding something else', () => {
  const out = join(work, 'again');
  assert.equal(run('import-mt', FIXTURE, '--out', `${out}/`, '--timezone', 'Europe/Paris').status, 0);
  writeFileSync(join(out, 'articles', 'deleted-since.json'), '{}');
  const again = run('import-mt', FIXTURE, '--out', out, '--timezone', 'Europe/Paris');
  assert.equal(again.status, 0, again.stderr);
  assert.equal(existsSync(join(out, 'articles', 'deleted-since.json')), false);
  const other = join(work, 'other');
  mkdirSync(other);
  writeFileSync(join(other, 'index.html'), '<p>Mon site</p>');
  const refused = run('import-mt', FIXTURE, '--out', `${other}/`);
  assert.equal(refused.status, 2);
  assert.match(refused.stderr, /the folder is not empty and holds no earlier import/);
  assert.deepEqual(readdirSync(other), ['index.html']);
});

test('import-mt carries over the site, about boxes and subscribe endpoint of --base', () => {
  const base = join(work, 'base.json');
  writeFileSync(base, JSON.stringify({ site: { title: 'Base', lang: 'fr' }, about: { magazine: { bioHtml: '<p>Bienvenue</p>' } }, subscribe: { endpoint: '/api/subscribe' } }));
  const out = join(work, 'with-base');
  assert.equal(run('import-mt', FIXTURE, '--out', `${out}/`, '--base', base, '--timezone', 'Europe/Paris').status, 0);
  const index = readJson(join(out, 'index.json'));
  assert.deepEqual(index.site, { title: 'Base', lang: 'fr', homeUrl: './' });
  assert.deepEqual(index.about, { magazine: { bioHtml: '<p>Bienvenue</p>' } });
  assert.deepEqual(index.subscribe, { endpoint: '/api/subscribe' });
});

test('import-mt refuses a --base whose carried parts are not valid data (exit 2), naming each problem, and writes nothing', () => {
  const base = join(work, 'invalid-base.json');
  const out = join(work, 'invalid.json');
  const tries = [
    [{ site: { title: 'Base' }, about: { magazine: { title: 'Sans texte' } } }, /--base .*invalid-base\.json is not valid data:\n {2}about\.magazine\.bioHtml: is required/],
    [{ sections: ['Politique'] }, /is not valid data:\n {2}sections\[0\]: expected an object, got string "Politique"/],
    [{ sections: [{ slug: 'politique' }] }, /is not valid data:\n {2}sections\[0\]\.name: is required/],
    [{ site: 'Le Mag' }, /is not valid data:\n {2}site: expected an object/],
    [['Le Mag'], /--base .*invalid-base\.json: expected a JSON object/],
  ];
  for (const [content, message] of tries) {
    writeFileSync(base, JSON.stringify(content));
    const result = run('import-mt', FIXTURE, '--out', out, '--base', base, '--timezone', 'Europe/Paris');
    assert.equal(result.status, 2, JSON.stringify(content));
    assert.match(result.stderr, message);
    assert.doesNotMatch(result.stderr, /TypeError|\n\s+at /);
    assert.equal(existsSync(out), false);
  }
});

// Text written by anyone (comments, and the entries of a file one did not write) built against the
// importer's patterns: each must be read in linear time. Chromium's regular-expression engine has
// ways around some of these worst cases that Node's lacks, so they are run here too. The bound of
// 5 s stops a frozen import; it is not a benchmark.
const DATE = 'DATE: 10/16/2013 10:00:00 AM';

/** Imports an export written by the test, with --old-base-url and --media-base (addresses rewritten); stopped after 5 s. */
function importWithinFiveSeconds(name, text) {
  const file = join(work, `${name}.txt`);
  writeFileSync(file, text);
  const out = join(work, `${name}.json`);
  const report = join(work, `${name}.report.json`);
  const args = ['bin/mag-elements.mjs', 'import-mt', file, '--out', out, '--report', report, '--timezone', 'UTC', '--old-base-url', 'https://lemag.typepad.com/blog/', '--media-base', '/media'];
  const { status, signal, stderr } = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 5000 });
  assert.equal(signal, null, `${name}: the import did not finish within 5 s`);
  assert.equal(status, 0, stderr);
  return { data: readJson(out), report: readJson(report) };
}

test('import-mt reads header lines in linear time, even a key followed by 200,000 spaces', () => {
  const spaces = ' '.repeat(200_000);
  const text =
    `TITLE: Cassée\n${DATE}\nA${spaces}x\n-----\nBODY:\nx\n-----\n--------\n` +
    `TITLE: Commentée\n${DATE}\n-----\nBODY:\nx\n-----\nCOMMENT:\nAUTHOR: Anne\nA${spaces}x\n-----\n--------\n`;
  const { data, report } = importWithinFiveSeconds('header-spaces', text);
  assert.deepEqual(report.entries.skipped.map(({ line, kind }) => ({ line, kind })), [{ line: 3, kind: 'broken' }]);
  assert.deepEqual(data.comments.commentee.map((c) => [c.author.name, c.bodyHtml]), [['Anne', `<p>A${spaces}x</p>`]]);
});

test('import-mt reads CONVERT BREAKS in linear time, even a filter name holding 200,000 spaces', () => {
  const spaces = ' '.repeat(200_000);
  const { data } = importWithinFiveSeconds('filter-spaces', `TITLE: Filtres\n${DATE}\nCONVERT BREAKS: mark${spaces}down, __default__\n-----\nBODY:\nUn\ndeux\n-----\n--------\n`);
  assert.equal(data.articles[0].bodyHtml, '<p>Un<br />\ndeux</p>');
});

test('import-mt tells an e-mail address signed as a name in linear time, even after 200,000 dots', () => {
  const dots = '.'.repeat(200_000);
  const comment = (author, time) => `COMMENT:\nAUTHOR: ${author}\nDATE: 10/17/2013 ${time}\nBonjour.\n-----\n`;
  const { data } = importWithinFiveSeconds('author-dots', `TITLE: Signée\n${DATE}\n-----\nBODY:\nx\n-----\n${comment(`a@${dots} b`, '10:00:00')}${comment(`a@b${dots}c`, '11:00:00')}--------\n`);
  assert.deepEqual(data.comments.signee.map((c) => c.author.name), [`a@${dots} b`, undefined]);
});

test('import-mt leaves unclosed tags, comments and scripts as written in linear time, even 200,000 characters of them', () => {
  for (const unclosed of ['<a', '</p', '<!--', '<script']) {
    const markup = unclosed.repeat(Math.ceil(200_000 / unclosed.length));
    // In a commenter's name, and in a body without TITLE, whose text becomes the title: tags and
    // comments are removed, those without an end kept. The body's image address is rewritten.
    const body = `<p>Début <img src="https://lemag.typepad.com/.a/photo"></p>\n${markup}`;
    const text = `${DATE}\n-----\nBODY:\n${body}\n-----\nCOMMENT:\nAUTHOR: ${markup}\nBonjour.\n-----\n--------\n`;
    const { data } = importWithinFiveSeconds(`unclosed-${unclosed.replace(/\W/g, '')}`, text);
    const [article] = data.articles;
    assert.equal(article.title, `Début ${markup}`, unclosed);
    assert.equal(article.bodyHtml, body.replace('https://lemag.typepad.com/', '/media/'), unclosed);
    assert.equal(data.comments[article.id][0].author.name, markup, unclosed);
  }
});

test('import-mt gives 20,000 entries of one title their slugs in linear time: -2, -3… in the order of the file', () => {
  const entries = Array.from({ length: 20_000 }, () => `TITLE: Même titre\n${DATE}\n-----\nBODY:\nx\n-----\n--------\n`).join('');
  const { data } = importWithinFiveSeconds('same-title', entries);
  const ids = data.articles.map((a) => a.id);
  assert.equal(new Set(ids).size, 20_000);
  assert.deepEqual(ids.slice(0, 3), ['meme-titre', 'meme-titre-2', 'meme-titre-3']);
  assert.ok(ids.includes('meme-titre-20000'));
});

test('import-mt finds the @Name replies of an entry with 20,000 commenters in linear time', () => {
  const comments = Array.from(
    { length: 20_000 },
    (_, i) => `COMMENT:\nAUTHOR: Lecteur ${i}\nDATE: 10/17/2013 10:00:00 AM\n@Lecteur ${i - 1} oui, et @personne.\n-----\n`,
  ).join('');
  const { data } = importWithinFiveSeconds('many-commenters', `TITLE: Débat\n${DATE}\n-----\nBODY:\nx\n-----\n${comments}--------\n`);
  const thread = data.comments.debat;
  // The first comment answers "Lecteur -1", who never wrote; each other one answers the comment before it.
  assert.equal(thread.filter((c) => c.parentId).length, 19_999);
  assert.deepEqual(thread.slice(0, 3).map((c) => [c.id, c.parentId]), [['c1', undefined], ['c2', 'c1'], ['c3', 'c2']]);
});
