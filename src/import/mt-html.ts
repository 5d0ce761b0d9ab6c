/**
 * The HTML work of the importer, without a DOM (it runs in Node and in browsers alike): Movable
 * Type's "Convert Line Breaks" text filter, plain text for titles and excerpts, and rewriting the
 * URLs of `src` and `href` attributes. The HTML it produces stays untrusted: the elements sanitize
 * every HTML field when they render it.
 */

import { trimEndWhere } from '../core/trim-end.js';

/** Block tags that Movable Type's filter leaves alone when a paragraph starts with one. */
const BLOCK_START = /^<\/?(?:h1|h2|h3|h4|h5|h6|table|ol|dl|ul|menu|dir|p|pre|center|form|fieldset|select|blockquote|address|div|hr)\b/i;

/**
 * Movable Type's "Convert Line Breaks" (`CONVERT BREAKS: 1` or `__default__`): the text is cut into
 * paragraphs at blank lines; a paragraph that does not start with a block tag (`<p>`, `<ul>`,
 * `<blockquote>`…) is wrapped in `<p>…</p>`, its single line breaks becoming `<br />`. Paragraphs
 * that start with a block tag are kept as written.
 */
export function convertLineBreaks(text: string): string {
  return text
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => (BLOCK_START.test(paragraph) ? paragraph : `<p>${paragraph.replace(/\n/g, '<br />\n')}</p>`))
    .join('\n\n');
}

/** Escapes text for HTML content or a quoted attribute value. */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** HTML 4's Latin-1 entities, in the order of their code points from U+00A0. */
const LATIN1_NAMES =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml';
const NAMED_ENTITIES = new Map<string, string>([
  ...LATIN1_NAMES.split(' ').map((name, i) => [name, String.fromCharCode(0xa0 + i)] as [string, string]),
  ...Object.entries({
    amp: '&', lt: '<', gt: '>', quot: '"', apos: "'",
    OElig: 'Œ', oelig: 'œ', Scaron: 'Š', scaron: 'š', Yuml: 'Ÿ', circ: 'ˆ', tilde: '˜', fnof: 'ƒ',
    ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009', zwnj: '\u200c', zwj: '\u200d', lrm: '\u200e', rlm: '\u200f',
    ndash: '–', mdash: '—', lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„',
    dagger: '†', Dagger: '‡', bull: '•', hellip: '…', permil: '‰', prime: '′', Prime: '″',
    lsaquo: '‹', rsaquo: '›', euro: '€', trade: '™', larr: '←', rarr: '→', minus: '−',
  }),
]);

/** Decodes character references (`&eacute;`, `&#8217;`, `&#x2019;`); unknown names stay as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|([A-Za-z][A-Za-z\d]{1,31}));/g, (whole, dec?: string, hex?: string, name?: string) => {
    if (name) return NAMED_ENTITIES.get(name) ?? whole;
    const code = dec ? Number(dec) : parseInt(hex ?? '', 16);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\uFFFD';
  });
}

/*
 * Unclosed markup in linear time. A pattern that looks ahead for the end of what it matches (`[^>]*>`,
 * `[\s\S]*?-->`) scans to the end of the text from each start that has no end after it, and then
 * again from the next start: a comment made of unclosed `<a` or `<!--` would freeze the import
 * (quadratic). The helpers below give the same result as such a pattern without scanning the text
 * again for an end that is missing.
 */

/**
 * `html.replace(tag, replace)` for a pattern of tags that end at their first `>` (`<…[^>]*>`),
 * searched only up to the text's last `>`: no tag ends after it, so an unclosed `<a` there is left as
 * written without being scanned.
 */
function replaceTags(html: string, tag: RegExp, replace: (tag: string) => string): string {
  const end = html.lastIndexOf('>') + 1;
  return html.slice(0, end).replace(tag, replace) + html.slice(end);
}

