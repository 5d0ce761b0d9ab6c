import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/mag-subscribe-form.js';
import type { MagSubscribeForm } from '../src/components/subscribe-form/subscribe-form.js';
import { MagAdapterError } from '../src/core/errors.js';
import type { SubscribeResult } from '../src/core/model.js';
import { FakeAdapter } from './support/fake-adapter.js';
import type { FakeBehaviour } from './support/fake-adapter.js';

interface Args {
  heading?: string;
  action?: string;
  target?: string;
  /** Story-only: what the fake adapter's subscribe answers; `none`: the adapter cannot subscribe. */
  result: SubscribeResult['status'] | MagAdapterError | 'none';
  /** Story-only: what the fake adapter's subscribe does instead of answering. */
  behaviour?: FakeBehaviour;
  /** Story-only: a description slotted under the title. */
  description?: string;
}

/** Types an address and submits, as a reader would (runs in Storybook; the story test renders the initial state). */
function submitting(email: string) {
  return async ({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> => {
    const el = canvasElement.querySelector<MagSubscribeForm>('mag-subscribe-form');
    if (!el) return;
    await el.updateComplete;
    const input = el.shadowRoot?.querySelector<HTMLInputElement>('input[type="email"]');
    if (!input) return;
    input.value = email;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    el.shadowRoot?.querySelector('form')?.requestSubmit();
  };
}

const meta = {
  title: 'Elements/mag-subscribe-form',
  component: 'mag-subscribe-form',
  args: { result: 'subscribed' },
  argTypes: {
    result: { control: 'select', options: ['subscribed', 'confirmation-sent', 'already-subscribed', 'none'] },
    behaviour: { table: { disable: true } },
  },
  render: (args) => html`<mag-subscribe-form
    heading=${args.heading ?? ''}
    action=${args.action ?? ''}
    target=${args.target ?? ''}
    .adapter=${new FakeAdapter({
      ...(args.result === 'none' ? {} : { subscribe: args.result }),
      behaviour: args.behaviour ? { subscribe: args.behaviour } : {},
    })}
    >${args.description ? html`<p slot="description">${args.description}</p>` : ''}</mag-subscribe-form
  >`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** The seed page's "S'abonner par email", ready to be filled. */
export const Seed: Story = {};

/** An English title and description, with English strings ("Subscribe"), whatever the toolbar language. */
export const English: Story = {
  args: { heading: 'Get new articles by email', description: 'One email per new article. Unsubscribe at any time.' },
  render: (args) => html`<div lang="en">${meta.render(args)}</div>`,
};

/** An address that is not one: the browser's validation message under the field. */
export const InvalidAddress: Story = { play: submitting('pas-une-adresse') };

/** Submitting: the button is disabled and the form busy (the adapter never answers). */
export const Submitting: Story = { args: { behaviour: 'never' }, play: submitting('lecteur@example.org') };

/** Subscribed. */
export const Subscribed: Story = { play: submitting('lecteur@example.org') };

/** Double opt-in: "check your inbox". */
export const ConfirmationSent: Story = { args: { result: 'confirmation-sent' }, play: submitting('lecteur@example.org') };

/** The address was already subscribed. */
export const AlreadySubscribed: Story = { args: { result: 'already-subscribed' }, play: submitting('lecteur@example.org') };

/** The server could not be reached: the address is kept. */
export const NetworkError: Story = {
  args: { result: new MagAdapterError('network', 'The server could not be reached.') },
  play: submitting('lecteur@example.org'),
};

/** The backend refused the address, with its own reason (shown as text). */
export const Rejected: Story = {
  args: { result: new MagAdapterError('rejected', 'This domain does not accept mail.', { field: 'email', reason: 'This domain does not accept mail.' }) },
  play: submitting('lecteur@example.invalid'),
};

/** The data source cannot subscribe and no host handles `mag-subscribe`: the form says so. */
export const Unsupported: Story = { args: { result: 'none' }, play: submitting('lecteur@example.org') };

/** A newsletter service's form action: the form posts there natively (here into a new tab). */
export const NativeAction: Story = { args: { result: 'none', action: 'https://newsletter.example/subscribe', target: '_blank' } };
