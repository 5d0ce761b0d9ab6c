import { css, unsafeCSS } from 'lit';

// Off-screen comments skip layout and paint (a large gain on long threads). A constant string:
// lit-analyzer's CSS checker does not know these properties yet.
export const offscreenStyles = unsafeCSS('.comments > li { content-visibility: auto; contain-intrinsic-size: auto 8em; }');

export const commentThreadStyles = css`
  .thread {
    --_indent: var(--mag-comment-thread-indent, var(--mag-space-l, 1.5rem));
    --_avatar-size: var(--mag-comment-thread-avatar-size, 2.5rem);
    --_gap: var(--mag-comment-thread-gap, var(--mag-space-m, 1rem));
    --_border: var(--mag-comment-thread-border-color, color-mix(in srgb, currentColor 25%, transparent));
  }
  .heading,
  .form-title {
    font: inherit;
    font-weight: 600;
    margin: 0 0 var(--_gap);
  }
  .heading {
    font-size: var(--mag-font-size-large, 1.25em);
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li.comment {
    margin: 0 0 var(--_gap);
  }
  .replies {
    margin-block-start: var(--_gap);
    margin-inline-start: var(--_indent);
    padding-inline-start: var(--mag-space-s, 0.5rem);
    border-inline-start: 2px solid var(--_border);
  }
  .entry {
    display: grid;
    grid-template-columns: var(--_avatar-size) 1fr;
    column-gap: var(--mag-space-s, 0.75rem);
    border-radius: var(--mag-radius, 0.25em);
  }
  .entry:focus-visible {
    outline: 2px solid var(--mag-color-focus, var(--mag-color-accent, currentColor));
    outline-offset: 2px;
  }
  .entry > :not(.avatar) {
    grid-column: 2;
  }
  .avatar {
    grid-row: 1 / span 3;
    position: relative;
    display: inline-grid;
    place-items: center;
    width: var(--_avatar-size);
    height: var(--_avatar-size);
    border-radius: 50%;
    border: 1px solid var(--_border);
    overflow: hidden;
    font-size: 0.9em;
    font-weight: 600;
    line-height: 1;
  }
  .avatar img {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  .avatar img[hidden] {
    display: none;
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 var(--mag-space-s, 0.5rem);
  }
  .author {
    font-weight: 600;
  }
  .badge {
    font-size: var(--mag-font-size-small, 0.875em);
    border: 1px solid currentColor;
    border-radius: 1em;
    padding: 0 0.5em;
  }
  .in-reply-to {
    margin: 0;
    font-size: var(--mag-font-size-small, 0.875em);
    font-style: italic;
  }
  .body {
    overflow-wrap: anywhere;
  }
  .body > :first-child {
    margin-block-start: 0.25em;
  }
  .body > :last-child {
    margin-block-end: 0.25em;
  }
  .body pre {
    overflow-x: auto;
  }
  .reply {
    justify-self: start;
    min-height: 32px;
    padding: 0.1em 0.7em;
    font-size: var(--mag-font-size-small, 0.875em);
  }
  .more {
    margin: var(--_gap) 0;
  }
  /* The honeypot: out of sight and out of the tab order; people leave it empty, bots fill it. */
  .honeypot {
    position: absolute;
    inset-inline-start: -10000px;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
  /* Rendered on a server and read without scripts (the element is not defined): nothing that needs them. */
  :host(:not(:defined)) :is(.more, .reply, .form) {
    display: none;
  }
  .form {
    display: grid;
    gap: var(--mag-space-s, 0.75rem);
    margin: var(--_gap) 0;
    max-width: var(--mag-comment-thread-form-width, 40rem);
  }
  li .form {
    margin-inline-start: var(--_indent);
  }
  .field {
    display: grid;
    gap: 0.25em;
    margin: 0;
  }
  label {
    font-weight: 600;
  }
  .hint,
  .field-error {
    font-size: var(--mag-font-size-small, 0.875em);
    margin: 0;
  }
  .field-error,
  .form-message.error {
    color: var(--mag-color-danger, inherit);
  }
  input,
  textarea {
    font: inherit;
    color: inherit;
    background: transparent;
    border: 1px solid currentColor;
    border-radius: var(--mag-radius, 0.25em);
    padding: 0.45em 0.6em;
    min-height: 44px;
    width: 100%;
  }
  textarea {
    min-height: 8em;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-width: 2px;
    border-color: var(--mag-color-danger, currentColor);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--mag-space-s, 0.5rem);
  }
  .form-message {
    margin: 0;
    padding: var(--mag-space-s, 0.5rem) var(--mag-space-m, 1rem);
    border-inline-start: 4px solid currentColor;
  }
  .form-message.error {
    border-color: var(--mag-color-danger, #b3261e);
  }
  [aria-busy='true'] .comments {
    opacity: 0.7;
  }
  @media print {
    .form,
    .reply,
    .more,
    .form-message {
      display: none;
    }
  }
`;
