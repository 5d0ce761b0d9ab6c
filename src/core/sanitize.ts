import DOMPurify from 'dompurify';
import { html, isServer } from 'lit';
import type { TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Config, DOMPurify as Purifier } from 'dompurify';
import { domWindow } from './dom.js';
import { WEB, isExternal, safeUrl } from './url.js';

/**
 * The sanitizer profiles. Every HTML string the elements render goes through one of them:
 * - `article`: text formatting, links, lists, quotes, headings, images, figures, tables, code,
 *   and video iframes from allowed hosts only;
 * - `comment`: text formatting, links, lists, quotes and code; no images or headings;
 * - `bio`: text formatting, links and lists.
 * No profile allows scripts, event handlers, `style`, forms, `id`/`name` (DOM clobbering) or any
 * URL other than http(s), mailto and relative. See docs/security.md. Every profile keeps the result
 * inside the element: `width` and `height` only on images and frames, list numbers within six
 * digits, and indenting containers nested at most five deep (deeper ones are flattened, their text kept).
 */
export type SanitizeProfile = 'article' | 'comment' | 'bio';

export interface SanitizeOptions {
  /** Hosts whose https iframes are kept (article profile), e.g. `['www.youtube-nocookie.com']`. */
  embedHosts?: readonly string[];
  /** Accessible title given to an embedded frame that has none. */
  embedTitle?: string;
  /** Keep images whose address is relative (see `safeImageUrl()`). */
  relativeImages?: boolean;
}

