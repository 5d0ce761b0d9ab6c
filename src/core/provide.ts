import { ContextProvider } from '@lit/context';
import { adapterContext } from './context.js';
import type { MagAdapter } from './model.js';
import { SharedAdapter } from './shared-adapter.js';
import type { SharedAdapterOptions } from './shared-adapter.js';

/**
 * The buildless path for pages that cannot wrap their markup in a `<mag-provider>`: gives `adapter`
 * to every mag-* element inside `target` (for example `document.body`).
 *
 * ```js
 * import { provideAdapter, JsonAdapter } from './mag-elements.js';
 * const provided = provideAdapter(document.body, new JsonAdapter({ url: '/data/mag.json' }));
 * provided.setAdapter(otherAdapter); // later: every element reloads
 * ```
 */
export function provideAdapter(
  target: HTMLElement,
  adapter: MagAdapter,
  options?: SharedAdapterOptions,
): { readonly shared: SharedAdapter; setAdapter(next: MagAdapter): void; refresh(): void } {
  const provider = new ContextProvider(target, { context: adapterContext, initialValue: new SharedAdapter(adapter, options) });
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
