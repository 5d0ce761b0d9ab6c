/**
 * Parses RSS 2.0 (and RSS 1.0/RDF), Atom 1.0 and JSON Feed 1.x documents into one neutral shape,
 * with the browser's `DOMParser` (`application/xml`). Used by {@link FeedAdapter}.
 */
import type { Person, Section } from '../../core/model.js';
import { MagAdapterError } from '../../core/errors.js';
import { parseInert } from '../../core/inert.js';
import { decodeEntities, escapeHtml, htmlToText, textToHtml } from './html-text.js';

const ATOM = 'http://www.w3.org/2005/Atom';
const DC = 'http://purl.org/dc/elements/1.1/';
const THR = 'http://purl.org/syndication/thread/1.0';
const RSS1 = 'http://purl.org/rss/1.0/';
/** RSS 2.0 elements have no namespace; RSS 1.0 (RDF) ones have the RSS 1.0 namespace. */
const RSS = [null, RSS1];

export interface FeedEntry {
  id: string;
  link?: string;
  title: string;
  published?: string;
  updated?: string;
  author?: Person;
  sections: Section[];
  /** What `listRecent({ section })` matches, lowercased: each section's name, slug and term. */
  sectionKeys: string[];
  contentHtml?: string;
  summaryHtml?: string;
  commentFeedUrl?: string;
  commentFeedType?: string;
  commentCount?: number;
  /** RFC 4685 `thr:in-reply-to`. */
  inReplyTo?: { ref: string; href?: string };
}

