import { MagVideoList } from '../components/video-list/video-list.js';
import { defineElement } from '../core/define.js';

defineElement('mag-video-list', MagVideoList);

declare global {
  interface HTMLElementTagNameMap {
    'mag-video-list': MagVideoList;
  }
}
