/**
 * Parses RSS 2.0 (and RSS 1.0/RDF), Atom 1.0 and JSON Feed 1.x documents into one neutral shape,
 * with the browser's `DOMParser` (`application/xml`). Used by {@link FeedAdapter}.
 */
import type { About, Article, Person } from '../../core/model.js';
import { MagAdapterError } from '../../core/errors.js';
import { parseInert } from '../../core/inert.js';
import { slugify } from '../../core/slugify.js';
import { decodeEntities, escapeHtml, htmlToText, squash, textToHtml } from './html-text.js';

const ATOM = 'http://www.w3.org/2005/Atom';
const THR = 'http://purl.org/syndication/thread/1.0';
/** The namespaces of the prefixes used in element lookups (`dc:date`, `a:link`). */
const NS: Record<string, string> = {
  a: ATOM,
  r: 'http://purl.org/rss/1.0/',
  thr: THR,
  dc: 'http://purl.org/dc/elements/1.1/',
  wfw: 'http://wellformedweb.org/CommentAPI/',
  content: 'http://purl.org/rss/1.0/modules/content/',
  slash: 'http://purl.org/rss/1.0/modules/slash/',
  x: 'http://www.w3.org/1999/xhtml',
};

/**
 * An entry: the fields of the article it becomes (the adapter adds the feed's date to entries without
 * one, the neighbours and the home page), and what the adapter needs besides.
 */
export interface FeedEntry extends Omit<Article, 'published' | 'commentsOpen' | 'previous' | 'next' | 'homeUrl'> {
  published?: string;
  /** The plain text of the summary, else of the content: for excerpts (`bodyHtml` is the content, else the summary). */
  text: string;
  /** What `listRecent({ section })` matches, lowercased: each section's name, slug and term. */
  keys: string[];
  /** RFC 4685 `thr:in-reply-to`: its `ref` and `href`. */
  reply?: [ref: string, href?: string];
}

export interface ParsedFeed {
  url: string;
  updated?: string;
  /** The about box: the feed's title, description, image and home page. */
  about: About;
  /** Newest first (sorted by the adapter). */
  entries: FeedEntry[];
}

/** The `invalid-data` error of a document at `url` that is not a feed we can read: "The feed at <url> is <problem>." */
export const invalid = (url: string, problem: string, cause?: unknown): MagAdapterError =>
  new MagAdapterError('invalid-data', `The feed at ${url} is ${problem}.`, { problems: [problem], cause });

/**
 * Parses a fetched document; `url` is its final URL (relative links resolve against it). For an HTML
 * page, the URL of the feed it links with `<link rel="alternate">`.
 */
export function parseFeed(text: string, contentType: string, url: string): ParsedFeed | string {
  const start = text.trimStart(); // also drops a byte order mark
  if (start[0] === '{' || /json/i.test(contentType)) return parseJsonFeed(start, url);
  if (/^text\/html/i.test(contentType) || /^<(!doctype )?html[\s>]/i.test(start)) return discover(start, url);
  const doc = parseInert(start, 'application/xml');
  const error = doc.querySelector('parsererror');
  // Chromium puts the reason (with its line and column) in a <div>
  if (error) throw invalid(url, `not well-formed XML (${squash((error.querySelector('div') ?? error).textContent)})`);
  return parseXml(doc.documentElement, url);
}

// --- helpers --------------------------------------------------------------------------------------

/** `href` resolved against `base`; undefined when it is not a string, blank or not a valid URL. */
export function absolute(href: unknown, base?: string): string | undefined {
  try {
    return typeof href === 'string' && href.trim() ? new URL(href, base).href : undefined;
  } catch {
    // not a valid URL: undefined
  }
}

/** A date as ISO 8601; undefined when it is not a string or not a date (toISOString() throws for an invalid date). */
function isoDate(value: unknown): string | undefined {
  try {
    return new Date(str(value)).toISOString();
  } catch {
    // not a date: undefined
  }
}

/**
 * What an entry of any format has: the link and its slug (last path segment), the sections and their
 * keys, the body (the content, else the summary) and the summary's text (else the content's).
 */
