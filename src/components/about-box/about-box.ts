import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { MagElement } from '../../core/mag-element.js';
import type { About } from '../../core/model.js';
import { renderSanitized } from '../../core/sanitize.js';
import type { MagInvalidateEvent } from '../../core/shared-adapter.js';
import { renderError, renderLoading, renderSlottedHeading } from '../../core/states.js';
import { safeImageUrl, safeUrl } from '../../core/url.js';
import { aboutBoxStyles } from './about-box.styles.js';

/** Lines of the loading placeholder: about the height of a presentation of a few paragraphs. */
const LOADING_LINES = 12;

/**
 * A presentation box: a title, a photo or logo, a name, a short bio, a contact link and other
 * links. The seed page has two: the magazine's presentation ("La République des Territoires - Le
 * Mag: Bienvenue …") and the author's "A propos" with "Me contacter".
 *
 * It shows one of the data source's about boxes (`getAbout(key)`): `key="magazine"`,
 * `key="author"`…, or the ready `about` object given as a property (nothing is then loaded). The
 * bio is untrusted HTML, sanitized with the `bio` profile (text formatting, links and lists); every
 * URL passes the URL policy.
 *
 * @summary A presentation box: title, photo or logo, a short bio, a contact link and other links.
 *
 * @tag mag-about-box
 *
 * @slot heading - Replaces the title (default: the `heading` attribute, else the box's title, else "About" / "A propos").
 * @slot - Extra content shown after the links (a logo, a follow button…).
 *
 * @csspart base - The wrapper of the box.
 * @csspart heading - The title.
 * @csspart photo - The photo or logo (`<img>`).
 * @csspart name - The person's name.
 * @csspart bio - The sanitized bio.
 * @csspart logo - The logo after the bio (`<img>`), when the box has one.
 * @csspart contact - The contact link ("Contact me" / "Me contacter").
 * @csspart links - The list of extra links.
 * @csspart link - One extra link.
 * @csspart loading - The loading placeholder.
 * @csspart error - The error message.
 * @csspart retry - The retry button of the error message.
 * @csspart unsupported - The message shown when the data source has no about boxes.
 *
 * @cssprop [--mag-about-box-gap=var(--mag-space-s)] - Space between the parts of the box.
 * @cssprop [--mag-about-box-photo-size=96px] - Width of the photo or logo (at most the width of the box).
 * @cssprop [--mag-about-box-photo-ratio=1] - Shape of the photo's box, width / height (`3 / 1` for a wide logo). The box is reserved before the image loads; the image covers it.
 * @cssprop [--mag-about-box-photo-radius=var(--mag-radius)] - Corner radius of the photo (`50%` for a round one).
 *
 * @fires {MagLoadErrorEvent} mag-load-error - The box could not be loaded (`event.error` is a `MagAdapterError`); the element shows the error itself.
 */
export class MagAboutBox extends MagElement {
  static override styles = [...MagElement.styles, aboutBoxStyles];

  /** Which of the data source's about boxes to show (for example `magazine` or `author`); none: the first one. */
  @property({ reflect: true }) key?: string;

  /** A ready about box to show instead of loading one from the data source. */
  @property({ attribute: false }) about?: About;

  /** The title; the `heading` slot replaces it. Default: the box's own title, else "About" / "A propos". */
  @property() heading?: string;

  /** The level of the title for assistive technology (1–6, default 2). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  private readonly _task = this.dataTask({
    args: () => {
      const source = this.about ? undefined : this.source;
      return source ? ([source, this.key || undefined] as const) : undefined;
    },
    request: ([source, key], signal) => source.getAbout(key, { signal }),
    cached: ([source, key]) => source.cachedAbout(key),
  });

  /** Drops the cached box and loads it again (nothing to load when `about` is set). */
  refresh(): void {
    if (this.about) return;
    const source = this.source;
    if (source) source.invalidate('about', this.key || undefined);
    else void this._task.run();
  }

  protected override dataChanged(event: MagInvalidateEvent): void {
    if (!this.about && event.affects('about', this.key || undefined)) void this._task.run();
  }

  override render(): TemplateResult {
    const t = this.localize.t;
    const loading = !this.about && this._task.loading;
    const about = this.about ?? this._task.value;
    return html`<section class="base" part="base" aria-labelledby="heading" aria-busy=${loading ? 'true' : 'false'}>
      ${renderSlottedHeading(this.headingLevel, this.heading || about?.title || t.aboutTitle)}
      ${about ? this._renderAbout(about) : this._renderState()}
    </section>`;
  }

  private _renderState(): TemplateResult {
    const t = this.localize.t;
    const { status, error } = this._task;
    if (status === 'error' && error) {
      if (error.code === 'unsupported') return html`<p class="notice" part="unsupported">${t.errors.unsupported}</p>`;
      return renderError(t, error, this._retry);
    }
    return renderLoading(t, LOADING_LINES);
  }

  private _retry(): void {
    void this._task.run();
  }

  private _renderAbout(about: About): TemplateResult {
    const t = this.localize.t;
    const relativeImages = this.source?.allowRelativeImages;
    const photo = safeImageUrl(about.photoUrl, relativeImages);
    const logo = safeImageUrl(about.logoUrl, relativeImages);
    const contact = safeUrl(about.contactUrl);
    const links = (about.links ?? []).flatMap((link) => {
      const href = safeUrl(link.url);
      const label = link.label ?? (link.kind === 'website' ? t.aboutWebsite : link.kind === 'articles' ? t.aboutArticles(about.name) : undefined);
      return href && label ? [html`<li><a part="link" href=${href}>${label}</a></li>`] : [];
    });
    return html`${photo ? html`<img class="photo" part="photo" src=${photo} alt=${about.photoAlt ?? ''} loading="lazy" decoding="async" referrerpolicy="no-referrer" />` : nothing}
      ${about.name ? html`<p class="name" part="name">${about.name}</p>` : nothing}
      ${renderSanitized(this, about, about.bioHtml, 'bio', {}, 'bio')}
      ${logo ? html`<img class="logo" part="logo" src=${logo} alt=${about.logoAlt ?? ''} loading="lazy" decoding="async" referrerpolicy="no-referrer" />` : nothing}
      ${contact ? html`<p class="contact"><a part="contact" href=${contact}>${about.contactLabel ?? t.contact}</a></p>` : nothing}
      ${links.length
        ? html`<ul class="links" part="links">
            ${links}
          </ul>`
        : nothing}
      <slot></slot>`;
  }
}
