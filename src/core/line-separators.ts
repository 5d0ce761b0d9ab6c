import type { ReactiveController, ReactiveElement } from 'lit';

/**
 * Keeps the separators of a wrapping line of items (`a · b · c`) from starting or ending a line.
 * Each separator (`<span class="separator">`) starts with a no-break space, which glues it to the
 * item before it, so it never starts a line; after every layout of the lines that hold one, a
 * separator whose next item starts a new line gets the class `line-end`, which hides it
 * (`visibility: hidden`: it keeps its width, so the lines do not change). The separators' parent
 * must be a block (its size changes when its lines do, which is when they are checked again).
 */
export class LineSeparators implements ReactiveController {
  private readonly _host: ReactiveElement;
  private _observer?: ResizeObserver;

  /** `host.addController(new LineSeparators(host))`. */
  constructor(host: ReactiveElement) {
    this._host = host;
  }

  hostUpdated(): void {
    // Observing the lines again asks for a check after the next layout (the content may have changed).
    this._observer?.disconnect();
    this._observer ??= new ResizeObserver(this._check);
    for (const separator of this._separators()) this._observer.observe(separator.parentElement!);
  }

  hostDisconnected(): void {
    this._observer?.disconnect();
    this._observer = undefined;
  }

  private _separators(): NodeListOf<HTMLElement> {
    return this._host.renderRoot.querySelectorAll<HTMLElement>('.separator');
  }

  private _check = (): void => {
    for (const separator of this._separators()) {
      const next = separator.nextElementSibling?.getClientRects()[0];
      const own = separator.getBoundingClientRect();
      // The next item starts below the separator's middle: on the next line.
      separator.classList.toggle('line-end', !!next && next.top > own.top + own.height / 2);
    }
  };
}