function common(
  link: string | undefined,
  categories: string[][],
  content: string,
  summary: string,
): Pick<FeedEntry, 'url' | 'slug' | 'sections' | 'keys' | 'bodyHtml' | 'text'> {
  let slug = link && new URL(link).pathname.split('/').filter(Boolean).pop();
  try {
    slug &&= decodeURIComponent(slug);
  } catch {
    // a malformed %-sequence: the slug stays encoded
  }
  return {
    url: link,
    slug,
    bodyHtml: content || summary,
    text: htmlToText(summary || content),
    // categories are [name, term] pairs; a name is one section
    sections: [...new Set(categories.map(([name]) => name).filter(Boolean))].map((name) => ({ name })),
    // what listRecent({ section }) matches: the names, the slugs WordPress would make ("Science & Tech" →
    // science-tech) and the terms, lowercased
    keys: categories
      .flatMap(([name, term = '']) => [name, slugify(name), term])
      .map((key) => key.toLowerCase()),
  };
}

/** The about box: the feed's title, description (HTML), image and home page. */
const about = (name: string, bioHtml: string, photoUrl?: string, contactUrl?: string): About => ({
  name,
  bioHtml,
  photoUrl,
  photoAlt: photoUrl && name,
  contactUrl,
});

// --- RSS 2.0, RSS 1.0 and Atom 1.0 --------------------------------------------------------------

/**
 * The child elements named `names` (space-separated: those of the first name first). A prefixed name
 * (`dc:date`) is in the namespace of its prefix in {@link NS}; an unprefixed one is in the parent's
 * namespace (RSS 2.0: none; Atom; RSS 1.0).
 */
function kids(el: Element | undefined, names: string): Element[] {
  return names.split(' ').flatMap((name) => {
    const [local, prefix] = name.split(':').reverse();
    const namespace = prefix ? NS[prefix] : el?.namespaceURI;
    return el ? [...el.children].filter((c) => c.localName === local && c.namespaceURI === namespace) : [];
  });
}

/** The first child element named (one of) `names`. */
const kid = (el: Element | undefined, names: string): Element | undefined => kids(el, names)[0];

/** An attribute (of an element that may be missing). */
const attr = (el: Element | null | undefined, name: string): string | null | undefined => el?.getAttribute(name);

/** The trimmed text of `el`, or of its first child named (one of) `names`. */
const text = (el: Element | undefined, names?: string): string => ((names ? kid(el, names) : el)?.textContent ?? '').trim();

const count = (value: string): number | undefined => (/^\d+$/.test(value) ? Number(value) : undefined);

/**
 * The name in an RSS 2.0 `author`, an email address with the name in parentheses at its end:
 * "owner@example.com (Ella Fitzgerald)" → "Ella Fitzgerald"; an author without them stays as it is.
 */
function rssAuthorName(author: string): string {
  const open = author.lastIndexOf('(');
  const name = open >= 0 && author.endsWith(')') ? author.slice(open + 1, -1) : '';
  return name && !name.includes(')') ? name : author;
}

/** The first of the children named `names` whose text is a date, as ISO 8601. */
const date = (el: Element, names: string): string | undefined => kids(el, names).map((c) => isoDate(c.textContent)).find(Boolean);

/**
 * RSS 2.0, RSS 1.0 and Atom, read with one set of lookups: their elements differ by name (RSS `guid`,
 * Atom `id`; `pubDate`, `published`…) and {@link kids} looks a name up in its parent's namespace,
 * so the names of the other format find nothing.
 */
