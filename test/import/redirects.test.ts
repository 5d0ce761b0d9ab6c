import { expect } from '@open-wc/testing';
import { importMovableType } from '../../src/import/movable-type.js';
import { apacheRedirects, nginxRedirects, redirectsJson, type Redirect } from '../../src/import/redirects.js';
import { mtEntry } from './helpers.js';

const REDIRECTS: Redirect[] = [
  { from: 'https://blog.example.org/2013/10/le-numerique.html', to: 'https://blog.example.org/?article=le-numerique', id: 'le-numerique' },
  { from: 'https://lemag.typepad.com/blog/2013/11/deux_billets.html', to: 'https://example.org/mag/?article=deux_billets', id: 'deux_billets' },
];

describe('redirect files', () => {
  it('lists the redirects as JSON', () => {
    expect(JSON.parse(redirectsJson(REDIRECTS))).to.deep.equal({ redirects: REDIRECTS });
  });

  it('writes an nginx map from the old path to the new address (a path on the same site)', () => {
    const { text, skipped } = nginxRedirects(REDIRECTS);
    expect(skipped).to.deep.equal([]);
    expect(text).to.equal(
      [
        '# Old blog addresses to the new ones (mag-elements import-mt).',
        '# In the http block: include this file. In the server block:',
        '#     if ($mag_redirect) { return 301 $mag_redirect; }',
        'map $uri $mag_redirect {',
        '    default "";',
        '    "/2013/10/le-numerique.html" "/?article=le-numerique";',
        '    "/blog/2013/11/deux_billets.html" "https://example.org/mag/?article=deux_billets";',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('writes Apache RedirectPermanent lines', () => {
    const { text, skipped } = apacheRedirects(REDIRECTS);
    expect(skipped).to.deep.equal([]);
    expect(text.split('\n').filter((l) => !l.startsWith('#'))).to.deep.equal([
      'RedirectPermanent "/2013/10/le-numerique.html" "/?article=le-numerique"',
      'RedirectPermanent "/blog/2013/11/deux_billets.html" "https://example.org/mag/?article=deux_billets"',
      '',
    ]);
  });

  it('leaves out of the configurations an address that could inject a directive', () => {
    const hostile: Redirect[] = [
      { from: 'https://x.example/2013/10/a%22;return%20301%20http://evil;.html', to: 'https://x.example/?article=a', id: 'a' },
      { from: 'https://x.example/2013/10/b.html', to: 'https://x.example/?article=$host', id: 'b' },
      { from: "https://x.example/2013/10/c'.html", to: 'https://x.example/?article=c', id: 'c' },
      { from: 'https://x.example/2013/10/d.html', to: 'https://x.example/?article=d', id: 'd' },
    ];
    for (const write of [nginxRedirects, apacheRedirects]) {
      const { text, skipped } = write(hostile);
      expect(skipped.map((r) => r.id)).to.deep.equal(['a', 'b', 'c']);
      expect(text).to.contain('/2013/10/d.html');
      expect(text).not.to.contain('evil');
      expect(text).not.to.contain('$host');
    }
  });

  it('keeps a hostile basename of an export out of the configurations, encoded in the JSON', () => {
    const text = mtEntry({ TITLE: 'Piège', BASENAME: 'x";return 301 http://evil;#', DATE: '10/16/2013 10:00:00 AM' });
    const { redirects } = importMovableType(text, { timezone: 'UTC', oldBaseUrl: 'https://blog.example.org/' });
    expect(redirects[0].from).to.equal('https://blog.example.org/2013/10/x%22%3Breturn%20301%20http%3A%2F%2Fevil%3B%23.html');
    expect(nginxRedirects(redirects).skipped).to.have.length(1);
    expect(apacheRedirects(redirects).text).not.to.contain('x%22');
  });
});
