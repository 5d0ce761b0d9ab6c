import { LitElement, css, html } from 'lit';
import type { PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { provide } from '@lit/context';
import { adapterContext } from '../../core/context.js';
import { MagAdapterError } from '../../core/errors.js';
import { LazyAdapter } from '../../core/lazy-adapter.js';
import type { MagAdapter } from '../../core/model.js';
import { cameWithPage, replaceServerMarkup } from '../../core/server-markup.js';
import { SharedAdapter } from '../../core/shared-adapter.js';
import { JsonAdapter } from '../../adapters/json/json-adapter.js';

/**
 * What an adapter factory reads: the provider's attributes. In a browser it is the `<mag-provider>`
 * element itself; in a server render, an object with the same properties and `getAttribute()`.
 */
export interface AdapterSource {
  readonly src?: string;
  readonly endpoint?: string;
  getAttribute(name: string): string | null;
}

/**
 * Builds an adapter for `<mag-provider adapter="name">` from the provider's attributes, at once or
 * later (a promise: for example once the adapter's code is loaded with `import()`).
 */
export type AdapterFactory = (provider: AdapterSource) => MagAdapter | Promise<MagAdapter>;

const adapterTypes = new Map<string, AdapterFactory>([
  ['json', (provider) => (provider.src ? new JsonAdapter({ url: provider.src }) : failing(new MagAdapterError('unsupported', 'adapter="json" needs a src attribute (the URL of a JSON data file, or of a split layout\'s folder ending with /).')))],
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

/** A provider's data source as its markup declares it. */
export interface ProviderMarkup extends AdapterSource {
  /** The `adapter` attribute: a registered adapter type. */
  readonly adapterType?: string;
  /** The text of its inline `<script type="application/json">` child. */
  readonly inlineJson?: string;
}

/**
 * The adapter a provider's markup declares: a registered adapter type (`adapter="…"`), else its inline
 * JSON, else the JSON file at `src`; undefined when it declares none. Never throws: a misconfiguration
 * becomes an adapter whose calls fail with a clear error. `onRecover` is called when an adapter whose
 * code loads on demand loads after a failure. (The server renderer builds its providers' adapters with
 * it too.)
 */
export function adapterFromMarkup(markup: ProviderMarkup, onRecover: (adapter: MagAdapter) => void = () => {}): MagAdapter | undefined {
  const type = markup.adapterType;
  if (type) {
    const factory = adapterTypes.get(type.toLowerCase());
    if (!factory) {
      return failing(factoryError(type, `no adapter type of that name is registered (known: ${[...adapterTypes.keys()].join(', ')}).`));
    }
    try {
      const adapter = factory(markup);
      if (!isPromiseLike(adapter)) return adapter;
      // Its code loads on demand: the elements wait (loading state); a failure is shown with a retry
      // that calls the factory again.
      const lazy: LazyAdapter = new LazyAdapter(
        adapter,
        () => factory(markup),
        (error) => factoryError(type, error),
        () => onRecover(lazy),
      );
      return lazy;
    } catch (error) {
      // A misconfigured adapter (no endpoint, a bad URL…) is reported by every element, never thrown.
      return failing(factoryError(type, error));
    }
  }
  if (markup.inlineJson !== undefined) return JsonAdapter.fromText(markup.inlineJson);
  if (markup.src) return adapterFromMarkup({ ...markup, adapterType: 'json' });
  return undefined;
}

/**
 * Marks a server render's snapshot among a provider's `<script type="application/json">` children; the
 * other one is its inline data.
 */
const SNAPSHOT_ATTRIBUTE = 'data-mag-snapshot';

/**
 * Gives a data adapter to every mag-* element inside it, and shares the adapter's answers among
 * them: however many elements ask for the same article, comment page, list or about box, the adapter
 * is called once.
 *
 * The adapter comes from, in this order: the `adapter` property (any object implementing
 * `MagAdapter`); the `adapter` attribute naming a registered adapter type (`json`, and, with
 * `mag-elements.js` or the drop-in bundle, `wordpress` and `feed`, whose code loads when first
 * asked for) configured by `src` / `endpoint`; an inline `<script type="application/json">` child
 * (the JSON data format); the `src` attribute, the URL of a JSON data file or of the folder of a
 * split layout (ending with `/`: its `index.json`, then one file per article). A misconfigured provider
 * (an unknown type, a missing `endpoint`, invalid inline JSON) never throws: every element inside
 * shows the error, and the console says what to fix. Nested providers: the nearest one wins.
 * Replacing the adapter reloads every element.
 *
 * @summary Gives a data adapter to every mag-* element inside it, and shares the adapter's answers among them.
 * @tag mag-provider
 *
 * @slot - The page content; every mag-* element inside uses this provider's adapter.
 *
 * @attr nonce - With `adapter="wordpress"`: WordPress's REST nonce, sent with comment posts (the WordPress adapter's `nonce` option); read when the adapter is built.
 */
export class MagProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /**
   * Makes `<mag-provider adapter="name">` build an adapter with `factory(provider)` (the factory reads
   * the provider's `src`, `endpoint` or `getAttribute()`). The factory may
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
  @property({ attribute: false }) adapter?: MagAdapter;

  /** A registered adapter type to build from the attributes: `json`, `wordpress`, `feed`… */
  @property({ attribute: 'adapter' }) adapterType?: string;

  /** URL of the data: a JSON data file (default), a split layout's folder (ending with `/`), or a feed with `adapter="feed"`. */
  @property() src?: string;

  /** Base URL of the backend's API, for adapters that need one (`adapter="wordpress"`: the site's `/wp-json` URL). */
  @property() endpoint?: string;

  /** How long, in seconds, an answer is reused by the elements inside (0: only requests in flight are shared). */
  @property({ type: Number, attribute: 'max-age' }) maxAge = 300;

  /** How long, in seconds, elements wait for an answer before showing a timeout message (0: forever). */
  @property({ type: Number }) timeout = 20;

  /**
   * Show images whose address is relative (avatars, photos, images in articles): for data the site
   * vouches for, such as its own JSON file with images beside it. Off by default: a relative image makes
   * a request to the page's own site, with the reader's cookies (docs/security.md).
   */
  @property({ type: Boolean, attribute: 'allow-relative-images' }) allowRelativeImages = false;

  /** The text of the inline `<script type="application/json">` child, if any. */
  @state() private _inlineJson?: string;

  /** A server render's snapshot of the answers, read from the page (see docs/server-rendering.md). */
  private _snapshot?: unknown;

  /** What the elements inside receive: the adapter in force, shared (the `adapterContext`). */
  @provide({ context: adapterContext }) private _shared?: SharedAdapter;

  private _observer?: MutationObserver;
  /** True until the first update replaced a server render's markup (see server-markup.ts). */
  private _serverMarkup = cameWithPage(this);
  /** What the shared adapter was last built from (see `_provide()`). */
  private _inputs?: unknown[];
  /** The adapter in force, before sharing. */
  private _hostAdapter?: MagAdapter;

  override connectedCallback(): void {
    super.connectedCallback();
    this._readInline();
    this._observer ??= new MutationObserver(() => this._readInline());
    this._observer.observe(this, { childList: true, subtree: true, characterData: true });
    // The elements inside ask for their adapter as they connect: it is there already, not one update
    // later. An adapter type not registered yet (a page's script registers it after the library's
    // elements are defined) is looked up again by the first update.
    const type = this.adapterType?.toLowerCase();
    if (!this.hasUpdated && !(type && !adapterTypes.has(type))) this._provide();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._observer?.disconnect();
  }

  /**
   * Drops every shared answer and makes every element inside load its data again.
   */
  refresh(): void {
    this._shared?.refresh();
  }

  private _readInline(): void {
    const scripts = Array.from(this.children).filter(
      (child): child is HTMLScriptElement => child instanceof HTMLScriptElement && child.type === 'application/json',
    );
    const snapshot = scripts.find((script) => script.hasAttribute(SNAPSHOT_ATTRIBUTE));
    if (snapshot && this._snapshot === undefined) {
      try {
        this._snapshot = JSON.parse(snapshot.textContent ?? '');
      } catch {
        // Not a snapshot: the elements load their data as usual.
        this._snapshot = null;
      }
    }
    this._inlineJson = scripts.find((script) => !script.hasAttribute(SNAPSHOT_ATTRIBUTE))?.textContent ?? undefined;
  }

  protected override willUpdate(): void {
    this._provide();
  }

  /**
   * Builds the shared adapter again when what declares it changed (the `adapter` property, the
   * attributes, the inline JSON), and applies `max-age` and `timeout`.
   */
  private _provide(): void {
    const inputs = [this.adapter, this.adapterType, this.src, this.endpoint, this._inlineJson];
    const inputsChanged = !this._inputs || inputs.some((value, i) => value !== this._inputs![i]);
    this._inputs = inputs;
    const hostAdapter = inputsChanged ? this._adapterInForce() : this._hostAdapter;
    const renewed = hostAdapter !== this._hostAdapter;
    const shared = renewed ? hostAdapter && new SharedAdapter(hostAdapter) : this._shared;
    if (shared) {
      shared.maxAge = Math.max(0, this.maxAge) * 1000;
      shared.timeout = Math.max(0, this.timeout) * 1000;
      shared.allowRelativeImages = this.allowRelativeImages;
    }
    if (renewed) {
      // A server render's answers serve the first adapter, the one the page was rendered with.
      if (shared && this._snapshot && !this._hostAdapter) shared.seed(this._snapshot);
      this._hostAdapter = hostAdapter;
      this._shared = shared;
    }
  }

  private _adapterInForce(): MagAdapter | undefined {
    if (this.adapter) return this.adapter;
    const markup: ProviderMarkup = {
      adapterType: this.adapterType,
      src: this.src,
      endpoint: this.endpoint,
      inlineJson: this._inlineJson,
      getAttribute: (name) => this.getAttribute(name),
    };
    return adapterFromMarkup(markup, (adapter) => {
      if (this._hostAdapter === adapter) this.refresh();
    });
  }

  protected override update(changed: PropertyValues<this>): void {
    if (this._serverMarkup) {
      this._serverMarkup = false;
      replaceServerMarkup(this.renderRoot, this.renderOptions);
    }
    super.update(changed);
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
