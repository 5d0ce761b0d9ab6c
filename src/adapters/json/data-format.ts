/**
 * The embedded data format read by `JsonAdapter` (documented in docs/data-format.md): its schema,
 * from which come its types, its validation and the published JSON Schema
 * docs/data-format.schema.json (`npm run schema`). `validateData` also checks the cross references
 * a JSON Schema cannot express (duplicate ids, comments for an unknown article, a reply to an
 * unknown comment or to itself). The files of the split layout (an index, one file per article and
 * per section) have schemas of their own, built from the same parts, and the same checks.
 */
import * as v from 'valibot';
import type { MagAdapterError } from '../../core/errors.js';
import { aboutSchema, personSchema, videoSchema } from '../../core/model.js';
import {
  array,
  boolean,
  check,
  count,
  describe,
  invalidData,
  isoDate,
  isRecord,
  keyPath,
  map,
  nameOr,
  nonEmptyString,
  object,
  oneOf,
  optional,
  string,
  wholeNumber,
  type Schema,
} from '../../core/schema.js';

const sectionSchema = object({
  name: nonEmptyString,
  /** Used in URLs and to filter recent articles (`listRecent({ section: 'politique' })`). */
  slug: optional(nonEmptyString),
  url: optional(string),
});
/** A section as declared in the top-level `sections` list or inside an article. */
export type DataSection = v.InferOutput<typeof sectionSchema>;

const articleSchema = object({
  id: nonEmptyString,
  slug: optional(nonEmptyString),
  title: nonEmptyString,
  url: optional(string),
  published: isoDate,
  updated: optional(isoDate),
  author: optional(personSchema),
  sections: optional(array(nameOr(nonEmptyString, sectionSchema, 'a section name or a section object'))),
  bodyHtml: string,
  commentsOpen: boolean,
  commentFeedUrl: optional(string),
  commentFeedType: optional(string),
  excerpt: optional(string),
});
/** An article of the data file. `sections` may name a top-level section by its name or slug. */
export type DataArticle = v.InferOutput<typeof articleSchema>;

const commentSchema = object({
  id: nonEmptyString,
  parentId: optional(nonEmptyString),
  author: personSchema,
  published: isoDate,
  bodyHtml: string,
  status: optional(oneOf('approved', 'pending')),
});
/** A comment of the data file. Only `approved` ones (the default) are shown. */
export type DataComment = v.InferOutput<typeof commentSchema>;

const subscribeSchema = object({
  endpoint: nonEmptyString,
  /** `POST` (default) or `PUT`. */
  method: optional(oneOf('POST', 'PUT')),
  /** The name of the posted field (default `email`). */
  field: optional(nonEmptyString),
  /** `form` (default, `application/x-www-form-urlencoded`) or `json`. */
  encoding: optional(oneOf('form', 'json')),
});
/** A plain HTTP endpoint that `subscribe(email)` posts the address to. */
export type DataSubscribe = v.InferOutput<typeof subscribeSchema>;

const siteSchema = object({
  title: nonEmptyString,
  description: optional(string),
  url: optional(string),
  homeUrl: optional(string),
  lang: optional(nonEmptyString),
});

const version = v.literal(1, '1 (the only version of the format)');

/** The whole data file. */
export const dataSchema = object({
  version,
  site: siteSchema,
  sections: optional(array(sectionSchema)),
  articles: array(articleSchema),
  comments: optional(map(array(commentSchema))),
  about: optional(map(aboutSchema)),
  subscribe: optional(subscribeSchema),
  videos: optional(array(videoSchema)),
  /** Comments per page (default 50). */
  commentsPageSize: optional(wholeNumber(1)),
  /** When true, comments posted through `MemoryAdapter` wait for moderation (`pending`). */
  moderation: optional(boolean),
  $schema: optional(string),
});
/** The whole data file, as the adapter keeps it once checked. Unknown fields (such as `_notes`) are left out. */
export type MagData = v.InferOutput<typeof dataSchema>;

/** The shapes the published JSON Schema names in its `$defs`. */
export const schemaDefinitions = {
  isoDate,
  person: personSchema,
  section: sectionSchema,
  article: articleSchema,
  comment: commentSchema,
  about: aboutSchema,
  video: videoSchema,
};

/**
 * What the published JSON Schema says of the file and of some of its parts, for the editors that
 * show it, by JSON pointer into the schema (`npm run schema` fails when one points nowhere). Apart
 * from the schemas above so that pages do not download them.
 */
