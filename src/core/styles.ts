import { css } from 'lit';

/**
 * Styles shared by every element. By default text inherits the host page's font and colors, so the
 * elements look native in light and dark sites. Global tokens (`--mag-color-accent`,
 * `--mag-space-*`, `--mag-font-*`, `--mag-radius`) tune every element at once; each element also
 * has its own knobs, resolved into private `--_*` values on an inner element.
 */
export const baseStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
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
  a {
    color: var(--mag-color-link, inherit);
  }
  :is(a, button, input, textarea):focus-visible {
    outline: 2px solid var(--mag-color-focus, var(--mag-color-accent, currentColor));
    outline-offset: 2px;
  }
  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
    border: 1px solid currentColor;
    border-radius: var(--mag-radius, 0.25em);
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
    font-size: var(--mag-font-size-small, 0.875em);
    opacity: var(--mag-meta-opacity, 0.85);
  }
  .state {
    margin: var(--mag-space-m, 1rem) 0;
  }
  .placeholder {
    display: block;
    height: 0.9em;
    margin: 0.6em 0;
    border-radius: var(--mag-radius, 0.25em);
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
  .error {
    border-inline-start: 4px solid var(--mag-color-danger, #b3261e);
    padding: var(--mag-space-s, 0.5rem) var(--mag-space-m, 1rem);
  }
  .error p {
    margin: 0 0 0.5em;
  }
  .error ul {
    margin: 0 0 0.5em;
    padding-inline-start: 1.2em;
    font-size: var(--mag-font-size-small, 0.875em);
  }
  .notice {
    padding: var(--mag-space-s, 0.5rem) var(--mag-space-m, 1rem);
    border: 1px dashed currentColor;
    border-radius: var(--mag-radius, 0.25em);
  }
`;
