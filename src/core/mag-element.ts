import { LitElement } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { ContextConsumer } from '@lit/context';
import { adapterContext } from './context.js';
import { DataTask } from './data-task.js';
import type { idle } from './data-task.js';
import { MagAdapterError } from './errors.js';
import { MagLoadErrorEvent } from './events.js';
import { LocalizeController } from './localize.js';
import type { MagAdapter } from './model.js';
import type { SharedAdapter} from './shared-adapter.js';
import { MagInvalidateEvent, shareAdapter } from './shared-adapter.js';
import { baseStyles } from './styles.js';

/**
 * The base of every mag-* element: it receives the data source from the nearest `<mag-provider>`
 * (or its own `adapter` property), localizes its strings, and reloads when the provider says the
 * data it shows changed.
 */
export class MagElement extends LitElement {
  static override styles = [baseStyles];

  /** Strings and date formats in the language of the closest `[lang]`. */
  protected readonly localize = new LocalizeController(this);

  // Plain `static properties` rather than decorators: each decorator call costs bytes in every
  // element (docs/decisions/no-decorators.md).
  static override get properties(): PropertyDeclarations {
    return {
      adapter: { attribute: false },
    };
  }

  /**
   * An adapter for this element alone. When unset, the element uses the adapter of its nearest
   * `<mag-provider>`.
   */
  adapter?: MagAdapter;

  /** The nearest provider's shared adapter; the element updates when the provider changes it. */
  #provided = new ContextConsumer(this, { context: adapterContext, subscribe: true });

  #listeningTo?: SharedAdapter;
  #warned = new WeakSet<Error>();
  /** True once a failure was logged; reset when a request succeeds (one console warning per outage). */
  #warnedSinceSuccess = false;

  /** The data source in force: the element's own adapter (shared), else the provider's. */
  protected get source(): SharedAdapter | undefined {
    return this.adapter ? shareAdapter(this.adapter) : this.#provided.value;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#listen();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#listeningTo?.removeEventListener('mag-invalidate', this.#onInvalidate);
    this.#listeningTo = undefined;
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    super.updated(changed);
    this.#listen();
  }

  #listen(): void {
    const source = this.source;
    if (source === this.#listeningTo) return;
    this.#listeningTo?.removeEventListener('mag-invalidate', this.#onInvalidate);
    source?.addEventListener('mag-invalidate', this.#onInvalidate);
    this.#listeningTo = source;
  }

  #onInvalidate = (event: Event): void => {
    if (event instanceof MagInvalidateEvent) this.dataChanged(event);
  };

  /**
   * A data request tied to this element (a `DataTask`): it runs when its args change, its `signal`
   * aborts an older request when a newer one starts or when the element leaves the page (it runs
   * again when the element comes back), and failures are reported once.
   */
  protected dataTask<A extends readonly unknown[], R>(
    args: () => A,
    run: (args: A, signal: AbortSignal) => Promise<R | typeof idle>,
  ): DataTask<A, R> {
    return new DataTask<A, R>(this, args, run, (error, failed) => {
      if (failed) this.reportError(error);
      else this.#warnedSinceSuccess = false;
    });
  }

  /** Called when the provider dropped cached data; elements reload what `event.affects()` names. */
  protected dataChanged(_event: MagInvalidateEvent): void {}

  /**
   * Turns a failure into a MagAdapterError and fires `mag-load-error` (once per error). The console
   * gets one warning per outage: an element whose requests all fail (an article and its comments)
   * warns once, and again only after a request succeeded. Aborted requests (a newer one replaced
   * them) are returned without noise.
   */
  protected reportError(error: unknown): MagAdapterError {
    const magError = MagAdapterError.from(error);
    if (magError.code !== 'aborted' && !this.#warned.has(magError)) {
      this.#warned.add(magError);
      if (!this.#warnedSinceSuccess) console.warn(`<${this.localName}>: ${magError.message}`);
      this.#warnedSinceSuccess = true;
      const event = new MagLoadErrorEvent(magError);
      this.dispatchEvent(event);
    }
    return magError;
  }
}
