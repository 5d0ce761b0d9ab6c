import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { MagAdapterError } from '../../src/core/errors.js';
import type { MagErrorCode } from '../../src/core/errors.js';
import { en } from '../../src/core/translations/en.js';
import type { FakeAdapter, FakeBehaviour } from '../../stories/support/fake-adapter.js';
import { OPEN_ARTICLE, captureUncaught, englishStrings, nextTask, seededFake } from './support.js';
import { dataShown } from './support.js';
import { shadow } from './elements.js';

type Failure = { name: string; behaviour: FakeBehaviour; timeout?: number };

const CODES: MagErrorCode[] = ['network', 'rejected', 'duplicate', 'too-fast', 'unsupported', 'timeout', 'unknown', 'not-found', 'invalid-data'];
const FAILURES: Failure[] = [
  ...CODES.map((code) => ({ name: `rejects with ${code}`, behaviour: new MagAdapterError(code, `RAW ${code}`) })),
  { name: 'rejects a field', behaviour: new MagAdapterError('rejected', 'RAW bad field', { field: 'authorEmail' }) },
  { name: 'never answers (timeout)', behaviour: 'never', timeout: 0.15 },
  { name: 'answers malformed data', behaviour: { malformed: { status: 'maybe', id: 3 } } },
  { name: 'throws synchronously', behaviour: { throwSync: new Error('RAW sync') } },
];

async function until(what: string, condition: () => boolean, timeout = 5000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeout) throw new Error(`timed out waiting until ${what}`);
    await nextTask(5);
  }
}

/**
 * Types into a field: with real key presses (`keys`), or by setting the value and firing `input` as
 * typing does (faster, for the many failure cases).
 */
async function typeInto(field: HTMLInputElement | HTMLTextAreaElement, text: string, keys = false): Promise<void> {
  field.focus();
  if (keys) {
    for (const [i, line] of text.split('\n').entries()) {
      if (i) await sendKeys({ press: 'Enter' }); // in the textarea: a new line, not a submit
      await sendKeys({ type: line });
    }
    return;
  }
  field.value = text;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: text }));
}

async function inProvider(fake: FakeAdapter, body: ReturnType<typeof html>, timeout = 20): Promise<HTMLElement> {
  const provider = await fixture<HTMLElement>(html`<mag-provider .adapter=${fake} timeout=${timeout}>${body}</mag-provider>`);
  return provider.firstElementChild as HTMLElement;
}

