/**
 * The in-memory view of a validated data file, with everything the adapter derives from it:
 * article order by date (previous / next), section URLs, comment counts, threads and pages.
 */
import type { About, Article, ArticleLink, ArticleSummary, Comment, Section } from '../../core/model.js';
import type { DataArticle, DataComment, DataSection, DataSubscribe, MagData } from './data-format.js';

/** Lower case, no accents, words joined by `-`: `La République des Territoires` → `la-republique-des-territoires`. */
export const slugify = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

const time = (iso: string): number => Date.parse(iso);

interface StoredSection extends Section {
  /** Lower-cased name, declared slug and slugified name: what a section filter matches. */
  keys: Set<string>;
}

interface StoredArticle {
  data: DataArticle;
  sections: StoredSection[];
  /** Position in date order, oldest first. */
  index: number;
}

/** A validated data file plus the comments added in memory. */
export class Store {
  readonly data: MagData;
  /** Oldest first; ties keep the file's order. */
  readonly articles: StoredArticle[];
  readonly #byRef = new Map<string, StoredArticle>();
  readonly #comments = new Map<string, Comment[]>();

  constructor(data: MagData) {
    this.data = data;
    const declared = new Map<string, DataSection>();
    for (const section of data.sections ?? []) {
      declared.set(section.name.trim().toLowerCase(), section);
      if (section.slug) declared.set(section.slug.toLowerCase(), section);
    }
    const resolve = (ref: string | DataSection): StoredSection => {
      const own = typeof ref === 'string' ? { name: ref } : ref;
      const known = declared.get(own.name.trim().toLowerCase()) ?? (own.slug ? declared.get(own.slug.toLowerCase()) : undefined);
      const name = typeof ref === 'string' && known ? known.name : own.name;
      const url = own.url ?? known?.url;
      const keys = new Set([name.trim().toLowerCase(), slugify(name)]);
      for (const slug of [own.slug, known?.slug]) if (slug) keys.add(slug.toLowerCase());
      return url === undefined ? { name, keys } : { name, url, keys };
    };
    this.articles = data.articles
      .map((article, order) => ({ article, order }))
      .sort((a, b) => time(a.article.published) - time(b.article.published) || a.order - b.order)
      .map(({ article }, index) => ({ data: article, sections: (article.sections ?? []).map(resolve), index }));
    for (const stored of this.articles) {
      this.#byRef.set(stored.data.id, stored);
      this.#comments.set(stored.data.id, (data.comments?.[stored.data.id] ?? []).map(toComment));
    }
    // Slugs after ids, so that an id always wins over another article's slug.
    for (const stored of this.articles) if (stored.data.slug && !this.#byRef.has(stored.data.slug)) this.#byRef.set(stored.data.slug, stored);
  }

  /** The article with this id or slug. */
  find(ref: string): StoredArticle | undefined {
    return this.#byRef.get(ref);
  }

  /** Every comment of an article (pending ones included), in the file's order then posting order. */
  commentsOf(articleId: string): Comment[] {
    return this.#comments.get(articleId) ?? [];
  }

  /** Adds a comment (used by `MemoryAdapter`). */
  addComment(articleId: string, comment: Comment): void {
    this.#comments.get(articleId)?.push(comment);
  }

  /** The approved comments, oldest first, each reply after its parent; a reply to a hidden comment loses its `parentId`. */
  visibleComments(articleId: string): Comment[] {
    const approved = this.commentsOf(articleId)
      .map((comment, order) => ({ comment, order }))
      .filter(({ comment }) => (comment.status ?? 'approved') === 'approved')
      .sort((a, b) => time(a.comment.published) - time(b.comment.published) || a.order - b.order)
      .map(({ comment }) => comment);
    const visible = new Set(approved.map((c) => c.id));
    const emitted = new Set<string>();
    const waiting = new Map<string, Comment[]>();
    const out: Comment[] = [];
    const emit = (comment: Comment) => {
      out.push(comment);
      emitted.add(comment.id);
      for (const child of waiting.get(comment.id) ?? []) emit(child);
      waiting.delete(comment.id);
    };
    for (const comment of approved) {
      if (comment.parentId === undefined || emitted.has(comment.parentId)) emit(comment);
      else if (visible.has(comment.parentId)) waiting.set(comment.parentId, [...(waiting.get(comment.parentId) ?? []), comment]);
      else {
        const orphan = { ...comment };
        delete orphan.parentId;
        emit(orphan);
      }
    }
    // Cycles (a → b → a) cannot be placed under a parent: show them at the top level.
    for (const children of waiting.values()) for (const child of children) if (!emitted.has(child.id)) emit({ ...child, parentId: undefined });
    return out.map((c) => (c.parentId === undefined ? withoutUndefined(c) : c));
  }

  link(stored: StoredArticle | undefined): ArticleLink | undefined {
    if (!stored) return undefined;
    const { id, title, url } = stored.data;
    return url === undefined ? { id, title } : { id, title, url };
  }

  article(stored: StoredArticle): Article {
    const { data } = stored;
    const article: Article = {
      id: data.id,
      title: data.title,
      published: data.published,
      sections: stored.sections.map(publicSection),
      bodyHtml: data.bodyHtml,
      commentsOpen: data.commentsOpen,
      commentCount: this.visibleComments(data.id).length,
    };
    const optional = {
      slug: data.slug,
      url: data.url,
      updated: data.updated,
      author: data.author && { ...data.author },
      commentFeedUrl: data.commentFeedUrl,
      commentFeedType: data.commentFeedType ?? (data.commentFeedUrl ? feedType(data.commentFeedUrl) : undefined),
      previous: this.link(this.articles[stored.index - 1]),
      next: this.link(this.articles[stored.index + 1]),
      homeUrl: this.data.site.homeUrl ?? this.data.site.url,
    };
    return { ...article, ...withoutUndefined(optional) };
  }

  summary(stored: StoredArticle): ArticleSummary {
    const { data } = stored;
    return withoutUndefined({
      id: data.id,
      title: data.title,
      url: data.url,
      published: data.published,
      sections: stored.sections.map(publicSection),
      excerpt: data.excerpt,
    });
  }

  /** Articles newest first, optionally only those of a section (name, case-insensitive, or slug). */
  recent(limit: number, section?: string): ArticleSummary[] {
    const key = section?.trim().toLowerCase();
    const out: ArticleSummary[] = [];
    for (let i = this.articles.length - 1; i >= 0 && out.length < limit; i--) {
      const stored = this.articles[i];
      if (key && !stored.sections.some((s) => s.keys.has(key) || s.keys.has(slugify(key)))) continue;
      out.push(this.summary(stored));
    }
    return out;
  }

  /** The about box with this key; without a key, the one named `default`, else the first. */
  about(key?: string): About | undefined {
    const boxes = this.data.about ?? {};
    if (key === undefined) return boxes.default ?? Object.values(boxes)[0];
    return Object.hasOwn(boxes, key) ? boxes[key] : undefined;
  }

  get subscribe(): DataSubscribe | undefined {
    return this.data.subscribe;
  }
}

const publicSection = ({ name, url }: StoredSection): Section => (url === undefined ? { name } : { name, url });

const feedType = (url: string): string | undefined =>
  /\.atom(?:$|[?#])/i.test(url) ? 'application/atom+xml' : /\.rss(?:$|[?#])|\/rss\/?$/i.test(url) ? 'application/rss+xml' : undefined;

function toComment(data: DataComment): Comment {
  return withoutUndefined({
    id: data.id,
    parentId: data.parentId,
    author: { ...data.author },
    published: data.published,
    bodyHtml: data.bodyHtml,
    status: data.status ?? 'approved',
  });
}

/** Drops `undefined` (and `null`) fields, so that objects only carry what the data had. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;
}
