/**
 * Server rendering: a page's mag-* elements as HTML that reads without scripts (declarative shadow
 * DOM), with their data embedded so that the browser's elements start from it without asking again.
 * See docs/server-rendering.md.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { render } from '@lit-labs/ssr';
import { LitElementRenderer } from '@lit-labs/ssr/lib/lit-element-renderer.js';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { JSDOM } from 'jsdom';
import { html, unsafeStatic } from 'lit/static-html.js';
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { FeedAdapter } from '../adapters/feed/feed-adapter.js';
import { JsonAdapter } from '../adapters/json/json-adapter.js';
import { WordPressAdapter } from '../adapters/wordpress/wordpress-adapter.js';
import { MagProvider, adapterFromMarkup } from '../components/provider/mag-provider.js';
import type { ProviderMarkup } from '../components/provider/mag-provider.js';
import { useServerWindow } from '../core/dom.js';
import { setServerLanguage } from '../core/localize.js';
import type { MagAdapter } from '../core/model.js';
import { SharedAdapter } from '../core/shared-adapter.js';
import type { SharedSnapshot } from '../core/shared-adapter.js';
import '../define/mag-provider.js';
import '../define/mag-article.js';
import '../define/mag-comment-thread.js';
import '../define/mag-comment-feed-link.js';
import '../define/mag-recent-contributions.js';
import '../define/mag-subscribe-form.js';
import '../define/mag-about-box.js';
import '../define/mag-video-list.js';

type Element = DefaultTreeAdapterMap['element'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];

export interface RenderPageOptions {
  /**
   * The adapter of the elements that no `<mag-provider>` wraps (a page whose script calls
   * `provideAdapter()`). Elements inside a provider use the provider's own source.
   */
  adapter?: MagAdapter;
  /**
   * What relative URLs in the page (a provider's `src`, `endpoint`) resolve against: the page's address
   * (`https://site.example/mag/`), or a `file:` URL of its folder (the command gives the page file's).
   */
  baseUrl?: string;
  /** The language of elements with no `lang` attribute above them (default `en`). */
  lang?: string;
  /** How long, in seconds, to wait for each data source (default: each provider's `timeout`, else 20). */
  timeout?: number;
}

/** What the renderer knows of one mag-* element of the page. */
interface ElementPlan {
  shared?: SharedAdapter;
  lang: string;
}

/** The attribute that ties an element of a fragment to its plan while the fragment renders (never output). */
const PLAN_ATTRIBUTE = 'data-mag-server-plan';
const TAG = /^mag-/;

/**
 * Renders every mag-* element of `page` (an HTML page or fragment) in its current data state and
 * returns the same page with, in each element, its shadow root as declarative shadow DOM, and in each
 * `<mag-provider>` a snapshot of the answers its elements show. Everything else in the page is left
 * byte for byte. Data comes from each provider's own declared source (`src`, inline JSON, `adapter`
 * `wordpress` / `feed`), or `options.adapter` for elements outside any provider; HTML is sanitized with
 * the same profiles as in the browser (DOMPurify on jsdom). An element whose data cannot be loaded is
 * rendered in its loading state, and loads it in the browser.
 */
