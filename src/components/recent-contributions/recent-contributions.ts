import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { MagAdapterError } from '../../core/errors.js';
import { MagElement } from '../../core/mag-element.js';
import type { ArticleSummary } from '../../core/model.js';
import type { MagInvalidateEvent } from '../../core/shared-adapter.js';
import { renderError, renderLoading, renderSections, renderSlottedHeading } from '../../core/states.js';
import { safeUrl } from '../../core/url.js';
import { recentContributionsStyles } from './recent-contributions.styles.js';
import { ERROR, PENDING, idle } from '../../core/data-task.js';

/**
 * A titled list of the newest articles, each with its linked title, its date and "Publié dans …"
 * (the sections it was published in): the seed page's sidebar list "Dernières contributions sur Le
 * Mag".
 *
 * It lists the newest articles of the data source (`listRecent`), optionally those of one section.
 * The article the page shows (`current-article`) is marked with `aria-current="page"`, or left out
 * with `exclude-current`. On a reload the old list stays visible with `aria-busy="true"`.
 *
 * @summary A titled list of the newest articles: linked title, date and the sections each one was published in.
 *
 * @tag mag-recent-contributions
 *
 * @slot heading - Replaces the title (default: the `heading` attribute, else "Recent contributions" / "Dernières contributions").
 *
 * @csspart base - The wrapper around the title and the list.
 * @csspart heading - The title.
 * @csspart list - The `<ul>` of articles.
 * @csspart item - One article (`<li>`); the current article also has the part `current`.
 * @csspart current - The current article's item.
 * @csspart link - The article's title link.
 * @csspart date - The article's date (`<time>`).
 * @csspart sections - The "Posted in …" line.
 * @csspart empty - The message shown when there is no article.
 * @csspart loading - The loading placeholder.
 * @csspart error - The error message.
 * @csspart retry - The retry button of the error message.
 *
 * @cssprop [--mag-recent-contributions-gap=var(--mag-space-s, 0.75rem)] - Space between two articles.
 * @cssprop [--mag-recent-contributions-current-weight=bold] - Font weight of the current article's title.
 *
 * @fires {MagLoadErrorEvent} mag-load-error - The list could not be loaded (`event.error` is a `MagAdapterError`); the element shows the error itself.
 */
export class MagRecentContributions extends MagElement {
  static override styles = [...MagElement.styles, recentContributionsStyles];

  static override get properties() {
    return {
      limit: { type: Number, reflect: true },
      section: {},
      heading: {},
      headingLevel: { type: Number, attribute: 'heading-level' },
      currentArticle: { attribute: 'current-article' },
      excludeCurrent: { type: Boolean, attribute: 'exclude-current' },
    };
  }

  /** How many articles to show (default 5); an adapter that answers more is cut down. */
  limit = 5;

  /** Only articles published in this section (its name, as the data source knows it). */
  section?: string;

  /** The title; the `heading` slot replaces it. Default: "Recent contributions" / "Dernières contributions". */
  heading?: string;

  /** The level of the title for assistive technology (1–6, default 2). */
  headingLevel = 2;

  /** The id of the article the page shows: it is marked with `aria-current="page"`. */
  currentArticle?: string;

  /** Leave the current article out of the list instead of marking it (one more article is asked for, so that `limit` are still shown). */
  excludeCurrent = false;

  readonly #task = this.dataTask(
    () => [this.source, this.#fetchLimit, this.section || undefined] as const,
    async ([source, limit, section], signal) => {
      if (!source) return idle;
      return source.listRecent({ limit, ...(section ? { section } : {}), signal });
    },
  );

  /** With `exclude-current`, one more article is asked for, so that `limit` are left. */
  get #fetchLimit(): number {
    const limit = Number.isFinite(this.limit) && this.limit > 0 ? Math.floor(this.limit) : 5;
    return this.excludeCurrent && this.currentArticle ? limit + 1 : limit;
  }

  /** Drops the cached list and loads it again. */
  refresh(): void {
    const source = this.source;
    if (source) source.invalidate('recent');
    else void this.#task.run();
  }

  protected override dataChanged(event: MagInvalidateEvent): void {
    if (event.affects('recent')) void this.#task.run();
  }

  #visible(list: ArticleSummary[]): ArticleSummary[] {
    const shown = this.excludeCurrent && this.currentArticle ? list.filter((a) => a.id !== this.currentArticle) : list;
    const limit = Number.isFinite(this.limit) && this.limit > 0 ? Math.floor(this.limit) : 5;
    return shown.slice(0, limit);
  }

  override render(): TemplateResult {
    const t = this.localize.t;
    const pending = this.#task.status === PENDING;
    const value = this.#task.value;
    const list = Array.isArray(value) ? value : undefined;
    return html`<section class="base" part="base" aria-labelledby="heading" aria-busy=${pending ? 'true' : 'false'}>
      ${renderSlottedHeading(this.headingLevel, this.heading || t.recentTitle)}
      ${this.#renderBody(list)}
    </section>`;
  }

  #renderBody(list: ArticleSummary[] | undefined): TemplateResult {
    const t = this.localize.t;
    const status = this.#task.status;
    if (status === ERROR) {
      const error = MagAdapterError.from(this.#task.error);
      if (error.code !== 'aborted') return renderError(t, error, () => void this.#task.run());
      return renderLoading(t);
    }
    if (!list) return renderLoading(t);
    const shown = this.#visible(list);
    if (!shown.length) return html`<p class="empty" part="empty">${t.noRecent}</p>`;
    return html`<ul class="list" part="list">
      ${shown.map((article) => this.#renderItem(article))}
    </ul>`;
  }

  #renderItem(article: ArticleSummary): TemplateResult {
    const t = this.localize.t;
    const current = article.id === this.currentArticle;
    const href = safeUrl(article.url);
    return html`<li class="item ${current ? 'current' : ''}" part=${current ? 'item current' : 'item'}>
      ${href
        ? html`<a class="title" part="link" href=${href} aria-current=${ifDefined(current ? 'page' : undefined)}>${article.title}</a>`
        : html`<span class="title" part="link" aria-current=${ifDefined(current ? 'page' : undefined)}>${article.title}</span>`}
      <span class="meta">
        <time part="date" datetime=${article.published}>${this.localize.date(article.published, 'long')}</time>
        ${article.sections.length
          ? html`<span class="sections" part="sections"> · ${t.postedIn} ${renderSections(article.sections)}</span>`
          : nothing}
      </span>
    </li>`;
  }
}
