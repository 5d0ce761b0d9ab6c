import { expect, fixture, html } from '@open-wc/testing';
import { safeUrl } from '../../src/core/url.js';
import { sanitizeToString } from '../../src/core/sanitize.js';
import type { SanitizeProfile } from '../../src/core/sanitize.js';
import { MagAdapterError } from '../../src/core/errors.js';
import { HostileAdapter, byCategory, corpus } from './hostile-adapter.js';
import type { Payload } from './hostile-adapter.js';
import { audit, clobberProblems, countTags, installTrap, plainText, settle, squash, urlAllowed } from './dom-audit.js';
import { elements, errorBlock, loaded, loadingElements, shadow } from './elements.js';
import type { ElementCase } from './elements.js';
import { mount } from './support.js';

const HARMLESS = 'Harmless text';
const categories = byCategory();
/** What payloads ran since the current test started. */
let pwned = installTrap();
beforeEach(() => {
  pwned = installTrap();
});

/** Renders one element per payload (each with its own hostile adapter) and waits until all have loaded. */
async function renderAll(element: ElementCase, payloads: readonly Payload[], options: ConstructorParameters<typeof HostileAdapter>[1] = {}) {
  const container = mount(html`${payloads.map((p) => html`<div class="case" data-id=${p.id}>${element.render(new HostileAdapter(p.payload, options))}</div>`)}`);
  const els = [...container.querySelectorAll<HTMLElement>('.case > *')];
  await loaded(els);
  await settle(container);
  return els;
}

const baselines = new Map<string, { tags: Record<string, number>; styled: number }>();
async function baseline(element: ElementCase, options: ConstructorParameters<typeof HostileAdapter>[1] = {}) {
  const key = `${element.tag}:${JSON.stringify(options)}`;
  let found = baselines.get(key);
  if (!found) {
    const [el] = await renderAll(element, [{ id: 'harmless', category: 'harmless', payload: HARMLESS }], options);
    found = { tags: countTags(el), styled: audit(el).length ? Number.POSITIVE_INFINITY : 0 };
    expect(audit(el), `${element.tag} with harmless data`).to.deep.equal([]);
    baselines.set(key, found);
  }
  return found;
}

function expectNothingRan(context: string) {
  expect(pwned(), `a payload ran (${context})`).to.deep.equal([]);
  expect(clobberProblems(), context).to.deep.equal([]);
}

describe('XSS corpus', () => {
  it('has at least 150 payloads, each with an id and a category, ids unique', () => {
    expect(corpus.length).to.be.at.least(150);
    const ids = new Set(corpus.map((p) => p.id));
    expect(ids.size).to.equal(corpus.length);
    for (const p of corpus) {
      expect(p.id, JSON.stringify(p)).to.be.a('string').and.not.equal('');
      expect(p.category, p.id).to.be.a('string').and.not.equal('');
      expect(p.payload, p.id).to.be.a('string').and.not.equal('');
    }
    for (const needed of ['script', 'event-handler', 'javascript-url', 'data-url', 'other-scheme', 'svg', 'mathml', 'mutation-xss', 'dangling-markup', 'dom-clobbering', 'base-meta', 'frames', 'form', 'css-injection', 'template-breakout']) {
      expect(categories.get(needed)?.length ?? 0, needed).to.be.above(0);
    }
  });

  it('the trap and the auditor catch what they are meant to catch', async () => {
    // Proof that the checks below can fail: an unsanitized payload does run and is found.
    const check = installTrap();
    const el = mount();
    const root = el.attachShadow({ mode: 'open' });
    root.innerHTML = '<img src="x" onerror="top.__magPwned=1"><a href="java&#x09;script:x">j</a><iframe srcdoc="x"></iframe><form></form>';
    await settle(el);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(check()).to.deep.equal(['__magPwned = 1']);
    const problems = audit(el, { baseline: { form: 0 } });
    expect(problems.join('\n')).to.contain('onerror').and.contain('script:x').and.contain('srcdoc').and.contain('<form>');
    expect(urlAllowed('https://a.example/'), 'https').to.equal(true);
    expect(urlAllowed('/relative'), 'relative').to.equal(true);
    expect(urlAllowed('mailto:a@b.example'), 'mailto').to.equal(true);
    expect(urlAllowed('\u0001java\nscript:x'), 'javascript').to.equal(false);
    expect(urlAllowed('data:text/html,x'), 'data').to.equal(false);
    pwned = installTrap();
  });
});

