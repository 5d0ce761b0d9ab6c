/**
 * The normalized data model every mag-* element renders, and the adapter contract
 * that any data source (the embedded JSON file, WordPress, Atom/RSS feeds, a custom CMS) implements.
 *
 * Each shape an adapter answers with is a schema (src/core/schema.ts) and its type is inferred from
 * it, so that the type and the check of every answer cannot drift apart: `SharedAdapter` checks every
 * answer against these schemas.
 *
 * Dates are ISO 8601 strings. HTML fields (`bodyHtml`, `bioHtml`) are untrusted: the elements
 * sanitize them before rendering. Every adapter failure rejects with a `MagAdapterError`.
 */
import type { InferOutput } from 'valibot';
import { array, boolean, count, isoDate, nonEmptyString, object, oneOf, optional, string } from './schema.js';

export const personSchema = object({
  /** Missing for an anonymous person: the elements word it ("Anonyme", "Anonymous"). */
  name: optional(nonEmptyString),
  url: optional(string),
  avatarUrl: optional(string),
});
/** A person: an article's author or a commenter. */
export type Person = InferOutput<typeof personSchema>;

export const sectionSchema = object({
  name: nonEmptyString,
  url: optional(string),
});
/** A section (category) an article is published in. */
export type Section = InferOutput<typeof sectionSchema>;

export const articleLinkSchema = object({
  id: nonEmptyString,
  /** Empty for an article without a title: the elements word it ("Sans titre", "Untitled"). */
  title: string,
  url: optional(string),
});
/** A link to another article, as used for previous / next navigation. */
export type ArticleLink = InferOutput<typeof articleLinkSchema>;

export const articleSchema = object({
  id: nonEmptyString,
  slug: optional(string),
  title: string,
  url: optional(string),
  /** ISO 8601 date of publication. */
  published: isoDate,
  /** ISO 8601 date of the last update. */
  updated: optional(isoDate),
  author: optional(personSchema),
  sections: array(sectionSchema),
  /** Untrusted HTML: sanitized before rendering. */
  bodyHtml: string,
  commentsOpen: boolean,
  commentCount: optional(count),
  /** URL of the article's comment feed (Atom or RSS). */
  commentFeedUrl: optional(string),
  /** MIME type of the comment feed, when known (`application/atom+xml` or `application/rss+xml`). */
  commentFeedType: optional(string),
  previous: optional(articleLinkSchema),
  next: optional(articleLinkSchema),
  homeUrl: optional(string),
});
/** An article, with what surrounds it: previous / next, comment count, comment feed, home link. */
export type Article = InferOutput<typeof articleSchema>;

export const articleSummarySchema = object({
  id: nonEmptyString,
  title: string,
  url: optional(string),
  published: isoDate,
  sections: array(sectionSchema),
  excerpt: optional(string),
});
/** An article as recent lists show it. */
export type ArticleSummary = InferOutput<typeof articleSummarySchema>;

/** The answer of `listRecent`. */
export const recentSchema = array(articleSummarySchema);

export const commentSchema = object({
  id: nonEmptyString,
  parentId: optional(string),
  author: personSchema,
  published: isoDate,
  /** Untrusted HTML: sanitized before rendering. */
  bodyHtml: string,
  status: optional(oneOf('approved', 'pending')),
});
/** A comment; a reply names the comment it answers in `parentId`. */
export type Comment = InferOutput<typeof commentSchema>;

export const commentPageSchema = object({
  comments: array(commentSchema),
  /** Pass to `listComments` to get the next page; absent on the last page. */
  nextCursor: optional(string),
  /** Total number of comments on the article, when the source knows it. */
  total: optional(count),
});
/** One page of an article's comments. */
export type CommentPage = InferOutput<typeof commentPageSchema>;

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

export const aboutSchema = object({
  title: optional(string),
  name: optional(string),
  /** Untrusted HTML: sanitized before rendering. */
  bioHtml: string,
  photoUrl: optional(string),
  /** Alternative text of the photo. */
  photoAlt: optional(string),
  /** A logo shown after the bio (an organisation the person or the publication belongs to). */
  logoUrl: optional(string),
  /** Alternative text of the logo. */
  logoAlt: optional(string),
  contactUrl: optional(string),
  /** The contact link's words, when the page has its own ("Me Contacter"); else the element's. */
  contactLabel: optional(nonEmptyString),
  /**
   * Other links. A link without a `label` is worded by the element from its `kind`: `website` (the
   * person's site) or `articles` (the person's articles).
   */
  links: optional(array(object({ label: optional(nonEmptyString), kind: optional(oneOf('website', 'articles')), url: string }))),
});
/** An about box: a person or a publication presented, with a photo and links. */
export type About = InferOutput<typeof aboutSchema>;

export const subscribeResultSchema = object({
  status: oneOf('subscribed', 'confirmation-sent', 'already-subscribed'),
});
/** The answer of `subscribe`. */
export type SubscribeResult = InferOutput<typeof subscribeResultSchema>;

export const videoSchema = object({
  id: nonEmptyString,
  /** Empty for a video without a title: the element words it ("Sans titre", "Untitled"). */
  title: string,
  /** The video's page (on the video host, or the site's page that shows it). */
  url: nonEmptyString,
  /** ISO 8601 date of publication. */
  published: optional(isoDate),
  thumbnailUrl: optional(string),
  /** Alternative text of the thumbnail (none: the thumbnail is decorative, the title names the video). */
  thumbnailAlt: optional(string),
  /** Length in whole seconds. */
  durationSeconds: optional(count),
  /** The player's address, to frame (`https://player.vimeo.com/video/…`), or the file's for `provider: 'file'`. */
  embedUrl: optional(string),
  /**
   * Who plays it: `youtube`, `vimeo`, `dailymotion`, `peertube`, `file` (a video file, played by the
   * browser), or another name. Missing: the element recognizes the known hosts from the URLs.
   */
  provider: optional(nonEmptyString),
});
/** A video, as the video list shows it: its page, its thumbnail and how to play it. */
export type Video = InferOutput<typeof videoSchema>;

/** The answer of `listVideos`. */
export const videosSchema = array(videoSchema);

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

export interface ListVideosOptions extends RequestOptions {
  limit?: number;
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
  /** The newest videos first. */
  listVideos?(opts?: ListVideosOptions): Promise<Video[]>;
  /**
   * Resolves once the adapter knows its capabilities (for example when a data file that may name a
   * subscribe endpoint has loaded). Elements that depend on an optional method wait for it.
   */
  ready?(opts?: RequestOptions): Promise<unknown>;
}
