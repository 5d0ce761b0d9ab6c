import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { live } from 'lit/directives/live.js';
import { MagAdapterError } from '../../core/errors.js';
import { MagElement } from '../../core/mag-element.js';
import type { Article, Comment, CommentDraft } from '../../core/model.js';
import type { MagInvalidateEvent, SharedAdapter } from '../../core/shared-adapter.js';
import { errorMessage, headingLevel, renderError, renderHeading, renderLoading } from '../../core/states.js';
import { commentThreadStyles, offscreenStyles } from './comment-thread.styles.js';
import { MagCommentPostedEvent, MagCommentSubmitEvent } from './comment-thread.events.js';
import { CommentEntries, replyButtonTarget } from './comment-entry.js';
import type { EntryContext } from './comment-entry.js';
import { planThread } from './thread-plan.js';
import type { ThreadGroup, ThreadNode, ThreadPlan } from './thread-plan.js';
import { ERROR, PENDING, idle } from '../../core/data-task.js';
import { prepareBlocks } from '../../core/sanitize.js';

type Field = 'authorName' | 'authorEmail' | 'authorUrl' | 'bodyText';
const FIELDS: readonly Field[] = ['authorName', 'authorEmail', 'authorUrl', 'bodyText'];
const INPUT_IDS: Record<Field, string> = { authorName: 'name', authorEmail: 'email', authorUrl: 'website', bodyText: 'comment' };

interface Draft extends Record<Field, string> {
  parentId?: string;
}

interface ThreadData {
  source: SharedAdapter;
  articleId: string;
  comments: Comment[];
  nextCursor?: string;
  total?: number;
  /** Pages loaded, so that a reload loads as many. */
  pages: number;
}

interface ArticleData {
  source: SharedAdapter;
  ref: string;
  article: Article;
}

interface FormMessage {
  kind: 'success' | 'error';
  text: string;
}

/** Comments rendered in the first update; the rest follows in later tasks, about `CHUNK` at a time. */
const FIRST_BATCH = 50;
const CHUNK = 250;
const GROUP_SIZE = 25;
const DRAFT_PREFIX = 'mag-comment-draft:';

const emptyDraft = (): Draft => ({ authorName: '', authorEmail: '', authorUrl: '', bodyText: '' });

// Listened to once on the list (load and error do not bubble: capture), not on every avatar.
const avatarEvents = {
  handleEvent(event: Event): void {
    const img = event.target as HTMLImageElement;
    // A missing or broken image: the initials behind it show.
    if (img.parentElement?.classList.contains('avatar')) img.hidden = event.type === 'error';
  },
  capture: true,
};

