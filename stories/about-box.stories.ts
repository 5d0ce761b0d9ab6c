import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/mag-about-box.js';
import { MagAdapterError } from '../src/core/errors.js';
import type { About } from '../src/core/model.js';
import { FakeAdapter } from './support/fake-adapter.js';
import type { FakeBehaviour } from './support/fake-adapter.js';
import { aboutBoxes, demoImage, hostileHtml } from './support/sample-data.js';

interface Args {
  key?: string;
  heading?: string;
  headingLevel: number;
  /** A ready about box (the `about` property): nothing is loaded. */
  about?: About;
  /** Story-only: what the fake adapter's getAbout does instead of answering. */
  behaviour?: FakeBehaviour;
}

const boxes: Record<string, About> = {
  ...aboutBoxes,
  author: { ...aboutBoxes.author, photoUrl: demoImage('about-author.svg'), photoAlt: 'Claudy Lebreton' },
  hostile: {
    title: 'Une présentation hostile',
    bioHtml: `<p>Cette bio vient d'un serveur compromis : tout ce qui pourrait s'exécuter est retiré.</p>${hostileHtml}`,
    photoUrl: 'javascript:alert(1)',
    contactUrl: 'javascript:alert(1)',
    links: [{ label: 'Lien piégé', url: 'javascript:alert(1)' }, { label: 'Le site', url: 'https://example.org/' }],
  },
};

const meta = {
  title: 'Elements/mag-about-box',
  component: 'mag-about-box',
  args: { key: 'magazine', headingLevel: 2 },
  // `about` is a data object: its control edits it as JSON (the English story gives one).
  argTypes: { about: { control: 'object' }, behaviour: { table: { disable: true } } },
  render: (args) => html`<mag-about-box
    key=${args.key ?? ''}
    heading=${args.heading ?? ''}
    heading-level=${args.headingLevel}
    .about=${args.about}
    .adapter=${new FakeAdapter({ about: boxes, behaviour: args.behaviour ? { getAbout: args.behaviour } : {} })}
  ></mag-about-box>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** The magazine's presentation, as in the seed page ("La République des Territoires - Le Mag"). */
export const Magazine: Story = {};

/** The author's "A propos", with photo and "Me contacter". */
export const Author: Story = { args: { key: 'author' } };

/** A ready `about` object in English, with English strings, whatever the toolbar language: photo, contact link and extra links. */
export const English: Story = {
  args: {
    key: undefined,
    about: {
      title: 'About',
      name: 'Ada Lovelace',
      bioHtml: '<p>Writes about <em>analytical engines</em> and local democracy. <a href="https://example.org/ada">Full biography</a>.</p>',
      photoUrl: demoImage('about-author.svg'),
      photoAlt: 'Portrait of Ada Lovelace',
      contactUrl: 'mailto:ada@example.org',
      links: [
        { label: 'Mastodon', url: 'https://example.social/@ada' },
        { label: 'Newsletter', url: 'https://example.org/newsletter' },
      ],
    },
  },
  render: (args) => html`<div lang="en">${meta.render(args)}</div>`,
};

/** A bio from a compromised backend: sanitized with the `bio` profile, unsafe URLs dropped. */
export const Hostile: Story = { args: { key: 'hostile' } };

/** Loading (the adapter never answers). */
export const Loading: Story = { args: { behaviour: 'never' } };

/** No such box: message and retry. */
export const NotFound: Story = { args: { key: 'nobody' } };

/** The box could not be loaded: message and retry. */
export const LoadError: Story = { args: { behaviour: new MagAdapterError('network', 'The server could not be reached.') } };

/** The data source has no about boxes. */
export const Unsupported: Story = { args: { behaviour: new MagAdapterError('unsupported', 'This adapter has no about boxes.') } };
