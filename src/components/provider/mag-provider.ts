import { LitElement, css, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { provide } from '@lit/context';
import { adapterContext } from '../../core/context.js';
import { MagAdapterError } from '../../core/errors.js';
import type { MagAdapter } from '../../core/model.js';
import { SharedAdapter } from '../../core/shared-adapter.js';
import { JsonAdapter } from '../../adapters/json/json-adapter.js';

/** Builds an adapter for `<mag-provider adapter="name">` from the provider's attributes. */
export type AdapterFactory = (provider: MagProvider) => MagAdapter;

const adapterTypes = new Map<string, AdapterFactory>([
  ['json', (provider) => (provider.src ? new JsonAdapter({ url: provider.src }) : failing('unsupported', 'adapter="json" needs a src attribute (the URL of a JSON data file).'))],
]);

/** An adapter whose every call fails with the same clear error (misconfigured provider). */
function failing(code: 'unsupported', message: string): MagAdapter {
  const fail = () => Promise.reject(new MagAdapterError(code, message));
  return { getArticle: fail, listComments: fail, listRecent: fail, getAbout: fail };
}

/**
 * @summary Gives a data adapter to every mag-* element inside it, and shares the adapter's answers among them.
 * @tag mag-provider
 *
 * @description
 * The adapter comes from, in this order: the `adapter` property (any object implementing
 * `MagAdapter`); the `adapter` attribute naming a registered adapter type (`json`, and, in the
 * drop-in bundle, `wordpress` and `feed`) configured by `src` / `endpoint`; an inline
 * `<script type="application/json">` child (the JSON data format); the `src` attribute, the URL of
 * a JSON data file. Nested providers: the nearest one wins. Replacing the adapter reloads every
 * element. Identical requests from its elements reach the adapter once (see `max-age`).
 *
 * @slot - The page content; every mag-* element inside uses this provider's adapter.
 */
export class MagProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /**
   * Makes `<mag-provider adapter="name">` build an adapter with `factory(provider)`.
   * The drop-in bundle registers `wordpress` (uses `endpoint`) and `feed` (uses `src`).
   */
  static registerAdapterType(name: string, factory: AdapterFactory): void {
    adapterTypes.set(name.toLowerCase(), factory);
  }

  /** The adapter to use, set from script. Takes precedence over every attribute. */
  @property({ attribute: false })
  adapter?: MagAdapter;

  /** A registered adapter type to build from the attributes: `json`, `wordpress`, `feed`… */
  @property({ attribute: 'adapter' })
  adapterType?: string;

  /** URL of the data: a JSON data file (default), or a feed with `adapter="feed"`. */
  @property()
  src?: string;

  /** Base URL of the backend's API, for adapters that need one (`adapter="wordpress"`: the site's `/wp-json` URL). */
  @property()
  endpoint?: string;

  /** How long, in seconds, an answer is reused by the elements inside (0: only requests in flight are shared). */
  @property({ type: Number, attribute: 'max-age' })
  maxAge = 300;

  /** How long, in seconds, elements wait for an answer before showing a timeout message (0: forever). */
  @property({ type: Number })
  timeout = 20;

  @provide({ context: adapterContext })
  @state()
  private _shared?: SharedAdapter;

  @state()
  private _inlineJson?: string;

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
    this._shared?.refresh();
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
    if (this.adapterType) {
      const factory = adapterTypes.get(this.adapterType.toLowerCase());
      if (!factory) {
        return failing('unsupported', `<mag-provider adapter="${this.adapterType}">: no adapter type of that name is registered (known: ${[...adapterTypes.keys()].join(', ')}).`);
      }
      try {
        return factory(this);
      } catch (error) {
        // A misconfigured adapter (no endpoint, a bad URL…) is reported by every element, never thrown.
        return failing('unsupported', `<mag-provider adapter="${this.adapterType}">: ${(error as Error).message}`);
      }
    }
    if (this._inlineJson !== undefined) return JsonAdapter.fromText(this._inlineJson);
    if (this.src) return new JsonAdapter({ url: this.src });
    return undefined;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    const base = this.#resolveAdapter(changed);
    const options = { maxAge: Math.max(0, this.maxAge) * 1000, timeout: Math.max(0, this.timeout) * 1000 };
    if (base !== this.#base) {
      this.#base = base;
      this._shared = base ? new SharedAdapter(base, options) : undefined;
    } else if (this._shared) {
      this._shared.maxAge = options.maxAge;
      this._shared.timeout = options.timeout;
    }
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