describe('URL policy against the corpus', () => {
  it('safeUrl() returns only http(s), mailto or relative URLs, whatever the payload', () => {
    const bad: string[] = [];
    for (const { id, payload } of corpus) {
      const url = safeUrl(payload);
      if (url !== undefined && !urlAllowed(url)) bad.push(`${id}: ${url}`);
      const image = safeUrl(payload, ['http', 'https']);
      if (image !== undefined && (!urlAllowed(image) || /^mailto:/i.test(image.replace(/\s/g, '')))) bad.push(`${id} (image): ${image}`);
    }
    expect(bad).to.deep.equal([]);
  });

  it('drops every javascript:, data:, vbscript: and other-scheme payload used as a URL', () => {
    const kept: string[] = [];
    for (const category of ['javascript-url', 'data-url', 'other-scheme']) {
      for (const { id, payload } of categories.get(category) ?? []) {
        // Payloads without a scheme before the first / ? # (markup, entities, %3A) are relative URLs: harmless.
        if (!/^[^/?#]*:/.test(payload)) continue;
        if (safeUrl(payload) !== undefined) kept.push(`${id}: ${JSON.stringify(payload)}`);
      }
    }
    expect(kept).to.deep.equal([]);
  });
});

describe('sanitizer profiles against the corpus', () => {
  for (const profile of ['article', 'comment', 'bio'] as SanitizeProfile[]) {
    it(`${profile}: no script, handler, forbidden element or URL outside the policy survives`, async () => {
      const container = mount();
      const problems: string[] = [];
      for (const { id, payload } of corpus) {
        const out = sanitizeToString(payload, profile, { embedHosts: ['video.example'] });
        const holder = document.createElement('div');
        holder.innerHTML = out;
        container.append(holder);
        // Frames from the listed host are kept (article profile), sandboxed: the audit checks them.
        for (const problem of audit(holder, { baseline: countTags(document.createElement('div')), embedHosts: ['video.example'] })) problems.push(`${id}: ${problem}`);
        if (/<(script|style|form|base|meta|svg|math|object|embed)\b/i.test(out)) problems.push(`${id}: ${out.slice(0, 120)}`);
        if (profile !== 'article' && /<iframe\b/i.test(out)) problems.push(`${id}: a frame in the ${profile} profile`);
        if (/\s(id|name)=/i.test(out)) problems.push(`${id}: id/name kept (DOM clobbering): ${out.slice(0, 120)}`);
      }
      await settle(container);
      expect(problems).to.deep.equal([]);
      expectNothingRan(profile);
    });
  }
});

for (const element of elements) {
  describe(`<${element.tag}> fed by a hostile adapter`, () => {
    for (const [category, payloads] of categories) {
      it(`${category} (${payloads.length} payloads): nothing runs, no handler, no URL outside the policy, text stays text`, async function () {
        this.timeout(30_000);
        const base = await baseline(element);
        const els = await renderAll(element, payloads);
        const problems: string[] = [];
        els.forEach((el, i) => {
          const { id, payload } = payloads[i];
          for (const problem of audit(el, { baseline: base.tags, styledBaseline: base.styled })) problems.push(`${id}: ${problem}`);
          if (element.loads && errorBlock(el)) problems.push(`${id}: shows an error instead of the data`);
          if (element.showsText && !squash(plainText(el)).includes(squash(payload))) problems.push(`${id}: the text is not shown literally`);
        });
        expect(problems).to.deep.equal([]);
        expectNothingRan(`${element.tag} / ${category}`);
      });
    }
  });
}

describe('<mag-article embed-hosts>: video frames from listed hosts only', () => {
  it('keeps a frame from a listed host, sandboxed; every payload yields no other frame, handler or URL', async function () {
    this.timeout(30_000);
    const payloads = [{ id: 'control', category: 'control', payload: '<p>Video:</p><iframe src="https://video.example/embed/1"></iframe>' }, ...corpus];
    const container = mount(html`${payloads.map((p) => html`<mag-article article-id="a" embed-hosts="video.example" .adapter=${new HostileAdapter(p.payload)}></mag-article>`)}`);
    const els = [...container.children] as HTMLElement[];
    await loaded(els);
    await settle(container);
    const control = shadow(els[0]).querySelector('iframe');
    expect(control?.getAttribute('src'), 'the listed host\'s frame is kept').to.equal('https://video.example/embed/1');
    expect(control?.getAttribute('sandbox')).to.equal('allow-scripts allow-same-origin allow-presentation allow-popups');
    const base = await baseline(elements[0]);
    const problems: string[] = [];
    els.forEach((el, i) => {
      for (const problem of audit(el, { baseline: base.tags, styledBaseline: base.styled, embedHosts: ['video.example'] })) problems.push(`${payloads[i].id}: ${problem}`);
    });
    expect(problems).to.deep.equal([]);
    expectNothingRan('mag-article embed-hosts');
  });
});

describe('hostile data in error messages', () => {
  for (const element of loadingElements) {
    it(`<${element.tag}>: payloads in malformed data and in error messages are shown as text at most`, async function () {
      this.timeout(30_000);
      const sample = corpus.filter((_, i) => i % 3 === 0);
      const problems: string[] = [];
      for (const mode of ['invalid', 'error'] as const) {
        const base = await baseline(element, { mode });
        const els = await renderAll(element, sample, { mode });
        els.forEach((el, i) => {
          if (!errorBlock(el)) problems.push(`${sample[i].id} (${mode}): no error shown`);
          for (const problem of audit(el, { baseline: base.tags, styledBaseline: base.styled })) problems.push(`${sample[i].id} (${mode}): ${problem}`);
        });
      }
      expect(problems).to.deep.equal([]);
      expectNothingRan(element.tag);
    });
  }
});

describe('hostile answers to the forms', () => {
  it('<mag-subscribe-form>: a hostile rejection is shown as a localized message, nothing runs', async function () {
    this.timeout(30_000);
    const sample = corpus.filter((_, i) => i % 5 === 0);
    const problems: string[] = [];
    for (const { id, payload } of sample) {
      const adapter = new HostileAdapter(payload, { mode: 'error' });
      const el = await fixture<HTMLElement>(html`<mag-subscribe-form .adapter=${adapter}></mag-subscribe-form>`);
      const base = countTags(el);
      const input = shadow(el).querySelector('input')!;
      input.value = 'reader@example.org';
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      shadow(el).querySelector('form')!.requestSubmit();
      for (let i = 0; i < 50 && !adapter.calls.subscribe; i++) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, 20));
      await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      await settle(el);
      if (!adapter.calls.subscribe) problems.push(`${id}: the adapter was not called`);
      // The backend's reason for refusing is shown, as the literal text it sent.
      else if (!squash(plainText(el)).includes(squash(payload))) problems.push(`${id}: the refusal reason is not shown literally`);
      for (const problem of audit(el, { baseline: base })) problems.push(`${id}: ${problem}`);
      el.remove();
    }
    expect(problems).to.deep.equal([]);
    expectNothingRan('mag-subscribe-form');
  });

  it('the hostile adapter and its errors carry the payload everywhere', async () => {
    const a = new HostileAdapter('P');
    const article = await a.getArticle('x');
    expect([article.title, article.url, article.author?.name, article.author?.avatarUrl, article.sections[0].name, article.bodyHtml, article.commentFeedUrl, article.homeUrl]).to.deep.equal(['P', 'P', 'P', 'P', 'P', 'P', 'P', 'P']);
    const about = await a.getAbout();
    expect([about.title, about.name, about.bioHtml, about.photoUrl, about.contactUrl, about.links?.[0].url, about.links?.[0].label]).to.deep.equal(['P', 'P', 'P', 'P', 'P', 'P', 'P']);
    const error = await new HostileAdapter('P', { mode: 'error' }).listRecent().catch((e: unknown) => e);
    expect(error).to.be.instanceOf(MagAdapterError);
    expect((error as MagAdapterError).message).to.equal('P');
  });
});

