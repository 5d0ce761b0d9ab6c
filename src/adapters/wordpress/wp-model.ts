/**
 * WordPress's REST objects (posts, comments, users, terms, media, the site's index) read into the
 * library's model: titles and names decoded to text, dates in UTC, the largest avatar, the categories
 * as sections. Pure functions: the requests are the adapter's (wordpress-adapter.ts).
 */

import type { About, Article, ArticleSummary, Comment, CommentDraft, Person, Section, Video } from '../../core/model.js';
import { escapeHtml, htmlToText, truncateText } from '../feed/html-text.js';
import type { WpComment, WpIndex, WpMedia, WpPost, WpTerm, WpUser } from './wp-types.js';

/**
 * A post (its author and categories embedded) as an article, but for what the adapter finds around it:
 * its neighbours, its comment count and the site's home page.
 */
export function articleOf(post: WpPost): Omit<Article, 'previous' | 'next' | 'commentCount' | 'homeUrl'> {
  const author = post._embedded?.author?.[0];
  const link = post.link;
  return {
    ...summaryOf(post),
    slug: post.slug,
    updated: gmtDate(post.modified_gmt) || undefined,
    author: author?.name ? personOfUser(author) : undefined,
    bodyHtml: post.content?.rendered ?? '',
    commentsOpen: post.comment_status === 'open',
    commentFeedUrl: link ? commentFeedOf(link) : undefined,
    commentFeedType: link ? 'application/rss+xml' : undefined,
  };
}

/** What an article and a summary share. */
export function summaryOf(post: WpPost): ArticleSummary {
  return { id: String(post.id), title: titleOf(post), url: post.link, published: gmtDate(post.date_gmt, post.date), sections: sectionsOf(post) };
}

/** A post in a list of recent articles: its summary, and the start of its excerpt as text. */
export function recentOf(post: WpPost): ArticleSummary {
  return { ...summaryOf(post), excerpt: truncateText(htmlToText(post.excerpt?.rendered ?? ''), 300) || undefined };
}

export const titleOf = (post: WpPost | WpMedia): string => htmlToText(post.title?.rendered ?? '');

/** The about box of the site itself: its name and tagline, its icon, its home page. */
export function siteAboutOf(site: WpIndex & { name: string }): About {
  return about(htmlToText(site.name), site.description, site.site_icon_url, site.home || site.url);
}

/** The about box of an author: name, bio, avatar, and links to their website and their articles. */
export function authorAboutOf(user: WpUser): About {
  const { name, avatarUrl } = personOfUser(user);
  // (their words are the element's: "Site web", "Articles de …")
  const links = [
    { kind: 'website' as const, url: user.url },
    { kind: 'articles' as const, url: user.link },
  ].filter((l): l is { kind: 'website' | 'articles'; url: string } => !!l.url);
  return { ...about(name, user.description, avatarUrl, user.url), links };
}

/**
 * A video attachment: a file the browser plays, its attachment page, its length, and its poster (the
 * attachment's featured image, embedded) as thumbnail.
 */
export function videoOf(media: WpMedia): Video {
  const poster = media._embedded?.['wp:featuredmedia']?.[0];
  return {
    id: String(media.id),
    title: titleOf(media),
    url: media.link ?? '',
    published: gmtDate(media.date_gmt, media.date),
    thumbnailUrl: poster?.source_url,
    thumbnailAlt: poster?.alt_text || undefined,
    // (WordPress stores the length it reads from the file in whole seconds)
    durationSeconds: media.media_details?.length,
    embedUrl: media.source_url,
    provider: 'file',
  };
}

/** WordPress `*_gmt` fields have no zone: they are UTC. Falls back to the local date when absent. */
function gmtDate(gmt: string | undefined, local?: string): string {
  const raw = (gmt && !gmt.startsWith('0000') ? `${gmt}Z` : local) ?? '';
  const date = new Date(raw);
  return Number.isNaN(date.getTime()) ? raw : date.toISOString();
}

/** The URL of the largest avatar: WordPress keys them by size in pixels (`{ 24: …, 48: …, 96: … }`). */
function largestAvatar(urls: Record<string, string> | undefined): string | undefined {
  return Object.entries(urls ?? {})
    .filter(([, url]) => typeof url === 'string' && url)
    .sort(([size], [otherSize]) => +otherSize - +size)[0]?.[1];
}

/** An about box; `description` is WordPress text (it may hold entities or tags), shown as one paragraph. */
function about(name: string | undefined, description = '', photoUrl?: string, contactUrl?: string): About {
  const bio = htmlToText(description);
  return { name, bioHtml: bio && `<p>${escapeHtml(bio)}</p>`, photoUrl: photoUrl || undefined, photoAlt: photoUrl ? name : undefined, contactUrl: contactUrl || undefined };
}

function personOfUser(user: WpUser): Person {
  return {
    name: htmlToText(user.name ?? '') || undefined,
    url: user.url || user.link || undefined,
    avatarUrl: largestAvatar(user.avatar_urls),
  };
}

/** The categories among the embedded terms (`wp:term` holds one list per taxonomy; whatever is not a term is skipped). */
function sectionsOf(post: WpPost): Section[] {
  const terms: unknown[] = [post._embedded?.['wp:term']].flat(2);
  return terms
    .filter((t): t is WpTerm & { name: string } => (t as WpTerm | undefined)?.taxonomy === 'category' && typeof (t as WpTerm).name === 'string')
    .map((t) => ({ name: htmlToText(t.name), url: t.link || undefined }));
}

/** What a comment written by a bot (its honeypot filled) is answered with: held for moderation, never stored. */
export function droppedComment(draft: CommentDraft): Comment {
  return { id: `dropped-${Date.now().toString(36)}`, author: { name: draft.authorName }, published: new Date().toISOString(), bodyHtml: '', status: 'pending' };
}

/** A comment, approved or held for moderation. */
export function commentOf(comment: WpComment): Comment {
  return {
    id: String(comment.id),
    parentId: comment.parent ? String(comment.parent) : undefined,
    author: {
      name: htmlToText(comment.author_name ?? '') || undefined,
      url: comment.author_url || undefined,
      avatarUrl: largestAvatar(comment.author_avatar_urls),
    },
    published: gmtDate(comment.date_gmt, comment.date),
    bodyHtml: comment.content?.rendered ?? '',
    status: [undefined, 'approved', 'approve'].includes(comment.status) ? 'approved' : 'pending',
  };
}

/** The post's comment feed: `<link>feed/` with pretty permalinks, `?p=ID&feed=rss2` without. */
function commentFeedOf(link: string): string {
  const url = new URL(link);
  if (url.search) url.searchParams.set('feed', 'rss2');
  else {
    url.hash = '';
    url.pathname = url.pathname.replace(/\/?$/, '/feed/');
  }
  return url.href;
}
