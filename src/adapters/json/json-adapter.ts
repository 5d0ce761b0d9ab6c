/**
 * `JsonAdapter`: the embedded default data source. It reads one data file (docs/data-format.md),
 * validates it and derives everything the elements need (previous / next, recent lists, section
 * filters, comment threads and pages, about boxes, videos). With a `subscribe` endpoint in the data it
 * also subscribes addresses by posting them to that endpoint.
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
import { MagAdapterError, fetchError, throwIfAborted, untilAborted } from '../../core/errors.js';
import { isRecord } from '../../core/schema.js';
import { parseData, type DataSubscribe } from './data-format.js';
import { Store } from './store.js';

export { validateData } from './data-format.js';
export type { DataArticle, DataComment, DataSection, DataSubscribe, MagData } from './data-format.js';

/** How `JsonAdapter` gets its data: an already parsed object, or a URL fetched on first use. */
export type JsonAdapterOptions = ({ data: unknown; url?: undefined } | { url: string | URL; data?: undefined }) & {
  /** Comments per page (default: the data's `commentsPageSize`, else 50). */
  pageSize?: number;
  /** Used in messages about the data (default: the URL, or "The data"). */
  sourceName?: string;
  /** The `fetch` to use (default: the global one). */
  fetch?: typeof fetch;
};

/** A load of the data file in flight, shared by the calls that wait for it. */
interface Loading {
  promise: Promise<Store>;
  controller: AbortController;
  waiters: number;
}

/** Parses JSON text; text that is not JSON is `invalid-data`, with the parser's message. */
function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const { message } = error as Error;
    throw new MagAdapterError('invalid-data', `${source} is not valid JSON: ${message}`, { problems: [`(root): ${message}`], cause: error });
  }
}


/**
 * The embedded data source: one JSON data file, validated on load.
 *
 * ```js
 * const adapter = new JsonAdapter({ url: '/data/le-mag.json' }); // fetched on first use
 * const adapter = new JsonAdapter({ data: parsedObject });
 * const adapter = JsonAdapter.fromText(document.querySelector('#mag-data').textContent);
 * ```
 *
 * An invalid file rejects every call with `MagAdapterError('invalid-data')` whose `problems` list
 * each problem with its path. A URL that fails to load is not cached: the next call fetches again.
 * `subscribe` exists only when the data names a subscribe endpoint (with `{ url }`, once loaded:
 * call `await adapter.ready()` or use `JsonAdapter.load(url)` when that must be known up front).
 * Static data cannot take comments: see `MemoryAdapter` for a writable variant.
 */
export class JsonAdapter implements MagAdapter {
  /** Subscribes an address by posting it to the data's endpoint; absent when the data has none. */
  declare subscribe?: (email: string, opts?: RequestOptions) => Promise<SubscribeResult>;

  readonly #url?: string;
  readonly #source: string;
  readonly #pageSize?: number;
  readonly #fetchData?: typeof fetch;
  #store?: Store;
  #failure?: MagAdapterError;
  #loading?: Loading;

