import { css } from 'lit';
import { space } from '../../core/tokens.js';

export const recentContributionsStyles = css`
  .base {
    --_gap: var(--mag-recent-contributions-gap, ${space.m});
    --_current-weight: var(--mag-recent-contributions-current-weight, bold);
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
