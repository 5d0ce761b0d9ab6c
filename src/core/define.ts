import { ContextRoot } from '@lit/context';

/** The library's version, named in the warning when two copies register the same tag. */
export const VERSION = '0.1.0';

const versions = new Map<CustomElementConstructor, string>();

/**
 * Registers a custom element once. Registering the same class again does nothing; another class
 * under a tag already taken (the library bundled twice on a page) logs a warning naming both
 * versions instead of throwing, and the first registration stays in force.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor, version = VERSION): void {
  attachContextRoot();
  const existing = customElements.get(tag);
  if (!existing) {
    customElements.define(tag, constructor);
    versions.set(constructor, version);
    return;
  }
  if (existing === constructor) return;
  const other = versions.get(existing) ?? (existing as { version?: string }).version ?? 'unknown';
  console.warn(
    `mag-elements: <${tag}> is already registered (version ${other}); this copy (version ${version}) was not registered. Load mag-elements only once per page.`,
  );
}

let contextRoot: ContextRoot | undefined;

/**
 * Elements that connect before their adapter is provided (a provider defined later, `provideAdapter()`
 * called after the markup) ask again once it is: the document's `ContextRoot` keeps their requests.
 */
function attachContextRoot(): void {
  if (contextRoot || typeof document === 'undefined' || !document.documentElement) return;
  contextRoot = new ContextRoot();
  contextRoot.attach(document.documentElement);
}
