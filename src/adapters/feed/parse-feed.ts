/**
 * Parses RSS 2.0 (and RSS 1.0/RDF), Atom 1.0 and JSON Feed 1.x documents into one neutral shape,
 * with the browser's `DOMParser` (`application/xml`). Used by {@link FeedAdapter}.
 */
import type { Person, Section } from '../../core/model.js';
import { MagAdapterError } from '../../core/errors.js';
import { parseInert } from '../../core/inert.js';
import { decodeEntities, escapeHtml, htmlToText, textToHtml } from './html-text.js';

const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  wfw: 'http://wellformedweb.org/CommentAPI/',
  slash: 'http://purl.org/rss/1.0/modules/slash/',
  thr: 'http://purl.org/syndication/thread/1.0',
  rss1: 'http://purl.org/rss/1.0/',
  xml: 'http://www.w3.org/XML/1998/namespace',
  xhtml: 'http://www.w3.org/1999/xhtml',
};

/** A section with the keys it can be looked up by (name, term, slug). */
export interface FeedSection extends Section {
  keys: string[];
}

export interface FeedEntry {
  id: string;
  link?: string;
  title: string;
  published?: string;
  updated?: string;
  author?: Person;
  sections: FeedSection[];
  contentHtml?: string;
  summaryHtml?: string;
  commentFeedUrl?: string;
  commentFeedType?: string;
  commentCount?: number;
  /** RFC 4685 `thr:in-reply-to`. */
  inReplyTo?: { ref: string; href?: string };
  /** Position in the document (ties in dates keep the feed's order). */
  index: number;
}

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'json' | 'rdf';
  url: string;
  title: string;
  /** Untrusted HTML. */
  descriptionHtml: string;
  link?: string;
  imageUrl?: string;
  updated?: string;
  entries: FeedEntry[];
}

/** The answer was an HTML page: the feed it links with `<link rel="alternate">`. */
export interface FeedDiscovery {
  alternate: string;
}

const FEED_TYPES = /^(application\/(rss|atom|feed)\+(xml|json)|application\/rdf\+xml|application\/json|text\/xml|application\/xml)\b/i;

/** Parses a fetched document; `url` is its final URL (relative links resolve against it). */
export function parseFeed(text: string, contentType: string, url: string): ParsedFeed | FeedDiscovery {
  const type = contentType.toLowerCase();
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{') || /json/.test(type)) return parseJsonFeed(start, url);
  if (/^text\/html/.test(type) || /^<!doctype html|^<html[\s>]/i.test(start)) return discover(start, url);
  const doc = parseInert(start, 'application/xml');
  const error = doc.getElementsByTagNameNS('*', 'parsererror')[0];
  if (error) {
    const reason = (error.querySelector('div')?.textContent ?? error.textContent ?? '').replace(/\s+/g, ' ').trim();
    throw new MagAdapterError('invalid-data', `The feed at ${url} is not well-formed XML: ${reason || 'the XML parser gave up'}.`, {
      problems: [reason || 'parsererror'],
    });
  }
  const root = doc.documentElement;
  if (root.localName === 'rss') return parseRss(root, url, 'rss');
  if (root.localName === 'feed' && root.namespaceURI === NS.atom) return parseAtom(root, url);
  if (root.localName === 'RDF') return parseRss(root, url, 'rdf');
  throw new MagAdapterError(
    'invalid-data',
    `The document at ${url} is not an RSS, Atom or JSON feed (its root element is <${root.localName}>).`,
    { problems: [`root element: <${root.localName}>`] },
  );
}

// --- XML helpers --------------------------------------------------------------------------------

function kids(el: Element, ns: string | null | Array<string | null>, name: string): Element[] {
  const spaces = Array.isArray(ns) ? ns : [ns];
  return Array.from(el.children).filter((c) => c.localName === name && spaces.includes(c.namespaceURI));
}

function kid(el: Element, ns: string | null | Array<string | null>, name: string): Element | undefined {
  return kids(el, ns, name)[0];
}

function text(el: Element | undefined): string {
  return el?.textContent?.trim() ?? '';
}

/** Resolves `href` against the element's `xml:base` chain and the document URL. */
function resolve(href: string | null | undefined, el: Element, docUrl: string): string | undefined {
  if (!href?.trim()) return undefined;
  const bases: string[] = [];
  for (let e: Element | null = el; e; e = e.parentElement) {
    const b = e.getAttributeNS(NS.xml, 'base');
    if (b) bases.unshift(b);
  }
  try {
    let base = docUrl;
    for (const b of bases) base = new URL(b, base).href;
    return new URL(href.trim(), base).href;
  } catch {
    return undefined;
  }
}

function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const d = new Date(value.trim());
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

function slugify(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, ' ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function section(name: string, ...extraKeys: string[]): FeedSection {
  const keys = [name, slugify(name), ...extraKeys].map((k) => k.toLowerCase()).filter(Boolean);
  return { name, keys: [...new Set(keys)] };
}

function dedupeSections(sections: FeedSection[]): FeedSection[] {
  const seen = new Set<string>();
  return sections.filter((s) => (seen.has(s.name) ? false : (seen.add(s.name), true)));
}

// --- RSS 2.0 / RSS 1.0 --------------------------------------------------------------------------

const RSS = [null, NS.rss1];

function parseRss(root: Element, url: string, format: 'rss' | 'rdf'): ParsedFeed {
  const channel = kid(root, RSS, 'channel');
  if (!channel) {
    throw new MagAdapterError('invalid-data', `The RSS feed at ${url} has no <channel>.`, { problems: ['rss: no channel'] });
  }
  const link = resolve(text(kid(channel, RSS, 'link')), channel, url);
  const items = format === 'rdf' ? kids(root, NS.rss1, 'item') : kids(channel, RSS, 'item');
  const image = kid(channel, RSS, 'image') ?? kid(root, NS.rss1, 'image');
  const description = decodeEntities(htmlToText(text(kid(channel, RSS, 'description'))));
  return {
    format,
    url,
    title: decodeEntities(text(kid(channel, RSS, 'title'))),
    descriptionHtml: description ? `<p>${escapeHtml(description)}</p>` : '',
    link,
    imageUrl: image ? resolve(text(kid(image, RSS, 'url')) || image.getAttribute('rdf:resource'), image, url) : undefined,
    updated: isoDate(text(kid(channel, RSS, 'lastBuildDate')) || text(kid(channel, NS.dc, 'date'))),
    entries: items.map((item, index) => rssItem(item, index, url)),
  };
}

function rssAuthor(item: Element): Person | undefined {
  const creator = text(kid(item, NS.dc, 'creator'));
  if (creator) return { name: decodeEntities(creator) };
  const author = text(kid(item, RSS, 'author'));
  if (!author) return undefined;
  // "owner@example.com (Ella Fitzgerald)" → Ella Fitzgerald
  const m = /\(([^)]+)\)\s*$/.exec(author);
  return { name: decodeEntities(m ? m[1] : author) };
}

