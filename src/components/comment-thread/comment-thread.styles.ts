import { css, unsafeCSS } from 'lit';
import { color, font, radius, space } from '../../core/tokens.js';

// Off-screen comments skip layout and paint (a large gain on long threads), replies too (thousands of
// replies to one comment). A constant string: lit-analyzer's CSS checker does not know these properties yet.
export const offscreenStyles = unsafeCSS('.comments li.comment { content-visibility: auto; contain-intrinsic-size: auto 8em; }');

export const commentThreadStyles = css`
  .thread {
    --_indent: var(--mag-comment-thread-indent, ${space.l});
    --_avatar-size: var(--mag-comment-thread-avatar-size, 2.5rem);
    --_gap: var(--mag-comment-thread-gap, ${space.m});
    --_border: var(--mag-comment-thread-border-color, ${color.border});
  }
  .heading,
  .form-title {
    font: inherit;
    font-weight: 600;
    margin: 0 0 var(--_gap);
  }
  .heading {
    font-size: ${font.sizeLarge};
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
    padding-inline-start: ${space.s};
    border-inline-start: 2px solid var(--_border);
  }
  /* Replies nested deeper than five levels (a large max-depth) are not indented further. */
  .replies .replies .replies .replies .replies .replies {
    margin-inline-start: 0;
    padding-inline-start: 0;
    border: 0;
  }
  .entry {
    display: grid;
    grid-template-columns: var(--_avatar-size) minmax(0, 1fr);
    column-gap: ${space.s};
    border-radius: ${radius};
  }
  .entry:focus-visible {
    outline: 2px solid ${color.focus};
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
    gap: 0 ${space.s};
  }
  .author {
    font-weight: 600;
  }
  time,
  .badge {
    font-size: ${font.sizeSmall};
  }
  time {
    color: ${color.muted};
  }
  .badge {
    border: 1px solid currentColor;
    border-radius: 1em;
    padding: 0 0.5em;
  }
  .in-reply-to {
    margin: 0;
    font-size: ${font.sizeSmall};
    font-style: italic;
    color: ${color.muted};
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
    font-size: ${font.sizeSmall};
  }
  .more {
    margin: var(--_gap) 0;
  }
  /* Rendered on a server and read without scripts (the element is not defined): nothing that needs them. */
  :host(:not(:defined)) :is(.more, .reply, .form) {
    display: none;
  }
  .form {
    display: grid;
    gap: ${space.s};
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
    font-size: ${font.sizeSmall};
    margin: 0;
  }
  .hint {
    color: ${color.muted};
  }
  .field-error {
    border-inline-start: 4px solid ${color.danger};
    padding-inline-start: ${space.s};
  }
  input,
  textarea {
    font: inherit;
    color: inherit;
    background: transparent;
    border: 1px solid currentColor;
    border-radius: ${radius};
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
    border-color: ${color.danger};
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: ${space.s};
  }
  .form-message {
    margin: 0;
    padding-block: ${space.s};
    padding-inline: ${space.m};
    border-inline-start: 4px solid ${color.success};
  }
  .form-message.error {
    border-color: ${color.danger};
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
