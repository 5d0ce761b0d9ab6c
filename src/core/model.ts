/**
 * The normalized data model every mag-* element renders, and the adapter contract
 * that any data source (the embedded JSON file, WordPress, Atom/RSS feeds, a custom CMS) implements.
 *
 * Dates are ISO 8601 strings. HTML fields (`bodyHtml`, `bioHtml`) are untrusted: the elements
 * sanitize them before rendering. Every adapter failure rejects with a `MagAdapterError`.
 */

/** A person: an article's author or a commenter. */
export interface Person {
  name: string;
  url?: string;
  avatarUrl?: string;
}

/** A section (category) an article is published in. */
export interface Section {
  name: string;
  url?: string;
}

/** A link to another article, as used for previous / next navigation. */
export interface ArticleLink {
  id: string;
  title: string;
  url?: string;
}

export interface Article {
  id: string;
  slug?: string;
  title: string;
  url?: string;
  /** ISO 8601 date of publication. */
  published: string;
  /** ISO 8601 date of the last update. */
  updated?: string;
  author?: Person;
  sections: Section[];
  /** Untrusted HTML: sanitized before rendering. */
  bodyHtml: string;
  commentsOpen: boolean;
  commentCount?: number;
  /** URL of the article's comment feed (Atom or RSS). */
  commentFeedUrl?: string;
  /** MIME type of the comment feed, when known (`application/atom+xml` or `application/rss+xml`). */
  commentFeedType?: string;
  previous?: ArticleLink;
  next?: ArticleLink;
  homeUrl?: string;
}

export interface ArticleSummary {
  id: string;
  title: string;
  url?: string;
  published: string;
  sections: Section[];
  excerpt?: string;
}

export interface Comment {
  id: string;
  parentId?: string;
  author: Person;
  published: string;
  /** Untrusted HTML: sanitized before rendering. */
  bodyHtml: string;
  status?: 'approved' | 'pending';
}

export interface CommentPage {
  comments: Comment[];
  /** Pass to `listComments` to get the next page; absent on the last page. */
  nextCursor?: string;
  /** Total number of comments on the article, when the source knows it. */
  total?: number;
}

export interface CommentDraft {
  authorName: string;
  authorEmail?: string;
  authorUrl?: string;
  bodyText: string;
  parentId?: string;
  /**
   * The comment form's honeypot, a field people do not see (`name="website"`): filled in, a bot wrote
   * the comment. Adapters drop such a comment quietly (answering as if it awaited moderation).
   */
  honeypot?: string;
}

export interface About {
  title?: string;
  name?: string;
  /** Untrusted HTML: sanitized before rendering. */
  bioHtml: string;
  photoUrl?: string;
  /** Alternative text of the photo or logo. */
  photoAlt?: string;
  contactUrl?: string;
  links?: { label: string; url: string }[];
}

export interface SubscribeResult {
  status: 'subscribed' | 'confirmation-sent' | 'already-subscribed';
}

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface ListCommentsOptions extends RequestOptions {
  cursor?: string;
}

export interface ListRecentOptions extends RequestOptions {
  limit?: number;
  section?: string;
}

/**
 * The adapter contract. `getArticle`, `listComments` and `listRecent` are required;
 * the others are optional capabilities: an element whose capability is missing says so.
 */
export interface MagAdapter {
  /** `ref` is an article id or slug. */
  getArticle(ref: string, opts?: RequestOptions): Promise<Article>;
  listComments(articleId: string, opts?: ListCommentsOptions): Promise<CommentPage>;
  listRecent(opts?: ListRecentOptions): Promise<ArticleSummary[]>;
  /** `key` picks one of several about boxes (for example `magazine` or `author`). */
  getAbout?(key?: string, opts?: RequestOptions): Promise<About>;
  subscribe?(email: string, opts?: RequestOptions): Promise<SubscribeResult>;
  postComment?(articleId: string, draft: CommentDraft, opts?: RequestOptions): Promise<Comment>;
  /**
   * Resolves once the adapter knows its capabilities (for example when a data file that may name a
   * subscribe endpoint has loaded). Elements that depend on an optional method wait for it.
   */
  ready?(opts?: RequestOptions): Promise<unknown>;
}