export const schemaDescriptions: Record<string, { title?: string; description: string }> = {
  '': {
    title: 'mag-elements data file',
    description:
      'The data file read by JsonAdapter (docs/data-format.md). Shape rules only: the adapter also checks cross references (unique ids and slugs, comments for known articles, replies to known comments). Unknown fields are ignored; fields starting with _ are free for notes.',
  },
  '/properties/version': { description: 'The format version: 1.' },
  '/properties/site/properties/homeUrl': { description: 'The link of « Accueil » between previous and next (default: url).' },
  '/properties/comments': { description: 'Comments by article id.' },
  '/properties/about': { description: 'About boxes by key (magazine, author…). The one named default, else the first, is used when no key is asked.' },
  '/properties/videos': { description: 'The videos of <mag-video-list>, listed newest first (those without a date last).' },
  '/$defs/video/properties/provider': { description: 'youtube, vimeo, dailymotion, peertube, file (a video file) or another name; without it, the element recognizes the known hosts from the URLs.' },
  '/$defs/isoDate': { description: 'An ISO 8601 date, or date and time (2013-10-16, 2013-10-16T10:00:00+02:00).' },
  '/$defs/article/properties/sections': { description: 'Section names (looked up in the top-level sections by name or slug) or section objects.' },
  '/$defs/article/properties/bodyHtml': { description: 'Untrusted HTML, sanitized by the elements.' },
};

/**
 * Adds to `problems` each item of `list` (at `path`) whose `field` repeats an earlier item's
 * (compared as `key` gives it), and returns the index of the first item with each value. Items
 * without a non-empty string there are skipped: the shape check reports them.
 */
function unique(problems: string[], list: unknown, path: string, field: string, what: string, key = (value: string) => value, verb = 'used') {
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
}

const sectionKey = (name: string) => name.trim().toLowerCase();

/** The comments of one article (at `path`): unique ids, replies to a comment of the same article. */
function commentProblems(problems: string[], list: unknown, path: string): void {
  const ids = unique(problems, list, path, 'id', 'comment id');
  if (!Array.isArray(list)) return;
  list.forEach((comment: unknown, i) => {
    if (!isRecord(comment) || typeof comment.parentId !== 'string' || !comment.parentId) return;
    if (!ids.has(comment.parentId)) problems.push(`${path}[${i}].parentId: no comment of this article has the id "${comment.parentId}"`);
    else if (comment.parentId === comment.id) problems.push(`${path}[${i}].parentId: a comment cannot reply to itself`);
  });
}

/** Cross references: unique ids (articles, videos), slugs and section names, comments for known articles, replies to known comments. */
function referenceProblems(data: unknown): string[] {
  const problems: string[] = [];
  if (!isRecord(data)) return problems;
  const articleIds = unique(problems, data.articles, 'articles', 'id', 'article id');
  unique(problems, data.articles, 'articles', 'slug', 'slug');
  unique(problems, data.sections, 'sections', 'name', 'section', sectionKey, 'declared');
  unique(problems, data.videos, 'videos', 'id', 'video id');
  if (!isRecord(data.comments)) return problems;
  for (const [articleId, list] of Object.entries(data.comments)) {
    const path = keyPath('comments', articleId);
    if (Array.isArray(data.articles) && !articleIds.has(articleId)) problems.push(`${path}: no article has the id "${articleId}"`);
    commentProblems(problems, list, path);
  }
  return problems;
}

/**
 * The value as `schema` outputs it, or an `invalid-data` MagAdapterError that lists every problem:
 * the shape's, then the cross references' (`references`).
 */
function parseChecked<S extends Schema>(schema: S, value: unknown, source: string, references: string[]): v.InferOutput<S> {
  const result = check(schema, value, '');
  if (!result.success) throw invalidData([...result.problems, ...references], source);
  if (references.length) throw invalidData(references, source);
  return result.output;
}

/**
 * Checks a parsed data file against the format and returns every problem found, each starting
 * with its path (`articles[2].published: expected an ISO 8601 date, got string "16 oct"`).
 * An empty array means the data is valid.
 */
export function validateData(data: unknown): string[] {
  const result = check(dataSchema, data, '');
  return [...(result.success ? [] : result.problems), ...referenceProblems(data)];
}

/** The data as the adapter keeps it, or an `invalid-data` MagAdapterError that lists every problem. */
export function parseData(data: unknown, source: string): MagData {
  return parseChecked(dataSchema, data, source, referenceProblems(data));
}

// The split layout (docs/data-format.md, "Split layout"): the same data as `index.json`, one
// `articles/<id>.json` per article and one `sections/<slug>.json` per section.

/** The value of `layout` in every file of the split layout; a single data file has no `layout`. */
export const SPLIT_LAYOUT = 'split';

/** An article's id in a split layout, which is also its file's name (`articles/<id>.json`). */
export const SPLIT_ID = /^[a-z0-9][a-z0-9_-]*$/;

const splitFile = { version, layout: v.literal(SPLIT_LAYOUT, `"${SPLIT_LAYOUT}"`) };

const summarySchema = object({
  id: nonEmptyString,
  title: nonEmptyString,
  url: optional(string),
  published: isoDate,
  /** Each names a section of the index, by its name (any case) or its slug. */
  sections: array(nonEmptyString),
  excerpt: optional(string),
});
/** An article as recent lists show it, in the index and the section files (newest first). */
export type SplitSummary = v.InferOutput<typeof summarySchema>;

