import { MagAboutBox } from '../components/about-box/about-box.js';
import { defineElement } from '../core/define.js';

defineElement('mag-about-box', MagAboutBox);

declare global {
  interface HTMLElementTagNameMap {
    'mag-about-box': MagAboutBox;
  }
}
