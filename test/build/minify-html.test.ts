import { expect } from '@open-wc/testing';
// The drop-in bundle's html`…` indentation remover (a build script, plain ESM).
import { minifyHtml } from '../../scripts/minify-html-literals.mjs';

/** The DOM a piece of markup makes, with every run of whitespace read as one space (as HTML renders it). */
function rendered(markup: string): string {
  const template = document.createElement('template');
  template.innerHTML = markup;
  const walker = document.createTreeWalker(template.content, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) node.nodeValue = node.nodeValue!.replace(/\s+/g, ' ');
  for (const el of template.content.querySelectorAll('*')) for (const attr of el.attributes) attr.value = attr.value.replace(/\s+/g, ' ');
  return template.innerHTML;
}

describe('minifyHtml (drop-in bundle build)', () => {
  const template = `<div class="thread" part="base">
      <p class="meta">
        <span class="author">A</span> · <time>16 oct</time>
      </p>
      <button
        type="button"
        class="print"
      >
        Print
      </button>
    </div>`;

  it('drops the indentation and keeps every line break', () => {
    const minified = minifyHtml(template);
    expect(minified).not.to.match(/\n[ \t]/);
    expect(minified).not.to.match(/[ \t]\n/);
    expect(minified.split('\n').length).to.equal(template.split('\n').length);
    expect(minified.length).to.be.below(template.length);
  });

  it('leaves whitespace that is not around a line break alone', () => {
    expect(minifyHtml('<span>a</span> · <time>b</time>')).to.equal('<span>a</span> · <time>b</time>');
    expect(minifyHtml('a  b\tc')).to.equal('a  b\tc');
  });

  it('makes the same DOM, text and attributes read as HTML reads whitespace', () => {
    expect(rendered(minifyHtml(template))).to.equal(rendered(template));
    const inline = 'by\n          <a href="/a">Ann</a>\n          on <time>16 oct</time>';
    expect(rendered(minifyHtml(inline))).to.equal(rendered(inline));
  });
});
