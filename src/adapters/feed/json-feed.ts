/**
 * Reads JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1): the feed's `title`, `description`,
 * `icon` / `favicon`, `home_page_url`, `authors` (1.0: `author`) and `items`, each with `id`, `url`,
 * `title`, `content_html` / `content_text`, `summary` (plain text), `date_published`, `date_modified`,
 * `authors` / `author`, `tags`, and `attachments`, whose first of a video type is the item's video
 * (with the item's `image` as its thumbnail).
 */
import type { Person } from '../../core/model.js';
import type { ParsedFeed } from './feed-entry.js';
import { aboutBox, absoluteUrl, entryFields, invalidFeed, isoDate } from './feed-entry.js';
import { decodeEntities, escapeHtml, textToHtml } from './html-text.js';

type JsonObject = Record<string, unknown>;

/** A member that is a string, trimmed; '' for anything else. */
const stringMember = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** A member that is a string, as plain text (entities decoded); '' for anything else. */
const textMember = (value: unknown): string => decodeEntities(stringMember(value));

/** Reads the JSON Feed `source`, fetched from `url`. */
export function readJsonFeed(source: string, url: string): ParsedFeed {
  let feed: JsonObject;
  try {
    feed = JSON.parse(source) as JsonObject;
  } catch (error) {
    throw invalidFeed(url, `not valid JSON (${(error as Error).message})`, error);
  }
  if (!stringMember(feed?.version).startsWith('https://jsonfeed.org/version/') || !Array.isArray(feed.items)) {
    throw invalidFeed(url, 'not a JSON Feed (version or items missing)');
  }
  const resolve = (href: unknown) => absoluteUrl(href, url);
  /** The first of the `authors` of a feed or item, else its `author` (JSON Feed 1.0). */
  const authorOf = (object: JsonObject): Person | undefined => {
    const author = ((object.authors as JsonObject[] | undefined) ?? [object.author])[0] as JsonObject | undefined;
    const name = textMember(author?.name);
    return name ? { name, url: resolve(author!.url), avatarUrl: resolve(author!.avatar) } : undefined;
  };
  const feedAuthor = authorOf(feed);

  return {
    url,
    about: aboutBox(
      textMember(feed.title),
      textToHtml(textMember(feed.description)),
      resolve(feed.icon) ?? resolve(feed.favicon),
      resolve(feed.home_page_url),
    ),
    entries: (feed.items as unknown[])
      .filter((item): item is JsonObject => !!item && typeof item === 'object')
      .map((item, index) => {
        const link = resolve(item.url);
        const attachment = (Array.isArray(item.attachments) ? (item.attachments as JsonObject[]) : []).find((candidate) => /^video\//i.test(stringMember(candidate?.mime_type)));
        const embedUrl = resolve(attachment?.url);
        const duration = Math.round(Number(attachment?.duration_in_seconds));
        return {
          id: (typeof item.id === 'number' ? String(item.id) : stringMember(item.id)) || link || `${url}#item-${index}`,
          title: textMember(item.title),
          published: isoDate(item.date_published) ?? isoDate(item.date_modified),
          updated: isoDate(item.date_modified),
          author: authorOf(item) ?? feedAuthor,
          ...entryFields(
            link,
            (Array.isArray(item.tags) ? item.tags : []).map((tag) => ({ name: textMember(tag) })),
            stringMember(item.content_html) || textToHtml(stringMember(item.content_text)),
            // the summary is plain text
            escapeHtml(stringMember(item.summary)),
          ),
          video: embedUrl
            ? { title: textMember(attachment!.title), embedUrl, thumbnailUrl: resolve(item.image), durationSeconds: duration >= 0 ? duration : undefined, provider: 'file' }
            : undefined,
        };
      }),
  };
}
