/**
 * `mag-elements/server`: the library's elements rendered on a server (Node), as HTML that reads without
 * scripts and that the browser's elements take over without asking for their data again. Needs the
 * optional dependencies `@lit-labs/ssr`, `jsdom` and `parse5`. See docs/server-rendering.md.
 */
export { renderPage, type RenderPageOptions } from './render-page.js';
