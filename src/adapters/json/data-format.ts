/**
 * The embedded data format read by `JsonAdapter` (documented in docs/data-format.md, with the JSON
 * Schema docs/data-format.schema.json) and its validator. `validateData` and the schema agree on
 * every shape rule; `validateData` also checks cross references the schema cannot express
 * (duplicate ids, comments for an unknown article, a reply to an unknown comment).
 */
import type { About, Person } from '../../core/model.js';
import {
  aboutCheck,
  arrayOf,
  boolean,
  describe,
  isRecord,
  isoDate,
  nonEmptyString,
  object,
  oneOf,
  personCheck,
  problemsOf,
  string,
  type Check,
} from '../../core/validate.js';

/** A section as declared in the top-level `sections` list or inside an article. */
export interface DataSection {
  name: string;
  /** Used in URLs and to filter recent articles (`listRecent({ section: 'politique' })`). */
  slug?: string;
  url?: string;
}

/** An article of the data file. `sections` may name a top-level section by its name or slug. */
export interface DataArticle {
  id: string;
  slug?: string;
  title: string;
  url?: string;
  published: string;
  updated?: string;
  author?: Person;
  sections?: (string | DataSection)[];
  bodyHtml: string;
  commentsOpen: boolean;
  commentFeedUrl?: string;
  commentFeedType?: string;
  excerpt?: string;
}

/** A comment of the data file. Only `approved` ones (the default) are shown. */
export interface DataComment {
  id: string;
  parentId?: string;
  author: Person;
  published: string;
  bodyHtml: string;
  status?: 'approved' | 'pending';
}

/** A plain HTTP endpoint that `subscribe(email)` posts the address to. */
export interface DataSubscribe {
  endpoint: string;
  /** `POST` (default) or `PUT`. */
  method?: 'POST' | 'PUT';
  /** The name of the posted field (default `email`). */
  field?: string;
  /** `form` (default, `application/x-www-form-urlencoded`) or `json`. */
  encoding?: 'form' | 'json';
}

/** The whole data file. Fields starting with `_` (such as `_notes`) and unknown fields are ignored. */
export interface MagData {
  $schema?: string;
  version: 1;
  site: { title: string; description?: string; url?: string; homeUrl?: string; lang?: string };
  sections?: DataSection[];
  articles: DataArticle[];
  comments?: Record<string, DataComment[]>;
  about?: Record<string, About>;
  subscribe?: DataSubscribe;
  /** Comments per page (default 50). */
  commentsPageSize?: number;
  /** When true, comments posted through `MemoryAdapter` wait for moderation (`pending`). */
  moderation?: boolean;
}

const positiveInteger: Check = (v, path, problems) => {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) problems.push(`${path}: expected a whole number ≥ 1, got ${describe(v)}`);
};

const versionCheck: Check = (v, path, problems) => {
  if (v !== 1) problems.push(`${path}: expected 1 (the only version of the format), got ${describe(v)}`);
};

const sectionDataCheck = object({ name: nonEmptyString, 'slug?': nonEmptyString, 'url?': string });

const sectionRefCheck: Check = (v, path, problems) => {
  if (typeof v === 'string') nonEmptyString(v, path, problems);
  else if (isRecord(v)) sectionDataCheck(v, path, problems);
  else problems.push(`${path}: expected a section name or a section object, got ${describe(v)}`);
};

const siteCheck = object({ title: nonEmptyString, 'description?': string, 'url?': string, 'homeUrl?': string, 'lang?': nonEmptyString });

const articleDataCheck = object({
  id: nonEmptyString,
  'slug?': nonEmptyString,
  title: nonEmptyString,
  'url?': string,
  published: isoDate,
  'updated?': isoDate,
  'author?': personCheck,
  'sections?': arrayOf(sectionRefCheck),
  bodyHtml: string,
  commentsOpen: boolean,
  'commentFeedUrl?': string,
  'commentFeedType?': string,
  'excerpt?': string,
});