const INLINE = ['a', 'abbr', 'b', 'br', 'cite', 'code', 'del', 'em', 'i', 'ins', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u'];
const BLOCK = ['blockquote', 'p', 'pre', 'ul', 'ol', 'li'];
const PROFILES: Record<SanitizeProfile, { tags: string[]; attrs: string[]; rel: string }> = {
  article: {
    tags: [
      ...INLINE, ...BLOCK, 'div', 'hr', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
      'img', 'figure', 'figcaption', 'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot',
      'tr', 'th', 'td', 'iframe',
    ],
    attrs: ['href', 'title', 'src', 'alt', 'width', 'height', 'lang', 'dir', 'cite', 'datetime', 'colspan', 'rowspan', 'scope', 'headers', 'start', 'reversed', 'allowfullscreen'],
    rel: 'noopener',
  },
  comment: {
    tags: [...INLINE, ...BLOCK],
    attrs: ['href', 'title', 'lang', 'dir', 'cite', 'datetime'],
    rel: 'nofollow ugc noopener',
  },
  bio: {
    tags: [...INLINE, 'p', 'ul', 'ol', 'li'],
    attrs: ['href', 'title', 'lang', 'dir'],
    rel: 'noopener',
  },
};
const URL_ATTRS = ['href', 'src', 'cite'];

/**
 * Containers that indent what they hold. Nested deeper than `MAX_NESTING`, one and everything in it
 * that indents or stacks (list items, cells…) become plain `<div>`s: the text stays, the indentation
 * stops, so deep nesting (200 quotes in a comment) cannot push the text out of the element.
 */
const INDENTING = ':is(blockquote, ul, ol, dl, table)';
const MAX_NESTING = 5;
const TOO_DEEP = Array.from({ length: MAX_NESTING + 1 }, () => INDENTING).join(' ');
const FLATTENED = 'blockquote, ul, ol, li, dl, dt, dd, table, caption, colgroup, col, thead, tbody, tfoot, tr, th, td';

function flattenDeepNesting(root: ParentNode): void {
  for (let deep = root.querySelector(TOO_DEEP); deep; deep = root.querySelector(TOO_DEEP)) {
    for (const element of [deep, ...deep.querySelectorAll(FLATTENED)]) {
      const div = element.ownerDocument.createElement('div');
      div.append(...element.childNodes);
      element.replaceWith(div);
    }
  }
}

let active: { profile: SanitizeProfile; options: SanitizeOptions } = { profile: 'comment', options: {} };

function afterSanitizeAttributes(node: Element): void {
  const tag = node.localName;
  // Code and tables scroll sideways when too wide: keyboard users reach them with Tab.
  if (tag === 'pre' || tag === 'table') node.setAttribute('tabindex', '0');
  // Most elements of a body (p, em, strong…) keep no attribute: nothing to check.
  if (!node.hasAttributes() && tag !== 'img' && tag !== 'iframe') return;
  const { profile, options } = active;
  // A size only where it reserves an image's or a frame's box (a table a million pixels tall, no).
  if (tag !== 'img' && tag !== 'iframe') {
    node.removeAttribute('width');
    node.removeAttribute('height');
  }
  // A list numbered from 10^12 would draw its numbers far outside the element.
  if (!/^-?\d{1,6}$/.test(node.getAttribute('start') ?? '0')) node.removeAttribute('start');
  for (const attr of URL_ATTRS) {
    if (!node.hasAttribute(attr)) continue;
    const value = node.getAttribute(attr);
    const allowed = attr === 'src' ? safeUrl(value, WEB, { relative: options.relativeImages === true }) : safeUrl(value);
    if (allowed === undefined || (attr === 'href' && profile === 'comment' && !/^(https?:|mailto:)/i.test(allowed))) {
      node.removeAttribute(attr);
    } else if (allowed !== value) {
      node.setAttribute(attr, allowed);
    }
  }
  if (tag === 'a' && node.hasAttribute('href')) {
    const href = node.getAttribute('href') ?? '';
    if (profile === 'comment') node.setAttribute('rel', PROFILES.comment.rel);
    else if (isExternal(href)) node.setAttribute('rel', PROFILES[profile].rel);
  }
  if (tag === 'img') {
    // The reader's page address is nobody else's business.
    node.setAttribute('referrerpolicy', 'no-referrer');
    node.setAttribute('loading', 'lazy');
    node.setAttribute('decoding', 'async');
    if (!node.hasAttribute('alt')) node.setAttribute('alt', '');
  }
  if (tag === 'iframe') {
    const src = node.getAttribute('src');
    let host: string;
    try {
      const url = new URL(src ?? '', domWindow().document.baseURI);
      host = url.protocol === 'https:' ? url.host : '';
    } catch {
      host = '';
    }
    if (!src || !host || !(options.embedHosts ?? []).includes(host)) {
      node.remove();
      return;
    }
    node.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-presentation allow-popups');
    node.setAttribute('loading', 'lazy');
    node.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
    node.setAttribute('allow', 'fullscreen; picture-in-picture; encrypted-media');
    if (!node.getAttribute('title')) node.setAttribute('title', options.embedTitle ?? 'Video');
  }
}

// One Trusted Types policy, named `dompurify`, shared by every instance below: each instance would
// otherwise create its own `dompurify` policy, and a strict `trusted-types` directive refuses
// duplicates (the later instances then could not parse anything). See docs/security.md.
type PurifyPolicy = NonNullable<Config['TRUSTED_TYPES_POLICY']>;
let purifyPolicy: PurifyPolicy | null | undefined;
function sharedPolicy(): PurifyPolicy | null {
  if (purifyPolicy === undefined) {
    const factory = (domWindow() as { trustedTypes?: { createPolicy(name: string, rules: object): PurifyPolicy } }).trustedTypes;
    try {
      purifyPolicy = factory ? factory.createPolicy('dompurify', { createHTML: (html: string) => html, createScriptURL: (url: string) => url }) : null;
    } catch {
      console.warn('mag-elements: the Trusted Types policy "dompurify" could not be created; list it in the trusted-types directive.');
      purifyPolicy = null;
    }
  }
  return purifyPolicy;
}
// One DOMPurify instance per profile and mode (fragments, or in place for prepareBlocks), its
// configuration set once: DOMPurify otherwise parses the configuration again on every call (a
// sizable share of sanitizing a short comment).
const purifiers = new Map<string, Purifier>();
function purifierFor(profile: SanitizeProfile, inPlace = false): Purifier {
  const id = inPlace ? `${profile}!` : profile;
  let purifier = purifiers.get(id);
  if (!purifier) {
    const { tags, attrs } = PROFILES[profile];
    purifier = DOMPurify(domWindow());
    purifier.addHook('afterSanitizeAttributes', afterSanitizeAttributes);
    purifier.setConfig({
      ALLOWED_TAGS: tags,
      ALLOWED_ATTR: attrs,
      ALLOW_DATA_ATTR: false,
      ALLOW_ARIA_ATTR: false,
      ALLOW_UNKNOWN_PROTOCOLS: false,
      // Only http(s), mailto and scheme-less URLs pass DOMPurify; the hook above then applies safeUrl().
      ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto):|[^a-z]|[a-z0-9+.-]+(?:[^a-z0-9+.\-:]|$))/i,
      ADD_ATTR: profile === 'article' ? ['allowfullscreen'] : [],
      KEEP_CONTENT: true,
      // Parsed as the content of a body, even what would otherwise go to <head> (a leading <style>,
      // <noscript>…): the same reading as the comment thread's one-pass parse (see prepareBlocks).
      FORCE_BODY: true,
      RETURN_DOM_FRAGMENT: true,
      IN_PLACE: inPlace,
      ...(sharedPolicy() ? { TRUSTED_TYPES_POLICY: sharedPolicy()! } : {}),
    });
    purifiers.set(id, purifier);
  }
  return purifier;
}

