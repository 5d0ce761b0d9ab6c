/**
 * `MemoryAdapter`: a `JsonAdapter` that also takes comments, keeping them in memory (lost on reload).
 * For demos, element tests and the Storybook.
 */
import type { Comment, CommentDraft, RequestOptions } from '../../core/model.js';
import { MagAdapterError } from '../../core/errors.js';
import { textToHtml } from '../feed/html-text.js';
import { JsonAdapter } from './json-adapter.js';

/** Plain text to HTML: blank lines separate paragraphs, single line breaks become `<br>` (shared with the feed adapter). */
export { textToHtml };

const normalize = (text = ''): string => text.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * A `JsonAdapter` whose `postComment` keeps comments in memory. A posted comment is `approved`
 * (shown at once), or `pending` (kept hidden) when the data says `"moderation": true`.
 * Rejects `not-found` (unknown article), `closed` (comments closed), `rejected` with `field`
 * (empty `authorName` or `bodyText`, unknown `parentId`) and `duplicate` (same text by the same name).
 */
export class MemoryAdapter extends JsonAdapter {
  private _sequence = 0;

  /** Adds a comment to an article, in memory. */
  async postComment(articleId: string, draft: CommentDraft, opts: RequestOptions = {}): Promise<Comment> {
    const layout = await this.layout(opts.signal);
    const entry = await layout.entry(articleId, opts.signal);
    if (!entry.data.commentsOpen) throw new MagAdapterError('closed', 'Comments are closed on this article.');
    const name = draft.authorName?.trim() ?? '';
    if (!name) throw new MagAdapterError('rejected', 'Enter your name.', { field: 'authorName' });
    const body = draft.bodyText?.trim() ?? '';
    if (!body) throw new MagAdapterError('rejected', 'Write a comment.', { field: 'bodyText' });
    const existing = entry.comments;
    // A bot filled the field people do not see: answered as held for moderation, never stored.
    if (draft.honeypot) return { id: `memory-dropped-${Date.now().toString(36)}`, author: { name }, published: new Date().toISOString(), bodyHtml: '', status: 'pending' };
    if (draft.parentId !== undefined && !existing.some((c) => c.id === draft.parentId)) {
      throw new MagAdapterError('rejected', 'The comment you reply to does not exist.', { field: 'parentId' });
    }
    const bodyHtml = textToHtml(body);
    if (existing.some((c) => normalize(c.author.name) === normalize(name) && c.bodyHtml === bodyHtml)) {
      throw new MagAdapterError('duplicate', 'You already posted this comment.');
    }
    this._sequence++;
    const comment: Comment = {
      id: `memory-${this._sequence}-${Date.now().toString(36)}`,
      author: draft.authorUrl?.trim() ? { name, url: draft.authorUrl.trim() } : { name },
      published: new Date().toISOString(),
      bodyHtml,
      status: layout.settings.moderation ? 'pending' : 'approved',
    };
    if (draft.parentId !== undefined) comment.parentId = draft.parentId;
    existing.push(comment);
    return { ...comment, author: { ...comment.author } };
  }
}
