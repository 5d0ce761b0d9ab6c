import { expect } from '@open-wc/testing';
import { importMovableType, ImportError, type MovableTypeImportOptions } from '../../src/import/movable-type.js';
import { validateData, type DataArticle } from '../../src/adapters/json/json-adapter.js';
import { encodeWindows1252, fixtureText, mtEntry } from './helpers.js';

/** Options of most tests: a fixed zone and a fixed "now". */
const PARIS: MovableTypeImportOptions = { timezone: 'Europe/Paris', now: '2026-01-01T00:00:00Z' };
const run = (text: string | Uint8Array, options: MovableTypeImportOptions = {}) => importMovableType(text, { ...PARIS, ...options });

/** The only article of a one-entry export. */
function single(text: string, options?: MovableTypeImportOptions): DataArticle {
  const { data, report } = run(text, options);
  expect(report.entries.skipped, JSON.stringify(report.entries.skipped)).to.deep.equal([]);
  expect(data.articles).to.have.length(1);
  return data.articles[0];
}

/** What `fn` throws, as an ImportError. */
function importError(fn: () => unknown): ImportError {
  try {
    fn();
  } catch (error) {
    expect(error, String(error)).to.be.instanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error('expected an ImportError');
}

const BASE = { TITLE: 'Un titre', DATE: '10/16/2013 10:00:00 AM' };

describe('importMovableType: the demo magazine as an export', () => {
  let text: string;
  before(async () => {
    text = await fixtureText('le-mag.mt.txt');
  });

  it('imports the six published articles, valid for validateData, and reports the draft and the future entry', () => {
    const { data, report } = run(text, { lang: 'fr', siteTitle: 'La République des Territoires - Le Mag' });
    expect(validateData(data)).to.deep.equal([]);
    expect(data.articles.map((a) => a.id)).to.deep.equal([
      'les-finances-locales-a-l-epreuve-de-la-crise',
      'decentralisation-pour-une-nouvelle-etape',
      'lutter-contre-le-gaspillage-alimentaire',
      'le-numerique-c-est-la-proximite',
      'un-vrai-pacte-d-avenir-pour-la-bretagne',
      'les-marches-de-pays-coeur-battant-de-nos-communes',
    ]);
    expect(report.entries).to.deep.include({ read: 8, imported: 6, importedDrafts: 0 });
    expect(report.entries.skipped.map(({ kind, line, title }) => ({ kind, line, title }))).to.deep.equal([
      { kind: 'draft', line: 129, title: 'Brouillon : la fibre dans les campagnes' },
      { kind: 'future', line: 238, title: 'Un article programmé pour plus tard' },
    ]);
    expect(report.comments).to.deep.include({ read: 4, imported: 4, replies: 2, leftOutWithEntries: 0 });
    expect(report.pings).to.deep.equal({ read: 1, imported: 0, dropped: 1 });
    expect(report.source).to.deep.equal({ encoding: 'utf-16', encodingSource: 'text', lineEnds: 'LF', lines: 261 });
    expect(data.site).to.deep.equal({ title: 'La République des Territoires - Le Mag', homeUrl: './', lang: 'fr' });
    expect(data.sections).to.deep.equal([
      { name: 'La République des Territoires', slug: 'la-republique-des-territoires', url: '?section=la-republique-des-territoires' },
      { name: 'Politique', slug: 'politique', url: '?section=politique' },
      { name: 'Vie locale', slug: 'vie-locale', url: '?section=vie-locale' },
    ]);
  });

  it('reads the article of the original page: title, author, date, sections, paragraphs, excerpt, closed comments', () => {
    const article = run(text).data.articles.find((a) => a.id === 'le-numerique-c-est-la-proximite')!;
    expect(article).to.deep.include({
      slug: 'le-numerique-c-est-la-proximite',
      title: "Le numérique, c'est la proximité",
      url: '?article=le-numerique-c-est-la-proximite',
      published: '2013-10-16T10:00:00+02:00',
      author: { name: 'Claudy Lebreton' },
      sections: ['La République des Territoires', 'Politique'],
      commentsOpen: false,
      excerpt: 'Retour sur la première des 22 propositions du rapport sur les territoires numériques de demain : se coordonner dans la proximité.',
    });
    const paragraphs = article.bodyHtml.split('\n\n');
    expect(paragraphs).to.have.length(7);
    expect(paragraphs[0]).to.match(/^<p>Le numérique est décidément un sujet passionnant.*<\/p>$/);
    expect(paragraphs[6]).to.equal('<p>C\'est aussi cela la proximité avec le numérique.</p>');
  });

  it('gives comments in date order, with replies found from "@Name", and no e-mail or IP anywhere', () => {
    const { data } = run(text, { keepPings: true });
    expect(data.comments?.['le-numerique-c-est-la-proximite']).to.deep.equal([
      {
        id: 'c1',
        author: { name: 'Dulucq' },
        published: '2013-10-17T09:12:00+02:00',
        bodyHtml:
          "<p>Dans votre brillant rapport, vous précisez même que ces bassins de vie s'apparentent aux Pays, au sens de la loi Voynet.</p>\n\n" +
          '<p>Voilà un bon moyen de dépasser la question département ou région, et de répondre Pays ! avec co-financement des uns et des autres.</p>\n\n' +
          '<p>Le pilotage par le Pays est une bonne proposition !</p>\n\n<p>Bravo !</p>',
      },
    ]);
    const pacte = data.comments?.['un-vrai-pacte-d-avenir-pour-la-bretagne'] ?? [];
    expect(pacte.map((c) => [c.id, c.parentId, c.author.name, c.author.url, c.published])).to.deep.equal([
      ['c1', undefined, 'Maryvonne', undefined, '2013-10-23T18:40:00+02:00'],
      ['c2', 'c1', 'Yann', 'http://yann.example.org/', '2013-10-24T08:05:00+02:00'],
      ['c3', 'c2', 'Claudy Lebreton', undefined, '2013-10-24T14:10:00+02:00'],
    ]);
    const serialized = JSON.stringify(data);
    for (const [, value] of text.matchAll(/^(?:EMAIL|IP): (.+)$/gm)) expect(serialized, value).not.to.contain(value);
  });

  it('reads the same from CRLF and CR line ends, and from Windows-1252 bytes', () => {
    const expected = run(text).data;
    const crlf = run(text.replace(/\n/g, '\r\n'));
    expect(crlf.data).to.deep.equal(expected);
    expect(crlf.report.source.lineEnds).to.equal('CRLF');
    const cr = run(text.replace(/\n/g, '\r'));
    expect(cr.data).to.deep.equal(expected);
    expect(cr.report.source.lineEnds).to.equal('CR');
    expect(run(text.replace(/\n/, '\r\n')).report.source.lineEnds).to.equal('mixed');

    const legacy = run(encodeWindows1252(text.replace(/\n/g, '\r\n')));
    expect(legacy.report.source).to.deep.include({ encoding: 'windows-1252', encodingSource: 'detected', lineEnds: 'CRLF' });
    expect(legacy.data).to.deep.equal(expected);
    const utf8 = run(new TextEncoder().encode(text));
    expect(utf8.report.source).to.deep.include({ encoding: 'utf-8', encodingSource: 'detected' });
    expect(utf8.data).to.deep.equal(expected);
  });
});

describe('importMovableType: dates', () => {
  it('reads 12-hour and 24-hour dates, with or without seconds, in the time zone given', () => {
    const date = (value: string, timezone = 'Europe/Paris') => single(mtEntry({ ...BASE, DATE: value }), { timezone }).published;
    expect(date('10/16/2013 10:00:00 AM')).to.equal('2013-10-16T10:00:00+02:00');
    expect(date('10/16/2013 10:00:00 PM')).to.equal('2013-10-16T22:00:00+02:00');
    expect(date('10/16/2013 12:05:00 AM')).to.equal('2013-10-16T00:05:00+02:00');
    expect(date('10/16/2013 12:05:00 PM')).to.equal('2013-10-16T12:05:00+02:00');
    expect(date('10/16/2013 22:30:15')).to.equal('2013-10-16T22:30:15+02:00');
    expect(date('1/5/2013 9:07 pm')).to.equal('2013-01-05T21:07:00+01:00');
    expect(date('10/16/13 08:00:00')).to.equal('2013-10-16T08:00:00+02:00');
    expect(date('10/16/2013 10:00:00 AM', 'America/New_York')).to.equal('2013-10-16T10:00:00-04:00');
    expect(date('01/16/2013 10:00:00 AM', 'America/New_York')).to.equal('2013-01-16T10:00:00-05:00');
    expect(date('10/16/2013 10:00:00 AM', 'Asia/Kolkata')).to.equal('2013-10-16T10:00:00+05:30');
    expect(date('10/16/2013 10:00:00 AM', 'UTC')).to.equal('2013-10-16T10:00:00+00:00');
  });

  it('moves a time skipped when clocks go forward, and takes the first of a time repeated when they go back', () => {
    const date = (value: string) => single(mtEntry({ ...BASE, DATE: value })).published;
    expect(date('03/31/2013 02:30:00 AM')).to.equal('2013-03-31T03:30:00+02:00');
    expect(date('10/27/2013 02:30:00 AM')).to.equal('2013-10-27T02:30:00+02:00');
    expect(date('10/27/2013 03:30:00 AM')).to.equal('2013-10-27T03:30:00+01:00');
  });

  it('uses the time zone of the machine by default', () => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const { report } = importMovableType(mtEntry(BASE), { now: PARIS.now });
    expect(report.timezone).to.equal(zone);
  });

  it('skips an entry whose date is not a date, or that has none, naming the line', () => {
    const text = [
      mtEntry({ ...BASE, TITLE: 'Bonne' }),
      mtEntry({ ...BASE, TITLE: 'Mauvaise date', DATE: '16/10/2013 10:00:00' }),
      mtEntry({ TITLE: 'Sans date' }),
      mtEntry({ ...BASE, TITLE: 'Pas un jour', DATE: '02/30/2013 10:00:00' }),
      mtEntry({ ...BASE, TITLE: 'Treize heures PM', DATE: '02/03/2013 13:00:00 PM' }),
    ].join('');
    const { data, report } = run(text);
    expect(data.articles.map((a) => a.title)).to.deep.equal(['Bonne']);
    expect(report.entries.skipped).to.deep.equal([
      { line: 9, kind: 'broken', title: 'Mauvaise date', reason: 'DATE "16/10/2013 10:00:00" is not a Movable Type date (MM/DD/YYYY hh:mm:ss AM|PM, or 24-hour)' },
      { line: 15, kind: 'broken', title: 'Sans date', reason: 'the entry has no DATE line' },
      { line: 22, kind: 'broken', title: 'Pas un jour', reason: 'DATE "02/30/2013 10:00:00" is not a Movable Type date (MM/DD/YYYY hh:mm:ss AM|PM, or 24-hour)' },
      { line: 29, kind: 'broken', title: 'Treize heures PM', reason: 'DATE "02/03/2013 13:00:00 PM" is not a Movable Type date (MM/DD/YYYY hh:mm:ss AM|PM, or 24-hour)' },
    ]);
  });

  it('gives a comment without a readable date the date of its entry, with a warning', () => {
    const text = mtEntry(BASE, { BODY: 'Texte.' }, ['COMMENT:\nAUTHOR: Anne\nDATE: hier\nBonjour.', 'COMMENT:\nAUTHOR: Bob\nBonsoir.']);
    const { data, report } = run(text);
    expect(data.comments?.['un-titre']?.map((c) => c.published)).to.deep.equal(['2013-10-16T10:00:00+02:00', '2013-10-16T10:00:00+02:00']);
    expect(report.warnings).to.deep.include({ line: 9, message: 'comment DATE "hier" is not a Movable Type date: the entry\'s date is used' });
    expect(report.warnings).to.deep.include({ line: 12, message: "comment without DATE: the entry's date is used" });
  });
});

