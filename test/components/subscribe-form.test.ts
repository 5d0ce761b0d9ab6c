import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define/mag-subscribe-form.js';
import '../../src/define/mag-provider.js';
import type { MagSubscribeForm, MagSubscribeEvent } from '../../src/components/subscribe-form/subscribe-form.js';
import { MagAdapterError } from '../../src/core/errors.js';
import type { SubscribeResult } from '../../src/core/model.js';
import { JsonAdapter } from '../../src/adapters/json/json-adapter.js';
import { FakeAdapter } from '../../stories/support/fake-adapter.js';
import * as stories from '../../stories/subscribe-form.stories.js';

const root = (el: HTMLElement) => el.shadowRoot!;
const input = (el: HTMLElement) => root(el).querySelector<HTMLInputElement>('input[type="email"]')!;
const button = (el: HTMLElement) => root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!;
const status = (el: HTMLElement) => root(el).querySelector('[role="status"]')!;
const message = (el: HTMLElement) => status(el).textContent.replace(/\s+/g, ' ').trim();

async function render(fake: FakeAdapter | undefined, lang = 'fr'): Promise<MagSubscribeForm> {
  // The element is the fixture's root (lang on it): a plain wrapper would make fixture() wait for an
  // animation frame, which never comes while the test page is a background tab (concurrent test files).
  return fixture<MagSubscribeForm>(html`<mag-subscribe-form lang=${lang} .adapter=${fake}></mag-subscribe-form>`);
}

/** An iframe, next to the element, that receives the answer of a native post. */
function sink(el: HTMLElement, name: string): HTMLIFrameElement {
  const frame = document.createElement('iframe');
  frame.name = name;
  frame.title = 'Réponse';
  el.before(frame);
  return frame;
}

