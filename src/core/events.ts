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

declare global {
  interface GlobalEventHandlersEventMap {
    'mag-load-error': MagLoadErrorEvent;
  }
}
