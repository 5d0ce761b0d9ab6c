import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { LineSeparators } from '../../core/line-separators.js';
import { MagElement } from '../../core/mag-element.js';
import type { ArticleSummary } from '../../core/model.js';
import type { MagInvalidateEvent } from '../../core/shared-adapter.js';
import { renderError, renderLoading, renderSections, renderSlottedHeading } from '../../core/states.js';
import { safeUrl } from '../../core/url.js';
import { listBoxStyles } from '../../core/styles.js';
import { recentContributionsStyles } from './recent-contributions.styles.js';

const DEFAULT_LIMIT = 5;

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
 * @cssprop [--mag-recent-contributions-gap=var(--mag-space-m)] - Space between two articles.
 * @cssprop [--mag-recent-contributions-current-weight=bold] - Font weight of the current article's title.
 *
 * @fires {MagLoadErrorEvent} mag-load-error - The list could not be loaded (`event.error` is a `MagAdapterError`); the element shows the error itself.
 */
export class MagRecentContributions extends MagElement {
  static override styles = [...MagElement.styles, listBoxStyles, recentContributionsStyles];

  /** How many articles to show (default 5); an adapter that answers more is cut down. */
  @property({ type: Number, reflect: true }) limit = DEFAULT_LIMIT;

  /** Only articles published in this section (its name, as the data source knows it). */
  @property() section?: string;

  /** The title; the `heading` slot replaces it. Default: "Recent contributions" / "Dernières contributions". */
  @property() heading?: string;

  /** The level of the title for assistive technology (1–6, default 2). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** The id of the article the page shows: it is marked with `aria-current="page"`. */
  @property({ attribute: 'current-article' }) currentArticle?: string;

  /** Leave the current article out of the list instead of marking it (one more article is asked for, so that `limit` are still shown). */
  @property({ type: Boolean, attribute: 'exclude-current' }) excludeCurrent = false;


  constructor() {
    super();
    // The separator between an article's date and its sections never starts or ends a line.
    this.addController(new LineSeparators(this));
  }

  private readonly _task = this.dataTask({
    args: () => (this.source ? ([this.source, this._fetchLimit, this.section || undefined] as const) : undefined),
    request: ([source, limit, section], signal) => source.listRecent({ limit, ...(section ? { section } : {}), signal }),
    cached: ([source, limit, section]) => source.cachedRecent({ limit, section }),
  });

  /** `limit` as a whole number ≥ 1 (5 for anything else). */
  private get _limit(): number {
    return Number.isFinite(this.limit) && this.limit >= 1 ? Math.floor(this.limit) : DEFAULT_LIMIT;
  }

  /** With `exclude-current`, one more article is asked for, so that `limit` are left. */
  private get _fetchLimit(): number {
    return this.excludeCurrent && this.currentArticle ? this._limit + 1 : this._limit;
  }

  /** Drops the cached list and loads it again. */
  refresh(): void {
    const source = this.source;
    if (source) source.invalidate('recent');
    else void this._task.run();
  }

  protected override dataChanged(event: MagInvalidateEvent): void {
    if (event.affects('recent')) void this._task.run();
  }

  private _visible(list: ArticleSummary[]): ArticleSummary[] {
    const shown = this.excludeCurrent && this.currentArticle ? list.filter((a) => a.id !== this.currentArticle) : list;
    return shown.slice(0, this._limit);
  }

  override render(): TemplateResult {
    const t = this.localize.t;
    return html`<section class="base" part="base" aria-labelledby="heading" aria-busy=${this._task.loading ? 'true' : 'false'}>
      ${renderSlottedHeading(this.headingLevel, this.heading || t.recentTitle)}
      ${this._renderBody()}
    </section>`;
  }

  private _renderBody(): TemplateResult {
    const t = this.localize.t;
    const { status, value: list, error } = this._task;
    if (status === 'error' && error) return renderError(t, error, this._retry);
    // About the height of the list to come: a title and a line of sections per article.
    if (!list) return renderLoading(t, 2 * this._limit);
    const shown = this._visible(list);
    if (!shown.length) return html`<p class="empty" part="empty">${t.noRecent}</p>`;
    return html`<ul class="list" part="list">
      ${shown.map((article) => this._renderItem(article))}
    </ul>`;
  }

  private _retry(): void {
    void this._task.run();
  }

  private _renderItem(article: ArticleSummary): TemplateResult {
    const t = this.localize.t;
    const current = article.id === this.currentArticle;
    const href = safeUrl(article.url);
    return html`<li class="item ${current ? 'current' : ''}" part=${current ? 'item current' : 'item'}>
      ${href
        ? html`<a class="title" part="link" href=${href} aria-current=${ifDefined(current ? 'page' : undefined)}>${article.title || t.untitled}</a>`
        : html`<span class="title" part="link" aria-current=${ifDefined(current ? 'page' : undefined)}>${article.title || t.untitled}</span>`}
      <span class="meta"
        ><time part="date" datetime=${article.published} title=${this.localize.date(article.published, 'long')}>${this.localize.date(article.published)}</time
        >${article.sections.length
          ? html`<span class="separator" aria-hidden="true">&nbsp;· </span><span class="sections" part="sections">${t.postedIn} ${renderSections(article.sections)}</span>`
          : nothing}</span
      >
    </li>`;
  }
}
