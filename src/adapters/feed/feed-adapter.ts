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
import { MagAdapterError, throwIfAborted } from '../../core/errors.js';
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
  private readonly url: string;
  private readonly fetchImpl: typeof fetch;
  private feed?: Promise<ParsedFeed>;

  constructor(options: FeedAdapterOptions) {
    if (!options?.url) throw new TypeError('FeedAdapter needs a feed `url`.');
    this.url = new URL(options.url, globalThis.location?.href).href;
    this.fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  /** `ref` is the entry's id (`id` / `guid`), its link, or its slug (the link's last path segment). */
  async getArticle(ref: string, opts: RequestOptions = {}): Promise<Article> {
    const feed = await this.load(opts);
    const entry = findEntry(feed, ref);
    const sorted = byDate(feed.entries);
    const at = sorted.indexOf(entry);
    const linkOf = (e: FeedEntry | undefined): ArticleLink | undefined =>
      e ? { id: e.id, title: e.title || untitled(e), url: e.link } : undefined;
    return {
      id: entry.id,
      slug: slugOf(entry),
      title: entry.title || untitled(entry),
      url: entry.link,
      published: entry.published ?? feed.updated ?? EPOCH,
      updated: entry.updated,
      author: entry.author,
      sections: entry.sections.map(({ name, url }) => (url ? { name, url } : { name })),
      bodyHtml: entry.contentHtml ?? entry.summaryHtml ?? '',
      commentsOpen: false,
      commentCount: entry.commentCount,
      commentFeedUrl: entry.commentFeedUrl,
      commentFeedType: entry.commentFeedUrl ? entry.commentFeedType : undefined,
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
    const feed = await this.load(opts);
    const entry = findEntry(feed, articleId);
    if (!entry.commentFeedUrl) return { comments: [], total: 0 };
    const { feed: comments } = await this.fetchFeed(entry.commentFeedUrl, opts.signal);
    const list = commentsOf(comments.entries, entry);
    return { comments: list, total: list.length };
  }

  async listRecent(opts: ListRecentOptions = {}): Promise<ArticleSummary[]> {
    const feed = await this.load(opts);
    const limit = Math.max(1, Math.floor(opts.limit ?? 5));
    const wanted = opts.section?.trim().toLowerCase();
    if (wanted && !feed.entries.some((e) => e.sections.some((s) => s.keys.includes(wanted)))) {
      throw new MagAdapterError('not-found', `No section "${opts.section}" in the feed ${feed.url}.`);
    }
    return byDate(feed.entries)
      .reverse()
      .filter((e) => !wanted || e.sections.some((s) => s.keys.includes(wanted)))
      .slice(0, limit)
      .map((e) => {
        const text = htmlToText(e.summaryHtml ?? e.contentHtml ?? '');
        return {
          id: e.id,
          title: e.title || untitled(e),
          url: e.link,
          published: e.published ?? feed.updated ?? EPOCH,
          sections: e.sections.map(({ name, url }) => (url ? { name, url } : { name })),
          excerpt: text ? truncateText(text, 300) : undefined,
        };
      });
  }

  /** The feed's own description (`key` `site`, `magazine`, `feed` or nothing): title, subtitle, logo, link. */
  async getAbout(key?: string, opts: RequestOptions = {}): Promise<About> {
    if (key !== undefined && key !== '' && key !== 'site' && key !== 'magazine' && key !== 'feed') {
      throw new MagAdapterError('not-found', `No about box "${key}" in a feed: only the feed's own ("site").`);
    }
    const feed = await this.load(opts);
    return {
      name: feed.title,
      bioHtml: feed.descriptionHtml,
      photoUrl: feed.imageUrl,
      photoAlt: feed.imageUrl ? feed.title : undefined,
      contactUrl: feed.link,
    };
  }

  // ---------------------------------------------------------------------------------------------

  /** The parsed feed, fetched once per instance; a failed load is retried by the next call. */
  private load(opts: RequestOptions): Promise<ParsedFeed> {
    throwIfAborted(opts.signal);
    if (!this.feed) {
      // Not tied to one caller's signal: the feed is shared by every call of this instance.
      const loading = this.fetchFeed(this.url).then((r) => r.feed);
      this.feed = loading;
      loading.catch(() => {
        if (this.feed === loading) this.feed = undefined;
      });
    }
    return raceAbort(this.feed, opts.signal);
  }

  private async fetchFeed(url: string, signal?: AbortSignal, discovered = false): Promise<{ feed: ParsedFeed }> {
    const { text, contentType, finalUrl } = await this.fetchText(url, signal);
    const parsed = parseFeed(text, contentType, finalUrl);
    if ('alternate' in parsed) {
      if (discovered) {
        throw new MagAdapterError('invalid-data', `The feed linked from the page is HTML again: ${finalUrl}.`, {
          problems: ['discovery: feed link points to HTML'],
        });
      }
      return this.fetchFeed(parsed.alternate, signal, true);
    }
    return { feed: parsed };
  }

  private async fetchText(url: string, signal?: AbortSignal): Promise<{ text: string; contentType: string; finalUrl: string }> {
    throwIfAborted(signal);
    try {
      const res = await this.fetchImpl(url, { headers: { Accept: ACCEPT }, signal });
      if (!res.ok) {
        if (res.status === 404 || res.status === 410) {
          throw new MagAdapterError('not-found', `No feed at ${url} (HTTP ${res.status}).`, { status: res.status });
        }
        throw new MagAdapterError('network', `The feed server failed with HTTP ${res.status} for ${url}.`, { status: res.status });
      }
      const contentType = res.headers.get('Content-Type') ?? '';
      return { text: decode(await res.arrayBuffer(), contentType), contentType, finalUrl: res.url || url };
    } catch (e) {
      if (e instanceof MagAdapterError) throw e;
      if (signal?.aborted) throw abortError(signal, e);
      const reason = e instanceof Error ? e.message : String(e);
      throw new MagAdapterError('network', `Could not fetch the feed at ${url} (${reason}).`, { cause: e });
    }
  }
}

// ---------------------------------------------------------------------------------------------------

/** Decodes with the charset of the Content-Type, else the XML declaration's encoding, else UTF-8. */
function decode(bytes: ArrayBuffer, contentType: string): string {
  let charset = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1];
  if (!charset) {
    const head = new TextDecoder('latin1').decode(bytes.slice(0, 200));
    charset = /^(?:\uFEFF)?<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1];
  }
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** `timeout` when the signal was an `AbortSignal.timeout()`, else `aborted`. */
function abortError(signal: AbortSignal, cause: unknown): MagAdapterError {
  const reason: unknown = signal.reason;
  if (reason instanceof DOMException && reason.name === 'TimeoutError') {
    return new MagAdapterError('timeout', 'The feed did not arrive in time.', { cause: reason });
  }
  return new MagAdapterError('aborted', 'The request was cancelled.', { cause });
}

