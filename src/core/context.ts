import { createContext } from '@lit/context';
import type { SharedAdapter } from './shared-adapter.js';

/**
 * The context key through which `<mag-provider>` (or any host, see the README's buildless path)
 * gives mag-* elements their data source. The value is a `SharedAdapter`: the host's adapter
 * wrapped so that elements asking for the same resource share one call.
 */
export const adapterContext = createContext<SharedAdapter | undefined>(Symbol.for('mag-elements/adapter'));