function parseXml(root: Element, url: string): ParsedFeed {
  const name = root.localName;
  const atom = name === 'feed' && root.namespaceURI === ATOM;
  if (!atom && !/^(rss|RDF)$/.test(name)) throw invalid(url, `not RSS or Atom (root element <${name}>)`);
  // the RSS 1.0 elements are in their own namespace, their root rdf:RDF in RDF's
  const head = atom ? root : kid(root, 'channel r:channel');
  if (!head) throw invalid(url, 'RSS without a <channel>');

  /** The base URL of an element: its `xml:base` chain, from the document's URL. */
  const baseOf = (el: Element | null | undefined): string => {
    const parent = el ? baseOf(el.parentElement) : url;
    return absolute(attr(el, 'xml:base'), parent) ?? parent;
  };
  const resolve = (href: string | null | undefined, el: Element | undefined) => absolute(href, baseOf(el));
  /** The resolved `href` of a link (undefined without one). */
  const target = (link: Element | undefined) => resolve(attr(link, 'href'), link);

  /** An Atom text construct (`type` text, html or xhtml) as HTML ('' when missing); RSS elements hold HTML. */
  const html = (el: Element | undefined): string => {
    const type = attr(el, 'type') ?? (atom ? 'text' : 'html');
    // the content of its xhtml <div>, imported into an (inert) HTML document so that it serializes as HTML (no xmlns attributes)
    if (type === 'xhtml') return parseInert('', 'text/html').importNode(kid(el, 'x:div') ?? el!, true).innerHTML.trim();
    // html, or Atom 0.3's text/html (xhtml is above)
    return /html$/i.test(type) ? text(el) : textToHtml(text(el));
  };
  /** A title as plain text: an Atom text construct by its type, an RSS title with its entities decoded (even double-escaped). */
  const plain = (el: Element | undefined): string =>
    !atom ? decodeEntities(text(el)) : /html$/i.test(attr(el, 'type') ?? '') ? htmlToText(html(el)) : squash(text(el));
  const person = (el: Element | undefined): Person | undefined => {
    const name = text(el, 'name');
    return name ? { name: decodeEntities(name), url: resolve(text(el, 'uri'), el) } : undefined;
  };
  const typeOf = (link: Element): string => attr(link, 'type') ?? 'text/html';
  /**
   * The Atom link of `el` with this `rel` (no `rel` is `alternate`) whose type matches the first of
   * `types` that one matches (the preferred types first).
   */
  const best = (el: Element, rel: string, types: RegExp[]): Element | undefined => {
    const links = kids(el, 'a:link').filter((l) => (attr(l, 'rel') ?? 'alternate') === rel);
    return types.map((type) => links.find((l) => type.test(typeOf(l)))).find(Boolean);
  };
  /** The page of a channel, feed, item or entry: RSS `link` (RSS 1.0 `rdf:about`), else the Atom `alternate` link, an HTML one first. */
  const page = (el: Element): string | undefined =>
    resolve(text(el, 'link') || attr(el, 'rdf:about'), el) ?? target(best(el, 'alternate', [/html/, /^/]));

  const feedAuthor = person(kid(head, 'author'));
  // RSS 2.0 has its image and items in the channel, RSS 1.0 next to it (Atom: the head is the root)
  const image = kid(head, 'image') ?? kid(root, 'r:image');
  const entries = [...kids(head, 'item entry'), ...kids(root, 'r:item')];
  return {
    url,
    updated: date(head, 'lastBuildDate dc:date updated'),
    about: about(
      plain(kid(head, 'title')),
      atom ? html(kid(head, 'subtitle')) : textToHtml(decodeEntities(htmlToText(text(head, 'description')))),
      resolve(text(image, 'url') || attr(image, 'rdf:resource') || text(head, 'logo icon'), image ?? head),
      page(head),
    ),
    entries: entries.map((e, index) => {
      const link = page(e);
      // the comment feed: an Atom one first, else RSS or JSON Feed, else any other type but a page (HTML,
      // the type of untyped links); else wfw:commentRss
      const feedReplies = best(e, 'replies', [/atom\+xml/, /(rss|rdf)\+xml|feed\+json/, /^(?!.*html)/]);
      const commentRss = resolve(text(e, 'wfw:commentRss'), e);
      const content = kid(e, 'content');
      const reply = kid(e, 'thr:in-reply-to');
      const ref = attr(reply, 'ref');
      const creator = text(e, 'dc:creator') || (atom ? '' : rssAuthorName(text(e, 'author')));
      return {
        id: text(e, 'guid id') || link || `${url}#item-${index}`,
        title: plain(kid(e, 'title')),
        published: date(e, 'pubDate dc:date published updated'),
        updated: date(e, 'updated'),
        author: person(kid(e, 'author')) ?? (creator ? { name: decodeEntities(creator) } : feedAuthor),
        ...common(
          link,
          // RSS: the category's text; Atom: its label, else its term
          kids(e, 'category dc:subject').map((c) => {
            const term = attr(c, 'term') ?? '';
            return [decodeEntities(attr(c, 'label') || term || text(c)), term];
          }),
          // Atom content with `src` is out of line: not in the feed
          text(e, 'content:encoded') || (attr(content, 'src') ? '' : html(content)),
          html(kid(e, 'description summary')),
        ),
        commentFeedUrl: feedReplies ? target(feedReplies) : commentRss,
        commentFeedType: feedReplies ? typeOf(feedReplies) : commentRss && 'application/rss+xml',
        commentCount: count(feedReplies?.getAttributeNS(THR, 'count') || text(e, 'thr:total slash:comments')),
        reply: ref ? [ref, target(reply)] : undefined,
      };
    }),
  };
}

