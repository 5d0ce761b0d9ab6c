import type { ReactiveController, ReactiveElement } from 'lit';

/** The controllers of the elements on the page, read again when the page's colors may have changed. */
const connected = new Set<PageLinkColor>();
let watching = false;

function readAll(): void {
  for (const controller of connected) controller.read();
}

/**
 * The page's colors change with its color scheme (the system's, or a class or attribute that a
 * theme switch sets on `<html>` or `<body>`) and when a stylesheet loads: read them again then.
 */
function watchPage(): void {
  if (watching) return;
  watching = true;
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', readAll);
  const observer = new MutationObserver(readAll);
  for (const element of [document.documentElement, document.body]) {
    if (element) observer.observe(element, { attributes: true });
  }
  // `load` does not bubble: listened to in the capture phase, for stylesheets only.
  document.addEventListener('load', (event) => event.target instanceof HTMLLinkElement && readAll(), true);
}

/**
 * Gives the element the color of the page's own links at its place (`--mag-color-link` overrides it),
 * since the page's rules for `a` do not reach into a shadow root. A link is added next to the
 * element for an instant, its color read, and the link removed (in the same task: it is never
 * drawn); the color becomes the private `--_mag-page-link-color` of the element's `:host`, unless
 * the element has colors of its own.
 */
export class PageLinkColor implements ReactiveController {
  private readonly _host: ReactiveElement;
  /** The element's own stylesheet: `:host { --_mag-page-link-color: … }`. */
  private readonly _sheet = new CSSStyleSheet();
  /** Set when the element is added to a page: the color is read after its next update. */
  private _stale = false;

  /** `host.addController(new PageLinkColor(host))`. */
  constructor(host: ReactiveElement) {
    this._host = host;
    this._sheet.insertRule(':host {}');
  }

  hostConnected(): void {
    connected.add(this);
    watchPage();
    const root = this._host.renderRoot as ShadowRoot;
    if (!root.adoptedStyleSheets.includes(this._sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, this._sheet];
    this._stale = true;
  }

  hostUpdated(): void {
    // After an update rather than on connection: a parent element upgraded just before this one (a
    // provider) may not have rendered the slot that shows it yet, and the probe would not be drawn.
    if (this._stale) {
      this._stale = false;
      this.read();
    }
  }

  hostDisconnected(): void {
    connected.delete(this);
  }

  /** Reads the page's link color at the element's place. */
  read(): void {
    const host = this._host;
    if (!host.isConnected) return;
    const probe = document.createElement('a');
    probe.href = '#';
    host.before(probe);
    // Empty when the probe is not drawn (in a shadow root without a slot for it): no color then.
    const linkColor = getComputedStyle(probe).color;
    probe.remove();
    // The page's link color goes with the page's colors: an element given a text color or a
    // background of its own (tokens, a rule of the page) keeps its text color for links.
    const own = getComputedStyle(host);
    const parent = host.parentElement ?? (host.getRootNode() as ShadowRoot).host;
    const themed = own.backgroundColor !== 'rgba(0, 0, 0, 0)' || own.color !== getComputedStyle(parent).color;
    (this._sheet.cssRules[0] as CSSStyleRule).style.setProperty('--_mag-page-link-color', themed ? '' : linkColor);
  }
}
