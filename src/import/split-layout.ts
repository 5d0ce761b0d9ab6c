/**
 * The split layout of the data format (docs/data-format.md, "Split layout"): one blog as many small
 * files, so that a page showing one article downloads the index and that article's file, whatever
 * the number of articles.
 *
 * - `index.json`: the site, the sections (each with its number of articles), the about boxes, the
 *   subscribe endpoint, the videos, the number of articles and the summaries of the newest ones;
 * - `articles/<id>.json`: one article with its previous / next links and all its comments;
 * - `sections/<slug>.json`: one section with the summaries of its newest articles.
 */
import type { DataArticle, DataSection, MagData } from '../adapters/json/json-adapter.js';
import {
  SPLIT_ID,
  SPLIT_LAYOUT,
  type SplitArticleFile,
  type SplitArticleLink,
  type SplitIndex,
  type SplitSection,
  type SplitSectionFile,
  type SplitSummary,
} from '../adapters/json/data-format.js';
import { slugFromText, SlugRegistry } from './slugs.js';

// The files' schemas and types are the data format's (data-format.ts), which the adapter reads them with.
export { SPLIT_ID, SPLIT_LAYOUT, validateSplitFile } from '../adapters/json/data-format.js';
export type { SplitArticleFile, SplitArticleLink, SplitIndex, SplitSection, SplitSectionFile, SplitSummary };

export interface SplitFile {
  /** Relative to the layout's folder, with `/` (`articles/le-numerique.json`). */
  path: string;
  content: SplitIndex | SplitArticleFile | SplitSectionFile;
}

export interface SplitLayoutOptions {
  /** How many summaries the index and each section file hold (default 50). */
  recentLimit?: number;
}

const lower = (text: string) => text.trim().toLowerCase();

/**
 * The files of the split layout for `data`. Every article id must be a split id (lower-case letters,
 * digits, `-`, `_`) and an article's slug, when it has one, its id: a reader finds an article's file
 * from the id or slug it is given. Throws an `Error` naming the first article that breaks this rule.
 */
export function toSplitLayout(data: MagData, { recentLimit = 50 }: SplitLayoutOptions = {}): SplitFile[] {
  for (const article of data.articles) {
    if (!SPLIT_ID.test(article.id)) throw new Error(`article id ${JSON.stringify(article.id)} cannot name a file: a split layout needs ids made of a-z, 0-9, - and _`);
    if (article.slug !== undefined && article.slug !== article.id) throw new Error(`article ${JSON.stringify(article.id)} has another slug (${JSON.stringify(article.slug)}): in a split layout the slug is the id`);
  }

  // The sections: those declared, then any an article names without declaring it.
  const slugs = new SlugRegistry('section');
  const sections: SplitSection[] = [];
  const byKey = new Map<string, SplitSection>();
  const declare = (section: DataSection) => {
    const known = byKey.get(lower(section.name)) ?? (section.slug ? byKey.get(lower(section.slug)) : undefined);
    if (known) return known;
    const declared: SplitSection = { ...section, slug: slugs.claim(section.slug ?? slugFromText(section.name)), articleCount: 0 };
    sections.push(declared);
    byKey.set(lower(declared.name), declared);
    byKey.set(lower(declared.slug), declared);
    return declared;
  };
  for (const section of data.sections ?? []) declare(section);

  // Oldest first (equal dates keep the data's order), as previous / next are.
  const ordered = data.articles.map((article, index) => ({ article, index, time: Date.parse(article.published) })).sort((a, b) => a.time - b.time || a.index - b.index);
  const summaries = new Map<string, SplitSummary>();
  const articleSections = new Map<string, SplitSection[]>();
  for (const { article } of ordered) {
    const own = [...new Set((article.sections ?? []).map((ref) => declare(typeof ref === 'string' ? { name: ref } : ref)))];
    for (const section of own) section.articleCount++;
    articleSections.set(article.id, own);
    summaries.set(article.id, {
      id: article.id,
      title: article.title,
      ...(article.url !== undefined && { url: article.url }),
      published: article.published,
      sections: own.map((section) => section.name),
      ...(article.excerpt !== undefined && { excerpt: article.excerpt }),
    });
  }

  const link = (article: DataArticle): SplitArticleLink => ({ id: article.id, title: article.title, ...(article.url !== undefined && { url: article.url }) });
  const newestFirst = [...ordered].reverse();
  const files: SplitFile[] = [];
  const index: SplitIndex = {
    version: 1,
    layout: SPLIT_LAYOUT,
    site: data.site,
    sections,
    ...(data.about && { about: data.about }),
    ...(data.subscribe && { subscribe: data.subscribe }),
    ...(data.videos && { videos: data.videos }),
    ...(data.commentsPageSize !== undefined && { commentsPageSize: data.commentsPageSize }),
    articleCount: data.articles.length,
    recent: newestFirst.slice(0, recentLimit).map(({ article }) => summaries.get(article.id)!),
  };
  files.push({ path: 'index.json', content: index });

  ordered.forEach(({ article }, i) => {
    const previous = ordered[i - 1]?.article;
    const next = ordered[i + 1]?.article;
    files.push({
      path: `articles/${article.id}.json`,
      content: {
        version: 1,
        layout: SPLIT_LAYOUT,
        article: { ...article, ...(previous && { previous: link(previous) }), ...(next && { next: link(next) }) },
        comments: data.comments?.[article.id] ?? [],
      },
    });
  });

  for (const section of sections) {
    const recent: SplitSummary[] = [];
    for (const { article } of newestFirst) {
      if (recent.length >= recentLimit) break;
      if (articleSections.get(article.id)?.includes(section)) recent.push(summaries.get(article.id)!);
    }
    const { articleCount, ...declared } = section;
    files.push({ path: `sections/${section.slug}.json`, content: { version: 1, layout: SPLIT_LAYOUT, section: declared, articleCount, recent } });
  }
  return files;
}
