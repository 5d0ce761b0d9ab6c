import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import type { MagTranslation } from '../../core/localize.js';
import { formatDate } from '../../core/localize.js';
import type { Comment, Person } from '../../core/model.js';
import { renderSanitized } from '../../core/sanitize.js';
import { safeImageUrl, safePersonUrl } from '../../core/url.js';
import type { NodeBlock, ThreadNode } from './thread-plan.js';

/** What rendering the comments of a thread needs to know. */
export interface ListContext {
  /** The element rendering the thread (sanitized bodies are kept per element). */
  host: Element;
  t: MagTranslation;
  lang: string;
  /** Decides whether dates show their year. */
  now: Date;
  /** Whether comments can be answered (a Reply button on each comment that is not pending). */
  canPost: boolean;
  /** The comment being answered (its Reply button is expanded and the form follows it). */
  replyTo?: ThreadNode;
  /** How many comments to render, in display order (long threads are revealed a part at a time). */
  limit: number;
  /** Show avatars whose address is relative (see `safeImageUrl()`). */
  relativeImages: boolean;
  /** The reply form, rendered under the comment answered. */
  renderForm(parent: Comment): TemplateResult;
}

/** The guard value of a block whose comments are all rendered: it does not change as more are revealed. */
const WHOLE = -1;

/**
 * The list items of `blocks` (sibling comments with their replies), up to `context.limit` comments.
 * Each block is rendered again only when something it shows changes: the comments revealed in it, the
 * language, whether comments can be answered, or the comment answered being in it. Revealing more of a
 * long thread therefore re-renders the one block where the new comments appear, not the whole list.
 */
export function renderBlocks(blocks: readonly NodeBlock[], context: ListContext): unknown[] {
  const { limit, replyTo } = context;
  const items: unknown[] = [];
  for (const block of blocks) {
    if (block.start >= limit) break;
    const answered = replyTo !== undefined && replyTo.index >= block.start && replyTo.index < block.end;
    items.push(
      guard([block, block.end <= limit ? WHOLE : limit, context.lang, context.canPost, answered ? replyTo : undefined], () =>
        repeat(
          block.nodes.filter((node) => node.index < limit),
          (node) => node.comment.id,
          (node) => renderNode(node, context),
        ),
      ),
    );
  }
  return items;
}

/** A comment's list item: the comment, the reply form when it is the one answered, and its replies. */
function renderNode(node: ThreadNode, context: ListContext): TemplateResult {
  const { comment } = node;
  // No whitespace between the tags: thousands of comments would each carry text nodes of it.
  return html`<li class="comment depth-${node.depth}" part="comment"
    >${renderComment(comment, node.inReplyTo, context)}${context.replyTo === node ? context.renderForm(comment) : nothing}${node.children.length > 0 &&
    node.index + 1 < context.limit
      ? html`<ol class="replies" part="replies">${renderBlocks(node.childBlocks, context)}</ol>`
      : nothing}</li
  >`;
}

/** One comment: avatar, author, date, "awaiting moderation", "in reply to", body and Reply button. */
function renderComment(comment: Comment, inReplyTo: Person | undefined, context: ListContext): TemplateResult {
  const { t } = context;
  const name = comment.author.name ?? t.anonymous;
  const avatarUrl = safeImageUrl(comment.author.avatarUrl, context.relativeImages);
  const authorUrl = safePersonUrl(comment.author.url);
  const canReply = context.canPost && comment.status !== 'pending';
  return html`<article class="entry" tabindex="-1" data-comment-id=${comment.id}
    ><span class="avatar" part="avatar" aria-hidden="true"
      >${initials(name)}${avatarUrl ? html`<img alt="" loading="lazy" decoding="async" referrerpolicy="no-referrer" src=${avatarUrl} />` : nothing}</span
    ><p class="header"
      ><span class="author" part="author">${authorUrl ? html`<a rel="nofollow ugc noopener" href=${authorUrl}>${name}</a>` : name}</span>
      <time part="date" datetime=${comment.published}>${formatDate(context.lang, comment.published, 'short', context.now)}</time
      >${comment.status === 'pending' ? html` <span class="badge" part="pending-badge">${t.pendingBadge}</span>` : nothing}</p
    >${inReplyTo !== undefined ? html`<p class="in-reply-to" part="in-reply-to">${t.inReplyTo(inReplyTo.name ?? t.anonymous)}</p>` : nothing}${renderSanitized(
      context.host,
      comment,
      comment.bodyHtml,
      'comment',
    )}${canReply
      ? html`<button
          type="button"
          class="reply"
          part="reply-button"
          aria-label=${t.replyTo(name)}
          aria-expanded=${context.replyTo?.comment === comment ? 'true' : 'false'}
        >${t.reply}</button>`
      : nothing}</article
  >`;
}

/** The initials shown behind (or instead of) the avatar image. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters.map((word) => Array.from(word)[0] ?? '').join('').toUpperCase();
}

/** The id of the comment whose Reply button `target` is (the thread listens to clicks once, on its list). */
export function replyButtonTarget(target: EventTarget | null): string | undefined {
  const button = target instanceof Element ? target.closest('button.reply') : null;
  return button?.closest('article[data-comment-id]')?.getAttribute('data-comment-id') ?? undefined;
}
