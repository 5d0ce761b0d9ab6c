/**
 * `JsonAdapter`: the embedded default data source. It reads one data file (docs/data-format.md),
 * validates it and derives everything the elements need (previous / next, recent lists, section
 * filters, comment threads and pages, about boxes). With a `subscribe` endpoint in the data it
 * also subscribes addresses by posting them to that endpoint.
 */
import type {
  About,
  Article,
  ArticleSummary,
  CommentPage,
  ListCommentsOptions,
  ListRecentOptions,
  MagAdapter,
  RequestOptions,
  SubscribeResult,
} from '../../core/model.js';
import { MagAdapterError, abortError, throwIfAborted } from '../../core/errors.js';
import { assertValid } from '../../core/validate.js';
import { dataCheck, type MagData } from './data-format.js';
import { Store } from './store.js';

export { validateData } from './data-format.js';
export type { DataArticle, DataComment, DataSection, DataSubscribe, MagData } from './data-format.js';

/** How `JsonAdapter` gets its data: an already parsed object, or a URL fetched on first use. */
export type JsonAdapterOptions = ({ data: unknown; url?: undefined } | { url: string | URL; data?: undefined }) & {
  /** Comments per page (default: the data's `commentsPageSize`, else 50). */
  pageSize?: number;
  /** Used in messages about the data (default: the URL, or "The data"). */
  sourceName?: string;
};

const DEFAULT_PAGE_SIZE = 50;
const DEFAULT_RECENT_LIMIT = 10;
const SUBSCRIBE_STATUSES = new Set<string>(['subscribed', 'confirmation-sent', 'already-subscribed']);

interface PendingLoad {
  promise: Promise<Store>;
  controller: AbortController;
  waiters: number;
}