export async function renderPage(page: string, options: RenderPageOptions = {}): Promise<string> {
  const baseUrl = options.baseUrl ?? 'http://localhost/';
  useServerWindow(new JSDOM('', { url: baseUrl }).window as unknown as Window & typeof globalThis);
  registerServerAdapters();

  const document = parse(page, { sourceCodeLocationInfo: true });
  const plans = new Map<Element, ElementPlan>();
  const providers = new Map<Element, SharedAdapter | undefined>();
  const roots: Element[] = [];
  const pageShared = options.adapter ? new SharedAdapter(options.adapter, timeoutOf(options)) : undefined;

  // Every mag-* element: its language, its provider's shared adapter, and the outermost ones (rendered).
  walk(document, { lang: options.lang ?? 'en', shared: pageShared, insideMagElement: false }, (element, context) => {
    if (element.tagName === 'mag-provider') {
      const shared = providerAdapter(element, baseUrl, options);
      providers.set(element, shared);
      context = { ...context, shared };
    } else {
      plans.set(element, { shared: context.shared, lang: context.lang });
    }
    if (!context.insideMagElement) roots.push(element);
    return { ...context, insideMagElement: true };
  });

  const shareds = [...new Set([pageShared, ...providers.values()])].filter((shared): shared is SharedAdapter => !!shared);
  // First pass: the elements ask for their data; the answers are awaited, then shared.
  for (const root of roots) {
    const fragment = fragmentOf(page, root, plans);
    await renderFragment(fragment.source, fragment.plans);
  }
  await Promise.all(shareds.map(async (shared) => {
    await shared.settled();
    await shared.ready();
  }));

  // Second pass: every element renders from the shared answers; each provider gets its snapshot.
  const snapshots = new Map([...providers].flatMap(([element, shared]) => (shared ? [[element, snapshotScript(shared.snapshot())] as const] : [])));
  const replacements: { start: number; end: number; text: string }[] = [];
  for (const root of roots) {
    const fragment = fragmentOf(page, root, plans, snapshots);
    replacements.push({ start: root.sourceCodeLocation!.startOffset, end: root.sourceCodeLocation!.endOffset, text: await renderFragment(fragment.source, fragment.plans) });
  }
  let output = page;
  for (const { start, end, text } of replacements.sort((a, b) => b.start - a.start)) output = output.slice(0, start) + text + output.slice(end);
  if (pageShared && [...plans.values()].some((plan) => plan.shared === pageShared)) output = withPageSnapshot(output, pageShared.snapshot());
  return output;
}

/** A provider's timeout option from the render options. */
const timeoutOf = (options: RenderPageOptions) => (options.timeout === undefined ? {} : { timeout: options.timeout * 1000 });

interface WalkContext {
  lang: string;
  shared?: SharedAdapter;
  insideMagElement: boolean;
}

/** Visits the mag-* elements under `node` in document order, with the context of their ancestors. */
function walk(node: ParentNode, context: WalkContext, visit: (element: Element, context: WalkContext) => WalkContext): void {
  const stack: [ParentNode, WalkContext][] = [[node, context]];
  while (stack.length) {
    const [parent, parentContext] = stack.pop()!;
    const children = 'content' in parent && parent.nodeName === 'template' ? [] : parent.childNodes;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (!('tagName' in child)) continue;
      let childContext = parentContext;
      const lang = attribute(child, 'lang');
      if (lang) childContext = { ...childContext, lang };
      if (TAG.test(child.tagName)) childContext = visit(child, childContext);
      stack.push([child, childContext]);
    }
  }
}

const attribute = (element: Element, name: string): string | undefined => element.attrs.find((attr) => attr.name === name)?.value;

/** The shared adapter of a `<mag-provider>`, built from its markup as the browser builds it. */
function providerAdapter(element: Element, baseUrl: string, options: RenderPageOptions): SharedAdapter | undefined {
  const resolve = (url: string | undefined) => (url ? new URL(url, baseUrl).href : undefined);
  const inline = element.childNodes.find(
    (child): child is Element => 'tagName' in child && child.tagName === 'script' && attribute(child, 'type') === 'application/json' && attribute(child, 'data-mag-snapshot') === undefined,
  );
  const markup: ProviderMarkup = {
    adapterType: attribute(element, 'adapter'),
    src: resolve(attribute(element, 'src')),
    endpoint: resolve(attribute(element, 'endpoint')),
    inlineJson: inline ? inline.childNodes.map((text) => ('value' in text ? text.value : '')).join('') : undefined,
    getAttribute: (name) => attribute(element, name) ?? null,
  };
  const adapter = adapterFromMarkup(markup);
  if (!adapter) return undefined;
  const timeout = Number(attribute(element, 'timeout'));
  return new SharedAdapter(adapter, {
    ...(options.timeout !== undefined ? timeoutOf(options) : Number.isFinite(timeout) && timeout >= 0 ? { timeout: timeout * 1000 } : {}),
    allowRelativeImages: attribute(element, 'allow-relative-images') !== undefined,
  });
}

/**
 * The source of one outermost element, ready to render: its mag-* elements marked with the index of their
 * plan, and, when `snapshots` are given, each provider with its snapshot as its first child.
 */