describe('hostile data outside the shadow roots and after posting', () => {
  it('<mag-comment-feed-link discover>: the <link rel="alternate"> it adds to <head> follows the URL policy', async function () {
    this.timeout(30_000);
    const problems: string[] = [];
    for (const { id, payload } of corpus) {
      const el = await fixture<HTMLElement>(html`<mag-comment-feed-link article-id="a" discover .adapter=${new HostileAdapter(payload)}></mag-comment-feed-link>`);
      await loaded([el]);
      for (const link of document.head.querySelectorAll('link[data-mag-comment-feed]')) {
        if (!urlAllowed(link.getAttribute('href') ?? '')) problems.push(`${id}: ${link.getAttribute('href')}`);
        if (/^\s*mailto:/i.test(link.getAttribute('href') ?? '')) problems.push(`${id}: a mailto feed`);
        for (const attr of Array.from(link.attributes)) if (attr.name.startsWith('on')) problems.push(`${id}: ${attr.name}`);
      }
      el.remove();
      if (document.head.querySelector('link[data-mag-comment-feed]')) problems.push(`${id}: the <link> stays after the element left`);
    }
    expect(problems).to.deep.equal([]);
    expect(clobberProblems()).to.deep.equal([]);
    expectNothingRan('mag-comment-feed-link discover');
  });

  it('<mag-comment-thread>: a hostile comment returned by postComment renders safely', async function () {
    this.timeout(60_000);
    const element = elements.find((e) => e.tag === 'mag-comment-thread')!;
    const base = await baseline(element);
    const sample = corpus.filter((_, i) => i % 2 === 0);
    const adapters = sample.map((p) => new HostileAdapter(p.payload));
    const container = mount(html`${adapters.map((adapter) => element.render(adapter))}`);
    const els = [...container.children] as HTMLElement[];
    await loaded(els);
    const problems: string[] = [];
    els.forEach((el, i) => {
      const root = shadow(el);
      const set = (selector: string, value: string) => {
        const field = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector);
        if (!field) return problems.push(`${sample[i].id}: no ${selector} field`);
        field.value = value;
        field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      };
      set('#name', 'Reader');
      set('#email', 'reader@example.org');
      set('#comment', sample[i].payload);
      root.querySelector<HTMLButtonElement>('[part~="submit"]')?.click();
    });
    for (let i = 0; i < 200 && adapters.some((a) => !a.calls.postComment); i++) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 20));
    await loaded(els);
    await settle(container);
    els.forEach((el, i) => {
      const { id } = sample[i];
      if (!adapters[i].calls.postComment) problems.push(`${id}: not posted`);
      else if (!shadow(el).querySelector('[part~="pending-badge"]')) problems.push(`${id}: the posted comment (awaiting moderation) is not shown`);
      // The posted comment is one more comment, with its own reply button.
      const more = { ...base.tags, button: base.tags.button + 2 };
      for (const problem of audit(el, { baseline: more, styledBaseline: base.styled })) problems.push(`${id}: ${problem}`);
    });
    expect(problems).to.deep.equal([]);
    expectNothingRan('mag-comment-thread posted comment');
  });
});
