import { MagSubscribeForm } from '../components/subscribe-form/subscribe-form.js';
import { defineElement } from '../core/define.js';

defineElement('mag-subscribe-form', MagSubscribeForm);

declare global {
  interface HTMLElementTagNameMap {
    'mag-subscribe-form': MagSubscribeForm;
  }
}
