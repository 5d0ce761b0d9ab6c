/**
 * The in-memory view of a validated data file, with everything the adapter derives from it:
 * article order by date (previous / next), section URLs, comment counts, threads and pages.
 */
import type { About, Article, ArticleSummary, Comment, Section, Video } from '../../core/model.js';
import { MagAdapterError } from '../../core/errors.js';
import { slugify } from '../../core/slugify.js';
import type { DataArticle, DataComment, DataSection, MagData } from './data-format.js';

const lower = (text?: string): string | undefined => text?.trim().toLowerCase();

/** A copy of `items` sorted oldest first (equal dates keep their order), each date read once. */
function sortedByDate<T extends { published: string }>(items: T[]): T[] {
  const times = items.map((item) => Date.parse(item.published));
  return items
    .map((_, index) => index)
    .sort((a, b) => times[a] - times[b])
    .map((index) => items[index]);
}

/** Drops `undefined` (and `null`) fields, so that objects only carry what the data had. */
const withoutUndefined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;

/** The `keys` of `from` that it has (not `undefined` or `null`). */
const pick = <T extends object, K extends keyof T>(from: T, keys: K[]): Pick<T, K> =>
  withoutUndefined(Object.fromEntries(keys.map((key) => [key, from[key]])) as Pick<T, K>);

/** A comment listed at the top level: without its `parentId`. */
const topLevel = ({ parentId: _parentId, ...comment }: Comment): Comment => comment;

