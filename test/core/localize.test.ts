import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { LocalizeController, languageOf, registerTranslation, translationFor } from '../../src/core/localize.js';

class LocalizedProbe extends LitElement {
  localize = new LocalizeController(this);
  override render() {
    return html`<span>${this.localize.t.retry}</span>`;
  }
}
customElements.define('localized-probe', LocalizedProbe);

describe('localization', () => {
  afterEach(() => {
    document.documentElement.lang = '';
  });

  it('takes the language of the closest [lang], crossing shadow roots, then <html lang>', async () => {
    document.documentElement.lang = 'en';
    const el = await fixture<HTMLElement>(html`<div lang="fr"><localized-probe></localized-probe></div>`);
    const probe = el.querySelector('localized-probe') as LocalizedProbe;
    expect(languageOf(probe)).to.equal('fr');
    expect(probe.shadowRoot!.textContent).to.equal('Réessayer');

    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).innerHTML = '<p lang="en"><span></span></p>';
    const inner = host.shadowRoot!.querySelector('span')!;
    document.body.append(host);
    expect(languageOf(inner)).to.equal('en');
    const bare = host.shadowRoot!.appendChild(document.createElement('b'));
    expect(languageOf(bare)).to.equal('en', 'falls back to <html lang>');
    host.remove();
  });

  it('re-renders when a lang attribute changes', async () => {
    const el = await fixture<HTMLElement>(html`<div lang="fr"><localized-probe></localized-probe></div>`);
    const probe = el.querySelector('localized-probe') as LocalizedProbe;
    el.lang = 'en';
    await new Promise((r) => setTimeout(r));
    await probe.updateComplete;
    expect(probe.shadowRoot!.textContent).to.equal('Try again');
  });

  it('formats dates the French and English way, with the year only when it is not this year', async () => {
    const el = await fixture<HTMLElement>(html`<div lang="fr"><localized-probe></localized-probe></div>`);
    const probe = el.querySelector('localized-probe') as LocalizedProbe;
    const now = new Date('2013-12-01T12:00:00Z');
    expect(probe.localize.date('2013-10-16T09:30:00Z', 'short', now)).to.equal('16 oct.');
    expect(probe.localize.date('2012-10-16T09:30:00Z', 'short', now)).to.equal('16 oct. 2012');
    expect(probe.localize.date('2013-10-16T09:30:00Z', 'long', now)).to.equal('16 octobre 2013');
    el.lang = 'en';
    expect(probe.localize.date('2013-10-16T09:30:00Z', 'short', now)).to.equal('Oct 16');
    expect(probe.localize.date('2012-10-16T09:30:00Z', 'short', now)).to.equal('Oct 16, 2012');
    expect(probe.localize.date('not a date')).to.equal('not a date');
  });

  it('has plurals in both languages', () => {
    const fr = translationFor('fr');
    const en = translationFor('en-GB');
    expect([0, 1, 2, 12].map(fr.commentCount)).to.deep.equal(['Aucun commentaire', '1 commentaire', '2 commentaires', '12 commentaires']);
    expect([0, 1, 12].map(en.commentCount)).to.deep.equal(['No comments', '1 comment', '12 comments']);
    expect(fr.commentCount(1200)).to.equal('1\u202f200 commentaires');
  });

  it('lets hosts add a language and override strings', async () => {
    registerTranslation({ $code: 'de', $name: 'Deutsch', retry: 'Erneut versuchen' });
    expect(translationFor('de-AT').retry).to.equal('Erneut versuchen');
    expect(translationFor('de').loading, 'missing strings fall back to English').to.equal('Loading…');
    const el = await fixture<HTMLElement>(html`<div lang="fr"><localized-probe></localized-probe></div>`);
    const probe = el.querySelector('localized-probe') as LocalizedProbe;
    registerTranslation({ $code: 'fr', retry: 'Recommencer' });
    await probe.updateComplete;
    expect(probe.shadowRoot!.textContent).to.equal('Recommencer');
    registerTranslation({ $code: 'fr', retry: 'Réessayer' });
    expect(translationFor('fr').postedIn).to.equal('Publié dans');
    expect(translationFor('xx').retry).to.equal('Try again');
  });
});
