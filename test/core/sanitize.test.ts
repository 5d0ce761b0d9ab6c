import { expect } from '@open-wc/testing';
import { safeUrl } from '../../src/core/url.js';
import { prepareBlocks, sanitizeToString, sanitizedBlock } from '../../src/core/sanitize.js';
import corpusFile from '../security/xss-corpus.json' with { type: 'json' };

describe('URL policy', () => {
  it('keeps http(s), mailto and relative URLs', () => {
    for (const url of ['https://example.org/a?b#c', 'http://example.org', 'mailto:a@b.org', '/path', 'path/x', '../up', '?q=1', '#frag', '//cdn.example.org/x']) {
      expect(safeUrl(url), url).to.equal(url);
    }
    expect(safeUrl('  https://example.org  ')).to.equal('https://example.org');
  });

  it('drops every other scheme, however it is disguised', () => {
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      '\u0000javascript:alert(1)',
      'java\u200bscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'blob:https://example.org/x',
      'file:///etc/passwd',
      'ftp://example.org',
      'x:y',
    ]) {
      expect(safeUrl(url), JSON.stringify(url)).to.equal(undefined);
    }
    expect(safeUrl(''), 'empty').to.equal(undefined);
    expect(safeUrl(42), 'not a string').to.equal(undefined);
    expect(safeUrl('mailto:a@b.org', ['http', 'https']), 'narrowed schemes').to.equal(undefined);
  });
});

describe('sanitizer profiles', () => {
  it('article: keeps structure, images and tables; drops scripts, handlers, styles, forms and bad URLs', () => {
    const out = sanitizeToString(
      '<h2>T</h2><p style="color:red" onclick="x()">a <a href="javascript:x()">j</a> <a href="https://ext.example/">e</a> <a href="/in">i</a></p><img src="https://img.example/a.png" onerror="x()"><img src="data:image/png;base64,AA"><table><tr><td>1</td></tr></table><script>x()</script><style>*{}</style><form><input></form><div id="x" name="y">c</div>',
      'article',
    );
    expect(out).to.contain('<h2>T</h2>');
    expect(out).not.to.match(/onclick|onerror|style|script|form|input|javascript|data:|id=|name=/);
    expect(out).to.contain('<a href="https://ext.example/" rel="noopener">e</a>');
    expect(out).to.contain('<a href="/in">i</a>');
    expect(out).to.contain('<img src="https://img.example/a.png" referrerpolicy="no-referrer" loading="lazy" decoding="async" alt="">');
    expect(out).to.contain('<td>1</td>');
  });

  it('article: keeps iframes only from listed hosts, sandboxed and titled', () => {
    const html = '<iframe src="https://video.example/embed/1"></iframe><iframe src="https://evil.example/x"></iframe><iframe src="http://video.example/embed/2"></iframe>';
    expect(sanitizeToString(html, 'article')).not.to.contain('iframe');
    const out = sanitizeToString(html, 'article', { embedHosts: ['video.example'], embedTitle: 'Vidéo' });
    expect(out.match(/<iframe/g)?.length).to.equal(1);
    expect(out).to.contain('src="https://video.example/embed/1"');
    expect(out).to.contain('sandbox="allow-scripts allow-same-origin allow-presentation allow-popups"');
    expect(out).to.contain('title="Vidéo"');
    expect(out).to.contain('loading="lazy"');
  });

  it('comment: no images or headings, links get rel="nofollow ugc noopener", only absolute http(s) and mailto links', () => {
    const out = sanitizeToString('<h1>H</h1><img src="https://x.example/a.png"><a href="https://x.example">x</a><a href="/rel">r</a><a href="mailto:a@b.org">m</a>', 'comment');
    expect(out).not.to.contain('<h1>');
    expect(out).not.to.contain('<img');
    expect(out).to.contain('<a href="https://x.example" rel="nofollow ugc noopener">x</a>');
    expect(out).to.contain("<a>r</a>");
    expect(out).to.contain('<a href="mailto:a@b.org" rel="nofollow ugc noopener">m</a>');
  });

  it('bio: text, links and lists only', () => {
    expect(sanitizeToString('<p>Hi <b>you</b></p><h2>no</h2><img src="/a.png">', 'bio')).to.equal('<p>Hi <b>you</b></p>no');
  });

  it('sanitizes once per element and owner, and returns a fresh block when the HTML changes', () => {
    const host = document.createElement('div');
    const owner = { bodyHtml: '<p>a</p>' };
    const first = sanitizedBlock(host, owner, owner.bodyHtml, 'comment');
    expect(sanitizedBlock(host, owner, owner.bodyHtml, 'comment')).to.equal(first);
    expect(sanitizedBlock(document.createElement('div'), owner, owner.bodyHtml, 'comment')).not.to.equal(first);
    const changed = sanitizedBlock(host, owner, '<p>b</p>', 'comment');
    expect(changed).not.to.equal(first);
    expect(changed.innerHTML).to.equal('<p>b</p>');
    expect(changed.getAttribute('part')).to.equal('body');
  });

  it('shows nothing, not the word "null", for markup that leaves no body', () => {
    // A <frameset> replaces the body of the document DOMPurify parses into; it then answers null.
    expect(sanitizeToString('<frameset><frame src="https://example.org/"></frameset>', 'comment')).to.equal('');
    expect(sanitizeToString('<frameset></frameset>', 'article')).to.equal('');
  });

  it('treats non-strings as empty', () => {
    expect(sanitizeToString(null, 'article')).to.equal('');
    expect(sanitizeToString({ toString: () => '<script>x</script>' }, 'article')).to.equal('');
  });
});

