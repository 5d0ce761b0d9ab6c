import { LitElement, isServer } from 'lit';
import type { PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { adapterContext } from './context.js';
import { DataTask } from './data-task.js';
import type { DataTaskOptions } from './data-task.js';
import type { MagAdapterError } from './errors.js';
import { MagLoadErrorEvent } from './events.js';
import { LocalizeController } from './localize.js';
import type { MagAdapter } from './model.js';
import type { SharedAdapter } from './shared-adapter.js';
import { PageLinkColor } from './page-link-color.js';
import { MagInvalidateEvent, shareAdapter } from './shared-adapter.js';
import { cameWithPage, replaceServerMarkup } from './server-markup.js';
import { baseStyles } from './styles.js';

/**
 * The base of every mag-* element: it receives the data source from the nearest `<mag-provider>`
 * (or its own `adapter` property), localizes its strings, and reloads when the provider says the
 * data it shows changed.
 */
export class MagElement extends LitElement {
  static override styles = [baseStyles];

  /**
   * An adapter for this element alone. When unset, the element uses the adapter of its nearest
   * `<mag-provider>`.
   */
  @property({ attribute: false }) adapter?: MagAdapter;

  /** Strings and date formats in the language of the closest `[lang]`. */
  protected readonly localize = new LocalizeController(this);

  /** The nearest provider's shared adapter; the element updates when the provider changes it. */
  @consume({ context: adapterContext, subscribe: true })
  @state()
  private _providedAdapter?: SharedAdapter;

  /** True when the server rendered the element (its shadow root came with the page). */
  protected readonly renderedOnServer = cameWithPage(this);
  /** True until the first update replaced the server's markup. */
  private _serverMarkup = this.renderedOnServer;
  /** The element's data requests (a server render runs them itself: it has no controllers' update). */
  private readonly _tasks: { hostUpdate(): void }[] = [];

  /** The shared adapter whose `mag-invalidate` events the element listens to. */
  private _listeningTo?: SharedAdapter;
  /** True once a failure was logged; reset when a request succeeds (one console warning per outage). */
  private _warnedSinceSuccess = false;

  constructor() {
    super();
    // Links take the page's link color (the page's rules for `a` do not reach into the shadow root).
    // A server render has no page to read it from (nor CSSStyleSheet): the browser reads it.
    if (!isServer) this.addController(new PageLinkColor(this));
  }

  /** The data source in force: the element's own adapter (shared), else the provider's. */
  protected get source(): SharedAdapter | undefined {
    return this.adapter ? shareAdapter(this.adapter) : this._providedAdapter;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._listen();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._listeningTo?.removeEventListener('mag-invalidate', this._onInvalidate);
    this._listeningTo = undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // A server render calls willUpdate() and render(), not the controllers' hostUpdate(): the data
    // requests take in their arguments here, and show what the data source already holds.
    if (isServer) for (const task of this._tasks) task.hostUpdate();
  }

  protected override update(changed: PropertyValues): void {
    if (this._serverMarkup) {
      this._serverMarkup = false;
      replaceServerMarkup(this.renderRoot, this.renderOptions);
    }
    super.update(changed);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this._listen();
  }

  private _listen(): void {
    const source = this.source;
    if (source === this._listeningTo) return;
    this._listeningTo?.removeEventListener('mag-invalidate', this._onInvalidate);
    source?.addEventListener('mag-invalidate', this._onInvalidate);
    this._listeningTo = source;
  }

  private _onInvalidate = (event: Event): void => {
    if (event instanceof MagInvalidateEvent) this.dataChanged(event);
  };

  /**
   * A data request tied to this element (see `DataTask`): it runs when its arguments change, shows
   * what the data source already holds without waiting, and its failures are reported once
   * (`reportError`).
   */
  protected dataTask<A extends readonly unknown[], R>(options: Omit<DataTaskOptions<A, R>, 'settled'>): DataTask<A, R> {
    const task = new DataTask<A, R>(this, {
      ...options,
      settled: (error) => {
        if (error) this.reportError(error);
        else this._warnedSinceSuccess = false;
      },
    });
    this._tasks.push(task);
    return task;
  }

  /** Called when the provider dropped shared data; elements reload what `event.affects()` names. */
  protected dataChanged(_event: MagInvalidateEvent): void {}

  /**
   * Fires `mag-load-error` for a failure the element shows, and warns in the console once per outage:
   * an element whose requests all fail (an article and its comments) warns once, and again only after
   * a request succeeded. Cancelled requests (`aborted`) are not failures.
   */
  protected reportError(error: MagAdapterError): void {
    if (error.code === 'aborted') return;
    if (!this._warnedSinceSuccess) console.warn(`<${this.localName}>: ${error.message}`);
    this._warnedSinceSuccess = true;
    // Built apart from dispatchEvent(): the manifest analyzer would list the expression as an event name.
    const event = new MagLoadErrorEvent(error);
    this.dispatchEvent(event);
  }
}
