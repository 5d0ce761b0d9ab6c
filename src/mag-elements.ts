/**
 * The all-in-one entry: registers every element and exports everything. The drop-in bundle
 * `dist/cdn/mag-elements.js` is this module with its dependencies inlined.
 */
import { ContextRoot } from '@lit/context';
import './define/mag-provider.js';

export * from './index.js';

// Elements that upgrade before their provider (scripts loaded in another order) still get their adapter.
new ContextRoot().attach(document.documentElement);
