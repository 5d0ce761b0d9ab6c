/**
 * The in-memory view of a validated data file (`Store`), with everything the adapter derives from
 * it: article order by date (previous / next), section URLs, comment counts, threads and pages; and
 * what both layouts of the data share: the `DataLayout` interface `JsonAdapter` reads them through,
 * and the answers built from an article, its sections and its comments.
 */
import type { About, Article, ArticleLink, ArticleSummary, Comment, Section, Video } from '../../core/model.js';
import { MagAdapterError } from '../../core/errors.js';
import { slugify } from '../../core/slugify.js';
import type { DataArticle, DataComment, DataSection, MagData } from './data-format.js';

/** An article and every comment it has, as a layout keeps them. */
export interface ArticleEntry {
  data: DataArticle;
  /** Every comment (pending ones included), in the data's order, then posting order (`MemoryAdapter`). */
  comments: Comment[];
}

/**
 * What `JsonAdapter` reads its answers from, whatever the layout of the data: one data file
 * (`Store`) or the files of the split layout (`SplitStore`, split-store.ts). A layout exists once the
 * file that describes the data (the data file, or the index) is loaded and valid; articles and
 * sections may still need a file each.
 */
export interface DataLayout {
  /** The data's subscribe endpoint, comment page size and moderation flag. */
  readonly settings: Pick<MagData, 'subscribe' | 'commentsPageSize' | 'moderation'>;
  /** The article with this id or slug, with its comments; rejects `not-found` when there is none. */
  entry(ref: string, signal?: AbortSignal): ArticleEntry | Promise<ArticleEntry>;
  /** The article with this id or slug as `getArticle` answers it. */
  article(ref: string, signal?: AbortSignal): Article | Promise<Article>;
  /** At most `limit` articles, newest first, optionally only those of a section (name in any case, or slug). */
  recent(limit: number, section?: string, signal?: AbortSignal): ArticleSummary[] | Promise<ArticleSummary[]>;
  /** The about box with this key; without a key, the one named `default`, else the first. */
  about(key?: string): About | undefined;
  /** At most `limit` videos, newest first (those without a date last). */
  videos(limit: number): Video[];
}

export const lower = (text?: string): string | undefined => text?.trim().toLowerCase();

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

export const toComment = (c: DataComment): Comment => ({
  status: 'approved',
  ...pick(c, ['id', 'parentId', 'published', 'bodyHtml', 'status']),
  author: { ...c.author },
});

/** The declared sections by lower-cased name and slug: an article's section may name one by either. */
export function sectionsByKey(sections: DataSection[] = []): Map<string | undefined, DataSection> {
  const declared = new Map<string | undefined, DataSection>();
  for (const section of sections) {
    declared.set(lower(section.name), section);
    if (section.slug) declared.set(lower(section.slug), section);
  }
  return declared;
}

/**
 * An article's section as the elements get it (`section`), with the section it was given as (`own`)
 * and the declared section it refers to (`known`). A name refers to a declared section (by its name
 * in any case, or its slug) and takes its spelling and URL; an object is a section of its own, whose
 * missing URL is taken from the declared section of the same name.
 */
export function resolveSection(ref: string | DataSection, declared: Map<string | undefined, DataSection>): { section: Section; own: DataSection; known?: DataSection } {
  const own = typeof ref === 'string' ? { name: ref } : ref;
  const known = declared.get(lower(own.name)) ?? declared.get(lower(own.slug));
  const { name } = (typeof ref === 'string' && known) || own;
  return { section: withoutUndefined({ name, url: own.url ?? known?.url }), own, known };
}

/** The about box with this key in `boxes`; without a key, the one named `default`, else the first. */
export function aboutBox(boxes: Map<string, About>, key?: string): About | undefined {
  if (key === undefined) return boxes.get('default') ?? boxes.values().next().value;
  return boxes.get(key);
}

/** At most `limit` copies of `videos`, newest first; those without a date last, in their order. */
export function newestVideos(videos: Video[] | undefined, limit: number): Video[] {
  if (!videos) return [];
  const dated = videos.filter((video) => video.published);
  const undated = videos.filter((video) => !video.published);
  const times = new Map(dated.map((video) => [video, Date.parse(video.published!)]));
  // (the sort is stable: equal dates keep the data's order)
  return [...dated.sort((a, b) => times.get(b)! - times.get(a)!), ...undated]
    .slice(0, Math.max(0, Math.floor(limit)))
    .map((video) => ({ ...video }));
}

