import { MagArticle } from '../components/article/article.js';
import { defineElement } from '../core/define.js';

defineElement('mag-article', MagArticle);

declare global {
  interface HTMLElementTagNameMap {
    'mag-article': MagArticle;
  }
}
