/**
 * The shared adapter: what `<mag-provider>` puts in the context. It shares the host's adapter's
 * answers among the provider's elements (in flight and for `maxAge`), checks each answer against the
 * model, and drops what a change affects. How each call is made (time-out, errors): adapter-call.ts;
 * the snapshot a server render writes: snapshot.ts; the `mag-invalidate` event: events.ts.
 */

import type {
  About,
  Article,
  ArticleSummary,
  Comment,
  CommentDraft,
  CommentPage,
  ListCommentsOptions,
  ListRecentOptions,
  ListVideosOptions,
  MagAdapter,
  RequestOptions,
  SubscribeResult,
  Video,
} from './model.js';
import { aboutSchema, articleSchema, commentPageSchema, commentSchema, recentSchema, subscribeResultSchema, videosSchema } from './model.js';
import { MagAdapterError, abortError, untilAborted } from './errors.js';
import { validated } from './schema.js';
import { guardedCall, unsharedCall } from './adapter-call.js';
import type { AdapterCall } from './adapter-call.js';
import { MagInvalidateEvent } from './events.js';
import type { ResourceKind } from './events.js';
import { readSnapshot } from './snapshot.js';
import type { Capabilities, SharedSnapshot, SnapshotEntry } from './snapshot.js';

export { MagInvalidateEvent, type ResourceKind } from './events.js';
export type { SharedSnapshot, SnapshotEntry } from './snapshot.js';

/** Options of `SharedAdapter.postComment()`. */
export interface PostCommentOptions extends RequestOptions {
  /** Who posts (an element): named as the `origin` of the `mag-invalidate` events the post causes. */
  origin?: object;
}

export interface SharedAdapterOptions {
  /** How long a result is reused, in milliseconds (default 5 minutes; 0 shares only calls in flight). */
  maxAge?: number;
  /** How long to wait for the adapter before failing with `timeout`, in milliseconds (default 20 s; 0 waits forever). */
  timeout?: number;
  /**
   * Show images whose address is relative (the integrator's own data: `<mag-provider allow-relative-images>`).
   * Off by default: a relative image makes a request to the page's own site, with the reader's cookies.
   */
  allowRelativeImages?: boolean;
}

