import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { MagAdapterError } from '../../core/errors.js';
import { MagElement } from '../../core/mag-element.js';
import type { Article, ArticleLink } from '../../core/model.js';
import { sanitizedBlock } from '../../core/sanitize.js';
import type { MagInvalidateEvent } from '../../core/shared-adapter.js';
import { renderError, renderHeading, renderLoading, renderSections } from '../../core/states.js';
import { safeUrl } from '../../core/url.js';
import { articleStyles } from './article.styles.js';
import { MagArticleLoadEvent, MagPrintEvent } from './article-events.js';
import { preparePrint } from './print.js';
import { COMPLETE, ERROR, INITIAL, PENDING, idle } from '../../core/data-task.js';

/** An article loaded for an `article-id` (the ref may be a slug: the article's id can differ). */
interface Loaded {
  ref: string;
  article: Article;
}

/** True when two ISO dates fall on different calendar days (UTC); false when either is not a date. */
function differentDay(a: string, b: string): boolean {
  const day = (iso: string) => Math.floor(Date.parse(iso) / 86_400_000);
  const days = day(a) - day(b);
  return days !== 0 && !Number.isNaN(days);
}

/** Puts `content` where a translation function puts its argument: `by(name)` → "par " + content. */
function around(fn: (value: string) => string, content: unknown): TemplateResult {
  const marker = '\u0000';
  const [before = '', after = ''] = fn(marker).split(marker);
  return html`${before}${content}${after}`;
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
 * @cssprop [--mag-article-spacing=var(--mag-space-m, 1rem)] - Space between the header, body, sections and navigation.
 * @cssprop [--mag-article-accent=var(--mag-color-accent, currentColor)] - Color of the print action, quote borders and navigation links (links follow `--mag-color-link` first).
 * @cssprop [--mag-article-title-size=1.75em] - Font size of the title.
 * @cssprop [--mag-article-title-font=inherit] - Font family of the title.
 * @cssprop [--mag-article-max-width=none] - Maximum width of the article.
 */
export class MagArticle extends MagElement {
  static override styles = [...MagElement.styles, articleStyles];

  static override get properties() {
    return {
      articleId: { attribute: 'article-id' },
      article: { attribute: false },
      headingLevel: { attribute: 'heading-level', type: Number },
      embedHosts: { attribute: 'embed-hosts' },
      printComments: { attribute: 'print-comments', type: Boolean },
    };
  }

  /** The id (or slug) of the article to load through the adapter. Ignored while `article` is set. */
  articleId?: string;

  /** A ready article to show, without any adapter (hosts that already have the data, Storybook). Takes precedence over `article-id`. */
  article?: Article;

  /** The level of the title heading, 1 to 6 (2 when the page already has an `<h1>`). */
  headingLevel = 1;

  /**
   * Space-separated hosts whose https video iframes are kept in the body, e.g.
   * `"www.youtube-nocookie.com player.vimeo.com"`. Frames from any other host are removed.
   */
  embedHosts = '';

  /** Print the article's `<mag-comment-thread>` (same `article-id`) with the article. */
  printComments = false;

  #shown?: Loaded;
  #announced?: Article;

  readonly #task = this.dataTask(
    () => [this.article ? undefined : this.source, this.articleId] as const,
    async ([source, ref], signal) => {
      if (!source || !ref) return idle;
      const article = await source.getArticle(ref, { signal });
      return { ref, article } satisfies Loaded;
    },
  );

  /** The article on screen (possibly being reloaded), if any. */
  get #current(): Article | undefined {
    if (this.article) return this.article;
    return this.#shown && this.#shown.ref === this.articleId ? this.#shown.article : undefined;
  }

  /**
   * Loads the article again from its source (dropping the provider's shared copy, so every element
   * showing it reloads). Does nothing while the `article` property is set.
   */
  refresh(): void {
    if (this.article || !this.articleId) return;
    const source = this.source;
    if (source) source.invalidate('article', this.#current?.id ?? this.articleId);
    else void this.#task.run();
  }

  /**
   * Prints the article alone (title, meta, body, sections; its comment thread too with
   * `print-comments`), without the host page's navigation and sidebars. Fires the cancelable
   * `mag-print` first. Returns false when nothing was printed (no article, or the event was canceled).
   */
  print(): boolean {
    const article = this.#current;
    if (!article) return false;
    const event = new MagPrintEvent(article, this.printComments);
    if (!this.dispatchEvent(event)) return false;
    const targets: Element[] = [this];
    if (this.printComments) targets.push(...this.#commentThreads(article));
    preparePrint(targets);
    window.print();
    return true;
  }

  #commentThreads(article: Article): Element[] {
    const ids = new Set([article.id, article.slug, this.articleId]);
    const roots = new Set<Document | ShadowRoot>([document]);
    const root = this.getRootNode();
    if (root instanceof ShadowRoot) roots.add(root);
    const threads: Element[] = [];
    for (const r of roots) {
      for (const thread of r.querySelectorAll('mag-comment-thread')) {
        const id = (thread as Element & { articleId?: unknown }).articleId;
        const ref = typeof id === 'string' ? id : thread.getAttribute('article-id');
        if (ref && ids.has(ref)) threads.push(thread);
      }
    }
    return threads;
  }

  protected override dataChanged(event: MagInvalidateEvent): void {
    if (this.article || !this.articleId) return;
    const id = this.#current?.id;
    if (event.affects('article', this.articleId) || (id !== undefined && event.affects('article', id))) {
      void this.#task.run();
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const value = this.#task.value;
    if (this.#task.status === COMPLETE && typeof value === 'object') this.#shown = value;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const article = this.#current;
    if (article && article !== this.#announced) {
      this.#announced = article;
      // Built apart from dispatchEvent() so the manifest analyzer does not list a bogus event name.
      const event = new MagArticleLoadEvent(article);
      this.dispatchEvent(event);
    }
  }

  protected override render(): TemplateResult | typeof nothing {
    const t = this.localize.t;
    if (this.article) return this.#renderArticle(this.article, false);
    if (!this.articleId) return nothing;
    const shown = this.#current;
    const status = this.#task.status;
    if (status === ERROR) {
      const error = MagAdapterError.from(this.#task.error);
      if (error.code === 'not-found') {
        return html`<div class="base" part="base">
          <p class="state notice not-found" part="not-found" role="status">${t.articleNotFound}</p>
        </div>`;
      }
      const retry = () => void this.#task.run();
      // A failed reload keeps the text on screen, with the error and its retry above it.
      if (shown) return this.#renderArticle(shown, false, renderError(t, error, retry));
      return html`<div class="base" part="base">${renderError(t, error, retry)}</div>`;
    }
    // While a reload runs, the article stays on screen (busy); nothing to show yet: the placeholder.
    if (shown && status !== INITIAL) return this.#renderArticle(shown, status === PENDING);
    return html`<div class="base" part="base" aria-busy="true">${renderLoading(t, 7)}</div>`;
  }

  #renderArticle(article: Article, busy: boolean, error?: TemplateResult): TemplateResult {
    const t = this.localize.t;
    const embedHosts = this.embedHosts.split(/\s+/).filter(Boolean);
    const body = sanitizedBlock(this, article, article.bodyHtml, 'article', { embedHosts, embedTitle: t.embedTitle }, 'body');
    return html`<div class="base" part="base" aria-busy=${busy ? 'true' : 'false'}>
      ${error ? html`<div class="reload-error">${error}</div>` : nothing}
      <article aria-labelledby="title">
        <header class="header" part="header">
          ${renderHeading(this.headingLevel, 'title', article.title, 'title')}
          <p class="meta" part="meta">${this.#renderMeta(article)}</p>
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
      ${this.#renderNav(article)}
    </div>`;
  }

  #renderMeta(article: Article): TemplateResult[] {
    const t = this.localize.t;
    const items: TemplateResult[] = [];
    if (article.author) {
      const url = safeUrl(article.author.url);
      items.push(
        html`<span part="author">${around(t.by, url ? html`<a href=${url} rel="author">${article.author.name}</a>` : article.author.name)}</span>`,
      );
    }
    items.push(
      html`<time part="date" datetime=${article.published} title=${this.localize.date(article.published, 'long')}
        >${this.localize.date(article.published)}</time
      >`,
    );
    if (article.updated && differentDay(article.published, article.updated)) {
      items.push(
        html`<span part="updated">${around(t.updatedOn, html`<time datetime=${article.updated}>${this.localize.date(article.updated)}</time>`)}</span>`,
      );
    }
    if (article.commentCount !== undefined) {
      // Updated after a comment is posted: the provider reloads the article.
      items.push(html`<span part="comment-count">${t.commentCount(article.commentCount)}</span>`);
    }
    items.push(
      html`<button type="button" class="print" part="print" aria-label=${t.printLabel(article.title)} @click=${this.#onPrint}>
        ${t.print}
      </button>`,
    );
    // The separator before the print action (the last item) is hidden with it when printing.
    return items.map(
      (item, i) =>
        html`${i ? html`<span class=${i === items.length - 1 ? 'separator print-separator' : 'separator'} aria-hidden="true"> · </span>` : nothing}${item}`,
    );
  }

  // Lit calls a template's event listeners with the element as `this`.
  #onPrint(): void {
    this.print();
  }

  #renderNav(article: Article): TemplateResult | typeof nothing {
    const t = this.localize.t;
    const colon = t.$code.startsWith('fr') ? '\u00a0: ' : ': ';
    const link = (target: ArticleLink | undefined, part: 'previous' | 'next', label: string, rel: string) => {
      const url = safeUrl(target?.url);
      if (!target || !url) return undefined;
      return html`<span class="nav-item"
        ><a href=${url} part=${part} rel=${rel}
          >${part === 'previous' ? html`<span aria-hidden="true">« </span>` : nothing}<span class="visually-hidden">${label}${colon}</span
          >${target.title}${part === 'next' ? html`<span aria-hidden="true"> »</span>` : nothing}</a
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
      ${items.map((item, i) => html`${i ? html`<span class="separator" aria-hidden="true"> | </span>` : nothing}${item}`)}
    </nav>`;
  }
}
