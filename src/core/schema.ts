/**
 * The building blocks of the data model's schemas (valibot), and the checks that run them.
 *
 * One definition gives the TypeScript type (`InferOutput`), the validation and the published JSON
 * Schema (`npm run schema`). Every problem is reported with its path and the value found:
 * `articles[2].published: expected an ISO 8601 date, got string "16 oct"`. The JSON adapter checks its
 * data file with them; the provider checks whatever any adapter returns, so a broken backend gets a
 * clear `invalid-data` error instead of a broken render.
 *
 * Each schema's valibot `message` is the phrase for what it expects (`an ISO 8601 date`); `problemOf`
 * turns an issue into the problem text.
 */
import * as v from 'valibot';
import { MagAdapterError } from './errors.js';

/** Any synchronous valibot schema. */
export type Schema = v.GenericSchema;

type Output = v.OutputDataset<unknown, v.BaseIssue<unknown>>;
type Config = v.Config<v.BaseIssue<unknown>>;

/**
 * Every problem of a value (not only the first), and at most one per field: a blank title is
 * "expected a non-empty string", not also another rule of the same field.
 */
const CONFIG: Config = { abortEarly: false, abortPipeEarly: true };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A short description of a value for a problem message: `null`, `an array`, `string "16 oct"`, `number 42`… */
export const describe = (value: unknown): string => {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `string ${JSON.stringify(value).slice(0, 40)}`;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return `${typeof value} ${String(value).slice(0, 40)}`;
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
};

/** `comments.a1` for simple names, `comments["a b"]` otherwise; a name alone at the root. */
export const keyPath = (base: string, key: string): string =>
  /^[A-Za-z_$][\w$-]*$/.test(key) ? (base ? `${base}.${key}` : key) : `${base}[${JSON.stringify(key)}]`;

/**
 * `schema` checked by `run` instead of valibot's own check: its type, its messages and its JSON Schema
 * stay those of `schema`. For the few rules where valibot accepts more than the data format does.
 */
function checkedBy<S extends Schema>(schema: S, run: (dataset: v.UnknownDataset, config: Config) => Output): S {
  return Object.assign(schema, { '~run': run });
}

/** Adds the problem "expected <the schema's message>, got <the value>" to `dataset`. */
const fail = (schema: Schema, dataset: v.UnknownDataset, config: Config): Output => {
  v._addIssue(schema, 'type', dataset, config);
  // _addIssue made it a failure: `typed: false`, with the issue.
  return dataset as unknown as Output;
};

export const string = v.string('a string');

const NON_EMPTY = 'a non-empty string';
/** A string with at least one character that is not a space. */
export const nonEmptyString = v.pipe(v.string(NON_EMPTY), v.regex(/\S/, NON_EMPTY));

const ISO = 'an ISO 8601 date';
/** An ISO 8601 date (`2013-10-16`), or date and time (`2013-10-16T10:00:00+02:00`), that exists. */
export const isoDate = v.pipe(
  v.string(ISO),
  v.regex(ISO_DATE, ISO),
  v.check((text) => !Number.isNaN(Date.parse(text)), ISO),
);

export const boolean = v.boolean('true or false');

/** A whole number ≥ `min`. */
export const wholeNumber = (min: number) => {
  const expected = `a whole number ≥ ${min}`;
  return v.pipe(v.number(expected), v.integer(expected), v.minValue(min, expected));
};

/** A whole number ≥ 0 (a count). */
export const count = wholeNumber(0);

/** One of the strings `values`. */
export const oneOf = <const T extends string[]>(...values: T) => v.picklist(values, `one of ${values.map((x) => `"${x}"`).join(', ')}`);

export const array = <S extends Schema>(item: S) => v.array(item, 'an array');

/** An object (not an array) with these fields; unknown fields are left out of the output. */
export const object = <E extends v.ObjectEntries>(entries: E) => plainObject(v.object(entries, 'an object'));

/** An object (not an array) with these fields; unknown fields are kept, unchecked. */
export const looseObject = <E extends v.ObjectEntries>(entries: E) => plainObject(v.looseObject(entries, 'an object'));

/** Valibot takes an array for an object; the data format does not. */
function plainObject<S extends Schema>(schema: S): S {
  const run = schema['~run'].bind(schema);
  return checkedBy(schema, (dataset, config) => (Array.isArray(dataset.value) ? fail(schema, dataset, config) : run(dataset, config)));
}

/** An optional field: absent, `undefined` or `null` (the output has no value then). */
export function optional<S extends Schema>(wrapped: S): v.OptionalSchema<S, undefined> {
  const schema = v.optional(wrapped);
  const run = schema['~run'].bind(schema);
  return checkedBy(schema, (dataset, config) => run(dataset.value === null ? { value: undefined } : dataset, config));
}

