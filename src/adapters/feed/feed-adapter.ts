import type {
  About,
  Article,
  ArticleLink,
  ArticleSummary,
  Comment,
  CommentPage,
  ListCommentsOptions,
  ListRecentOptions,
  ListVideosOptions,
  MagAdapter,
  RequestOptions,
  Video,
} from '../../core/model.js';
import { fetchError, MagAdapterError, throwIfAborted, untilAborted } from '../../core/errors.js';
import { withoutTrailingSlashes } from '../../core/trim-end.js';
import type { FeedEntry, ParsedFeed } from './feed-entry.js';
import { absoluteUrl, invalidFeed } from './feed-entry.js';
import { truncateText } from './html-text.js';
import { parseFeed } from './parse-feed.js';

/** Options of {@link FeedAdapter}. */
export interface FeedAdapterOptions {
  /** The feed (RSS 2.0, Atom 1.0 or JSON Feed), or an HTML page that links one with `<link rel="alternate">`. */
  url: string;
  /** The `fetch` to use (default: the global one). */
  fetch?: typeof fetch;
}

/** The date of an entry without one, and of a feed without any. */
const EPOCH = new Date(0).toISOString();

/**
 * A read-only adapter fed by a syndication feed: RSS 2.0, Atom 1.0 or JSON Feed 1.1, parsed in the
 * browser. Articles are the feed's entries (full content where the feed has it), sections come from
 * categories, previous / next follow the entries' dates, and comments come from each entry's comment
 * feed (`wfw:commentRss` or Atom `link rel="replies"`), threaded with `thr:in-reply-to` (RFC 4685).
 *
 * ```ts
 * const adapter = new FeedAdapter({ url: 'https://example.com/feed/' });
 * const recent = await adapter.listRecent({ limit: 3 });
 * ```
 *
 * Videos are the entries that have one (Media RSS, video enclosures, JSON Feed attachments).
 *
 * The feed is fetched once per adapter instance and cached. It cannot post comments or subscribe
 * (`commentsOpen` is always false). The feed server must send `Access-Control-Allow-Origin`.
 * Every failure rejects with a {@link MagAdapterError}.
 */
export class FeedAdapter implements MagAdapter {
  private readonly _url: string;
  private readonly _fetch?: typeof fetch;
  /** The feed of `_url`, loading or loaded; unset again when its load fails. */
  private _feed?: Promise<ParsedFeed>;

  constructor(options: FeedAdapterOptions) {
    if (!options?.url) throw new TypeError('FeedAdapter needs a feed `url`.');
    this._url = new URL(options.url, globalThis.location?.href).href;
    this._fetch = options.fetch;
  }

  /** `ref` is the entry's id (`id` / `guid`), its link, or its slug (the link's last path segment). */
  async getArticle(ref: string, opts: RequestOptions = {}): Promise<Article> {
    const feed = await this._load(opts);
    const entry = findEntry(feed, ref);
    // newest first: the previous article is the next entry
    const position = feed.entries.indexOf(entry);
    // the entry without what only the adapter uses
    const { sectionKeys: _sectionKeys, text: _text, inReplyTo: _inReplyTo, video: _video, ...article } = entry;
    return {
      ...article,
      ...summaryOf(entry, feed),
      commentsOpen: false,
      previous: linkTo(feed.entries[position + 1]),
      next: linkTo(feed.entries[position - 1]),
      homeUrl: feed.about.contactUrl,
    };
  }

