/**
 * Reads RSS 2.0 (and the RSS 0.9x it extends) and RSS 1.0 (RDF). Both name their own elements alike
 * and hold HTML in `description`; they differ in where the elements are and in what RSS 2.0 adds:
 *
 * | | RSS 2.0 | RSS 1.0 |
 * | --- | --- | --- |
 * | root | `<rss>` | `<rdf:RDF>` |
 * | namespace of its own elements | none (or the one its `<rss>` declares) | `http://purl.org/rss/1.0/` |
 * | items, image | inside the `channel` | beside the `channel`, in the root |
 * | page of the channel or an item | `link` | `link`, else the `rdf:about` attribute |
 * | image | `image` › `url` | the channel's `image rdf:resource`, else the root's `image` › `url` |
 * | id | `guid`, else the page | the page |
 * | date | `pubDate` (channel: `lastBuildDate`), else `dc:date` | `dc:date` |
 * | author | `dc:creator`, else `author` ("email (Name)") | `dc:creator` |
 * | sections | `category`, `dc:subject` | `dc:subject` |
 *
 * In both, `content:encoded` is the full content (`description` the summary), an Atom alternate link
 * is the page when `link` is missing, xml-feed.ts reads where the comments are, and media-rss.ts an
 * item's video.
 */
import type { Category, ParsedFeed } from './feed-entry.js';
import { aboutBox, entryFields, invalidFeed } from './feed-entry.js';
import { decodeEntities, htmlToText, textToHtml } from './html-text.js';
import { entryVideo } from './media-rss.js';
import {
  CONTENT_MODULE,
  DUBLIN_CORE,
  alternateLink,
  childElement,
  childElements,
  commentFields,
  firstDate,
  linkResolver,
  textOf,
} from './xml-feed.js';

const RSS_1 = 'http://purl.org/rss/1.0/';
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';

/**
 * The name in an RSS 2.0 `author`, an email address with the name in parentheses at its end:
 * "owner@example.com (Ella Fitzgerald)" → "Ella Fitzgerald"; an author without them stays as it is.
 */
function rssAuthorName(author: string): string {
  const open = author.lastIndexOf('(');
  const name = open >= 0 && author.endsWith(')') ? author.slice(open + 1, -1) : '';
  return name && !name.includes(')') ? name : author;
}

/** Reads an RSS document whose root element is `root` (`<rss>` or `<rdf:RDF>`), fetched from `url`. */
export function readRss(root: Element, url: string): ParsedFeed {
  const isRss1 = root.localName === 'RDF';
  const namespace = isRss1 ? RSS_1 : root.namespaceURI;
  /** The RSS elements of `parent` named `name`. */
  const rssElements = (parent: Element, name: string) => childElements(parent, namespace, name);
  /** The text of the first RSS element of `parent` named `name`. */
  const rssText = (parent: Element | undefined, name: string) => textOf(childElement(parent, namespace, name));
  const resolve = linkResolver(url);

  const channel = childElement(root, namespace, 'channel');
  if (!channel) throw invalidFeed(url, 'RSS without a <channel>');
  /** The page of the channel or of an item (see the table). */
  const pageOf = (element: Element) =>
    resolve(rssText(element, 'link') || (isRss1 ? element.getAttributeNS(RDF, 'about') : ''), element) ?? alternateLink(element, resolve);
  const image = childElement(channel, namespace, 'image') ?? (isRss1 ? childElement(root, namespace, 'image') : undefined);
  const imageUrl = rssText(image, 'url') || (isRss1 ? image?.getAttributeNS(RDF, 'resource') : '');

  return {
    url,
    updated: firstDate([...(isRss1 ? [] : rssElements(channel, 'lastBuildDate')), ...childElements(channel, DUBLIN_CORE, 'date')]),
    about: aboutBox(
      decodeEntities(rssText(channel, 'title')),
      // the description as text (markup dropped, entities decoded, even double-escaped ones), in paragraphs
      textToHtml(decodeEntities(htmlToText(rssText(channel, 'description')))),
      resolve(imageUrl, image),
      pageOf(channel),
    ),
    entries: rssElements(isRss1 ? root : channel, 'item').map((item, index) => {
      const link = pageOf(item);
      const creator = textOf(childElement(item, DUBLIN_CORE, 'creator')) || (isRss1 ? '' : rssAuthorName(rssText(item, 'author')));
      // names in text, their entities decoded (even double-escaped ones)
      const categories: Category[] = [...(isRss1 ? [] : rssElements(item, 'category')), ...childElements(item, DUBLIN_CORE, 'subject')].map(
        (category) => ({ name: decodeEntities(textOf(category)) }),
      );
      return {
        id: (isRss1 ? '' : rssText(item, 'guid')) || link || `${url}#item-${index}`,
        title: decodeEntities(rssText(item, 'title')),
        published: firstDate([...(isRss1 ? [] : rssElements(item, 'pubDate')), ...childElements(item, DUBLIN_CORE, 'date')]),
        author: creator ? { name: decodeEntities(creator) } : undefined,
        ...entryFields(link, categories, textOf(childElement(item, CONTENT_MODULE, 'encoded')), rssText(item, 'description')),
        ...commentFields(item, resolve),
        video: entryVideo(item, resolve, namespace),
      };
    }),
  };
}
