/**
 * `importMovableType()`: a Movable Type or Typepad export (the "Import / Export Format") to the JSON
 * data format of the elements (docs/data-format.md), with a report of everything read, imported and
 * left out. It uses no Node built-in, so it runs in Node (the `mag-elements import-mt` command) and
 * in browsers alike. The user's guide is docs/import-typepad.md.
 */
import type { DataArticle, DataComment, DataSection, MagData } from '../adapters/json/json-adapter.js';
import type { Person } from '../core/model.js';
import { safeUrl } from '../core/url.js';
import { ImportError } from './import-error.js';
import { isTimeZone, localToIso, parseMovableTypeDate, systemTimeZone, type LocalDateTime } from './local-time.js';
import { convertLineBreaks, escapeHtml, firstWords, htmlToText, rewriteUrls } from './mt-html.js';
import { KNOWN_HEADER_KEYS, parseExport, quoteLine, type FeedbackSection, type HeaderLine, type ParsedEntry } from './mt-parser.js';
import type { Redirect } from './redirects.js';
import { SlugRegistry, slugFromBasename, slugFromText } from './slugs.js';
import { decodeExport } from './text-encoding.js';

export { ImportError } from './import-error.js';
export type { Redirect } from './redirects.js';

export interface MovableTypeImportOptions {
  /** The IANA time zone the export's dates are read in (default: the machine's). */
  timezone?: string;
  /** Also import drafts and entries dated in the future (marked `"_status": "draft"` / `"future"`). */
  includeDrafts?: boolean;
  /** Keep trackbacks (pings) as comments (default: dropped, and counted). */
  keepPings?: boolean;
  /** The blog's old address (`https://example.typepad.com/blog/`): gives each article its `oldUrl` and a redirect. */
  oldBaseUrl?: string;
  /** The address of the page that will show the articles (`https://example.org/blog/`): article, section and home URLs become absolute. */
  newBaseUrl?: string;
  /** An article's address, `{slug}` replaced, relative to `newBaseUrl` (default `?article={slug}`). */
  articleUrl?: string;
  /** A section's address, `{slug}` replaced, relative to `newBaseUrl` (default `?section={slug}`). */
  sectionUrl?: string;
  /** Where the blog's images now are (`/media/` or `https://cdn.example.org/blog/`): URLs on Typepad's media servers are rewritten to it. */
  mediaBase?: string;
  /** Force the encoding of bytes (`utf-8`, `windows-1252`, `iso-8859-1`…); default: detected. */
  encoding?: string;
  /** The site's title (the export has none). */
  siteTitle?: string;
  /** The language of the texts (`fr`). */
  lang?: string;
  /** Data to carry over into the result: its `site`, `sections`, `about`, `subscribe` and `commentsPageSize`. */
  base?: Partial<Omit<MagData, 'site'>> & { site?: Partial<MagData['site']> };
  /** Make a comment that starts with `@Name` of an earlier commenter of the same entry a reply to it (default true). */
  replies?: boolean;
  /** Words of a derived excerpt (default 40, as Movable Type). */
  excerptWords?: number;
  /** "Now", for telling future entries (default: the current time). */
  now?: Date | number | string;
}

/** Something left out, with where it was and why. */
export interface SkippedItem {
  line: number;
  kind: 'broken' | 'draft' | 'future' | 'unsupported' | 'empty';
  reason: string;
  title?: string;
}

export interface ImportWarning {
  line?: number;
  message: string;
}

export interface ImportReport {
  source: {
    /** The encoding the export was read in (`utf-8`, `windows-1252`; `utf-16` for text given as a string). */
    encoding: string;
    encodingSource: 'detected' | 'forced' | 'text';
    lineEnds: 'LF' | 'CRLF' | 'CR' | 'mixed' | 'none';
    lines: number;
  };
  timezone: string;
  entries: {
    read: number;
    imported: number;
    /** Drafts and future entries imported because of `includeDrafts`. */
    importedDrafts: number;
    skipped: SkippedItem[];
  };
  comments: {
    read: number;
    imported: number;
    /** Comments made replies by their `@Name` start. */
    replies: number;
    /** Comments of the entries left out. */
    leftOutWithEntries: number;
    skipped: SkippedItem[];
  };
  pings: {
    read: number;
    /** Kept as comments (`keepPings`). */
    imported: number;
    dropped: number;
  };
  sections: number;
  redirects: number;
  rewritten: { media: number; links: number };
  warnings: ImportWarning[];
}

