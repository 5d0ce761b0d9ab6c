import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { MagAdapterError } from '../../core/errors.js';
import { MagElement } from '../../core/mag-element.js';
import type { Article, ArticleLink } from '../../core/model.js';
import { LineSeparators } from '../../core/line-separators.js';
import { renderSanitized } from '../../core/sanitize.js';
import type { MagInvalidateEvent } from '../../core/shared-adapter.js';
import { renderError, renderHeading, renderLoading, renderSections, sentenceWith } from '../../core/states.js';
import { safePersonUrl, safeUrl } from '../../core/url.js';
import { articleStyles } from './article.styles.js';
import { MagArticleLoadEvent, MagPrintEvent } from './article-events.js';
import { preparePrint } from './print.js';

/** Lines of the loading placeholder: about a screen of text, so the page below moves little when the article comes. */
const LOADING_LINES = 24;

/** True when two ISO dates fall on different calendar days (UTC); false when either is not a date. */
function differentDay(a: string, b: string): boolean {
  const day = (iso: string) => Math.floor(Date.parse(iso) / 86_400_000);
  const days = day(a) - day(b);
  return days !== 0 && !Number.isNaN(days);
}

/**
 * The article view: title, author, date, a print action, the article text, the sections it is
 * published in ("Publié dans …" / "Posted in …") and the « previous | Accueil | next » navigation.
 * On the seed page it is "Le numérique, c'est la proximité", "16 oct", "imprimer", the text,
 * "Publié dans La République des Territoires, Politique" and "« Lutter contre le gaspillage
 * alimentaire | Accueil | Un vrai pacte d'avenir pour la Bretagne »".
 *
 * It loads the article named by `article-id` through the adapter of the nearest `<mag-provider>` (or
 * its own `adapter`), or shows the ready `article` property without any adapter. The body is
 * untrusted HTML sanitized with the `article` profile; video iframes are kept only from the hosts
 * listed in `embed-hosts`. Changing `article-id` aborts the older request, so a stale answer is
 * never shown. The text inherits the host page's font and colors.
 *
 * @summary The article view: title, author, date, print action, sanitized body, sections and
 * previous / home / next navigation.
 *
 * @tag mag-article
 *
 * @slot comments - Shown after the article and before its previous / home / next navigation, as on a blog's page: the article's comments (`<mag-comment-thread>`, `<mag-comment-feed-link>`), or anything else.
 *
 * @fires {MagArticleLoadEvent} mag-article-load - An article is shown (first load, reload with new data, or `article` set). `event.article` is the article (to set `document.title`, send analytics…).
 * @fires {MagPrintEvent} mag-print - Before printing (cancelable: `preventDefault()` to print your own way, a print-friendly URL or a PDF). `event.article`, `event.includeComments`.
 * @fires {MagLoadErrorEvent} mag-load-error - The article could not be loaded. `event.error` is a `MagAdapterError` (`code`: `not-found`, `network`, `timeout`, `invalid-data`…); the element shows the error itself.
 *
 * @csspart base - The wrapper of everything (article and navigation).
 * @csspart header - The article's header: title and meta line.
 * @csspart title - The title (a heading of level `heading-level`).
 * @csspart meta - The line with the author, the date and the print action.
 * @csspart author - The author ("par Claudy Lebreton").
 * @csspart date - The `<time>` of publication.
 * @csspart updated - The date of the last update, when it differs from the publication day.
 * @csspart comment-count - The number of comments, in the meta line (when the data source gives it).
 * @csspart print - The print button ("imprimer" / "Print").
 * @csspart body - The sanitized article text.
 * @csspart sections - The "Publié dans …" / "Posted in …" line.
 * @csspart nav - The previous / home / next navigation.
 * @csspart previous - The link to the previous article.
 * @csspart home - The link to the home page.
 * @csspart next - The link to the next article.
 * @csspart loading - The loading placeholder.
 * @csspart not-found - The "article not found" message.
 * @csspart error - The error message.
 * @csspart retry - The retry button of the error message.
 *
 * @cssprop [--mag-article-spacing=var(--mag-space-m)] - Space between the header, body, sections and navigation.
 * @cssprop [--mag-article-accent=var(--mag-color-accent)] - Color of the print action and of the rule beside quotations.
 * @cssprop [--mag-article-title-size=1.75em] - Font size of the title.
 * @cssprop [--mag-article-title-font=inherit] - Font family of the title.
 * @cssprop [--mag-article-max-width=none] - Maximum width of the article.
 * @cssprop [--mag-article-image-ratio=16 / 9] - Shape of the box of a body image that has no `width` and `height` (the image is fitted inside, so nothing moves when it loads).
 */
