import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { MagAdapterError } from '../../core/errors.js';
import { MagElement } from '../../core/mag-element.js';
import type { Article, Comment } from '../../core/model.js';
import { prepareBlocks } from '../../core/sanitize.js';
import type { MagInvalidateEvent } from '../../core/shared-adapter.js';
import { errorMessage, headingLevel, renderError, renderHeading, renderLoading } from '../../core/states.js';
import { WEB, safeUrl } from '../../core/url.js';
import { ChunkedReveal } from './chunked-reveal.js';
import { CommentForm } from './comment-form.js';
import { renderBlocks, replyButtonTarget } from './comment-list.js';
import { commentThreadStyles, offscreenStyles } from './comment-thread.styles.js';
import { FocusKeeper } from './focus-keeper.js';
import { commentCount, fromFirstPage, loadPages, withNextPage, withPosted } from './thread-data.js';
import type { LoadedComments } from './thread-data.js';
import { planThread } from './thread-plan.js';
import type { ThreadPlan } from './thread-plan.js';

/**
 * Comments rendered by the first update; the rest follows in later tasks, at least `CHUNK` at a time
 * and rendering for `CHUNK_MS` to `CHUNK_MAX_MS` each (see `ChunkedReveal`).
 */
const FIRST_BATCH = 50;
const CHUNK = 250;
const CHUNK_MS = 100;
const CHUNK_MAX_MS = 500;
/** Sibling comments per block (see `renderBlocks`). */
const BLOCK_SIZE = 50;

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
 * @csspart login-notice - The sentence asking the reader to log in to comment (with `login-url`).
 * @csspart login-link - Its link to the login page.
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
 * @cssprop [--mag-comment-thread-indent=var(--mag-space-l)] - Indentation of each level of replies (up to five levels).
 * @cssprop [--mag-comment-thread-avatar-size=2.5rem] - Size of the avatars.
 * @cssprop [--mag-comment-thread-gap=var(--mag-space-m)] - Space between comments.
 * @cssprop [--mag-comment-thread-border-color=var(--mag-color-border)] - Color of the avatar ring and the reply rule.
 * @cssprop [--mag-comment-thread-form-width=40rem] - Maximum width of the form.
 */
export class MagCommentThread extends MagElement {
  static override styles = [...MagElement.styles, commentThreadStyles, offscreenStyles];

  /** The id (or slug) of the article whose comments are shown. */
  @property({ attribute: 'article-id' }) articleId?: string;

  /** Closes comments whatever the article says: no form, existing comments stay visible with a notice. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** Level of the heading that counts the comments (1–6); the form's heading is one level below. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** Order of top-level comments: `oldest` first (default) or `newest` first. Replies are always oldest first. */
  @property() order: 'oldest' | 'newest' = 'oldest';

  /**
   * Deepest level of nested replies (at most 10); deeper replies are shown at that level and name the
   * author they answer. `0`: a flat list.
   */
  @property({ type: Number, attribute: 'max-depth' }) maxDepth = 3;

  /** When comments are closed and there are none, show nothing rather than the "comments are closed" notice. */
  @property({ type: Boolean, attribute: 'hide-closed-notice-when-empty' }) hideClosedNoticeWhenEmpty = false;

  /**
   * Commenting needs an account: where the form would be, a sentence asking the reader to log in, linking
   * here (an http(s) address: the page that signs readers in and brings them back); no Reply buttons.
   */
  @property({ attribute: 'login-url' }) loginUrl?: string;

  /** Comments posted here that the loaded pages may not have yet (a comment awaiting moderation never does). */
  @state() private _posted: Comment[] = [];
  @state() private _loadingMore = false;
  @state() private _moreError?: MagAdapterError;

  private _moreController?: AbortController;
  private _plan: ThreadPlan = { blocks: [], order: [], byId: new Map() };
  private _planInputs: readonly unknown[] = [];
  /** How many comments, in display order, are sanitized ahead of rendering. */
  private _prepared = 0;

  // A thread rendered on the server shows every comment it loaded at once, as the server did.
  private readonly _reveal = new ChunkedReveal(this, { first: this.renderedOnServer ? Infinity : FIRST_BATCH, chunk: CHUNK, budget: CHUNK_MS, maxBudget: CHUNK_MAX_MS });
  private readonly _focus = new FocusKeeper(this);