const indexSectionSchema = object({ ...sectionSchema.entries, slug: nonEmptyString, articleCount: count });
/** A section of the index: its `slug` names its file (`sections/<slug>.json`). */
export type SplitSection = v.InferOutput<typeof indexSectionSchema>;

/** `index.json`: the site, the sections, the about boxes, the subscribe endpoint, the videos and the newest summaries. */
export const splitIndexSchema = object({
  ...splitFile,
  site: siteSchema,
  sections: array(indexSectionSchema),
  about: optional(map(aboutSchema)),
  subscribe: optional(subscribeSchema),
  videos: optional(array(videoSchema)),
  commentsPageSize: optional(wholeNumber(1)),
  articleCount: count,
  recent: array(summarySchema),
});
export type SplitIndex = v.InferOutput<typeof splitIndexSchema>;

const articleLinkSchema = object({ id: nonEmptyString, title: nonEmptyString, url: optional(string) });
/** The article just older or newer, in an article file. */
export type SplitArticleLink = v.InferOutput<typeof articleLinkSchema>;

/** `articles/<id>.json`: one article, with its previous and next articles, and all its comments. */
export const splitArticleFileSchema = object({
  ...splitFile,
  article: object({ ...articleSchema.entries, previous: optional(articleLinkSchema), next: optional(articleLinkSchema) }),
  comments: array(commentSchema),
});
export type SplitArticleFile = v.InferOutput<typeof splitArticleFileSchema>;

/** `sections/<slug>.json`: one section and the summaries of its newest articles. */
export const splitSectionFileSchema = object({
  ...splitFile,
  section: object({ ...sectionSchema.entries, slug: nonEmptyString }),
  articleCount: count,
  recent: array(summarySchema),
});
export type SplitSectionFile = v.InferOutput<typeof splitSectionFileSchema>;

/** "expected <what the file's name says>, got <the value>", at `path`, when the value differs. */
function nameProblem(problems: string[], value: unknown, expected: string, path: string, why: string): void {
  if (typeof value === 'string' && value && value !== expected) problems.push(`${path}: expected ${JSON.stringify(expected)} (${why}), got ${describe(value)}`);
}

/** The index, or an `invalid-data` MagAdapterError naming `source` that lists every problem. */
export function parseSplitIndex(value: unknown, source: string): SplitIndex {
  const problems: string[] = [];
  if (isRecord(value)) {
    unique(problems, value.sections, 'sections', 'name', 'section', sectionKey, 'declared');
    unique(problems, value.sections, 'sections', 'slug', 'section slug');
    unique(problems, value.videos, 'videos', 'id', 'video id');
  }
  return parseChecked(splitIndexSchema, value, source, problems);
}

/** The file of the article `id`, or an `invalid-data` MagAdapterError naming `source` that lists every problem. */
export function parseSplitArticle(value: unknown, id: string, source: string): SplitArticleFile {
  const problems: string[] = [];
  if (isRecord(value)) {
    if (isRecord(value.article)) {
      nameProblem(problems, value.article.id, id, 'article.id', "the file's name");
      if (typeof value.article.id === 'string') nameProblem(problems, value.article.slug, value.article.id, 'article.slug', 'in a split layout the slug is the id');
    }
    commentProblems(problems, value.comments, 'comments');
  }
  return parseChecked(splitArticleFileSchema, value, source, problems);
}

/** The file of the section `slug`, or an `invalid-data` MagAdapterError naming `source` that lists every problem. */
export function parseSplitSection(value: unknown, slug: string, source: string): SplitSectionFile {
  const problems: string[] = [];
  if (isRecord(value) && isRecord(value.section)) nameProblem(problems, value.section.slug, slug, 'section.slug', "the file's name");
  return parseChecked(splitSectionFileSchema, value, source, problems);
}

/**
 * Checks one file of a split layout, at its `path` in the folder (`index.json`, `articles/<id>.json`,
 * `sections/<slug>.json`), and returns every problem found (an empty array for a valid file), as the
 * adapter reports them when it reads the file.
 */
export function validateSplitFile(path: string, value: unknown): string[] {
  const name = /^(articles|sections)\/(.+)\.json$/.exec(path);
  try {
    if (path === 'index.json') parseSplitIndex(value, path);
    else if (name?.[1] === 'articles' && SPLIT_ID.test(name[2])) parseSplitArticle(value, name[2], path);
    else if (name?.[1] === 'sections') parseSplitSection(value, name[2], path);
    else return [`${path}: not a file of a split layout (index.json, articles/<id>.json with an id of a-z, 0-9, - and _, sections/<slug>.json)`];
  } catch (error) {
    return (error as MagAdapterError).problems ?? [String(error)];
  }
  return [];
}