function type(el: HTMLElement, value: string): void {
  const field = input(el);
  field.focus();
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

async function submit(el: MagSubscribeForm, value?: string): Promise<void> {
  if (value !== undefined) type(el, value);
  button(el).click();
  await el.updateComplete;
}

const settled = (el: MagSubscribeForm) => waitUntil(() => message(el) !== '', 'no outcome was announced');

/** A subscribe answer the test resolves when it wants. */
function deferred(): { promise: Promise<SubscribeResult>; resolve: (r: SubscribeResult) => void } {
  let resolve!: (r: SubscribeResult) => void;
  const promise = new Promise<SubscribeResult>((r) => (resolve = r));
  return { promise, resolve };
}

/** What the test endpoint received with this address; call it once the target frame has loaded the answer. */
async function echo(email: string): Promise<{ method: string; contentType: string; body: Record<string, string> }> {
  const answer = await fetch(`/__test/echo?email=${encodeURIComponent(email)}`);
  expect(answer.status, `nothing was posted with ${email}`).to.equal(200);
  return (await answer.json()) as { method: string; contentType: string; body: Record<string, string> };
}

const uniqueEmail = (label: string) => `${label}-${Math.random().toString(36).slice(2)}@example.org`;

describe('<mag-subscribe-form>', () => {
  it('renders a real, labelled form in its shadow root', async () => {
    const el = await render(new FakeAdapter({ subscribe: 'subscribed' }));
    const form = root(el).querySelector('form')!;
    expect(form.contains(input(el))).to.equal(true);
    expect(root(el).querySelector('[role="heading"]')!.textContent.trim()).to.equal("S'abonner par email");
    const label = root(el).querySelector('label[for="email"]')!;
    expect(label.textContent).to.equal('Adresse e-mail');
    expect(input(el).type).to.equal('email');
    expect(input(el).autocomplete).to.equal('email');
    expect(input(el).required).to.equal(true);
    expect(button(el).textContent.trim()).to.equal("S'abonner");
    await expect(el).to.be.accessible();
  });

  it('uses English strings', async () => {
    const el = await render(new FakeAdapter({ subscribe: 'subscribed' }), 'en');
    expect(root(el).querySelector('[role="heading"]')!.textContent.trim()).to.equal('Subscribe by email');
    expect(root(el).querySelector('label[for="email"]')!.textContent).to.equal('Email address');
    await submit(el, 'ada@example.org');
    await settled(el);
    expect(message(el)).to.equal('Thank you! You are subscribed.');
    await expect(el).to.be.accessible();
  });

  it('validates with the browser: an empty or malformed address shows a clear message, in the page\'s language, and sends nothing', async () => {
    const fake = new FakeAdapter({ subscribe: 'subscribed' });
    const el = await render(fake);
    let fired = 0;
    el.addEventListener('mag-subscribe', () => fired++);
    await submit(el, '');
    const error = root(el).querySelector('[part="field-error"]')!;
    expect(error.hasAttribute('hidden')).to.equal(false);
    // The page is French: the element's own words, not the browser's (English here).
    expect(error.textContent).to.equal('Saisissez votre adresse e-mail.');
    expect(input(el).getAttribute('aria-invalid')).to.equal('true');
    expect(input(el).getAttribute('aria-describedby')).to.equal('field-error');
    expect(root(el).activeElement).to.equal(input(el));
    await expect(el).to.be.accessible();

    await submit(el, 'not-an-address');
    expect(error.textContent).to.equal("Cette adresse e-mail n'est pas valide : elle s'écrit comme nom@exemple.fr.");
    expect(fake.calls.subscribe).to.equal(0);
    expect(fired).to.equal(0);
    await expect(el).to.be.accessible();

    type(el, 'ada@example.org');
    await el.updateComplete;
    expect(input(el).hasAttribute('aria-invalid')).to.equal(false);
    expect(error.hasAttribute('hidden')).to.equal(true);
  });

  it('fires mag-subscribe, then subscribes through the adapter, busy meanwhile, without double submission', async () => {
    const answer = deferred();
    const fake = new FakeAdapter({ subscribe: () => answer.promise });
    const el = await render(fake);
    const event = oneEvent<MagSubscribeEvent>(el, 'mag-subscribe');
    await submit(el, ' lecteur@example.org ');
    const fired = await event;
    expect(fired.email).to.equal('lecteur@example.org');
    expect(fired.cancelable).to.equal(true);
    expect(fired.composed).to.equal(true);
    await waitUntil(() => fake.calls.subscribe === 1, 'subscribe was not called');
    expect(fake.log.at(-1)!.args).to.deep.equal(['lecteur@example.org']);
    expect(button(el).getAttribute('aria-disabled')).to.equal('true');
    expect(button(el).textContent.trim()).to.equal('Abonnement…');
    expect(root(el).querySelector('form')!.getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();

    await submit(el);
    root(el).querySelector('form')!.requestSubmit();
    await el.updateComplete;
    expect(fake.calls.subscribe).to.equal(1);

    answer.resolve({ status: 'subscribed' });
    await settled(el);
    expect(fake.calls.subscribe).to.equal(1);
    expect(button(el).hasAttribute('aria-disabled')).to.equal(false);
    expect(root(el).querySelector('form')!.getAttribute('aria-busy')).to.equal('false');
  });

  for (const [result, text] of [
    ['subscribed', 'Merci ! Votre abonnement est enregistré.'],
    ['confirmation-sent', 'Presque terminé : vérifiez votre boîte de réception pour confirmer votre abonnement.'],
    ['already-subscribed', 'Cette adresse est déjà abonnée.'],
  ] as const) {
    it(`announces the result "${result}" in a live region`, async () => {
      const el = await render(new FakeAdapter({ subscribe: result }));
      await submit(el, 'lecteur@example.org');
      await settled(el);
      expect(message(el)).to.equal(text);
      expect(status(el).classList.contains('success')).to.equal(true);
      expect(input(el).value).to.equal('');
      await expect(el).to.be.accessible();
    });
  }

  for (const [error, text] of [
    [new MagAdapterError('network', 'fetch failed'), "Votre abonnement n'a pas pu être envoyé : le serveur est injoignable. Réessayez."],
    [new MagAdapterError('rejected', 'This domain does not accept mail.', { field: 'email', reason: 'This domain does not accept mail.' }), "L'abonnement a été refusé. This domain does not accept mail."],
    [new MagAdapterError('timeout', 'slow'), "Le serveur n'a pas répondu à temps. Réessayez."],
    [new MagAdapterError('too-fast', 'slow down'), 'Trop de demandes'],
    [new MagAdapterError('unknown', 'odd'), "Une erreur s'est produite."],
  ] as const) {
    it(`shows the "${error.code}" failure and keeps the typed address`, async () => {
      const el = await render(new FakeAdapter({ subscribe: error }));
      await submit(el, 'lecteur@example.org');
      await settled(el);
      expect(message(el)).to.contain(text);
      expect(status(el).classList.contains('error')).to.equal(true);
      expect(input(el).value).to.equal('lecteur@example.org');
      expect(button(el).hasAttribute('aria-disabled')).to.equal(false);
      await expect(el).to.be.accessible();
    });
  }

  it("renders the backend's reason as text, never as HTML", async () => {
    const el = await render(new FakeAdapter({ subscribe: new MagAdapterError('rejected', 'Refused.', { reason: '<img src=x onerror="window.__magPwned=1">nope' }) }));
    await submit(el, 'lecteur@example.org');
    await settled(el);
    expect(status(el).querySelector('img')).to.equal(null);
    expect(status(el).querySelector('.reason')!.textContent).to.equal('<img src=x onerror="window.__magPwned=1">nope');
  });

  it('says a missing or failing endpoint in the reader\'s language, and names its address and status in the console', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    try {
      const adapter = new JsonAdapter({ data: { version: 1, site: { title: 'T' }, articles: [], subscribe: { endpoint: '/__test/no-such-route' } } });
      const el = await fixture<MagSubscribeForm>(html`<mag-subscribe-form lang="fr" .adapter=${adapter}></mag-subscribe-form>`);
      await submit(el, 'reader@example.org');
      await settled(el);
      expect(message(el)).to.equal("L'abonnement n'est pas possible pour le moment.");
      expect(warnings.some((w) => w.includes('/__test/no-such-route') && w.includes('404'))).to.equal(true);
    } finally {
      console.warn = warn;
    }
  });

  it('lets a bot fill the honeypot and fail quietly: nothing is sent', async () => {
    const fake = new FakeAdapter({ subscribe: 'subscribed' });
    const el = await render(fake);
    let fired = 0;
    el.addEventListener('mag-subscribe', () => fired++);
    const honeypot = root(el).querySelector<HTMLInputElement>('#hp')!;
    expect(honeypot.closest('[aria-hidden="true"]')).to.exist;
    expect(honeypot.tabIndex).to.equal(-1);
    // Named, so that a bot filling every named field fills it, and so that an endpoint can check it.
    expect(honeypot.name).to.equal('website');
    expect(honeypot.getBoundingClientRect().right).to.be.lessThan(0);
    honeypot.value = 'http://spam.example';
    await submit(el, 'bot@example.org');
    await settled(el);
    expect(fake.calls.subscribe).to.equal(0);
    expect(fired).to.equal(0);
    expect(message(el)).to.equal('Merci ! Votre abonnement est enregistré.');
    await expect(el).to.be.accessible();
  });

  it('does nothing more when the host cancels mag-subscribe', async () => {
    const fake = new FakeAdapter({ subscribe: 'subscribed' });
    const el = await render(fake);
    el.addEventListener('mag-subscribe', (event) => event.preventDefault());
    await submit(el, 'lecteur@example.org');
    expect(fake.calls.subscribe).to.equal(0);
    expect(message(el)).to.equal('');
    expect(input(el).value).to.equal('lecteur@example.org');
    await expect(el).to.be.accessible();
  });

  it("shows the outcome of the host's own call given to respondWith()", async () => {
    const el = await render(undefined);
    el.addEventListener('mag-subscribe', (event: MagSubscribeEvent) => event.respondWith(Promise.resolve({ status: 'confirmation-sent' })));
    await submit(el, 'lecteur@example.org');
    await settled(el);
    expect(message(el)).to.contain('vérifiez votre boîte de réception');
    const failing = await render(undefined, 'en');
    failing.addEventListener('mag-subscribe', (event: MagSubscribeEvent) => event.respondWith(Promise.reject(new MagAdapterError('rejected', 'Unknown list.', { reason: 'Unknown list.' }))));
    await submit(failing, 'ada@example.org');
    await settled(failing);
    expect(message(failing)).to.equal('The subscription was refused. Unknown list.');
    expect(input(failing).value).to.equal('ada@example.org');
  });

  it('says so when the data source cannot subscribe and no host handles it', async () => {
    const fake = new FakeAdapter();
    const el = await render(fake);
    await submit(el, 'lecteur@example.org');
    await settled(el);
    expect(message(el)).to.equal("L'abonnement par e-mail n'est pas disponible sur ce site.");
    expect(input(el).value).to.equal('lecteur@example.org');
    await expect(el).to.be.accessible();
  });

  it('refresh() clears the outcome shown', async () => {
    const el = await render(new FakeAdapter({ subscribe: 'subscribed' }));
    await submit(el, 'lecteur@example.org');
    await settled(el);
    el.refresh();
    await el.updateComplete;
    expect(message(el)).to.equal('');
    expect(status(el).classList.contains('success')).to.equal(false);
  });

  it('goes through the provider when it has no adapter of its own', async () => {
    const fake = new FakeAdapter({ subscribe: 'already-subscribed' });
    const provider = await fixture<HTMLElement>(html`<mag-provider .adapter=${fake} lang="fr"><mag-subscribe-form></mag-subscribe-form></mag-provider>`);
    const el = provider.querySelector('mag-subscribe-form')!;
    await el.updateComplete;
    await submit(el, 'lecteur@example.org');
    await settled(el);
    expect(message(el)).to.equal('Cette adresse est déjà abonnée.');
    expect(fake.calls.subscribe).to.equal(1);
  });

  it('subscribes through a data file that has not loaded yet (its endpoint is known once it loads)', async () => {
    const provider = await fixture<HTMLElement>(
      html`<mag-provider src="/test/fixtures/data/subscribe-only.json" lang="en"><mag-subscribe-form></mag-subscribe-form></mag-provider>`,
    );
    const el = provider.querySelector('mag-subscribe-form')!;
    await el.updateComplete;
    const email = uniqueEmail('lazy');
    await submit(el, email);
    await settled(el);
    expect(message(el)).to.equal('Thank you! You are subscribed.');
    expect((await echo(email)).body.email).to.equal(email);
  });

  it('posts natively to a plain `action` URL', async () => {
    const fake = new FakeAdapter({ subscribe: 'subscribed' });
    const email = uniqueEmail('native');
    const el = await fixture<MagSubscribeForm>(
      html`<mag-subscribe-form lang="fr" .adapter=${fake} action="/__test/subscribe" target="subscribe-sink"></mag-subscribe-form>`,
    );
    const frame = sink(el, 'subscribe-sink');
    const form = root(el).querySelector('form')!;
    expect(form.getAttribute('action')).to.equal('/__test/subscribe');
    expect(form.getAttribute('method')).to.equal('post');
    const event = oneEvent<MagSubscribeEvent>(el, 'mag-subscribe');
    const answered = oneEvent(frame, 'load');
    await submit(el, email);
    await event;
    await answered;
    const received = await echo(email);
    expect(received.method).to.equal('POST');
    expect(received.contentType).to.contain('application/x-www-form-urlencoded');
    expect(received.body).to.deep.equal({ email, website: '' });
    expect(fake.calls.subscribe).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('takes the place of a child form, posting to its action with its field name and hidden fields', async () => {
    const email = uniqueEmail('child');
    const el = await fixture<MagSubscribeForm>(html`<mag-subscribe-form lang="fr">
      <form action="/__test/subscribe" method="post" target="child-sink">
        <label>Adresse e-mail <input type="email" name="EMAIL" required autocomplete="email" /></label>
        <input type="hidden" name="list" value="le-mag" />
        <button>S'abonner</button>
      </form>
    </mag-subscribe-form>`);
    const frame = sink(el, 'child-sink');
    // The child form is replaced by the element's own form: only one is rendered.
    expect(el.querySelector('form')!.getBoundingClientRect().height).to.equal(0);
    const answered = oneEvent(frame, 'load');
    await submit(el, email);
    await answered;
    const received = await echo(email);
    expect(received.body).to.deep.equal({ EMAIL: email, list: 'le-mag', website: '' });
    await expect(el).to.be.accessible();
  });

  it('has child form markup that posts natively when scripts do not run', async () => {
    const email = uniqueEmail('nojs');
    // An element that is never defined stands for <mag-subscribe-form> when the script failed to load.
    const wrapper = document.createElement('div');
    wrapper.innerHTML = `<iframe name="nojs-sink" title="Réponse"></iframe>
      <mag-subscribe-form-not-loaded lang="fr">
        <form action="/__test/subscribe" method="post" target="nojs-sink">
          <label>Adresse e-mail <input type="email" name="email" required autocomplete="email"></label>
          <button>S'abonner</button>
        </form>
      </mag-subscribe-form-not-loaded>`;
    document.body.append(wrapper);
    try {
      const form = wrapper.querySelector('form')!;
      form.querySelector('input')!.value = email;
      const answered = oneEvent(wrapper.querySelector('iframe')!, 'load');
      form.querySelector('button')!.click();
      await answered;
      const received = await echo(email);
      expect(received.body).to.deep.equal({ email });
    } finally {
      wrapper.remove();
    }
  });

  it('prefers the adapter over a child form when the adapter can subscribe', async () => {
    const fake = new FakeAdapter({ subscribe: 'subscribed' });
    const el = await fixture<MagSubscribeForm>(html`<mag-subscribe-form lang="fr" .adapter=${fake}>
      <form action="/__test/subscribe" method="post"><input type="email" name="email" /></form>
    </mag-subscribe-form>`);
    expect(root(el).querySelector('form')!.hasAttribute('action')).to.equal(false);
    await submit(el, 'lecteur@example.org');
    await settled(el);
    expect(fake.calls.subscribe).to.equal(1);
  });
});

describe('<mag-subscribe-form> stories after a reader submits (their play functions)', () => {
  type RenderArgs = Parameters<typeof stories.default.render>[0];
  const expected: Record<string, (el: MagSubscribeForm) => boolean> = {
    InvalidAddress: (el) => input(el).getAttribute('aria-invalid') === 'true',
    Submitting: (el) => button(el).getAttribute('aria-disabled') === 'true',
    Subscribed: (el) => message(el) === 'Merci ! Votre abonnement est enregistré.',
    ConfirmationSent: (el) => message(el).startsWith('Presque terminé'),
    AlreadySubscribed: (el) => message(el) === 'Cette adresse est déjà abonnée.',
    NetworkError: (el) => message(el).startsWith("Votre abonnement n'a pas pu être envoyé") && input(el).value === 'lecteur@example.org',
    Rejected: (el) => message(el) === "L'abonnement a été refusé. This domain does not accept mail." && input(el).value !== '',
    Unsupported: (el) => message(el) === "L'abonnement par e-mail n'est pas disponible sur ce site.",
  };
  for (const [name, check] of Object.entries(expected)) {
    it(`${name}: shows its state and is accessible`, async () => {
      const story = (stories as unknown as Record<string, { args?: Partial<RenderArgs>; play?: (context: { canvasElement: HTMLElement }) => Promise<void> }>)[name];
      const template = stories.default.render({ ...stories.default.args, ...story.args });
      const el = await fixture<MagSubscribeForm>(template);
      el.lang = 'fr';
      await story.play!({ canvasElement: el.parentElement! });
      await waitUntil(() => check(el), `${name} did not reach its state`);
      await expect(el).to.be.accessible();
    });
  }
});