describe('<mag-subscribe-form> under failure', () => {
  const message = (el: HTMLElement) => (shadow(el).querySelector('[part~="message"]')?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const input = (el: HTMLElement) => shadow(el).querySelector<HTMLInputElement>('input[type=email]')!;
  const submit = (el: HTMLElement) => shadow(el).querySelector<HTMLButtonElement>('[part~="submit"]')!;

  for (const failure of FAILURES) {
    it(`${failure.name}: keeps the address, says what happened, and subscribes once the backend is back`, async () => {
      const uncaught = captureUncaught();
      const fake = seededFake({ behaviour: { subscribe: failure.behaviour } });
      const el = await inProvider(fake, html`<mag-subscribe-form></mag-subscribe-form>`, failure.timeout);
      await typeInto(input(el), 'reader@example.org');
      await sendKeys({ press: 'Enter' });
      await until('the failure is announced', () => message(el) !== '' && !message(el).includes(en.subscribing));
      expect(fake.calls.subscribe).to.equal(1);
      expect(input(el).value, 'the typed address is kept').to.equal('reader@example.org');
      expect(message(el)).not.to.equal(en.confirmationSent);
      expect([...englishStrings].some((s) => s && message(el).startsWith(s)), `"${message(el)}" starts with a localized string`).to.equal(true);
      await expect(el).to.be.accessible();

      fake.behaviour = {};
      submit(el).click();
      await until('the subscription is confirmed', () => message(el) === en.confirmationSent);
      expect(fake.calls.subscribe).to.equal(2);
      expect(uncaught.stop()).to.deep.equal([]);
    });
  }

  it('never submits twice: a double click and repeated Enter make one request', async () => {
    const fake = seededFake({ behaviour: { subscribe: 'never' } });
    const el = await inProvider(fake, html`<mag-subscribe-form></mag-subscribe-form>`);
    await typeInto(input(el), 'reader@example.org', true);
    submit(el).click();
    submit(el).click();
    await nextTask(10);
    input(el).focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Enter' });
    await nextTask(20);
    expect(fake.calls.subscribe).to.equal(1);
    expect(input(el).value).to.equal('reader@example.org');
  });
});

describe('<mag-comment-thread> form under failure', () => {
  const root = (el: HTMLElement) => shadow(el);
  const field = (el: HTMLElement, id: string) => root(el).querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${id}`)!;
  const message = (el: HTMLElement) => (root(el).querySelector('[part~="form-message"]')?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const submit = (el: HTMLElement) => root(el).querySelector<HTMLButtonElement>('[part~="submit"]');
  const typed = { name: 'Ada Lovelace', email: 'ada@example.org', website: 'https://ada.example', comment: 'First line.\nA second line, kept.' };

  async function fill(el: HTMLElement, keys = false): Promise<void> {
    for (const [id, text] of Object.entries(typed)) await typeInto(field(el, id), text, keys);
  }
  const values = (el: HTMLElement) => Object.fromEntries(Object.keys(typed).map((id) => [id, field(el, id)?.value]));

  beforeEach(() => sessionStorage.clear());

  for (const failure of FAILURES) {
    it(`${failure.name}: keeps every field, says what happened, and posts once the backend is back`, async () => {
      const uncaught = captureUncaught();
      const fake = seededFake({ behaviour: { postComment: failure.behaviour } });
      const el = await inProvider(fake, html`<mag-comment-thread article-id=${OPEN_ARTICLE}></mag-comment-thread>`, failure.timeout);
      await dataShown(el);
      await fill(el);
      submit(el)!.click();
      await until('the failure is announced', () => message(el) !== '');
      expect(fake.calls.postComment).to.equal(1);
      expect(values(el), 'what the reader typed is kept').to.deep.equal(typed);
      expect(message(el)).not.to.contain('RAW');
      expect([...englishStrings].some((s) => s && message(el).startsWith(s)), `"${message(el)}" starts with a localized string`).to.equal(true);
      await expect(el).to.be.accessible();

      fake.behaviour = {};
      submit(el)!.click();
      await until('the comment is posted', () => message(el) === en.commentPosted);
      expect(fake.calls.postComment).to.equal(2);
      expect(shadow(el).textContent).to.contain('A second line, kept.');
      expect(uncaught.stop()).to.deep.equal([]);
    });
  }

  it('closed meanwhile: the form turns read-only and still shows what the reader typed', async () => {
    const fake = seededFake({ behaviour: { postComment: new MagAdapterError('closed', 'RAW closed') } });
    const el = await inProvider(fake, html`<mag-comment-thread article-id=${OPEN_ARTICLE}></mag-comment-thread>`);
    await dataShown(el);
    await fill(el);
    submit(el)!.click();
    await until('comments are said to be closed', () => (shadow(el).textContent ?? '').includes(en.commentsClosed));
    expect(field(el, 'comment')?.value, 'the comment is still there to copy').to.equal(typed.comment);
    expect(submit(el), 'no submit button on a closed thread').to.equal(null);
  });

  it('what the reader typed survives the element being reloaded after a failure', async () => {
    const fake = seededFake({ behaviour: { postComment: new MagAdapterError('network', 'RAW') } });
    const el = await inProvider(fake, html`<mag-comment-thread article-id=${OPEN_ARTICLE}></mag-comment-thread>`);
    await dataShown(el);
    await fill(el, true);
    submit(el)!.click();
    await until('the failure is announced', () => message(el) !== '');
    const again = await inProvider(fake, html`<mag-comment-thread article-id=${OPEN_ARTICLE}></mag-comment-thread>`);
    await dataShown(again);
    await until('the draft is restored', () => field(again, 'comment')?.value === typed.comment);
    expect(values(again)).to.deep.equal(typed);
  });

  it('never submits twice: a double click and repeated Enter make one request', async () => {
    const fake = seededFake({ behaviour: { postComment: 'never' } });
    const el = await inProvider(fake, html`<mag-comment-thread article-id=${OPEN_ARTICLE}></mag-comment-thread>`);
    await dataShown(el);
    await fill(el, true);
    submit(el)!.click();
    submit(el)!.click();
    await nextTask(10);
    field(el, 'name').focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Enter' });
    await nextTask(20);
    expect(fake.calls.postComment).to.equal(1);
    expect(values(el)).to.deep.equal(typed);
  });
});
