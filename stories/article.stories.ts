import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/mag-article.js';
import { MagAdapterError } from '../src/core/errors.js';
import type { Article } from '../src/core/model.js';
import { FakeAdapter } from './support/fake-adapter.js';
import type { FakeBehaviour } from './support/fake-adapter.js';
import { demoImage, englishArticle, hostileHtml, seedArticle } from './support/sample-data.js';

interface Args {
  articleId: string;
  headingLevel: number;
  embedHosts: string;
  printComments: boolean;
  /** Story-only: what the fake adapter's getArticle does instead of answering. */
  behaviour?: FakeBehaviour;
}

const longArticle: Article = {
  id: 'long-article',
  title: 'Les territoires numériques de demain : 22 propositions',
  published: '2013-10-01T08:00:00Z',
  updated: '2013-10-03T08:00:00Z',
  author: { name: 'Claudy Lebreton', url: 'https://www.example.org/a-propos' },
  sections: [seedArticle.sections[0]],
  bodyHtml: [
    '<p>Le rapport remis à la Ministre formule <strong>22 propositions</strong>, regroupées en quatre axes. En voici une lecture commentée.</p>',
    `<figure><img src="${demoImage('about-author.svg')}" alt="Claudy Lebreton remettant son rapport" width="320" height="320"><figcaption>La remise du rapport, le 1er octobre.</figcaption></figure>`,
    '<h2>1. Se coordonner dans la proximité</h2>',
    ...Array.from({ length: 4 }, (_, i) => `<p>Paragraphe ${i + 1}. Le bassin de vie est le plus petit territoire sur lequel les habitants ont accès aux équipements et services les plus courants. C'est sur cette assise que doivent être élaborées collectivement des conventions numériques.</p>`),
    '<blockquote><p>La révolution numérique est synonyme de mouvement, de création, de liberté.</p></blockquote>',
    '<h2>2. Former et accompagner</h2>',
    '<ul><li>un coordonnateur territorial à l\'innovation ;</li><li>des conseils locaux du numérique ;</li><li>des espaces publics numériques dans chaque bassin de vie.</li></ul>',
    `<figure><img src="${demoImage('avatar-dulucq.svg')}" alt="Illustration : un habitant devant un espace public numérique" width="160" height="160"><figcaption>Un espace public numérique.</figcaption></figure>`,
    '<h2>3. Financer</h2>',
    '<table><caption>Financement indicatif</caption><thead><tr><th scope="col">Source</th><th scope="col">Part</th></tr></thead><tbody><tr><td>État</td><td>40 %</td></tr><tr><td>Régions</td><td>30 %</td></tr><tr><td>Départements</td><td>30 %</td></tr></tbody></table>',
    '<h2>4. Évaluer</h2>',
    ...Array.from({ length: 3 }, (_, i) => `<p>Suite ${i + 1}. Chaque bassin de vie doit définir collectivement son projet numérique au regard de ses spécificités territoriales. Il n'y a pas un modèle unique, administré par le haut. Voir <a href="https://example.org/rapport">le rapport complet</a>.</p>`),
    '<pre><code>bassins de vie : 1 666</code></pre>',
  ].join(''),
  commentsOpen: true,
  previous: { id: 'le-numerique-c-est-la-proximite', title: seedArticle.title, url: seedArticle.url },
  homeUrl: '/',
};

const hostileArticle: Article = {
  ...seedArticle,
  id: 'hostile',
  title: 'Un article au contenu hostile <img src=x onerror=alert(1)>',
  bodyHtml: `<p>Ce texte vient d'un serveur compromis : les scripts, gestionnaires d'événements, URL javascript: et data:, styles, formulaires et cadres d'hôtes non autorisés sont retirés.</p>${hostileHtml.replace('src="x"', `src="${demoImage('avatar-dulucq.svg')}"`)}`,
  sections: [{ name: 'Piège', url: 'javascript:alert(1)' }],
  previous: { id: 'x', title: 'Lien piégé', url: 'javascript:alert(1)' },
};

const articles = [seedArticle, englishArticle, longArticle, hostileArticle];

const meta = {
  title: 'Elements/mag-article',
  component: 'mag-article',
  args: {
    articleId: seedArticle.id,
    headingLevel: 1,
    embedHosts: '',
    printComments: false,
  },
  argTypes: { behaviour: { table: { disable: true } } },
  render: (args) => html`<mag-article
    article-id=${args.articleId}
    heading-level=${args.headingLevel}
    embed-hosts=${args.embedHosts}
    ?print-comments=${args.printComments}
    .adapter=${new FakeAdapter({ articles, behaviour: args.behaviour ? { getArticle: args.behaviour } : {} })}
  ></mag-article>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** The seed page's article, loaded through an adapter, with its « previous | Accueil | next » line. */
export const Seed: Story = {};

/** English data and strings ("Posted in", "Print", "Home", "Oct 16, 2013"), whatever the toolbar language. */
export const English: Story = {
  args: { articleId: englishArticle.id },
  render: (args) => html`<div lang="en">${meta.render(args)}</div>`,
};

/** Loading: the placeholder keeps the layout and is announced (`aria-busy`). */
export const Loading: Story = { args: { behaviour: 'never' } };

/** The article does not exist. */
export const NotFound: Story = { args: { articleId: 'n-existe-pas' } };

/** The server cannot be reached: an error with a working retry (the retry fails again here). */
export const NetworkError: Story = {
  args: { behaviour: new MagAdapterError('network', 'The server could not be reached.') },
};

/** The server answered data that is not an article: the problems are listed. */
export const InvalidData: Story = {
  args: { behaviour: { malformed: { id: 42, title: null } } },
};

/** A long article with images, figures, a quote, a list, a table and code; title as a level-2 heading. */
export const LongWithImages: Story = { args: { articleId: longArticle.id, headingLevel: 2 } };

/** Hostile HTML from a compromised backend: nothing runs, nothing escapes the element. */
export const HostileHtml: Story = { args: { articleId: hostileArticle.id } };

/** A ready `article` property, no adapter; no previous article and no home link: the navigation shows only what exists. */
export const ReadyArticleNoAdapter: Story = {
  render: (args) => html`<mag-article heading-level=${args.headingLevel} .article=${{ ...seedArticle, previous: undefined, homeUrl: undefined }}></mag-article>`,
};
