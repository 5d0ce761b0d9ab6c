import type { Comment, CommentDraft } from '../../core/model.js';

/**
 * Fired (bubbles, composed, cancelable) by `<mag-comment-thread>` when a reader submits a valid
 * comment, before it is posted. Call `preventDefault()` to post it yourself: the element then
 * leaves the form as it is.
 */
export class MagCommentSubmitEvent extends Event {
  /** The article the comment is for. */
  readonly articleId: string;
  /** What the reader wrote (trimmed); `parentId` is set for a reply. */
  readonly draft: CommentDraft;

  constructor(articleId: string, draft: CommentDraft) {
    super('mag-comment-submit', { bubbles: true, composed: true, cancelable: true });
    this.articleId = articleId;
    this.draft = draft;
  }
}

/**
 * Fired (bubbles, composed) by `<mag-comment-thread>` after a comment was posted; `comment.status`
 * is `pending` when it awaits moderation.
 */
export class MagCommentPostedEvent extends Event {
  readonly articleId: string;
  readonly comment: Comment;

  constructor(articleId: string, comment: Comment) {
    super('mag-comment-posted', { bubbles: true, composed: true });
    this.articleId = articleId;
    this.comment = comment;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mag-comment-submit': MagCommentSubmitEvent;
    'mag-comment-posted': MagCommentPostedEvent;
  }
}
