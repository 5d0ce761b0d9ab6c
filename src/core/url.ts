/**
 * The URL policy (docs/security.md, "URLs"): only http(s), mailto and relative URLs ever become an href
 * or src, and each use narrows that further: a person's link (an author, a commenter) and an image are
 * absolute http(s) only (an image may be relative when the integrator allows it: a relative URL makes a
 * request to the page's own site, with the reader's cookies). Everything else (javascript:, data:,
 * vbscript:, blob:, file:, unknown schemes, and tricks that hide them with whitespace, control
 * characters or case) is dropped.
 */

import { domWindow } from './dom.js';

export type UrlScheme = 'http' | 'https' | 'mailto';

const DEFAULT_SCHEMES: readonly UrlScheme[] = ['http', 'https', 'mailto'];
/** The schemes of a web address. */
export const WEB: readonly UrlScheme[] = ['http', 'https'];
// The URL parser strips C0 controls and spaces at both ends and tabs/newlines anywhere; we strip
// every control, space and invisible formatting character anywhere before looking for a scheme.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\u2060-\u2064\ufeff]/g;

/**
 * Returns the URL when it is safe to use as an href or src (http(s), mailto or relative), else `undefined`.
 * `schemes` narrows the absolute schemes allowed (`WEB` for an image); `relative: false` refuses
 * relative URLs (a person's link, an image from data the integrator does not vouch for).
 */
export function safeUrl(value: unknown, schemes: readonly UrlScheme[] = DEFAULT_SCHEMES, { relative = true } = {}): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  const compact = trimmed.replace(INVISIBLE, '');
  // Anything with a colon before the first / ? # is treated as having a scheme. Without one, the URL
  // is relative, or protocol-relative (`//host/…`: another site, on the page's own scheme).
  const match = /^([^/?#:]*):/.exec(compact);
  if (!match) return relative || isProtocolRelative(compact) ? compact : undefined;
  return (schemes as readonly string[]).includes(match[1].toLowerCase()) ? compact : undefined;
}

/** `//host/path` (and `\\host`, which the URL parser reads the same): absolute, on the page's scheme. */
const isProtocolRelative = (url: string): boolean => /^[/\\]{2}/.test(url);

/** A person's link (an author's or a commenter's website): an absolute http(s) address only. */
export const safePersonUrl = (value: unknown): string | undefined => safeUrl(value, WEB, { relative: false });

/**
 * An image's address: absolute http(s), or relative when `allowRelative` (the integrator's own data,
 * `<mag-provider allow-relative-images>`).
 */
export const safeImageUrl = (value: unknown, allowRelative = false): string | undefined => safeUrl(value, WEB, { relative: allowRelative });

/** True when the URL is absolute and points to another origin than the page's. */
export function isExternal(url: string): boolean {
  try {
    const { document, location } = domWindow();
    return new URL(url, document.baseURI).origin !== location.origin;
  } catch {
    return false;
  }
}
