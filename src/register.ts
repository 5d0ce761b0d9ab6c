/**
 * Registers the further adapter types of `<mag-provider adapter="…">` (`adapter-types.ts`), then every
 * element. Imported by `mag-elements.js` (npm) and `drop-in.js` (the drop-in bundle's entry); it exports
 * nothing.
 */
import './adapter-types.js';
import './define/mag-provider.js';
import './define/mag-article.js';
import './define/mag-comment-thread.js';
import './define/mag-comment-feed-link.js';
import './define/mag-recent-contributions.js';
import './define/mag-subscribe-form.js';
import './define/mag-about-box.js';
import './define/mag-video-list.js';