/**
 * The comments of an article, rendered in the page (no iframe: styleable, readable by search
 * engines): a heading that counts them, each comment with its avatar, author, date and text, replies
 * nested under their parent, paging, and, when comments are open and the adapter can post, a comment
 * form with replies. On the seed page it is Dulucq's comment, then "L'utilisation des commentaires
 * est désactivée pour cette note."
 *
 * Replies nest up to `max-depth`; deeper replies are shown at that depth and say whom they answer.
 * Bodies are untrusted HTML sanitized with the strict `comment` profile (no images, headings or
 * forms; only http(s) and mailto links survive, and they get `rel="nofollow ugc noopener"`). What a
 * reader types is kept in `sessionStorage` until it is posted, so it survives errors and reloads.
 * When comments are closed (by the article or the `disabled` attribute) the comments stay visible
 * with a notice. Long threads render their first comments at once and the rest in chunks, a task
 * each; `updateComplete` resolves when all are rendered.
 *
 * @summary The comments of an article: nested replies, paging, every state, and a comment form when comments are open.
 * @tag mag-comment-thread
 *
 * @fires {MagCommentSubmitEvent} mag-comment-submit - A valid comment is about to be posted (cancelable: call `preventDefault()` to post it yourself; the element then leaves the form as it is). `event.articleId`, `event.draft` (trimmed; `parentId` for a reply).
 * @fires {MagCommentPostedEvent} mag-comment-posted - A comment was posted (`event.comment.status` is `pending` when it awaits moderation).
 * @fires {MagLoadErrorEvent} mag-load-error - The comments or the article could not be loaded (`event.error` is a `MagAdapterError`).
 *
 * @csspart base - The wrapper (`aria-busy` while loading).
 * @csspart heading - The heading that counts the comments (level `heading-level`).
 * @csspart list - The list of comments.
 * @csspart comment - One comment (a list item, holding its replies).
 * @csspart replies - The nested list of replies of a comment.
 * @csspart avatar - The avatar (image, or initials when there is none or it fails).
 * @csspart author - The author's name (a link when the author has a URL).
 * @csspart date - The date of the comment (a `<time>`).
 * @csspart in-reply-to - "in reply to …" on a flattened reply.
 * @csspart pending-badge - "Awaiting moderation" on a comment the reader just posted.
 * @csspart body - The comment's text.
 * @csspart reply-button - The "Reply" button of a comment.
 * @csspart load-more - The button that loads the next page of comments.
 * @csspart empty - The "No comments yet" message.
 * @csspart closed-notice - The notice that comments are closed.
 * @csspart form - The comment form.
 * @csspart form-title - The heading of the form.
 * @csspart input - Each field of the form.
 * @csspart submit - The submit button.
 * @csspart cancel - The button that cancels a reply.
 * @csspart form-message - The result of posting (success, moderation, error).
 * @csspart loading - The loading placeholder.
 * @csspart error - The error message, with its retry button.
 * @csspart retry - The retry button.
 *
 * @cssprop [--mag-comment-thread-indent=var(--mag-space-l, 1.5rem)] - Indentation of each level of replies.
 * @cssprop [--mag-comment-thread-avatar-size=2.5rem] - Size of the avatars.
 * @cssprop [--mag-comment-thread-gap=var(--mag-space-m, 1rem)] - Space between comments.
 * @cssprop [--mag-comment-thread-border-color=color-mix(in srgb, currentColor 25%, transparent)] - Color of the avatar ring and the reply rule.
 * @cssprop [--mag-comment-thread-form-width=40rem] - Maximum width of the form.
 */
export class MagCommentThread extends MagElement {
  static override styles = [...MagElement.styles, commentThreadStyles, offscreenStyles];

  static override get properties() {
    return {
      articleId: { attribute: 'article-id' },
      disabled: { type: Boolean, reflect: true },
      headingLevel: { type: Number, attribute: 'heading-level' },
      order: {},
      maxDepth: { type: Number, attribute: 'max-depth' },
      hideClosedNoticeWhenEmpty: { type: Boolean, attribute: 'hide-closed-notice-when-empty' },
      _thread: { state: true },
      _posted: { state: true },
      _renderedGroups: { state: true },
      _loadingMore: { state: true },
      _moreError: { state: true },
      _replyTo: { state: true },
      _posting: { state: true },
      _closedMeanwhile: { state: true },
      _formMessage: { state: true },
      _fieldErrors: { state: true },
    };
  }

  /** The id (or slug) of the article whose comments are shown. */
  articleId?: string;

  /** Closes comments whatever the article says: no form, existing comments stay visible with a notice. */
  disabled = false;

  /** Level of the heading that counts the comments (1–6); the form's heading is one level below. */
  headingLevel = 2;

  /** Order of top-level comments: `oldest` first (default) or `newest` first. Replies are always oldest first. */
  order: 'oldest' | 'newest' = 'oldest';

  /** Deepest level of nested replies; deeper replies are shown at that level and name the author they answer. `0`: a flat list. */
  maxDepth = 3;

  /** When comments are closed and there are none, show nothing rather than the "comments are closed" notice. */
  hideClosedNoticeWhenEmpty = false;

  private _thread?: ThreadData;
  private _posted: Comment[] = [];
  private _renderedGroups = 0;
  private _loadingMore = false;
  private _moreError?: MagAdapterError;
  private _replyTo?: string;
  private _posting = false;
  private _closedMeanwhile = false;
  private _formMessage?: FormMessage;
  private _fieldErrors: Partial<Record<Field, string>> = {};

