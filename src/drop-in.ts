/**
 * The entry of the drop-in bundle `dist/cdn/mag-elements.js` (rollup.config.mjs): registers every
 * element and exports everything but the further adapters, whose code stays in their own files
 * next to the bundle, `dist/cdn/adapters/wordpress.js` (exports `WordPressAdapter`) and
 * `dist/cdn/adapters/feed.js` (exports `FeedAdapter`), loaded when a `<mag-provider
 * adapter="wordpress">` / `adapter="feed"` asks for them, or imported by a script; and
 * `dist/cdn/adapters/memory.js` (exports `MemoryAdapter` and `textToHtml`), for scripts.
 */
import './register.js';

export * from './index-core.js';