/** An article as recent lists show it. */
export const summaryOf = (data: Pick<DataArticle, 'id' | 'title' | 'url' | 'published' | 'excerpt'>, sections: Section[]): ArticleSummary => ({
  ...pick(data, ['id', 'title', 'url', 'published', 'excerpt']),
  sections: sections.map((s) => ({ ...s })),
});

/**
 * The article as `getArticle` answers it: with its sections, its previous and next articles, its
 * count of shown comments, its comment feed's type and the site's home URL.
 */
export function articleAnswer(
  data: DataArticle,
  sections: Section[],
  comments: Comment[],
  links: { previous?: ArticleLink; next?: ArticleLink },
  site: MagData['site'],
): Article {
  const link = (other?: ArticleLink) => other && pick(other, ['id', 'title', 'url']);
  return withoutUndefined({
    ...pick(data, ['id', 'slug', 'title', 'url', 'published', 'updated', 'bodyHtml', 'commentsOpen', 'commentFeedUrl']),
    author: data.author && { ...data.author },
    sections: sections.map((s) => ({ ...s })),
    commentCount: threadOrder(comments).length,
    commentFeedType: data.commentFeedType ?? (data.commentFeedUrl ? feedType(data.commentFeedUrl) : undefined),
    previous: link(links.previous),
    next: link(links.next),
    homeUrl: site.homeUrl ?? site.url,
  });
}

/**
 * The approved comments, oldest first, each reply after its parent (a reply dated before its
 * parent waits for it, then follows it with the replies waiting for it in turn); a reply to a
 * comment that is not shown is listed at the top level. Linear in the number of comments (after
 * the sort), and without recursion, whatever the depth of the threads.
 */
export function threadOrder(comments: Comment[]): Comment[] {
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

export interface StoredArticle extends ArticleEntry {
  /** Its sections as the elements get them (copied for each answer). */
  sections: Section[];
  /** What a section filter matches: each section's lower-cased name, slugified name and slugs. */
  keys: (string | undefined)[];
  /** Position in date order, oldest first. */
  index: number;
}

/** A validated data file plus the comments added in memory. */
export class Store implements DataLayout {
  readonly data: MagData;
  readonly settings: DataLayout['settings'];
  /** Oldest first; ties keep the file's order. */
  readonly articles: StoredArticle[];
  private readonly _articlesByRef = new Map<string, StoredArticle>();
  /** The about boxes by key, in the file's order. */
  private readonly _aboutBoxes: Map<string, About>;

  constructor(data: MagData) {
    this.data = this.settings = data;
    const declared = sectionsByKey(data.sections);
    // Maps, so that an id such as `constructor` or `__proto__` finds only what the data gives it.
    const commentsByArticle = new Map(Object.entries(data.comments ?? {}));
    this._aboutBoxes = new Map(Object.entries(data.about ?? {}));
    this.articles = sortedByDate(data.articles).map((article, index) => {
      const keys: (string | undefined)[] = [];
      const sections = (article.sections ?? []).map((ref) => {
        const { section, own, known } = resolveSection(ref, declared);
        keys.push(lower(section.name), slugify(section.name), lower(own.slug), lower(known?.slug));
        return section;
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
  entry(ref: string): StoredArticle {
    const stored = this._articlesByRef.get(ref);
    if (!stored) throw new MagAdapterError('not-found', `No article has the id or slug "${ref}".`);
    return stored;
  }

  /** The article as `getArticle` answers it, with previous / next by date, comment count and home URL. */
  article(ref: string): Article {
    const { data, sections, comments, index } = this.entry(ref);
    return articleAnswer(data, sections, comments, { previous: this.articles[index - 1]?.data, next: this.articles[index + 1]?.data }, this.data.site);
  }

  /** Articles newest first, optionally only those of a section (name, case-insensitive, or slug). */
  recent(limit: number, section?: string): ArticleSummary[] {
    const key = lower(section);
    const slug = key && slugify(key);
    return this.articles
      .filter((stored) => !key || stored.keys.includes(key) || stored.keys.includes(slug))
      .reverse()
      .slice(0, Math.max(0, Math.floor(limit)))
      .map(({ data, sections }) => summaryOf(data, sections));
  }

  /** Videos newest first (those without a date last, in the file's order). */
  videos(limit: number): Video[] {
    return newestVideos(this.data.videos, limit);
  }

  /** The about box with this key; without a key, the one named `default`, else the first. */
  about(key?: string): About | undefined {
    return aboutBox(this._aboutBoxes, key);
  }
}
