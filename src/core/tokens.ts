import { unsafeCSS } from 'lit';
import type { CSSResult } from 'lit';

/**
 * The global design tokens: the custom properties a page sets on any ancestor of the elements to
 * theme all of them at once. Each token's default is written here and only here; the elements'
 * stylesheets interpolate these values in their `css` blocks (`padding: ${space.s}`), and each
 * element's own knobs (`--mag-comment-thread-indent`, listed in its JSDoc) fall back to them.
 *
 * By default the elements take the page's look: its text color, background, line height and link
 * color. docs/theming.md lists the tokens (its table is generated from this file by
 * `npm run docs:tokens`) and shows a complete dark theme made of tokens only.
 */

/** `var(name, fallback)`, ready to be interpolated in a Lit `css` block. */
function token(name: string, fallback: string | CSSResult): CSSResult {
  return unsafeCSS(`var(${name}, ${String(fallback)})`);
}

const accent = token('--mag-color-accent', 'currentColor');
const spaceL = token('--mag-space-l', '1.5rem');

export const color = {
  /** Text color. Default: the page's (inherited). */
  text: token('--mag-color-text', 'inherit'),
  /** Background of the elements. Default: none, the page's shows through. */
  background: token('--mag-color-background', 'transparent'),
  /** Secondary text: dates, meta lines, captions, hints. Default: the text color, slightly faded. */
  muted: token('--mag-color-muted', 'color-mix(in srgb, currentColor 85%, transparent)'),
  /** Rules, table cells, the reply rule, the border of notices. Default: the text color, faded to a quarter. */
  border: token('--mag-color-border', 'color-mix(in srgb, currentColor 25%, transparent)'),
  /**
   * Links. Default: the color the page gives its own links at the element's place (read from the
   * page when the element is added, and again when the page's color scheme, the attributes of
   * `<html>` or `<body>`, or its stylesheets change); the text color on an element given a text
   * color or a background of its own.
   */
  link: token('--mag-color-link', 'var(--_mag-page-link-color, inherit)'),
  /** Accent: the print action, quotation rules. Default: the text color. */
  accent,
  /** The focus ring. Default: the accent color. */
  focus: token('--mag-color-focus', accent),
  /** Danger: the mark beside an error and the border of a field in error (their text keeps the text color). */
  danger: token('--mag-color-danger', '#b3261e'),
  /** Success: the mark beside a success message (its text keeps the text color). */
  success: token('--mag-color-success', '#1b7f3b'),
};

export const space = {
  /** Small space: inside notices and messages, between a label and its field. */
  s: token('--mag-space-s', '0.5rem'),
  /** Medium space: between comments, around states. */
  m: token('--mag-space-m', '1rem'),
  /** Large space: the indentation of replies. */
  l: spaceL,
  /** Space below an element that has a next sibling (stacked elements); the last child of its parent has none. Default: the large space. */
  stack: token('--mag-space-stack', spaceL),
};

export const font = {
  /** Line height. Default: the page's (inherited). */
  lineHeight: token('--mag-line-height', 'inherit'),
  /** Small text: meta lines, hints, badges. */
  sizeSmall: token('--mag-font-size-small', '0.875em'),
  /** The titles of the about box, the recent contributions and the subscribe form. */
  sizeHeading: token('--mag-font-size-heading', '1.15em'),
  /** The comment thread's heading. */
  sizeLarge: token('--mag-font-size-large', '1.25em'),
};

/** Corner radius of buttons, fields, notices and photos. */
export const radius = token('--mag-radius', '0.25em');
