import { css } from 'lit';
import { font, space } from '../../core/tokens.js';

export const recentContributionsStyles = css`
  .base {
    --_gap: var(--mag-recent-contributions-gap, ${space.m});
    --_current-weight: var(--mag-recent-contributions-current-weight, bold);
  }
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
