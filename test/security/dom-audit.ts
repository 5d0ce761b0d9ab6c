/**
 * The DOM auditor of the security suites: walks a rendered tree, shadow roots included, and lists
 * everything a stranger's data must never produce. See docs/security.md.
 */

/** Attributes whose value the browser loads or navigates to. */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'poster',
  'data',
  'codebase',
  'background',
  'cite',
  'longdesc',
  'lowsrc',
  'dynsrc',
  'ping',
  'manifest',
  'icon',
  'profile',
  'archive',
  'classid',
  'itemtype',
  'usemap',
]);

/** Tags that data must never produce, whatever the element. */
export const FORBIDDEN_TAGS = new Set([
  'script',
  'base',
  'meta',
  'link',
  'style',
  'object',
  'embed',
  'applet',
  'iframe',
  'frame',
  'frameset',
  'portal',
  'noscript',
  'xmp',
  'listing',
  'plaintext',
  'template',
  'isindex',
  'keygen',
  'handler',
  'foreignobject',
  'annotation-xml',
  'animate',
  'set',
  'use',
]);

/**
 * Tags an element may render itself (its own forms, buttons, icons) but data must never add:
 * a hostile render may have at most as many as the same element rendering harmless data.
 */
export const COUNTED_TAGS = ['form', 'input', 'button', 'textarea', 'select', 'option', 'svg', 'math', 'label', 'dialog', 'details', 'video', 'audio', 'source', 'marquee'];

/** Names that, as an id or name, would clobber a document or window property the page relies on. */
const CLOBBER_NAMES = new Set([
  '__magpwned',
  'getelementbyid',
  'queryselector',
  'currentscript',
  'body',
  'attributes',
  'location',
  'defaultview',
  'cookie',
  'documentelement',
]);

// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\u2060-\u2064\ufeff]/g;
const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * True when a URL is within the policy: http(s), mailto or relative (resolving to http(s)).
 * Checked twice: the scheme as written once invisible characters are removed, and the scheme the
 * browser's URL parser reads.
 */
export function urlAllowed(value: string): boolean {
  const compact = value.replace(INVISIBLE, '').toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(compact);
  if (scheme && !['http', 'https', 'mailto'].includes(scheme[1])) return false;
  try {
    return ALLOWED_PROTOCOLS.has(new URL(value, document.baseURI).protocol);
  } catch {
    // Not parseable: the browser will not load or navigate to it either.
    return true;
  }
}

/** Every element of a tree, open shadow roots included (in document order). */
export function* deepElements(root: Node): Generator<Element> {
  const walk = function* (node: Node): Generator<Element> {
    for (const child of Array.from(node.childNodes)) {
      if (child instanceof Element) {
        yield child;
        if (child.shadowRoot) yield* walk(child.shadowRoot);
        if (child instanceof HTMLTemplateElement) yield* walk(child.content);
      }
      if (child.childNodes.length) yield* walk(child);
    }
  };
  if (root instanceof Element) {
    yield root;
    if (root.shadowRoot) yield* walk(root.shadowRoot);
  }
  yield* walk(root);
}

/** Counts the `COUNTED_TAGS` of a rendered tree (for comparing a hostile render with a harmless one). */
export function countTags(root: Node): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const tag of COUNTED_TAGS) counts[tag] = 0;
  for (const el of deepElements(root)) {
    const tag = el.localName.toLowerCase();
    if (tag in counts) counts[tag]++;
  }
  return counts;
}

function describe(el: Element): string {
  const part = el.getAttribute('part');
  return `<${el.localName}${part ? ` part="${part}"` : ''}>`;
}

export interface AuditOptions {
  /** Counts of `COUNTED_TAGS` the element renders with harmless data (see `countTags`). */
  baseline?: Record<string, number>;
  /** Elements with a `style` attribute the element renders itself (default 0). */
  styledBaseline?: number;
  /** Hosts whose https iframes are allowed (mag-article's `embed-hosts`): sandboxed, without `srcdoc`. */
  embedHosts?: readonly string[];
}