const feedType = (url: string): string | undefined =>
  /\.atom(?:$|[?#])/i.test(url) ? 'application/atom+xml' : /\.rss(?:$|[?#])|\/rss\/?$/i.test(url) ? 'application/rss+xml' : undefined;

const toComment = (c: DataComment): Comment => ({
  status: 'approved',
  ...pick(c, ['id', 'parentId', 'published', 'bodyHtml', 'status']),
  author: { ...c.author },
});

export interface StoredArticle {
  data: DataArticle;
  /** Its sections as the elements get them (copied for each answer). */
  sections: Section[];
  /** What a section filter matches: each section's lower-cased name, slugified name and slugs. */
  keys: (string | undefined)[];
  /** Position in date order, oldest first. */
  index: number;
  /** Every comment (pending ones included), in the file's order, then posting order. */
  comments: Comment[];
}

/** A validated data file plus the comments added in memory. */
export class Store {
  readonly data: MagData;
  /** Oldest first; ties keep the file's order. */
  readonly articles: StoredArticle[];
  private readonly _articlesByRef = new Map<string, StoredArticle>();
  /** The about boxes by key, in the file's order. */
  private readonly _aboutBoxes: Map<string, About>;

  constructor(data: MagData) {
    this.data = data;
    // The declared sections by lower-cased name and slug: an article's section may name one by either.
    const declared = new Map<string | undefined, DataSection>();
    for (const section of data.sections ?? []) {
      declared.set(lower(section.name), section);
      if (section.slug) declared.set(lower(section.slug), section);
    }
    // Maps, so that an id such as `constructor` or `__proto__` finds only what the data gives it.
    const commentsByArticle = new Map(Object.entries(data.comments ?? {}));
    this._aboutBoxes = new Map(Object.entries(data.about ?? {}));
    this.articles = sortedByDate(data.articles).map((article, index) => {
      const keys: (string | undefined)[] = [];
      const sections = (article.sections ?? []).map((ref) => {
        const own = typeof ref === 'string' ? { name: ref } : ref;
        const known = declared.get(lower(own.name)) ?? declared.get(lower(own.slug));
        // A name refers to a declared section (and takes its spelling); an object is a section of its own.
        const { name } = (typeof ref === 'string' && known) || own;
        keys.push(lower(name), slugify(name), lower(own.slug), lower(known?.slug));
        return withoutUndefined({ name, url: own.url ?? known?.url });
      });
      const comments = (commentsByArticle.get(article.id) ?? []).map(toComment);
      return { data: article, sections, keys, index, comments };
    });
    // Ids before slugs, so that an id always wins over another article's slug.
    for (const field of ['id', 'slug'] as const) {
      for (const stored of this.articles) {
        const ref = stored.data[field];
        if (ref && !this._articlesByRef.has(ref)) this._articlesByRef.set(ref, stored);
      }
    }
  }

  /** The article with this id or slug; throws `not-found` when there is none. */
  get(ref: string): StoredArticle {
    const stored = this._articlesByRef.get(ref);
    if (!stored) throw new MagAdapterError('not-found', `No article has the id or slug "${ref}".`);
    return stored;
  }

  /**
   * The approved comments, oldest first, each reply after its parent (a reply dated before its
   * parent waits for it, then follows it with the replies waiting for it in turn); a reply to a
   * comment that is not shown is listed at the top level. Linear in the number of comments (after
   * the sort), and without recursion, whatever the depth of the threads.
   */
  visibleComments({ comments }: StoredArticle): Comment[] {
    const approved = sortedByDate(comments.filter((c) => c.status === 'approved'));
    const shown = new Set(approved.map((c) => c.id));
    const placed = new Set<string>();
    /** The replies that wait for their parent to be placed, by parent id, oldest first. */
    const waiting = new Map<string, Comment[]>();
    const out: Comment[] = [];
    /** Places `comment`, then the replies waiting for it, each followed by those waiting for it, depth first. */
    const place = (comment: Comment) => {
      const toPlace = [comment];
      for (let next = toPlace.pop(); next; next = toPlace.pop()) {
        // In a cycle, the comment it started from comes round again: it is placed already.
        if (placed.has(next.id)) continue;
        out.push(next);
        placed.add(next.id);
        const replies = waiting.get(next.id);
        if (!replies) continue;
        waiting.delete(next.id);
        // Reversed onto the stack, so that the oldest reply comes out first.
        for (let i = replies.length - 1; i >= 0; i--) toPlace.push(replies[i]);
      }
    };
    for (const comment of approved) {
      const parent = comment.parentId;
      if (parent === undefined || placed.has(parent)) place(comment);
      else if (shown.has(parent)) {
        const replies = waiting.get(parent);
        if (replies) replies.push(comment);
        else waiting.set(parent, [comment]);
      } else place(topLevel(comment));
    }
    // What still waits is a cycle (a → b → a) or hangs from one: it cannot be placed under a parent,
    // so each such reply not placed yet goes to the top level, followed by the replies to it.
    for (const replies of waiting.values()) for (const reply of replies) if (!placed.has(reply.id)) place(topLevel(reply));
    return out;
  }

  /** The article as `getArticle` answers it, with previous / next, comment count and home URL. */
  article(stored: StoredArticle): Article {
    const { data, index } = stored;
    const { site } = this.data;
    const link = (other?: StoredArticle) => other && pick(other.data, ['id', 'title', 'url']);
    return withoutUndefined({
      ...pick(data, ['id', 'slug', 'title', 'url', 'published', 'updated', 'bodyHtml', 'commentsOpen', 'commentFeedUrl']),
      author: data.author && { ...data.author },
      sections: stored.sections.map((s) => ({ ...s })),
      commentCount: this.visibleComments(stored).length,
      commentFeedType: data.commentFeedType ?? (data.commentFeedUrl ? feedType(data.commentFeedUrl) : undefined),
      previous: link(this.articles[index - 1]),
      next: link(this.articles[index + 1]),
      homeUrl: site.homeUrl ?? site.url,
    });
  }

  /** Articles newest first, optionally only those of a section (name, case-insensitive, or slug). */
  recent(limit: number, section?: string): ArticleSummary[] {
    const key = lower(section);
    const slug = key && slugify(key);
    return this.articles
      .filter((stored) => !key || stored.keys.includes(key) || stored.keys.includes(slug))
      .reverse()
      .slice(0, Math.max(0, Math.floor(limit)))
      .map(({ data, sections }) => ({ ...pick(data, ['id', 'title', 'url', 'published', 'excerpt']), sections: sections.map((s) => ({ ...s })) }));
  }

  /** Videos newest first (those without a date last, in the file's order). */
  videos(limit: number): Video[] {
    const videos = this.data.videos ?? [];
    const dated = videos.filter((video) => video.published);
    const undated = videos.filter((video) => !video.published);
    const times = new Map(dated.map((video) => [video, Date.parse(video.published!)]));
    // (the sort is stable: equal dates keep the file's order)
    return [...dated.sort((a, b) => times.get(b)! - times.get(a)!), ...undated]
      .slice(0, Math.max(0, Math.floor(limit)))
      .map((video) => ({ ...video }));
  }

  /** The about box with this key; without a key, the one named `default`, else the first. */
  about(key?: string): About | undefined {
    const boxes = this._aboutBoxes;
    if (key === undefined) return boxes.get('default') ?? boxes.values().next().value;
    return boxes.get(key);
  }
}