  /**
   * The comments of an article, from its comment feed, oldest first and threaded by
   * `thr:in-reply-to` (or WordPress's "In reply to" links in RSS comment feeds). One page.
   */
  async listComments(articleId: string, opts: ListCommentsOptions = {}): Promise<CommentPage> {
    const article = findEntry(await this._load(opts), articleId);
    const entries = article.commentFeedUrl ? (await this._fetchFeed(article.commentFeedUrl, opts.signal)).entries : [];
    // a reply names its parent by id or by link
    const commentIds = new Map(entries.flatMap((entry): [string, string][] => [[entry.id, entry.id], [entry.url ?? entry.id, entry.id]]));
    const idOf = (ref: string | undefined) => (ref === undefined ? undefined : commentIds.get(ref));
    // oldest first
    const comments = entries.reverse().map((entry): Comment => {
      const { ref, href } = entry.inReplyTo ?? {};
      const sentence = inReplyToParagraph(entry.bodyHtml);
      const parentBySentence = idOf(sentence?.link);
      // a reply to the article itself is a top-level comment
      const parentId = (ref !== article.id && idOf(ref)) || idOf(href) || parentBySentence;
      return {
        id: entry.id,
        parentId: parentId !== entry.id ? parentId : undefined,
        author: entry.author ?? { name: entry.title.replace(/^(By|Comment from):?\s*/i, '') || undefined },
        published: entry.published ?? EPOCH,
        // once the comment is threaded by it, the "In reply to" sentence goes
        bodyHtml: sentence && parentBySentence && parentId === parentBySentence ? entry.bodyHtml.slice(sentence.length) : entry.bodyHtml,
        status: 'approved',
      };
    });
    return { comments, total: comments.length };
  }

  async listRecent(opts: ListRecentOptions = {}): Promise<ArticleSummary[]> {
    const feed = await this._load(opts);
    const wanted = opts.section?.trim().toLowerCase();
    const entries = feed.entries.filter((entry) => !wanted || entry.sectionKeys.includes(wanted));
    if (wanted && !entries.length) throw notFound(`section "${opts.section}"`, feed.url);
    return entries
      .slice(0, Math.max(1, opts.limit ?? 5)) // slice() drops a fraction
      .map((entry) => ({ ...summaryOf(entry, feed), excerpt: truncateText(entry.text, 300) || undefined }));
  }

  /**
   * The entries that have a video (Media RSS, a video enclosure, a JSON Feed video attachment), newest
   * first (default 10): the entry's id, page (else the video's address) and date, the video's own title
   * (else the entry's), player or file, thumbnail and length.
   */
  async listVideos(opts: ListVideosOptions = {}): Promise<Video[]> {
    const feed = await this._load(opts);
    return feed.entries
      .filter((entry) => entry.video)
      .slice(0, Math.max(1, opts.limit ?? 10))
      .map(({ id, title, url, published, video }) => ({ ...video!, id, title: video!.title || title, url: url ?? video!.embedUrl!, published }));
  }

  /** The feed's own description (`key` `site`, `magazine`, `feed` or nothing): title, subtitle, logo, link. */
  async getAbout(key?: string, opts: RequestOptions = {}): Promise<About> {
    if (key && !/^(site|magazine|feed)$/.test(key)) throw notFound(`about box "${key}"`, this._url);
    return (await this._load(opts)).about;
  }

  /** The parsed feed, fetched once per instance; a failed load is retried by the next call. */
  private _load({ signal }: RequestOptions): Promise<ParsedFeed> {
    throwIfAborted(signal);
    // Not tied to one caller's signal: the feed is shared by every call of this instance.
    const feed = (this._feed ??= this._fetchFeed(this._url).catch((error: unknown) => {
      this._feed = undefined;
      throw error;
    }));
    // One caller's abort only ends its own wait.
    return untilAborted(feed, signal);
  }

  /** Fetches and parses a feed; an HTML page is followed to the feed it links, once. */
  private async _fetchFeed(url: string, signal?: AbortSignal, discovered = false): Promise<ParsedFeed> {
    const fail = (error: unknown): never => {
      throw fetchError(error, `Could not fetch the feed at ${url}`, signal);
    };
    const response = await (this._fetch ?? fetch)(url, { signal }).catch(fail);
    const { status } = response;
    if (!response.ok) {
      throw new MagAdapterError([404, 410].includes(status) ? 'not-found' : 'network', `The feed at ${url} answered HTTP ${status}.`, { status });
    }
    const type = response.headers.get('Content-Type') ?? '';
    const parsed = parseFeed(decodeDocument(await response.arrayBuffer().catch(fail), type), type, response.url || url);
    if (typeof parsed === 'string') {
      if (discovered) throw invalidFeed(url, 'HTML again, not a feed');
      return this._fetchFeed(parsed, signal, true);
    }
    // newest first; entries without a date last, in the feed's order (the sort is stable)
    parsed.entries.sort((a, b) => (b.published ?? '').localeCompare(a.published ?? ''));
    return parsed;
  }
}

