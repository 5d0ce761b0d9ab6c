import { LitElement, css, html } from 'lit';
import { ContextProvider } from '@lit/context';
import { adapterContext } from '../../core/context.js';
import { MagAdapterError } from '../../core/errors.js';
import { LazyAdapter } from '../../core/lazy-adapter.js';
import type { MagAdapter } from '../../core/model.js';
import { SharedAdapter } from '../../core/shared-adapter.js';
import { JsonAdapter } from '../../adapters/json/json-adapter.js';

/**
 * Builds an adapter for `<mag-provider adapter="name">` from the provider's attributes, at once or
 * later (a promise: for example once the adapter's code is loaded with `import()`).
 */
export type AdapterFactory = (provider: MagProvider) => MagAdapter | Promise<MagAdapter>;

const adapterTypes = new Map<string, AdapterFactory>([
  ['json', (provider) => (provider.src ? new JsonAdapter({ url: provider.src }) : failing(new MagAdapterError('unsupported', 'adapter="json" needs a src attribute (the URL of a JSON data file).')))],
]);

/** An adapter whose every call fails with the same clear error (misconfigured provider). */
function failing(error: MagAdapterError): MagAdapter {
  const fail = () => Promise.reject(error);
  return { getArticle: fail, listComments: fail, listRecent: fail, getAbout: fail };
}

/**
 * What a failing adapter factory means for the elements: a `MagAdapterError` as it is (`network`
 * when the adapter's code could not be loaded), anything else a misconfiguration (no endpoint…).
 */
const factoryError = (type: string, error: unknown): MagAdapterError =>
  error instanceof MagAdapterError ? error : new MagAdapterError('unsupported', `<mag-provider adapter="${type}">: ${(error as Error)?.message ?? error}`, { cause: error });

const isPromiseLike = (value: unknown): value is PromiseLike<MagAdapter> => typeof (value as PromiseLike<MagAdapter> | undefined)?.then === 'function';

/**
 * Gives a data adapter to every mag-* element inside it, and shares the adapter's answers among
 * them: however many elements ask for the same article, comment page, list or about box, the adapter
 * is called once.
 *
 * The adapter comes from, in this order: the `adapter` property (any object implementing
 * `MagAdapter`); the `adapter` attribute naming a registered adapter type (`json`, and, with
 * `mag-elements.js` or the drop-in bundle, `wordpress` and `feed`, whose code loads when first
 * asked for) configured by `src` / `endpoint`; an inline `<script type="application/json">` child
 * (the JSON data format); the `src` attribute, the URL of a JSON data file. A misconfigured provider
 * (an unknown type, a missing `endpoint`, invalid inline JSON) never throws: every element inside
 * shows the error, and the console says what to fix. Nested providers: the nearest one wins.
 * Replacing the adapter reloads every element.
 *
 * @summary Gives a data adapter to every mag-* element inside it, and shares the adapter's answers among them.
 * @tag mag-provider
 *
 * @slot - The page content; every mag-* element inside uses this provider's adapter.
 */
export class MagProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  // A getter, not a static field: lit-analyzer (web-component-analyzer) reads attributes only from
  // `static get properties()`.
  static override get properties() {
    return {
      adapter: { attribute: false },
      adapterType: { attribute: 'adapter' },
      src: {},
      endpoint: {},
      maxAge: { type: Number, attribute: 'max-age' },
      timeout: { type: Number },
      _inlineJson: { state: true, attribute: false },
    };
  }

  /**
   * Makes `<mag-provider adapter="name">` build an adapter with `factory(provider)`. The factory may
   * return a promise (code loaded on demand): the elements show their loading state meanwhile. When
   * it throws or rejects, every element shows the error, with a retry that calls the factory again:
   * a `MagAdapterError` keeps its code (`network` for code that could not be loaded), anything else
   * is reported as a misconfiguration (`unsupported`). `mag-elements.js` and the drop-in bundle
   * register `wordpress` (uses `endpoint`) and `feed` (uses `src`).
   */
  static registerAdapterType(name: string, factory: AdapterFactory): void {
    adapterTypes.set(name.toLowerCase(), factory);
  }

  /** The adapter to use, set from script. Takes precedence over every attribute. */
  adapter?: MagAdapter;

  /** A registered adapter type to build from the attributes: `json`, `wordpress`, `feed`… */
  adapterType?: string;

  /** URL of the data: a JSON data file (default), or a feed with `adapter="feed"`. */
  src?: string;

  /** Base URL of the backend's API, for adapters that need one (`adapter="wordpress"`: the site's `/wp-json` URL). */
  endpoint?: string;

  /** How long, in seconds, an answer is reused by the elements inside (0: only requests in flight are shared). */
  maxAge = 300;

  /** How long, in seconds, elements wait for an answer before showing a timeout message (0: forever). */
  timeout = 20;

  private _inlineJson?: string;

  /** Gives the shared adapter to the elements inside (the `adapterContext`). */
  #context = new ContextProvider(this, { context: adapterContext });
  #observer?: MutationObserver;
  #base?: MagAdapter;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#readInline();
    this.#observer ??= new MutationObserver(() => this.#readInline());
    this.#observer.observe(this, { childList: true, subtree: true, characterData: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer?.disconnect();
  }

  /**
   * Drops every shared answer and makes every element inside load its data again.
   */
  refresh(): void {
    this.#context.value?.refresh();
  }

  #readInline(): void {
    const script = Array.from(this.children).find(
      (child): child is HTMLScriptElement => child instanceof HTMLScriptElement && child.type === 'application/json',
    );
    this._inlineJson = script?.textContent ?? undefined;
  }

  #resolveAdapter(changed: Map<PropertyKey, unknown>): MagAdapter | undefined {
    const inputs = ['adapter', 'adapterType', 'src', 'endpoint', '_inlineJson'];
    if (!inputs.some((key) => changed.has(key))) return this.#base;
    if (this.adapter) return this.adapter;
    const type = this.adapterType;
    if (type) {
      const factory = adapterTypes.get(type.toLowerCase());
      if (!factory) {
        return failing(factoryError(type, `no adapter type of that name is registered (known: ${[...adapterTypes.keys()].join(', ')}).`));
      }
      try {
        const adapter = factory(this);
        if (!isPromiseLike(adapter)) return adapter;
        // Its code loads on demand: the elements wait (loading state); a failure is shown with a retry
        // that calls the factory again. A newer adapter (attributes changed meanwhile) replaces this one.
        const lazy: LazyAdapter = new LazyAdapter(
          adapter,
          () => factory(this),
          (error) => factoryError(type, error),
          () => {
            if (this.#base === lazy) this.refresh();
          },
        );
        return lazy;
      } catch (error) {
        // A misconfigured adapter (no endpoint, a bad URL…) is reported by every element, never thrown.
        return failing(factoryError(type, error));
      }
    }
    if (this._inlineJson !== undefined) return JsonAdapter.fromText(this._inlineJson);
    if (this.src) return new JsonAdapter({ url: this.src });
    return undefined;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    const base = this.#resolveAdapter(changed);
    const renewed = base !== this.#base;
    const shared = renewed ? base && new SharedAdapter(base) : this.#context.value;
    if (shared) {
      shared.maxAge = Math.max(0, this.maxAge) * 1000;
      shared.timeout = Math.max(0, this.timeout) * 1000;
    }
    if (renewed) {
      this.#base = base;
      this.#context.setValue(shared);
    }
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
