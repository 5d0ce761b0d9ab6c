import { html, isServer, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { MagAdapterError } from '../../core/errors.js';
import { MagElement } from '../../core/mag-element.js';
import type { SubscribeResult } from '../../core/model.js';
import { errorMessage, renderHoneypot, renderSlottedHeading } from '../../core/states.js';
import { safeUrl } from '../../core/url.js';
import { subscribeFormStyles } from './subscribe-form.styles.js';

/**
 * Fired (bubbles, composed, cancelable) when a reader submits a valid address, before the element
 * subscribes it. Cancel it to handle the subscription yourself; call `respondWith(promise)` to
 * have the element show the outcome of your own call (a `SubscribeResult`, or a rejection).
 */
export class MagSubscribeEvent extends Event {
  /** The address typed by the reader. */
  readonly email: string;
  private _response?: Promise<SubscribeResult>;

  constructor(email: string) {
    super('mag-subscribe', { bubbles: true, composed: true, cancelable: true });
    this.email = email;
  }

  /** Handles the subscription: cancels the element's own call and shows the outcome of `result` instead. */
  respondWith(result: SubscribeResult | Promise<SubscribeResult>): void {
    this.preventDefault();
    this._response = Promise.resolve(result);
  }

  /** The outcome given to `respondWith()`, if any. */
  get response(): Promise<SubscribeResult> | undefined {
    return this._response;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mag-subscribe': MagSubscribeEvent;
  }
}

type Outcome = { kind: 'success'; status: SubscribeResult['status'] } | { kind: 'error'; error: MagAdapterError };

/**
 * A subscribe-by-email form: a labelled email field, a submit button, and the outcome announced.
 *
 * A real `<form>` in the element's shadow root, validated by the browser. On submit it fires a
 * cancelable `mag-subscribe` event, then subscribes the address through the data source's
 * `subscribe()`, and announces the outcome in a live region: subscribed, confirmation e-mail sent,
 * already subscribed, or the error (the typed address is kept). A hidden honeypot field makes bot
 * submissions fail quietly.
 *
 * With an `action` URL (a newsletter service's embed form), or a child `<form action>` when the data
 * source cannot subscribe, the form posts natively to that URL instead. Write that child form in the
 * page so that the form works before (or without) scripts: the element reads its `action`, `method`,
 * `target`, the name of its email field and its hidden fields, and takes its place.
 *
 * @summary A subscribe-by-email form: a labelled email field, a submit button, and the outcome announced.
 *
 * @tag mag-subscribe-form
 *
 * @slot heading - Replaces the title (default: the `heading` attribute, else "Subscribe by email" / "S'abonner par email").
 * @slot description - Text shown between the title and the form ("Un e-mail par nouvel article.").
 * @slot - The no-script fallback: a `<form action="…" method="post">` with an email field, written in the page. It is never shown once the element runs; the element reads its `action`, `method`, `target`, email field name and hidden fields.
 *
 * @csspart base - The wrapper of the title and the form.
 * @csspart heading - The title.
 * @csspart form - The `<form>`.
 * @csspart label - The email field's label.
 * @csspart input - The email field.
 * @csspart submit - The submit button.
 * @csspart field-error - The browser's validation message for the email field.
 * @csspart message - The live region announcing the outcome (also has the class `success` or `error`).
 *
 * @cssprop [--mag-subscribe-form-gap=var(--mag-space-s)] - Space between the parts of the form.
 * @cssprop [--mag-subscribe-form-input-border=1px solid currentColor] - Border of the email field.
 * @cssprop [--mag-subscribe-form-input-background=transparent] - Background of the email field.
 *
 * @fires {MagSubscribeEvent} mag-subscribe - A valid address was submitted: `event.email`. Cancelable: `preventDefault()` to handle it yourself, `event.respondWith(promise)` to have the element show your outcome. Not fired for invalid addresses or honeypot submissions.
 */
export class MagSubscribeForm extends MagElement {
  static override styles = [...MagElement.styles, subscribeFormStyles];

  /** The title; the `heading` slot replaces it. Default: "Subscribe by email" / "S'abonner par email". */
  @property() heading?: string;

  /** The level of the title for assistive technology (1–6, default 2). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /**
   * A URL to post the form to natively (a newsletter service's form action), instead of the data
   * source's `subscribe()`. Only http(s) and relative URLs are used.
   */
  @property() action?: string;

  /** The HTTP method of a native post (default: the child form's, else `post`). */
  @property() method?: string;

  /** Where a native post opens its answer: a frame name, `_blank`… (default: the child form's, else the page). */
  @property() target?: string;

  /** The name of the email field in a native post (default: the child form's email field name, else `email`). */
  @property({ attribute: 'field-name' }) fieldName?: string;

  @state() private _submitting = false;
  @state() private _outcome?: Outcome;
  @state() private _fieldError?: string;

  /** The subscription in flight, aborted when the element leaves the page. */
  private _controller?: AbortController;
  /** The data source whose capabilities were last asked for (see `willUpdate`). */
  private _askedSource?: unknown;

  private get _input() {
    return this.renderRoot?.querySelector<HTMLInputElement>('#email');
  }

  private get _honeypot() {
    return this.renderRoot?.querySelector<HTMLInputElement>('#hp');
  }

  private get _form() {
    return this.renderRoot?.querySelector<HTMLFormElement>('form');
  }

  /** Reads the child form and the data source's capabilities again, and clears the outcome shown. */
  refresh(): void {
    this._outcome = undefined;
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._controller?.abort();
  }

  /** The integrator's child `<form>`, used when scripts do not run and read for a native post. */
  private get _childForm(): HTMLFormElement | null {
    // A server render cannot read the page's markup: the child form is shown as it is (see render()).
    return isServer ? null : this.querySelector(':scope > form');
  }

  /** The URL of a native post, or undefined when the data source (or a host handler) subscribes. */
  private _nativeAction(): string | undefined {
    return safeUrl(this.action || (this.source?.canSubscribe ? undefined : this._childForm?.getAttribute('action')), ['http', 'https']);
  }

  private _onFallbackChange(): void {
    this.requestUpdate();
  }

  private _onInvalid(event: Event): void {
    event.preventDefault();
    const input = event.target as HTMLInputElement;
    // The browser's validity says what is wrong; the words are the element's, in the page's language.
    const t = this.localize.t;
    this._fieldError = input.validity.valueMissing ? t.emailMissing : t.emailInvalid;
    input.focus();
  }

  private _onInput(): void {
    if (this._fieldError !== undefined && this._input?.validity.valid) this._fieldError = undefined;
  }

  private _onSubmit(event: SubmitEvent): void {
    if (this._submitting) {
      event.preventDefault();
      return;
    }
    this._fieldError = undefined;
    if (this._honeypot?.value) {
      // A bot filled the field people cannot see: pretend it worked, send nothing.
      event.preventDefault();
      this._outcome = { kind: 'success', status: 'subscribed' };
      this._form?.reset();
      return;
    }
    const email = (this._input?.value ?? '').trim();
    const subscribeEvent = new MagSubscribeEvent(email);
    this.dispatchEvent(subscribeEvent);
    if (subscribeEvent.defaultPrevented) {
      event.preventDefault();
      const response = subscribeEvent.response;
      if (response) void this._run(() => response);
      return;
    }
    // A native post: the browser sends the form to `action`.
    if (this._nativeAction()) return;
    event.preventDefault();
    const source = this.source;
    if (!source) {
      this._outcome = { kind: 'error', error: new MagAdapterError('unsupported', 'This data source cannot subscribe addresses.') };
      return;
    }
    void this._run(async (signal) => {
      // A data file loaded lazily may not have said yet whether it has a subscribe endpoint; without
      // one, subscribe() fails with `unsupported`.
      if (!source.canSubscribe) await source.ready({ signal });
      return source.subscribe(email, { signal });
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Learn early whether the data source can subscribe (it decides between our form and a native post).
    const source = this.source;
    if (source && source !== this._askedSource && !source.canSubscribe) {
      this._askedSource = source;
      void source.ready().then(() => {
        if (source.canSubscribe && this.source === source) this.requestUpdate();
      });
    }
  }

  private async _run(call: (signal: AbortSignal) => Promise<SubscribeResult>): Promise<void> {
    this._submitting = true;
    this._outcome = undefined;
    const controller = new AbortController();
    this._controller = controller;
    try {
      const result = await call(controller.signal);
      this._outcome = { kind: 'success', status: result.status };
      this._form?.reset();
    } catch (error) {
      const magError = MagAdapterError.from(error);
      if (magError.code !== 'aborted') this._outcome = { kind: 'error', error: magError };
      // What the integrator must fix (an endpoint missing or failing) is said in the console, with its
      // address and status; a refusal of the address is the reader's to fix.
      if (!['aborted', 'rejected', 'duplicate', 'too-fast'].includes(magError.code)) console.warn(`<${this.localName}>: ${magError.message}`);
    } finally {
      if (this._controller === controller) this._controller = undefined;
      this._submitting = false;
    }
  }

  private _message(outcome: Outcome | undefined): string | TemplateResult | typeof nothing {
    if (!outcome) return nothing;
    const t = this.localize.t;
    if (outcome.kind === 'success') {
      return outcome.status === 'confirmation-sent' ? t.confirmationSent : outcome.status === 'already-subscribed' ? t.alreadySubscribed : t.subscribed;
    }
    const { error } = outcome;
    if (error.code === 'unsupported') return t.subscribeUnsupported;
    // The backend's own reason for refusing, shown as text.
    const reason = error.code === 'rejected' ? (error.reason ?? '') : '';
    return html`${errorMessage(t, error, t.subscribeErrors)}${reason ? html` <span class="reason">${reason}</span>` : nothing}`;
  }

  override render(): TemplateResult {
    const t = this.localize.t;
    const child = this._childForm;
    const action = this._nativeAction();
    const childEmail = child?.querySelector<HTMLInputElement>('input[type=email][name]');
    const hidden = action && child ? [...child.querySelectorAll<HTMLInputElement>('input[type=hidden][name]')] : [];
    const method = (this.method || child?.getAttribute('method') || 'post').toLowerCase() === 'get' ? 'get' : 'post';
    const target = this.target || child?.getAttribute('target') || undefined;
    const outcome = this._outcome;
    const invalid = this._fieldError !== undefined;
    if (isServer && !action) {
      // Rendered on a server, for readers without scripts: the page's own form (the default slot) is the
      // form; once scripts run, the element renders its own in its place.
      return html`<div class="base" part="base">
        ${renderSlottedHeading(this.headingLevel, this.heading || t.subscribeTitle)}
        <slot name="description"></slot>
        <slot></slot>
      </div>`;
    }
    return html`<div class="base" part="base">
      ${renderSlottedHeading(this.headingLevel, this.heading || t.subscribeTitle)}
      <slot name="description"></slot>
      <slot hidden @slotchange=${this._onFallbackChange}></slot>
      <form
        part="form"
        aria-labelledby="heading"
        action=${ifDefined(action)}
        method=${ifDefined(action ? method : undefined)}
        target=${ifDefined(action && target ? target : undefined)}
        aria-busy=${this._submitting ? 'true' : 'false'}
        @submit=${this._onSubmit}
      >
        <label part="label" for="email">${t.subscribeEmailLabel}</label>
        <div class="row">
          <input
            part="input"
            id="email"
            type="email"
            name=${this.fieldName || childEmail?.name || 'email'}
            autocomplete="email"
            required
            aria-invalid=${ifDefined(invalid ? 'true' : undefined)}
            aria-describedby=${ifDefined(invalid ? 'field-error' : undefined)}
            @invalid=${this._onInvalid}
            @input=${this._onInput}
          />
          <button part="submit" type="submit" aria-disabled=${ifDefined(this._submitting ? 'true' : undefined)}>
            ${this._submitting ? t.subscribing : t.subscribeButton}
          </button>
        </div>
        ${hidden.map((field) => html`<input type="hidden" name=${field.name} .value=${field.value} />`)}
        <p class="field-error" part="field-error" id="field-error" ?hidden=${!invalid}>${this._fieldError ?? ''}</p>
        ${renderHoneypot(t)}
        <p class="message ${outcome?.kind ?? ''}" part="message" role="status">${this._message(outcome)}</p>
      </form>
    </div>`;
  }
}