interface Entry {
  promise: Promise<unknown>;
  /** The answer, once the call succeeded. */
  value?: unknown;
  controller: AbortController;
  /** When the call succeeded (undefined while it runs, or after it failed). */
  settledAt?: number;
  waiters: number;
  kind: ResourceKind;
  /** The ids this entry concerns: the ref asked for, and the article id it resolved to. */
  ids: Set<string>;
}

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
  /** See `SharedAdapterOptions.allowRelativeImages`. */
  allowRelativeImages: boolean;
  private readonly _entries = new Map<string, Entry>();
  /** What a snapshot said the adapter can do (see `seed()`). */
  private _seededCapabilities?: Capabilities;

  constructor(adapter: MagAdapter, options: SharedAdapterOptions = {}) {
    super();
    this.adapter = adapter;
    this.maxAge = options.maxAge ?? 5 * 60_000;
    this.timeout = options.timeout ?? 20_000;
    this.allowRelativeImages = options.allowRelativeImages ?? false;
  }

  /** True when the adapter can post comments. */
  get canPostComment(): boolean {
    return typeof this.adapter.postComment === 'function' || this._seededCapabilities?.postComment === true;
  }

  /** True when the adapter can subscribe an address. */
  get canSubscribe(): boolean {
    return typeof this.adapter.subscribe === 'function' || this._seededCapabilities?.subscribe === true;
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
    // A snapshot told the capabilities: nothing to load for them.
    if (!ready || this._seededCapabilities) return;
    try {
      await unsharedCall(async (signal) => ready({ signal }), opts.signal, this.timeout);
    } catch {
      // The data calls report load failures with their own message and retry.
    }
  }

  getArticle(ref: string, opts: RequestOptions = {}): Promise<Article> {
    return this._shared('article', [ref], `article:${ref}`, async (signal) => {
      const article = validated(articleSchema, await this.adapter.getArticle(ref, { signal }), 'article', 'The article');
      return article;
    }, opts.signal, (article) => [article.id, ...(article.slug ? [article.slug] : [])]);
  }

  listComments(articleId: string, opts: ListCommentsOptions = {}): Promise<CommentPage> {
    const cursor = opts.cursor ?? '';
    return this._shared('comments', [articleId], `comments:${articleId}:${cursor}`, async (signal) =>
      validated(
        commentPageSchema,
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
    return this._shared('recent', [], `recent:${limit ?? ''}:${section ?? ''}`, async (signal) =>
      validated(
        recentSchema,
        await this.adapter.listRecent({ ...query, signal }),
        'recent',
        'The list of recent articles',
      ), opts.signal);
  }

  getAbout(key?: string, opts: RequestOptions = {}): Promise<About> {
    const getAbout = this.adapter.getAbout?.bind(this.adapter);
    if (!getAbout) return Promise.reject(new MagAdapterError('unsupported', 'This adapter has no about boxes.'));
    return this._shared('about', key ? [key] : [], `about:${key ?? ''}`, async (signal) =>
      validated(aboutSchema, await getAbout(key, { signal }), 'about', 'The about box'), opts.signal);
  }

  listVideos(opts: ListVideosOptions = {}): Promise<Video[]> {
    const listVideos = this.adapter.listVideos?.bind(this.adapter);
    if (!listVideos) return Promise.reject(new MagAdapterError('unsupported', 'This adapter has no videos.'));
    const { limit } = opts;
    return this._shared('videos', [], `videos:${limit ?? ''}`, async (signal) =>
      validated(videosSchema, await listVideos(limit === undefined ? { signal } : { limit, signal }), 'videos', 'The list of videos'), opts.signal);
  }

  /** The article this provider already holds for `ref` (asked for within `maxAge`), if any. */
  cachedArticle(ref: string): Article | undefined {
    return this._cached(`article:${ref}`) as Article | undefined;
  }

  /** The comment page this provider already holds, if any. */
  cachedComments(articleId: string, cursor?: string): CommentPage | undefined {
    return this._cached(`comments:${articleId}:${cursor ?? ''}`) as CommentPage | undefined;
  }

  /** The recent list this provider already holds for these options, if any. */
  cachedRecent(opts: Omit<ListRecentOptions, 'signal'> = {}): ArticleSummary[] | undefined {
    return this._cached(`recent:${opts.limit ?? ''}:${opts.section || ''}`) as ArticleSummary[] | undefined;
  }

  /** The about box this provider already holds for `key`, if any. */
  cachedAbout(key?: string): About | undefined {
    return this._cached(`about:${key ?? ''}`) as About | undefined;
  }

  /** The video list this provider already holds for this limit, if any. */
  cachedVideos(opts: Omit<ListVideosOptions, 'signal'> = {}): Video[] | undefined {
    return this._cached(`videos:${opts.limit ?? ''}`) as Video[] | undefined;
  }

  /** The value of a call that succeeded within `maxAge`, if any. */
  private _cached(key: string): unknown {
    const entry = this._entries.get(key);
    return entry?.settledAt !== undefined && Date.now() - entry.settledAt <= this.maxAge ? entry.value : undefined;
  }

  /** Subscribes an address. Never shared or cached. */
  async subscribe(email: string, opts: RequestOptions = {}): Promise<SubscribeResult> {
    const subscribe = (await this._capability('subscribe', opts))?.bind(this.adapter);
    if (!subscribe) throw new MagAdapterError('unsupported', 'This adapter cannot subscribe addresses.');
    return unsharedCall(async (signal) =>
      validated(subscribeResultSchema, await subscribe(email, { signal }), 'subscribeResult', 'The subscription answer'), opts.signal, this.timeout);
  }

  /**
   * Posts a comment. Never shared. On success the article's comment pages and the article itself
   * are dropped from the cache, and a `mag-invalidate` event (whose `origin` is `opts.origin`) tells
   * elements to load them again; the element that posted can tell its own post by that origin.
   */
  async postComment(articleId: string, draft: CommentDraft, opts: PostCommentOptions = {}): Promise<Comment> {
    const postComment = (await this._capability('postComment', opts))?.bind(this.adapter);
    if (!postComment) throw new MagAdapterError('unsupported', 'This adapter cannot post comments.');
    const comment = await unsharedCall(async (signal) =>
      validated(commentSchema, await postComment(articleId, draft, { signal }), 'comment', 'The posted comment'), opts.signal, this.timeout);
    this.invalidate('comments', articleId, opts.origin);
    this.invalidate('article', articleId, opts.origin);
    return comment;
  }

  /**
   * Drops cached results (all of them, those of a kind, or those of one article) and fires
   * `mag-invalidate` so that elements showing them load them again.
   */
  invalidate(kind?: ResourceKind, id?: string, origin?: object): void {
    const event = new MagInvalidateEvent(kind, id, origin);
    for (const [key, entry] of this._entries) {
      if (kind !== undefined && entry.kind !== kind) continue;
      if (id !== undefined && !entry.ids.has(id)) continue;
      // In-flight calls stay shared with their current waiters; new callers start a fresh call.
      this._entries.delete(key);
    }
    this.dispatchEvent(event);
  }

  /** Drops every cached result and tells every element to load again. */
  refresh(): void {
    this.invalidate();
  }

  /**
   * The answers this provider holds, and what its adapter can do: what a server render embeds in the
   * page, so that the page's elements show them at once without asking again (`seed()`).
   */
  snapshot(): SharedSnapshot {
    const entries: SnapshotEntry[] = [];
    for (const [key, entry] of this._entries) {
      if (entry.settledAt !== undefined) entries.push({ key, kind: entry.kind, ids: [...entry.ids], value: entry.value });
    }
    return { version: 1, entries, capabilities: { subscribe: this.canSubscribe, postComment: this.canPostComment } };
  }

  /**
   * Takes in a snapshot made by `snapshot()` (from a server render of the page): its answers are shared
   * as if this provider had asked for them (for `maxAge` from now), and its capabilities are known without
   * loading anything. Answers that are not valid data are left out (the element asks again).
   */
  seed(snapshot: unknown): void {
    const read = readSnapshot(snapshot);
    if (!read) return;
    const now = Date.now();
    for (const { key, kind, ids, value } of read.entries) {
      this._entries.set(key, {
        promise: Promise.resolve(value),
        value,
        controller: new AbortController(),
        settledAt: now,
        waiters: 0,
        kind,
        ids: new Set(ids),
      });
    }
    if (read.capabilities) this._seededCapabilities = read.capabilities;
  }

  /** Resolves once every call in flight has settled (a server render waits for what its elements asked for). */
  async settled(): Promise<void> {
    let pending: Promise<unknown>[];
    while ((pending = [...this._entries.values()].filter((entry) => entry.settledAt === undefined).map((entry) => entry.promise)).length) {
      await Promise.allSettled(pending);
    }
  }

  /**
   * An optional method of the adapter. An adapter that learns its capabilities when its data loads (a
   * JSON file that names a subscribe endpoint) is given the time to load, once a snapshot said it can,
   * within the provider's time-out like any call.
   */
  private async _capability<K extends 'subscribe' | 'postComment'>(name: K, opts: RequestOptions): Promise<MagAdapter[K]> {
    const ready = this.adapter.ready?.bind(this.adapter);
    if (ready && !this.adapter[name] && this._seededCapabilities?.[name]) await unsharedCall(async (signal) => ready({ signal }), opts.signal, this.timeout);
    return this.adapter[name];
  }

  private _shared<T>(
    kind: ResourceKind,
    ids: string[],
    key: string,
    call: AdapterCall<T>,
    signal: AbortSignal | undefined,
    idsOf?: (value: T) => string[],
  ): Promise<T> {
    if (signal?.aborted) return Promise.reject(abortError(signal));
    let entry = this._entries.get(key);
    if (!entry || (entry.settledAt !== undefined && Date.now() - entry.settledAt > this.maxAge)) {
      const controller = new AbortController();
      const fresh: Entry = {
        controller,
        waiters: 0,
        kind,
        ids: new Set(ids),
        promise: guardedCall(call, controller, this.timeout).then(
          (value) => {
            fresh.settledAt = Date.now();
            fresh.value = value;
            for (const id of idsOf?.(value) ?? []) fresh.ids.add(id);
            if (this.maxAge <= 0) this._drop(key, fresh);
            return value;
          },
          (error: unknown) => {
            // Failures are never cached: the next call (a retry) asks the adapter again.
            this._drop(key, fresh);
            throw error;
          },
        ),
      };
      this._entries.set(key, (entry = fresh));
    }
    if (entry.settledAt !== undefined || !signal) return entry.promise as Promise<T>;
    // One caller's view of a shared call: aborting it leaves the call running for the others; the
    // call is aborted (and forgotten) when its last caller leaves.
    const shared = entry;
    shared.waiters++;
    const leave = () => {
      if (--shared.waiters === 0 && shared.settledAt === undefined) {
        shared.controller.abort(signal.reason);
        this._drop(key, shared);
      }
    };
    signal.addEventListener('abort', leave, { once: true });
    return untilAborted(shared.promise as Promise<T>, signal).finally(() => signal.removeEventListener('abort', leave));
  }

  /** Forgets `entry` unless a newer call replaced it. */
  private _drop(key: string, entry: Entry): void {
    if (this._entries.get(key) === entry) this._entries.delete(key);
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