describe('prepareBlocks: the bodies of a thread sanitized in one pass', () => {
  const prepared = (bodies: string[]) => {
    const host = document.createElement('div');
    const owners = bodies.map((bodyHtml) => ({ bodyHtml }));
    const count = prepareBlocks(host, owners.map((owner) => ({ owner, html: owner.bodyHtml })), 'comment');
    return { count, html: owners.map((owner) => sanitizedBlock(host, owner, owner.bodyHtml, 'comment').innerHTML) };
  };

  it('gives every body of the XSS corpus exactly what sanitizing it alone gives', () => {
    const payloads = (corpusFile as { payloads: { id: string; payload: string }[] }).payloads.map((p) => p.payload);
    const bodies = [...payloads, '<p>a <a href="https://example.org/x">link</a> <em>b</em></p>', 'plain text'];
    const { count, html } = prepared(bodies);
    expect(count).to.equal(bodies.length);
    for (const [i, body] of bodies.entries()) expect(html[i], body).to.equal(sanitizeToString(body, 'comment'));
  });

  it('parses each body on its own: markup in one cannot reach the next', () => {
    const { count, html } = prepared(['<p>one</span></span></div></p><p>still one', '<p>two</p>', '<b>open <i>tags', '<p>three</p>']);
    expect(count).to.equal(4);
    expect(html).to.deep.equal(['<p>one</p><p>still one</p>', '<p>two</p>', '<b>open <i>tags</i></b>', '<p>three</p>']);
  });

  it('falls back to one body at a time when the pass cannot keep a body apart', () => {
    // DOMPurify removes an element whose only content is a comment and text that looks like markup:
    // here, the holder of the first body. Nothing of the batch is kept; each body is sanitized alone.
    const bodies = ['<!--x-->&lt;b', '<p>two</p>'];
    const { count, html } = prepared(bodies);
    expect(count).to.equal(0);
    for (const [i, body] of bodies.entries()) expect(html[i], body).to.equal(sanitizeToString(body, 'comment'));
  });
});

describe('sanitizer: the result stays inside the element', () => {
  const depth = (html: string, selector: string) => {
    const div = document.createElement('div');
    div.innerHTML = html;
    let deepest = 0;
    for (const element of div.querySelectorAll(selector)) {
      let level = 0;
      for (let node: Element | null = element; node && node !== div; node = node.parentElement) if (node.matches(selector)) level++;
      deepest = Math.max(deepest, level);
    }
    return deepest;
  };
  const nested = (open: string, close: string, levels: number) => `${open.repeat(levels)}deep words${close.repeat(levels)}`;

  it('flattens quotations, lists and tables nested more than five deep, keeping their text', () => {
    for (const [open, close] of [
      ['<blockquote>', '</blockquote>'],
      ['<ul><li>', '</li></ul>'],
      ['<ol><li>', '</li></ol>'],
      ['<dl><dt>t</dt><dd>', '</dd></dl>'],
      ['<table><tr><td>', '</td></tr></table>'],
      ['<blockquote><ul><li>', '</li></ul></blockquote>'],
    ]) {
      for (const profile of ['article', 'comment', 'bio'] as const) {
        const out = sanitizeToString(nested(open, close, 200), profile);
        expect(depth(out, 'blockquote, ul, ol, dl, table'), `${open} (${profile})`).to.be.at.most(5);
        expect(out, `${open} (${profile})`).to.contain('deep words');
        // The levels below are plain blocks: no list item, term or cell outside its container.
        const div = document.createElement('div');
        div.innerHTML = out;
        for (const item of div.querySelectorAll('li, dt, dd, td, th, tr')) expect(item.parentElement!.closest('ul, ol, dl, table'), `${item.localName} (${profile})`).to.not.equal(null);
      }
    }
    // Five levels are kept as they are.
    expect(sanitizeToString(nested('<blockquote>', '</blockquote>', 5), 'article')).to.equal(nested('<blockquote>', '</blockquote>', 5));
  });

  it('flattens deep nesting in the one-pass preparation of a thread too', () => {
    const host = document.createElement('div');
    const owners = [nested('<blockquote>', '</blockquote>', 100), '<p>two</p>'].map((bodyHtml) => ({ bodyHtml }));
    expect(prepareBlocks(host, owners.map((owner) => ({ owner, html: owner.bodyHtml })), 'comment')).to.equal(2);
    const out = sanitizedBlock(host, owners[0], owners[0].bodyHtml, 'comment').innerHTML;
    expect(depth(out, 'blockquote')).to.equal(5);
    expect(out).to.contain('deep words');
  });

  it('keeps width and height on images and frames only, and list numbers within six digits', () => {
    const out = sanitizeToString(
      '<table width="100000" height="1000000"><tr><td width="9" height="9">x</td></tr></table><img src="/a.png" width="640" height="480"><ol start="999999999999"><li>a</li></ol><ol start="-12"><li>b</li></ol>',
      'article',
    );
    expect(out).to.contain('<table tabindex="0"><tbody><tr><td>x</td></tr></tbody></table>');
    expect(out).to.contain('width="640" height="480"');
    expect(out).to.contain('<ol><li>a</li></ol>');
    expect(out).to.contain('<ol start="-12"><li>b</li></ol>');
  });

  it('lets keyboard users reach code and tables, which scroll sideways when too wide', () => {
    expect(sanitizeToString('<pre>code</pre><table><tr><td>x</td></tr></table>', 'article')).to.equal('<pre tabindex="0">code</pre><table tabindex="0"><tbody><tr><td>x</td></tr></tbody></table>');
    expect(sanitizeToString('<pre>code</pre>', 'comment')).to.equal('<pre tabindex="0">code</pre>');
  });
});
