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
} from '../../src/core/model.js';
import { MagAdapterError } from '../../src/core/errors.js';
import type { MagErrorCode } from '../../src/core/errors.js';
import corpusFile from './xss-corpus.json' with { type: 'json' };

/** One entry of test/security/xss-corpus.json. */
export interface Payload {
  id: string;
  category: string;
  payload: string;
  note?: string;
}

/** Every payload of the corpus (the JSON file is the single source: add payloads there). */
export const corpus: readonly Payload[] = (corpusFile as { payloads: Payload[] }).payloads;

/** The corpus grouped by category, in file order. */
export function byCategory(): Map<string, Payload[]> {
  const groups = new Map<string, Payload[]>();
  for (const p of corpus) {
    const group = groups.get(p.category) ?? [];
    group.push(p);
    groups.set(p.category, group);
  }
  return groups;
}

const PUBLISHED = '2024-01-02T03:04:05Z';
const UPDATED = '2024-01-03T03:04:05Z';

/** An author, a commenter: every field is the payload. */
export function hostilePerson(p: string): { name: string; url: string; avatarUrl: string } {
  return { name: p, url: p, avatarUrl: p };
}

/** Two sections, both named and linked with the payload. */
export function hostileSections(p: string): { name: string; url: string }[] {
  return [
    { name: p, url: p },
    { name: `${p} 2`, url: p },
  ];
}

/** An article whose every string field (title, ids, URLs, author, sections, body, feed, navigation) is the payload. */
export function hostileArticle(p: string, overrides: Partial<Article> = {}): Article {
  return {
    id: p,
    slug: p,
    title: p,
    url: p,
    published: PUBLISHED,
    updated: UPDATED,
    author: hostilePerson(p),
    sections: hostileSections(p),
    bodyHtml: p,
    commentsOpen: true,
    commentCount: 2,
    commentFeedUrl: p,
    commentFeedType: p,
    previous: { id: `${p} previous`, title: p, url: p },
    next: { id: `${p} next`, title: p, url: p },
    homeUrl: p,
    ...overrides,
  };
}

/** A comment and a reply to it: ids, parent id, author name, URL, avatar and body are the payload. */
export function hostileComments(p: string): Comment[] {
  return [
    { id: p, author: hostilePerson(p), published: PUBLISHED, bodyHtml: p, status: 'approved' },
    { id: `${p} reply`, parentId: p, author: hostilePerson(p), published: UPDATED, bodyHtml: p, status: 'approved' },
  ];
}

/** Three recent articles: ids, titles, URLs, sections and excerpts are the payload. */
export function hostileRecent(p: string): ArticleSummary[] {
  return [1, 2, 3].map((i) => ({
    id: `${p} ${i}`,
    title: p,
    url: p,
    published: `2024-01-0${i}T00:00:00Z`,
    sections: hostileSections(p),
    excerpt: p,
  }));
}

/** An about box: title, name, bio, photo URL and alt, contact URL, link labels and URLs are the payload. */
export function hostileAbout(p: string): About {
  return {
    title: p,
    name: p,
    bioHtml: p,
    photoUrl: p,
    photoAlt: p,
    contactUrl: p,
    links: [
      { label: p, url: p },
      { label: `${p} 2`, url: p },
    ],
  };
}

/**
 * Three videos whose every string (ids, titles, pages, players, thumbnails and their alternative text,
 * the first one's provider name) is the payload, with each way a video may play: by its provider's
 * name, as a file, as a PeerTube instance's video.
 */
export function hostileVideos(p: string): Video[] {
  return [p, 'file', 'peertube'].map((provider, i) => ({
    id: `${p} ${i}`,
    title: p,
    url: p,
    published: `2024-01-0${i + 1}T00:00:00Z`,
    thumbnailUrl: p,
    thumbnailAlt: p,
    durationSeconds: 61 * i,
    embedUrl: p,
    provider,
  }));
}

/** An error whose message, reason, field and problems are the payload. */
export function hostileError(p: string, code: MagErrorCode = 'rejected'): MagAdapterError {
  return new MagAdapterError(code, p, { field: p, reason: p, problems: [p, `${p}: ${p}`] });
}

