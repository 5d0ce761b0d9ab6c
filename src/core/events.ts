/**
 * The library's events: `mag-load-error`, fired by an element, and `mag-invalidate`, fired by the
 * shared adapter when data changes.
 */

import type { MagAdapterError } from './errors.js';

/**
 * Fired (bubbles, composed) by an element whose data could not be loaded, so a host can log it
 * or report it. The element shows the error itself, with a retry button.
 */
export class MagLoadErrorEvent extends Event {
  readonly error: MagAdapterError;

  constructor(error: MagAdapterError) {
    super('mag-load-error', { bubbles: true, composed: true });
    this.error = error;
  }
}

/** The kinds of resources the provider shares. */
export type ResourceKind = 'article' | 'comments' | 'recent' | 'about' | 'videos';

/**
 * Fired by a `SharedAdapter` when cached results are dropped (after a comment is posted, or on
 * `refresh()`); elements showing an affected resource load it again.
 */
export class MagInvalidateEvent extends Event {
  readonly kind?: ResourceKind;
  readonly id?: string;
  /** What caused the change, when an element did (the element that posted a comment, for example). */
  readonly origin?: object;

  constructor(kind?: ResourceKind, id?: string, origin?: object) {
    super('mag-invalidate');
    this.kind = kind;
    this.id = id;
    this.origin = origin;
  }

  /** True when a resource of this kind (and id, for articles and comments) is affected. */
  affects(kind: ResourceKind, id?: string): boolean {
    if (this.kind === undefined) return true;
    if (this.kind !== kind) return false;
    return this.id === undefined || id === undefined || this.id === id;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mag-load-error': MagLoadErrorEvent;
  }
}