  constructor(options: JsonAdapterOptions) {
    const { url, sourceName } = options;
    this.#pageSize = options.pageSize;
    this.#fetchData = options.fetch;
    if (url !== undefined) {
      this.#url = String(url);
      this.#source = sourceName ?? `The data file ${this.#url}`;
    } else {
      this.#source = sourceName ?? 'The data';
      try {
        this.#install(options.data);
      } catch (error) {
        // Reported by every call, never thrown from the constructor (no uncaught exception in a page).
        this.#failure = MagAdapterError.from(error);
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
      adapter.#failure = error as MagAdapterError;
      return adapter;
    }
  }

  /** Fetches and validates a data file, then resolves with a ready adapter (`subscribe` already known). */
  static async load(url: string | URL, options: Omit<JsonAdapterOptions, 'data' | 'url'> & RequestOptions = {}): Promise<JsonAdapter> {
    const { signal, ...rest } = options;
    const adapter = new JsonAdapter({ ...rest, url });
    await adapter.ready({ signal });
    return adapter;
  }

  /** Loads and validates the data now (it is otherwise loaded by the first call); rejects like the other calls. */
  async ready(opts: RequestOptions = {}): Promise<void> {
    await this.store(opts.signal);
  }

  /** The article with this id or slug, with previous / next (by date), comment count and home URL. */
  async getArticle(ref: string, opts: RequestOptions = {}): Promise<Article> {
    const store = await this.store(opts.signal);
    return store.article(store.get(ref));
  }

  /** One page of an article's approved comments, oldest first, each reply after its parent. */
  async listComments(articleId: string, opts: ListCommentsOptions = {}): Promise<CommentPage> {
    const store = await this.store(opts.signal);
    const all = store.visibleComments(store.get(articleId));
    // Cursors are opaque to callers: `offset:<n>`, the position of the page's first comment.
    const cursor = /^offset:(\d+)$/.exec(opts.cursor || 'offset:0');
    if (!cursor) throw new MagAdapterError('invalid-data', `"${opts.cursor}" is not a comment page cursor of this adapter.`);
    const offset = Number(cursor[1]);
    const end = offset + (this.#pageSize ?? store.data.commentsPageSize ?? 50);
    const page: CommentPage = { comments: all.slice(offset, end), total: all.length };
    if (end < all.length) page.nextCursor = `offset:${end}`;
    return page;
  }

  /** The newest articles first (default 10), optionally of one section (its name, any case, or its slug). */
  async listRecent(opts: ListRecentOptions = {}): Promise<ArticleSummary[]> {
    return (await this.store(opts.signal)).recent(opts.limit ?? 10, opts.section);
  }

  /** The data's videos, newest first (default 10; those without a date last). */
  async listVideos(opts: ListVideosOptions = {}): Promise<Video[]> {
    return (await this.store(opts.signal)).videos(opts.limit ?? 10);
  }

  /** The about box with this key (`magazine`, `author`…); without a key, `default` or else the first one. */
  async getAbout(key?: string, opts: RequestOptions = {}): Promise<About> {
    const about = (await this.store(opts.signal)).about(key);
    if (!about) {
      throw new MagAdapterError('not-found', key === undefined ? 'The data has no about box.' : `The data has no about box named "${key}".`);
    }
    return { ...about };
  }

  /**
   * The validated data, loading it first when needed. For subclasses such as `MemoryAdapter`.
   * Concurrent calls share one load; a caller that aborts leaves it running for the others, and
   * the last one to leave stops it. A failed load is forgotten: the next call fetches again.
   */
  protected async store(signal?: AbortSignal): Promise<Store> {
    throwIfAborted(signal);
    if (this.#failure) throw this.#failure;
    if (this.#store) return this.#store;
    const loading = (this.#loading ??= this.#load());
    loading.waiters++;
    try {
      // #fetch rejects with MagAdapterErrors only.
      return await untilAborted(loading.promise, signal);
    } finally {
      if (--loading.waiters === 0 && this.#loading === loading) {
        this.#loading = undefined;
        loading.controller.abort(signal?.reason);
      }
    }
  }

  /** Starts loading the data file. Once it settles, the next load is a new one (a failure is not kept). */
  #load(): Loading {
    const controller = new AbortController();
    const loading: Loading = {
      controller,
      waiters: 0,
      promise: this.#fetch(controller.signal).finally(() => {
        if (this.#loading === loading) this.#loading = undefined;
      }),
    };
    return loading;
  }

  async #fetch(signal: AbortSignal): Promise<Store> {
    const source = this.#source;
    let text: string;
    try {
      const response = await (this.#fetchData ?? fetch)(this.#url ?? '', { signal, headers: { Accept: 'application/json' } });
      const { status } = response;
      if (status === 404) throw new MagAdapterError('not-found', `${source} was not found (HTTP 404).`, { status });
      if (!response.ok) throw new MagAdapterError('network', `${source} could not be loaded: HTTP ${status} ${response.statusText}`.trim() + '.', { status });
      text = await response.text();
    } catch (error) {
      throw error instanceof MagAdapterError ? error : fetchError(error, `${source} could not be loaded`, signal);
    }
    return this.#install(parseJson(text, source));
  }

  /** Validates the data and makes it the adapter's; throws `invalid-data` listing every problem. */
  #install(data: unknown): Store {
    const store = (this.#store = new Store(parseData(data, this.#source)));
    const endpoint = store.data.subscribe;
    if (endpoint) this.subscribe = (email, opts = {}) => subscribe(endpoint, email, opts.signal);
    return store;
  }
}

/** Posts an address to the data's subscribe endpoint and maps the answer to a `SubscribeResult` or an error. */
async function subscribe(endpoint: DataSubscribe, email: string, signal?: AbortSignal): Promise<SubscribeResult> {
  throwIfAborted(signal);
  const address = email.trim();
  if (!/^[^\s@]+@[^\s@]+$/.test(address)) throw new MagAdapterError('rejected', 'Enter a valid email address.', { field: 'email' });
  const url = endpoint.endpoint;
  const field = endpoint.field ?? 'email';
  const json = endpoint.encoding === 'json';
  let response: Response;
  try {
    // A URLSearchParams body is sent as application/x-www-form-urlencoded;charset=UTF-8.
    response = await fetch(url, {
      method: endpoint.method ?? 'POST',
      headers: json ? { Accept: 'application/json', 'Content-Type': 'application/json' } : { Accept: 'application/json' },
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