export interface MovableTypeImport {
  /** The data, in the single-file format; valid for `validateData`. */
  data: MagData;
  report: ImportReport;
  /** Old address → new address of each published article, when `oldBaseUrl` is given. */
  redirects: Redirect[];
}

type Status = 'publish' | 'draft' | 'future';
const STATUSES: Record<string, Status> = { publish: 'publish', draft: 'draft', review: 'draft', unpublish: 'draft', junk: 'draft', future: 'future', scheduled: 'future' };
/** Text filters whose text is HTML as written. */
const HTML_FILTERS = new Set(['0', '', 'richtext', 'wysiwyg', '__sanitize__']);
/** Hosts of Typepad's servers. */
const isTypepadHost = (host: string) => host === 'typepad.com' || host.endsWith('.typepad.com');
/** Paths Typepad served uploaded files from. */
const MEDIA_PATH = /^\/(?:\.a|\.shared|photos|images|files|media)\//;
const MEDIA_FILE = /\.(?:jpe?g|png|gif|webp|svg|bmp|tiff?|pdf|mp3|m4a|mp4|mov|zip)$/i;
const LOOKS_LIKE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A URL option: an absolute http(s) URL (throws an option error naming `name` otherwise). */
function absoluteUrl(value: string, name: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || !/^https?:$/.test(url.protocol) || /[\s"'<>\\]/.test(value)) throw new ImportError(`${name} must be an absolute http(s) URL, got ${JSON.stringify(value)}`, { kind: 'option' });
  return url;
}

/** Collects warnings; repeated ones (`group`) become one line with a count and the first line. */
class Warnings {
  readonly list: ImportWarning[] = [];
  private readonly _groups = new Map<string, { line?: number; count: number; message: (count: number) => string }>();

  add(message: string, line?: number): void {
    this.list.push(line === undefined ? { message } : { line, message });
  }

  group(key: string, line: number | undefined, message: (count: number) => string): void {
    const group = this._groups.get(key);
    if (group) group.count++;
    else this._groups.set(key, { line, count: 1, message });
  }

  all(): ImportWarning[] {
    const grouped = [...this._groups.values()].map(({ line, count, message }) => (line === undefined ? { message: message(count) } : { line, message: message(count) }));
    return [...this.list, ...grouped].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  }
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** An entry read and checked, before slugs and addresses are given. */
interface ReadEntry {
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

/**
 * Imports a Movable Type / Typepad export, given as text or bytes. Throws `ImportError` when the
 * file is not an export (`malformed`, with its line) or an option is wrong (`option`); a broken
 * entry is skipped and listed in `report.entries.skipped` with its line and reason.
 */
export function importMovableType(input: string | Uint8Array, options: MovableTypeImportOptions = {}): MovableTypeImport {
  const timezone = options.timezone ?? systemTimeZone();
  if (!isTimeZone(timezone)) throw new ImportError(`unknown time zone ${JSON.stringify(timezone)} (an IANA name such as Europe/Paris)`, { kind: 'option' });
  const oldBase = options.oldBaseUrl === undefined ? undefined : absoluteUrl(options.oldBaseUrl.replace(/\/*$/, '/'), 'the old base URL');
  const newBase = options.newBaseUrl === undefined ? undefined : absoluteUrl(options.newBaseUrl, 'the new base URL');
  const articlePattern = options.articleUrl ?? '?article={slug}';
  const sectionPattern = options.sectionUrl ?? '?section={slug}';
  for (const [name, pattern] of [['the article URL', articlePattern], ['the section URL', sectionPattern]]) {
    if (!pattern.includes('{slug}') || /[\s"'<>\\]/.test(pattern)) throw new ImportError(`${name} must contain {slug} and no spaces or quotes, got ${JSON.stringify(pattern)}`, { kind: 'option' });
  }
  let mediaBase = options.mediaBase;
  if (mediaBase !== undefined) {
    if (!mediaBase.trim() || /[\s"'<>\\]/.test(mediaBase) || (/^[a-z][a-z\d+.-]*:/i.test(mediaBase) && !/^https?:\/\//i.test(mediaBase))) {
      throw new ImportError(`the media base must be a path or an http(s) URL, got ${JSON.stringify(mediaBase)}`, { kind: 'option' });
    }
    mediaBase = mediaBase.replace(/\/*$/, '/');
  }
  const now = options.now === undefined ? Date.now() : new Date(options.now).getTime();
  if (Number.isNaN(now)) throw new ImportError(`"now" is not a date: ${String(options.now)}`, { kind: 'option' });
  const excerptWords = options.excerptWords ?? 40;

  const decoded = decodeExport(input, options.encoding);
  const parsed = parseExport(decoded.text);
  const warnings = new Warnings();
  if (decoded.invalidSequences) warnings.add(`${plural(decoded.invalidSequences, 'byte sequence')} not valid in ${decoded.encoding}, replaced by U+FFFD`);

  const report: ImportReport = {
    source: {
      encoding: decoded.encoding,
      encodingSource: decoded.encodingSource,
      lineEnds: lineEndsName(parsed.lineEnds),
      lines: parsed.lineCount,
    },
    timezone,
    entries: { read: parsed.entries.length, imported: 0, importedDrafts: 0, skipped: [] },
    comments: { read: 0, imported: 0, replies: 0, leftOutWithEntries: 0, skipped: [] },
    pings: { read: 0, imported: 0, dropped: 0 },
    sections: 0,
    redirects: 0,
    rewritten: { media: 0, links: 0 },
    warnings: [],
  };

  const read: ReadEntry[] = [];
  for (const entry of parsed.entries) {
    for (const note of entry.notes) warnings.add(note.message, note.line);
    const comments = entry.feedback.filter((f) => f.kind === 'COMMENT').length;
    const pings = entry.feedback.length - comments;
    report.comments.read += comments;
    report.pings.read += pings;
    const result = readEntry(entry, { timezone, now, excerptWords, keepPings: options.keepPings ?? false, replies: options.replies ?? true, warnings });
    const leftOut = (item: SkippedItem) => {
      report.entries.skipped.push(item);
      report.comments.leftOutWithEntries += comments;
      report.pings.dropped += pings;
    };
    if ('skipped' in result) leftOut(result.skipped);
    else if (result.entry.status !== 'publish' && !options.includeDrafts) {
      const { status, title } = result.entry;
      leftOut({
        line: entry.line,
        kind: status === 'draft' ? 'draft' : 'future',
        title,
        reason: status === 'draft' ? 'a draft (not published)' : 'dated in the future or scheduled',
      });
    } else {
      read.push(result.entry);
      report.comments.skipped.push(...result.entry.emptyComments);
      if (!options.keepPings) report.pings.dropped += pings;
    }
  }

  // Oldest first (equal dates keep the file's order): previous / next, and the first of two equal slugs.
  read.sort((a, b) => a.time - b.time);
  const slugs = new SlugRegistry();
  const sectionSlugs = new SlugRegistry();
  const withBase = (relative: string) => (newBase ? new URL(relative, newBase).href : relative);

  // Sections: those of the base data (their slugs and URLs win), then each new category in order of first use.
  const sections: DataSection[] = [];
  const sectionByName = new Map<string, DataSection>();
  for (const section of options.base?.sections ?? []) {
    const declared = { ...section, slug: sectionSlugs.claim(section.slug ?? slugFromText(section.name)) };
    sections.push(declared);
    sectionByName.set(declared.name.trim().toLowerCase(), declared);
  }
  for (const entry of read) {
    entry.sections = entry.sections.map((name) => {
      const known = sectionByName.get(name.toLowerCase());
      if (known) return known.name;
      const slug = sectionSlugs.claim(slugFromText(name) || 'section');
      const section = { name, slug, url: withBase(sectionPattern.replaceAll('{slug}', slug)) };
      sections.push(section);
      sectionByName.set(name.toLowerCase(), section);
      return name;
    });
  }

  const articles: (DataArticle & { oldUrl?: string; _status?: Status })[] = [];
  const comments: Record<string, DataComment[]> = {};
  const redirects: Redirect[] = [];
  const oldAddresses = new Map<string, string>();
  const redirectBase = newBase ?? oldBase;
  for (const entry of read) {
    const slug = slugs.claim(entry.basename ? slugFromBasename(entry.basename) : slugFromText(entry.title) || 'article');
    const url = withBase(articlePattern.replaceAll('{slug}', slug));
    const article: (typeof articles)[number] = {
      id: slug,
      slug,
      title: entry.title,
      url,
      published: entry.published,
      ...(entry.author && { author: { name: entry.author } }),
      sections: entry.sections,
      bodyHtml: entry.bodyHtml,
      commentsOpen: entry.commentsOpen,
      ...(entry.excerpt && { excerpt: entry.excerpt }),
    };
    if (entry.status !== 'publish') {
      article._status = entry.status;
      report.entries.importedDrafts++;
    } else if (oldBase && entry.basename) {
      const oldUrl = new URL(`${entry.local.year}/${String(entry.local.month).padStart(2, '0')}/${encodeURIComponent(entry.basename)}.html`, oldBase).href;
      const key = addressKey(new URL(oldUrl));
      if (oldAddresses.has(key)) {
        warnings.add(`${oldUrl} is the old address of two entries: only the first gets a redirect`, entry.line);
      } else {
        oldAddresses.set(key, url);
        article.oldUrl = oldUrl;
        redirects.push({ from: oldUrl, to: new URL(url, redirectBase).href, id: slug });
      }
    } else if (oldBase) {
      warnings.group('no-basename', entry.line, (n) => `${plural(n, 'entry', 'entries')} without BASENAME: no old address, no redirect`);
    }
    articles.push(article);
    if (entry.comments.length) comments[slug] = entry.comments;
    report.comments.imported += entry.counts.comments;
    report.pings.imported += entry.counts.pings;
    report.comments.replies += entry.counts.replies;
  }
  if (oldBase && !newBase && redirects.length) warnings.add(`no new base URL: the redirects point at the old base (${oldBase.href}${articlePattern})`);

  // Links between articles and images on Typepad's servers, now that every address is known.
  if (oldAddresses.size || mediaBase) {
    for (const article of articles) {
      const { html, count } = rewriteUrls(article.bodyHtml, (value, attribute) => {
        const url = parseUrl(value, oldBase);
        if (!url) return undefined;
        const newAddress = attribute === 'href' ? oldAddresses.get(addressKey(url)) : undefined;
        if (newAddress) {
          report.rewritten.links++;
          return `${newAddress}${url.hash}`;
        }
        const media = mediaBase && mediaPath(url, oldBase);
        if (!media) return undefined;
        report.rewritten.media++;
        return `${mediaBase}${media}`;
      });
      if (count) article.bodyHtml = html;
    }
  }

  const base = options.base ?? {};
  const site: MagData['site'] = {
    ...base.site,
    title: options.siteTitle ?? base.site?.title ?? oldBase?.host ?? 'Blog',
    homeUrl: base.site?.homeUrl ?? (newBase ? newBase.href : './'),
    ...((options.lang ?? base.site?.lang) && { lang: options.lang ?? base.site?.lang }),
  };
  if (!options.siteTitle && !base.site?.title) warnings.add(`no site title given: "${site.title}" used`);

  const data: MagData = {
    version: 1,
    site,
    sections,
    articles,
    comments,
    ...(base.about && { about: base.about }),
    ...(base.subscribe && { subscribe: base.subscribe }),
    ...(base.commentsPageSize !== undefined && { commentsPageSize: base.commentsPageSize }),
    ...(base.moderation !== undefined && { moderation: base.moderation }),
  };
  report.entries.imported = articles.length;
  report.sections = sections.length;
  report.redirects = redirects.length;
  report.warnings = warnings.all();
  return { data, report, redirects };
}

function lineEndsName({ lf, crlf, cr }: { lf: number; crlf: number; cr: number }): ImportReport['source']['lineEnds'] {
  const kinds = [lf && 'LF', crlf && 'CRLF', cr && 'CR'].filter(Boolean) as ('LF' | 'CRLF' | 'CR')[];
  return kinds.length === 0 ? 'none' : kinds.length === 1 ? kinds[0] : 'mixed';
}

/** A URL of a body, absolute (relative ones against the old base, when known). */
function parseUrl(value: string, oldBase: URL | undefined): URL | undefined {
  try {
    if (/^https?:\/\//i.test(value) || value.startsWith('//')) return new URL(value, 'https://invalid.invalid/');
    return oldBase && value.startsWith('/') ? new URL(value, oldBase) : undefined;
  } catch {
    return undefined;
  }
}

/** An address compared without its scheme, query or fragment: `example.typepad.com/blog/2013/10/x.html`. */
const addressKey = (url: URL) => `${url.host.toLowerCase()}${url.pathname}`;

/**
 * The path (without its leading `/`) of a file on Typepad's servers or on the old blog's own host,
 * or `undefined` for any other URL. Typepad's image pop-up pages (`/.shared/image.html?/photos/x.jpg`)
 * give the image's path.
 */
function mediaPath(url: URL, oldBase: URL | undefined): string | undefined {
  const onOldHost = oldBase !== undefined && url.host.toLowerCase() === oldBase.host.toLowerCase();
  if (!isTypepadHost(url.hostname.toLowerCase()) && !onOldHost) return undefined;
  if (url.pathname === '/.shared/image.html' && url.search.length > 2) return decodeURIComponent(url.search.slice(1)).replace(/^\/+/, '');
  if (!MEDIA_PATH.test(url.pathname) && !MEDIA_FILE.test(url.pathname)) return undefined;
  return url.pathname.replace(/^\/+/, '');
}

interface ReadContext {
  timezone: string;
  now: number;
  excerptWords: number;
  keepPings: boolean;
  replies: boolean;
  warnings: Warnings;
}

/** One entry's header, texts and comments checked and turned into their final form, or why it is skipped. */
function readEntry(entry: ParsedEntry, context: ReadContext): { entry: ReadEntry } | { skipped: SkippedItem } {
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
  const filters = (filterHeader?.value ?? '__default__').split(/\s*,\s*/).filter(Boolean);
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
      if (LOOKS_LIKE_EMAIL.test(name)) {
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
      const addressed = text.slice(1).trimStart().toLowerCase();
      let best = '';
      for (const name of latestBy.keys()) {
        if (name.length > best.length && addressed.startsWith(name) && !/^[\p{L}\p{N}]/u.test(addressed.slice(name.length))) best = name;
      }
      if (best) {
        parentId = latestBy.get(best);
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

/** A commenter's web address: http(s) only (a `mailto:` or a bare e-mail address is dropped). */
function authorUrl(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed || (trimmed.includes('@') && !/^https?:\/\/[^@/]*\//i.test(trimmed))) return undefined;
  const withScheme = /^[a-z][a-z\d+.-]*:/i.test(trimmed) ? trimmed : /^[\w-]+(\.[\w-]+)+(\/|$)/.test(trimmed) ? `http://${trimmed}` : undefined;
  const safe = withScheme && safeUrl(withScheme, ['http', 'https']);
  if (!safe) return undefined;
  try {
    return new URL(safe).href;
  } catch {
    return undefined;
  }
}
