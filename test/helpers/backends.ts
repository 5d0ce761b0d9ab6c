/**
 * Where the real backends of the adapter tests are. They are started by web-test-runner's
 * `backendsPlugin()` (scripts/backends/wtr-plugin.mjs), which serves `GET /__backends.json`.
 *
 * Use in a `before` hook with a long timeout (the first run builds WordPress's seeded cache):
 *
 * ```ts
 * let wp: string;
 * before(async function () {
 *   this.timeout(120_000);
 *   wp = await wordpressUrl();
 * });
 * ```
 *
 * When a backend could not start, these reject with the reason, so the suite fails: never a silent skip.
 */

export interface WordPressSeed {
  posts: Record<'hello' | 'tips' | 'roundup' | 'culture' | 'letters' | 'draft', number>;
  comments: Record<'c1' | 'c2' | 'c3' | 'c4' | 'c5' | 'c6' | 'pending' | 'closed1' | 'closed2', number>;
  categories: Record<'news' | 'culture' | 'science-tech', number>;
  users: Record<'ada' | 'grace', number>;
  /** The video attachments (`video` has `poster` as its featured image). */
  media: Record<'video' | 'poster' | 'olderVideo', number>;
}

export interface Backends {
  /** Site URL of the seeded WordPress, e.g. `http://127.0.0.1:PORT` (REST API at `/wp-json/`). */
  wordpress?: string;
  /** Ids of the seeded content (see scripts/backends/wordpress/seed.php). */
  wordpressSeed?: WordPressSeed;
  /** Origin of the feed fixture server (`/feeds/<file>` serves test/fixtures/feeds). */
  feeds?: string;
  errors?: Record<string, string>;
}

let info: Promise<Backends> | undefined;

/** The backends' addresses, fetched once per test file. */
export function backends(): Promise<Backends> {
  info ??= (async () => {
    const res = await fetch('/__backends.json');
    if (!res.ok) {
      throw new Error(
        `GET /__backends.json answered HTTP ${res.status}: add backendsPlugin() from scripts/backends/wtr-plugin.mjs to web-test-runner.config.mjs.`,
      );
    }
    return (await res.json()) as Backends;
  })();
  return info;
}

async function need(name: 'wordpress' | 'feeds'): Promise<string> {
  const b = await backends();
  const error = b.errors?.[name] ?? b.errors?.all;
  if (error) throw new Error(`The ${name} backend could not start: ${error}`);
  const url = b[name];
  if (!url) throw new Error(`The ${name} backend was not started (not in /__backends.json).`);
  return url;
}

/** Site URL of the seeded WordPress (`http://127.0.0.1:PORT`). */
export function wordpressUrl(): Promise<string> {
  return need('wordpress');
}

/** Ids of the seeded WordPress content. */
export async function wordpressSeed(): Promise<WordPressSeed> {
  await need('wordpress');
  const seed = (await backends()).wordpressSeed;
  if (!seed) throw new Error('The WordPress backend gave no seed summary.');
  return seed;
}

/** Origin of the feed fixture server. */
export function feedsUrl(): Promise<string> {
  return need('feeds');
}

/** How many times the feed server was asked for exactly this path + query. */
export async function feedHits(pathAndQuery: string): Promise<number> {
  const res = await fetch(`${await feedsUrl()}/__hits?url=${encodeURIComponent(pathAndQuery)}`);
  return (await res.json()) as number;
}
