/**
 * Reads the video of an RSS item or an Atom entry: Media RSS (https://www.rssboard.org/media-rss),
 * whose elements may be in the entry or in a `media:group` (YouTube's feeds): the first `media:content`
 * that is a video (`medium="video"`, a `video/*` type, or a Flash player's address), its
 * `media:player`, `media:thumbnail` and `media:title`; else an enclosure of a video type (RSS
 * `<enclosure>`, Atom `<link rel="enclosure">`). The entry gives the video its id, page and date.
 */
import type { Video } from '../../core/model.js';
import { htmlToText } from './html-text.js';
import { ATOM, childElements, textOf } from './xml-feed.js';
import type { LinkResolver } from './xml-feed.js';

const MEDIA = 'http://search.yahoo.com/mrss/';

/** What an entry's video adds to the entry: how it plays, its thumbnail and length, and its own title. */
export type EntryVideo = Pick<Video, 'embedUrl' | 'thumbnailUrl' | 'durationSeconds' | 'provider'> & { title: string };

const isVideoType = (type: string | null): boolean => /^video\//i.test(type ?? '');

/**
 * The video of `entry` (an RSS `item` or an Atom `entry`), or undefined when it has none. `rss` is the
 * namespace of the RSS elements (for `<enclosure>`), when the entry is an RSS item.
 */
export function entryVideo(entry: Element, resolve: LinkResolver, rss?: string | null): EntryVideo | undefined {
  const scopes = [entry, ...childElements(entry, MEDIA, 'group')];
  const content = scopes
    .flatMap((scope) => childElements(scope, MEDIA, 'content'))
    .find((candidate) => {
      const type = candidate.getAttribute('type');
      return candidate.getAttribute('medium') === 'video' || isVideoType(type) || type === 'application/x-shockwave-flash';
    });
  /** The first Media RSS element named `name`: in the video's `media:content`, else in the entry or its groups. */
  const media = (name: string) => [content, ...scopes].flatMap((scope) => (scope ? childElements(scope, MEDIA, name) : []))[0];
  const player = media('player');
  const enclosure = [
    ...(rss === undefined ? [] : childElements(entry, rss, 'enclosure')),
    ...childElements(entry, ATOM, 'link').filter((link) => link.getAttribute('rel') === 'enclosure'),
  ].find((candidate) => isVideoType(candidate.getAttribute('type')));
  const source = player ?? content ?? enclosure;
  const embedUrl = resolve(source?.getAttribute('url') ?? source?.getAttribute('href'), source);
  if (!embedUrl) return undefined;
  // A file the browser plays: a video/* content or enclosure (a content that only says it is a video is one too).
  const file = !player && (source === enclosure || isVideoType(content!.getAttribute('type')) || !content!.hasAttribute('type'));
  const title = media('title');
  const thumbnail = media('thumbnail');
  const duration = Math.round(Number(content?.getAttribute('duration') ?? NaN));
  return {
    title: title?.getAttribute('type') === 'html' ? htmlToText(textOf(title)) : textOf(title),
    embedUrl,
    thumbnailUrl: resolve(thumbnail?.getAttribute('url'), thumbnail),
    durationSeconds: duration >= 0 ? duration : undefined,
    provider: file ? 'file' : undefined,
  };
}
