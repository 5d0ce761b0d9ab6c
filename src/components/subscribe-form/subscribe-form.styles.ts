import { css } from 'lit';

export const subscribeFormStyles = css`
  .base {
    --_gap: var(--mag-subscribe-form-gap, var(--mag-space-s, 0.5rem));
    --_input-border: var(--mag-subscribe-form-input-border, 1px solid currentColor);
    --_input-background: var(--mag-subscribe-form-input-background, transparent);
    --_success: var(--mag-color-success, inherit);
    --_danger: var(--mag-color-danger, inherit);
    position: relative;
  }
  .heading {
    font-size: var(--mag-font-size-heading, 1.15em);
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
    border-radius: var(--mag-radius, 0.25em);
    background: var(--_input-background);
  }
  input[aria-invalid='true'] {
    border-color: var(--mag-color-danger, #b3261e);
  }
  /* The message is shown only with an outcome (class error or success). */
  .field-error,
  .message {
    margin: 0;
    border-inline-start: 4px solid var(--mag-color-danger, #b3261e);
    padding-inline-start: var(--mag-space-s, 0.5rem);
    color: var(--_danger);
  }
  .message.success {
    border-inline-start-color: var(--mag-color-success, #1b7f3b);
    color: var(--_success);
  }
  .message:empty {
    display: none;
  }
  .hp {
    position: absolute;
    inset-inline-start: -10000px;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
`;