/** Sanitizes untrusted HTML with a profile and returns the result as a document fragment. */
export function sanitizeHtml(html: unknown, profile: SanitizeProfile, options: SanitizeOptions = {}): DocumentFragment {
  if (typeof html !== 'string' || html === '') return domWindow().document.createDocumentFragment();
  active = { profile, options };
  try {
    // The configuration argument only types the result: the instance's own is used.
    // DOMPurify answers null when the markup leaves no body (a <frameset> replaces it): nothing to show.
    const fragment: DocumentFragment | null = purifierFor(profile).sanitize(html, { RETURN_DOM_FRAGMENT: true });
    if (!fragment) return domWindow().document.createDocumentFragment();
    flattenDeepNesting(fragment);
    return fragment;
  } finally {
    active = { profile: 'comment', options: {} };
  }
}

/** Sanitized HTML as a string, for tests and server-side previews. */
export function sanitizeToString(html: unknown, profile: SanitizeProfile, options: SanitizeOptions = {}): string {
  const div = domWindow().document.createElement('div');
  div.append(sanitizeHtml(html, profile, options));
  return div.innerHTML;
}

const rendered = new WeakMap<Element, WeakMap<object, { key: string; html: string; node: HTMLElement }>>();

/** What `sanitizedBlock()` and `prepareBlocks()` keep per element and owner. */
function blockCache(host: Element): WeakMap<object, { key: string; html: string; node: HTMLElement }> {
  let cache = rendered.get(host);
  if (!cache) {
    cache = new WeakMap();
    rendered.set(host, cache);
  }
  return cache;
}

function blockNode(part: string): HTMLElement {
  const node = document.createElement('div');
  node.setAttribute('part', part);
  node.className = part;
  return node;
}

/**
 * Sanitizes `html` once per element and owner object (an article, a comment…) and returns a `<div>`
 * holding the result, ready to be rendered as a Lit child value. Rendering the same owner again in
 * the same element reuses the node, so a body is never sanitized twice.
 */
