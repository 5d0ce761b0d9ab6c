/** Addresses in a Movable Type / Typepad export: the old blog's, its media files', and the commenters'. */
import { safeUrl } from '../core/url.js';

/** Hosts of Typepad's servers. */
const isTypepadHost = (host: string) => host === 'typepad.com' || host.endsWith('.typepad.com');
/** Paths Typepad served uploaded files from. */
const MEDIA_PATH = /^\/(?:\.a|\.shared|photos|images|files|media)\//;
const MEDIA_FILE = /\.(?:jpe?g|png|gif|webp|svg|bmp|tiff?|pdf|mp3|m4a|mp4|mov|zip)$/i;

/** A URL of a body, absolute (relative ones against the old base, when known). */
export function parseUrl(value: string, oldBase: URL | undefined): URL | undefined {
  try {
    if (/^https?:\/\//i.test(value) || value.startsWith('//')) return new URL(value, 'https://invalid.invalid/');
    return oldBase && value.startsWith('/') ? new URL(value, oldBase) : undefined;
  } catch {
    return undefined;
  }
}

/** An address compared without its scheme, query or fragment: `example.typepad.com/blog/2013/10/x.html`. */
export const addressKey = (url: URL) => `${url.host.toLowerCase()}${url.pathname}`;

/** `decodeURIComponent`, or `undefined` for text whose `%` escapes are broken (`100%.jpg`). */
function decodeComponent(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/**
 * The path (without its leading `/`) of a file on Typepad's servers or on the old blog's own host,
 * or `undefined` for any other URL. Typepad's image pop-up pages (`/.shared/image.html?/photos/x.jpg`)
 * give the image's path (none when its `%` escapes are broken: the link is kept as written).
 */
export function mediaPath(url: URL, oldBase: URL | undefined): string | undefined {
  const onOldHost = oldBase !== undefined && url.host.toLowerCase() === oldBase.host.toLowerCase();
  if (!isTypepadHost(url.hostname.toLowerCase()) && !onOldHost) return undefined;
  if (url.pathname === '/.shared/image.html' && url.search.length > 2) return decodeComponent(url.search.slice(1))?.replace(/^\/+/, '');
  if (!MEDIA_PATH.test(url.pathname) && !MEDIA_FILE.test(url.pathname)) return undefined;
  return url.pathname.replace(/^\/+/, '');
}

/** A commenter's web address: http(s) only (a `mailto:` or a bare e-mail address is dropped). */
export function authorUrl(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed || (trimmed.includes('@') && !/^https?:\/\/[^@/]*\//i.test(trimmed))) return undefined;
  const withScheme = /^[a-z][a-z\d+.-]*:/i.test(trimmed) ? trimmed : /^[\w-]+(\.[\w-]+)+(\/|$)/.test(trimmed) ? `http://${trimmed}` : undefined;
  const safe = withScheme && safeUrl(withScheme, ['http', 'https']);
  if (!safe) return undefined;
  try {
    return new URL(safe).href;
  } catch {
    return undefined;
  }
}