export interface HostileOptions {
  /** Whether the article's comments are open (default true: the comment form renders). */
  commentsOpen?: boolean;
  /**
   * `data` (default): every answer carries the payload in every field.
   * `invalid`: answers are malformed and carry the payload in the wrong places (dates, types),
   * so the provider's validation turns them into `invalid-data` errors whose problems quote it.
   * `error`: every call rejects with a MagAdapterError whose message, field and problems are the payload.
   */
  mode?: 'data' | 'invalid' | 'error';
  /** Error code for the `error` mode (default `rejected`). */
  code?: MagErrorCode;
}

/**
 * A backend run by an attacker: whatever is asked, every string it returns (titles, names, sections,
 * URLs, avatar and photo URLs, bodies, bios, links, feed URL, videos, ids, error messages) is the payload.
 * It implements every optional capability, so that comment and subscribe forms render too.
 */
export class HostileAdapter implements MagAdapter {
  readonly payload: string;
  readonly options: HostileOptions;
  /** How many times each method was called. */
  readonly calls: Record<string, number> = {};

  constructor(payload: string, options: HostileOptions = {}) {
    this.payload = payload;
    this.options = options;
  }

  #answer<T>(method: string, valid: () => T, invalid: () => unknown): Promise<T> {
    this.calls[method] = (this.calls[method] ?? 0) + 1;
    const mode = this.options.mode ?? 'data';
    if (mode === 'error') return Promise.reject(hostileError(this.payload, this.options.code));
    if (mode === 'invalid') return Promise.resolve(invalid() as T);
    return Promise.resolve(valid());
  }

  getArticle(_ref: string, _opts?: RequestOptions): Promise<Article> {
    const p = this.payload;
    return this.#answer(
      'getArticle',
      () => hostileArticle(p, { commentsOpen: this.options.commentsOpen ?? true }),
      () => ({ ...hostileArticle(p), published: p, updated: p, commentsOpen: p, sections: p, author: { name: p, url: 42 } }),
    );
  }

  listComments(_articleId: string, _opts?: ListCommentsOptions): Promise<CommentPage> {
    const p = this.payload;
    return this.#answer(
      'listComments',
      () => ({ comments: hostileComments(p), total: 2 }),
      () => ({ comments: hostileComments(p).map((c) => ({ ...c, published: p, status: p })), total: p }),
    );
  }

  listRecent(_opts?: ListRecentOptions): Promise<ArticleSummary[]> {
    const p = this.payload;
    return this.#answer(
      'listRecent',
      () => hostileRecent(p),
      () => hostileRecent(p).map((a) => ({ ...a, published: p, sections: [{ name: 42, url: p }] })),
    );
  }

  getAbout(_key?: string, _opts?: RequestOptions): Promise<About> {
    const p = this.payload;
    return this.#answer('getAbout', () => hostileAbout(p), () => ({ ...hostileAbout(p), bioHtml: { [p]: p }, links: p }));
  }

  listVideos(_opts?: ListVideosOptions): Promise<Video[]> {
    const p = this.payload;
    return this.#answer('listVideos', () => hostileVideos(p), () => hostileVideos(p).map((v) => ({ ...v, published: p, durationSeconds: p, url: 42 })));
  }

  subscribe(_email: string, _opts?: RequestOptions): Promise<SubscribeResult> {
    return this.#answer('subscribe', () => ({ status: 'confirmation-sent' as const }), () => ({ status: this.payload }));
  }

  postComment(articleId: string, draft: CommentDraft, _opts?: RequestOptions): Promise<Comment> {
    const p = this.payload;
    return this.#answer(
      'postComment',
      () => ({ id: `${p} posted`, author: hostilePerson(p), published: PUBLISHED, bodyHtml: p, status: 'pending' as const, ...(draft.parentId ? { parentId: draft.parentId } : {}) }),
      () => ({ id: p, author: p, published: p, bodyHtml: 42, articleId }),
    );
  }
}
