import { css } from 'lit';
import { color, font, radius, space } from './tokens.js';

/**
 * Styles shared by every element. By default the elements take the page's look: its font, text
 * color, background, line height and link color; the global tokens of `./tokens.ts` theme every
 * element at once, and each element's own knobs are resolved into private `--_*` values on an
 * inner element.
 */
export const baseStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    color: ${color.text};
    background: ${color.background};
    line-height: ${font.lineHeight};
    /* Long words and URLs wrap, and a flex or grid parent can make the element narrower than them. */
    overflow-wrap: anywhere;
  }
  /* Space between stacked elements: after each one but the last of its parent. */
  :host(:not(:last-child)) {
    margin-block-end: ${space.stack};
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  /* A form's honeypot (renderHoneypot()): out of sight and out of the tab order; people leave it empty, bots fill it. */
  .honeypot {
    position: absolute;
    inset-inline-start: -10000px;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
  a {
    color: ${color.link};
  }
  :is(a, button, input, textarea, [tabindex]):focus-visible {
    outline: 2px solid ${color.focus};
    outline-offset: 2px;
  }
  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
    border: 1px solid currentColor;
    border-radius: ${radius};
    background: transparent;
    padding: 0.35em 0.9em;
    min-height: 44px;
    min-width: 44px;
  }
  button[disabled],
  button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.65;
  }
  .meta {
    font-size: ${font.sizeSmall};
    color: ${color.muted};
  }
  time {
    white-space: nowrap;
  }
  /* Sub- and superscripts and small text nested deeper than two levels shrink and shift no further. */
  :is(sub, sup, small) :is(sub, sup, small) :is(sub, sup, small) {
    font-size: inherit;
    vertical-align: baseline;
  }
  /* A separator between the items of a line: hidden where it would end a line (see LineSeparators). */
  .separator.line-end {
    visibility: hidden;
  }
  .state {
    margin: ${space.m} 0;
  }
  .placeholder {
    display: block;
    height: 0.9em;
    margin: 0.6em 0;
    border-radius: ${radius};
    background: currentColor;
    opacity: 0.12;
    animation: mag-pulse 1.4s ease-in-out infinite;
  }
  .placeholder:nth-child(4n + 2) {
    width: 92%;
  }
  .placeholder:nth-child(4n + 3) {
    width: 64%;
  }
  .placeholder:nth-child(4n) {
    width: 80%;
  }
  @keyframes mag-pulse {
    50% {
      opacity: 0.05;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .placeholder {
      animation: none;
    }
  }
  /* Messages: a notice (neutral) and an error share one shape, a bar at the start and a tint. */
  .error,
  .notice {
    padding-block: ${space.s};
    padding-inline: ${space.m};
    border-inline-start: 4px solid ${color.danger};
    border-radius: ${radius};
    background: color-mix(in srgb, currentColor 5%, transparent);
  }
  .notice {
    border-inline-start-color: ${color.border};
  }
  .error p {
    margin: 0 0 0.5em;
  }
  .error ul {
    margin: 0 0 0.5em;
    padding-inline-start: 1.2em;
    font-size: ${font.sizeSmall};
  }
`;

/** A box that lists items (recent contributions, videos): its heading, and its list with `--_gap` between items. */
export const listBoxStyles = css`
  .heading {
    font-size: ${font.sizeHeading};
    font-weight: bold;
    margin: 0 0 ${space.s};
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_gap);
  }
`;
