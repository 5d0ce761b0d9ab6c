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
  ListVideosOptions,
  SubscribeResult,
  Video,
} from '../../src/core/model.js';
import { MagAdapterError } from '../../src/core/errors.js';

export type FakeMethod = 'getArticle' | 'listComments' | 'listRecent' | 'getAbout' | 'subscribe' | 'postComment' | 'listVideos';

/** What a method does instead of answering: fail with an error, never answer, or answer malformed data. */
export type FakeBehaviour = MagAdapterError | 'never' | { malformed: unknown } | { throwSync: unknown };

export interface FakeData {
  articles?: Article[];
  comments?: Record<string, Comment[]>;
  recent?: ArticleSummary[];
  about?: Record<string, About>;
}

export interface FakeAdapterOptions extends FakeData {
  /** Comments per page (default 50). */
  pageSize?: number;
  /** Milliseconds before every answer (default 0). */
  delay?: number;
  /** Per-method behaviour instead of the normal answer. */
  behaviour?: Partial<Record<FakeMethod, FakeBehaviour>>;
  /** Gives the adapter a `subscribe` method answering this (or failing with it). */
  subscribe?: SubscribeResult['status'] | MagAdapterError | ((email: string) => SubscribeResult | Promise<SubscribeResult>);
  /** Gives the adapter a `listVideos` method answering these videos (without it, the adapter has no videos). */
  videos?: Video[];
  /** Gives the adapter a `postComment` method; `pending` returns comments awaiting moderation. */
  postComment?: 'approved' | 'pending' | MagAdapterError | ((articleId: string, draft: CommentDraft) => Comment | Promise<Comment>);
}

const wait = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(new MagAdapterError('aborted', 'The request was cancelled.'));
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new MagAdapterError('aborted', 'The request was cancelled.'));
      },
      { once: true },
    );
  });

let sequence = 0;

/**
 * An in-memory adapter for stories and element tests (never for testing adapters): it answers
 * from the data given, counts calls, and can be told to fail, hang or answer malformed data.
 */
export class FakeAdapter implements MagAdapter {
  data: Required<FakeData>;
  pageSize: number;
  delay: number;
  behaviour: Partial<Record<FakeMethod, FakeBehaviour>>;
  /** How many times each method was called. */
  readonly calls: Record<FakeMethod, number> = { getArticle: 0, listComments: 0, listRecent: 0, getAbout: 0, subscribe: 0, postComment: 0, listVideos: 0 };
  /** The arguments of every call, newest last. */
  readonly log: { method: FakeMethod; args: unknown[]; signal?: AbortSignal }[] = [];

  declare subscribe?: (email: string, opts?: RequestOptions) => Promise<SubscribeResult>;
  declare postComment?: (articleId: string, draft: CommentDraft, opts?: RequestOptions) => Promise<Comment>;
  declare listVideos?: (opts?: ListVideosOptions) => Promise<Video[]>;

  constructor(options: FakeAdapterOptions = {}) {
    this.data = {
      articles: options.articles ?? [],
      comments: options.comments ?? {},
      recent: options.recent ?? [],
      about: options.about ?? {},
    };
    this.pageSize = options.pageSize ?? 50;
    this.delay = options.delay ?? 0;
    this.behaviour = options.behaviour ?? {};
    const subscribe = options.subscribe;
    if (subscribe !== undefined) {
      this.subscribe = (email, opts) =>
        this.#answer('subscribe', [email], opts, async () => {
          if (subscribe instanceof MagAdapterError) throw subscribe;
          if (typeof subscribe === 'function') return subscribe(email);
          return { status: subscribe };
        });
    }
    const videos = options.videos;
    if (videos !== undefined) {
      this.listVideos = (opts = {}) => this.#answer('listVideos', [opts.limit], opts, () => (opts.limit === undefined ? videos : videos.slice(0, opts.limit)));
    }
    const post = options.postComment;
    if (post !== undefined) {
      this.postComment = (articleId, draft, opts) =>
        this.#answer('postComment', [articleId, draft], opts, async () => {
          if (post instanceof MagAdapterError) throw post;
          if (typeof post === 'function') return post(articleId, draft);
          const comment: Comment = {
            id: `posted-${++sequence}`,
            author: { name: draft.authorName, ...(draft.authorUrl ? { url: draft.authorUrl } : {}) },
            published: new Date().toISOString(),
            bodyHtml: draft.bodyText
              .split(/\n{2,}/)
              .map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`)
              .join(''),
            status: post,
            ...(draft.parentId ? { parentId: draft.parentId } : {}),
          };
          if (post === 'approved') (this.data.comments[articleId] ??= []).push(comment);
          return comment;
        });
    }
  }

  getArticle(ref: string, opts?: RequestOptions): Promise<Article> {
    return this.#answer('getArticle', [ref], opts, () => {
      const article = this.data.articles.find((a) => a.id === ref || a.slug === ref);
      if (!article) throw new MagAdapterError('not-found', `No article "${ref}".`, { status: 404 });
      const comments = this.data.comments[article.id];
      return comments && article.commentCount !== undefined ? { ...article, commentCount: comments.length } : article;
    });
  }

  listComments(articleId: string, opts: ListCommentsOptions = {}): Promise<CommentPage> {
    return this.#answer('listComments', [articleId, opts.cursor], opts, () => {
      if (!this.data.articles.some((a) => a.id === articleId) && !this.data.comments[articleId]) {
        throw new MagAdapterError('not-found', `No article "${articleId}".`, { status: 404 });
      }
      const all = this.data.comments[articleId] ?? [];
      const start = opts.cursor ? Number(opts.cursor) : 0;
      const end = start + this.pageSize;
      return {
        comments: all.slice(start, end),
        total: all.length,
        ...(end < all.length ? { nextCursor: String(end) } : {}),
      };
    });
  }

  listRecent(opts: ListRecentOptions = {}): Promise<ArticleSummary[]> {
    return this.#answer('listRecent', [opts.limit, opts.section], opts, () => {
      let list = [...this.data.recent].sort((a, b) => b.published.localeCompare(a.published));
      if (opts.section) {
        const wanted = opts.section.toLowerCase();
        list = list.filter((a) => a.sections.some((s) => s.name.toLowerCase() === wanted));
      }
      return opts.limit === undefined ? list : list.slice(0, opts.limit);
    });
  }

  getAbout(key?: string, opts?: RequestOptions): Promise<About> {
    return this.#answer('getAbout', [key], opts, () => {
      const about = key === undefined ? Object.values(this.data.about)[0] : this.data.about[key];
      if (!about) throw new MagAdapterError('not-found', `No about box "${key ?? ''}".`, { status: 404 });
      return about;
    });
  }

  #answer<T>(method: FakeMethod, args: unknown[], opts: RequestOptions | undefined, compute: () => T | Promise<T>): Promise<T> {
    this.calls[method]++;
    this.log.push({ method, args, signal: opts?.signal });
    const behaviour = this.behaviour[method];
    if (behaviour && typeof behaviour === 'object' && 'throwSync' in behaviour) throw behaviour.throwSync;
    return (async () => {
      if (this.delay) await wait(this.delay, opts?.signal);
      if (behaviour === 'never') {
        await new Promise<never>((_, reject) =>
          opts?.signal?.addEventListener('abort', () => reject(new MagAdapterError('aborted', 'The request was cancelled.')), { once: true }),
        );
      }
      if (behaviour instanceof MagAdapterError) throw behaviour;
      if (behaviour && typeof behaviour === 'object' && 'malformed' in behaviour) return behaviour.malformed as T;
      return compute();
    })();
  }
}