describe('importMovableType: the fields of an entry', () => {
  it('takes the slug from BASENAME, else from the title, and suffixes a slug already taken', () => {
    const text = [
      mtEntry({ ...BASE, TITLE: 'Premier', BASENAME: 'mon_billet', DATE: '01/01/2013 10:00:00' }),
      mtEntry({ ...BASE, TITLE: 'Les marchés de pays, cœur battant de nos communes !', DATE: '01/02/2013 10:00:00' }),
      mtEntry({ ...BASE, TITLE: 'Même base', BASENAME: 'Mon_Billet', DATE: '01/03/2013 10:00:00' }),
      mtEntry({ ...BASE, TITLE: 'Accents dans la base', BASENAME: 'été à Paimpol', DATE: '01/04/2013 10:00:00' }),
      mtEntry({ ...BASE, TITLE: '???', DATE: '01/05/2013 10:00:00' }),
    ].join('');
    const { data } = run(text);
    expect(data.articles.map((a) => [a.id, a.slug, a.url])).to.deep.equal([
      ['mon_billet', 'mon_billet', '?article=mon_billet'],
      ['les-marches-de-pays-coeur-battant-de-nos-communes', 'les-marches-de-pays-coeur-battant-de-nos-communes', '?article=les-marches-de-pays-coeur-battant-de-nos-communes'],
      ['mon_billet-2', 'mon_billet-2', '?article=mon_billet-2'],
      ['ete-a-paimpol', 'ete-a-paimpol', '?article=ete-a-paimpol'],
      ['article', 'article', '?article=article'],
    ]);
    expect(validateData(data)).to.deep.equal([]);
  });

  it('gives a slug to a BASENAME, category or base section without a letter a slug can hold', () => {
    const text = [
      mtEntry({ ...BASE, TITLE: 'Le marché', BASENAME: '---', CATEGORY: 'Новости', DATE: '01/01/2013 10:00:00' }),
      mtEntry({ ...BASE, TITLE: '東京', BASENAME: '東京', CATEGORY: '東京', DATE: '01/02/2013 10:00:00' }),
    ].join('');
    const { data } = run(text, { base: { sections: [{ name: 'Ελλάδα' }] } });
    expect(data.articles.map((a) => a.id)).to.deep.equal(['le-marche', 'article']);
    expect(data.sections?.map((s) => [s.name, s.slug])).to.deep.equal([
      ['Ελλάδα', 'section'],
      ['Новости', 'section-2'],
      ['東京', 'section-3'],
    ]);
    expect(validateData(data)).to.deep.equal([]);
  });

  it('gives the first slug to the oldest entry, whatever the order of the file', () => {
    const text = [mtEntry({ ...BASE, TITLE: 'Récent', BASENAME: 'x', DATE: '05/01/2014 10:00:00' }), mtEntry({ ...BASE, TITLE: 'Ancien', BASENAME: 'x', DATE: '05/01/2012 10:00:00' })].join('');
    expect(run(text).data.articles.map((a) => [a.title, a.id])).to.deep.equal([
      ['Ancien', 'x'],
      ['Récent', 'x-2'],
    ]);
  });

  it('decodes entities and drops tags in titles, authors and categories; derives a missing title from the body', () => {
    const article = single(mtEntry({ ...BASE, TITLE: 'Tips &amp; <em>tricks</em> &#8217;n&rsquo; more', AUTHOR: 'Fran&ccedil;oise', CATEGORY: 'Sant&eacute;' }));
    expect(article.title).to.equal('Tips & tricks ’n’ more');
    expect(article.author).to.deep.equal({ name: 'Françoise' });
    expect(article.sections).to.deep.equal(['Santé']);
    const untitled = single(mtEntry({ DATE: BASE.DATE }, { BODY: '<p>Un billet sans titre, écrit vite et publié tout de suite.</p>' }));
    expect(untitled.title).to.equal('Un billet sans titre, écrit');
    expect(untitled.id).to.equal('un-billet-sans-titre-ecrit');
  });

  it("reads values holding Unicode's line and paragraph separators (pasted text), which do not end a line", () => {
    const entry = mtEntry({ ...BASE, TITLE: 'Le marché\u2028de pays' }, { BODY: 'Un\u2029deux', EXCERPT: 'Court\u2028résumé' }, [
      'COMMENT:\nAUTHOR: Zoé\u2029B.\nDATE: 10/17/2013 10:00:00 AM\nBonjour.',
    ]);
    const { data, report } = run(entry);
    expect(report.entries.skipped).to.deep.equal([]);
    const [article] = data.articles;
    expect(article.title.replace(/\s+/g, ' ')).to.equal('Le marché de pays');
    expect(article.excerpt?.replace(/\s+/g, ' ')).to.equal('Court résumé');
    expect(data.comments![article.id].map((c) => c.author.name?.replace(/\s+/g, ' '))).to.deep.equal(['Zoé B.']);
  });

  it('skips an entry with neither a title nor a body', () => {
    const { report } = run(mtEntry({ DATE: BASE.DATE }, { BODY: '' }));
    expect(report.entries.skipped).to.deep.equal([{ line: 1, kind: 'broken', reason: 'the entry has no TITLE and no BODY' }]);
  });

  it('lists PRIMARY CATEGORY first, then the others in order, each name once (any case), empty ones ignored', () => {
    const article = single(
      mtEntry({ ...BASE, CATEGORY: ['Économie', 'Politique', 'politique', ' ', 'Europe'], 'PRIMARY CATEGORY': 'Politique' }),
    );
    expect(article.sections).to.deep.equal(['Politique', 'Économie', 'Europe']);
    expect(single(mtEntry(BASE)).sections).to.deep.equal([]);
  });

  it('declares each section once, in order of first use, and keeps the slugs and URLs of the base data', () => {
    const text = [
      mtEntry({ ...BASE, CATEGORY: ['Vie locale', 'Économie'], DATE: '01/01/2013 10:00:00' }),
      mtEntry({ ...BASE, TITLE: 'Deux', CATEGORY: ['économie', 'Science & Tech'], DATE: '01/02/2013 10:00:00' }),
    ].join('');
    const { data, report } = run(text, { base: { sections: [{ name: 'Vie locale', slug: 'local', url: '/local/' }] }, newBaseUrl: 'https://example.org/mag/' });
    expect(data.sections).to.deep.equal([
      { name: 'Vie locale', slug: 'local', url: '/local/' },
      { name: 'Économie', slug: 'economie', url: 'https://example.org/mag/?section=economie' },
      { name: 'Science & Tech', slug: 'science-tech', url: 'https://example.org/mag/?section=science-tech' },
    ]);
    expect(data.articles[1].sections).to.deep.equal(['Économie', 'Science & Tech']);
    expect(report.sections).to.equal(3);
    expect(validateData(data)).to.deep.equal([]);
  });

  it('joins BODY and EXTENDED BODY, each formatted; empty sections give nothing', () => {
    const multi = single(mtEntry({ ...BASE, 'CONVERT BREAKS': '1' }, { BODY: 'Première ligne\nseconde ligne\n\nDeuxième paragraphe', 'EXTENDED BODY': 'La suite.', EXCERPT: '', KEYWORDS: '' }));
    expect(multi.bodyHtml).to.equal('<p>Première ligne<br />\nseconde ligne</p>\n\n<p>Deuxième paragraphe</p>\n<p>La suite.</p>');
    const empty = single(mtEntry({ ...BASE }, { BODY: '', 'EXTENDED BODY': '', EXCERPT: '' }));
    expect(empty.bodyHtml).to.equal('');
    expect(empty).not.to.have.property('excerpt');
  });

  it('applies Convert Line Breaks for 1, __default__ or no CONVERT BREAKS, keeps HTML for 0 and rich text, warns about other filters', () => {
    const body = 'Un paragraphe\navec un saut.\n\n<blockquote>Une citation\nsur deux lignes</blockquote>\n\n<p>Déjà un paragraphe</p>';
    const converted = '<p>Un paragraphe<br />\navec un saut.</p>\n\n<blockquote>Une citation\nsur deux lignes</blockquote>\n\n<p>Déjà un paragraphe</p>';
    const html = (convert?: string) => single(mtEntry(convert === undefined ? BASE : { ...BASE, 'CONVERT BREAKS': convert }, { BODY: body })).bodyHtml;
    expect(html('1')).to.equal(converted);
    expect(html('__default__')).to.equal(converted);
    expect(html('markdown,__default__')).to.equal(converted);
    expect(html(undefined)).to.equal(converted);
    expect(html('0')).to.equal(body);
    expect(html('richtext')).to.equal(body);
    expect(html('wysiwyg')).to.equal(body);
    const { data, report } = run(mtEntry({ ...BASE, 'CONVERT BREAKS': 'markdown' }, { BODY: body }) + mtEntry({ ...BASE, TITLE: 'B', 'CONVERT BREAKS': 'markdown' }, { BODY: body }));
    expect(data.articles[0].bodyHtml).to.equal(body);
    expect(report.warnings).to.deep.include({ line: 3, message: '2 entries formatted with the text filter "markdown": kept as written (not converted to HTML)' });
  });

  it('reads the list of CONVERT BREAKS in linear time, even a filter name holding 200,000 spaces', () => {
    const spaces = ' '.repeat(200_000);
    const { data, report } = run(mtEntry({ ...BASE, 'CONVERT BREAKS': `mark${spaces}down , __default__` }, { BODY: 'Un\ndeux' }) + mtEntry({ ...BASE, 'CONVERT BREAKS': `rich${spaces}text` }, { BODY: 'Un\ndeux' }));
    expect(data.articles.map((a) => a.bodyHtml)).to.deep.equal(['<p>Un<br />\ndeux</p>', 'Un\ndeux']);
    expect(report.warnings).to.deep.include({ line: 3, message: `1 entry formatted with the text filter "mark${spaces}down": kept as written (not converted to HTML)` });
  });

  it('takes the excerpt from EXCERPT as text, else derives it from the body (40 words)', () => {
    expect(single(mtEntry(BASE, { BODY: 'Corps.', EXCERPT: '<p>Le <b>résumé</b> &amp; plus</p>' })).excerpt).to.equal('Le résumé & plus');
    const long = Array.from({ length: 60 }, (_, i) => `mot${i}`).join(' ');
    expect(single(mtEntry(BASE, { BODY: `<p>${long}.</p>` })).excerpt).to.equal(`${long.split(' ').slice(0, 40).join(' ')}…`);
    expect(single(mtEntry(BASE, { BODY: 'Court.' })).excerpt).to.equal('Court.');
    expect(single(mtEntry(BASE, { BODY: `${long}.` }), { excerptWords: 3 }).excerpt).to.equal('mot0 mot1 mot2…');
  });

  it('ends a derived title or excerpt without the punctuation before the ellipsis, even after 200 KB of punctuation', () => {
    expect(single(mtEntry(BASE, { BODY: 'Un, deux ; trois : quatre.' }), { excerptWords: 3 }).excerpt).to.equal('Un, deux…');
    const punctuation = '!'.repeat(200_000);
    const article = single(mtEntry({ DATE: BASE.DATE }, { BODY: `<p>${punctuation}x un deux trois quatre, cinq</p>` }), { excerptWords: 3 });
    expect(article.title).to.equal(`${punctuation}x un deux trois quatre`);
    expect(article.excerpt).to.equal(`${punctuation}x un deux…`);
  });

  it('leaves an unclosed tag, comment, script or style as written in a derived title, even 200,000 characters of them', () => {
    const title = (markup: string) => single(mtEntry({ DATE: BASE.DATE }, { BODY: `<p>Début <b>gras</b></p>\n${markup}` })).title;
    for (const unclosed of ['<a', '</p', '<!--', '<script', '<style']) {
      const markup = unclosed.repeat(Math.ceil(200_000 / unclosed.length));
      expect(title(markup), unclosed).to.equal(`Début gras ${markup}`);
    }
    // Scripts that are never closed: their tags go, as any tag with its >.
    expect(title(`<style>${'<script>'.repeat(25_000)}`)).to.equal('Début gras');
  });

  it('closes comments for ALLOW COMMENTS 0 and 2, opens them for 1 or without the line', () => {
    const open = (value?: string) => single(mtEntry(value === undefined ? BASE : { ...BASE, 'ALLOW COMMENTS': value })).commentsOpen;
    expect(open('0')).to.equal(false);
    expect(open('2')).to.equal(false);
    expect(open('1')).to.equal(true);
    expect(open(undefined)).to.equal(true);
    const { report } = run(mtEntry({ ...BASE, 'ALLOW COMMENTS': 'oui' }));
    expect(report.warnings).to.deep.include({ line: 3, message: 'ALLOW COMMENTS "oui" is not 0, 1 or 2: comments left open' });
  });

  it('leaves drafts and future entries out, with their comments, unless includeDrafts', () => {
    const text = [
      mtEntry({ ...BASE, TITLE: 'Publié', STATUS: 'Publish' }),
      mtEntry({ ...BASE, TITLE: 'Brouillon', STATUS: 'Draft' }, { BODY: 'x' }, ['COMMENT:\nAUTHOR: A\nDATE: 10/17/2013 10:00:00\nUn.', 'PING:\nTITLE: T\nURL: http://a.example/\nDATE: 10/17/2013 10:00:00\nP.']),
      mtEntry({ ...BASE, TITLE: 'En relecture', STATUS: 'Review' }),
      mtEntry({ ...BASE, TITLE: 'Programmé', STATUS: 'Future', DATE: '10/16/2030 10:00:00' }),
      mtEntry({ ...BASE, TITLE: 'Daté plus tard', STATUS: 'Publish', DATE: '10/16/2030 10:00:00' }),
    ].join('');
    const { data, report } = run(text);
    expect(data.articles.map((a) => a.title)).to.deep.equal(['Publié']);
    expect(report.entries.skipped.map((s) => [s.kind, s.title])).to.deep.equal([
      ['draft', 'Brouillon'],
      ['draft', 'En relecture'],
      ['future', 'Programmé'],
      ['future', 'Daté plus tard'],
    ]);
    expect(report.comments).to.deep.include({ read: 1, imported: 0, leftOutWithEntries: 1 });
    expect(report.pings).to.deep.equal({ read: 1, imported: 0, dropped: 1 });

    const all = run(text, { includeDrafts: true });
    expect(all.data.articles.map((a) => [a.title, (a as { _status?: string })._status])).to.deep.equal([
      ['Publié', undefined],
      ['Brouillon', 'draft'],
      ['En relecture', 'draft'],
      ['Programmé', 'future'],
      ['Daté plus tard', 'future'],
    ]);
    expect(all.report.entries).to.deep.include({ imported: 5, importedDrafts: 4, skipped: [] });
    expect(validateData(all.data)).to.deep.equal([]);
  });

  it('skips an entry with an unknown STATUS or a NO ENTRY line, and warns once about unknown header keys', () => {
    const text = [
      mtEntry({ ...BASE, TITLE: 'Statut inconnu', STATUS: 'Archived' }),
      mtEntry({ ...BASE, TITLE: 'Commentaires seuls', 'NO ENTRY': '1' }),
      mtEntry({ ...BASE, TITLE: 'Bonne', 'UNIQUE URL': 'x', TAGS: '"a","b"' }),
      mtEntry({ ...BASE, TITLE: 'Bonne aussi', 'UNIQUE URL': 'y' }),
    ].join('');
    const { data, report } = run(text);
    expect(data.articles.map((a) => a.title)).to.deep.equal(['Bonne', 'Bonne aussi']);
    expect(report.entries.skipped).to.deep.equal([
      { line: 3, kind: 'broken', title: 'Statut inconnu', reason: 'STATUS "Archived" is not Publish, Draft, Review or Future' },
      { line: 11, kind: 'unsupported', title: 'Commentaires seuls', reason: 'NO ENTRY: comments for an entry of an earlier import are not supported' },
    ]);
    expect(report.warnings).to.deep.include({ line: 19, message: 'unknown header line "UNIQUE URL:" (2 times): ignored' });
    expect(report.warnings).to.deep.include({ line: 17, message: 'KEYWORDS and TAGS of 1 entry: not part of the data format, not imported' });
  });
});