const commentDataCheck = object({
  id: nonEmptyString,
  'parentId?': nonEmptyString,
  author: personCheck,
  published: isoDate,
  bodyHtml: string,
  'status?': oneOf('approved', 'pending'),
});

const subscribeCheck = object({
  endpoint: nonEmptyString,
  'method?': oneOf('POST', 'PUT'),
  'field?': nonEmptyString,
  'encoding?': oneOf('form', 'json'),
});

/** `comments.a1` for simple keys, `comments["a b"]` otherwise. */
const keyPath = (base: string, key: string): string => (/^[A-Za-z_$][\w$-]*$/.test(key) ? `${base}.${key}` : `${base}[${JSON.stringify(key)}]`);

const mapOf =
  (item: Check): Check =>
  (v, path, problems) => {
    if (!isRecord(v)) {
      problems.push(`${path}: expected an object, got ${describe(v)}`);
      return;
    }
    for (const [key, value] of Object.entries(v)) item(value, keyPath(path, key), problems);
  };

/** Top-level fields: `?` marks optional ones. */
const TOP_LEVEL: Record<string, Check> = {
  version: versionCheck,
  site: siteCheck,
  'sections?': arrayOf(sectionDataCheck),
  articles: arrayOf(articleDataCheck),
  'comments?': mapOf(arrayOf(commentDataCheck)),
  'about?': mapOf(aboutCheck),
  'subscribe?': subscribeCheck,
  'commentsPageSize?': positiveInteger,
  'moderation?': boolean,
  '$schema?': string,
};

/** Cross references: unique ids, slugs and section names, comments for known articles, replies to known comments. */
function checkReferences(data: Record<string, unknown>, problems: string[]): void {
  /**
   * Reports each item of `list` (at `path`) whose `field` repeats an earlier item's (compared as
   * `key` gives it), and returns the index of the first item with each value. Items without a
   * non-empty string there are skipped: the shape check reports them.
   */
  const unique = (list: unknown, path: string, field: string, what: string, key = (value: string) => value, verb = 'used') => {
    const first = new Map<string, number>();
    if (Array.isArray(list)) {
      list.forEach((item: unknown, i) => {
        const value = isRecord(item) ? item[field] : undefined;
        if (typeof value !== 'string' || !value) return;
        const seen = first.get(key(value));
        if (seen === undefined) first.set(key(value), i);
        else problems.push(`${path}[${i}].${field}: duplicate ${what} "${value}" (already ${verb} by ${path}[${seen}])`);
      });
    }
    return first;
  };
  const articleIds = unique(data.articles, 'articles', 'id', 'article id');
  unique(data.articles, 'articles', 'slug', 'slug');
  unique(data.sections, 'sections', 'name', 'section', (name) => name.trim().toLowerCase(), 'declared');
  if (!isRecord(data.comments)) return;
  for (const [articleId, list] of Object.entries(data.comments)) {
    const path = keyPath('comments', articleId);
    if (Array.isArray(data.articles) && !articleIds.has(articleId)) problems.push(`${path}: no article has the id "${articleId}"`);
    const ids = unique(list, path, 'id', 'comment id');
    if (!Array.isArray(list)) continue;
    list.forEach((comment: unknown, i) => {
      if (!isRecord(comment) || typeof comment.parentId !== 'string' || !comment.parentId) return;
      if (!ids.has(comment.parentId)) problems.push(`${path}[${i}].parentId: no comment of this article has the id "${comment.parentId}"`);
      else if (comment.parentId === comment.id) problems.push(`${path}[${i}].parentId: a comment cannot reply to itself`);
    });
  }
}

/** The whole check of a data file: its shape, then its cross references. */
export const dataCheck: Check = (data, path, problems) => {
  object(TOP_LEVEL)(data, path, problems);
  if (isRecord(data)) checkReferences(data, problems);
};

/**
 * Checks a parsed data file against the format and returns every problem found, each starting
 * with its path (`articles[2].published: expected an ISO 8601 date, got string "16 oct"`).
 * An empty array means the data is valid.
 */
export function validateData(data: unknown): string[] {
  return problemsOf(dataCheck, data, '');
}
