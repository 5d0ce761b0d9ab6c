import type {
  About,
  Article,
  ArticleLink,
  ArticleSummary,
  Comment,
  CommentPage,
  ListCommentsOptions,
  ListRecentOptions,
  MagAdapter,
  RequestOptions,
} from '../../core/model.js';
import { abortError, MagAdapterError, throwIfAborted } from '../../core/errors.js';
import { htmlToText, truncateText } from './html-text.js';
import { parseFeed } from './parse-feed.js';
import type { FeedEntry, ParsedFeed } from './parse-feed.js';

/** Options of {@link FeedAdapter}. */
export interface FeedAdapterOptions {
  /** The feed (RSS 2.0, Atom 1.0 or JSON Feed), or an HTML page that links one with `<link rel="alternate">`. */
  url: string;
  /** The `fetch` to use (default: the global one). */
  fetch?: typeof fetch;
}

const ACCEPT = 'application/atom+xml, application/rss+xml, application/feed+json, application/xml;q=0.9, */*;q=0.8';
const EPOCH = new Date(0).toISOString();
const TIMEOUT = 'The feed did not arrive in time.';

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
 * The feed is fetched once per adapter instance and cached. It cannot post comments or subscribe
 * (`commentsOpen` is always false). The feed server must send `Access-Control-Allow-Origin`.
 * Every failure rejects with a {@link MagAdapterError}.
 */
export class FeedAdapter implements MagAdapter {
  readonly #url: string;
  readonly #fetch: typeof fetch;
  #feed?: Promise<ParsedFeed>;

  constructor(options: FeedAdapterOptions) {
    if (!options?.url) throw new TypeError('FeedAdapter needs a feed `url`.');
    this.#url = new URL(options.url, globalThis.location?.href).href;
    this.#fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  /** `ref` is the entry's id (`id` / `guid`), its link, or its slug (the link's last path segment). */
  async getArticle(ref: string, opts: RequestOptions = {}): Promise<Article> {
    const feed = await this.#load(opts);
    const entry = findEntry(feed, ref);
    const sorted = byDate(feed.entries);
    const at = sorted.indexOf(entry);
    const linkOf = (e: FeedEntry | undefined): ArticleLink | undefined => e && { id: e.id, title: titleOf(e), url: e.link };
    return {
      ...summaryOf(entry, feed),
      slug: slugOf(entry),
      updated: entry.updated,
      author: entry.author,
      bodyHtml: entry.contentHtml ?? entry.summaryHtml ?? '',
      commentsOpen: false,
      commentCount: entry.commentCount,
      commentFeedUrl: entry.commentFeedUrl,
      commentFeedType: entry.commentFeedUrl && entry.commentFeedType,
      previous: linkOf(sorted[at - 1]),
      next: linkOf(sorted[at + 1]),
      homeUrl: feed.link,
    };
  }

  /**
   * The comments of an article, from its comment feed, oldest first and threaded by
   * `thr:in-reply-to` (or WordPress's "In reply to" links in RSS comment feeds). One page.
   */
  async listComments(articleId: string, opts: ListCommentsOptions = {}): Promise<CommentPage> {
    const entry = findEntry(await this.#load(opts), articleId);
    const comments = entry.commentFeedUrl ? commentsOf((await this.#fetchFeed(entry.commentFeedUrl, opts.signal)).entries, entry) : [];
    return { comments, total: comments.length };
  }

  async listRecent(opts: ListRecentOptions = {}): Promise<ArticleSummary[]> {
    const feed = await this.#load(opts);
    const wanted = opts.section?.trim().toLowerCase();
    const entries = byDate(feed.entries).filter((e) => !wanted || e.sectionKeys.includes(wanted));
    if (wanted && !entries.length) throw new MagAdapterError('not-found', `No section "${opts.section}" in the feed ${feed.url}.`);
    return entries
      .reverse()
      .slice(0, Math.max(1, Math.floor(opts.limit ?? 5)))
      .map((e) => {
        const text = htmlToText(e.summaryHtml ?? e.contentHtml ?? '');
        return { ...summaryOf(e, feed), excerpt: text ? truncateText(text, 300) : undefined };
      });
  }

  /** The feed's own description (`key` `site`, `magazine`, `feed` or nothing): title, subtitle, logo, link. */
  async getAbout(key?: string, opts: RequestOptions = {}): Promise<About> {
    if (key !== undefined && !['', 'site', 'magazine', 'feed'].includes(key)) {
      throw new MagAdapterError('not-found', `No about box "${key}" in a feed: only the feed's own ("site").`);
    }
    const feed = await this.#load(opts);
    return {
      name: feed.title,
      bioHtml: feed.descriptionHtml,
      photoUrl: feed.imageUrl,
      photoAlt: feed.imageUrl && feed.title,
      contactUrl: feed.link,
    };
  }

  // ---------------------------------------------------------------------------------------------

  /** The parsed feed, fetched once per instance; a failed load is retried by the next call. */
  #load({ signal }: RequestOptions): Promise<ParsedFeed> {
    throwIfAborted(signal);
    // Not tied to one caller's signal: the feed is shared by every call of this instance.
    const feed = (this.#feed ??= this.#fetchFeed(this.#url).catch((e: unknown) => {
      this.#feed = undefined;
      throw e;
    }));
    // One caller's abort only ends its own wait.
    return signal
      ? new Promise<ParsedFeed>((resolve, reject) => {
          const onAbort = () => reject(abortError(signal, signal.reason, TIMEOUT));
          signal.addEventListener('abort', onAbort, { once: true });
          feed.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
        })
      : feed;
  }

  /** Fetches and parses a feed; an HTML page is followed to the feed it links, once. */
  async #fetchFeed(url: string, signal?: AbortSignal, discovered = false): Promise<ParsedFeed> {
    throwIfAborted(signal);
    let res: Response;
    let text: string;
    try {
      res = await this.#fetch(url, { headers: { Accept: ACCEPT }, signal });
      const { status } = res;
      if (status === 404 || status === 410) throw new MagAdapterError('not-found', `No feed at ${url} (HTTP ${status}).`, { status });
      if (!res.ok) throw new MagAdapterError('network', `The feed server failed with HTTP ${status} for ${url}.`, { status });
      text = decode(await res.arrayBuffer(), res.headers.get('Content-Type') ?? '');
    } catch (e) {
      if (e instanceof MagAdapterError) throw e;
      if (signal?.aborted) throw abortError(signal, e, TIMEOUT);
      throw new MagAdapterError('network', `Could not fetch the feed at ${url} (${(e as Error)?.message ?? e}).`, { cause: e });
    }
    const finalUrl = res.url || url;
    const parsed = parseFeed(text, res.headers.get('Content-Type') ?? '', finalUrl);
    if (!('alternate' in parsed)) return parsed;
    if (discovered) {
      throw new MagAdapterError('invalid-data', `The feed linked from the page is HTML again: ${finalUrl}.`, {
        problems: ['discovery: feed link points to HTML'],
      });
    }
    return this.#fetchFeed(parsed.alternate, signal, true);
  }
}

