/**
 * The redirect map from a blog's old addresses to the new ones, as JSON and as configuration for
 * nginx (a `map`) and Apache (`RedirectPermanent` lines). Only addresses made of safe characters
 * reach a configuration file: a hostile basename or base URL cannot inject a directive.
 */

export interface Redirect {
  /** The article's old address (`https://example.typepad.com/blog/2013/10/le-numerique.html`). */
  from: string;
  /** Its new address, absolute. */
  to: string;
  /** The article's id. */
  id: string;
}

/** Characters a path or URL may hold in a configuration line (RFC 3986 unreserved, reserved and `%`). */
const SAFE = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+$/;

/** The path of the old address, and the target as written in a configuration: a path when on the same site. */
function configPair(redirect: Redirect): { path: string; target: string } | undefined {
  const from = new URL(redirect.from);
  const to = new URL(redirect.to);
  const target = to.origin === from.origin ? `${to.pathname}${to.search}${to.hash}` : to.href;
  const path = from.pathname;
  // Quotes, spaces, semicolons, braces, backslashes and `$` (an nginx variable) could end a value or
  // start a directive. Servers match the decoded path, so an old path with `%` escapes is left out.
  if (!SAFE.test(path) || !SAFE.test(target) || /[;'"\\{}$]/.test(path + target) || path.includes('%')) return undefined;
  return { path, target };
}

/** The redirects as JSON: `{ "redirects": [{ "from", "to", "id" }] }`, in the order given. */
export function redirectsJson(redirects: readonly Redirect[]): string {
  return `${JSON.stringify({ redirects }, null, 2)}\n`;
}

/**
 * An nginx `map` from the old path to the new address. Include it in the `http` block, then in the
 * site's `server` block: `if ($mag_redirect) { return 301 $mag_redirect; }`.
 */
export function nginxRedirects(redirects: readonly Redirect[]): { text: string; skipped: Redirect[] } {
  const skipped: Redirect[] = [];
  const lines = [
    '# Old blog addresses to the new ones (mag-elements import-mt).',
    '# In the http block: include this file. In the server block:',
    '#     if ($mag_redirect) { return 301 $mag_redirect; }',
    'map $uri $mag_redirect {',
    '    default "";',
  ];
  for (const redirect of redirects) {
    const pair = configPair(redirect);
    if (pair) lines.push(`    "${pair.path}" "${pair.target}";`);
    else skipped.push(redirect);
  }
  lines.push('}', '');
  return { text: lines.join('\n'), skipped };
}

/** Apache (mod_alias) `RedirectPermanent` lines, for the site's configuration or its `.htaccess`. */
export function apacheRedirects(redirects: readonly Redirect[]): { text: string; skipped: Redirect[] } {
  const skipped: Redirect[] = [];
  const lines = ['# Old blog addresses to the new ones (mag-elements import-mt).', '# In the site configuration or its .htaccess (mod_alias).'];
  for (const redirect of redirects) {
    const pair = configPair(redirect);
    if (pair) lines.push(`RedirectPermanent "${pair.path}" "${pair.target}"`);
    else skipped.push(redirect);
  }
  lines.push('');
  return { text: lines.join('\n'), skipped };
}
