/**
 * Everything `mag-elements` exports except the further adapters (WordPress, feed, memory): the
 * classes, the JSON adapter and the types, without registering any element. The drop-in bundle
 * (`src/drop-in.ts`) exports this; `src/index.ts` adds the further adapters.
 */
export type * from './core/model.js';
export { MagAdapterError, type MagErrorCode, type MagAdapterErrorOptions } from './core/errors.js';
export { adapterContext } from './core/context.js';
export { SharedAdapter, MagInvalidateEvent, shareAdapter, type SharedAdapterOptions, type ResourceKind } from './core/shared-adapter.js';
export { provideAdapter } from './core/provide.js';
export { registerTranslation, type MagTranslation, type PartialTranslation } from './core/localize.js';
export { safeUrl } from './core/url.js';
export { sanitizeHtml, type SanitizeProfile, type SanitizeOptions } from './core/sanitize.js';
export { MagLoadErrorEvent } from './core/events.js';
export { defineElement, VERSION } from './core/define.js';
export { MagElement } from './core/mag-element.js';
export { MagProvider, type AdapterFactory } from './components/provider/mag-provider.js';
export { MagArticle } from './components/article/article.js';
export { MagArticleLoadEvent, MagPrintEvent } from './components/article/article-events.js';
export { MagCommentThread } from './components/comment-thread/comment-thread.js';
export { MagCommentSubmitEvent, MagCommentPostedEvent } from './components/comment-thread/comment-thread.events.js';
export { MagCommentFeedLink, feedType } from './components/comment-feed-link/comment-feed-link.js';
export { MagRecentContributions } from './components/recent-contributions/recent-contributions.js';
export { MagSubscribeForm, MagSubscribeEvent } from './components/subscribe-form/subscribe-form.js';
export { MagAboutBox } from './components/about-box/about-box.js';
export { MagVideoList, type VideoPlayMode } from './components/video-list/video-list.js';
export {
  JsonAdapter,
  validateData,
  type JsonAdapterOptions,
  type MagData,
  type DataArticle,
  type DataComment,
  type DataSection,
  type DataSubscribe,
} from './adapters/json/json-adapter.js';
