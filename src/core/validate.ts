import { MagAdapterError } from './errors.js';

/**
 * Shape checks for the data model. Each check appends problems, each with its path
 * (`articles[2].published: expected an ISO 8601 date`). The JSON adapter runs them on its data
 * file; the provider runs them on whatever any adapter returns, so a broken backend gets a clear
 * `invalid-data` error instead of a broken render.
 */
export type Check = (value: unknown, path: string, problems: string[]) => void;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** A short description of a value for a problem message: `null`, `an array`, `string "16 oct"`… */
export const describe = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)?.slice(0, 40)}`;

export const isIsoDate = (value: unknown): value is string =>
  typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value));

export const string: Check = (v, path, problems) => {
  if (typeof v !== 'string') problems.push(`${path}: expected a string, got ${describe(v)}`);
};
export const nonEmptyString: Check = (v, path, problems) => {
  if (typeof v !== 'string' || v.trim() === '') problems.push(`${path}: expected a non-empty string, got ${describe(v)}`);
};
export const isoDate: Check = (v, path, problems) => {
  if (!isIsoDate(v)) problems.push(`${path}: expected an ISO 8601 date, got ${describe(v)}`);
};
export const boolean: Check = (v, path, problems) => {
  if (typeof v !== 'boolean') problems.push(`${path}: expected true or false, got ${describe(v)}`);
};
export const count: Check = (v, path, problems) => {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) problems.push(`${path}: expected a whole number ≥ 0, got ${describe(v)}`);
};
export const oneOf =
  (...values: string[]): Check =>
  (v, path, problems) => {
    if (typeof v !== 'string' || !values.includes(v)) problems.push(`${path}: expected one of ${values.map((x) => `"${x}"`).join(', ')}, got ${describe(v)}`);
  };
export const arrayOf =
  (item: Check): Check =>
  (v, path, problems) => {
    if (!Array.isArray(v)) {
      problems.push(`${path}: expected an array, got ${describe(v)}`);
      return;
    }
    v.forEach((x, i) => item(x, `${path}[${i}]`, problems));
  };

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * An object with required (`name`) and optional (`name?`) fields; unknown fields are allowed. At the
 * root (path `''`) field paths carry no leading dot (`articles[2].published`).
 */
export const object =
  (fields: Record<string, Check>): Check => {
    // Read once: the check runs for every item of long lists (thousands of comments).
    const list = Object.entries(fields).map(([key, check]) => [key.replace(/\?$/, ''), key.endsWith('?'), check] as const);
    return (v, path, problems) => {
      if (!isRecord(v)) {
        problems.push(`${path || '(root)'}: expected an object, got ${describe(v)}`);
        return;
      }
      for (const [name, optional, check] of list) {
        const at = path ? `${path}.${name}` : name;
        const value = v[name];
        if (value === undefined || (optional && value === null)) {
          if (!optional) problems.push(`${at}: is required`);
          continue;
        }
        check(value, at, problems);
      }
    };
  };

export const personCheck = object({ name: nonEmptyString, 'url?': string, 'avatarUrl?': string });
export const sectionCheck = object({ name: nonEmptyString, 'url?': string });
export const articleLinkCheck = object({ id: nonEmptyString, title: string, 'url?': string });
export const articleCheck = object({
  id: nonEmptyString,
  'slug?': string,
  title: string,
  'url?': string,
  published: isoDate,
  'updated?': isoDate,
  'author?': personCheck,
  sections: arrayOf(sectionCheck),
  bodyHtml: string,
  commentsOpen: boolean,
  'commentCount?': count,
  'commentFeedUrl?': string,
  'commentFeedType?': string,
  'previous?': articleLinkCheck,
  'next?': articleLinkCheck,
  'homeUrl?': string,
});
export const articleSummaryCheck = object({
  id: nonEmptyString,
  title: string,
  'url?': string,
  published: isoDate,
  sections: arrayOf(sectionCheck),
  'excerpt?': string,
});
export const commentCheck = object({
  id: nonEmptyString,
  'parentId?': string,
  author: personCheck,
  published: isoDate,
  bodyHtml: string,
  'status?': oneOf('approved', 'pending'),
});
export const commentPageCheck = object({ comments: arrayOf(commentCheck), 'nextCursor?': string, 'total?': count });
export const aboutCheck = object({
  'title?': string,
  'name?': string,
  bioHtml: string,
  'photoUrl?': string,
  'photoAlt?': string,
  'contactUrl?': string,
  'links?': arrayOf(object({ label: nonEmptyString, url: string })),
});
export const subscribeResultCheck = object({ status: oneOf('subscribed', 'confirmation-sent', 'already-subscribed') });

/** Runs a check and returns its problems. */
export function problemsOf(check: Check, value: unknown, path: string): string[] {
  const problems: string[] = [];
  check(value, path, problems);
  return problems;
}

const MAX_LISTED = 20;

/** Throws an `invalid-data` MagAdapterError that lists every problem, or returns the value typed. */
export function assertValid<T>(check: Check, value: unknown, path: string, source = 'The data'): T {
  const problems = problemsOf(check, value, path);
  if (problems.length) {
    const listed = problems.slice(0, MAX_LISTED).join('; ');
    const more = problems.length > MAX_LISTED ? ` (and ${problems.length - MAX_LISTED} more)` : '';
    throw new MagAdapterError('invalid-data', `${source} is not valid: ${listed}${more}`, { problems });
  }
  return value as T;
}

