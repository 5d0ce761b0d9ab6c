import type { Article, Comment, CommentPage } from '../../core/model.js';
import type { SharedAdapter } from '../../core/shared-adapter.js';

/** The comments loaded for an article: every page shown so far. */
export interface LoadedComments {
  comments: Comment[];
  nextCursor?: string;
  total?: number;
  /** How many pages are loaded (a reload loads as many). */
  pages: number;
}

/** The first page of an article's comments, as loaded comments. */
export const fromFirstPage = (page: CommentPage): LoadedComments => ({ comments: page.comments, nextCursor: page.nextCursor, total: page.total, pages: 1 });

/** Loads the first `pages` pages of an article's comments (fewer when there are no more). */
export async function loadPages(source: SharedAdapter, articleId: string, pages: number, signal: AbortSignal): Promise<LoadedComments> {
  const comments: Comment[] = [];
  let cursor: string | undefined;
  let total: number | undefined;
  let loaded = 0;
  do {
    const page = await source.listComments(articleId, cursor ? { cursor, signal } : { signal });
    comments.push(...page.comments);
    cursor = page.nextCursor;
    total = page.total;
    loaded++;
  } while (cursor && loaded < pages);
  return { comments, nextCursor: cursor, total, pages: loaded };
}

/** `loaded` with its next page added. */
export const withNextPage = (loaded: LoadedComments, page: CommentPage): LoadedComments => ({
  comments: [...loaded.comments, ...page.comments],
  nextCursor: page.nextCursor,
  total: page.total ?? loaded.total,
  pages: loaded.pages + 1,
});

/** The comments shown: those loaded, then those posted here that the loaded pages do not have yet. */
export function withPosted(loaded: LoadedComments, posted: readonly Comment[]): readonly Comment[] {
  if (!posted.length) return loaded.comments;
  const ids = new Set(loaded.comments.map((c) => c.id));
  const extra = posted.filter((c) => !ids.has(c.id));
  return extra.length ? [...loaded.comments, ...extra] : loaded.comments;
}

/**
 * The number of comments in the heading: the source's total, else the article's count when pages are
 * left to load, else the comments loaded; comments awaiting moderation are not counted.
 */
export function commentCount(loaded: LoadedComments, posted: readonly Comment[], article: Article | undefined): number | undefined {
  const ids = new Set(loaded.comments.map((c) => c.id));
  const postedApproved = posted.filter((c) => c.status !== 'pending' && !ids.has(c.id)).length;
  const base = loaded.total ?? (loaded.nextCursor ? article?.commentCount : loaded.comments.filter((c) => c.status !== 'pending').length);
  return base === undefined ? undefined : base + postedApproved;
}
