import { ContextProvider } from '@lit/context';
import { adapterContext } from './context.js';
import type { MagAdapter } from './model.js';
import { SharedAdapter } from './shared-adapter.js';
import type { SharedAdapterOptions } from './shared-adapter.js';

/**
 * The buildless path for pages that cannot wrap their markup in a `<mag-provider>`: gives `adapter`
 * to every mag-* element inside `target` (for example `document.body`), whether they are in the page
 * already or added later.
 *
 * ```js
 * import { provideAdapter, JsonAdapter } from './mag-elements.js';
 * const provided = provideAdapter(document.body, new JsonAdapter({ url: '/data/mag.json' }));
 * provided.setAdapter(otherAdapter); // later: every element reloads
 * ```
 *
 * A page rendered on the server with this adapter (`renderPage(html, { adapter })`) carries the answers
 * its elements showed: they are shared at once, without asking the adapter again.
 */
export function provideAdapter(
  target: HTMLElement,
  adapter: MagAdapter,
  options?: SharedAdapterOptions,
): { readonly shared: SharedAdapter; setAdapter(next: MagAdapter): void; refresh(): void } {
  const shared = new SharedAdapter(adapter, options);
  const snapshot = pageSnapshot(target);
  if (snapshot !== undefined) shared.seed(snapshot);
  const provider = new ContextProvider(target, { context: adapterContext, initialValue: shared });
  // Elements already in the page asked for an adapter before this one existed: announcing it makes them
  // ask again (through the ContextRoot the library attaches to the document).
  provider.hostConnected();
  return {
    get shared() {
      return provider.value!;
    },
    setAdapter(next: MagAdapter) {
      provider.setValue(new SharedAdapter(next, options));
    },
    refresh() {
      provider.value?.refresh();
    },
  };
}

/** The snapshot of a server render for elements outside any `<mag-provider>`, if the page has one. */
function pageSnapshot(target: HTMLElement): unknown {
  const script = [...target.ownerDocument.querySelectorAll('script[type="application/json"][data-mag-snapshot]')].find((s) => !s.closest('mag-provider'));
  if (!script) return undefined;
  try {
    return JSON.parse(script.textContent ?? '');
  } catch {
    return undefined;
  }
}
