/**
 * Reading an element's state from the outside (no Lit, no element imports), shared by the suites and
 * by the CSP pages (test/fixtures/csp/), which also run against the built bundle.
 */

/** True while an element (or any element in its shadow tree) shows a loading placeholder. */
export function isLoading(el: Element): boolean {
  const root = el.shadowRoot;
  if (!root) return true;
  if (root.querySelector('[part~="loading"]')) return true;
  return [...root.querySelectorAll('*')].some((child) => child.shadowRoot && isLoading(child));
}

const updated = (el: Element): Promise<unknown> => (el as Element & { updateComplete?: Promise<unknown> }).updateComplete ?? Promise.resolve();

/** Waits until every element given has rendered and none shows a loading placeholder. */
export async function loaded(els: Element[], timeout = 5000): Promise<void> {
  const started = Date.now();
  for (;;) {
    await Promise.all(els.map(updated));
    if (!els.some(isLoading)) break;
    if (Date.now() - started > timeout) throw new Error(`still loading after ${timeout} ms: ${els.filter(isLoading).map((e) => e.localName).join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await Promise.all(els.map(updated));
}

/** The shadow root of an element, asserted. */
export function shadow(el: Element): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`<${el.localName}> has no shadow root`);
  return el.shadowRoot;
}

/** The error block an element shows (renderError's `[part~=error]`), searching nested shadow roots. */
export function errorBlock(el: Element): HTMLElement | null {
  const root = el.shadowRoot;
  if (!root) return null;
  const own = root.querySelector<HTMLElement>('[part~="error"]');
  if (own) return own;
  for (const child of root.querySelectorAll('*')) {
    if (child.shadowRoot) {
      const nested = errorBlock(child);
      if (nested) return nested;
    }
  }
  return null;
}

/** The retry button an element shows with its error. */
export function retryButton(el: Element): HTMLButtonElement | null {
  return errorBlock(el)?.querySelector<HTMLButtonElement>('[part~="retry"], button') ?? null;
}