function rssItem(item: Element, index: number, url: string): FeedEntry {
  const link = resolve(text(kid(item, RSS, 'link')) || item.getAttribute('rdf:about'), item, url);
  const guid = text(kid(item, RSS, 'guid'));
  const title = decodeEntities(text(kid(item, RSS, 'title')));
  const content = text(kid(item, NS.content, 'encoded'));
  const description = text(kid(item, RSS, 'description'));
  const commentRss = resolve(text(kid(item, NS.wfw, 'commentRss')), item, url);
  const count = text(kid(item, NS.slash, 'comments'));
  const sections = [...kids(item, RSS, 'category'), ...kids(item, NS.dc, 'subject')]
    .map((c) => decodeEntities(text(c)))
    .filter(Boolean)
    .map((name) => section(name));
  const atomLink = kids(item, NS.atom, 'link').find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate');
  const inReplyTo = kid(item, NS.thr, 'in-reply-to');
  return {
    id: guid || link || resolve(atomLink?.getAttribute('href'), item, url) || `${url}#item-${index}`,
    link: link ?? resolve(atomLink?.getAttribute('href'), item, url),
    title,
    published: isoDate(text(kid(item, RSS, 'pubDate')) || text(kid(item, NS.dc, 'date'))),
    author: rssAuthor(item),
    sections: dedupeSections(sections),
    contentHtml: content || undefined,
    summaryHtml: description || undefined,
    commentFeedUrl: commentRss,
    commentFeedType: commentRss ? 'application/rss+xml' : undefined,
    commentCount: count && /^\d+$/.test(count) ? Number(count) : undefined,
    inReplyTo: inReplyTo?.getAttribute('ref')
      ? { ref: inReplyTo.getAttribute('ref') ?? '', href: resolve(inReplyTo.getAttribute('href'), inReplyTo, url) }
      : undefined,
    index,
  };
}

// --- Atom 1.0 -------------------------------------------------------------------------------------

