import { css, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { MagElement } from '../../core/mag-element.js';
import type { MagInvalidateEvent } from '../../core/shared-adapter.js';
import { renderError, renderLoading } from '../../core/states.js';
import { safeUrl } from '../../core/url.js';

const ATOM = 'application/atom+xml';
const RSS = 'application/rss+xml';
const JSON_FEED = 'application/feed+json';

/**
 * The MIME type of a comment feed: the article's `commentFeedType` when it is a feed type,
 * else a guess from the URL (`atom` → Atom; `rss`, `.rdf` or `/feed` → RSS; `.json` → JSON Feed).
 */
export function feedType(url: string, declared?: string): string | undefined {
  const type = declared?.trim().toLowerCase().split(';')[0];
  if (type === ATOM || type === RSS || type === JSON_FEED) return type;
  if (/atom/i.test(url)) return ATOM;
  if (/rss|\.rdf(\b|$)|\/feed\/?(\?|#|$)/i.test(url)) return RSS;
  if (/\.json(\?|#|$)/i.test(url)) return JSON_FEED;
  return undefined;
}

/**
 * The seed page's "Vous pouvez suivre la conversation sur cet article en vous abonnant à son flux
 * de commentaires." ("You can follow this conversation by subscribing to the comment feed."), with a
 * link to the article's comment feed.
 *
 * It reads the article (the same request `<mag-article>` makes, shared by the provider) and links to
 * its `commentFeedUrl` with the right `type` (Atom or RSS: `commentFeedType`, else guessed from the
 * URL). It renders nothing when the article has no comment feed. With `discover`, it also adds a
 * `<link rel="alternate">` for the feed to the document's `<head>` so that feed readers find it, and
 * removes it when the element leaves.
 *
 * @summary "You can follow this conversation by subscribing to the comment feed", linking to the article's comment feed.
 * @tag mag-comment-feed-link
 *
 * @fires {MagLoadErrorEvent} mag-load-error - The article could not be loaded (`event.error` is a `MagAdapterError`).
 *
 * @csspart base - The sentence.
 * @csspart link - The link to the feed.
 * @csspart loading - The loading placeholder.
 * @csspart error - The error message, with its retry button.
 * @csspart retry - The retry button.
 *
 * @cssprop [--mag-comment-feed-link-font-size=inherit] - Font size of the sentence.
 */
export class MagCommentFeedLink extends MagElement {
  static override styles = [
    ...MagElement.styles,
    css`
      .feed {
        font-size: var(--mag-comment-feed-link-font-size, inherit);
        margin: 0;
      }
    `,
  ];

  /** The id (or slug) of the article whose comment feed is linked. */
  @property({ attribute: 'article-id' }) articleId?: string;

  /** Also announce the feed to feed readers with a `<link rel="alternate">` in the document's head, removed when the element leaves or the article has no feed. */
  @property({ type: Boolean }) discover = false;

  /** The `<link rel="alternate">` added to the document's head (with `discover`). */
  private _discoveryLink?: HTMLLinkElement;

  private readonly _task = this.dataTask({
    args: () => (this.source && this.articleId ? ([this.source, this.articleId] as const) : undefined),
    request: ([source, ref], signal) => source.getArticle(ref, { signal }),
    cached: ([source, ref]) => source.cachedArticle(ref),
  });

  protected override dataChanged(event: MagInvalidateEvent): void {
    if (this.articleId && event.affects('article', this.articleId)) void this._task.run();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._removeDiscovery();
  }

  /** The article's comment feed: its URL, type and title; undefined without an article or a feed. */
  private _feed(): { href: string; type?: string; title: string } | undefined {
    const article = this._task.value;
    const href = safeUrl(article?.commentFeedUrl, ['http', 'https']);
    if (!article || !href) return undefined;
    return { href, title: this.localize.t.feedTitle(article.title || this.localize.t.untitled), type: feedType(href, article.commentFeedType) };
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this._syncDiscovery();
  }

  private _syncDiscovery(): void {
    const feed = this.discover && this.isConnected ? this._feed() : undefined;
    if (!feed) return this._removeDiscovery();
    const link = (this._discoveryLink ??= document.createElement('link'));
    link.rel = 'alternate';
    link.type = feed.type ?? RSS;
    link.title = feed.title;
    link.href = feed.href;
    link.dataset.magCommentFeed = '';
    if (!link.isConnected) document.head.append(link);
  }

  private _removeDiscovery(): void {
    this._discoveryLink?.remove();
    this._discoveryLink = undefined;
  }

  private _retry(): void {
    void this._task.run();
  }

  protected override render(): TemplateResult | typeof nothing {
    const t = this.localize.t;
    const { status, value: article, error } = this._task;
    const feed = this._feed();
    if (feed) {
      return html`<p class="feed" part="base" aria-busy=${status === 'loading' ? 'true' : 'false'}>
        ${t.feedSentence} <a part="link" href=${feed.href} type=${feed.type ?? nothing}>${t.feedLinkText}</a>.
      </p>`;
    }
    if (article) return nothing;
    if (status === 'error' && error) return renderError(t, error, this._retry);
    if (status === 'loading') return renderLoading(t, 1);
    return nothing;
  }
}
