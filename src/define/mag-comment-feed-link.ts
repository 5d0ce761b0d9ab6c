import { MagCommentFeedLink } from '../components/comment-feed-link/comment-feed-link.js';
import { defineElement } from '../core/define.js';

defineElement('mag-comment-feed-link', MagCommentFeedLink);

declare global {
  interface HTMLElementTagNameMap {
    'mag-comment-feed-link': MagCommentFeedLink;
  }
}
