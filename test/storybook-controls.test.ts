import { expect } from '@open-wc/testing';
import customElements from '../custom-elements.json' with { type: 'json' };
import { argTypesFromManifest, descriptionFromManifest } from '../.storybook/manifest-arg-types.js';
import { customElements as elementsOf, publicProperties } from '../scripts/manifest-elements.mjs';

/** Storybook's Controls and Docs tables, read from custom-elements.json (.storybook/manifest-arg-types.ts). */
const TAGS = elementsOf(customElements).map((element) => element.tagName!);

const controlOf = (argType: { control?: unknown }) => argType.control as { type?: string; disable?: boolean } | undefined;
const hasControl = (argType: { control?: unknown }) => {
  const control = controlOf(argType);
  return Boolean(control && !control.disable);
};

describe('Storybook controls from the manifest', () => {
  it('covers the eight elements', () => {
    expect(TAGS).to.have.members([
      'mag-about-box',
      'mag-article',
      'mag-comment-feed-link',
      'mag-comment-thread',
      'mag-provider',
      'mag-recent-contributions',
      'mag-subscribe-form',
      'mag-video-list',
    ]);
  });

  it('gives each property a control that matches its type, keyed by the property and named by its attribute', () => {
    const argTypes = argTypesFromManifest(customElements, 'mag-comment-thread');
    expect(argTypes.articleId).to.include({ name: 'article-id' });
    expect(controlOf(argTypes.articleId)).to.deep.equal({ type: 'text' });
    expect(controlOf(argTypes.headingLevel)).to.deep.equal({ type: 'number' });
    expect(controlOf(argTypes.maxDepth)).to.deep.equal({ type: 'number' });
    expect(controlOf(argTypes.disabled)).to.deep.equal({ type: 'boolean' });
    expect(controlOf(argTypes.order)).to.deep.equal({ type: 'select' });
    expect(argTypes.order.options).to.deep.equal(['oldest', 'newest']);
    expect(argTypes.order.table?.defaultValue?.summary).to.equal("'oldest'");
    // One row per property: no second row under the attribute's name.
    expect(argTypes).not.to.have.property('article-id');
    expect(argTypes).not.to.have.property('max-depth');
  });

  it('gives data objects and adapters no control', () => {
    expect(hasControl(argTypesFromManifest(customElements, 'mag-article').article)).to.equal(false);
    expect(hasControl(argTypesFromManifest(customElements, 'mag-about-box').about)).to.equal(false);
    for (const tag of TAGS) expect(hasControl(argTypesFromManifest(customElements, tag).adapter), tag).to.equal(false);
  });

  it('lists events, slots, CSS parts and CSS custom properties without controls', () => {
    const argTypes = argTypesFromManifest(customElements, 'mag-comment-thread');
    const listed = Object.entries(argTypes).filter(([key]) => /^(event|slot|part|css):/.test(key));
    expect(listed.length).to.be.greaterThan(20);
    for (const [key, argType] of listed) expect(hasControl(argType), key).to.equal(false);
    expect(argTypes['part:closed-notice'].table?.category).to.equal('css shadow parts');
    expect(argTypes['css:--mag-comment-thread-indent'].table?.defaultValue?.summary).to.equal('var(--mag-space-l)');
  });

  it('has a control only for the public properties a page can set', () => {
    for (const tag of TAGS) {
      const element = elementsOf(customElements).find((e) => e.tagName === tag)!;
      const settable = publicProperties(element).filter((p) => /^(string|number|boolean)( \| undefined)?$|^'/.test(p.type?.text ?? ''));
      const controlled = Object.entries(argTypesFromManifest(customElements, tag)).filter(([, argType]) => hasControl(argType));
      expect(controlled.map(([key]) => key), tag).to.have.members(settable.map((p) => p.name));
    }
  });

  it('lists an attribute that no property reflects, without a control', () => {
    const argTypes = argTypesFromManifest(customElements, 'mag-provider');
    expect(argTypes['attribute:nonce']).to.include({ name: 'nonce' });
    expect(argTypes['attribute:nonce'].table?.category).to.equal('attributes');
    expect(hasControl(argTypes['attribute:nonce'])).to.equal(false);
    // `adapter` is both a property (the object) and the attribute of `adapterType`: two rows.
    expect(argTypes.adapter.name).to.equal('adapter');
    expect(argTypes.adapterType.name).to.equal('adapter');
    expect(controlOf(argTypes.adapterType)).to.deep.equal({ type: 'text' });
  });

  it('keeps a slot named like an attribute apart from it', () => {
    const argTypes = argTypesFromManifest(customElements, 'mag-about-box');
    expect(argTypes.heading.table?.category).to.equal('attributes');
    expect(controlOf(argTypes.heading)).to.deep.equal({ type: 'text' });
    expect(argTypes['slot:heading'].table?.category).to.equal('slots');
  });

  it('gives every element a description for its Docs page', () => {
    for (const tag of TAGS) expect(descriptionFromManifest(customElements, tag), tag).to.be.a('string').and.have.length.greaterThan(100);
    expect(descriptionFromManifest(customElements, 'mag-nothing')).to.equal(undefined);
  });
});
