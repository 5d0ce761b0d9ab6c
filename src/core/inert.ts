/**
 * Parsing markup into an inert document under Trusted Types.
 *
 * `DOMParser.parseFromString()` is a Trusted Types sink: on a page whose Content-Security-Policy has
 * `require-trusted-types-for 'script'` it refuses a plain string, even though the document it returns
 * is inert (no script runs, nothing loads, nothing is inserted into the page). The adapters parse
 * feeds (XML) and turn HTML titles into text that way, so they go through `parseInert()`, whose
 * Trusted Types policy, named `mag-elements`, is private to this module and used for nothing else.
 * See docs/security.md for the policy a site lists.
 */

import { domWindow } from './dom.js';

interface HtmlPolicy {
  createHTML(input: string): unknown;
}
interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createHTML(input: string): string }): HtmlPolicy;
}

/** The name of the library's own Trusted Types policy (for `trusted-types` in a CSP). */
export const TRUSTED_TYPES_POLICY = 'mag-elements';

let policy: HtmlPolicy | null | undefined;

function trusted(markup: string): string {
  if (policy === undefined) {
    const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
    try {
      // Only ever handed to DOMParser below: the document it returns is inert.
      policy = factory ? factory.createPolicy(TRUSTED_TYPES_POLICY, { createHTML: (input) => input }) : null;
    } catch {
      // The page's `trusted-types` directive does not list the policy: parsing fails with the browser's message.
      policy = null;
    }
  }
  return (policy ? policy.createHTML(markup) : markup) as string;
}

/** `new DOMParser().parseFromString(markup, type)`, allowed under Trusted Types. The result is inert. */
export function parseInert(markup: string, type: DOMParserSupportedType): Document {
  return new (domWindow().DOMParser)().parseFromString(trusted(markup), type);
}