/** True for an iframe the embed policy allows: https, a listed host, sandboxed without top navigation. */
function allowedEmbed(el: Element, hosts: readonly string[]): boolean {
  if (el.localName !== 'iframe' || !hosts.length) return false;
  let url: URL;
  try {
    url = new URL(el.getAttribute('src') ?? '', document.baseURI);
  } catch {
    return false;
  }
  const sandbox = el.getAttribute('sandbox');
  return url.protocol === 'https:' && hosts.includes(url.host) && sandbox !== null && !/allow-top-navigation|allow-modals/.test(sandbox) && !el.hasAttribute('srcdoc');
}

/**
 * Lists every problem in a rendered tree: an `on*` attribute, a URL outside the policy, a
 * `srcdoc`, a forbidden tag, more forms/inputs/buttons/svg than the element renders itself, a
 * `style` attribute that loads something, an id or name that clobbers a global.
 */
export function audit(root: Node, options: AuditOptions = {}): string[] {
  const problems: string[] = [];
  const tags: Record<string, number> = {};
  let styled = 0;
  for (const el of deepElements(root)) {
    const tag = el.localName.toLowerCase();
    tags[tag] = (tags[tag] ?? 0) + 1;
    if (FORBIDDEN_TAGS.has(tag) && !allowedEmbed(el, options.embedHosts ?? [])) problems.push(`forbidden element ${describe(el)}${tag === 'iframe' ? ` src="${el.getAttribute('src') ?? ''}"` : ''}`);
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      const local = attr.localName.toLowerCase();
      if (name.startsWith('on') || local.startsWith('on')) problems.push(`${describe(el)} has an event handler attribute ${attr.name}="${attr.value.slice(0, 60)}"`);
      if (name === 'srcdoc') problems.push(`${describe(el)} has srcdoc`);
      if (URL_ATTRIBUTES.has(name) || URL_ATTRIBUTES.has(local) || (local === 'href' && attr.namespaceURI)) {
        if (!urlAllowed(attr.value)) problems.push(`${describe(el)} ${attr.name}="${attr.value.slice(0, 80)}" is outside the URL policy`);
      }
      if (name === 'srcset' || name === 'imagesrcset') {
        for (const candidate of attr.value.split(',')) {
          const url = candidate.trim().split(/\s+/)[0] ?? '';
          if (url && !urlAllowed(url)) problems.push(`${describe(el)} ${attr.name} candidate "${url.slice(0, 80)}" is outside the URL policy`);
        }
      }
      if ((name === 'to' || name === 'values' || name === 'from' || name === 'by') && /script:|data:/i.test(attr.value.replace(INVISIBLE, ''))) {
        problems.push(`${describe(el)} ${attr.name}="${attr.value.slice(0, 80)}" animates to a script URL`);
      }
      if (name === 'style') {
        styled++;
        if (/url\s*\(|expression\s*\(|behavior|javascript:|@import/i.test(attr.value)) problems.push(`${describe(el)} style="${attr.value.slice(0, 80)}" loads something`);
      }
      if ((name === 'id' || name === 'name') && CLOBBER_NAMES.has(attr.value.toLowerCase())) {
        problems.push(`${describe(el)} ${name}="${attr.value}" clobbers a global`);
      }
      if (name === 'http-equiv') problems.push(`${describe(el)} has http-equiv`);
    }
  }
  if (options.baseline) {
    for (const [tag, allowed] of Object.entries(options.baseline)) {
      const found = tags[tag] ?? 0;
      if (found > allowed) problems.push(`${found} <${tag}> where the element renders ${allowed} itself`);
    }
  }
  if (styled > (options.styledBaseline ?? 0)) problems.push(`${styled} elements with a style attribute (the element renders ${options.styledBaseline ?? 0})`);
  return problems;
}

/** The text of a tree, shadow roots included, leaving out sanitized HTML blocks (bodies, bios). */
export function plainText(root: Node): string {
  let text = '';
  const walk = (node: Node, skip: boolean): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === Node.TEXT_NODE) {
        if (!skip) text += `${(child as Text).data} `;
        continue;
      }
      if (child instanceof Element) {
        const part = child.getAttribute('part');
        const sanitized = skip || (part !== null && child.classList.contains(part) && (part === 'body' || part === 'bio'));
        if (child.shadowRoot) walk(child.shadowRoot, sanitized);
        // Slotted light DOM is walked where it lives.
        if (child instanceof HTMLStyleElement || child instanceof HTMLScriptElement) continue;
        walk(child, sanitized);
      }
    }
  };
  if (root instanceof Element && root.shadowRoot) walk(root.shadowRoot, false);
  walk(root, false);
  return text;
}

