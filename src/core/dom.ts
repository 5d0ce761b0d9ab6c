/**
 * The window whose DOM the library parses and sanitizes HTML with: the page's in a browser. A server
 * render (`mag-elements/server`) has no page: it gives its own (jsdom's) with `useServerWindow()`, and
 * the same sanitizer profiles and URL policy run on it.
 */
type DomWindow = Window & typeof globalThis;

let serverWindow: DomWindow | undefined;

/** The window to parse and sanitize with. */
export const domWindow = (): DomWindow => serverWindow ?? window;

/** Makes a server render parse and sanitize with `window` (a jsdom window). */
export function useServerWindow(window: DomWindow): void {
  serverWindow = window;
}