export function sanitizedBlock(
  host: Element,
  owner: object,
  markup: unknown,
  profile: SanitizeProfile,
  options: SanitizeOptions = {},
  part = 'body',
): HTMLElement {
  // The HTML is compared on its own rather than copied into the key (thousands of comments).
  const key = `${profile}|${options.embedHosts?.join(',') ?? ''}|${options.embedTitle ?? ''}|${options.relativeImages ? 'relative' : ''}|${part}`;
  const source = typeof markup === 'string' ? markup : '';
  const cache = blockCache(host);
  const cached = cache.get(owner);
  if (cached && cached.key === key && cached.html === source) return cached.node;
  const node = blockNode(part);
  node.append(sanitizeHtml(markup, profile, options));
  cache.set(owner, { key, html: source, node });
  return node;
}

/**
 * What an element renders for untrusted HTML: `sanitizedBlock()` in a browser; on a server, where there
 * are no nodes to keep, the same `<div>` with the sanitized markup as text.
 */
export function renderSanitized(
  host: Element,
  owner: object,
  markup: unknown,
  profile: SanitizeProfile,
  options: SanitizeOptions = {},
  part = 'body',
): HTMLElement | TemplateResult {
  if (isServer) return html`<div part=${part} class=${part}>${unsafeHTML(sanitizeToString(markup, profile, options))}</div>`;
  return sanitizedBlock(host, owner, markup, profile, options, part);
}

// Many bodies in one pass (prepareBlocks): DOMPurify's in-place mode over one inert element
// holding every body, each parsed on its own. One sanitizer run costs a new document and a walk
// set-up; for a short comment that is most of the work (the figures: docs/performance.md).
let inertDocument: Document | undefined;

/**
 * Sanitizes the bodies of many owners (the comments of a long thread) in one pass, for the
 * `sanitizedBlock()` calls that follow, which then find them ready. Each body is parsed on its own
 * (markup cannot reach from one into another), every body goes through DOMPurify with the profile,
 * and if DOMPurify removed one of the holders (it does when a body is only a comment and text that
 * looks like markup) or refused the tree, none is kept: `sanitizedBlock()` then sanitizes each on its
 * own. Only for profiles without options (no embeds). Returns how many bodies were prepared.
 */
export function prepareBlocks(host: Element, items: readonly { owner: object; html: unknown }[], profile: SanitizeProfile, part = 'body'): number {
  if (isServer) return 0;
  const key = `${profile}||||${part}`;
  const cache = blockCache(host);
  // Those ready already (the same HTML) are left to sanitizedBlock(), which checks the rest of the key.
  const todo = items.filter(({ owner, html }) => typeof html === 'string' && html && cache.get(owner)?.html !== html);
  if (todo.length < 2) return 0;
  const doc = (inertDocument ??= document.implementation.createHTMLDocument(''));
  const root = doc.createElement('span');
  const holders = todo.map(({ html }) => {
    const holder = doc.createElement('span');
    // An inert document: nothing in it runs or loads. Trusted Types: the sanitizer's own policy.
    holder.innerHTML = (sharedPolicy()?.createHTML(html as string) ?? html) as string;
    root.append(holder);
    return holder;
  });
  active = { profile, options: {} };
  try {
    purifierFor(profile, true).sanitize(root);
  } catch {
    return 0; // DOMPurify refused the tree: sanitizedBlock() sanitizes each body on its own.
  } finally {
    active = { profile: 'comment', options: {} };
  }
  if (root.childNodes.length !== holders.length || holders.some((holder) => holder.parentNode !== root)) return 0;
  flattenDeepNesting(root);
  // The sanitized nodes are copied out rather than moved: the originals, which the in-place pass
  // recorded as it walked them, are left to be collected with the inert document's tree, so that
  // less of the heap stays alive after a long thread (the heap's figures: docs/performance.md).
  const range = doc.createRange();
  todo.forEach(({ owner, html }, i) => {
    const node = blockNode(part);
    range.selectNodeContents(holders[i]);
    node.append(range.cloneContents());
    cache.set(owner, { key, html: html as string, node });
  });
  return todo.length;
}
