/**
 * What the XML formats share (RSS in rss.ts, Atom in atom.ts): finding child elements by namespace and
 * name, resolving links against `xml:base`, reading dates, and the extension elements that either
 * format may carry: Atom links (in RSS too), and where an entry's comments are (RFC 4685 threading,
 * `wfw:commentRss`, `slash:comments`).
 */
import type { FeedEntry } from './feed-entry.js';
import { absoluteUrl, isoDate } from './feed-entry.js';

export const ATOM = 'http://www.w3.org/2005/Atom';
export const DUBLIN_CORE = 'http://purl.org/dc/elements/1.1/';
/** `content:encoded`: an entry's full content as HTML. */
export const CONTENT_MODULE = 'http://purl.org/rss/1.0/modules/content/';
/** `wfw:commentRss`: the RSS feed of an entry's comments. */
const WELL_FORMED_WEB = 'http://wellformedweb.org/CommentAPI/';
/** `slash:comments`: how many comments an entry has. */
const SLASH_MODULE = 'http://purl.org/rss/1.0/modules/slash/';
/** RFC 4685: `thr:in-reply-to`, `thr:total`, and the `thr:count` of a replies link. */
const THREADING = 'http://purl.org/syndication/thread/1.0';

/** The child elements of `parent` named `localName` in `namespace` (null: no namespace), in document order. */
export function childElements(parent: Element | undefined, namespace: string | null, localName: string): Element[] {
  return parent ? [...parent.children].filter((child) => child.localName === localName && child.namespaceURI === namespace) : [];
}

/** The first child element of `parent` named `localName` in `namespace`. */
export const childElement = (parent: Element | undefined, namespace: string | null, localName: string): Element | undefined =>
  childElements(parent, namespace, localName)[0];

/** The trimmed text of an element; '' when it is missing. */
export const textOf = (element: Element | undefined): string => (element?.textContent ?? '').trim();

/** The first of `elements` whose text is a date, as ISO 8601. */
export const firstDate = (elements: Element[]): string | undefined => elements.map((element) => isoDate(element.textContent)).find(Boolean);

/** Resolves `href`, a link found on `element`, to an absolute URL (undefined when it is missing or not a valid URL). */
export type LinkResolver = (href: string | null | undefined, element: Element | undefined) => string | undefined;

/** Resolves the links of the feed at `feedUrl`: each against the `xml:base` attributes around it, from the feed's URL. */
export function linkResolver(feedUrl: string): LinkResolver {
  return (href, element) => {
    const bases: (string | null)[] = [];
    for (let node = element; node; node = node.parentElement ?? undefined) bases.push(node.getAttribute('xml:base'));
    // the outermost first: each xml:base is relative to the one around it
    return absoluteUrl(href, bases.reduceRight<string>((base, xmlBase) => absoluteUrl(xmlBase, base) ?? base, feedUrl));
  };
}

/** The media type of an Atom link; a link without one is taken for a page. */
export const linkType = (link: Element): string => link.getAttribute('type') ?? 'text/html';

/**
 * The Atom `link` child of `parent` with this `rel` (no `rel` means `alternate`) whose type the first
 * of `preferredTypes` accepts, else the second, and so on.
 */
export function atomLink(parent: Element, rel: string, preferredTypes: ((type: string) => boolean)[]): Element | undefined {
  const links = childElements(parent, ATOM, 'link').filter((link) => (link.getAttribute('rel') ?? 'alternate') === rel);
  for (const accepts of preferredTypes) {
    const link = links.find((candidate) => accepts(linkType(candidate)));
    if (link) return link;
  }
}

/** The page of an Atom feed or entry (also in RSS): its `alternate` link, an HTML one first, resolved. */
export function alternateLink(parent: Element, resolve: LinkResolver): string | undefined {
  const link = atomLink(parent, 'alternate', [(type) => type.includes('html'), () => true]);
  return resolve(link?.getAttribute('href'), link);
}

/** The types of a comment feed, the preferred first: Atom, then RSS or JSON Feed, then any type but a page's (HTML). */
const COMMENT_FEED_TYPES = [
  (type: string) => type.includes('atom+xml'),
  (type: string) => /(rss|rdf)\+xml|feed\+json/.test(type),
  (type: string) => !type.includes('html'),
];

/**
 * Where an entry's comments are, how many there are, and which entry it answers, from the extension
 * elements of either format: the comment feed is an Atom `link rel="replies"` (RFC 4685), else
 * `wfw:commentRss` (an RSS feed); the count is that link's `thr:count`, else `thr:total`, else
 * `slash:comments`; the entry answered is `thr:in-reply-to`.
 */
export function commentFields(
  entry: Element,
  resolve: LinkResolver,
): Pick<FeedEntry, 'commentFeedUrl' | 'commentFeedType' | 'commentCount' | 'inReplyTo'> {
  const repliesLink = atomLink(entry, 'replies', COMMENT_FEED_TYPES);
  const commentRss = resolve(textOf(childElement(entry, WELL_FORMED_WEB, 'commentRss')), entry);
  const count =
    repliesLink?.getAttributeNS(THREADING, 'count') || textOf(childElement(entry, THREADING, 'total')) || textOf(childElement(entry, SLASH_MODULE, 'comments'));
  const inReplyTo = childElement(entry, THREADING, 'in-reply-to');
  const ref = inReplyTo?.getAttribute('ref');
  return {
    commentFeedUrl: repliesLink ? resolve(repliesLink.getAttribute('href'), repliesLink) : commentRss,
    commentFeedType: repliesLink ? linkType(repliesLink) : commentRss && 'application/rss+xml',
    commentCount: /^\d+$/.test(count) ? Number(count) : undefined,
    inReplyTo: ref ? { ref, href: resolve(inReplyTo!.getAttribute('href'), inReplyTo) } : undefined,
  };
}
