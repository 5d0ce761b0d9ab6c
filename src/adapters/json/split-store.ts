/**
 * The split layout read by `JsonAdapter` (docs/data-format.md, "Split layout"): the index, loaded
 * first, answers the recent list, the about boxes, the videos and the subscribe endpoint; an
 * article's file is loaded when that article or its comments are asked for, a section's file when
 * its recent list is.
 * Each file is validated when it loads, and kept once loaded.
 */
import type { About, Article, ArticleLink, ArticleSummary, Section, Video } from '../../core/model.js';
import { MagAdapterError } from '../../core/errors.js';
import { slugify } from '../../core/slugify.js';
import { SPLIT_ID, parseSplitArticle, parseSplitSection, type DataSection, type SplitIndex, type SplitSection, type SplitSummary } from './data-format.js';
import { SharedLoad, fetchJson } from './load.js';
import { aboutBox, articleAnswer, lower, newestVideos, resolveSection, sectionsByKey, summaryOf, toComment, type ArticleEntry, type DataLayout } from './store.js';

/** An article of the split layout: its file's article and comments, its sections resolved against the index. */
interface SplitEntry extends ArticleEntry {
  sections: Section[];
  previous?: ArticleLink;
  next?: ArticleLink;
}

/** The folder of the file at `url`: the URL without its query, fragment and file name (`data/` for `data/index.json?v=2`). */
export function folderOf(url: string): string {
  const path = url.split(/[?#]/, 1)[0];
  return path.slice(0, path.lastIndexOf('/') + 1);
}

/** The files of one split layout, read from the folder of its index. */
export class SplitStore implements DataLayout {
  readonly settings: DataLayout['settings'];
  private readonly _index: SplitIndex;
  private readonly _folder: string;
  private readonly _fetch: typeof fetch;
  private readonly _declared: ReturnType<typeof sectionsByKey>;
  private readonly _aboutBoxes: Map<string, About>;
  /** The article files asked for, by id, and the section files' summaries, by slug. */
  private readonly _articles = new Map<string, SharedLoad<SplitEntry>>();
  private readonly _sections = new Map<string, SharedLoad<ArticleSummary[]>>();

  /**
   * `index` is the validated index; `folder` the URL its files are relative to (ending with `/`, or
   * empty for the page's folder); `fetchFile` the `fetch` to read them with.
   */
  constructor(index: SplitIndex, folder: string, fetchFile: typeof fetch) {
    this._index = this.settings = index;
    this._folder = folder;
    this._fetch = fetchFile;
    this._declared = sectionsByKey(index.sections);
    this._aboutBoxes = new Map(Object.entries(index.about ?? {}));
  }

  /** The article with this id (in a split layout, also its slug) and its comments, from its file. */
  entry(ref: string, signal?: AbortSignal): Promise<SplitEntry> {
    if (!SPLIT_ID.test(ref)) {
      return Promise.reject(new MagAdapterError('not-found', `No article has the id or slug "${ref}" (in a split layout, an article's id is made of a-z, 0-9, - and _).`));
    }
    return loadOnce(this._articles, ref, async (signal) => {
      const url = `${this._folder}articles/${ref}.json`;
      const source = `The data file ${url}`;
      const value = await fetchJson(url, source, signal, this._fetch).catch((error: MagAdapterError) => {
        throw error.code === 'not-found' ? new MagAdapterError('not-found', `No article has the id or slug "${ref}": ${url} was not found (HTTP 404).`, { status: 404 }) : error;
      });
      const { article, comments } = parseSplitArticle(value, ref, source);
      const { previous, next, ...data } = article;
      return { data, previous, next, sections: this._sectionsOf(article.sections ?? []), comments: comments.map(toComment) };
    }).get(signal);
  }

  async article(ref: string, signal?: AbortSignal): Promise<Article> {
    const { data, sections, comments, previous, next } = await this.entry(ref, signal);
    return articleAnswer(data, sections, comments, { previous, next }, this._index.site);
  }

  /**
   * The index's summaries, or, for a section, its file's; at most as many as the file holds. A
   * section matches by its name in any case, its slug, or its name written as a slug; with no
   * section of the index matching, the list is empty.
   */
  async recent(limit: number, section?: string, signal?: AbortSignal): Promise<ArticleSummary[]> {
    const count = Math.max(0, Math.floor(limit));
    const key = lower(section);
    if (!key) return this._summaries(this._index.recent.slice(0, count));
    const matches = (s: SplitSection) => [lower(s.name), lower(s.slug), slugify(s.name)].some((k) => k === key || k === slugify(key));
    const found = this._index.sections.find(matches);
    if (!found) return [];
    const slug = found.slug;
    const summaries = await loadOnce(this._sections, slug, async (signal) => {
      const url = `${this._folder}sections/${encodeURIComponent(slug)}.json`;
      const source = `The data file ${url}`;
      return this._summaries(parseSplitSection(await fetchJson(url, source, signal, this._fetch), slug, source).recent);
    }).get(signal);
    return summaries.slice(0, count).map((summary) => summaryOf(summary, summary.sections));
  }

  about(key?: string): About | undefined {
    return aboutBox(this._aboutBoxes, key);
  }

  videos(limit: number): Video[] {
    return newestVideos(this._index.videos, limit);
  }

  /** Sections named by an article or a summary, as the elements get them (resolved against the index). */
  private _sectionsOf(refs: (string | DataSection)[]): Section[] {
    return refs.map((ref) => resolveSection(ref, this._declared).section);
  }

  private _summaries(list: SplitSummary[]): ArticleSummary[] {
    return list.map((summary) => summaryOf(summary, this._sectionsOf(summary.sections)));
  }
}

/** The shared load of `key` in `loads`, created by `run` the first time. */
function loadOnce<T>(loads: Map<string, SharedLoad<T>>, key: string, run: (signal: AbortSignal) => Promise<T>): SharedLoad<T> {
  let load = loads.get(key);
  if (!load) loads.set(key, (load = new SharedLoad(run)));
  return load;
}