describe('importMovableType: broken entries and malformed files', () => {
  it('skips an entry with a broken header, names its line, and imports the others', () => {
    const text = [
      mtEntry({ ...BASE, TITLE: 'Avant' }),
      'TITLE: Cassée\nDATE: 10/16/2013 10:00:00 AM\nceci n’est pas une ligne d’en-tête\n-----\nBODY:\nTexte.\n-----\n--------\n',
      'TITLE: Sans tirets\nDATE: 10/16/2013 10:00:00 AM\nBODY:\nLe corps sans la ligne de cinq tirets.\n-----\n--------\n',
      mtEntry({ ...BASE, TITLE: 'Après' }),
    ].join('');
    const { data, report } = run(text);
    expect(data.articles.map((a) => a.title)).to.deep.equal(['Avant', 'Après']);
    expect(report.entries.read).to.equal(4);
    expect(report.entries.skipped).to.deep.equal([
      { line: 10, kind: 'broken', title: 'Cassée', reason: 'expected a "KEY: value" line in the entry\'s header, got "ceci n’est pas une ligne d’en-tête"' },
      { line: 18, kind: 'broken', title: 'Sans tirets', reason: "BODY: in the entry's header: the line of five dashes (-----) that must come before it is missing" },
    ]);
  });

  it('reads header lines in linear time, even a key followed by 200,000 spaces', () => {
    const spaces = ' '.repeat(200_000);
    // No colon: a broken header line, in the entry's header; the start of the text, in a comment.
    const text = `TITLE: Cassée\nDATE: ${BASE.DATE}\nA${spaces}x\n-----\nBODY:\nTexte.\n-----\n--------\n${mtEntry(BASE, { BODY: 'x' }, [`COMMENT:\nAUTHOR: Anne\nA${spaces}x`])}`;
    const { data, report } = run(text);
    expect(report.entries.skipped).to.deep.equal([{ line: 3, kind: 'broken', title: 'Cassée', reason: `expected a "KEY: value" line in the entry's header, got "A${' '.repeat(59)}…"` }]);
    expect(data.comments?.['un-titre']?.map((c) => [c.author.name, c.bodyHtml])).to.deep.equal([['Anne', `<p>A${spaces}x</p>`]]);
    // Spaces before the colon: a key like any other.
    expect(single(`TITLE${spaces}: Le titre\nDATE${spaces}:${spaces}${BASE.DATE}\n-----\nBODY:\nx\n-----\n--------\n`).title).to.equal('Le titre');
  });

  it('keeps a line of five dashes inside a text as text, with a warning', () => {
    const text = 'TITLE: Tirets\nDATE: 10/16/2013 10:00:00 AM\nCONVERT BREAKS: 0\n-----\nBODY:\nAvant\n-----\nAprès\n-----\n--------\n';
    const { data, report } = run(text);
    expect(data.articles[0].bodyHtml).to.equal('Avant\n-----\nAprès');
    expect(report.warnings).to.deep.include({ line: 7, message: 'a line of five dashes (-----) inside BODY is kept as text' });
  });

  it('keeps a line of five dashes inside a comment as text, and reports text without a section name', () => {
    const text =
      'TITLE: Tirets\nDATE: 10/16/2013 10:00:00 AM\n-----\nperdu sans nom de section\n-----\nBODY:\nCorps\n-----\n' +
      'COMMENT:\nAUTHOR: Anne\nDATE: 10/17/2013 10:00:00 AM\nAvant\n-----\nAprès\n-----\n--------\n';
    const { data, report } = run(text);
    expect(data.articles[0].bodyHtml).to.equal('<p>Corps</p>');
    expect(data.comments?.['tirets']?.map((c) => [c.author.name, c.bodyHtml])).to.deep.equal([['Anne', '<p>Avant<br />\n-----<br />\nAprès</p>']]);
    expect(report.warnings).to.deep.include({ line: 4, message: 'text after a line of five dashes (-----) without a section name (BODY:, COMMENT:…): ignored' });
    expect(report.warnings).to.deep.include({ line: 13, message: 'a line of five dashes (-----) inside COMMENT is kept as text' });
  });

  it('warns about an unknown section and imports the entry', () => {
    const { data, report } = run(mtEntry(BASE, { BODY: 'Corps', 'CUSTOM FIELD': 'valeur' }));
    expect(data.articles).to.have.length(1);
    expect(report.warnings).to.deep.include({ line: 7, message: 'unknown section "CUSTOM FIELD:": ignored' });
  });

  it('accepts a last entry without its closing line of eight dashes, and blank entries', () => {
    const text = `--------\n\n--------\n${mtEntry(BASE).replace(/-----\n--------\n$/, '')}`;
    const { data, report } = run(text);
    expect(data.articles).to.have.length(1);
    expect(report.entries.read).to.equal(1);
  });

  it('refuses a file that is not an export, with the line', () => {
    expect(importError(() => run('')).message).to.equal('line 1: the file is empty');
    expect(importError(() => run('\n\n  \n')).message).to.equal('line 1: the file is empty');
    const html = importError(() => run('\n<!doctype html>\n<html><body>Bonjour</body></html>\n'));
    expect(html.kind).to.equal('malformed');
    expect(html.line).to.equal(2);
    expect(html.message).to.equal('line 2: this is not a Movable Type export: no entry has a header line such as "TITLE:" or "DATE:" (the file starts with "<!doctype html>")');
    const binary = importError(() => run(new Uint8Array([0x54, 0x49, 0x54, 0x4c, 0x45, 0x3a, 0x20, 0x61, 0x0a, 0x00, 0x01])));
    expect(binary.message).to.equal('line 2: binary data (a NUL byte): this is not a text export');
    expect(importError(() => run('{"version": 1, "articles": []}')).line).to.equal(1);
  });

  it('refuses wrong options with a clear message', () => {
    const option = (options: MovableTypeImportOptions) => {
      const error = importError(() => run(mtEntry(BASE), options));
      expect(error.kind).to.equal('option');
      return error.message;
    };
    expect(option({ timezone: 'Europe/Pariss' })).to.equal('unknown time zone "Europe/Pariss" (an IANA name such as Europe/Paris)');
    expect(option({ oldBaseUrl: 'example.typepad.com/blog' })).to.equal('the old base URL must be an absolute http(s) URL, got "example.typepad.com/blog/"');
    expect(option({ newBaseUrl: 'javascript:alert(1)' })).to.equal('the new base URL must be an absolute http(s) URL, got "javascript:alert(1)"');
    expect(option({ mediaBase: 'data:image/png' })).to.equal('the media base must be a path or an http(s) URL, got "data:image/png"');
    expect(option({ mediaBase: '/media/"><script>' })).to.contain('the media base must be');
    expect(option({ articleUrl: '?id=1' })).to.equal('the article URL must contain {slug} and no spaces or quotes, got "?id=1"');
    const encoding = importError(() => run(new TextEncoder().encode(mtEntry(BASE)), { encoding: 'klingon' }));
    expect(encoding).to.deep.include({ kind: 'option', message: 'unknown encoding "klingon" (try utf-8, windows-1252 or iso-8859-1)' });
    expect(option({ now: 'hier' })).to.equal('"now" is not a date: hier');
  });
});

