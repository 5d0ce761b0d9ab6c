/**
 * The all-in-one entry: registers every element and exports everything. The drop-in bundle
 * `dist/cdn/mag-elements.js` is this module with its dependencies inlined.
 */
import { ContextRoot } from '@lit/context';
import { MagProvider } from './components/provider/mag-provider.js';
import { WordPressAdapter } from './adapters/wordpress/wordpress-adapter.js';
import { FeedAdapter } from './adapters/feed/feed-adapter.js';
import './define/mag-provider.js';
import './define/mag-article.js';
import './define/mag-comment-thread.js';
import './define/mag-comment-feed-link.js';
import './define/mag-recent-contributions.js';
import './define/mag-subscribe-form.js';
import './define/mag-about-box.js';

export * from './index.js';

// Buildless: <mag-provider adapter="wordpress" endpoint="…/wp-json"> and <mag-provider adapter="feed" src="…">.
MagProvider.registerAdapterType('wordpress', (provider) => new WordPressAdapter({ endpoint: provider.endpoint ?? '' }));
MagProvider.registerAdapterType('feed', (provider) => new FeedAdapter({ url: provider.src ?? '' }));

// Elements that upgrade before their provider (scripts loaded in another order) still get their adapter.
new ContextRoot().attach(document.documentElement);
