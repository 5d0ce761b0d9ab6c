/**
 * Text helpers shared by the WordPress and feed adapters.
 *
 * Decoding uses an inert document from `DOMParser` (through `parseInert`, allowed under Trusted Types):
 * nothing is inserted into the live DOM, no script runs and nothing loads, so decoding untrusted titles is safe.
 */

import { parseInert } from '../../core/inert.js';
import { trimEndWhere } from '../../core/trim-end.js';

/** Whitespace collapsed to single spaces, trimmed. */
export const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * HTML (or entity-encoded text) to plain text: entities decoded, tags dropped, whitespace collapsed,
 * blocks and line breaks apart by a space. `Tips &amp; Tricks: &#8220;Smart&#8221;` → `Tips & Tricks: “Smart”`;
 * `<p>One.</p><p>Two.</p>` → `One. Two.`
 */
export function htmlToText(html: string): string {
  // plain text needs no parser
  if (!/[<&]/.test(html)) return squash(html);
  // a space before each block's start and end tag and each <br> (an inline tag such as <b> stays glued)
  const { body } = parseInert(`<body>${html.replace(/<(?=\/?(p|div|li|h\d|br|t[dhr])\b)/gi, ' <')}`, 'text/html');
  // (a <template>'s content is not in the text)
  for (const el of body.querySelectorAll('script,style')) el.remove();
  return squash(body.textContent);
}

/**
 * Plain text that may still carry HTML entities (double-escaped feeds, WordPress titles): parsed only
 * when something looks like one (`&amp;`, `&#8217;`; what is not an entity comes out of the parser
 * as it went in), so text without any is not parsed; a literal `<` stays text.
 */
export function decodeEntities(text: string): string {
  return /&#?\w+;/.test(text) ? htmlToText(text.replace(/</g, '&lt;')) : squash(text);
}

/** Escapes text for use in HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** Plain text to HTML paragraphs (blank lines separate paragraphs, single line breaks become `<br>`). */
export function textToHtml(text: string): string {
  return text
    .split(/\r?\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\r?\n/g, '<br>')}</p>`)
    .join('');
}

/** Shortens plain text to about `max` characters at a word boundary, with an ellipsis. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  // without the spaces and punctuation before the ellipsis
  return `${trimEndWhere(space > max * 0.6 ? cut.slice(0, space) : cut, (character) => /[\s,.;:!?-]/.test(character))}…`;
}