describe('importMovableType: encodings', () => {
  const entry = mtEntry({ ...BASE, TITLE: 'Œuvres d’été – « 50 € »', AUTHOR: 'Hélène' }, { BODY: 'Ça commence là…' });

  it('reads UTF-8 (with or without a byte order mark) and Windows-1252, detected', () => {
    const utf8 = run(new TextEncoder().encode(entry));
    expect(utf8.data.articles[0].title).to.equal('Œuvres d’été – « 50 € »');
    const bom = run(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(entry)]));
    expect(bom.data.articles[0].title).to.equal('Œuvres d’été – « 50 € »');
    const legacy = run(encodeWindows1252(entry));
    expect(legacy.report.source.encoding).to.equal('windows-1252');
    expect(legacy.data.articles[0]).to.deep.include({ title: 'Œuvres d’été – « 50 € »', author: { name: 'Hélène' }, bodyHtml: '<p>Ça commence là…</p>' });
  });

  it('reads ISO-8859-1 bytes, and a forced encoding', () => {
    const latin1 = Uint8Array.from('TITLE: Marée à Saint-Malo\nDATE: 10/16/2013 10:00:00 AM\n-----\nBODY:\nÀ bientôt.\n-----\n--------\n', (c) => c.charCodeAt(0));
    expect(run(latin1).data.articles[0].title).to.equal('Marée à Saint-Malo');
    const forced = run(latin1, { encoding: 'iso-8859-1' });
    expect(forced.report.source).to.deep.include({ encoding: 'windows-1252', encodingSource: 'forced' });
    expect(forced.data.articles[0].bodyHtml).to.equal('<p>À bientôt.</p>');
    // UTF-8 bytes forced as Windows-1252 read as what they are in that encoding.
    expect(run(new TextEncoder().encode(entry), { encoding: 'windows-1252' }).data.articles[0].title).to.equal('Å’uvres dâ€™Ã©tÃ© â€“ Â« 50 â‚¬ Â»');
  });

  it('counts invalid sequences when UTF-8 is forced on other bytes', () => {
    const { data, report } = run(encodeWindows1252(entry), { encoding: 'utf-8' });
    expect(data.articles[0].author?.name).to.equal('H\uFFFDl\uFFFDne');
    expect(report.warnings[0].message).to.match(/^\d+ byte sequences not valid in utf-8, replaced by U\+FFFD$/);
  });
});