/** An Atom text construct (`type` text, html or xhtml) as plain text and as HTML. */
function atomText(el: Element | undefined): { text: string; html: string } | undefined {
  if (!el) return undefined;
  const type = (el.getAttribute('type') ?? 'text').toLowerCase();
  if (type === 'xhtml') {
    const div = kid(el, NS.xhtml, 'div');
    if (!div) return { text: text(el), html: escapeHtml(text(el)) };
    // Import into an HTML document, so it serializes as HTML (no xmlns attributes).
    const doc = document.implementation.createHTMLDocument('');
    const imported = doc.importNode(div, true);
    const html = imported.innerHTML.trim();
    return { text: htmlToText(html), html };
  }
  if (type === 'html' || type === 'text/html') {
    const html = el.textContent ?? '';
    return { text: htmlToText(html), html: html.trim() };
  }
  const plain = el.textContent ?? '';
  return { text: plain.replace(/\s+/g, ' ').trim(), html: textToHtml(plain) };
}

function atomPerson(el: Element | undefined, url: string): Person | undefined {
  if (!el) return undefined;
  const name = text(kid(el, NS.atom, 'name'));
  if (!name) return undefined;
  return { name: decodeEntities(name), url: resolve(text(kid(el, NS.atom, 'uri')), el, url) };
}

function atomLink(el: Element, rel: string): Element[] {
  return kids(el, NS.atom, 'link').filter((l) => (l.getAttribute('rel') ?? 'alternate') === rel);
}

function parseAtom(root: Element, url: string): ParsedFeed {
  const alternates = atomLink(root, 'alternate');
  const link = alternates.find((l) => /html/.test(l.getAttribute('type') ?? 'text/html')) ?? alternates[0];
  const feedAuthor = atomPerson(kid(root, NS.atom, 'author'), url);
  const subtitle = atomText(kid(root, NS.atom, 'subtitle'));
  return {
    format: 'atom',
    url,
    title: atomText(kid(root, NS.atom, 'title'))?.text ?? '',
    descriptionHtml: subtitle?.html ?? '',
    link: resolve(link?.getAttribute('href'), link ?? root, url),
    imageUrl: resolve(text(kid(root, NS.atom, 'logo')) || text(kid(root, NS.atom, 'icon')), root, url),
    updated: isoDate(text(kid(root, NS.atom, 'updated'))),
    entries: kids(root, NS.atom, 'entry').map((entry, index) => atomEntry(entry, index, url, feedAuthor)),
  };
}

function atomEntry(entry: Element, index: number, url: string, feedAuthor: Person | undefined): FeedEntry {
  const alternates = atomLink(entry, 'alternate');
  const alt = alternates.find((l) => /html/.test(l.getAttribute('type') ?? 'text/html')) ?? alternates[0];
  const link = resolve(alt?.getAttribute('href'), alt ?? entry, url);
  const replies = atomLink(entry, 'replies');
  const feedReplies =
    replies.find((l) => /atom\+xml/.test(l.getAttribute('type') ?? '')) ??
    replies.find((l) => /(rss|rdf)\+xml|feed\+json/.test(l.getAttribute('type') ?? '')) ??
    replies.find((l) => !/html/.test(l.getAttribute('type') ?? 'text/html'));
  const count = feedReplies?.getAttributeNS(NS.thr, 'count') ?? text(kid(entry, NS.thr, 'total'));
  const contentEl = kid(entry, NS.atom, 'content');
  const outOfLine = contentEl?.getAttribute('src');
  const content = outOfLine ? undefined : atomText(contentEl);
  const summary = atomText(kid(entry, NS.atom, 'summary'));
  const inReplyTo = kid(entry, NS.thr, 'in-reply-to');
  const sections = kids(entry, NS.atom, 'category')
    .map((c) => {
      const term = c.getAttribute('term') ?? '';
      const label = c.getAttribute('label') ?? '';
      const name = decodeEntities(label || term);
      return name ? section(name, term) : undefined;
    })
    .filter((s): s is FeedSection => s !== undefined);
  return {
    id: text(kid(entry, NS.atom, 'id')) || link || `${url}#entry-${index}`,
    link,
    title: atomText(kid(entry, NS.atom, 'title'))?.text ?? '',
    published: isoDate(text(kid(entry, NS.atom, 'published'))) ?? isoDate(text(kid(entry, NS.atom, 'updated'))),
    updated: isoDate(text(kid(entry, NS.atom, 'updated'))),
    author: atomPerson(kid(entry, NS.atom, 'author'), url) ?? feedAuthor,
    sections: dedupeSections(sections),
    contentHtml: content?.html || undefined,
    summaryHtml: summary?.html || undefined,
    commentFeedUrl: resolve(feedReplies?.getAttribute('href'), feedReplies ?? entry, url),
    commentFeedType: feedReplies ? (feedReplies.getAttribute('type') ?? undefined) : undefined,
    commentCount: count && /^\d+$/.test(count) ? Number(count) : undefined,
    inReplyTo: inReplyTo?.getAttribute('ref')
      ? { ref: inReplyTo.getAttribute('ref') ?? '', href: resolve(inReplyTo.getAttribute('href'), inReplyTo, url) }
      : undefined,
    index,
  };
}

