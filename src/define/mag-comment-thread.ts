import { MagCommentThread } from '../components/comment-thread/comment-thread.js';
import { defineElement } from '../core/define.js';

defineElement('mag-comment-thread', MagCommentThread);

declare global {
  interface HTMLElementTagNameMap {
    'mag-comment-thread': MagCommentThread;
  }
}