function raceAbort<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError(signal, signal.reason));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: Error) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

function untitled(e: FeedEntry): string {
  return truncateText(htmlToText(e.summaryHtml ?? e.contentHtml ?? ''), 60) || 'Untitled';
}

/** Entries oldest first (entries without a date keep their feed order, as if newest first). */
function byDate(entries: FeedEntry[]): FeedEntry[] {
  return [...entries].sort((a, b) => {
    const d = (a.published ?? '').localeCompare(b.published ?? '');
    return d !== 0 ? d : b.index - a.index;
  });
}

function normalizeLink(link: string): string {
  try {
    const u = new URL(link);
    u.hash = '';
    return u.href.replace(/\/+$/, '');
  } catch {
    return link.replace(/\/+$/, '');
  }
}

function slugOf(e: FeedEntry): string | undefined {
  if (!e.link) return undefined;
  // links are absolute (resolved while parsing)
  const last = new URL(e.link).pathname.split('/').filter(Boolean).pop();
  return last ? decodeURIComponent(last) : undefined;
}

function findEntry(feed: ParsedFeed, ref: string): FeedEntry {
  const wanted = String(ref ?? '').trim();
  const entries = feed.entries;
  const found =
    entries.find((e) => e.id === wanted) ??
    entries.find((e) => e.link !== undefined && normalizeLink(e.link) === normalizeLink(wanted)) ??
    entries.find((e) => {
      const slug = slugOf(e);
      return slug !== undefined && (slug === wanted || slug.replace(/\.(html?|php)$/, '') === wanted);
    });
  if (!found) throw new MagAdapterError('not-found', `No article "${wanted}" in the feed ${feed.url}.`);
  return found;
}

const IN_REPLY_TO = /^\s*<p>\s*In reply to <a href=["']([^"']+)["'][^>]*>[\s\S]*?<\/a>\.?\s*<\/p>\s*/i;

/** Comment-feed entries to comments, oldest first, with parents resolved among the feed's comments. */
function commentsOf(entries: FeedEntry[], article: FeedEntry): Comment[] {
  const ids = new Set(entries.map((e) => e.id));
  const byLink = new Map<string, string>();
  for (const e of entries) if (e.link) byLink.set(e.link, e.id);
  return byDate(entries).map((e) => {
    let body = e.contentHtml ?? e.summaryHtml ?? '';
    let parentId: string | undefined;
    if (e.inReplyTo) {
      const { ref, href } = e.inReplyTo;
      if (ref !== article.id && ids.has(ref)) parentId = ref;
      else if (href && byLink.has(href)) parentId = byLink.get(href);
    }
    // WordPress prepends "In reply to <a href=…#comment-N>Name</a>." to replies (its RSS comment feeds
    // have no thr:in-reply-to): the link gives the parent, and the sentence goes once threaded.
    const m = IN_REPLY_TO.exec(body);
    const linked = m ? byLink.get(m[1]) : undefined;
    if (linked && (parentId === undefined || parentId === linked)) {
      parentId = linked;
      body = body.slice(m![0].length);
    }
    return {
      id: e.id,
      parentId: parentId !== e.id ? parentId : undefined,
      author: e.author ?? { name: e.title.replace(/^(By|Comment from):?\s*/i, '') || 'Anonymous' },
      published: e.published ?? EPOCH,
      bodyHtml: body,
      status: 'approved' as const,
    };
  });
}