  #draft: Draft = emptyDraft();
  #draftFor?: string;
  #restoredAnnounce = false;
  #selfPosting = false;
  #moreController?: AbortController;
  #chunkHandle?: number;
  #chunkInFrame = false;
  #chunkWaiters: (() => void)[] = [];
  #planKey?: readonly unknown[];
  #plan: ThreadPlan = { groups: [], order: [] };
  #entries = new CommentEntries();
  /** What had the focus in the shadow root before the current update. */
  #focused?: Element | null;

  #article = this.dataTask(
    () => [this.source, this.articleId] as const,
    async ([source, ref], signal): Promise<ArticleData | typeof idle> => {
      if (!source || !ref) return idle;
      return { source, ref, article: await source.getArticle(ref, { signal }) };
    },
  );

  #comments = this.dataTask(
    () => [this.source, this.articleId] as const,
    async ([source, articleId], signal): Promise<ThreadData | typeof idle> => {
      if (!source || !articleId) return idle;
      this.#moreController?.abort();
      const previous = this.#currentThread(source, articleId);
      const wanted = previous ? previous.pages : 1;
      const comments: Comment[] = [];
      let cursor: string | undefined;
      let total: number | undefined;
      let pages = 0;
      do {
        const page = await source.listComments(articleId, cursor ? { cursor, signal } : { signal });
        comments.push(...page.comments);
        cursor = page.nextCursor;
        total = page.total;
        pages++;
      } while (cursor && pages < wanted);
      const data: ThreadData = { source, articleId, comments, pages, ...(cursor ? { nextCursor: cursor } : {}), ...(total !== undefined ? { total } : {}) };
      if (!signal.aborted) {
        this._thread = data;
        this._moreError = undefined;
      }
      return data;
    },
  );

  /**
   * Loads the comments (every page already shown) and the article again, keeping what is shown
   * (and the reader's draft) until the new data arrives.
   */
  refresh(): void {
    const source = this.source;
    if (!source || !this.articleId) return;
    source.invalidate('comments', this.articleId);
    source.invalidate('article', this.articleId);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#moreController?.abort();
    this.#cancelChunk();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.#scheduleChunk();
  }

  protected override dataChanged(event: MagInvalidateEvent): void {
    const id = this.articleId;
    if (!id) return;
    // After our own post the new comment is added in place: no reload, nothing shown is lost.
    if (event.affects('comments', id) && !this.#selfPosting) void this.#comments.run();
    if (event.affects('article', id)) void this.#article.run();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#focused = (this.renderRoot as ShadowRoot).activeElement;
    if (changed.has('articleId')) {
      if (changed.get('articleId') !== undefined) {
        this._posted = [];
        this._replyTo = undefined;
        this._closedMeanwhile = false;
        this._formMessage = undefined;
        this._fieldErrors = {};
        this._renderedGroups = 0;
      }
      this.#loadDraft();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // A group redrawn with DOM calls moves its comments into new list items, which takes the focus
    // away from a Reply button or a comment in them (see #renderGroup): give it back.
    const focused = this.#focused;
    this.#focused = undefined;
    if (focused instanceof HTMLElement && focused.isConnected && (this.renderRoot as ShadowRoot).activeElement !== focused) focused.focus({ preventScroll: true });
    this.#scheduleChunk();
    if (this.#restoredAnnounce && this.renderRoot.querySelector('form')) {
      this.#restoredAnnounce = false;
      this.#announce(this.localize.t.draftRestored);
    }
  }

  /** Resolves once every comment loaded is rendered (long threads render in chunks). */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    while (this.isConnected && this.#renderLimit() < this.#plan.groups.length) {
      await new Promise<void>((resolve) => this.#chunkWaiters.push(resolve));
      result = await super.getUpdateComplete();
    }
    return result;
  }

  // ---- data ----

  #currentThread(source = this.source, articleId = this.articleId): ThreadData | undefined {
    const thread = this._thread;
    return thread && thread.source === source && thread.articleId === articleId ? thread : undefined;
  }

  #currentArticle(): Article | undefined {
    const value = this.#article.value;
    return value && value.source === this.source && value.ref === this.articleId ? value.article : undefined;
  }

  /** The comments shown: those loaded, then those posted here that the loaded pages do not have yet. */
  #allComments(thread: ThreadData): readonly Comment[] {
    if (!this._posted.length) return thread.comments;
    const ids = new Set(thread.comments.map((c) => c.id));
    const extra = this._posted.filter((c) => !ids.has(c.id));
    return extra.length ? [...thread.comments, ...extra] : thread.comments;
  }

  #planFor(thread: ThreadData): ThreadPlan {
    const comments = this.#allComments(thread);
    const key = [thread.comments, this._posted, this.order, this.maxDepth];
    if (!this.#planKey || key.some((v, i) => v !== this.#planKey![i])) {
      this.#planKey = key;
      this.#plan = planThread(comments, { newestFirst: this.order === 'newest', maxDepth: this.maxDepth, groupSize: GROUP_SIZE });
    }
    return this.#plan;
  }

  #count(thread: ThreadData, article: Article | undefined): number | undefined {
    let extra = 0;
    if (this._posted.length) {
      const ids = new Set(thread.comments.map((c) => c.id));
      extra = this._posted.filter((c) => c.status !== 'pending' && !ids.has(c.id)).length;
    }
    const base = thread.total ?? (thread.nextCursor ? article?.commentCount : thread.comments.filter((c) => c.status !== 'pending').length);
    return base === undefined ? undefined : base + extra;
  }

  async #loadMore(): Promise<void> {
    const thread = this.#currentThread();
    if (!thread?.nextCursor || this._loadingMore) return;
    const before = new Set(this.#allComments(thread).map((c) => c.id));
    this.#moreController?.abort();
    const controller = (this.#moreController = new AbortController());
    this._loadingMore = true;
    this._moreError = undefined;
    try {
      const page = await thread.source.listComments(thread.articleId, { cursor: thread.nextCursor, signal: controller.signal });
      if (controller.signal.aborted || this._thread !== thread) return;
      const { nextCursor, total } = page;
      this._thread = {
        ...thread,
        comments: [...thread.comments, ...page.comments],
        pages: thread.pages + 1,
        ...(nextCursor ? { nextCursor } : { nextCursor: undefined }),
        ...(total !== undefined ? { total } : {}),
      };
      this._loadingMore = false;
      await this.updateComplete;
      const added = this.#plan.order.filter((id) => !before.has(id));
      this.#announce(this.localize.t.commentsAdded(added.length));
      if (added.length) this.#focusComment(added[0]);
      else this.renderRoot.querySelector<HTMLElement>('.comments')?.focus();
    } catch (error) {
      if (controller.signal.aborted) return;
      this._moreError = this.reportError(error);
    } finally {
      if (this.#moreController === controller) {
        this.#moreController = undefined;
        this._loadingMore = false;
      }
    }
  }

  #retry = (): void => {
    if (this.#article.status === ERROR) void this.#article.run();
    if (this.#comments.status === ERROR) void this.#comments.run();
  };

  // ---- chunked rendering ----

  #renderLimit(): number {
    if (this._renderedGroups > 0) return this._renderedGroups;
    let n = 0;
    let size = 0;
    for (const group of this.#plan.groups) {
      if (size >= FIRST_BATCH) break;
      size += group.size;
      n++;
    }
    return n;
  }

  #scheduleChunk(): void {
    if (this.#chunkHandle !== undefined || !this.isConnected) return;
    if (this.#renderLimit() >= this.#plan.groups.length) {
      this.#releaseWaiters();
      return;
    }
    const run = () => {
      this.#chunkHandle = undefined;
      let n = this.#renderLimit();
      let size = 0;
      while (n < this.#plan.groups.length && size < CHUNK) size += this.#plan.groups[n++].size;
      this._renderedGroups = n;
    };
    // A macrotask, not requestIdleCallback: the page paints and handles input between chunks, but
    // the thread is not left waiting for idle time (a full render stays close to a one-pass render).
    // Once the first screen is shown, each chunk is a task posted right away: a chunk is long enough
    // for the browser to render a frame (and handle input) before the next task, without waiting
    // for that frame's animation callbacks first (that wait cost about 20–40 ms per chunk).
    if (this._renderedGroups > 0) {
      this.#chunkHandle = window.setTimeout(run, 0);
      return;
    }
    // The first chunk waits for the next frame, so that the first screen is painted before it: a
    // task posted right after the first render runs before the browser paints it.
    this.#chunkInFrame = true;
    this.#chunkHandle = requestAnimationFrame(() => {
      this.#chunkInFrame = false;
      this.#chunkHandle = window.setTimeout(run, 0);
    });
  }

  #cancelChunk(): void {
    if (this.#chunkHandle === undefined) return;
    if (this.#chunkInFrame) cancelAnimationFrame(this.#chunkHandle);
    else clearTimeout(this.#chunkHandle);
    this.#chunkHandle = undefined;
    this.#releaseWaiters();
  }

  #releaseWaiters(): void {
    const waiters = this.#chunkWaiters;
    this.#chunkWaiters = [];
    for (const resolve of waiters) resolve();
  }

  // ---- draft ----

  #storageKey(): string | undefined {
    return this.articleId ? DRAFT_PREFIX + this.articleId : undefined;
  }

  #loadDraft(): void {
    if (this.#draftFor === this.articleId) return;
    this.#draftFor = this.articleId;
    this.#draft = emptyDraft();
    const key = this.#storageKey();
    if (!key) return;
    try {
      const saved = JSON.parse(sessionStorage.getItem(key) ?? 'null') as Partial<Draft> | null;
      if (saved && typeof saved === 'object') {
        for (const field of FIELDS) if (typeof saved[field] === 'string') this.#draft[field] = saved[field];
        if (typeof saved.parentId === 'string') this.#draft.parentId = saved.parentId;
        this.#restoredAnnounce = this.#draft.bodyText.trim() !== '';
        if (this.#draft.parentId) this._replyTo = this.#draft.parentId;
      }
    } catch {
      // No storage (private mode, sandboxed frame) or a corrupt entry: start empty.
    }
  }

  #saveDraft(): void {
    const key = this.#storageKey();
    if (!key) return;
    try {
      const { parentId, ...fields } = this.#draft;
      const replyTo = this._replyTo ?? parentId;
      const draft = replyTo !== undefined ? { ...fields, parentId: replyTo } : fields;
      if (FIELDS.some((f) => this.#draft[f])) sessionStorage.setItem(key, JSON.stringify(draft));
      else sessionStorage.removeItem(key);
    } catch {
      // Storage full or unavailable: the text still stays in the form.
    }
  }

  #clearDraft(): void {
    const key = this.#storageKey();
    try {
      if (key) sessionStorage.removeItem(key);
    } catch {
      // Nothing to clear.
    }
  }

  // ---- form ----

  #onInput = (event: Event): void => {
    const target = event.target as HTMLInputElement | HTMLTextAreaElement;
    const field = target.name as Field;
    if (!FIELDS.includes(field)) return;
    this.#draft[field] = target.value;
    this.#saveDraft();
    if (this._fieldErrors[field] && target.checkValidity()) {
      const { [field]: _removed, ...rest } = this._fieldErrors;
      this._fieldErrors = rest;
    }
  };

  #onInvalid = (event: Event): void => {
    const target = event.target as HTMLInputElement | HTMLTextAreaElement;
    const field = target.name as Field;
    if (FIELDS.includes(field)) this._fieldErrors = { ...this._fieldErrors, [field]: this.localize.t.fieldRejected(this.#label(field)) };
  };

  #onFormKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this._replyTo !== undefined) {
      event.preventDefault();
      this.#cancelReply();
    }
  };

  #label(field: Field): string {
    const t = this.localize.t;
    return { authorName: t.nameLabel, authorEmail: t.emailLabel, authorUrl: t.websiteLabel, bodyText: t.commentLabel }[field];
  }

  async #startReply(id: string): Promise<void> {
    this._replyTo = id;
    this._formMessage = undefined;
    this.#saveDraft();
    await this.updateComplete;
    const form = this.renderRoot.querySelector('form');
    const first = form?.querySelector<HTMLInputElement>('#name');
    (first && !first.value ? first : form?.querySelector<HTMLTextAreaElement>('#comment'))?.focus();
  }

  #cancelReply(): void {
    const id = this._replyTo;
    this._replyTo = undefined;
    this.#draft.parentId = undefined;
    this.#saveDraft();
    if (id === undefined) return;
    void this.updateComplete.then(() => {
      this.renderRoot.querySelector<HTMLElement>(`[data-comment-id="${CSS.escape(id)}"] .reply`)?.focus();
    });
  }

  async #onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const source = this.source;
    const articleId = this.articleId;
    if (this._posting || !source || !articleId) return;
    const form = event.target as HTMLFormElement;
    // Browsers validate before `submit`; this covers a submit with validation off (novalidate, requestSubmit polyfills).
    if (!form.checkValidity()) return;
    const d = this.#draft;
    const draft: CommentDraft = { authorName: d.authorName.trim(), bodyText: d.bodyText.trim() };
    if (d.authorEmail.trim()) draft.authorEmail = d.authorEmail.trim();
    if (d.authorUrl.trim()) draft.authorUrl = d.authorUrl.trim();
    if (this._replyTo !== undefined) draft.parentId = this._replyTo;
    this._formMessage = undefined;
    this._fieldErrors = {};
    const submitEvent = new MagCommentSubmitEvent(articleId, draft);
    if (!this.dispatchEvent(submitEvent)) return;
    this._posting = true;
    let comment: Comment;
    try {
      // The provider fires its invalidation inside postComment, just before it resolves.
      this.#selfPosting = true;
      comment = await source.postComment(articleId, draft);
      this.#selfPosting = false;
    } catch (error) {
      this.#selfPosting = false;
      this._posting = false;
      if (this.articleId === articleId) this.#postFailed(MagAdapterError.from(error));
      return;
    }
    this._posting = false;
    if (this.articleId !== articleId) return;
    this.#posted(comment, articleId);
  }

  #posted(comment: Comment, articleId: string): void {
    const t = this.localize.t;
    const pending = comment.status === 'pending';
    this._posted = [...this._posted, comment];
    this.#draft = { ...this.#draft, bodyText: '', parentId: undefined };
    this.#clearDraft();
    this._replyTo = undefined;
    this._formMessage = { kind: 'success', text: pending ? t.commentPending : t.commentPosted };
    const postedEvent = new MagCommentPostedEvent(articleId, comment);
    this.dispatchEvent(postedEvent);
    void this.updateComplete.then(() => this.#focusComment(comment.id));
  }

  #postFailed(error: MagAdapterError): void {
    const t = this.localize.t;
    if (error.code === 'aborted') return;
    if (error.code === 'closed') this._closedMeanwhile = true;
    const field = error.field === 'authorName' || error.field === 'authorEmail' || error.field === 'authorUrl' || error.field === 'bodyText' ? error.field : undefined;
    let text = t.commentErrors[error.code] ?? errorMessage(t, error);
    if (field) {
      text = `${t.commentErrors.rejected ?? t.errors.rejected} ${t.fieldRejected(this.#label(field))}`;
      this._fieldErrors = { [field]: t.fieldRejected(this.#label(field)) };
    }
    this._formMessage = { kind: 'error', text };
    void this.updateComplete.then(() => {
      if (field) this.renderRoot.querySelector<HTMLElement>(`#${INPUT_IDS[field]}`)?.focus();
    });
  }

  // ---- helpers ----

  #focusComment(id: string): void {
    this.renderRoot.querySelector<HTMLElement>(`article[data-comment-id="${CSS.escape(id)}"]`)?.focus();
  }

  #announce(text: string): void {
    const region = this.renderRoot.querySelector('.live');
    if (!region) return;
    region.textContent = '';
    // A change after a pause is announced even when the text is the same as last time.
    setTimeout(() => (region.textContent = text), 50);
  }

  // ---- rendering ----

  protected override render(): TemplateResult {
    const t = this.localize.t;
    const thread = this.#currentThread();
    const article = this.#currentArticle();
    const busy = this.#comments.status === PENDING || this.#article.status === PENDING;
    let content: unknown;
    if (!thread || (!article && this.#article.status !== ERROR)) {
      const error = this.#comments.status === ERROR && !thread ? this.#comments.error : this.#article.status === ERROR ? this.#article.error : undefined;
      content = error ? renderError(t, MagAdapterError.from(error), this.#retry) : renderLoading(t);
    } else {
      content = this.#renderThread(thread, article);
    }
    return html`<div class="thread" part="base" aria-busy=${busy ? 'true' : 'false'}>
      ${content}
      <div class="live visually-hidden" role="status" aria-live="polite"></div>
    </div>`;
  }

  #renderThread(thread: ThreadData, article: Article | undefined): TemplateResult {
    const t = this.localize.t;
    const plan = this.#planFor(thread);
    const count = this.#count(thread, article);
    const articleError = this.#article.status === ERROR ? MagAdapterError.from(this.#article.error) : undefined;
    const commentsError = this.#comments.status === ERROR ? MagAdapterError.from(this.#comments.error) : undefined;
    const closed = this.disabled || this._closedMeanwhile || article?.commentsOpen === false;
    const canPost = !closed && article?.commentsOpen === true && !!this.source?.canPostComment;
    const empty = plan.order.length === 0;
    const replyTo = canPost && this._replyTo !== undefined && plan.order.includes(this._replyTo) ? this._replyTo : undefined;
    const limit = Math.min(this.#renderLimit(), plan.groups.length);
    const lang = this.localize.lang;
    const showClosedNotice = closed && !(empty && this.hideClosedNoticeWhenEmpty);
    // Closed with an unsent comment (closed meanwhile, or reloaded since): keep the text readable and copyable.
    const keepReadOnly = closed && this.#draft.bodyText.trim() !== '';

    if (empty && closed && !showClosedNotice) return html``;
    return html`
      ${commentsError || articleError ? renderError(t, (commentsError ?? articleError)!, this.#retry) : nothing}
      ${this.#heading(0, 'heading', count === undefined || (count === 0 && empty) ? t.comments : t.commentCount(count))}
      ${empty
        ? closed
          ? nothing
          : html`<p part="empty" class="empty">${t.noComments}</p>`
        : html`<ol class="comments" part="list" tabindex="-1" @load=${avatarEvents} @error=${avatarEvents} @click=${this.#onListClick}>
            ${plan.groups
              .slice(0, limit)
              .map((group) =>
                guard([group, lang, canPost, group.ids.has(replyTo ?? '') ? {} : undefined], () =>
                  this.#renderGroup(group, { host: this, lang, t, now: new Date(), canPost, replyTo }),
                ),
              )}
          </ol>`}
      ${thread.nextCursor
        ? html`<div class="more">
            ${this._moreError ? html`<p role="alert" class="form-message error">${errorMessage(t, this._moreError)}</p>` : nothing}
            <button
              type="button"
              part="load-more"
              aria-disabled=${this._loadingMore ? 'true' : 'false'}
              @click=${() => void this.#loadMore()}
            >
              ${this._loadingMore ? t.loading : this._moreError ? t.retry : t.loadMoreComments}
            </button>
          </div>`
        : nothing}
      ${showClosedNotice ? html`<p class="notice" part="closed-notice">${t.commentsClosed}</p>` : nothing}
      ${canPost && replyTo === undefined ? this.#renderForm(undefined) : nothing}
      ${keepReadOnly ? this.#renderForm(undefined, true) : nothing}
      ${!canPost && !keepReadOnly && this._formMessage ? this.#renderMessage() : nothing}
    `;
  }

  /** A heading `offset` levels below `heading-level`. */
  #heading(offset: number, part: string, text: string, id?: string): TemplateResult {
    return renderHeading(headingLevel(this.headingLevel, 2) + offset, part, text, id);
  }

  /**
   * The list items of a group. The group holding the comment being answered is a Lit template (the
   * reply form in it is one); any other group is built with DOM calls, a fragment of list items
   * around the kept entries: one Lit part per group instead of four per comment (a long thread
   * renders about a third faster, with no marker comments between its items). Lit commits the
   * fragment once, and `guard()` keeps it until the group changes.
   */
  #renderGroup(group: ThreadGroup, context: EntryContext): TemplateResult | DocumentFragment {
    // The bodies of the group's comments are sanitized together (one sanitizer pass, not one per comment).
    const bodies: { owner: Comment; html: string }[] = [];
    const collect = (nodes: ThreadNode[]): void => {
      for (const { comment, children } of nodes) {
        bodies.push({ owner: comment, html: comment.bodyHtml });
        collect(children);
      }
    };
    collect(group.nodes);
    prepareBlocks(this, bodies, 'comment');
    if (context.replyTo !== undefined && group.ids.has(context.replyTo)) return html`${group.nodes.map((node) => this.#renderNode(node, context))}`;
    const fragment = document.createDocumentFragment();
    for (const node of group.nodes) fragment.append(this.#item(node, context));
    return fragment;
  }

  /** A comment's list item, with its replies, as #renderNode renders it but without the reply form. */
  #item(node: ThreadNode, context: EntryContext): HTMLLIElement {
    const li = document.createElement('li');
    li.className = `comment depth-${node.depth}`;
    li.setAttribute('part', 'comment');
    li.append(this.#entries.get(node.comment, node.inReplyTo, context));
    if (node.children.length) {
      const replies = document.createElement('ol');
      replies.className = 'replies';
      replies.setAttribute('part', 'replies');
      for (const child of node.children) replies.append(this.#item(child, context));
      li.append(replies);
    }
    return li;
  }

  // The comment itself is a node built and kept by #entries (see comment-entry.ts); the list item
  // around it holds the reply form when it is answered, and its replies.
  #renderNode(node: ThreadNode, context: EntryContext): TemplateResult {
    const c = node.comment;
    return html`<li class=${`comment depth-${node.depth}`} part="comment"
      >${this.#entries.get(c, node.inReplyTo, context)}${context.replyTo === c.id ? this.#renderForm(c) : nothing}${node.children.length
        ? html`<ol class="replies" part="replies">${node.children.map((child) => this.#renderNode(child, context))}</ol>`
        : nothing}</li
    >`;
  }

  // The Reply buttons are listened to once, on the list.
  #onListClick = (event: Event): void => {
    const id = replyButtonTarget(event.target);
    if (id !== undefined) void this.#startReply(id);
  };

  #renderMessage(): TemplateResult | typeof nothing {
    const message = this._formMessage;
    if (!message) return nothing;
    return message.kind === 'error'
      ? html`<p class="form-message error" part="form-message" role="alert">${message.text}</p>`
      : html`<p class="form-message" part="form-message" role="status">${message.text}</p>`;
  }

  #renderField(field: Field, type: 'text' | 'email' | 'url' | 'textarea', options: { required: boolean; autocomplete?: 'name' | 'email' | 'url'; hint?: string; readonly: boolean }): TemplateResult {
    const t = this.localize.t;
    const id = INPUT_IDS[field];
    const error = this._fieldErrors[field];
    const described = [options.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
    const label = options.required ? this.#label(field) : `${this.#label(field)} (${t.optional})`;
    const value = this.#draft[field];
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
            aria-describedby=${described || nothing}
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
            aria-describedby=${described || nothing}
            .value=${live(value)}
          />`}
      ${error ? html`<span class="field-error" id=${`${id}-error`}>${error}</span>` : nothing}
    </p>`;
  }

  #renderForm(parent: Comment | undefined, readonly = false): TemplateResult {
    const t = this.localize.t;
    const opts = { readonly };
    return html`<form
      class="form"
      part="form"
      aria-labelledby="form-title"
      @submit=${(e: SubmitEvent) => void this.#onSubmit(e)}
      @input=${this.#onInput}
      @invalid=${{ handleEvent: this.#onInvalid, capture: true }}
      @keydown=${this.#onFormKeydown}
    >
      ${this.#heading(1, 'form-title', parent ? t.replyTo(parent.author.name) : t.leaveComment, 'form-title')}
      ${this.#renderField('authorName', 'text', { ...opts, required: true, autocomplete: 'name' })}
      ${this.#renderField('authorEmail', 'email', { ...opts, required: true, autocomplete: 'email', hint: t.emailHint })}
      ${this.#renderField('authorUrl', 'url', { ...opts, required: false, autocomplete: 'url' })}
      ${this.#renderField('bodyText', 'textarea', { ...opts, required: true })}
      ${this.#renderMessage()}
      ${readonly
        ? nothing
        : html`<div class="actions">
            <button type="submit" part="submit" aria-disabled=${this._posting ? 'true' : 'false'}>
              ${this._posting ? t.posting : t.postComment}
            </button>
            ${parent ? html`<button type="button" part="cancel" @click=${() => this.#cancelReply()}>${t.cancelReply}</button>` : nothing}
          </div>`}
    </form>`;
  }
}
