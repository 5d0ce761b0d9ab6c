/**
 * Registers the further adapter types of `<mag-provider adapter="…">`, whose code loads only when a
 * provider asks for them (`import()`: in the drop-in bundle, the files `dist/cdn/adapters/wordpress.js`
 * and `dist/cdn/adapters/feed.js` next to it). `register.ts` imports it before it defines the elements,
 * so that a provider already in the page finds its adapter type as it connects.
 */
import { MagProvider } from './components/provider/mag-provider.js';
import { MagAdapterError } from './core/errors.js';

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
