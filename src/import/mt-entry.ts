/**
 * One entry of a Movable Type / Typepad export read into its final form: its header lines checked,
 * its texts in HTML, its comments (and pings) dated and threaded; or the reason it is skipped.
 */
import type { DataComment } from '../adapters/json/json-adapter.js';
import type { Person } from '../core/model.js';
import type { Warnings } from './import-warnings.js';
import { plural } from './import-warnings.js';
import { localToIso, parseMovableTypeDate, type LocalDateTime } from './local-time.js';
import { authorUrl } from './mt-addresses.js';
import { convertLineBreaks, escapeHtml, firstWords, htmlToText } from './mt-html.js';
import { KNOWN_HEADER_KEYS, quoteLine, type FeedbackSection, type HeaderLine, type ParsedEntry } from './mt-parser.js';
import type { SkippedItem } from './movable-type.js';

export type Status = 'publish' | 'draft' | 'future';
const STATUSES: Record<string, Status> = { publish: 'publish', draft: 'draft', review: 'draft', unpublish: 'draft', junk: 'draft', future: 'future', scheduled: 'future' };
/** Text filters whose text is HTML as written. */
const HTML_FILTERS = new Set(['0', '', 'richtext', 'wysiwyg', '__sanitize__']);

/**
 * Whether a name is an e-mail address (`name@example.org`): one `@` with something before it, no
 * whitespace, and after the `@` a dot with something on each side. (As one pattern,
 * `/^[^\s@]+@[^\s@]+\.[^\s@]+$/`, each dot of a long run ending in a space would be tried as the
 * `\.`, and the rest of the run scanned again from it: quadratic.)
 */
function looksLikeEmail(name: string): boolean {
  const at = name.indexOf('@');
  if (at < 1 || /\s/.test(name)) return false;
  const domain = name.slice(at + 1);
  return !domain.includes('@') && domain.slice(1, -1).includes('.');
}

/** An entry read and checked, before slugs and addresses are given. */
export interface ReadEntry {
  line: number;
  title: string;
  basename?: string;
  author?: string;
  status: Status;
  local: LocalDateTime;
  published: string;
  time: number;
  sections: string[];
  bodyHtml: string;
  excerpt: string;
  commentsOpen: boolean;
  /** Its comments and, with `keepPings`, its pings. */
  comments: DataComment[];
  counts: { comments: number; pings: number; replies: number };
  /** Comments without text: not imported, listed in the report. */
  emptyComments: SkippedItem[];
}

export interface ReadContext {
  timezone: string;
  now: number;
  excerptWords: number;
  keepPings: boolean;
  replies: boolean;
  warnings: Warnings;
}