export class MagArticle extends MagElement {
  static override styles = [...MagElement.styles, articleStyles];

  /** The id (or slug) of the article to load through the adapter. Ignored while `article` is set. */
  @property({ attribute: 'article-id' }) articleId?: string;

  /** A ready article to show, without any adapter (hosts that already have the data, Storybook). Takes precedence over `article-id`. */
  @property({ attribute: false }) article?: Article;

  /** The level of the title heading, 1 to 6 (2 when the page already has an `<h1>`). */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 1;

  /**
   * Space-separated hosts whose https video iframes are kept in the body, e.g.
   * `"www.youtube-nocookie.com player.vimeo.com"`. Frames from any other host are removed.
   */
  @property({ attribute: 'embed-hosts' }) embedHosts = '';

  /** Print the article's `<mag-comment-thread>` (same `article-id`) with the article. */
  @property({ attribute: 'print-comments', type: Boolean }) printComments = false;

  /** The last article announced with `mag-article-load`. */
  private _announced?: Article;


  constructor() {
    super();
    // The separators of the meta line and the navigation never start or end a line.
    this.addController(new LineSeparators(this));
  }

  private readonly _task = this.dataTask({
    args: () => {
      const source = this.article ? undefined : this.source;
      return source && this.articleId ? ([source, this.articleId] as const) : undefined;
    },
    request: ([source, ref], signal) => source.getArticle(ref, { signal }),
    cached: ([source, ref]) => source.cachedArticle(ref),
  });

  /** The article on screen (possibly being reloaded), if any. */
  private get _current(): Article | undefined {
    return this.article ?? this._task.value;
  }

  /**
   * Loads the article again from its source (dropping the provider's shared copy, so every element
   * showing it reloads). Does nothing while the `article` property is set.
   */
  refresh(): void {
    if (this.article || !this.articleId) return;
    const source = this.source;
    if (source) source.invalidate('article', this._current?.id ?? this.articleId);
    else void this._task.run();
  }

  /**
   * Prints the article alone (title, meta, body, sections; its comment thread too with
   * `print-comments`), without the host page's navigation and sidebars. Fires the cancelable
   * `mag-print` first. Returns false when nothing was printed (no article, or the event was canceled).
   */
  print(): boolean {
    const article = this._current;
    if (!article) return false;
    const event = new MagPrintEvent(article, this.printComments);
    if (!this.dispatchEvent(event)) return false;
    const targets: Element[] = [this];
    if (this.printComments) targets.push(...this._commentThreads(article));
    preparePrint(targets);
    window.print();
    return true;
  }

  /** The `<mag-comment-thread>` elements of the same article, in the document and in this element's shadow root. */
  private _commentThreads(article: Article): Element[] {
    const ids = new Set([article.id, article.slug, this.articleId]);
    const roots = new Set<Document | ShadowRoot>([document]);
    const root = this.getRootNode();
    if (root instanceof ShadowRoot) roots.add(root);
    const threads: Element[] = [];
    for (const scope of roots) {
      for (const thread of scope.querySelectorAll('mag-comment-thread')) {
        const id = (thread as Element & { articleId?: unknown }).articleId;
        const ref = typeof id === 'string' ? id : thread.getAttribute('article-id');
        if (ref && ids.has(ref)) threads.push(thread);
      }
    }
    return threads;
  }

