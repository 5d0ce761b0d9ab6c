import { MagRecentContributions } from '../components/recent-contributions/recent-contributions.js';
import { defineElement } from '../core/define.js';

defineElement('mag-recent-contributions', MagRecentContributions);

declare global {
  interface HTMLElementTagNameMap {
    'mag-recent-contributions': MagRecentContributions;
  }
}
