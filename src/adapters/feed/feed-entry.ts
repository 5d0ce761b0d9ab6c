/**
 * What every feed format is read into, a {@link ParsedFeed} of {@link FeedEntry} objects, and what its
 * readers (rss.ts, atom.ts, json-feed.ts) derive the same way.
 */
import type { About, Article } from '../../core/model.js';
import { MagAdapterError } from '../../core/errors.js';
import { slugify } from '../../core/slugify.js';
import { htmlToText } from './html-text.js';
import type { EntryVideo } from './media-rss.js';

/**
 * An entry: the fields of the article it becomes (the adapter adds the feed's date to entries without
 * one, the neighbours and the home page), and what the adapter needs besides.
 */
export interface FeedEntry extends Omit<Article, 'published' | 'commentsOpen' | 'previous' | 'next' | 'homeUrl'> {
  published?: string;
  /** The plain text of the summary, else of the content: for excerpts (`bodyHtml` is the content, else the summary). */
  text: string;
  /** What `listRecent({ section })` matches, lowercased: each section's name, slug and term. */
  sectionKeys: string[];
  /** The entry this one answers (RFC 4685 `thr:in-reply-to`): its id, and its link when given. */
  inReplyTo?: { ref: string; href?: string };
  /** The entry's video (Media RSS, a video enclosure, a JSON Feed attachment). */
  video?: EntryVideo;
}

export interface ParsedFeed {
  /** The feed's URL, after redirects: relative links resolve against it. */
  url: string;
  updated?: string;
  /** The about box: the feed's title, description, image and home page. */
  about: About;
  /** Newest first (sorted by the adapter). */
  entries: FeedEntry[];
}

/** A category of an entry: its name as plain text, and its `term` (Atom) when it has one. */
export interface Category {
  name: string;
  term?: string;
}

/** The `invalid-data` error of a document at `url` that is not a feed we can read: "The feed at <url> is <problem>." */
export const invalidFeed = (url: string, problem: string, cause?: unknown): MagAdapterError =>
  new MagAdapterError('invalid-data', `The feed at ${url} is ${problem}.`, { problems: [problem], cause });

/** `href` resolved against `base`; undefined when it is not a string, blank or not a valid URL. */
export function absoluteUrl(href: unknown, base?: string): string | undefined {
  try {
    return typeof href === 'string' && href.trim() ? new URL(href, base).href : undefined;
  } catch {
    // not a valid URL: undefined
  }
}

/** A date as ISO 8601; undefined when `value` is not a string or not a date. */
export function isoDate(value: unknown): string | undefined {
  const date = new Date(typeof value === 'string' ? value.trim() : NaN);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The last segment of a link's path, decoded (as it is when its %-escapes are malformed); undefined when the path has none. */
function slugOf(link: string): string | undefined {
  const segment = new URL(link).pathname.split('/').filter(Boolean).pop();
  try {
    return segment && decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The fields every format derives the same way: the link (absolute) and its slug, the sections and the
 * keys `listRecent({ section })` matches, the body (the content, else the summary) and the text of
 * excerpts (the summary's, else the content's).
 */
export function entryFields(
  link: string | undefined,
  categories: Category[],
  contentHtml: string,
  summaryHtml: string,
): Pick<FeedEntry, 'url' | 'slug' | 'sections' | 'sectionKeys' | 'bodyHtml' | 'text'> {
  return {
    url: link,
    slug: link && slugOf(link),
    bodyHtml: contentHtml || summaryHtml,
    text: htmlToText(summaryHtml || contentHtml),
    sections: [...new Set(categories.map((category) => category.name).filter(Boolean))].map((name) => ({ name })),
    // the names, the slugs WordPress would make of them ("Science & Tech" → science-tech) and the terms
    sectionKeys: categories.flatMap(({ name, term = '' }) => [name, slugify(name), term]).map((key) => key.toLowerCase()),
  };
}

/** The about box of a feed: its title, description (HTML), image and home page. */
export const aboutBox = (name: string, bioHtml: string, photoUrl?: string, contactUrl?: string): About => ({
  name,
  bioHtml,
  photoUrl,
  photoAlt: photoUrl && name,
  contactUrl,
});