export interface ParsedFeed {
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

/** Parses a fetched document; `url` is its final URL (relative links resolve against it). */
export function parseFeed(text: string, contentType: string, url: string): ParsedFeed | FeedDiscovery {
  const type = contentType.toLowerCase();
  const start = text.trimStart(); // also drops a byte order mark
  if (start.startsWith('{') || /json/.test(type)) return parseJsonFeed(start, url);
  if (/^text\/html/.test(type) || /^<!doctype html|^<html[\s>]/i.test(start)) return discover(start, url);
  const doc = parseInert(start, 'application/xml');
  const error = doc.getElementsByTagNameNS('*', 'parsererror')[0];
  if (error) {
    const reason = (error.querySelector('div') ?? error).textContent?.replace(/\s+/g, ' ').trim();
    throw new MagAdapterError('invalid-data', `The feed at ${url} is not well-formed XML: ${reason || 'the XML parser gave up'}.`, {
      problems: [reason || 'parsererror'],
    });
  }
  const root = doc.documentElement;
  const name = root.localName;
  if (name === 'rss' || name === 'RDF') return parseRss(root, url, name === 'RDF');
  if (name === 'feed' && root.namespaceURI === ATOM) return parseAtom(root, url);
  throw new MagAdapterError('invalid-data', `The document at ${url} is not an RSS, Atom or JSON feed (its root element is <${name}>).`, {
    problems: [`root element: <${name}>`],
  });
}

// --- XML helpers --------------------------------------------------------------------------------

/** The child elements named `name` in the namespace `ns` (or one of `ns`). */
function kids(el: Element, ns: string | null | Array<string | null>, name: string): Element[] {
  return Array.from(el.children).filter((c) => c.localName === name && [ns].flat().includes(c.namespaceURI));
}

function kid(el: Element, ns: string | null | Array<string | null>, name: string): Element | undefined {
  return kids(el, ns, name)[0];
}

/** The trimmed text of `el`, or of its first child named `name` in `ns`. */
function text(el: Element | undefined, ns?: string | null | Array<string | null>, name = ''): string {
  return ((ns === undefined ? el : el && kid(el, ns, name))?.textContent ?? '').trim();
}

/** Resolves `href` against the element's `xml:base` chain and the document URL. */
function resolve(href: string | null | undefined, el: Element, docUrl: string): string | undefined {
  const base = (e: Element | null): string => (e ? new URL(e.getAttributeNS('http://www.w3.org/XML/1998/namespace', 'base') ?? '', base(e.parentElement)).href : docUrl);
  try {
    return href?.trim() ? new URL(href.trim(), base(el)).href : undefined;
  } catch {
    return undefined;
  }
}

function isoDate(value: string | undefined): string | undefined {
  const d = new Date(value?.trim() || NaN);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

const count = (value: string | null): number | undefined => (/^\d+$/.test(value ?? '') ? Number(value) : undefined);

/** RFC 4685 `thr:in-reply-to`, when it has a `ref`. */
function inReplyTo(el: Element, url: string): FeedEntry['inReplyTo'] {
  const reply = kid(el, THR, 'in-reply-to');
  const ref = reply?.getAttribute('ref');
  return reply && ref ? { ref, href: resolve(reply.getAttribute('href'), reply, url) } : undefined;
}

/** Sections from `[name, term]` pairs: the first of each name, with the keys it is found by. */
function sections(pairs: string[][]): Pick<FeedEntry, 'sections' | 'sectionKeys'> {
  const found: Pick<FeedEntry, 'sections' | 'sectionKeys'> = { sections: [], sectionKeys: [] };
  for (const [name, term = ''] of pairs) {
    if (!name || found.sections.some((s) => s.name === name)) continue;
    found.sections.push({ name });
    const slug = name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/&/g, ' ')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    found.sectionKeys.push(name.toLowerCase(), slug, term.toLowerCase());
  }
  return found;
}

// --- RSS 2.0 / RSS 1.0 --------------------------------------------------------------------------

function parseRss(root: Element, url: string, rdf: boolean): ParsedFeed {
  const channel = kid(root, RSS, 'channel');
  if (!channel) {
    throw new MagAdapterError('invalid-data', `The RSS feed at ${url} has no <channel>.`, { problems: ['rss: no channel'] });
  }
  // RSS 1.0 puts its items and image next to the channel, RSS 2.0 inside it
  const image = kid(channel, RSS, 'image') ?? kid(root, RSS1, 'image');
  const description = decodeEntities(htmlToText(text(channel, RSS, 'description')));
  return {
    url,
    title: decodeEntities(text(channel, RSS, 'title')),
    descriptionHtml: description ? `<p>${escapeHtml(description)}</p>` : '',
    link: resolve(text(channel, RSS, 'link'), channel, url),
    imageUrl: image && resolve(text(image, RSS, 'url') || image.getAttribute('rdf:resource'), image, url),
    updated: isoDate(text(channel, RSS, 'lastBuildDate') || text(channel, DC, 'date')),
    entries: (rdf ? kids(root, RSS1, 'item') : kids(channel, RSS, 'item')).map((item, index) => {
      const atomLink = atomLinks(item, 'alternate')[0];
      const link = resolve(text(item, RSS, 'link') || item.getAttribute('rdf:about'), item, url) ?? resolve(atomLink?.getAttribute('href'), item, url);
      const commentRss = resolve(text(item, 'http://wellformedweb.org/CommentAPI/', 'commentRss'), item, url);
      // "owner@example.com (Ella Fitzgerald)" → Ella Fitzgerald
      const author = text(item, DC, 'creator') || text(item, RSS, 'author').replace(/^[\s\S]*?\(([^)]+)\)\s*$/, '$1');
      return {
        id: text(item, RSS, 'guid') || link || `${url}#item-${index}`,
        link,
        title: decodeEntities(text(item, RSS, 'title')),
        published: isoDate(text(item, RSS, 'pubDate') || text(item, DC, 'date')),
        author: author ? { name: decodeEntities(author) } : undefined,
        ...sections([...kids(item, RSS, 'category'), ...kids(item, DC, 'subject')].map((c) => [decodeEntities(text(c))])),
        contentHtml: text(item, 'http://purl.org/rss/1.0/modules/content/', 'encoded') || undefined,
        summaryHtml: text(item, RSS, 'description') || undefined,
        commentFeedUrl: commentRss,
        commentFeedType: commentRss && 'application/rss+xml',
        commentCount: count(text(item, 'http://purl.org/rss/1.0/modules/slash/', 'comments')),
        inReplyTo: inReplyTo(item, url),
      };
    }),
  };
}

