/**
 * The embedded data format read by `JsonAdapter` (documented in docs/data-format.md): its schema,
 * from which come its types, its validation and the published JSON Schema
 * docs/data-format.schema.json (`npm run schema`). `validateData` also checks the cross references
 * a JSON Schema cannot express (duplicate ids, comments for an unknown article, a reply to an
 * unknown comment or to itself).
 */
import * as v from 'valibot';
import { aboutSchema, personSchema, videoSchema } from '../../core/model.js';
import {
  array,
  boolean,
  check,
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

/** The whole data file. */
export const dataSchema = object({
  version: v.literal(1, '1 (the only version of the format)'),
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

/** Cross references: unique ids (articles, videos), slugs and section names, comments for known articles, replies to known comments. */
function referenceProblems(data: unknown): string[] {
  const problems: string[] = [];
  if (!isRecord(data)) return problems;
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
  unique(data.videos, 'videos', 'id', 'video id');
  if (!isRecord(data.comments)) return problems;
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
  return problems;
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
  const result = check(dataSchema, data, '');
  const problems = referenceProblems(data);
  if (!result.success) throw invalidData([...result.problems, ...problems], source);
  if (problems.length) throw invalidData(problems, source);
  return result.output;
}
