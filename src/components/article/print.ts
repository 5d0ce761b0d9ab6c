import { css } from 'lit';

/**
 * Printing one article without the host page around it.
 *
 * While printing, `<html>` carries `data-mag-printing`, every element on the way from the article
 * (and, optionally, its comment thread) up to `<html>` carries `data-mag-print-path`, the printed
 * elements carry `data-mag-print-target`, and a print-only stylesheet is adopted by the document
 * (and by every shadow root on the way): it hides every sibling of the path (marked
 * `data-mag-print-hidden` at the top of a shadow root), so navigation and
 * sidebars disappear, and undoes the layout of the path (grids, fixed heights, overflow), so no
 * text is cut. A constructable stylesheet is used rather than a `<style>` element, which a strict
 * Content-Security-Policy (`style-src 'self'`) would block. Everything is removed on `afterprint`.
 */

const PATH = 'data-mag-print-path';
const TARGET = 'data-mag-print-target';
const HIDDEN = 'data-mag-print-hidden';
const PRINTING = 'data-mag-printing';

// A css`…` template, so that the build minifies it like the elements' styles.
const printStyles = css`@media print {
  [data-mag-print-path]:not(slot) {
    display: block !important;
    position: static !important;
    float: none !important;
    inset: auto !important;
    width: auto !important;
    min-width: 0 !important;
    max-width: none !important;
    height: auto !important;
    min-height: 0 !important;
    max-height: none !important;
    margin: 0 !important;
    padding: 0 !important;
    border: 0 !important;
    overflow: visible !important;
    transform: none !important;
    box-shadow: none !important;
    columns: auto !important;
  }
  [data-mag-print-path] > :not([data-mag-print-path]):not([data-mag-print-target]),
  [data-mag-print-hidden] {
    display: none !important;
  }
  [data-mag-print-target] {
    position: static !important;
    float: none !important;
    width: auto !important;
    max-width: none !important;
    height: auto !important;
    max-height: none !important;
    overflow: visible !important;
  }
}`;

/** The parent in the rendered (flat) tree: the slot an element is assigned to, its parent, or its shadow host. */
function flatParent(element: Element): Element | null {
  const parent = element.parentNode;
  return element.assignedSlot ?? element.parentElement ?? (parent instanceof ShadowRoot ? parent.host : null);
}

let active: (() => void) | undefined;

/**
 * Marks the page so that only `targets` are printed. Returns the function that undoes it (also
 * called on `afterprint`, or when another print starts).
 */
export function preparePrint(targets: readonly Element[]): () => void {
  active?.();
  const marked: [Element, string][] = [];
  const roots = new Set<Document | ShadowRoot>([document]);
  const mark = (element: Element, attribute: string) => {
    if (element.hasAttribute(attribute)) return;
    element.setAttribute(attribute, '');
    marked.push([element, attribute]);
  };
  for (const target of targets) {
    for (let node: Element | null = target; node; node = flatParent(node)) {
      mark(node, node === target ? TARGET : PATH);
      const root = node.getRootNode();
      if (root instanceof ShadowRoot) roots.add(root);
    }
  }
  // The top-level children of a shadow root have no parent element for the sibling rule to match.
  for (const root of roots) {
    if (!(root instanceof ShadowRoot)) continue;
    for (const child of root.children) {
      if (!child.hasAttribute(PATH) && !child.hasAttribute(TARGET)) mark(child, HIDDEN);
    }
  }
  // Lit makes the constructable stylesheet once, when first asked for.
  const css = printStyles.styleSheet!;
  for (const root of roots) {
    if (!root.adoptedStyleSheets.includes(css)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, css];
  }
  document.documentElement.setAttribute(PRINTING, '');

  const cleanup = () => {
    window.removeEventListener('afterprint', cleanup);
    if (active === cleanup) active = undefined;
    for (const [element, attribute] of marked) element.removeAttribute(attribute);
    for (const root of roots) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== css);
    document.documentElement.removeAttribute(PRINTING);
  };
  window.addEventListener('afterprint', cleanup);
  active = cleanup;
  return cleanup;
}
