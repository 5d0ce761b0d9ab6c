/**
 * `JsonAdapter`: the embedded default data source. It reads the data format (docs/data-format.md),
 * one data file or the split layout's folder, validates it and derives everything the elements need
 * (previous / next, recent lists, section filters, comment threads and pages, about boxes, videos).
 * With a `subscribe` endpoint in the data it also subscribes addresses by posting them to that
 * endpoint.
 */
import type {
  About,
  Article,
  ArticleSummary,
  CommentPage,
  ListCommentsOptions,
  ListRecentOptions,
  ListVideosOptions,
  MagAdapter,
  RequestOptions,
  SubscribeResult,
  Video,
} from '../../core/model.js';
import { MagAdapterError, fetchError, throwIfAborted } from '../../core/errors.js';
import { isRecord } from '../../core/schema.js';
import { SPLIT_LAYOUT, parseData, parseSplitIndex, type DataSubscribe } from './data-format.js';
import { SharedLoad, fetchJson, parseJson } from './load.js';
import { SplitStore, folderOf } from './split-store.js';
import { Store, threadOrder, type DataLayout } from './store.js';

export { validateData, validateSplitFile } from './data-format.js';
export type { DataArticle, DataComment, DataSection, DataSubscribe, MagData } from './data-format.js';

/** How `JsonAdapter` gets its data: an already parsed object, or a URL fetched on first use. */
export type JsonAdapterOptions = ({ data: unknown; url?: undefined } | { url: string | URL; data?: undefined }) & {
  /** Comments per page (default: the data's `commentsPageSize`, else 50). */
  pageSize?: number;
  /** Used in messages about the data (default: "The data file <url>", or "The data"). */
  sourceName?: string;
  /** The `fetch` to use (default: the global one). */
  fetch?: typeof fetch;
};

/**
 * The embedded data source: the data format's JSON, validated on load.
 *
 * ```js
 * const adapter = new JsonAdapter({ url: '/data/le-mag.json' }); // one data file, fetched on first use
 * const adapter = new JsonAdapter({ url: '/data/blog/' });        // a split layout: its index.json, then one file per article
 * const adapter = new JsonAdapter({ data: parsedObject });
 * const adapter = JsonAdapter.fromText(document.querySelector('#mag-data').textContent);
 * ```
 *
 * A URL ending with `/` names the folder of a split layout, whose `index.json` is read first; any
 * other URL names a file, read as a split layout's index when it says `"layout": "split"`, else as a
 * data file. An invalid file rejects every call that needs it with `MagAdapterError('invalid-data')`
 * whose `problems` list each problem with its path. A file that fails to load is not kept: the next
 * call fetches it again. `subscribe` exists only when the data names a subscribe endpoint (with
 * `{ url }`, once loaded: call `await adapter.ready()` or use `JsonAdapter.load(url)` when that must
 * be known up front). Static data cannot take comments: see `MemoryAdapter` for a writable variant.
 */
export class JsonAdapter implements MagAdapter {
  /** Subscribes an address by posting it to the data's endpoint; absent when the data has none. */
  declare subscribe?: (email: string, opts?: RequestOptions) => Promise<SubscribeResult>;

  private readonly _source: string;
  private readonly _pageSize?: number;
  /** The `fetch` of the options, else the global one: every request of the adapter goes through it. */
  private readonly _fetch: typeof fetch;
  /** The data, once given or loaded and valid. */
  private _layout?: DataLayout;
  /** Why the data given could not be used: reported by every call. */
  private _failure?: MagAdapterError;
  /** The load of the file at the URL given (the data file, or the split layout's index). */
  private readonly _loading?: SharedLoad<DataLayout>;

  constructor(options: JsonAdapterOptions) {
    const { url, sourceName } = options;
    this._pageSize = options.pageSize;
    this._fetch = options.fetch ?? fetch;
    if (url !== undefined) {
      const given = String(url);
      const file = given.endsWith('/') ? `${given}index.json` : given;
      this._source = sourceName ?? `The data file ${file}`;
      this._loading = new SharedLoad(async (signal) => this._install(await fetchJson(file, this._source, signal, this._fetch), file));
    } else {
      this._source = sourceName ?? 'The data';
      try {
        this._install(options.data);
      } catch (error) {
        // Reported by every call, never thrown from the constructor (no uncaught exception in a page).
        this._failure = MagAdapterError.from(error);
      }
    }
  }

