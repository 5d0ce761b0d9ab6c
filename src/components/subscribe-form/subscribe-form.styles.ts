import { css } from 'lit';
import { color, font, radius, space } from '../../core/tokens.js';

export const subscribeFormStyles = css`
  .base {
    --_gap: var(--mag-subscribe-form-gap, ${space.s});
    --_input-border: var(--mag-subscribe-form-input-border, 1px solid currentColor);
    --_input-background: var(--mag-subscribe-form-input-background, transparent);
    position: relative;
  }
  .heading {
    font-size: ${font.sizeHeading};
    font-weight: bold;
    margin: 0 0 var(--_gap);
  }
  form {
    display: grid;
    gap: var(--_gap);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap);
  }
  input {
    font: inherit;
    color: inherit;
    flex: 1 1 12em;
    min-width: 0;
    min-height: 44px;
    padding: 0.35em 0.6em;
    border: var(--_input-border);
    border-radius: ${radius};
    background: var(--_input-background);
  }
  input[aria-invalid='true'] {
    border-color: ${color.danger};
  }
  /* The field's error and the outcome (shown only with one: class error or success): a mark in the
     danger or success color; the text keeps the text color. */
  .field-error,
  .message {
    margin: 0;
    border-inline-start: 4px solid ${color.danger};
    padding-inline-start: ${space.s};
  }
  .message.success {
    border-inline-start-color: ${color.success};
  }
  .message:empty {
    display: none;
  }
`;
