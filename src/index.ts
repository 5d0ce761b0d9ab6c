/**
 * mag-elements: Lit web components for a complete blog/magazine article experience.
 * This module exports the classes, adapters and types without registering any element;
 * import `mag-elements/mag-elements.js` (or the drop-in bundle) to register them all, or
 * `mag-elements/define/<tag>.js` for one.
 */
export * from './index-core.js';
export { MemoryAdapter, textToHtml } from './adapters/json/memory-adapter.js';
export { WordPressAdapter, type WordPressAdapterOptions } from './adapters/wordpress/wordpress-adapter.js';
export { FeedAdapter, type FeedAdapterOptions } from './adapters/feed/feed-adapter.js';