describe('importMovableType: comments and pings', () => {
  const comment = (fields: string, text = 'Bonjour.') => `COMMENT:\n${fields}\n${text}`;

  it('keeps the author name and web address, never the e-mail or the IP, and converts line breaks', () => {
    const text = mtEntry(BASE, { BODY: 'x' }, [
      comment('AUTHOR: Anne\nEMAIL: anne@example.org\nIP: 192.0.2.44\nURL: https://anne.example.org/\nDATE: 10/17/2013 10:00:00 AM', 'Premier paragraphe\nsuite.\n\nSecond.'),
      comment('AUTHOR: bob@example.net\nEMAIL: bob@example.net\nIP: 2001:db8::1\nURL: mailto:bob@example.net\nDATE: 10/17/2013 11:00:00 AM'),
      comment('AUTHOR: \nURL: javascript:alert(1)\nDATE: 10/17/2013 12:00:00 PM'),
      comment('AUTHOR: Chloé\nURL: www.chloe.example\nDATE: 10/17/2013 01:00:00 PM'),
      comment('AUTHOR: Denis\nURL: denis@example.com\nDATE: 10/17/2013 02:00:00 PM'),
    ]);
    const { data, report } = run(text, { lang: 'fr' });
    const comments = data.comments?.['un-titre'] ?? [];
    expect(comments.map((c) => c.author)).to.deep.equal([
      { name: 'Anne', url: 'https://anne.example.org/' },
      // No name (an e-mail address is never kept): the elements show an anonymous author in the page's language.
      {},
      {},
      { name: 'Chloé', url: 'http://www.chloe.example/' },
      { name: 'Denis' },
    ]);
    expect(comments[0].bodyHtml).to.equal('<p>Premier paragraphe<br />\nsuite.</p>\n\n<p>Second.</p>');
    const serialized = JSON.stringify({ data, report });
    for (const secret of ['anne@example.org', '192.0.2.44', 'bob@example.net', '2001:db8::1', 'denis@example.com']) expect(serialized, secret).not.to.contain(secret);
    expect(report.warnings).to.deep.include({ line: 18, message: '1 comment signed with an e-mail address: imported without a name (the elements show an anonymous author)' });
  });

  it('tells an e-mail address signed as a name in linear time, even after 200,000 dots', () => {
    const dots = '.'.repeat(200_000);
    const text = mtEntry(BASE, { BODY: 'x' }, [
      comment(`AUTHOR: a@${dots} b\nDATE: 10/17/2013 10:00:00 AM`),
      comment(`AUTHOR: a@${dots}@\nDATE: 10/17/2013 11:00:00 AM`),
      comment(`AUTHOR: a@b${dots}c\nDATE: 10/17/2013 12:00:00 PM`),
      comment('AUTHOR: a@b.\nDATE: 10/17/2013 01:00:00 PM'),
      comment('AUTHOR: @b.c\nDATE: 10/17/2013 02:00:00 PM'),
    ]);
    const { data, report } = run(text);
    expect(data.comments?.['un-titre']?.map((c) => c.author.name)).to.deep.equal([`a@${dots} b`, `a@${dots}@`, undefined, 'a@b.', '@b.c']);
    expect(report.warnings).to.deep.include({ line: 17, message: '1 comment signed with an e-mail address: imported without a name (the elements show an anonymous author)' });
  });

  it('orders comments by date, and skips (and reports) a comment without text', () => {
    const text = mtEntry(BASE, { BODY: 'x' }, [
      comment('AUTHOR: Deux\nDATE: 10/18/2013 10:00:00 AM'),
      comment('AUTHOR: Un\nDATE: 10/17/2013 10:00:00 AM'),
      comment('AUTHOR: Vide\nDATE: 10/17/2013 11:00:00 AM', ''),
    ]);
    const { data, report } = run(text);
    expect(data.comments?.['un-titre']?.map((c) => [c.id, c.author.name])).to.deep.equal([
      ['c1', 'Un'],
      ['c2', 'Deux'],
    ]);
    expect(report.comments.skipped).to.deep.equal([{ line: 17, kind: 'empty', reason: 'a comment without text (on "Un titre")' }]);
    expect(report.comments).to.deep.include({ read: 3, imported: 2 });
  });

  it('makes "@Name" comments replies to the latest comment of Name, unless replies is false', () => {
    const text = mtEntry(BASE, { BODY: 'x' }, [
      comment('AUTHOR: Anne Le Gall\nDATE: 10/17/2013 10:00:00 AM', 'Un.'),
      comment('AUTHOR: Anne\nDATE: 10/17/2013 10:30:00 AM', 'Deux.'),
      comment('AUTHOR: Bob\nDATE: 10/17/2013 11:00:00 AM', '@Anne Le Gall : trois.'),
      comment('AUTHOR: Chloé\nDATE: 10/17/2013 12:00:00 PM', '<p>@anne quatre.</p>'),
      comment('AUTHOR: Denis\nDATE: 10/17/2013 01:00:00 PM', '@Annette cinq.'),
      comment('AUTHOR: Eve\nDATE: 10/17/2013 02:00:00 PM', '@Zoé six.'),
    ]);
    const { data, report } = run(text);
    expect(data.comments?.['un-titre']?.map((c) => c.parentId)).to.deep.equal([undefined, undefined, 'c1', 'c2', undefined, undefined]);
    expect(report.comments.replies).to.equal(2);
    expect(validateData(data)).to.deep.equal([]);
    expect(run(text, { replies: false }).data.comments?.['un-titre']?.every((c) => !c.parentId)).to.equal(true);
  });

  it('drops pings by default, and keeps them as comments with keepPings (no IP)', () => {
    const text = mtEntry(BASE, { BODY: 'x' }, [
      comment('AUTHOR: Anne\nDATE: 10/17/2013 10:00:00 AM'),
      'PING:\nTITLE: Un billet qui cite\nURL: https://autre.example.net/2013/10/billet.html\nIP: 198.51.100.9\nBLOG NAME: Le blog d’à côté\nDATE: 10/17/2013 09:00:00 AM\nLe début du billet…',
      'PING:\nTITLE: Sans blog\nURL: http://sans.example.net/x\nDATE: 10/18/2013 09:00:00 AM\n',
    ]);
    const dropped = run(text);
    expect(dropped.data.comments?.['un-titre']?.map((c) => c.id)).to.deep.equal(['c1']);
    expect(dropped.report.pings).to.deep.equal({ read: 2, imported: 0, dropped: 2 });
    const kept = run(text, { keepPings: true });
    expect(kept.data.comments?.['un-titre']).to.deep.equal([
      {
        id: 'p1',
        author: { name: 'Le blog d’à côté', url: 'https://autre.example.net/2013/10/billet.html' },
        published: '2013-10-17T09:00:00+02:00',
        bodyHtml: '<p><strong>Un billet qui cite</strong></p>\n<p>Le début du billet…</p>',
      },
      { id: 'c1', author: { name: 'Anne' }, published: '2013-10-17T10:00:00+02:00', bodyHtml: '<p>Bonjour.</p>' },
      { id: 'p2', author: { name: 'Sans blog', url: 'http://sans.example.net/x' }, published: '2013-10-18T09:00:00+02:00', bodyHtml: '<p><strong>Sans blog</strong></p>' },
    ]);
    expect(kept.report.pings).to.deep.equal({ read: 2, imported: 2, dropped: 0 });
    expect(kept.report.comments.imported).to.equal(1);
    expect(JSON.stringify(kept)).not.to.contain('198.51.100.9');
  });
});