/** One entry's header, texts and comments checked and turned into their final form, or why it is skipped. */
export function readEntry(entry: ParsedEntry, context: ReadContext): { entry: ReadEntry } | { skipped: SkippedItem } {
  const { warnings } = context;
  /** The header lines that appear once (the last one wins, as in Movable Type), by key. */
  const headers = new Map<string, HeaderLine>();
  const categories: HeaderLine[] = [];
  for (const header of entry.headers) {
    if (header.key === 'CATEGORY' || header.key === 'PRIMARY CATEGORY') categories.push(header);
    else if (KNOWN_HEADER_KEYS.has(header.key)) headers.set(header.key, header);
    else warnings.group(`key:${header.key}`, header.line, (n) => `unknown header line ${quoteLine(`${header.key}:`)} (${plural(n, 'time')}): ignored`);
  }
  const titleHeader = headers.get('TITLE');
  const namedTitle = titleHeader ? htmlToText(titleHeader.value) : '';
  const broken = (line: number, reason: string): { skipped: SkippedItem } => ({ skipped: { line, kind: 'broken', reason, ...(namedTitle && { title: namedTitle }) } });
  if (entry.problem) return broken(entry.problem.line, entry.problem.message);
  if (headers.has('NO ENTRY')) {
    return { skipped: { line: headers.get('NO ENTRY')!.line, kind: 'unsupported', reason: 'NO ENTRY: comments for an entry of an earlier import are not supported', ...(namedTitle && { title: namedTitle }) } };
  }

  const dateHeader = headers.get('DATE');
  if (!dateHeader) return broken(entry.line, 'the entry has no DATE line');
  const local = parseMovableTypeDate(dateHeader.value);
  if (!local) return broken(dateHeader.line, `DATE ${quoteLine(dateHeader.value)} is not a Movable Type date (MM/DD/YYYY hh:mm:ss AM|PM, or 24-hour)`);
  const published = localToIso(local, context.timezone);
  const time = Date.parse(published);

  const statusHeader = headers.get('STATUS');
  let status: Status = 'publish';
  if (statusHeader?.value) {
    const known = STATUSES[statusHeader.value.toLowerCase()];
    if (!known) return broken(statusHeader.line, `STATUS ${quoteLine(statusHeader.value)} is not Publish, Draft, Review or Future`);
    status = known;
  }
  if (status === 'publish' && time > context.now) status = 'future';

  const allowComments = headers.get('ALLOW COMMENTS');
  const commentsValue = allowComments?.value ?? '1';
  if (!['0', '1', '2'].includes(commentsValue)) warnings.add(`ALLOW COMMENTS ${quoteLine(commentsValue)} is not 0, 1 or 2: comments left open`, allowComments?.line);

  // CONVERT BREAKS: 1 (or a list of text filters naming __default__) is Movable Type's paragraph filter;
  // 0 and the rich-text editors keep HTML as written; other filters (Markdown, Textile) are not applied.
  const filterHeader = headers.get('CONVERT BREAKS');
  // (cut at commas, then trimmed: a pattern such as /\s*,\s*/ would scan a long run of spaces again from each of them)
  const filters = (filterHeader?.value ?? '__default__')
    .split(',')
    .map((filter) => filter.trim())
    .filter(Boolean);
  const convert = filters.some((f) => f === '1' || f === '__default__');
  const unknownFilter = filters.find((f) => f !== '1' && f !== '__default__' && !HTML_FILTERS.has(f));
  if (unknownFilter) {
    warnings.group(`filter:${unknownFilter}`, filterHeader?.line, (n) => `${plural(n, 'entry', 'entries')} formatted with the text filter "${unknownFilter}": kept as written (not converted to HTML)`);
  }
  const texts = new Map(entry.sections.map((s) => [s.key, s.text]));
  const format = (text: string) => (convert ? convertLineBreaks(text) : text);
  const body = texts.get('BODY') ?? '';
  const extended = texts.get('EXTENDED BODY') ?? '';
  const bodyHtml = [body, extended].filter((t) => t.trim()).map(format).join('\n');
  if (texts.get('KEYWORDS')?.trim() || headers.get('TAGS')?.value) warnings.group('keywords', entry.line, (n) => `KEYWORDS and TAGS of ${plural(n, 'entry', 'entries')}: not part of the data format, not imported`);

  const bodyText = htmlToText(format(body));
  const title = namedTitle || firstWords(bodyText, 5).replace(/…$/, '');
  if (!title) return broken(titleHeader?.line ?? entry.line, 'the entry has no TITLE and no BODY');
  const excerptText = htmlToText(texts.get('EXCERPT') ?? '');
  const excerpt = excerptText || firstWords(bodyText || htmlToText(bodyHtml), context.excerptWords);

  const seenSections = new Set<string>();
  const sections: string[] = [];
  // PRIMARY CATEGORY first, then the others in the file's order; the same name (any case) once.
  for (const header of [...categories.filter((c) => c.key === 'PRIMARY CATEGORY'), ...categories.filter((c) => c.key === 'CATEGORY')]) {
    const name = htmlToText(header.value);
    if (!name || seenSections.has(name.toLowerCase())) continue;
    seenSections.add(name.toLowerCase());
    sections.push(name);
  }

  const { comments, counts, emptyComments } = readFeedback(entry, { ...context, fallbackDate: published, title });
  return {
    entry: {
      line: entry.line,
      title,
      ...(headers.get('BASENAME')?.value && { basename: headers.get('BASENAME')!.value }),
      ...(headers.get('AUTHOR')?.value && { author: htmlToText(headers.get('AUTHOR')!.value) }),
      status,
      local,
      published,
      time,
      sections,
      bodyHtml,
      excerpt,
      commentsOpen: commentsValue !== '0' && commentsValue !== '2',
      comments,
      counts,
      emptyComments,
    },
  };
}

/**
 * The longest of the `names` that `addressed` (the text after a comment's `@`) starts with, as a
 * whole word: followed by its end or by a character that is neither a letter nor a digit. Each
 * prefix of the text is looked up, so a thread with thousands of commenters costs no more per
 * comment than one with a few.
 */