  /** An adapter for JSON text, such as the content of an inline `<script type="application/json">`. */
  static fromText(text: string, options: Omit<JsonAdapterOptions, 'data' | 'url'> = {}): JsonAdapter {
    const sourceName = options.sourceName ?? 'The inline data';
    try {
      return new JsonAdapter({ ...options, sourceName, data: parseJson(text, sourceName) });
    } catch (error) {
      // Not JSON: an adapter whose every call reports it, as for invalid data.
      const adapter = new JsonAdapter({ ...options, sourceName, data: {} });
      adapter._failure = error as MagAdapterError;
      return adapter;
    }
  }

  /** Fetches and validates a data file (or a split layout's index), then resolves with a ready adapter (`subscribe` already known). */
  static async load(url: string | URL, options: Omit<JsonAdapterOptions, 'data' | 'url'> & RequestOptions = {}): Promise<JsonAdapter> {
    const { signal, ...rest } = options;
    const adapter = new JsonAdapter({ ...rest, url });
    await adapter.ready({ signal });
    return adapter;
  }

  /** Loads and validates the data file or the index now (it is otherwise loaded by the first call); rejects like the other calls. */
  async ready(opts: RequestOptions = {}): Promise<void> {
    await this.layout(opts.signal);
  }

  /** The article with this id or slug, with previous / next (by date), comment count and home URL. */
  async getArticle(ref: string, opts: RequestOptions = {}): Promise<Article> {
    return (await this.layout(opts.signal)).article(ref, opts.signal);
  }

  /** One page of an article's approved comments, oldest first, each reply after its parent. */
  async listComments(articleId: string, opts: ListCommentsOptions = {}): Promise<CommentPage> {
    const layout = await this.layout(opts.signal);
    const all = threadOrder((await layout.entry(articleId, opts.signal)).comments);
    // Cursors are opaque to callers: `offset:<n>`, the position of the page's first comment.
    const cursor = /^offset:(\d+)$/.exec(opts.cursor || 'offset:0');
    if (!cursor) throw new MagAdapterError('invalid-data', `"${opts.cursor}" is not a comment page cursor of this adapter.`);
    const offset = Number(cursor[1]);
    const end = offset + (this._pageSize ?? layout.settings.commentsPageSize ?? 50);
    const page: CommentPage = { comments: all.slice(offset, end), total: all.length };
    if (end < all.length) page.nextCursor = `offset:${end}`;
    return page;
  }

  /** The newest articles first (default 10), optionally of one section (its name, any case, or its slug). */
  async listRecent(opts: ListRecentOptions = {}): Promise<ArticleSummary[]> {
    return (await this.layout(opts.signal)).recent(opts.limit ?? 10, opts.section, opts.signal);
  }

  /** The data's videos, newest first (default 10; those without a date last). */
  async listVideos(opts: ListVideosOptions = {}): Promise<Video[]> {
    return (await this.layout(opts.signal)).videos(opts.limit ?? 10);
  }

  /** The about box with this key (`magazine`, `author`…); without a key, `default` or else the first one. */
  async getAbout(key?: string, opts: RequestOptions = {}): Promise<About> {
    const about = (await this.layout(opts.signal)).about(key);
    if (!about) {
      throw new MagAdapterError('not-found', key === undefined ? 'The data has no about box.' : `The data has no about box named "${key}".`);
    }
    return { ...about };
  }

  /**
   * The validated data, loading the file at the URL first when needed. For subclasses such as
   * `MemoryAdapter`. Concurrent calls share one load; a caller that aborts leaves it running for the
   * others, and the last one to leave stops it. A failed load is forgotten: the next call fetches again.
   */
  protected async layout(signal?: AbortSignal): Promise<DataLayout> {
    throwIfAborted(signal);
    if (this._failure) throw this._failure;
    // Without a layout, the adapter has a URL to load (given data either made one or failed).
    return this._layout ?? this._loading!.get(signal);
  }