// --- JSON Feed 1.x --------------------------------------------------------------------------------

type Json = Record<string, unknown>;

/** A string member, trimmed ('' for anything else). */
const str = (x: unknown): string => (typeof x === 'string' ? x.trim() : '');
/** A string member as plain text, its entities decoded. */
const plainStr = (x: unknown): string => decodeEntities(str(x));

function parseJsonFeed(source: string, url: string): ParsedFeed {
  let data: Json;
  try {
    data = JSON.parse(source) as Json;
  } catch (e) {
    throw invalid(url, `not valid JSON (${(e as Error).message})`, e);
  }
  if (!str(data?.version).startsWith('https://jsonfeed.org/version/') || !Array.isArray(data.items)) {
    throw invalid(url, 'not a JSON Feed (version or items missing)');
  }
  const abs = (u: unknown) => absolute(u, url);
  /** The first of `authors`, else `author` (JSON Feed 1.0). */
  const person = (o: Json): Person | undefined => {
    const a = ((o.authors as Json[] | undefined) ?? [o.author])[0] as Json | undefined;
    const name = plainStr(a?.name);
    return name ? { name, url: abs(a!.url), avatarUrl: abs(a!.avatar) } : undefined;
  };
  const feedAuthor = person(data);
  return {
    url,
    about: about(plainStr(data.title), textToHtml(plainStr(data.description)), abs(data.icon) ?? abs(data.favicon), abs(data.home_page_url)),
    entries: (data.items as Json[])
      .filter((i) => i && typeof i === 'object')
      .map((item, index) => {
        const link = abs(item.url);
        return {
          id: (typeof item.id === 'number' ? String(item.id) : str(item.id)) || link || `${url}#item-${index}`,
          title: plainStr(item.title),
          published: isoDate(item.date_published) ?? isoDate(item.date_modified),
          updated: isoDate(item.date_modified),
          author: person(item) ?? feedAuthor,
          ...common(
            link,
            (Array.isArray(item.tags) ? item.tags : []).map((t) => [plainStr(t)]),
            str(item.content_html) || textToHtml(str(item.content_text)),
            escapeHtml(str(item.summary)), // plain text
          ),
        };
      }),
  };
}

// --- discovery ------------------------------------------------------------------------------------

/** The types of feed links: application/rss+xml, atom+xml, feed+json, rdf+xml, xml or json, and text/xml. */
const FEED_TYPES = /^(application\/((rss|atom|feed|rdf)\+)?(xml|json)|text\/xml)\b/i;

function discover(html: string, url: string): string {
  const doc = parseInert(html, 'text/html');
  const links = [...doc.querySelectorAll<HTMLLinkElement>('link[rel~=alternate i][href]')].filter((l) => FEED_TYPES.test(l.type));
  // resolved against the page's <base>, itself resolved against the page's URL
  const base = absolute(doc.querySelector('base[href]')?.getAttribute('href'), url);
  const feed = absolute((links.find((l) => /atom|rss/i.test(l.type)) ?? links[0])?.getAttribute('href'), base ?? url);
  if (!feed) throw invalid(url, 'an HTML page that links no feed');
  return feed;
}