  private readonly _form = new CommentForm(this, {
    translation: () => this.localize.t,
    heading: (text) => this._heading(1, 'form-title', text, 'form-title'),
    post: (articleId, draft) => {
      const source = this.source;
      if (!source) return Promise.reject(new Error('No data source.'));
      // This element's own post: it shows the comment in place rather than reloading (see dataChanged).
      return source.postComment(articleId, draft, { origin: this });
    },
    posted: (comment) => {
      this._posted = [...this._posted, comment];
      void this.updateComplete.then(() => this._focus.focusComment(comment.id));
    },
  });

  private readonly _article = this.dataTask({
    args: () => (this.source && this.articleId ? ([this.source, this.articleId] as const) : undefined),
    request: ([source, ref], signal) => source.getArticle(ref, { signal }),
    cached: ([source, ref]) => source.cachedArticle(ref),
  });

  private readonly _comments = this.dataTask({
    args: () => (this.source && this.articleId ? ([this.source, this.articleId] as const) : undefined),
    request: ([source, articleId], signal): Promise<LoadedComments> => {
      this._moreController?.abort();
      this._moreError = undefined;
      return loadPages(source, articleId, this._comments.value?.pages ?? 1, signal);
    },
    cached: ([source, articleId]) => {
      const page = source.cachedComments(articleId);
      return page && fromFirstPage(page);
    },
  });

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
    this._moreController?.abort();
  }

  /** Resolves once every comment loaded is rendered (long threads render in chunks). */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    while (this.isConnected && !this._reveal.complete) {
      await this._reveal.whenComplete();
      result = await super.getUpdateComplete();
    }
    return result;
  }

  protected override dataChanged(event: MagInvalidateEvent): void {
    const id = this.articleId;
    if (!id) return;
    // After this element's own post, the new comment is already shown: nothing shown is reloaded or lost.
    if (event.affects('comments', id) && event.origin !== this) void this._comments.run();
    if (event.affects('article', id)) void this._article.run();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('articleId')) {
      if (changed.get('articleId') !== undefined) {
        this._posted = [];
        this._moreError = undefined;
        this._reveal.reset();
      }
      this._form.open(this.articleId);
    }
  }

  private async _loadMore(): Promise<void> {
    const loaded = this._comments.value;
    const source = this.source;
    if (!loaded?.nextCursor || !source || !this.articleId || this._loadingMore) return;
    const shownBefore = new Set(this._plan.order.map((node) => node.comment.id));
    this._moreController?.abort();
    const controller = (this._moreController = new AbortController());
    this._loadingMore = true;
    this._moreError = undefined;
    try {
      const page = await source.listComments(this.articleId, { cursor: loaded.nextCursor, signal: controller.signal });
      if (controller.signal.aborted || this._comments.value !== loaded) return;
      this._comments.set(withNextPage(loaded, page));
      this._loadingMore = false;
      await this.updateComplete;
      const added = this._plan.order.filter((node) => !shownBefore.has(node.comment.id));
      this._form.announce(this.localize.t.commentsAdded(added.length));
      if (added.length) this._focus.focusComment(added[0].comment.id);
      else this.renderRoot.querySelector<HTMLElement>('.comments')?.focus();
    } catch (error) {
      if (controller.signal.aborted) return;
      const failure = error as MagAdapterError;
      this.reportError(failure);
      this._moreError = failure;
    } finally {
      if (this._moreController === controller) {
        this._moreController = undefined;
        this._loadingMore = false;
      }
    }
  }

  private _onLoadMore(): void {
    void this._loadMore();
  }

  private _retry(): void {
    if (this._article.status === 'error') void this._article.run();
    if (this._comments.status === 'error') void this._comments.run();
  }

  /** The rendered tree of the comments shown, planned again only when its inputs change. */
  private _currentPlan(): ThreadPlan {
    const loaded = this._comments.value;
    const inputs = [loaded, this._posted, this.order, this.maxDepth];
    if (inputs.some((value, i) => value !== this._planInputs[i])) {
      this._planInputs = inputs;
      this._prepared = 0;
      this._plan = loaded
        ? planThread(withPosted(loaded, this._posted), { newestFirst: this.order === 'newest', maxDepth: this.maxDepth, blockSize: BLOCK_SIZE })
        : { blocks: [], order: [], byId: new Map() };
    }
    return this._plan;
  }

  /** A heading `offset` levels below `heading-level`. */
  private _heading(offset: number, part: string, text: string, id?: string): TemplateResult {
    return renderHeading(headingLevel(this.headingLevel, 2) + offset, part, text, id);
  }

  // The Reply buttons are listened to once, on the list.
  private _onListClick(event: Event): void {
    const id = replyButtonTarget(event.target);
    if (id !== undefined) void this._form.startReply(id);
  }

  protected override render(): TemplateResult {
    // Planned here rather than in willUpdate(): the data tasks take in their arguments after willUpdate().
    this._reveal.sync(this._currentPlan().order.length);
    const t = this.localize.t;
    const loaded = this._comments.value;
    const article = this._article.value;
    const busy = this._comments.loading || this._article.loading;
    let content: unknown;
    if (!loaded || (!article && this._article.status !== 'error')) {
      const error = this._comments.status === 'error' && !loaded ? this._comments.error : this._article.status === 'error' ? this._article.error : undefined;
      content = error ? renderError(t, error, this._retry) : renderLoading(t);
    } else {
      content = this._renderThread(loaded, article);
    }
    return html`<div class="thread" part="base" aria-busy=${busy ? 'true' : 'false'}>
      ${content}
      <div class="live visually-hidden" role="status" aria-live="polite"></div>
    </div>`;
  }

  private _renderThread(loaded: LoadedComments, article: Article | undefined): TemplateResult {
    const t = this.localize.t;
    const plan = this._plan;
    const count = commentCount(loaded, this._posted, article);
    const loadError = this._comments.status === 'error' ? this._comments.error : this._article.status === 'error' ? this._article.error : undefined;
    const closed = this.disabled || this._form.closedMeanwhile || article?.commentsOpen === false;
    const loginUrl = !closed && article?.commentsOpen === true ? safeUrl(this.loginUrl, WEB) : undefined;
    const canPost = !closed && !loginUrl && article?.commentsOpen === true && !!this.source?.canPostComment;
    const empty = plan.order.length === 0;
    const replyTo = canPost && this._form.replyTo !== undefined ? plan.byId.get(this._form.replyTo) : undefined;
    const showClosedNotice = closed && !(empty && this.hideClosedNoticeWhenEmpty);
    // Closed with an unsent comment (closed meanwhile, or reloaded since): the text stays readable and copyable.
    const keepReadOnly = closed && this._form.hasUnsentText;
    if (empty && closed && !showClosedNotice) return html``;

    const limit = this._reveal.limit;
    // The comments about to be shown are sanitized together, in one pass.
    if (limit > this._prepared) {
      prepareBlocks(this, plan.order.slice(this._prepared, limit).map(({ comment }) => ({ owner: comment, html: comment.bodyHtml })), 'comment');
      this._prepared = limit;
    }
    return html`
      ${loadError ? renderError(t, loadError, this._retry) : nothing}
      ${this._heading(0, 'heading', count === undefined || (count === 0 && empty) ? t.comments : t.commentCount(count))}
      ${empty
        ? closed
          ? nothing
          : html`<p part="empty" class="empty">${t.noComments}</p>`
        : html`<ol class="comments" part="list" tabindex="-1" @load=${avatarEvents} @error=${avatarEvents} @click=${this._onListClick}>
            ${renderBlocks(plan.blocks, {
              host: this,
              t,
              lang: this.localize.lang,
              now: new Date(),
              canPost,
              replyTo,
              limit,
              relativeImages: this.source?.allowRelativeImages ?? false,
              renderForm: (parent) => this._form.render(parent),
            })}
          </ol>`}
      ${loaded.nextCursor ? this._renderMore() : nothing}
      ${showClosedNotice ? html`<p class="notice" part="closed-notice">${t.commentsClosed}</p>` : nothing}
      ${loginUrl ? html`<p class="notice" part="login-notice">${t.loginToComment} <a part="login-link" href=${loginUrl}>${t.logIn}</a></p>` : nothing}
      ${canPost && replyTo === undefined ? this._form.render(undefined) : nothing}
      ${keepReadOnly ? this._form.render(undefined, true) : nothing}
      ${!canPost && !keepReadOnly ? this._form.renderMessage() : nothing}
    `;
  }

  private _renderMore(): TemplateResult {
    const t = this.localize.t;
    return html`<div class="more">
      ${this._moreError ? html`<p role="alert" class="form-message error">${errorMessage(t, this._moreError)}</p>` : nothing}
      <button type="button" part="load-more" aria-disabled=${this._loadingMore ? 'true' : 'false'} @click=${this._onLoadMore}>
        ${this._loadingMore ? t.loading : this._moreError ? t.retry : t.loadMoreComments}
      </button>
    </div>`;
  }
}
