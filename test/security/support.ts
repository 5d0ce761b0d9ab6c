/**
 * Helpers of the fault, race and form suites: seeded fake adapters, a console-warning counter,
 * an uncaught-error collector, and ways to read what an element shows.
 */
import { render } from 'lit';
import type { TemplateResult } from 'lit';
import { FakeAdapter } from '../../stories/support/fake-adapter.js';
import type { FakeAdapterOptions, FakeBehaviour, FakeMethod } from '../../stories/support/fake-adapter.js';
import { aboutBoxes, englishArticle, englishComments, englishVideos, recentContributions, seedArticle, seedComments } from '../../stories/support/sample-data.js';
import { en } from '../../src/core/translations/en.js';
import { fr } from '../../src/core/translations/fr.js';
import { errorBlock, isLoading, loaded } from './elements.js';

export const OPEN_ARTICLE = englishArticle.id;
export const CLOSED_ARTICLE = seedArticle.id;

/** A FakeAdapter with the sample data, able to subscribe, post and list videos. */
export function seededFake(options: FakeAdapterOptions = {}): FakeAdapter {
  return new FakeAdapter({
    articles: [seedArticle, englishArticle, { ...englishArticle, id: 'other', title: 'The other article' }],
    comments: { [seedArticle.id]: seedComments, [englishArticle.id]: englishComments, other: [{ ...englishComments[0], id: 'o1', bodyHtml: '<p>Comment of the other article.</p>' }] },
    recent: recentContributions,
    about: aboutBoxes,
    videos: englishVideos,
    subscribe: 'confirmation-sent',
    postComment: 'approved',
    ...options,
  });
}

export const READ_METHODS: FakeMethod[] = ['getArticle', 'listComments', 'listRecent', 'getAbout', 'listVideos'];

/** The same behaviour for every read method; errors are distinct objects per method, as a real backend's would be. */
export function failEveryRead(make: () => FakeBehaviour): Partial<Record<FakeMethod, FakeBehaviour>> {
  return Object.fromEntries(READ_METHODS.map((m) => [m, make()]));
}

/** Every string of a translation table (functions are called with a placeholder). */
function strings(table: object, out = new Set<string>()): Set<string> {
  for (const value of Object.values(table)) {
    if (typeof value === 'string') out.add(value.trim());
    else if (typeof value === 'function') {
      try {
        const result = (value as (...a: unknown[]) => unknown)('x', 'x');
        if (typeof result === 'string') out.add(result.trim());
      } catch {
        /* not a string builder */
      }
    } else if (value && typeof value === 'object') strings(value as object, out);
  }
  return out;
}
export const englishStrings = strings(en);
export const frenchStrings = strings(fr);

/** The error message an element shows (the first paragraph of its error block), or ''. */
export function errorText(el: Element): string {
  const block = errorBlock(el);
  if (!block) return '';
  const p = block.querySelector('p') ?? block;
  return (p.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Counts console warnings; `restore()` puts console.warn back. */
export function captureWarnings(): { warnings: string[]; restore: () => void } {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => {
    warnings.push(args.map(String).join(' '));
    original.apply(console, args);
  };
  return { warnings, restore: () => void (console.warn = original) };
}

/** Collects uncaught errors and unhandled rejections; `stop()` returns them. */
export function captureUncaught(): { errors: string[]; stop: () => string[] } {
  const errors: string[] = [];
  const onError = (e: ErrorEvent) => errors.push(`error: ${e.message}`);
  const onRejection = (e: PromiseRejectionEvent) => errors.push(`unhandled rejection: ${String(e.reason)}`);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    stop: () => {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
      return errors;
    },
  };
}

/** Waits until the element shows an error block. */
export async function errorShown(el: Element, timeout = 5000): Promise<void> {
  const started = Date.now();
  while (!errorBlock(el)) {
    if (Date.now() - started > timeout) throw new Error(`<${el.localName}> shows no error after ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
}

/** Waits until the element shows data: not loading, no error. */
export async function dataShown(el: Element, timeout = 5000): Promise<void> {
  const started = Date.now();
  for (;;) {
    await loaded([el], timeout);
    if (!errorBlock(el) && !isLoading(el)) return;
    if (Date.now() - started > timeout) throw new Error(`<${el.localName}> shows no data after ${timeout} ms: ${errorBlock(el)?.textContent?.trim() ?? 'loading'}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const nextTask = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

/**
 * A `<div>` in the page holding `template`, removed after the test. (open-wc's `fixture()` waits for
 * an animation frame when the root is a plain element, and a page web-test-runner runs in the
 * background gets none.) Await the elements' `updateComplete` yourself.
 */
export function mount(template?: TemplateResult, attributes: Record<string, string> = {}): HTMLDivElement {
  const div = document.createElement('div');
  for (const [name, value] of Object.entries(attributes)) div.setAttribute(name, value);
  document.body.append(div);
  if (template) render(template, div);
  mounted.push(div);
  return div;
}

/** Waits for the `updateComplete` of every element inside (custom elements only). */
export async function updatedInside(root: Element): Promise<void> {
  const els = [...root.querySelectorAll('*')].filter((el) => el.localName.includes('-'));
  await Promise.all(els.map((el) => (el as Element & { updateComplete?: Promise<unknown> }).updateComplete ?? Promise.resolve()));
}
