import { css } from 'lit';
import { color, font, space } from '../../core/tokens.js';

export const articleStyles = css`
  .base {
    --_spacing: var(--mag-article-spacing, ${space.m});
    --_accent: var(--mag-article-accent, ${color.accent});
    --_title-size: var(--mag-article-title-size, 1.75em);
    --_title-font: var(--mag-article-title-font, inherit);
    max-width: var(--mag-article-max-width, none);
  }
  .header {
    margin-block-end: var(--_spacing);
  }
  .title {
    font-family: var(--_title-font);
    font-size: var(--_title-size);
    line-height: 1.2;
    margin: 0 0 calc(var(--_spacing) / 2);
  }
  .header .meta {
    margin: 0;
  }
  /* Only the author's name may wrap inside an item of the meta line ("12 | commentaires", no). */
  [part='updated'],
  [part='comment-count'] {
    white-space: nowrap;
  }
  /* Rendered on a server and read without scripts (the element is not defined): no button that needs them. */
  :host(:not(:defined)) :is(.print, .print-separator) {
    display: none;
  }
  .print {
    border: 0;
    padding: 0 0.15em;
    min-height: 24px;
    min-width: 24px;
    background: none;
    color: var(--_accent);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  .body > :first-child {
    margin-block-start: 0;
  }
  /* Every image keeps its place while it loads: the box of its width and height, else a default shape. */
  .body img {
    max-width: 100%;
    height: auto;
    max-height: 100vh;
    object-fit: contain;
  }
  .body img:not([width][height]) {
    width: 100%;
    aspect-ratio: var(--mag-article-image-ratio, 16 / 9);
  }
  .body iframe {
    display: block;
    width: 100%;
    height: auto;
    aspect-ratio: 16 / 9;
    border: 0;
  }
  .body figure {
    margin-inline: 0;
  }
  .body figcaption {
    font-size: ${font.sizeSmall};
    color: ${color.muted};
  }
  .body blockquote {
    margin-inline: 0;
    padding-inline-start: var(--_spacing);
    border-inline-start: 3px solid var(--_accent);
  }
  /* Wide tables and code scroll inside the article; words in cells stay whole. */
  .body pre,
  .body table {
    overflow-x: auto;
  }
  .body table {
    display: block;
    width: max-content;
    max-width: 100%;
    border-collapse: collapse;
  }
  .body th,
  .body td {
    border: 1px solid ${color.border};
    padding: 0.25em 0.5em;
    text-align: start;
    overflow-wrap: break-word;
  }
  .sections {
    margin: var(--_spacing) 0 0;
  }
  .nav {
    margin-block-start: var(--_spacing);
    padding-block-start: calc(var(--_spacing) / 2);
    border-block-start: 1px solid ${color.border};
    text-align: center;
  }
  /* The placeholder starts where the title will. */
  .state.loading-state {
    margin-block-start: 0;
  }
  /* The first placeholder (after the hidden announcement) stands for the title. */
  .state.loading-state .visually-hidden + .placeholder {
    height: 1.6em;
    width: 70%;
    margin-block: 0 var(--_spacing);
  }
  .not-found {
    margin: var(--_spacing) 0;
  }
  .reload-error {
    margin-block-end: var(--_spacing);
  }
  [aria-busy='true'] > article {
    opacity: 0.7;
  }
  @media print {
    .print,
    .print-separator,
    .nav,
    .reload-error {
      display: none !important;
    }
    [aria-busy='true'] > article {
      opacity: 1;
    }
    .body a[href^='http']::after {
      content: ' (' attr(href) ')';
      font-size: 0.85em;
    }
    .body figure,
    .body img,
    .body table,
    .body blockquote,
    .body pre {
      break-inside: avoid;
    }
    .title,
    .body h2,
    .body h3,
    .body h4 {
      break-after: avoid;
    }
    .body iframe {
      display: none;
    }
  }
`;
