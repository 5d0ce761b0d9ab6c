import { css } from 'lit';
import { font, radius, space } from '../../core/tokens.js';

export const aboutBoxStyles = css`
  .base {
    --_photo-size: var(--mag-about-box-photo-size, 96px);
    --_photo-ratio: var(--mag-about-box-photo-ratio, 1);
    --_photo-radius: var(--mag-about-box-photo-radius, ${radius});
    display: grid;
    gap: var(--mag-about-box-gap, ${space.s});
  }
  .heading {
    font-size: ${font.sizeHeading};
    font-weight: bold;
    margin: 0;
  }
  .name {
    margin: 0;
    font-weight: bold;
  }
  /* The photo's box does not depend on the image: no shift when it loads (it is lazy). */
  .photo {
    display: block;
    width: var(--_photo-size);
    max-width: 100%;
    height: auto;
    aspect-ratio: var(--_photo-ratio);
    object-fit: cover;
    /* A broken image's alt text stays in the box, which keeps its size. */
    overflow: hidden;
    border-radius: var(--_photo-radius);
  }
  .bio > :first-child {
    margin-top: 0;
  }
  .bio > :last-child {
    margin-bottom: 0;
  }
  .links {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
  }
`;
