/**
 * The URL policy: only http(s), mailto and relative URLs ever become an href or src.
 * Everything else (javascript:, data:, vbscript:, blob:, file:, unknown schemes, and tricks that
 * hide them with whitespace, control characters or case) is dropped.
 */

import { domWindow } from './dom.js';

export type UrlScheme = 'http' | 'https' | 'mailto';

const DEFAULT_SCHEMES: readonly UrlScheme[] = ['http', 'https', 'mailto'];
// The URL parser strips C0 controls and spaces at both ends and tabs/newlines anywhere; we strip
// every control, space and invisible formatting character anywhere before looking for a scheme.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\u2060-\u2064\ufeff]/g;

/**
 * Returns the URL when it is safe to use as an href or src (http(s), mailto or relative), else `undefined`.
 * `schemes` narrows the absolute schemes allowed (for example `['http', 'https']` for an image).
 */
export function safeUrl(value: unknown, schemes: readonly UrlScheme[] = DEFAULT_SCHEMES): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  const compact = trimmed.replace(INVISIBLE, '');
  // Anything with a colon before the first / ? # is treated as having a scheme. Without one, the URL
  // is relative (backslashes are read as slashes by the URL parser: `\\evil` is `//evil`, still http(s)).
  const match = /^([^/?#]*?):/.exec(compact);
  return match && !(schemes as readonly string[]).includes(match[1].toLowerCase()) ? undefined : compact;
}

/** True when the URL is absolute and points to another origin than the page's. */
export function isExternal(url: string): boolean {
  try {
    const { document, location } = domWindow();
    return new URL(url, document.baseURI).origin !== location.origin;
  } catch {
    return false;
  }
}
