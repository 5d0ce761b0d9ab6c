import { isServer } from 'lit';
import type { RenderOptions } from 'lit';

/**
 * Whether an element's shadow root came with the page: a server render's declarative shadow DOM
 * (docs/server-rendering.md). Read in the element's constructor, before it renders anything.
 */
export const cameWithPage = (element: HTMLElement): boolean => !isServer && element.shadowRoot !== null;

/**
 * Removes a server render's markup from an element's shadow root, just before the element's first
 * update renders the same data in its place, in the same task: the page shows no gap. Without this the
 * element's rendering would be added after the server's markup.
 */
export function replaceServerMarkup(renderRoot: HTMLElement | DocumentFragment, renderOptions: RenderOptions): void {
  renderRoot.replaceChildren();
  // LitElement renders before the shadow root's first child as it was at connection: the server's, gone.
  renderOptions.renderBefore = null;
}
