import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { TemplateResult } from 'lit';
import type { MagAdapterError } from './errors.js';
import type { MagTranslation } from './localize.js';
import type { Section } from './model.js';
import { safeUrl } from './url.js';

const MAX_PROBLEMS_SHOWN = 10;

/** The localized message for an error; for `invalid-data`, the problems are listed by `renderError`. */
export function errorMessage(t: MagTranslation, error: MagAdapterError, overrides: Partial<Record<string, string>> = {}): string {
  return overrides[error.code] ?? t.errors[error.code] ?? t.errors.unknown;
}

/** A loading placeholder that keeps some height, announced politely. */
export function renderLoading(t: MagTranslation, lines = 3): TemplateResult {
  return html`<div class="state loading-state" part="loading" role="status">
    <span class="visually-hidden">${t.loading}</span>
    ${Array.from({ length: lines }, () => html`<span class="placeholder" aria-hidden="true"></span>`)}
  </div>`;
}

/** An error with its localized message, the problems of invalid data, and a retry button. */
export function renderError(
  t: MagTranslation,
  error: MagAdapterError,
  retry: () => void,
  overrides: Partial<Record<string, string>> = {},
): TemplateResult {
  const problems = error.code === 'invalid-data' ? error.problems.slice(0, MAX_PROBLEMS_SHOWN) : [];
  return html`<div class="state error" part="error" role="alert">
    <p>${errorMessage(t, error, overrides)}</p>
    ${problems.length
      ? html`<p>${t.invalidDataDetails}</p>
          <ul>
            ${problems.map((p) => html`<li>${p}</li>`)}
            ${error.problems.length > problems.length ? html`<li>…</li>` : nothing}
          </ul>`
      : nothing}
    <button type="button" part="retry" @click=${retry}>${t.retry}</button>
  </div>`;
}

/** The sections an article was published in, comma-separated, each a link when it has a safe URL. */
export function renderSections(sections: Section[]): TemplateResult[] {
  return sections.map((section, i) => {
    const url = safeUrl(section.url);
    return html`${i ? ', ' : ''}${url ? html`<a href=${url}>${section.name}</a>` : section.name}`;
  });
}

/**
 * A translated sentence with `content` (a link, a `<time>`) where the translation puts its argument:
 * `sentenceWith(t.by, link)` renders "par " then the link in French, "by " then the link in English.
 */
export function sentenceWith(translate: (value: string) => string, content: unknown): TemplateResult {
  const placeholder = '\u0000';
  const [before = '', after = ''] = translate(placeholder).split(placeholder);
  return html`${before}${content}${after}`;
}

/**
 * A form's honeypot (`#hp`): a field people do not see, out of the tab order and hidden from assistive
 * technology. Named `website`, so that a bot filling every named field fills it, and a native post
 * sends it for the endpoint to check.
 */
export const renderHoneypot = (t: MagTranslation): TemplateResult =>
  html`<p class="honeypot" aria-hidden="true"><label for="hp">${t.honeypotLabel}</label><input id="hp" name="website" type="text" tabindex="-1" autocomplete="off" /></p>`;

/** A heading level from an attribute's value: a whole number from 1 to 6, else `fallback`. */
export const headingLevel = (value: unknown, fallback: number): number => Math.min(6, Math.max(1, Math.trunc(Number(value)) || fallback));

/**
 * The title of a box whose `heading` slot can replace it (`<mag-about-box>`, `<mag-recent-contributions>`,
 * `<mag-subscribe-form>`): `role="heading"` at `level` (the element's `heading-level`, 2 by default),
 * with the id `heading` that the box is labelled by.
 */
export function renderSlottedHeading(level: unknown, text: unknown): TemplateResult {
  return html`<div class="heading" part="heading" id="heading" role="heading" aria-level=${headingLevel(level, 2)}>
    <slot name="heading">${text}</slot>
  </div>`;
}

/**
 * A native heading of `level` (clamped to 1–6) whose class and part are `part`. Six templates
 * rather than `lit/static-html.js` (a variable tag name), which would add its module to every bundle
 * (sizes: docs/performance.md).
 */
export function renderHeading(level: number, part: string, text: unknown, id?: string): TemplateResult {
  switch (headingLevel(level, 1)) {
    case 1:
      return html`<h1 part=${part} class=${part} id=${ifDefined(id)}>${text}</h1>`;
    case 2:
      return html`<h2 part=${part} class=${part} id=${ifDefined(id)}>${text}</h2>`;
    case 3:
      return html`<h3 part=${part} class=${part} id=${ifDefined(id)}>${text}</h3>`;
    case 4:
      return html`<h4 part=${part} class=${part} id=${ifDefined(id)}>${text}</h4>`;
    case 5:
      return html`<h5 part=${part} class=${part} id=${ifDefined(id)}>${text}</h5>`;
    default:
      return html`<h6 part=${part} class=${part} id=${ifDefined(id)}>${text}</h6>`;
  }
}
