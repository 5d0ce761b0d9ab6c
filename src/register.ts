/**
 * Registers every element and the further adapter types of `<mag-provider adapter="…">`, whose code
 * loads only when a provider asks for them (`import()`: in the drop-in bundle, the files
 * `dist/cdn/adapters/wordpress.js` and `dist/cdn/adapters/feed.js` next to it). Imported by
 * `mag-elements.js` (npm) and `drop-in.js` (the drop-in bundle's entry); it exports nothing.
 */
import { MagProvider } from './components/provider/mag-provider.js';
import { MagAdapterError } from './core/errors.js';
import './define/mag-provider.js';
import './define/mag-article.js';
import './define/mag-comment-thread.js';
import './define/mag-comment-feed-link.js';
import './define/mag-recent-contributions.js';
import './define/mag-subscribe-form.js';
import './define/mag-about-box.js';

/** Loads an adapter's code; a failure (offline, 404, blocked) becomes a `network` error the elements show with a retry. */
async function load<M>(name: string, code: () => Promise<M>): Promise<M> {
  try {
    return await code();
  } catch (cause) {
    throw new MagAdapterError('network', `The code of the ${name} adapter could not be loaded: ${(cause as Error)?.message ?? cause}`, { cause });
  }
}

// Buildless: <mag-provider adapter="wordpress" endpoint="…/wp-json" [nonce="…"]> and <mag-provider adapter="feed" src="…">.
// The attributes are read before the code loads (a later change makes the provider ask again).
// `nonce`: WordPress's REST nonce for the page, sent with comment posts (see WordPressAdapterOptions.nonce).
MagProvider.registerAdapterType('wordpress', async (provider) => {
  const { endpoint } = provider;
  const nonce = provider.getAttribute('nonce') ?? undefined;
  const { WordPressAdapter } = await load('WordPress', () => import('./adapters/wordpress/wordpress-adapter.js'));
  return new WordPressAdapter({ endpoint: endpoint ?? '', nonce });
});
MagProvider.registerAdapterType('feed', async ({ src }) => {
  const { FeedAdapter } = await load('feed', () => import('./adapters/feed/feed-adapter.js'));
  return new FeedAdapter({ url: src ?? '' });
});