// ---------------------------------------------------------------------------------------------------

/** Decodes with the charset of the Content-Type, else the XML declaration's encoding, else UTF-8. */
function decode(bytes: ArrayBuffer, contentType: string): string {
  const charset =
    /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1] ??
    /^<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(new TextDecoder('latin1').decode(bytes.slice(0, 200)))?.[1];
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder().decode(bytes);
  }
}

/** The title, else the start of the text. */
function titleOf(e: FeedEntry): string {
  return e.title || truncateText(htmlToText(e.summaryHtml ?? e.contentHtml ?? ''), 60) || 'Untitled';
}

/** What an article and a summary share. */
function summaryOf(e: FeedEntry, feed: ParsedFeed): ArticleSummary {
  return { id: e.id, title: titleOf(e), url: e.link, published: e.published ?? feed.updated ?? EPOCH, sections: e.sections.map(({ name }) => ({ name })) };
}

/** Entries oldest first (entries without a date keep their feed order, as if newest first: the sort is stable). */
function byDate(entries: FeedEntry[]): FeedEntry[] {
  return [...entries].reverse().sort((a, b) => (a.published ?? '').localeCompare(b.published ?? ''));
}

/** A link without its fragment and trailing slashes, to compare links. */
function normalizeLink(link: string): string {
  let href = link;
  try {
    href = new URL(link).href.replace(/#.*/, '');
  } catch {
    // not an absolute URL: compared as given
  }
  return href.replace(/\/+$/, '');
}

function slugOf(e: FeedEntry): string | undefined {
  // links are absolute (resolved while parsing)
  const last = e.link && new URL(e.link).pathname.split('/').filter(Boolean).pop();
  return last ? decodeURIComponent(last) : undefined;
}

function findEntry(feed: ParsedFeed, ref: string): FeedEntry {
  const wanted = String(ref ?? '').trim();
  const { entries } = feed;
  const found =
    entries.find((e) => e.id === wanted) ??
    entries.find((e) => e.link && normalizeLink(e.link) === normalizeLink(wanted)) ??
    entries.find((e) => {
      const slug = slugOf(e);
      return slug && (slug === wanted || slug.replace(/\.(html?|php)$/, '') === wanted);
    });
  if (!found) throw new MagAdapterError('not-found', `No article "${wanted}" in the feed ${feed.url}.`);
  return found;
}

const IN_REPLY_TO = /^\s*<p>\s*In reply to <a href=["']([^"']+)["'][^>]*>[\s\S]*?<\/a>\.?\s*<\/p>\s*/i;

/** Comment-feed entries to comments, oldest first, with parents resolved among the feed's comments. */
function commentsOf(entries: FeedEntry[], article: FeedEntry): Comment[] {
  const ids = new Set(entries.map((e) => e.id));
  const byLink = new Map<string | undefined, string>(entries.map((e) => [e.link, e.id]));
  return byDate(entries).map((e) => {
    let body = e.contentHtml ?? e.summaryHtml ?? '';
    const { ref, href } = e.inReplyTo ?? {};
    let parentId = ref && ref !== article.id && ids.has(ref) ? ref : href && byLink.get(href);
    // WordPress prepends "In reply to <a href=…#comment-N>Name</a>." to replies (its RSS comment feeds
    // have no thr:in-reply-to): the link gives the parent, and the sentence goes once threaded.
    const m = IN_REPLY_TO.exec(body);
    const linked = m && byLink.get(m[1]);
    if (linked && (parentId === undefined || parentId === linked)) {
      parentId = linked;
      body = body.slice(m[0].length);
    }
    return {
      id: e.id,
      parentId: parentId !== e.id ? parentId : undefined,
      author: e.author ?? { name: e.title.replace(/^(By|Comment from):?\s*/i, '') || 'Anonymous' },
      published: e.published ?? EPOCH,
      bodyHtml: body,
      status: 'approved',
    };
  });
}