describe('importMovableType: old addresses, redirects, media and links', () => {
  const OLD = 'https://lemag.typepad.com/blog/';

  it('gives each published article its old Typepad address and a redirect to its new one', () => {
    const text = [
      mtEntry({ ...BASE, TITLE: 'Un', BASENAME: 'le-numerique', DATE: '10/31/2013 11:30:00 PM' }),
      mtEntry({ ...BASE, TITLE: 'Deux', BASENAME: 'deux_billets', DATE: '11/01/2013 08:00:00' }),
      mtEntry({ ...BASE, TITLE: 'Sans base', DATE: '11/02/2013 08:00:00' }),
    ].join('');
    const { data, redirects, report } = run(text, { oldBaseUrl: OLD.slice(0, -1), newBaseUrl: 'https://example.org/mag/' });
    expect(data.articles.map((a) => [a.url, (a as { oldUrl?: string }).oldUrl])).to.deep.equal([
      ['https://example.org/mag/?article=le-numerique', 'https://lemag.typepad.com/blog/2013/10/le-numerique.html'],
      ['https://example.org/mag/?article=deux_billets', 'https://lemag.typepad.com/blog/2013/11/deux_billets.html'],
      ['https://example.org/mag/?article=sans-base', undefined],
    ]);
    expect(redirects).to.deep.equal([
      { from: 'https://lemag.typepad.com/blog/2013/10/le-numerique.html', to: 'https://example.org/mag/?article=le-numerique', id: 'le-numerique' },
      { from: 'https://lemag.typepad.com/blog/2013/11/deux_billets.html', to: 'https://example.org/mag/?article=deux_billets', id: 'deux_billets' },
    ]);
    expect(report.redirects).to.equal(2);
    expect(report.warnings).to.deep.include({ line: 17, message: '1 entry without BASENAME: no old address, no redirect' });
    expect(data.site.homeUrl).to.equal('https://example.org/mag/');
    expect(validateData(data)).to.deep.equal([]);
  });

  it('points redirects at the old base when no new base is given, and gives no redirect to drafts', () => {
    const text = mtEntry({ ...BASE, BASENAME: 'billet' }) + mtEntry({ ...BASE, TITLE: 'Brouillon', BASENAME: 'brouillon', STATUS: 'Draft' });
    const { redirects, report, data } = run(text, { oldBaseUrl: OLD, includeDrafts: true, articleUrl: '{slug}/' });
    expect(redirects).to.deep.equal([{ from: `${OLD}2013/10/billet.html`, to: `${OLD}billet/`, id: 'billet' }]);
    expect(data.articles.map((a) => a.url)).to.deep.equal(['billet/', 'brouillon/']);
    expect(report.warnings).to.deep.include({ message: `no new base URL: the redirects point at the old base (${OLD}{slug}/)` });
  });

  it('redirects only the first of two entries with the same old address', () => {
    const text = mtEntry({ ...BASE, BASENAME: 'meme' }) + mtEntry({ ...BASE, TITLE: 'Autre', BASENAME: 'meme', DATE: '10/20/2013 10:00:00' });
    const { redirects, report } = run(text, { oldBaseUrl: OLD });
    expect(redirects.map((r) => r.id)).to.deep.equal(['meme']);
    expect(report.warnings).to.deep.include({ line: 9, message: `${OLD}2013/10/meme.html is the old address of two entries: only the first gets a redirect` });
  });

  it('rewrites links between articles to their new addresses, and images on Typepad to the media base', () => {
    const body = [
      `<p>Voir <a href="${OLD}2013/09/avant.html#suite">le billet d'avant</a>`,
      `et <a href='http://lemag.typepad.com/blog/2013/09/avant.html'>encore</a>.</p>`,
      '<p><a href="https://lemag.typepad.com/.a/6a00d8341c-pi"><img src="https://lemag.typepad.com/.a/6a00d8341c-500wi" alt="Marché" /></a></p>',
      '<p><img src=//a7.typepad.com/6a00/photo.jpg> <img src="https://up.typepad.com/photos/uncategorized/x.png"></p>',
      '<p><a href="https://lemag.typepad.com/.shared/image.html?/photos/uncategorized/2013/10/16/grande.jpg">grande</a></p>',
      '<p><img src="/images/local.gif"> <img src="https://ailleurs.example.org/photo.jpg"> <a href="https://www.typepad.com/">Typepad</a></p>',
    ].join('\n');
    const text = mtEntry({ ...BASE, TITLE: 'Avant', BASENAME: 'avant', DATE: '09/01/2013 10:00:00' }) + mtEntry({ ...BASE, BASENAME: 'apres', 'CONVERT BREAKS': '0' }, { BODY: body });
    const { data, report } = run(text, { oldBaseUrl: OLD, mediaBase: 'https://cdn.example.org/lemag' });
    expect(data.articles[1].bodyHtml).to.equal(
      [
        '<p>Voir <a href="?article=avant#suite">le billet d\'avant</a>',
        'et <a href="?article=avant">encore</a>.</p>',
        '<p><a href="https://cdn.example.org/lemag/.a/6a00d8341c-pi"><img src="https://cdn.example.org/lemag/.a/6a00d8341c-500wi" alt="Marché" /></a></p>',
        '<p><img src="https://cdn.example.org/lemag/6a00/photo.jpg"> <img src="https://cdn.example.org/lemag/photos/uncategorized/x.png"></p>',
        '<p><a href="https://cdn.example.org/lemag/photos/uncategorized/2013/10/16/grande.jpg">grande</a></p>',
        '<p><img src="https://cdn.example.org/lemag/images/local.gif"> <img src="https://ailleurs.example.org/photo.jpg"> <a href="https://www.typepad.com/">Typepad</a></p>',
      ].join('\n'),
    );
    expect(report.rewritten).to.deep.equal({ media: 6, links: 2 });
    // Without the options, nothing changes.
    expect(run(text).data.articles[1].bodyHtml).to.equal(body);
  });

  it('keeps as written a Typepad image pop-up link whose % escapes are broken, and rewrites the rest', () => {
    const broken = '<a href="https://lemag.typepad.com/.shared/image.html?/photos/100%.jpg">grande</a>';
    const text = mtEntry({ ...BASE, BASENAME: 'billet', 'CONVERT BREAKS': '0' }, { BODY: `${broken} <img src="https://lemag.typepad.com/.a/photo">` });
    const { data, report } = run(text, { oldBaseUrl: OLD, mediaBase: '/media' });
    expect(data.articles[0].bodyHtml).to.equal(`${broken} <img src="/media/.a/photo">`);
    expect(report.rewritten.media).to.equal(1);
  });

  it('rewrites the addresses of a body in linear time, even before 200,000 characters of unclosed tags', () => {
    const unclosed = '<a'.repeat(100_000);
    const text = mtEntry({ ...BASE, BASENAME: 'billet', 'CONVERT BREAKS': '0' }, { BODY: `<img src="https://lemag.typepad.com/.a/photo"> ${unclosed}` });
    expect(run(text, { oldBaseUrl: OLD, mediaBase: '/media' }).data.articles[0].bodyHtml).to.equal(`<img src="/media/.a/photo"> ${unclosed}`);
  });

  it('reads the old base and the media base with any number of final slashes as one, even after 200 KB of slashes', () => {
    const text = mtEntry({ ...BASE, BASENAME: 'billet', 'CONVERT BREAKS': '0' }, { BODY: '<img src="https://lemag.typepad.com/.a/photo">' });
    for (const oldBaseUrl of [OLD.slice(0, -1), OLD, `${OLD}///`]) {
      expect(run(text, { oldBaseUrl }).redirects.map((r) => r.from), oldBaseUrl).to.deep.equal([`${OLD}2013/10/billet.html`]);
    }
    const media = (mediaBase: string) => run(text, { oldBaseUrl: OLD, mediaBase }).data.articles[0].bodyHtml;
    expect(media('/media')).to.equal('<img src="/media/.a/photo">');
    expect(media('/media///')).to.equal('<img src="/media/.a/photo">');
    const slashes = `/media${'/'.repeat(200_000)}x`;
    expect(media(`${slashes}//`)).to.equal(`<img src="${slashes}/.a/photo">`);
    const hostile = `https://lemag.typepad.com/${'/'.repeat(200_000)}blog`;
    expect(run(text, { oldBaseUrl: `${hostile}//` }).redirects.map((r) => r.from)).to.deep.equal([`${hostile}/2013/10/billet.html`]);
  });
});