const encodeCursor = (offset: number): string => btoa(`offset:${offset}`);
function decodeCursor(cursor: string): number | undefined {
  try {
    const match = /^offset:(\d+)$/.exec(atob(cursor));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
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
  #store?: Store;
  #failure?: MagAdapterError;
  #pending?: PendingLoad;

  constructor(options: JsonAdapterOptions) {
    this.#pageSize = options.pageSize;
    if (options.url !== undefined) {
      this.#url = String(options.url);
      this.#source = options.sourceName ?? `The data file ${this.#url}`;
    } else {
      this.#source = options.sourceName ?? 'The data';
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
    const source = options.sourceName ?? 'The inline data';
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      const adapter = new JsonAdapter({ ...options, data: {}, sourceName: source });
      adapter.#failure = new MagAdapterError('invalid-data', `${source} is not valid JSON: ${(error as Error).message}`, {
        problems: [`(root): ${(error as Error).message}`],
        cause: error,
      });
      return adapter;
    }
    return new JsonAdapter({ ...options, data, sourceName: source });
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
    const offset = opts.cursor ? decodeCursor(opts.cursor) : 0;
    if (offset === undefined) throw new MagAdapterError('invalid-data', `"${opts.cursor}" is not a comment page cursor of this adapter.`);
    const size = this.#pageSize ?? store.data.commentsPageSize ?? DEFAULT_PAGE_SIZE;
    const end = offset + size;
    const page: CommentPage = { comments: all.slice(offset, end), total: all.length };
    if (end < all.length) page.nextCursor = encodeCursor(end);
    return page;
  }

  /** The newest articles first (default 10), optionally of one section (its name, any case, or its slug). */
  async listRecent(opts: ListRecentOptions = {}): Promise<ArticleSummary[]> {
    const store = await this.store(opts.signal);
    return store.recent(opts.limit ?? DEFAULT_RECENT_LIMIT, opts.section);
  }

  /** The about box with this key (`magazine`, `author`…); without a key, `default` or else the first one. */
  async getAbout(key?: string, opts: RequestOptions = {}): Promise<About> {
    const store = await this.store(opts.signal);
    const about = store.about(key);
    if (!about) {
      throw new MagAdapterError('not-found', key === undefined ? 'The data has no about box.' : `The data has no about box named "${key}".`);
    }
    return { ...about };
  }

  /** The validated data, loading it first when needed. For subclasses such as `MemoryAdapter`. */
  protected async store(signal?: AbortSignal): Promise<Store> {
    throwIfAborted(signal);
    if (this.#failure) throw this.#failure;
    if (this.#store) return this.#store;
    let pending = this.#pending;
    if (!pending) {
      const controller = new AbortController();
      const fresh: PendingLoad = { controller, waiters: 0, promise: Promise.resolve(undefined as unknown as Store) };
      fresh.promise = this.#fetch(controller.signal).finally(() => {
        if (this.#pending === fresh) this.#pending = undefined;
      });
      this.#pending = pending = fresh;
    }
    return this.#wait(pending, signal);
  }

  /** One caller's wait: aborting it aborts the fetch only when nobody else waits for it. */
  #wait(pending: PendingLoad, signal?: AbortSignal): Promise<Store> {
    pending.waiters++;
    return new Promise<Store>((resolve, reject) => {
      const onAbort = () => {
        pending.waiters--;
        if (pending.waiters === 0) {
          pending.controller.abort(signal?.reason);
          if (this.#pending === pending) this.#pending = undefined;
        }
        if (signal) reject(abortError(signal));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      pending.promise.then(
        (store) => {
          signal?.removeEventListener('abort', onAbort);
          pending.waiters--;
          resolve(store);
        },
        (error: unknown) => {
          signal?.removeEventListener('abort', onAbort);
          pending.waiters--;
          reject(MagAdapterError.from(error));
        },
      );
    });
  }

  async #fetch(signal: AbortSignal): Promise<Store> {
    const url = this.#url ?? '';
    let response: Response;
    try {
      response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
    } catch (error) {
      if (signal.aborted) throw abortError(signal, error);
      throw new MagAdapterError('network', `${this.#source} could not be loaded: ${(error as Error).message || 'the network request failed'}.`, { cause: error });
    }
    if (response.status === 404) throw new MagAdapterError('not-found', `${this.#source} was not found (HTTP 404).`, { status: 404 });
    if (!response.ok) {
      throw new MagAdapterError('network', `${this.#source} could not be loaded: HTTP ${response.status} ${response.statusText}`.trim() + '.', {
        status: response.status,
      });
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      if (signal.aborted) throw abortError(signal, error);
      throw new MagAdapterError('network', `${this.#source} could not be read: ${(error as Error).message}.`, { cause: error });
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      const message = (error as Error).message;
      throw new MagAdapterError('invalid-data', `${this.#source} is not valid JSON: ${message}`, { problems: [`(root): ${message}`], cause: error });
    }
    return this.#install(data);
  }

  /** Validates the data and makes it the adapter's; throws `invalid-data` listing every problem. */
  #install(data: unknown): Store {
    const valid = assertValid<MagData>(dataCheck, data, '', this.#source);
    const store = new Store(valid);
    this.#store = store;
    if (valid.subscribe) this.subscribe = (email, opts) => this.#subscribe(email, opts);
    return store;
  }

  async #subscribe(email: string, opts: RequestOptions = {}): Promise<SubscribeResult> {
    throwIfAborted(opts.signal);
    const endpoint = this.#store?.data.subscribe;
    if (!endpoint) throw new MagAdapterError('unsupported', 'This data has no subscribe endpoint.');
    const address = email.trim();
    if (!/^[^\s@]+@[^\s@]+$/.test(address)) {
      throw new MagAdapterError('rejected', 'Enter a valid email address.', { field: 'email' });
    }
    const field = endpoint.field ?? 'email';
    const json = endpoint.encoding === 'json';
    let response: Response;
    try {
      response = await fetch(endpoint.endpoint, {
        method: endpoint.method ?? 'POST',
        headers: { Accept: 'application/json', 'Content-Type': json ? 'application/json' : 'application/x-www-form-urlencoded;charset=UTF-8' },
        body: json ? JSON.stringify({ [field]: address }) : new URLSearchParams({ [field]: address }).toString(),
        signal: opts.signal,
      });
    } catch (error) {
      if (opts.signal?.aborted) throw abortError(opts.signal, error);
      throw new MagAdapterError('network', `The subscription could not be sent to ${endpoint.endpoint}: ${(error as Error).message || 'the network request failed'}.`, {
        cause: error,
      });
    }
    const body = await readBody(response);
    const { status } = response;
    if (response.ok) {
      const said = typeof body === 'object' && body !== null ? (body as { status?: unknown }).status : undefined;
      return { status: typeof said === 'string' && SUBSCRIBE_STATUSES.has(said) ? (said as SubscribeResult['status']) : 'subscribed' };
    }
    if (status === 409) return { status: 'already-subscribed' };
    if (status === 400 || status === 422) {
      throw new MagAdapterError('rejected', serverMessage(body) ?? 'The address was refused.', { field: 'email', status });
    }
    if (status === 429) throw new MagAdapterError('too-fast', serverMessage(body) ?? 'Too many attempts: try again later.', { status });
    if (status >= 500 || status === 404) {
      throw new MagAdapterError('network', `The subscription endpoint ${endpoint.endpoint} answered HTTP ${status}.`, { status });
    }
    throw new MagAdapterError('rejected', serverMessage(body) ?? `The subscription was refused (HTTP ${status}).`, { status });
  }
}

/** The JSON body when there is one, else the text (empty string when unreadable). */
async function readBody(response: Response): Promise<unknown> {
  let text: string;
  try {
    text = await response.text();
  } catch {
    return '';
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** `{ "message": … }` or `{ "error": … }` (string, or `{ message }`), or a short plain-text body. */
function serverMessage(body: unknown): string | undefined {
  if (typeof body === 'string') {
    const text = body.trim();
    return text && text.length <= 300 && !text.startsWith('<') ? text : undefined;
  }
  if (typeof body !== 'object' || body === null) return undefined;
  const { message, error } = body as { message?: unknown; error?: unknown };
  if (typeof message === 'string' && message.trim()) return message.trim();
  if (typeof error === 'string' && error.trim()) return error.trim();
  if (typeof error === 'object' && error !== null) return serverMessage(error);
  return undefined;
}
