import type { Article } from '../../core/model.js';

/**
 * Fired (bubbles, composed) by `<mag-article>` each time it shows an article: after its first load,
 * after a reload with new data, or when its `article` property is set. A host can set
 * `document.title`, send analytics, etc.
 */
export class MagArticleLoadEvent extends Event {
  /** The article now shown. */
  readonly article: Article;

  constructor(article: Article) {
    super('mag-article-load', { bubbles: true, composed: true });
    this.article = article;
  }
}

/**
 * Fired (bubbles, composed, cancelable) by `<mag-article>` before it prints. Call
 * `preventDefault()` to take over printing (for example to open a print-friendly page instead);
 * otherwise the element prepares the page and opens the browser's print dialog.
 */
export class MagPrintEvent extends Event {
  /** The article about to be printed. */
  readonly article: Article;
  /** True when the article's `<mag-comment-thread>` is printed too (`print-comments`). */
  readonly includeComments: boolean;

  constructor(article: Article, includeComments: boolean) {
    super('mag-print', { bubbles: true, composed: true, cancelable: true });
    this.article = article;
    this.includeComments = includeComments;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mag-article-load': MagArticleLoadEvent;
    'mag-print': MagPrintEvent;
  }
}
