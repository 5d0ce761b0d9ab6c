import { css } from 'lit';

export const recentContributionsStyles = css`
  .base {
    --_gap: var(--mag-recent-contributions-gap, var(--mag-space-s, 0.75rem));
    --_current-weight: var(--mag-recent-contributions-current-weight, bold);
  }
  .heading {
    font-size: var(--mag-font-size-heading, 1.15em);
    font-weight: bold;
    margin: 0 0 var(--mag-space-s, 0.5rem);
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_gap);
  }
  .title {
    display: block;
  }
  .current .title {
    font-weight: var(--_current-weight);
  }
  .meta {
    display: block;
    margin-top: 0.15em;
  }
`;