/** Collapses whitespace, for comparing text that templates may wrap. */
export const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Attribute values of a tree (shadow roots included), for text shown in alt, title or aria-label. */
export function attributeValues(root: Node, names: readonly string[] = ['alt', 'title', 'aria-label', 'label']): string[] {
  const values: string[] = [];
  for (const el of deepElements(root)) for (const name of names) if (el.hasAttribute(name)) values.push(el.getAttribute(name) ?? '');
  return values;
}

interface TrapWindow {
  __magPwned?: unknown;
  __magTrapInstalled?: boolean;
  __magPwnLog?: string[];
}

/**
 * Arms the trap: `window.__magPwned` (what payloads set), `alert`, `confirm`, `prompt` and `print`
 * record who called them. Returns a function listing what fired since the trap was armed.
 */
export function installTrap(win: Window = window): () => string[] {
  const w = win as unknown as TrapWindow & Window;
  if (!w.__magTrapInstalled) {
    w.__magTrapInstalled = true;
    const log: string[] = (w.__magPwnLog = []);
    Object.defineProperty(w, '__magPwned', {
      configurable: true,
      get: () => (log.length ? log.join(', ') : undefined),
      set: (value: unknown) => log.push(`__magPwned = ${String(value)}`),
    });
    for (const name of ['alert', 'confirm', 'prompt', 'print'] as const) {
      Object.defineProperty(w, name, { configurable: true, writable: true, value: (...args: unknown[]) => void log.push(`${name}(${args.map(String).join(', ')})`) });
    }
  }
  const log = w.__magPwnLog ?? [];
  const start = log.length;
  return () => log.slice(start);
}

/** What a window's globals look like when nothing clobbered them. */
export function clobberProblems(doc: Document = document): string[] {
  const problems: string[] = [];
  if (typeof doc.getElementById !== 'function') problems.push('document.getElementById was clobbered');
  if (typeof doc.querySelector !== 'function') problems.push('document.querySelector was clobbered');
  if (typeof doc.cookie !== 'string') problems.push('document.cookie was clobbered');
  if (!(doc.body instanceof HTMLBodyElement)) problems.push('document.body was clobbered');
  if (doc.querySelector('base')) problems.push('a <base> reached the document');
  if (doc.querySelector('meta[http-equiv]')) problems.push('a <meta http-equiv> reached the document');
  return problems;
}

/**
 * Waits until the images of a tree have loaded or failed (so that an `onerror` payload would
 * have run), then two more turns of the event loop.
 */
export async function settle(root: Node): Promise<void> {
  const images = [...deepElements(root)].filter((el): el is HTMLImageElement => el instanceof HTMLImageElement);
  const loaded = Promise.all(
    images.map((img) =>
      img.complete
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            img.addEventListener('load', () => resolve(), { once: true });
            img.addEventListener('error', () => resolve(), { once: true });
          }),
    ),
  );
  // Lazy images out of view never load (and so never fail), and foreign hosts may not answer: wait 200 ms at most.
  await Promise.race([loaded, new Promise((resolve) => setTimeout(resolve, 200))]);
  // Timers, not animation frames: a page in the background gets no frames.
  await new Promise((resolve) => setTimeout(resolve, 10));
  await new Promise((resolve) => setTimeout(resolve, 10));
}
