/**
 * `importMovableType()`: a Movable Type or Typepad export (the "Import / Export Format") to the JSON
 * data format of the elements (docs/data-format.md), with a report of everything read, imported and
 * left out. It uses no Node built-in, so it runs in Node (the `mag-elements import-mt` command) and
 * in browsers alike. The user's guide is docs/import-typepad.md.
 */
import type { DataArticle, DataComment, DataSection, MagData } from '../adapters/json/json-adapter.js';
import { withoutTrailingSlashes } from '../core/trim-end.js';
import { ImportError } from './import-error.js';
import { Warnings, plural } from './import-warnings.js';
import type { ImportWarning } from './import-warnings.js';
import { isTimeZone, systemTimeZone } from './local-time.js';
import { addressKey, mediaPath, parseUrl } from './mt-addresses.js';
import { readEntry } from './mt-entry.js';
import type { ReadEntry, Status } from './mt-entry.js';
import { rewriteUrls } from './mt-html.js';
import { parseExport } from './mt-parser.js';
import type { Redirect } from './redirects.js';
import { SlugRegistry, slugFromBasename, slugFromText } from './slugs.js';
import { decodeExport } from './text-encoding.js';

export { ImportError } from './import-error.js';
export type { Redirect } from './redirects.js';
export type { ImportWarning } from './import-warnings.js';

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
  /** Data to carry over into the result: its `site`, `sections`, `about`, `subscribe`, `videos`, `commentsPageSize` and `moderation`. */
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

/**
 * Imports a Movable Type / Typepad export, given as text or bytes. Throws `ImportError` when the
 * file is not an export (`malformed`, with its line) or an option is wrong (`option`); a broken
 * entry is skipped and listed in `report.entries.skipped` with its line and reason.
 */
export function importMovableType(input: string | Uint8Array, options: MovableTypeImportOptions = {}): MovableTypeImport {
  const timezone = options.timezone ?? systemTimeZone();
  if (!isTimeZone(timezone)) throw new ImportError(`unknown time zone ${JSON.stringify(timezone)} (an IANA name such as Europe/Paris)`, { kind: 'option' });
  const oldBase = options.oldBaseUrl === undefined ? undefined : absoluteUrl(`${withoutTrailingSlashes(options.oldBaseUrl)}/`, 'the old base URL');
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
    mediaBase = `${withoutTrailingSlashes(mediaBase)}/`;
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
  const slugs = new SlugRegistry('article');
  const sectionSlugs = new SlugRegistry('section');
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
      const slug = sectionSlugs.claim(slugFromText(name));
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
    const slug = slugs.claim((entry.basename && slugFromBasename(entry.basename)) || slugFromText(entry.title));
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
    ...(base.videos && { videos: base.videos }),
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

