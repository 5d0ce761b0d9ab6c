import { MagProvider } from '../components/provider/mag-provider.js';
import { defineElement } from '../core/define.js';

defineElement('mag-provider', MagProvider);

declare global {
  interface HTMLElementTagNameMap {
    'mag-provider': MagProvider;
  }
}