/**
 * Decodes with the charset of the Content-Type, else the one the document declares at its start (the
 * XML declaration's `encoding`, an HTML page's `<meta charset>`), else UTF-8. The declaration is ASCII,
 * so it is read from the UTF-8 decoding; the Content-Type comes first in the one search.
 */
function decodeDocument(bytes: ArrayBuffer, contentType: string): string {
  const utf8 = new TextDecoder().decode(bytes);
  const charset = /(?:charset|encoding)\s*=\s*["']?([\w.:-]+)/i.exec(`${contentType}\n${utf8.slice(0, 200)}`)?.[1];
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return utf8; // an unknown charset
  }
}

const notFound = (what: string, url: string) => new MagAdapterError('not-found', `The feed at ${url} has no ${what}.`);

/** A link to an entry; its title, else the start of its text. */
const linkTo = (entry: FeedEntry | undefined): ArticleLink | undefined =>
  entry && { id: entry.id, title: entry.title || truncateText(entry.text, 60), url: entry.url };

/** What an article and a summary share. */
function summaryOf(entry: FeedEntry, feed: ParsedFeed): ArticleSummary {
  return { ...linkTo(entry)!, published: entry.published ?? feed.updated ?? EPOCH, sections: entry.sections };
}

/** A link without its fragment and the slashes that end it (normalized first when absolute), to compare links. */
function normalizeLink(link: string): string {
  const normalized = absoluteUrl(link) ?? link;
  const fragment = normalized.indexOf('#');
  return withoutTrailingSlashes(fragment < 0 ? normalized : normalized.slice(0, fragment));
}

/** The entry whose id is `ref`, else whose link is (fragments and final slashes aside), else whose slug is (with or without .html, .htm, .php). */
function findEntry({ entries, url }: ParsedFeed, ref: string): FeedEntry {
  const wanted = String(ref ?? '').trim();
  const wantedLink = normalizeLink(wanted);
  const found =
    entries.find((entry) => entry.id === wanted) ??
    entries.find((entry) => entry.url && normalizeLink(entry.url) === wantedLink) ??
    entries.find((entry) => entry.slug === wanted || entry.slug?.replace(/\.(html?|php)$/, '') === wanted);
  if (!found) throw notFound(`article "${wanted}"`, url);
  return found;
}

/**
 * A paragraph that is only a short sentence (up to 40 characters each side) around a quoted link
 * (`href="…"` or `href='…'`: the `\1`), with the whitespace after it. Linear: each repetition excludes
 * the character that must follow it (`<`, `>`, the quote), so only its longest run can be followed,
 * and each step back from that run fails at once.
 */
const SHORT_SENTENCE_AROUND_A_LINK = /^<p>[^<]{0,40}<a href=(["'])([^"'<>]*)\1[^<>]*>[^<]*<\/a>[^<]{0,40}<\/p>\s*/i;

/**
 * WordPress's RSS comment feeds have no thr:in-reply-to; instead a reply starts with the paragraph
 * "In reply to <a href="…#comment-N">Name</a>." in the site's language ("En réponse à …"). When
 * `bodyHtml` (trimmed) starts with such a paragraph, a short sentence around a link to a comment
 * (its fragment is `#comment-N`): that link, and the paragraph's length with the whitespace after it.
 */
function inReplyToParagraph(bodyHtml: string): { link: string; length: number } | undefined {
  const match = SHORT_SENTENCE_AROUND_A_LINK.exec(bodyHtml);
  const link = match?.[2] ?? '';
  return /^#comment-\d+$/i.test(link.slice(link.lastIndexOf('#'))) ? { link, length: match![0].length } : undefined;
}