/**
 * Each span from a match of `open` (a global pattern) to the first match of its `close` after it,
 * replaced by `replacement`, left to right: `/<!--[\s\S]*?-->/g` is `replaceSpans(html, /<!--/g, () =>
 * /-->/g, …)`. An opening with no closing after it stays as written, and that closing is not looked
 * for again (no later opening has one either).
 */
function replaceSpans(html: string, open: RegExp, closeFor: (opening: string) => RegExp, replacement: string): string {
  const missing = new Set<RegExp>();
  let result = '';
  let copied = 0;
  open.lastIndex = 0;
  for (let opening = open.exec(html); opening; opening = open.exec(html)) {
    const close = closeFor(opening[0]);
    if (missing.has(close)) continue;
    close.lastIndex = open.lastIndex;
    const closing = close.exec(html);
    if (!closing) {
      missing.add(close);
      continue;
    }
    result += html.slice(copied, opening.index) + replacement;
    copied = open.lastIndex = close.lastIndex;
  }
  return result + html.slice(copied);
}

const COMMENT_OPEN = /<!--/g;
const COMMENT_CLOSE = /-->/g;
const SCRIPT_OR_STYLE_OPEN = /<(?:script|style)\b/gi;
const SCRIPT_CLOSE = /<\/script\s*>/gi;
const STYLE_CLOSE = /<\/style\s*>/gi;
const BLOCK_TAG = /<\/?(?:p|div|br|li|h\d|tr|td|th|blockquote|ul|ol|dl|dt|dd|table|pre|hr)\b[^>]*>/gi;
const ANY_TAG = /<\/?[A-Za-z][^>]*>/g;

/**
 * HTML to plain text: comments, scripts and styles dropped, tags dropped (block tags and `<br>`
 * leaving a space), entities decoded, whitespace collapsed. Only what looks like a tag (`<` then a
 * letter, `/` or `!`) is a tag: `a < b` stays text. A comment, script or style that is not closed,
 * and a tag without its `>`, stay as written.
 */
export function htmlToText(html: string): string {
  let text = replaceSpans(html, COMMENT_OPEN, () => COMMENT_CLOSE, ' ');
  text = replaceSpans(text, SCRIPT_OR_STYLE_OPEN, (opening) => (opening.toLowerCase() === '<script' ? SCRIPT_CLOSE : STYLE_CLOSE), ' ');
  text = replaceTags(text, BLOCK_TAG, () => ' ');
  text = replaceTags(text, ANY_TAG, () => '');
  return decodeEntities(text)
    .replace(/\s+/g, ' ')
    .trim();
}

/** The first `words` words of a plain text, with an ellipsis when it was longer. */
export function firstWords(text: string, words: number): string {
  const all = text.split(' ').filter(Boolean);
  // without the spaces and punctuation before the ellipsis
  return all.length <= words ? all.join(' ') : `${trimEndWhere(all.slice(0, words).join(' '), (character) => /[\s,.;:!?–—-]/.test(character))}…`;
}

/**
 * Rewrites the URLs of `src` and `href` attributes. `rewrite` gets each URL (entities decoded) and
 * the attribute's name, and returns the new URL or `undefined` to keep it. Returns the new HTML and
 * how many URLs changed. The new URL is written back escaped, in double quotes.
 */
export function rewriteUrls(html: string, rewrite: (url: string, attribute: 'src' | 'href') => string | undefined): { html: string; count: number } {
  let count = 0;
  const result = replaceTags(html, /<[A-Za-z][^>]*>/g, (tag) =>
    tag.replace(/(\s(src|href)\s*=\s*)("([^"]*)"|'([^']*)'|([^\s"'>]+))/gi, (whole, prefix: string, name: string, _value, double?: string, single?: string, bare?: string) => {
      const url = decodeEntities((double ?? single ?? bare ?? '').trim());
      const replaced = rewrite(url, name.toLowerCase() as 'src' | 'href');
      if (replaced === undefined || replaced === url) return whole;
      count++;
      return `${prefix}"${escapeHtml(replaced)}"`;
    }),
  );
  return { html: result, count };
}