  /**
   * Validates the data and makes it the adapter's; throws `invalid-data` listing every problem. `url`
   * is where it was read: a split layout's index needs it, its other files being beside it.
   */
  private _install(data: unknown, url?: string): DataLayout {
    let layout: DataLayout;
    if (isRecord(data) && data.layout === SPLIT_LAYOUT) {
      const index = parseSplitIndex(data, this._source);
      if (url === undefined) throw new MagAdapterError('unsupported', `${this._source} is the index of a split layout: give the adapter its URL, so that it can read the other files beside it.`);
      layout = new SplitStore(index, folderOf(url), this._fetch);
    } else {
      layout = new Store(parseData(data, this._source));
    }
    this._layout = layout;
    const endpoint = layout.settings.subscribe;
    if (endpoint) this.subscribe = (email, opts) => subscribe(endpoint, email, this._fetch, opts?.signal);
    return layout;
  }
}

/**
 * Posts an address to the data's subscribe endpoint with `fetchFile` (the adapter's `fetch` option,
 * default the global one) and maps the answer to a `SubscribeResult` or an error.
 */
async function subscribe(endpoint: DataSubscribe, email: string, fetchFile: typeof fetch, signal?: AbortSignal): Promise<SubscribeResult> {
  throwIfAborted(signal);
  const address = email.trim();
  if (!/^[^\s@]+@[^\s@]+$/.test(address)) throw new MagAdapterError('rejected', 'Enter a valid email address.', { field: 'email' });
  const url = endpoint.endpoint;
  const field = endpoint.field ?? 'email';
  const json = endpoint.encoding === 'json';
  let response: Response;
  try {
    // A URLSearchParams body is sent as application/x-www-form-urlencoded;charset=UTF-8.
    response = await fetchFile(url, {
      method: endpoint.method ?? 'POST',
      headers: { Accept: 'application/json', ...(json && { 'Content-Type': 'application/json' }) },
      body: json ? JSON.stringify({ [field]: address }) : new URLSearchParams({ [field]: address }),
      signal,
    });
  } catch (error) {
    throw fetchError(error, `The subscription could not be sent to ${url}`, signal);
  }
  const { status } = response;
  // The JSON body when there is one, else the text (empty when unreadable).
  const body = await response.text().then(
    (text) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return text;
      }
    },
    () => '',
  );
  if (response.ok) {
    const said = isRecord(body) ? body.status : undefined;
    return { status: said === 'confirmation-sent' || said === 'already-subscribed' ? said : 'subscribed' };
  }
  if (status === 409) return { status: 'already-subscribed' };
  const message = serverMessage(body);
  if (status === 400 || status === 422) throw new MagAdapterError('rejected', message ?? 'The address was refused.', { field: 'email', status, reason: message });
  if (status === 429) throw new MagAdapterError('too-fast', message ?? 'Too many attempts: try again later.', { status, reason: message });
  if (status === 404) throw new MagAdapterError('not-found', `The subscription endpoint ${url} answered HTTP 404: check the subscribe endpoint of the data file.`, { status });
  if (status >= 500) throw new MagAdapterError('network', `The subscription endpoint ${url} answered HTTP ${status}.`, { status });
  throw new MagAdapterError('rejected', message ?? `The subscription was refused (HTTP ${status}).`, { status, reason: message });
}

/** `{ "message": … }` or `{ "error": … }` (string, or `{ message }`), or a short plain-text body. */
function serverMessage(body: unknown): string | undefined {
  if (typeof body === 'string') {
    const text = body.trim();
    return text && text.length <= 300 && !text.startsWith('<') ? text : undefined;
  }
  if (!isRecord(body)) return undefined;
  const { message, error } = body;
  if (typeof message === 'string' && message.trim()) return message.trim();
  return typeof error === 'string' ? error.trim() || undefined : serverMessage(error);
}
