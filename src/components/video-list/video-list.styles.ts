import { css } from 'lit';
import { color, font, radius, space } from '../../core/tokens.js';

export const videoListStyles = css`
  .base {
    --_gap: var(--mag-video-list-gap, ${space.m});
    --_ratio: var(--mag-video-list-ratio, 16 / 9);
  }
  /* The box keeps its shape before the thumbnail loads; the consent step's text may make it taller. */
  .media {
    aspect-ratio: var(--_ratio);
    margin-bottom: ${space.s};
  }
  .play {
    position: relative;
    display: block;
    width: 100%;
    height: 100%;
    min-height: 0;
    padding: 0;
    border: 0;
  }
  .thumbnail,
  .player {
    display: block;
    width: 100%;
    height: 100%;
    border: 0;
    border-radius: ${radius};
    object-fit: cover;
  }
  .player {
    background: #000;
  }
  .placeholder-thumbnail {
    position: relative;
    background: color-mix(in srgb, currentColor 12%, transparent);
  }
  .host {
    position: absolute;
    inset-inline-start: ${space.s};
    inset-block-end: ${space.s};
    font-size: ${font.sizeSmall};
  }
  .icon {
    position: absolute;
    inset: 0;
    margin: auto;
    width: 3rem;
    height: 3rem;
    padding: 0.6rem;
    border-radius: 50%;
    background: rgb(0 0 0 / 0.75);
    fill: #fff;
  }
  .play:is(:hover, :focus-visible) .icon {
    background: #000;
    outline: 2px solid #fff;
  }
  .consent {
    height: 100%;
    padding: ${space.s};
    border: 1px solid ${color.border};
    border-radius: ${radius};
    font-size: ${font.sizeSmall};
  }
  .consent p {
    margin: 0 0 ${space.s};
  }
  .consent-actions {
    display: flex;
    flex-wrap: wrap;
    gap: ${space.s};
  }
  .title {
    display: block;
  }
  .meta {
    display: block;
    margin-top: 0.15em;
  }
`;
