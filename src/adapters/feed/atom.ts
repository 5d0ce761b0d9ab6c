/**
 * Reads Atom 1.0 (RFC 4287). Every Atom element is in the Atom namespace: the `feed` (`title`,
 * `subtitle`, `logo`, `icon`, `author`, `updated`, `link`) and its `entry` elements (`id`, `title`,
 * `published`, `updated`, `author`, `category`, `content`, `summary`, `link`). Titles, subtitles,
 * contents and summaries are text constructs whose `type` says whether they hold text, HTML or XHTML;
 * links are `link` elements with a `rel` and a `type`; persons have a `name` and a `uri`.
 *
 * Dublin Core and `content:encoded` fill in what an entry lacks, xml-feed.ts reads where the comments
 * are, and media-rss.ts an entry's video.
 */
import type { Person } from '../../core/model.js';
import { parseInert } from '../../core/inert.js';
import type { Category, ParsedFeed } from './feed-entry.js';
import { aboutBox, entryFields } from './feed-entry.js';
import { decodeEntities, htmlToText, squash, textToHtml } from './html-text.js';
import { entryVideo } from './media-rss.js';
import {
  ATOM,
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

const XHTML = 'http://www.w3.org/1999/xhtml';

/** Whether a text construct's `type` is HTML: `html`, `xhtml`, or Atom 0.3's `text/html`. */
const isHtmlType = (type: string | null | undefined): boolean => !!type?.toLowerCase().endsWith('html');

/** A text construct as HTML ('' when it is missing): text (the default type) in escaped paragraphs, HTML as it is, XHTML serialized as HTML. */
function textConstructHtml(element: Element | undefined): string {
  const type = element?.getAttribute('type');
  if (type === 'xhtml') {
    // the content of its <div>, imported into an (inert) HTML document so that it serializes as HTML (no xmlns attributes)
    return parseInert('', 'text/html').importNode(childElement(element, XHTML, 'div') ?? element!, true).innerHTML.trim();
  }
  return isHtmlType(type) ? textOf(element) : textToHtml(textOf(element));
}

/** A text construct as plain text: HTML and XHTML without their markup, text with its whitespace collapsed. */
const textConstructText = (element: Element | undefined): string =>
  isHtmlType(element?.getAttribute('type')) ? htmlToText(textConstructHtml(element)) : squash(textOf(element));

/** Reads the Atom document whose root element is `feed`, fetched from `url`. */
export function readAtom(feed: Element, url: string): ParsedFeed {
  /** The Atom elements of `parent` named `name`. */
  const atomElements = (parent: Element, name: string) => childElements(parent, ATOM, name);
  /** The first Atom element of `parent` named `name`. */
  const atomElement = (parent: Element | undefined, name: string) => childElement(parent, ATOM, name);
  const resolve = linkResolver(url);

  /** A person (`author`): its `name`, entities decoded, and its `uri`. */
  const person = (element: Element | undefined): Person | undefined => {
    const name = textOf(atomElement(element, 'name'));
    return name ? { name: decodeEntities(name), url: resolve(textOf(atomElement(element, 'uri')), element) } : undefined;
  };
  const feedAuthor = person(atomElement(feed, 'author'));

  return {
    url,
    updated: firstDate([...atomElements(feed, 'updated'), ...childElements(feed, DUBLIN_CORE, 'date')]),
    about: aboutBox(
      textConstructText(atomElement(feed, 'title')),
      textConstructHtml(atomElement(feed, 'subtitle')),
      resolve(textOf(atomElement(feed, 'logo')) || textOf(atomElement(feed, 'icon')), feed),
      alternateLink(feed, resolve),
    ),
    entries: atomElements(feed, 'entry').map((entry, index) => {
      const link = alternateLink(entry, resolve);
      const content = atomElement(entry, 'content');
      const creator = textOf(childElement(entry, DUBLIN_CORE, 'creator'));
      const categories: Category[] = [
        // a category's `label` is for readers, its `term` for software: the label, else the term
        ...atomElements(entry, 'category').map((category) => {
          const term = category.getAttribute('term') ?? '';
          return { name: decodeEntities(category.getAttribute('label') || term), term };
        }),
        ...childElements(entry, DUBLIN_CORE, 'subject').map((subject) => ({ name: decodeEntities(textOf(subject)) })),
      ];
      return {
        id: textOf(atomElement(entry, 'id')) || link || `${url}#item-${index}`,
        title: textConstructText(atomElement(entry, 'title')),
        published: firstDate([...atomElements(entry, 'published'), ...atomElements(entry, 'updated'), ...childElements(entry, DUBLIN_CORE, 'date')]),
        updated: firstDate(atomElements(entry, 'updated')),
        author: person(atomElement(entry, 'author')) ?? (creator ? { name: decodeEntities(creator) } : feedAuthor),
        ...entryFields(
          link,
          categories,
          // content with `src` is elsewhere, not in the feed
          (content?.hasAttribute('src') ? '' : textConstructHtml(content)) || textOf(childElement(entry, CONTENT_MODULE, 'encoded')),
          textConstructHtml(atomElement(entry, 'summary')),
        ),
        ...commentFields(entry, resolve),
        video: entryVideo(entry, resolve),
      };
    }),
  };
}