// --- JSON Feed 1.x --------------------------------------------------------------------------------

interface JsonAuthor {
  name?: unknown;
  url?: unknown;
  avatar?: unknown;
}

function str(x: unknown): string | undefined {
  return typeof x === 'string' && x.trim() ? x : undefined;
}

function jsonPerson(a: JsonAuthor | undefined, url: string): Person | undefined {
  const name = str(a?.name);
  if (!name) return undefined;
  const link = str(a?.url);
  const avatar = str(a?.avatar);
  return { name: decodeEntities(name), url: link ? new URL(link, url).href : undefined, avatarUrl: avatar ? new URL(avatar, url).href : undefined };
}

function parseJsonFeed(source: string, url: string): ParsedFeed {
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(source) as Record<string, unknown>;
  } catch (e) {
    throw new MagAdapterError('invalid-data', `The feed at ${url} is not valid JSON: ${(e as Error).message}.`, {
      problems: ['response: not JSON'],
      cause: e,
    });
  }
  const problems: string[] = [];
  if (!data || typeof data !== 'object') problems.push('feed: expected an object');
  else {
    if (!(str(data.version) ?? '').startsWith('https://jsonfeed.org/version/')) problems.push('version: not a JSON Feed version URL');
    if (!Array.isArray(data.items)) problems.push('items: expected an array');
  }
  if (problems.length) {
    throw new MagAdapterError('invalid-data', `The JSON at ${url} is not a JSON Feed: ${problems.join('; ')}.`, { problems });
  }
  const abs = (u: unknown) => {
    const s = str(u);
    try {
      return s ? new URL(s, url).href : undefined;
    } catch {
      return undefined;
    }
  };
  const feedAuthors = (data.authors as JsonAuthor[] | undefined) ?? (data.author ? [data.author] : []);
  const feedAuthor = jsonPerson(feedAuthors[0], url);
  const description = str(data.description);
  const items = (data.items as Record<string, unknown>[]).filter((i) => i && typeof i === 'object');
  return {
    format: 'json',
    url,
    title: decodeEntities(str(data.title) ?? ''),
    descriptionHtml: description ? `<p>${escapeHtml(decodeEntities(description))}</p>` : '',
    link: abs(data.home_page_url),
    imageUrl: abs(data.icon) ?? abs(data.favicon),
    entries: items.map((item, index) => {
      const authors = (item.authors as JsonAuthor[] | undefined) ?? (item.author ? [item.author] : []);
      const link = abs(item.url);
      const contentText = str(item.content_text);
      const summary = str(item.summary);
      const tags = Array.isArray(item.tags) ? item.tags.filter((t): t is string => typeof t === 'string') : [];
      return {
        id: (typeof item.id === 'string' || typeof item.id === 'number' ? String(item.id) : '') || link || `${url}#item-${index}`,
        link,
        title: decodeEntities(str(item.title) ?? ''),
        published: isoDate(str(item.date_published)) ?? isoDate(str(item.date_modified)),
        updated: isoDate(str(item.date_modified)),
        author: jsonPerson(authors[0], url) ?? feedAuthor,
        sections: dedupeSections(tags.map((t) => section(decodeEntities(t)))),
        contentHtml: str(item.content_html) ?? (contentText ? textToHtml(contentText) : undefined),
        summaryHtml: summary ? escapeHtml(summary) : undefined,
        index,
      };
    }),
  };
}

// --- discovery ------------------------------------------------------------------------------------

function discover(html: string, url: string): FeedDiscovery {
  const doc = parseInert(html, 'text/html');
  const links = Array.from(doc.querySelectorAll('link[rel][href]')).filter(
    (l) => /(^|\s)alternate(\s|$)/i.test(l.getAttribute('rel') ?? '') && FEED_TYPES.test(l.getAttribute('type') ?? ''),
  );
  const preferred = links.find((l) => /atom|rss/i.test(l.getAttribute('type') ?? '')) ?? links[0];
  const href = preferred?.getAttribute('href');
  if (!href) {
    throw new MagAdapterError(
      'invalid-data',
      `The page at ${url} is HTML and links no feed (no <link rel="alternate" type="application/rss+xml"> or Atom).`,
      { problems: ['html: no feed link'] },
    );
  }
  const base = doc.querySelector('base[href]')?.getAttribute('href');
  return { alternate: new URL(href, base ? new URL(base, url) : url).href };
}
