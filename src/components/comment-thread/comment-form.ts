import { html, nothing } from 'lit';
import type { LitElement, ReactiveController, TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { MagAdapterError } from '../../core/errors.js';
import type { MagTranslation } from '../../core/localize.js';
import type { Comment, CommentDraft } from '../../core/model.js';
import { errorMessage, renderHoneypot } from '../../core/states.js';
import { MagCommentPostedEvent, MagCommentSubmitEvent } from './comment-thread.events.js';
import { DRAFT_FIELDS, draftStore, emptyDraft } from './draft-store.js';
import type { Draft, DraftField } from './draft-store.js';

/** The ids of the form's fields (their labels point at them; tests and hosts may too). */
const INPUT_IDS: Record<DraftField, string> = { authorName: 'name', authorEmail: 'email', authorUrl: 'website', bodyText: 'comment' };

interface FormMessage {
  kind: 'success' | 'error';
  text: string;
}

export interface CommentFormOptions {
  /** The strings of the element's language. */
  translation(): MagTranslation;
  /** The form's heading, with the given text and the id `form-title`. */
  heading(text: string): TemplateResult;
  /** Posts the comment (rejects with a `MagAdapterError`). */
  post(articleId: string, draft: CommentDraft): Promise<Comment>;
  /** Called once a comment was posted (the element shows it). */
  posted(comment: Comment): void;
}

/**
 * The comment form of `<mag-comment-thread>`: what the reader types (kept per article in
 * `sessionStorage` until it is posted, so it survives errors and reloads), the comment answered, the
 * browser's validation with a message on each invalid field, posting, and its outcome. The element
 * renders it (`render()`) under the thread or under the comment answered.
 */
export class CommentForm implements ReactiveController {
  /** The id of the comment being answered, if any. */
  replyTo?: string;
  /** True when posting failed because comments were closed meanwhile. */
  closedMeanwhile = false;
  /** The outcome of the last post (shown in the form, or alone once the form is gone). */
  message?: FormMessage;

  private _draft: Draft = emptyDraft();
  private _articleId?: string;
  private _posting = false;
  private _fieldErrors: Partial<Record<DraftField, string>> = {};
  /** Set when a draft with text was restored: announced once the form is shown. */
  private _announceRestored = false;

  constructor(
    private readonly host: LitElement,
    private readonly options: CommentFormOptions,
  ) {
    host.addController(this);
  }

  /** True when the reader has typed a comment that is not posted. */
  get hasUnsentText(): boolean {
    return this._draft.bodyText.trim() !== '';
  }

  /** Makes the form the one of `articleId`: its saved draft, and nothing else of another article's. */
  open(articleId: string | undefined): void {
    if (articleId === this._articleId) return;
    const first = this._articleId === undefined;
    this._articleId = articleId;
    this._draft = (articleId && draftStore.load(articleId)) || emptyDraft();
    this._announceRestored = this.hasUnsentText;
    this.replyTo = this._draft.parentId;
    if (!first) {
      this.closedMeanwhile = false;
      this.message = undefined;
      this._fieldErrors = {};
    }
  }

  hostUpdated(): void {
    if (this._announceRestored && this.host.renderRoot.querySelector('form')) {
      this._announceRestored = false;
      this.announce(this.options.translation().draftRestored);
    }
  }

  /** Says `text` through the element's polite live region. */
  announce(text: string): void {
    const region = this.host.renderRoot.querySelector('.live');
    if (!region) return;
    region.textContent = '';
    // A change after a pause is announced even when the text is the same as last time.
    setTimeout(() => (region.textContent = text), 50);
  }

  /** Moves the form under comment `id`, and the focus into it. */
  async startReply(id: string): Promise<void> {
    this.replyTo = id;
    this.message = undefined;
    this._save();
    this.host.requestUpdate();
    await this.host.updateComplete;
    const form = this.host.renderRoot.querySelector('form');
    const name = form?.querySelector<HTMLInputElement>('#name');
    (name && !name.value ? name : form?.querySelector<HTMLTextAreaElement>('#comment'))?.focus();
  }

  /** Takes the form back under the thread, and the focus back to the answered comment's Reply button. */
  cancelReply(): void {
    const id = this.replyTo;
    this.replyTo = undefined;
    this._draft.parentId = undefined;
    this._save();
    this.host.requestUpdate();
    if (id === undefined) return;
    void this.host.updateComplete.then(() => {
      this.host.renderRoot.querySelector<HTMLElement>(`[data-comment-id="${CSS.escape(id)}"] .reply`)?.focus();
    });
  }

  /** The outcome message alone (shown when the form is gone, for example after comments closed). */
  renderMessage(): TemplateResult | typeof nothing {
    const message = this.message;
    if (!message) return nothing;
    return message.kind === 'error'
      ? html`<p class="form-message error" part="form-message" role="alert">${message.text}</p>`
      : html`<p class="form-message" part="form-message" role="status">${message.text}</p>`;
  }

  /** The form, answering `parent` when given; `readonly` keeps an unsent text readable once comments closed. */
  render(parent: Comment | undefined, readonly = false): TemplateResult {
    const t = this.options.translation();
    return html`<form
      class="form"
      part="form"
      aria-labelledby="form-title"
      @submit=${this._onSubmit}
      @input=${this._onInput}
      @invalid=${{ handleEvent: this._onInvalid, capture: true }}
      @keydown=${this._onKeydown}
    >
      ${this.options.heading(parent ? t.replyTo(parent.author.name ?? t.anonymous) : t.leaveComment)}
      ${this._renderField('authorName', 'text', { readonly, required: true, autocomplete: 'name' })}
      ${this._renderField('authorEmail', 'email', { readonly, required: true, autocomplete: 'email', hint: t.emailHint })}
      ${this._renderField('authorUrl', 'url', { readonly, required: false, autocomplete: 'url' })}
      ${this._renderField('bodyText', 'textarea', { readonly, required: true })}
      ${renderHoneypot(t)}
      ${this.renderMessage()}
      ${readonly
        ? nothing
        : html`<div class="actions">
            <button type="submit" part="submit" aria-disabled=${this._posting ? 'true' : 'false'}>
              ${this._posting ? t.posting : t.postComment}
            </button>
            ${parent ? html`<button type="button" part="cancel" @click=${this._onCancel}>${t.cancelReply}</button>` : nothing}
          </div>`}
    </form>`;
  }

  private _label(field: DraftField): string {
    const t = this.options.translation();
    return { authorName: t.nameLabel, authorEmail: t.emailLabel, authorUrl: t.websiteLabel, bodyText: t.commentLabel }[field];
  }

  private _renderField(
    field: DraftField,
    type: 'text' | 'email' | 'url' | 'textarea',
    options: { required: boolean; readonly: boolean; autocomplete?: 'name' | 'email' | 'url'; hint?: string },
  ): TemplateResult {
    const t = this.options.translation();
    const id = INPUT_IDS[field];
    const error = this._fieldErrors[field];
    const describedBy = [options.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
    const label = options.required ? this._label(field) : `${this._label(field)} (${t.optional})`;
    const value = this._draft[field];
    return html`<p class="field">
      <label for=${id}>${label}</label>
      ${options.hint ? html`<span class="hint" id=${`${id}-hint`}>${options.hint}</span>` : nothing}
      ${type === 'textarea'
        ? html`<textarea
            id=${id}
            name=${field}
            part="input"
            rows="6"
            maxlength="20000"
            ?required=${options.required}
            ?readonly=${options.readonly}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${describedBy || nothing}
            .value=${live(value)}
          ></textarea>`
        : html`<input
            id=${id}
            name=${field}
            part="input"
            type=${type}
            maxlength="500"
            autocomplete=${options.autocomplete ?? 'off'}
            ?required=${options.required}
            ?readonly=${options.readonly}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${describedBy || nothing}
            .value=${live(value)}
          />`}
      ${error ? html`<span class="field-error" id=${`${id}-error`}>${error}</span>` : nothing}
    </p>`;
  }

  /** Saves the draft, with the comment answered. */
  private _save(): void {
    if (!this._articleId) return;
    const parentId = this.replyTo ?? this._draft.parentId;
    draftStore.save(this._articleId, { ...this._draft, parentId });
  }

  // Listeners of the form's template: arrow functions, since Lit calls them with the element as `this`.

  private _onInput = (event: Event): void => {
    const target = event.target as HTMLInputElement | HTMLTextAreaElement;
    const field = target.name as DraftField;
    if (!DRAFT_FIELDS.includes(field)) return;
    this._draft[field] = target.value;
    this._save();
    if (this._fieldErrors[field] && target.checkValidity()) {
      const { [field]: _fixed, ...others } = this._fieldErrors;
      this._fieldErrors = others;
      this.host.requestUpdate();
    }
  };

  private _onInvalid = (event: Event): void => {
    const field = (event.target as HTMLInputElement | HTMLTextAreaElement).name as DraftField;
    if (!DRAFT_FIELDS.includes(field)) return;
    this._fieldErrors = { ...this._fieldErrors, [field]: this.options.translation().fieldRejected(this._label(field)) };
    this.host.requestUpdate();
  };

  private _onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.replyTo !== undefined) {
      event.preventDefault();
      this.cancelReply();
    }
  };

  private _onCancel = (): void => {
    this.cancelReply();
  };

  private _onSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const articleId = this._articleId;
    if (this._posting || !articleId) return;
    // Browsers validate before `submit`; this covers a submit with validation off (novalidate, requestSubmit polyfills).
    if (!(event.target as HTMLFormElement).checkValidity()) return;
    const fields = this._draft;
    const draft: CommentDraft = { authorName: fields.authorName.trim(), bodyText: fields.bodyText.trim() };
    if (fields.authorEmail.trim()) draft.authorEmail = fields.authorEmail.trim();
    if (fields.authorUrl.trim()) draft.authorUrl = fields.authorUrl.trim();
    if (this.replyTo !== undefined) draft.parentId = this.replyTo;
    const honeypot = (event.target as HTMLFormElement).querySelector<HTMLInputElement>('#hp')?.value;
    if (honeypot) draft.honeypot = honeypot;
    this.message = undefined;
    this._fieldErrors = {};
    const submitEvent = new MagCommentSubmitEvent(articleId, draft);
    if (!this.host.dispatchEvent(submitEvent)) {
      this.host.requestUpdate();
      return;
    }
    this._posting = true;
    this.host.requestUpdate();
    let comment: Comment;
    try {
      comment = await this.options.post(articleId, draft);
    } catch (error) {
      this._posting = false;
      if (this._articleId === articleId) this._failed(MagAdapterError.from(error));
      this.host.requestUpdate();
      return;
    }
    this._posting = false;
    if (this._articleId === articleId) this._succeeded(articleId, comment);
    this.host.requestUpdate();
  };

  private _succeeded(articleId: string, comment: Comment): void {
    const t = this.options.translation();
    // The name, e-mail and website stay for the next comment; the stored draft goes.
    this._draft = { ...this._draft, bodyText: '', parentId: undefined };
    draftStore.clear(articleId);
    this.replyTo = undefined;
    this.message = { kind: 'success', text: comment.status === 'pending' ? t.commentPending : t.commentPosted };
    this.options.posted(comment);
    const postedEvent = new MagCommentPostedEvent(articleId, comment);
    this.host.dispatchEvent(postedEvent);
  }

  private _failed(error: MagAdapterError): void {
    if (error.code === 'aborted') return;
    const t = this.options.translation();
    if (error.code === 'closed') this.closedMeanwhile = true;
    const field = DRAFT_FIELDS.find((name) => name === error.field);
    if (field) {
      this.message = { kind: 'error', text: `${t.commentErrors.rejected ?? t.errors.rejected} ${t.fieldRejected(this._label(field))}` };
      this._fieldErrors = { [field]: t.fieldRejected(this._label(field)) };
      void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>(`#${INPUT_IDS[field]}`)?.focus());
    } else {
      // A refusal with the backend's own reason (a spam filter's message, "you must be logged in") says it.
      const reason = error.code === 'rejected' && error.reason ? ` ${error.reason}` : '';
      this.message = { kind: 'error', text: errorMessage(t, error, t.commentErrors) + reason };
    }
  }
}