  protected override dataChanged(event: MagInvalidateEvent): void {
    if (this.article || !this.articleId) return;
    const id = this._current?.id;
    if (event.affects('article', this.articleId) || (id !== undefined && event.affects('article', id))) {
      void this._task.run();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const article = this._current;
    if (article && article !== this._announced) {
      this._announced = article;
      // Built apart from dispatchEvent(): the manifest analyzer would list the expression as an event name.
      const event = new MagArticleLoadEvent(article);
      this.dispatchEvent(event);
    }
  }

  protected override render(): TemplateResult | typeof nothing {
    const t = this.localize.t;
    if (this.article) return this._renderArticle(this.article);
    if (!this.articleId) return nothing;
    const { status, value: shown, error } = this._task;
    if (status === 'error' && error) {
      if (error.code === 'not-found') {
        return html`<div class="base" part="base">
          <p class="state notice not-found" part="not-found" role="status">${t.articleNotFound}</p>
        </div>`;
      }
      // A failed reload keeps the text on screen, with the error and its retry above it.
      if (shown) return this._renderArticle(shown, { error });
      return html`<div class="base" part="base">${renderError(t, error, this._retry)}</div>`;
    }
    // While a reload runs the article stays on screen (busy); with nothing to show yet, the placeholder.
    if (shown) return this._renderArticle(shown, { busy: status === 'loading' });
    return html`<div class="base" part="base" aria-busy="true">${renderLoading(t, LOADING_LINES)}</div>`;
  }

  private _retry(): void {
    void this._task.run();
  }

  private _renderArticle(article: Article, { busy = false, error }: { busy?: boolean; error?: MagAdapterError } = {}): TemplateResult {
    const t = this.localize.t;
    const embedHosts = this.embedHosts.split(/\s+/).filter(Boolean);
    const body = renderSanitized(this, article, article.bodyHtml, 'article', { embedHosts, embedTitle: t.embedTitle, relativeImages: this.source?.allowRelativeImages }, 'body');
    return html`<div class="base" part="base" aria-busy=${busy ? 'true' : 'false'}>
      ${error ? html`<div class="reload-error">${renderError(t, error, this._retry)}</div>` : nothing}
      <article aria-labelledby="title">
        <header class="header" part="header">
          ${renderHeading(this.headingLevel, 'title', article.title || t.untitled, 'title')}
          <p class="meta" part="meta">${this._renderMeta(article)}</p>
        </header>
        ${body}
        ${article.sections.length
          ? html`<footer>
              <p class="sections meta" part="sections">
                ${t.postedIn}
                ${renderSections(article.sections)}
              </p>
            </footer>`
          : nothing}
      </article>
      <slot name="comments"></slot>
      ${this._renderNav(article)}
    </div>`;
  }

  private _renderMeta(article: Article): TemplateResult[] {
    const t = this.localize.t;
    const items: TemplateResult[] = [];
    // (an author without a name is not shown: the article reads the same without a byline)
    if (article.author?.name) {
      const url = safePersonUrl(article.author.url);
      const name = url ? html`<a href=${url} rel="author">${article.author.name}</a>` : article.author.name;
      items.push(html`<span part="author">${sentenceWith(t.by, name)}</span>`);
    }
    items.push(
      html`<time part="date" datetime=${article.published} title=${this.localize.date(article.published, 'long')}
        >${this.localize.date(article.published)}</time
      >`,
    );
    if (article.updated && differentDay(article.published, article.updated)) {
      const date = html`<time datetime=${article.updated}>${this.localize.date(article.updated)}</time>`;
      items.push(html`<span part="updated">${sentenceWith(t.updatedOn, date)}</span>`);
    }
    if (article.commentCount !== undefined) {
      // Updated after a comment is posted: the provider reloads the article.
      items.push(html`<span part="comment-count">${t.commentCount(article.commentCount)}</span>`);
    }
    items.push(
      html`<button type="button" class="print" part="print" aria-label=${t.printLabel(article.title || t.untitled)} @click=${this._onPrint}>
        ${t.print}
      </button>`,
    );
    // The separator before the print action (the last item) is hidden with it when printing.
    return items.map(
      (item, i) =>
        html`${i ? html`<span class=${i === items.length - 1 ? 'separator print-separator' : 'separator'} aria-hidden="true">&nbsp;· </span>` : nothing}${item}`,
    );
  }

  private _onPrint(): void {
    this.print();
  }

  private _renderNav(article: Article): TemplateResult | typeof nothing {
    const t = this.localize.t;
    const link = (target: ArticleLink | undefined, part: 'previous' | 'next', label: string, rel: string) => {
      const url = safeUrl(target?.url);
      if (!target || !url) return undefined;
      return html`<span class="nav-item"
        ><a href=${url} part=${part} rel=${rel}
          >${part === 'previous' ? html`<span aria-hidden="true">«&nbsp;</span>` : nothing}<span class="visually-hidden">${label}${t.labelSeparator}</span
          >${target.title || t.untitled}${part === 'next' ? html`<span aria-hidden="true">&nbsp;»</span>` : nothing}</a
        ></span
      >`;
    };
    const homeUrl = safeUrl(article.homeUrl);
    const items = [
      link(article.previous, 'previous', t.previousArticle, 'prev'),
      homeUrl ? html`<span class="nav-item"><a href=${homeUrl} part="home">${t.home}</a></span>` : undefined,
      link(article.next, 'next', t.nextArticle, 'next'),
    ].filter((item) => item !== undefined);
    if (!items.length) return nothing;
    return html`<nav class="nav meta" part="nav" aria-label=${t.articleNav}>
      ${items.map((item, i) => html`${i ? html`<span class="separator" aria-hidden="true">&nbsp;| </span>` : nothing}${item}`)}
    </nav>`;
  }
}
