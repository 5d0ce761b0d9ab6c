import type {
  About,
  Article,
  ArticleSummary,
  Comment,
  CommentDraft,
  CommentPage,
  ListCommentsOptions,
  ListRecentOptions,
  MagAdapter,
  RequestOptions,
  SubscribeResult,
} from './model.js';
import { MagAdapterError } from './errors.js';
import {
  aboutCheck,
  arrayOf,
  articleCheck,
  articleSummaryCheck,
  assertValid,
  commentCheck,
  commentPageCheck,
  subscribeResultCheck,
} from './validate.js';

/** The kinds of resources the provider shares. */
export type ResourceKind = 'article' | 'comments' | 'recent' | 'about';

export interface SharedAdapterOptions {
  /** How long a result is reused, in milliseconds (default 5 minutes; 0 shares only calls in flight). */
  maxAge?: number;
  /** How long to wait for the adapter before failing with `timeout`, in milliseconds (default 20 s; 0 waits forever). */
  timeout?: number;
}

/**
 * Fired by a `SharedAdapter` when cached results are dropped (after a comment is posted, or on
 * `refresh()`); elements showing an affected resource load it again.
 */
export class MagInvalidateEvent extends Event {
  readonly kind?: ResourceKind;
  readonly id?: string;

  constructor(kind?: ResourceKind, id?: string) {
    super('mag-invalidate');
    this.kind = kind;
    this.id = id;
  }

  /** True when a resource of this kind (and id, for articles and comments) is affected. */
  affects(kind: ResourceKind, id?: string): boolean {
    if (this.kind === undefined) return true;
    if (this.kind !== kind) return false;
    return this.id === undefined || id === undefined || this.id === id;
  }
}

interface Entry {
  promise: Promise<unknown>;
  controller: AbortController;
  settled: boolean;
  settledAt: number;
  waiters: number;
  kind: ResourceKind;
  /** The ids this entry concerns: the ref asked for, and the article id it resolved to. */
  ids: Set<string>;
}

const aborted = (reason?: unknown) => new MagAdapterError('aborted', 'The request was cancelled.', { cause: reason });

/**
 * Wraps any `MagAdapter` so that the elements of one provider share its answers: identical calls
 * made at the same time or within `maxAge` reach the adapter once; an element that leaves does not
 * abort a call others still wait for; failures are never cached; every answer is checked against
 * the data model (a malformed one becomes an `invalid-data` error) and every failure becomes a
 * `MagAdapterError`. It is what `<mag-provider>` puts in the context.
 */
export class SharedAdapter extends EventTarget implements MagAdapter {
  readonly adapter: MagAdapter;
  maxAge: number;
  timeout: number;
  readonly #entries = new Map<string, Entry>();

  constructor(adapter: MagAdapter, options: SharedAdapterOptions = {}) {
    super();
    this.adapter = adapter;
    this.maxAge = options.maxAge ?? 5 * 60_000;
    this.timeout = options.timeout ?? 20_000;
  }

  /** True when the adapter can post comments. */
  get canPostComment(): boolean {
    return typeof this.adapter.postComment === 'function';
  }

  /** True when the adapter can subscribe an address. */
  get canSubscribe(): boolean {
    return typeof this.adapter.subscribe === 'function';
  }

  /** True when the adapter has about boxes. */
  get canGetAbout(): boolean {
    return typeof this.adapter.getAbout === 'function';
  }

  /**
   * Resolves once the adapter knows its capabilities (`canSubscribe`…): adapters that load their data
   * lazily define `ready()`. A failure to load is not reported here: the data calls report it.
   */
  async ready(opts: RequestOptions = {}): Promise<void> {
    const ready = this.adapter.ready?.bind(this.adapter);
    if (!ready) return;
    try {
      await this.#once(async (signal) => ready({ signal }), opts.signal);
    } catch {
      // The data calls report load failures with their own message and retry.
    }
  }