function addressedName(addressed: string, names: ReadonlyMap<string, string>): string | undefined {
  for (let end = addressed.length; end > 0; end--) {
    // (two code units: a letter outside the BMP is a surrogate pair)
    if (names.has(addressed.slice(0, end)) && !/^[\p{L}\p{N}]/u.test(addressed.slice(end, end + 2))) return addressed.slice(0, end);
  }
  return undefined;
}

/** The comments (and, with `keepPings`, the pings) of an entry, oldest first, with their replies found. */
function readFeedback(
  entry: ParsedEntry,
  context: ReadContext & { fallbackDate: string; title: string },
): { comments: DataComment[]; counts: ReadEntry['counts']; emptyComments: SkippedItem[] } {
  const { warnings } = context;
  const items: { comment: Omit<DataComment, 'id'>; kind: 'c' | 'p'; time: number; text: string }[] = [];
  const emptyComments: SkippedItem[] = [];
  for (const section of entry.feedback) {
    if (section.kind === 'PING' && !context.keepPings) continue;
    const fields = new Map(section.headers.map((h) => [h.key, h]));
    const published = feedbackDate(section, fields.get('DATE'), context.fallbackDate, context);
    const url = authorUrl(fields.get('URL')?.value);
    if (section.kind === 'COMMENT') {
      if (!section.text) {
        emptyComments.push({ line: section.line, kind: 'empty', reason: `a comment without text (on "${context.title}")` });
        continue;
      }
      let name = htmlToText(fields.get('AUTHOR')?.value ?? '');
      if (looksLikeEmail(name)) {
        warnings.group('author-email', section.line, (n) => `${plural(n, 'comment')} signed with an e-mail address: imported without a name (the elements show an anonymous author)`);
        name = '';
      }
      const author: Person = { ...(name && { name }), ...(url && { url }) };
      // (the start of the text is enough to see an "@Name" reply)
      const start = section.text.trimStart().startsWith('<') || section.text.trimStart().startsWith('@') ? htmlToText(section.text.slice(0, 300)) : '';
      items.push({ comment: { author, published, bodyHtml: convertLineBreaks(section.text) }, kind: 'c', time: Date.parse(published), text: start });
    } else {
      const title = htmlToText(fields.get('TITLE')?.value ?? '');
      const blogName = htmlToText(fields.get('BLOG NAME')?.value ?? '');
      const name = blogName || title || (url ? new URL(url).host : '') || undefined;
      const bodyHtml = [title && `<p><strong>${escapeHtml(title)}</strong></p>`, section.text && convertLineBreaks(section.text)].filter(Boolean).join('\n');
      items.push({ comment: { author: { name, ...(url && { url }) }, published, bodyHtml }, kind: 'p', time: Date.parse(published), text: '' });
    }
  }
  items.sort((a, b) => a.time - b.time);

  // Ids in date order: c1, c2… for comments, p1, p2… for pings.
  const counters = { c: 0, p: 0 };
  /** The id of the latest comment of each author name (lower-cased), for `@Name` replies. */
  const latestBy = new Map<string, string>();
  let replies = 0;
  const comments = items.map(({ comment, kind, text }) => {
    const id = `${kind}${++counters[kind]}`;
    let parentId: string | undefined;
    if (kind === 'c' && context.replies && text.startsWith('@')) {
      const name = addressedName(text.slice(1).trimStart().toLowerCase(), latestBy);
      if (name) {
        parentId = latestBy.get(name);
        replies++;
      }
    }
    if (kind === 'c' && comment.author.name) latestBy.set(comment.author.name.toLowerCase(), id);
    return { id, ...(parentId && { parentId }), ...comment };
  });
  return { comments, counts: { comments: counters.c, pings: counters.p, replies }, emptyComments };
}

/** A comment's or ping's date; without a readable one, the entry's (with a warning). */
function feedbackDate(section: FeedbackSection, header: HeaderLine | undefined, fallback: string, context: ReadContext): string {
  const local = header && parseMovableTypeDate(header.value);
  if (local) return localToIso(local, context.timezone);
  const what = section.kind === 'COMMENT' ? 'comment' : 'ping';
  context.warnings.add(header ? `${what} DATE ${quoteLine(header.value)} is not a Movable Type date: the entry's date is used` : `${what} without DATE: the entry's date is used`, header?.line ?? section.line);
  return fallback;
}
