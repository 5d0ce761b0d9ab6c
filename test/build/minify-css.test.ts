import { expect } from '@open-wc/testing';
import type { CSSResult, CSSResultGroup } from 'lit';
// The drop-in bundle's CSS minifier (a build script, plain ESM).
import { minifyCss } from '../../scripts/minify-css-literals.mjs';
import { MagProvider } from '../../src/components/provider/mag-provider.js';
import { MagArticle } from '../../src/components/article/article.js';
import { MagCommentThread } from '../../src/components/comment-thread/comment-thread.js';
import { MagCommentFeedLink } from '../../src/components/comment-feed-link/comment-feed-link.js';
import { MagRecentContributions } from '../../src/components/recent-contributions/recent-contributions.js';
import { MagSubscribeForm } from '../../src/components/subscribe-form/subscribe-form.js';
import { MagAboutBox } from '../../src/components/about-box/about-box.js';

const flatten = (styles: CSSResultGroup | undefined): CSSResult[] =>
  styles === undefined ? [] : Array.isArray(styles) ? styles.flatMap((s) => flatten(s)) : [styles as CSSResult];

/**
 * The rules as the browser reads them: its serialization normalizes whitespace, except inside var()
 * fallbacks, which it keeps as written (`var(--a, 1em)`); a space after a comma there changes nothing.
 */
function rules(text: string): string[] {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  return Array.from(sheet.cssRules, (rule) => rule.cssText.replace(/,\s+/g, ','));
}

describe('minifyCss (drop-in bundle build)', () => {
  const elements = { MagProvider, MagArticle, MagCommentThread, MagCommentFeedLink, MagRecentContributions, MagSubscribeForm, MagAboutBox };

  for (const [name, element] of Object.entries(elements)) {
    it(`keeps every rule of ${name}'s styles as the browser reads them`, () => {
      const texts = flatten(element.styles).map((s) => s.cssText);
      expect(texts.length).to.be.greaterThan(0);
      for (const text of texts) {
        const minified = minifyCss(text);
        expect(minified.length).to.be.at.most(text.length);
        expect(rules(minified)).to.deep.equal(rules(text));
        // Line breaks are kept, so that the bundle's source map stays right.
        expect(minified.split('\n').length).to.equal(text.split('\n').length);
      }
    });
  }

  it('keeps strings, descendant pseudo-classes and calc() spaces', () => {
    const text = `
      /* a comment
         over two lines */
      .a :focus , .b  >  .c { content: ' ( ; ) ' attr(href) "{ }"; margin: 0 calc(1px + 2px); }
      @media (width > 600px) { .x { color: red } }`;
    const minified = minifyCss(text);
    expect(minified).to.contain(".a :focus,.b>.c{content:' ( ; ) ' attr(href) \"{ }\";margin:0 calc(1px + 2px);}");
    expect(minified).not.to.contain('comment');
    expect(rules(minified)).to.deep.equal(rules(text));
  });

  it('reads an apostrophe in a comment as text, not as the start of a string', () => {
    const text = "/* The photo's box */\n.a { margin: 0; }\n/* 'quoted' and \"double\" */ .b { content: '/* not a comment */'; }";
    expect(minifyCss(text)).to.equal("\n.a{margin:0;}\n.b{content:'/* not a comment */';}");
  });

  it("leaves the template's placeholders and the spaces after them", () => {
    // As the build sees a stylesheet's source: `${…}` are the tokens of src/core/tokens.ts.
    const minified = minifyCss('.a { margin: ${space.m} 0; width: calc(${size} + 1px); padding: ${space.s} ${space.m}; }');
    expect(minified).to.equal('.a{margin:${space.m} 0;width:calc(${size} + 1px);padding:${space.s} ${space.m};}');
  });
});