// --- Atom 1.0 -------------------------------------------------------------------------------------

/** An Atom text construct (`type` text, html or xhtml) as HTML. */
function atomHtml(el: Element | undefined): string | undefined {
  const type = el?.getAttribute('type')?.toLowerCase();
  if (type === 'xhtml') {
    const div = kid(el!, 'http://www.w3.org/1999/xhtml', 'div');
    // imported into an HTML document, so it serializes as HTML (no xmlns attributes)
    return div ? document.implementation.createHTMLDocument('').importNode(div, true).innerHTML.trim() : escapeHtml(text(el));
  }
  if (type === 'html' || type === 'text/html') return text(el);
  return el && textToHtml(el.textContent ?? '');
}

/** An Atom text construct as plain text. */
function atomText(el: Element | undefined): string {
  const type = el?.getAttribute('type')?.toLowerCase();
  return type === 'xhtml' || type === 'html' || type === 'text/html' ? htmlToText(atomHtml(el)!) : text(el).replace(/\s+/g, ' ');
}

function atomPerson(el: Element | undefined, url: string): Person | undefined {
  const name = el && text(el, ATOM, 'name');
  return name ? { name: decodeEntities(name), url: resolve(text(el, ATOM, 'uri'), el, url) } : undefined;
}

/** The Atom links with this `rel` (no `rel` is `alternate`). */
function atomLinks(el: Element, rel: string): Element[] {
  return kids(el, ATOM, 'link').filter((l) => (l.getAttribute('rel') ?? 'alternate') === rel);
}

const typeOf = (link: Element, fallback = ''): string => link.getAttribute('type') ?? fallback;

/** The element's page: its `alternate` link, an HTML one first. */
function atomLink(el: Element, url: string): string | undefined {
  const alternates = atomLinks(el, 'alternate');
  const link = alternates.find((l) => /html/.test(typeOf(l, 'text/html'))) ?? alternates[0];
  return resolve(link?.getAttribute('href'), link ?? el, url);
}

function parseAtom(root: Element, url: string): ParsedFeed {
  const feedAuthor = atomPerson(kid(root, ATOM, 'author'), url);
  return {
    url,
    title: atomText(kid(root, ATOM, 'title')),
    descriptionHtml: atomHtml(kid(root, ATOM, 'subtitle')) ?? '',
    link: atomLink(root, url),
    imageUrl: resolve(text(root, ATOM, 'logo') || text(root, ATOM, 'icon'), root, url),
    updated: isoDate(text(root, ATOM, 'updated')),
    entries: kids(root, ATOM, 'entry').map((entry, index) => {
      const link = atomLink(entry, url);
      const replies = atomLinks(entry, 'replies');
      // the comment feed: an Atom one first, else RSS or JSON Feed, else any that is not a page
      const feedReplies =
        replies.find((l) => /atom\+xml/.test(typeOf(l))) ??
        replies.find((l) => /(rss|rdf)\+xml|feed\+json/.test(typeOf(l))) ??
        replies.find((l) => !/html/.test(typeOf(l, 'text/html')));
      const content = kid(entry, ATOM, 'content');
      const updated = isoDate(text(entry, ATOM, 'updated'));
      return {
        id: text(entry, ATOM, 'id') || link || `${url}#entry-${index}`,
        link,
        title: atomText(kid(entry, ATOM, 'title')),
        published: isoDate(text(entry, ATOM, 'published')) ?? updated,
        updated,
        author: atomPerson(kid(entry, ATOM, 'author'), url) ?? feedAuthor,
        ...sections(
          kids(entry, ATOM, 'category').map((c) => {
            const term = c.getAttribute('term') ?? '';
            return [decodeEntities(c.getAttribute('label') || term), term];
          }),
        ),
        // content with `src` is out of line: not in the feed
        contentHtml: (content?.getAttribute('src') ? '' : atomHtml(content)) || undefined,
        summaryHtml: atomHtml(kid(entry, ATOM, 'summary')) || undefined,
        commentFeedUrl: resolve(feedReplies?.getAttribute('href'), feedReplies ?? entry, url),
        commentFeedType: feedReplies?.getAttribute('type') ?? undefined,
        commentCount: count(feedReplies?.getAttributeNS(THR, 'count') ?? text(entry, THR, 'total')),
        inReplyTo: inReplyTo(entry, url),
      };
    }),
  };
}