  getArticle(ref: string, opts: RequestOptions = {}): Promise<Article> {
    return this.#shared('article', [ref], `article:${ref}`, async (signal) => {
      const article = assertValid<Article>(articleCheck, await this.adapter.getArticle(ref, { signal }), 'article', 'The article');
      return article;
    }, opts.signal, (article) => [article.id, ...(article.slug ? [article.slug] : [])]);
  }

  listComments(articleId: string, opts: ListCommentsOptions = {}): Promise<CommentPage> {
    const cursor = opts.cursor ?? '';
    return this.#shared('comments', [articleId], `comments:${articleId}:${cursor}`, async (signal) =>
      assertValid<CommentPage>(
        commentPageCheck,
        await this.adapter.listComments(articleId, cursor ? { cursor, signal } : { signal }),
        'commentPage',
        'The comment page',
      ), opts.signal);
  }

  listRecent(opts: ListRecentOptions = {}): Promise<ArticleSummary[]> {
    const { limit, section } = opts;
    const query: ListRecentOptions = {};
    if (limit !== undefined) query.limit = limit;
    if (section) query.section = section;
    return this.#shared('recent', [], `recent:${limit ?? ''}:${section ?? ''}`, async (signal) =>
      assertValid<ArticleSummary[]>(
        arrayOf(articleSummaryCheck),
        await this.adapter.listRecent({ ...query, signal }),
        'recent',
        'The list of recent articles',
      ), opts.signal);
  }

  getAbout(key?: string, opts: RequestOptions = {}): Promise<About> {
    const getAbout = this.adapter.getAbout?.bind(this.adapter);
    if (!getAbout) return Promise.reject(new MagAdapterError('unsupported', 'This adapter has no about boxes.'));
    return this.#shared('about', key ? [key] : [], `about:${key ?? ''}`, async (signal) =>
      assertValid<About>(aboutCheck, await getAbout(key, { signal }), 'about', 'The about box'), opts.signal);
  }

  /** Subscribes an address. Never shared or cached. */
  async subscribe(email: string, opts: RequestOptions = {}): Promise<SubscribeResult> {
    const subscribe = this.adapter.subscribe?.bind(this.adapter);
    if (!subscribe) throw new MagAdapterError('unsupported', 'This adapter cannot subscribe addresses.');
    return this.#once(async (signal) =>
      assertValid<SubscribeResult>(subscribeResultCheck, await subscribe(email, { signal }), 'subscribeResult', 'The subscription answer'), opts.signal);
  }

  /**
   * Posts a comment. Never shared. On success the article's comment pages and the article itself
   * are dropped from the cache, and a `mag-invalidate` event tells elements to load them again.
   */
  async postComment(articleId: string, draft: CommentDraft, opts: RequestOptions = {}): Promise<Comment> {
    const postComment = this.adapter.postComment?.bind(this.adapter);
    if (!postComment) throw new MagAdapterError('unsupported', 'This adapter cannot post comments.');
    const comment = await this.#once(async (signal) =>
      assertValid<Comment>(commentCheck, await postComment(articleId, draft, { signal }), 'comment', 'The posted comment'), opts.signal);
    this.invalidate('comments', articleId);
    this.invalidate('article', articleId);
    return comment;
  }

  /**
   * Drops cached results (all of them, those of a kind, or those of one article) and fires
   * `mag-invalidate` so that elements showing them load them again.
   */
  invalidate(kind?: ResourceKind, id?: string): void {
    const event = new MagInvalidateEvent(kind, id);
    for (const [key, entry] of this.#entries) {
      if (kind !== undefined && entry.kind !== kind) continue;
      if (id !== undefined && !entry.ids.has(id)) continue;
      // In-flight calls stay shared with their current waiters; new callers start a fresh call.
      this.#entries.delete(key);
    }
    this.dispatchEvent(event);
  }

  /** Drops every cached result and tells every element to load again. */
  refresh(): void {
    this.invalidate();
  }

  #shared<T>(
    kind: ResourceKind,
    ids: string[],
    key: string,
    call: (signal: AbortSignal) => Promise<T>,
    signal: AbortSignal | undefined,
    idsOf?: (value: T) => string[],
  ): Promise<T> {
    if (signal?.aborted) return Promise.reject(aborted(signal.reason));
    let entry = this.#entries.get(key);
    if (entry && entry.settled && Date.now() - entry.settledAt > this.maxAge) {
      this.#entries.delete(key);
      entry = undefined;
    }
    if (!entry) {
      const controller = new AbortController();
      const fresh: Entry = {
        controller,
        settled: false,
        settledAt: 0,
        waiters: 0,
        kind,
        ids: new Set(ids),
        promise: Promise.resolve(),
      };
      fresh.promise = this.#guard(call, controller).then(
        (value) => {
          fresh.settled = true;
          fresh.settledAt = Date.now();
          for (const id of idsOf?.(value) ?? []) fresh.ids.add(id);
          if (this.maxAge <= 0 && this.#entries.get(key) === fresh) this.#entries.delete(key);
          return value;
        },
        (error: unknown) => {
          // Failures are never cached: the next call (a retry) asks the adapter again.
          if (this.#entries.get(key) === fresh) this.#entries.delete(key);
          throw error;
        },
      );
      this.#entries.set(key, fresh);
      entry = fresh;
    }
    return this.#wait(entry, signal) as Promise<T>;
  }

  /** One caller's view of a shared call: aborting it leaves the call running for the others. */
  #wait(entry: Entry, signal: AbortSignal | undefined): Promise<unknown> {
    if (entry.settled || !signal) return entry.promise;
    entry.waiters++;
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        entry.waiters--;
        if (entry.waiters === 0 && !entry.settled) {
          entry.controller.abort(signal.reason);
          for (const [key, value] of this.#entries) if (value === entry) this.#entries.delete(key);
        }
        reject(aborted(signal.reason));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      entry.promise.then(
        (value) => {
          signal.removeEventListener('abort', onAbort);
          entry.waiters--;
          resolve(value);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          entry.waiters--;
          reject(MagAdapterError.from(error));
        },
      );
    });
  }

  /** A call that is not shared (posting, subscribing), with the same timeout and error handling. */
  #once<T>(call: (signal: AbortSignal) => Promise<T>, signal: AbortSignal | undefined): Promise<T> {
    if (signal?.aborted) return Promise.reject(aborted(signal.reason));
    const controller = new AbortController();
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    return this.#guard(call, controller).finally(() => signal?.removeEventListener('abort', onAbort));
  }

  /** Runs an adapter call with the timeout, turning whatever it throws (even synchronously) into a MagAdapterError. */
  #guard<T>(call: (signal: AbortSignal) => Promise<T>, controller: AbortController): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const finish = () => {
        if (timer !== undefined) clearTimeout(timer);
        controller.signal.removeEventListener('abort', onAbort);
      };
      const onAbort = () => {
        finish();
        reject(aborted(controller.signal.reason));
      };
      controller.signal.addEventListener('abort', onAbort, { once: true });
      if (this.timeout > 0) {
        timer = setTimeout(() => {
          finish();
          reject(new MagAdapterError('timeout', `The data source did not answer within ${Number((this.timeout / 1000).toFixed(2))} s.`));
          controller.abort(new DOMException('Timed out', 'TimeoutError'));
        }, this.timeout);
      }
      let promise: Promise<T>;
      try {
        promise = Promise.resolve(call(controller.signal));
      } catch (error) {
        promise = Promise.reject(MagAdapterError.from(error));
      }
      promise.then(
        (value) => {
          finish();
          resolve(value);
        },
        (error: unknown) => {
          finish();
          if (controller.signal.aborted && !(error instanceof MagAdapterError && error.code !== 'aborted')) return reject(aborted(controller.signal.reason));
          const failure = MagAdapterError.from(error);
          // `aborted` means "cancelled by us" to the elements (they stay quiet); a request the data source
          // cancelled on its own is a failed request, shown with a retry.
          reject(failure.code === 'aborted' ? new MagAdapterError('network', `The data source cancelled the request: ${failure.message}`, { cause: error }) : failure);
        },
      );
    });
  }
}

const wrappers = new WeakMap<MagAdapter, SharedAdapter>();

/** The shared wrapper of an adapter (one per adapter object), or the adapter itself when it already is one. */
export function shareAdapter(adapter: MagAdapter | SharedAdapter, options?: SharedAdapterOptions): SharedAdapter {
  if (adapter instanceof SharedAdapter) return adapter;
  let shared = wrappers.get(adapter);
  if (!shared) {
    shared = new SharedAdapter(adapter, options);
    wrappers.set(adapter, shared);
  }
  return shared;
}