function fragmentOf(page: string, root: Element, plans: Map<Element, ElementPlan>, snapshots?: Map<Element, string>): { source: string; plans: ElementPlan[] } {
  const start = root.sourceCodeLocation!.startOffset;
  const inserts: { at: number; text: string }[] = [];
  const list: ElementPlan[] = [];
  const visit = (element: Element) => {
    const tagEnd = element.sourceCodeLocation!.startTag!.endOffset;
    const plan = plans.get(element);
    if (plan) {
      // Before the `>` (or `/>`) that ends the start tag.
      const at = page[tagEnd - 2] === '/' ? tagEnd - 2 : tagEnd - 1;
      inserts.push({ at, text: ` ${PLAN_ATTRIBUTE}="${list.push(plan) - 1}"` });
    }
    const snapshot = snapshots?.get(element);
    if (snapshot) inserts.push({ at: tagEnd, text: snapshot });
  };
  visit(root);
  walk(root, { lang: '', insideMagElement: true }, (element, context) => {
    visit(element);
    return context;
  });
  let source = page.slice(start, root.sourceCodeLocation!.endOffset);
  for (const { at, text } of inserts.sort((a, b) => b.at - a.at)) source = source.slice(0, at - start) + text + source.slice(at - start);
  return { source, plans: list };
}

/**
 * A snapshot as a `<script type="application/json">` element. JSON in HTML: every `<` is written
 * `\u003c`, so that no string in the data (`</script>`, `<!--`) can end the script or start markup.
 */
function snapshotScript(snapshot: SharedSnapshot): string {
  return `<script type="application/json" data-mag-snapshot>${JSON.stringify(snapshot).replace(/</g, '\\u003c')}</script>`;
}

/** The snapshot of the elements outside any provider, at the end of the body (read by `provideAdapter()`). */
function withPageSnapshot(page: string, snapshot: SharedSnapshot): string {
  const script = snapshotScript(snapshot);
  const bodyEnd = page.search(/<\/body\s*>/i);
  return bodyEnd < 0 ? page + script : page.slice(0, bodyEnd) + script + page.slice(bodyEnd);
}

/** Renders one fragment with Lit's server renderer; its elements get their plan (data source, language). */
async function renderFragment(source: string, plans: ElementPlan[]): Promise<string> {
  class MagElementRenderer extends LitElementRenderer {
    override setAttribute(name: string, value: string): void {
      if (name !== PLAN_ATTRIBUTE) return super.setAttribute(name, value);
      const plan = plans[Number(value)];
      if (!plan || !this.element) return;
      setServerLanguage(this.element, plan.lang);
      if (plan.shared) (this.element as HTMLElement & { adapter?: MagAdapter }).adapter = plan.shared;
    }
  }
  const result = render(html`${unsafeStatic(source)}`, { elementRenderers: [MagElementRenderer] });
  const text = await collectResult(result);
  // The fragment's own template markers: the page is not hydrated as a Lit template.
  return text.replace(/^<!--lit-part [^>]*-->/, '').replace(/<!--\/lit-part-->$/, '');
}

let registered = false;

/**
 * The adapter types of `<mag-provider adapter="…">` on a server: the same as in the browser, with
 * `fetch` reading `file:` URLs from the disk (a page rendered from its file, its data beside it).
 */
function registerServerAdapters(): void {
  if (registered) return;
  registered = true;
  MagProvider.registerAdapterType('json', ({ src }) => new JsonAdapter({ url: src ?? '', fetch: serverFetch }));
  MagProvider.registerAdapterType('wordpress', ({ endpoint }) => new WordPressAdapter({ endpoint: endpoint ?? '', fetch: serverFetch }));
  MagProvider.registerAdapterType('feed', ({ src }) => new FeedAdapter({ url: src ?? '', fetch: serverFetch }));
}

const TYPES: Record<string, string> = { json: 'application/json', xml: 'application/xml', atom: 'application/atom+xml', rss: 'application/rss+xml', html: 'text/html' };

/** `fetch`, and `file:` URLs read from the disk. */
export const serverFetch: typeof fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (url.protocol !== 'file:') return fetch(input, init);
  try {
    const body = await readFile(fileURLToPath(url));
    const extension = url.pathname.split('.').pop() ?? '';
    const type = Object.hasOwn(TYPES, extension) ? TYPES[extension] : 'application/octet-stream';
    return new Response(body, { status: 200, headers: { 'Content-Type': type } });
  } catch {
    return new Response('Not found', { status: 404, statusText: 'Not Found' });
  }
};
