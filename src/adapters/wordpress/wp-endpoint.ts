/**
 * Where a WordPress site's REST API is: the adapter's `endpoint` option read into the URL routes are
 * added to, and the site's home page; then the URL of each request.
 */

import { withoutTrailingSlashes } from '../../core/trim-end.js';

/** Query parameters of a request (`undefined` ones are left out). */
export type Params = Record<string, string | number | undefined>;

/** A REST API's address, read from an `endpoint` option by {@link parseEndpoint}. */
export interface WpEndpoint {
  /** `true`: routes go into `?rest_route=`; `false`: routes are appended to `base`. */
  query: boolean;
  /** The API root (`https://example.com/wp-json`), or the URL that takes `?rest_route=`. */
  base: string;
  /** The site's home page (`https://example.com/`). */
  homeUrl: string;
}

/** The API root of a site with pretty permalinks: `…/wp-json` or `…/wp-json/`. */
const API_ROOT = /\/wp-json\/?$/;

/**
 * Reads an `endpoint` option: the API root with pretty permalinks (`https://example.com/wp-json`), a
 * URL with `?rest_route=` (`https://example.com/?rest_route=`, `…/index.php?rest_route=/`), or the
 * plain site URL, which then takes `?rest_route=` (it works with and without pretty permalinks).
 * A relative endpoint is resolved against the page's address.
 */
export function parseEndpoint(endpoint: string): WpEndpoint {
  const url = new URL(endpoint.trim(), globalThis.location?.href);
  const query = url.searchParams.has('rest_route') || !API_ROOT.test(url.pathname);
  url.searchParams.delete('rest_route');
  if (!query) url.search = url.hash = '';
  const base = query ? url.href : withoutTrailingSlashes(url.href);
  url.search = url.hash = '';
  url.pathname = withoutPhpFile(url.pathname.replace(API_ROOT, '/'));
  return { query, base, homeUrl: url.href };
}

/** The URL of a REST route (`/wp/v2/posts`) with query parameters. */
export function restUrl({ query, base }: WpEndpoint, route: string, params: Params = {}): string {
  const url = new URL(query ? base : base + route);
  if (query) url.searchParams.set('rest_route', route);
  for (const [name, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(name, String(value));
  return url.href;
}

/** A path without its last segment when that is a PHP file: `/blog/index.php` → `/blog/`. */
function withoutPhpFile(path: string): string {
  const file = path.slice(path.lastIndexOf('/') + 1);
  return file.endsWith('.php') ? path.slice(0, path.length - file.length) : path;
}