// --- JSON Feed 1.x --------------------------------------------------------------------------------

type Json = Record<string, unknown>;

function str(x: unknown): string | undefined {
  return typeof x === 'string' && x.trim() ? x : undefined;
}

function parseJsonFeed(source: string, url: string): ParsedFeed {
  let data: Json;
  try {
    data = JSON.parse(source) as Json;
  } catch (e) {
    throw new MagAdapterError('invalid-data', `The feed at ${url} is not valid JSON: ${(e as Error).message}.`, {
      problems: ['response: not JSON'],
      cause: e,
    });
  }
  const problems: string[] = [];
  if (!data || typeof data !== 'object') problems.push('feed: expected an object');
  else {
    if (!str(data.version)?.startsWith('https://jsonfeed.org/version/')) problems.push('version: not a JSON Feed version URL');
    if (!Array.isArray(data.items)) problems.push('items: expected an array');
  }
  if (problems.length) {
    throw new MagAdapterError('invalid-data', `The JSON at ${url} is not a JSON Feed: ${problems.join('; ')}.`, { problems });
  }
  const abs = (u: unknown) => {
    try {
      return str(u) && new URL(str(u)!, url).href;
    } catch {
      return undefined;
    }
  };
  /** The first of `authors`, else `author` (JSON Feed 1.0). */
  const person = (o: Json): Person | undefined => {
    const a = ((o.authors as Json[] | undefined) ?? [o.author])[0] as Json | undefined;
    const name = str(a?.name);
    return name ? { name: decodeEntities(name), url: abs(a!.url), avatarUrl: abs(a!.avatar) } : undefined;
  };
  const feedAuthor = person(data);
  const description = str(data.description);
  return {
    url,
    title: decodeEntities(str(data.title) ?? ''),
    descriptionHtml: description ? `<p>${escapeHtml(decodeEntities(description))}</p>` : '',
    link: abs(data.home_page_url),
    imageUrl: abs(data.icon) ?? abs(data.favicon),
    entries: (data.items as Json[])
      .filter((i) => i && typeof i === 'object')
      .map((item, index) => {
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
          author: person(item) ?? feedAuthor,
          ...sections(tags.map((t) => [decodeEntities(t)])),
          contentHtml: str(item.content_html) ?? (contentText && textToHtml(contentText)),
          summaryHtml: summary && escapeHtml(summary),
        };
      }),
  };
}

// --- discovery ------------------------------------------------------------------------------------

const FEED_TYPES = /^(application\/((rss|atom|feed)\+(xml|json)|(rdf\+)?xml|json)|text\/xml)\b/i;

function discover(html: string, url: string): FeedDiscovery {
  const doc = parseInert(html, 'text/html');
  const links = Array.from(doc.querySelectorAll('link[rel~=alternate i][href]')).filter((l) => FEED_TYPES.test(typeOf(l)));
  const href = (links.find((l) => /atom|rss/i.test(typeOf(l))) ?? links[0])?.getAttribute('href');
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