/**
 * An object used as a map from any name to `item` (`comments` by article id). Every own key counts,
 * `__proto__`, `constructor` and `toString` included (valibot's `record` skips some of them and takes
 * an array), and the output has no prototype, so that no key finds a value it does not have.
 *
 * Valibot (for the type) and @valibot/to-json-schema read it as a record of `item`; the check is
 * this one, so the schema is written out here rather than made by `record()`, whose own check
 * would ship unused.
 */
export function map<S extends Schema>(item: S): v.RecordSchema<typeof string, S, string> {
  const schema = {
    kind: 'schema',
    type: 'record',
    expects: 'Object',
    async: false,
    key: string,
    value: item,
    message: 'an object',
    '~run'(dataset: v.UnknownDataset, config: Config): Output {
      const input = dataset.value;
      if (!isRecord(input)) return fail(schema, dataset, config);
      const output = Object.create(null) as Record<string, unknown>;
      const issues: v.BaseIssue<unknown>[] = [];
      for (const [key, value] of Object.entries(input)) {
        const entry = item['~run']({ value }, config);
        for (const issue of entry.issues ?? []) {
          const at: v.ObjectPathItem = { type: 'object', origin: 'value', input, key, value };
          issues.push({ ...issue, path: [at, ...(issue.path ?? [])] });
        }
        output[key] = entry.value;
      }
      const [first, ...more] = issues;
      return first ? { typed: false, value: output, issues: [first, ...more] } : { typed: true, value: output };
    },
  } as unknown as v.RecordSchema<typeof string, S, string>;
  return schema;
}

/**
 * A string checked as `name`, or an object checked as `details`: one precise problem (`….name: is
 * required`) where valibot's union would only say that neither matched. Valibot (for the type) and
 * @valibot/to-json-schema read it as the union of the two; the check is this one.
 */
export function nameOr<N extends Schema, D extends Schema>(name: N, details: D, expected: string): v.UnionSchema<[N, D], string> {
  const schema = {
    kind: 'schema',
    type: 'union',
    expects: 'string | Object',
    async: false,
    options: [name, details],
    message: expected,
    '~run'(dataset: v.UnknownDataset, config: Config): Output {
      if (typeof dataset.value === 'string') return name['~run'](dataset, config);
      if (isRecord(dataset.value)) return details['~run'](dataset, config);
      return fail(schema, dataset, config);
    },
  } as unknown as v.UnionSchema<[N, D], string>;
  return schema;
}

/** The text of one problem: its path, then what is wrong. */
function problemOf(issue: v.BaseIssue<unknown>, base: string): string {
  let path = base;
  for (const item of issue.path ?? []) path = typeof item.key === 'number' ? `${path}[${item.key}]` : keyPath(path, String(item.key));
  const missing = issue.input === undefined && issue.path?.at(-1)?.type === 'object';
  return `${path || '(root)'}: ${missing ? 'is required' : `expected ${issue.message}, got ${describe(issue.input)}`}`;
}

/** What `check` finds: the value as the schema outputs it, or every problem. */
export type Checked<S extends Schema> = { success: true; output: v.InferOutput<S> } | { success: false; problems: string[] };

/**
 * Checks `value` against `schema`. The problems start with their path below `path`
 * (`article.title: …`; at `''`, `title: …`, and `(root): …` for the value itself).
 */
export function check<S extends Schema>(schema: S, value: unknown, path: string): Checked<S> {
  const result = v.safeParse(schema, value, CONFIG);
  return result.success ? { success: true, output: result.output } : { success: false, problems: result.issues.map((issue) => problemOf(issue, path)) };
}

const MAX_LISTED = 20;

/** The `invalid-data` error for these problems: its message lists the first 20 for the console. */
export function invalidData(problems: string[], source: string): MagAdapterError {
  const listed = problems.slice(0, MAX_LISTED).join('; ');
  const more = problems.length > MAX_LISTED ? ` (and ${problems.length - MAX_LISTED} more)` : '';
  return new MagAdapterError('invalid-data', `${source} is not valid: ${listed}${more}`, { problems });
}

/**
 * The value as `schema` outputs it (a copy, without unknown fields or `null` optional ones), or an
 * `invalid-data` MagAdapterError that lists every problem.
 */
export function parse<S extends Schema>(schema: S, value: unknown, path: string, source = 'The data'): v.InferOutput<S> {
  const result = check(schema, value, path);
  if (!result.success) throw invalidData(result.problems, source);
  return result.output;
}

/**
 * The value itself once `schema` accepts it, or an `invalid-data` MagAdapterError that lists every
 * problem. Not a copy: an adapter that answers a reload with the same objects gives the elements the
 * same objects, and they redraw nothing. The value may carry more than its type says: unknown fields,
 * and `null` for an optional field, which the elements read as absent.
 */
export function validated<S extends Schema>(schema: S, value: unknown, path: string, source = 'The data'): v.InferOutput<S> {
  const result = check(schema, value, path);
  if (!result.success) throw invalidData(result.problems, source);
  // The schema accepted it: it has the schema's type.
  return value;
}
