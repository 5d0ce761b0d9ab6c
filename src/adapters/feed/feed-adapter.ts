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
import { fetchError, MagAdapterError, throwIfAborted, untilAborted } from '../../core/errors.js';
import { trimEndWhere, truncateText } from './html-text.js';
import { absolute, invalid, parseFeed } from './parse-feed.js';
import type { FeedEntry, ParsedFeed } from './parse-feed.js';

/** Options of {@link FeedAdapter}. */
export interface FeedAdapterOptions {
  /** The feed (RSS 2.0, Atom 1.0 or JSON Feed), or an HTML page that links one with `<link rel="alternate">`. */
  url: string;
  /** The `fetch` to use (default: the global one). */
  fetch?: typeof fetch;
}

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
  readonly #url: string;
  readonly #fetch?: typeof fetch;
  #feed?: Promise<ParsedFeed>;

  constructor(options: FeedAdapterOptions) {
    if (!options?.url) throw new TypeError('FeedAdapter needs a feed `url`.');
    this.#url = new URL(options.url, globalThis.location?.href).href;
    this.#fetch = options.fetch;
  }

  /** `ref` is the entry's id (`id` / `guid`), its link, or its slug (the link's last path segment). */
  async getArticle(ref: string, opts: RequestOptions = {}): Promise<Article> {
    const feed = await this.#load(opts);
    const entry = findEntry(feed, ref);
    const at = feed.entries.indexOf(entry);
    // the entry without what only the adapter uses
    const { keys: _keys, text: _text, reply: _reply, ...article } = entry;
    return {
      ...article,
      ...summaryOf(entry, feed),
      commentsOpen: false,
      previous: linkTo(feed.entries[at + 1]),
      next: linkTo(feed.entries[at - 1]),
      homeUrl: feed.about.contactUrl,
    };
  }

  /**
   * The comments of an article, from its comment feed, oldest first and threaded by
   * `thr:in-reply-to` (or WordPress's "In reply to" links in RSS comment feeds). One page.
   */
  async listComments(articleId: string, opts: ListCommentsOptions = {}): Promise<CommentPage> {
    const article = findEntry(await this.#load(opts), articleId);
    const entries = article.commentFeedUrl ? (await this.#fetchFeed(article.commentFeedUrl, opts.signal)).entries : [];
    // the comments by id and by link
    const known = new Map(entries.flatMap((e): [string, string][] => [[e.id, e.id], [e.url ?? e.id, e.id]]));
    // oldest first
    const comments = entries.reverse().map((e): Comment => {
      const [ref, href] = e.reply ?? [];
      // WordPress prepends "In reply to <a href=…#comment-N>Name</a>." (in the site's language) to replies
      // (its RSS comment feeds have no thr:in-reply-to): the link gives the parent, and the sentence goes once threaded.
      const sentence = inReplyToParagraph(e.bodyHtml);
      const linked = sentence && known.get(sentence.link);
      const parentId = (ref !== article.id && known.get(ref!)) || known.get(href!) || linked;
      return {
        id: e.id,
        parentId: parentId !== e.id ? parentId : undefined,
        author: e.author ?? { name: e.title.replace(/^(By|Comment from):?\s*/i, '') || 'Anonymous' },
        published: e.published ?? EPOCH,
        bodyHtml: linked && parentId === linked ? e.bodyHtml.slice(sentence.length) : e.bodyHtml,
        status: 'approved',
      };
    });
    return { comments, total: comments.length };
  }

  async listRecent(opts: ListRecentOptions = {}): Promise<ArticleSummary[]> {
    const feed = await this.#load(opts);
    const wanted = opts.section?.trim().toLowerCase();
    const entries = feed.entries.filter((e) => !wanted || e.keys.includes(wanted));
    if (wanted && !entries.length) throw notFound(`section "${opts.section}"`, feed.url);
    return entries
      .slice(0, Math.max(1, opts.limit ?? 5)) // slice() drops a fraction
      .map((e) => ({ ...summaryOf(e, feed), excerpt: truncateText(e.text, 300) || undefined }));
  }

  /** The feed's own description (`key` `site`, `magazine`, `feed` or nothing): title, subtitle, logo, link. */
  async getAbout(key?: string, opts: RequestOptions = {}): Promise<About> {
    if (key && !/^(site|magazine|feed)$/.test(key)) throw notFound(`about box "${key}"`, this.#url);
    return (await this.#load(opts)).about;
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
    return untilAborted(feed, signal);
  }

  /** Fetches and parses a feed; an HTML page is followed to the feed it links, once. */
  async #fetchFeed(url: string, signal?: AbortSignal, discovered = false): Promise<ParsedFeed> {
    const fail = (e: unknown): never => {
      throw fetchError(e, `Could not fetch the feed at ${url}`, signal);
    };
    const res = await (this.#fetch ?? fetch)(url, { signal }).catch(fail);
    const { status } = res;
    if (!res.ok) throw new MagAdapterError([404, 410].includes(status) ? 'not-found' : 'network', `The feed at ${url} answered HTTP ${status}.`, { status });
    const type = res.headers.get('Content-Type') ?? '';
    const parsed = parseFeed(decode(await res.arrayBuffer().catch(fail), type), type, res.url || url);
    if (typeof parsed === 'string') {
      if (discovered) throw invalid(url, 'HTML again, not a feed');
      return this.#fetchFeed(parsed, signal, true);
    }
    // newest first; entries without a date last, in the feed's order (the sort is stable)
    parsed.entries.sort((a, b) => (b.published ?? '').localeCompare(a.published ?? ''));
    return parsed;
  }
}

// ---------------------------------------------------------------------------------------------------

/**
 * Decodes with the charset of the Content-Type, else the one the document declares at its start (the
 * XML declaration's `encoding`, an HTML page's `<meta charset>`), else UTF-8. The declaration is ASCII,
 * so it is read from the UTF-8 decoding; the Content-Type comes first in the one search.
 */
function decode(bytes: ArrayBuffer, contentType: string): string {
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
const linkTo = (e: FeedEntry | undefined): ArticleLink | undefined => e && { id: e.id, title: e.title || truncateText(e.text, 60) || 'Untitled', url: e.url };

/** What an article and a summary share. */
function summaryOf(e: FeedEntry, feed: ParsedFeed): ArticleSummary {
  return { ...linkTo(e)!, published: e.published ?? feed.updated ?? EPOCH, sections: e.sections };
}


/** A link without its fragment and the slashes that end it (normalized first when absolute), to compare links. */
function normalizeLink(link: string): string {
  const normalized = absolute(link) ?? link;
  const fragment = normalized.indexOf('#');
  return trimEndWhere(fragment < 0 ? normalized : normalized.slice(0, fragment), (character) => character === '/');
}

function findEntry({ entries, url }: ParsedFeed, ref: string): FeedEntry {
  const wanted = String(ref ?? '').trim();
  const found =
    entries.find((e) => e.id === wanted) ??
    entries.find((e) => e.url && normalizeLink(e.url) === normalizeLink(wanted)) ??
    entries.find((e) => e.slug === wanted || e.slug?.replace(/\.(html?|php)$/, '') === wanted);
  if (!found) throw notFound(`article "${wanted}"`, url);
  return found;
}

/**
 * A paragraph that is only a short sentence (up to 40 characters each side) around a quoted link
 * (`href="…"` or `href='…'`, the `\1`), with the whitespace after it. Linear: each repetition stops
 * at a character it cannot take (`<`, `>`, the quote), which is the one that must follow it, so a
 * failed match never rereads what a repetition took.
 */
const SHORT_SENTENCE_AROUND_A_LINK = /^<p>[^<]{0,40}<a href=(["'])([^"'<>]*)\1[^<>]*>[^<]*<\/a>[^<]{0,40}<\/p>\s*/i;

/**
 * WordPress's RSS comment feeds have no thr:in-reply-to: a reply starts with the paragraph "In reply to
 * <a href="…#comment-N">Name</a>." in the site's language ("En réponse à …"). Its first paragraph
 * (`bodyHtml` is trimmed) when it is such a sentence around a link to a comment (its fragment
 * `#comment-N`): that link, and the paragraph's length with the whitespace after it.
 */
function inReplyToParagraph(bodyHtml: string): { link: string; length: number } | undefined {
  const match = SHORT_SENTENCE_AROUND_A_LINK.exec(bodyHtml);
  const link = match?.[2] ?? '';
  return /^#comment-\d+$/i.test(link.slice(link.lastIndexOf('#'))) ? { link, length: match![0].length } : undefined;
}
