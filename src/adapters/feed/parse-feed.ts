/**
 * Reads a fetched document into a {@link ParsedFeed}, with the reader of its format: RSS 2.0 and RSS 1.0
 * (rss.ts), Atom 1.0 (atom.ts), JSON Feed 1.x (json-feed.ts); for an HTML page, finds the feed it links.
 * XML is parsed by the browser's `DOMParser` (`application/xml`) into an inert document. Used by
 * {@link FeedAdapter}.
 */
import { parseInert } from '../../core/inert.js';
import { readAtom } from './atom.js';
import type { ParsedFeed } from './feed-entry.js';
import { absoluteUrl, invalidFeed } from './feed-entry.js';
import { squash } from './html-text.js';
import { readJsonFeed } from './json-feed.js';
import { readRss } from './rss.js';
import { ATOM } from './xml-feed.js';

/**
 * Parses a fetched document; `url` is its final URL (relative links resolve against it). For an HTML
 * page, the URL of the feed it links with `<link rel="alternate">`.
 */
export function parseFeed(text: string, contentType: string, url: string): ParsedFeed | string {
  const source = text.trimStart(); // also drops a byte order mark
  if (source.startsWith('{') || /json/i.test(contentType)) return readJsonFeed(source, url);
  if (/^text\/html/i.test(contentType) || /^<(!doctype )?html[\s>]/i.test(source)) return linkedFeedUrl(source, url);
  const document = parseInert(source, 'application/xml');
  const error = document.querySelector('parsererror');
  // Chromium puts the reason (with its line and column) in a <div>
  if (error) throw invalidFeed(url, `not well-formed XML (${squash((error.querySelector('div') ?? error).textContent ?? '')})`);
  const root = document.documentElement;
  if (root.localName === 'feed' && root.namespaceURI === ATOM) return readAtom(root, url);
  if (root.localName === 'rss' || root.localName === 'RDF') return readRss(root, url);
  throw invalidFeed(url, `not RSS or Atom (root element <${root.localName}>)`);
}

/** The types of feed links: application/rss+xml, atom+xml, feed+json, rdf+xml, xml or json, and text/xml. */
const FEED_TYPES = /^(application\/((rss|atom|feed|rdf)\+)?(xml|json)|text\/xml)\b/i;

/** The feed an HTML page links with `<link rel="alternate">`: an RSS or Atom one first, else the first. */
function linkedFeedUrl(html: string, url: string): string {
  const page = parseInert(html, 'text/html');
  const links = [...page.querySelectorAll<HTMLLinkElement>('link[rel~=alternate i][href]')].filter((link) => FEED_TYPES.test(link.type));
  const link = links.find((candidate) => /atom|rss/i.test(candidate.type)) ?? links[0];
  // resolved against the page's <base>, itself resolved against the page's URL
  const base = absoluteUrl(page.querySelector('base[href]')?.getAttribute('href'), url) ?? url;
  const feed = absoluteUrl(link?.getAttribute('href'), base);
  if (!feed) throw invalidFeed(url, 'an HTML page that links no feed');
  return feed;
}
