import type { About, Article, ArticleSummary, Comment, Video } from '../../src/core/model.js';

/**
 * Sample data for stories and element tests: the seed page (French) and an English counterpart.
 * The seed page gives no year; 2013 is assumed. Avatars are local SVG data-free files.
 */

/**
 * The absolute address of a demo image: images in data are shown only from absolute http(s) addresses
 * unless the provider allows relative ones (docs/security.md).
 */
export const demoImage = (file: string): string => new URL(`/demo/img/${file}`, location.href).href;
const sections = {
  republique: { name: 'La République des Territoires', url: '/sections/la-republique-des-territoires' },
  politique: { name: 'Politique', url: '/sections/politique' },
  vieLocale: { name: 'Vie locale', url: '/sections/vie-locale' },
};

export const seedArticle: Article = {
  id: 'le-numerique-c-est-la-proximite',
  slug: 'le-numerique-c-est-la-proximite',
  title: "Le numérique, c'est la proximité",
  url: '/2013/10/le-numerique-c-est-la-proximite.html',
  published: '2013-10-16T09:30:00Z',
  author: { name: 'Claudy Lebreton', url: 'https://www.example.org/a-propos' },
  sections: [sections.republique, sections.politique],
  bodyHtml:
    "<p>Le numérique est décidément un sujet passionnant et un peu déroutant. Pas un jour ne passe sans qu'un illustre scientifique, écrivain ou économiste nous explique les mutations profondes que nous connaissons depuis 20 ans à l'ère du numérique.</p>" +
    "<p>Quinze jours après la remise à la Ministre de mon rapport sur les territoires numériques de demain, j'ai souhaité revenir sur certaines des 22 propositions que j'ai formulées. Aujourd'hui retour sur la première d'entre elles, et certainement une des plus audacieuses : se coordonner dans la proximité.</p>" +
    '<p>C\'est aussi cela la proximité avec le numérique.</p>',
  commentsOpen: false,
  commentCount: 1,
  commentFeedUrl: '/2013/10/le-numerique-c-est-la-proximite/comments/atom.xml',
  commentFeedType: 'application/atom+xml',
  previous: { id: 'lutter-contre-le-gaspillage-alimentaire', title: 'Lutter contre le gaspillage alimentaire', url: '/2013/10/lutter-contre-le-gaspillage-alimentaire.html' },
  next: { id: 'un-vrai-pacte-d-avenir-pour-la-bretagne', title: "Un vrai pacte d'avenir pour la Bretagne", url: '/2013/10/un-vrai-pacte-d-avenir-pour-la-bretagne.html' },
  homeUrl: '/',
};

export const seedComments: Comment[] = [
  {
    id: 'c-dulucq',
    author: { name: 'Dulucq', avatarUrl: demoImage('avatar-dulucq.svg') },
    published: '2013-10-17T08:12:00Z',
    bodyHtml:
      "<p>Dans votre brillant rapport, vous précisez même que ces bassins de vie s'apparentent aux Pays, au sens de la loi Voynet.</p><p>Voilà un bon moyen de dépasser la question département ou région, et de répondre Pays ! avec co-financement des uns et des autres.</p><p>Le pilotage par le Pays est une bonne proposition !</p><p>Bravo !</p>",
  },
];

export const englishArticle: Article = {
  id: 'digital-is-proximity',
  title: 'Digital means proximity',
  url: '/2013/10/digital-means-proximity.html',
  published: '2013-10-16T09:30:00Z',
  author: { name: 'Claudy Lebreton' },
  sections: [{ name: 'Local democracy', url: '/sections/local-democracy' }, { name: 'Politics' }],
  bodyHtml: '<p>Digital technology is a fascinating and somewhat bewildering subject.</p><p>The most relevant level is the <em>employment area</em>: the smallest territory where people reach everyday services.</p>',
  commentsOpen: true,
  commentCount: 3,
  previous: { id: 'fighting-food-waste', title: 'Fighting food waste', url: '/fighting-food-waste' },
  next: { id: 'a-pact-for-brittany', title: 'A real pact for the future of Brittany', url: '/a-pact-for-brittany' },
  homeUrl: '/',
};

export const englishComments: Comment[] = [
  { id: 'e1', author: { name: 'Ada', url: 'https://ada.example' }, published: '2013-10-16T10:00:00Z', bodyHtml: '<p>Great point about local coordination.</p>' },
  { id: 'e2', parentId: 'e1', author: { name: 'Grace' }, published: '2013-10-16T11:00:00Z', bodyHtml: '<p>Agreed, and it needs <strong>funding</strong>.</p>' },
  { id: 'e3', parentId: 'e2', author: { name: 'Ada', url: 'https://ada.example' }, published: '2013-10-16T12:00:00Z', bodyHtml: '<p>Co-funding by regions and departments.</p>' },
];

/** A reply chain `depth` levels deep under one comment. */
export function deepReplies(depth: number): Comment[] {
  return Array.from({ length: depth }, (_, i) => ({
    id: `d${i}`,
    ...(i ? { parentId: `d${i - 1}` } : {}),
    author: { name: `Person ${i + 1}` },
    published: new Date(Date.UTC(2013, 9, 16, 10, i)).toISOString(),
    bodyHtml: `<p>Reply level ${i}.</p>`,
  }));
}

/** `count` comments with a ~300-character HTML body each, some of them replies. */
export function longThread(count: number): Comment[] {
  const body =
    '<p>Lorem <strong>ipsum</strong> dolor sit amet, consectetur adipiscing elit. Integer <a href="https://example.org/source">nec odio</a>. Praesent libero. Sed cursus ante dapibus diam. Sed nisi. Nulla quis sem at nibh elementum imperdiet. Duis sagittis ipsum. <em>Praesent mauris</em>. Fusce nec tellus sed augue semper porta.</p>';
  return Array.from({ length: count }, (_, i) => ({
    id: `t${i}`,
    ...(i % 5 === 4 ? { parentId: `t${i - 1}` } : {}),
    author: { name: `Reader ${i + 1}`, avatarUrl: demoImage(`avatar-${i % 3}.svg`) },
    published: new Date(Date.UTC(2013, 9, 16, 10, 0, i)).toISOString(),
    bodyHtml: body,
  }));
}

export const recentContributions: ArticleSummary[] = [
  { id: 'un-vrai-pacte-d-avenir-pour-la-bretagne', title: "Un vrai pacte d'avenir pour la Bretagne", url: '/2013/10/un-vrai-pacte-d-avenir-pour-la-bretagne.html', published: '2013-10-21T08:00:00Z', sections: [sections.republique] },
  { id: 'le-numerique-c-est-la-proximite', title: "Le numérique, c'est la proximité", url: '/2013/10/le-numerique-c-est-la-proximite.html', published: '2013-10-16T09:30:00Z', sections: [sections.republique, sections.politique] },
  { id: 'lutter-contre-le-gaspillage-alimentaire', title: 'Lutter contre le gaspillage alimentaire', url: '/2013/10/lutter-contre-le-gaspillage-alimentaire.html', published: '2013-10-09T08:00:00Z', sections: [sections.republique] },
  { id: 'les-marches-de-plenee-jugon', title: 'Les marchés de Plénée-Jugon', url: '/2013/10/les-marches-de-plenee-jugon.html', published: '2013-10-02T08:00:00Z', sections: [sections.republique, sections.vieLocale] },
  { id: 'decentralisation-acte-iii', title: 'Décentralisation : acte III', url: '/2013/09/decentralisation-acte-iii.html', published: '2013-09-25T08:00:00Z', sections: [sections.republique, sections.politique] },
];

export const aboutBoxes: Record<string, About> = {
  magazine: {
    title: 'La République des Territoires - Le Mag',
    bioHtml:
      '<p>Bienvenue dans la "République des Territoires", la partie "mag" – ou magazine – de mon site.</p><p>Cet Espace de réflexions et de débats, qui doit jouer le rôle « d’agitateur d’idées », propose des articles de fond sur la démocratie locale, l\'organisation territoriale, la décentralisation, l\'action des collectivités, les finances locales, etc.</p><p>Merci de vos contributions au débat !</p>',
  },
  author: {
    title: 'A propos',
    name: 'Claudy Lebreton',
    bioHtml:
      "<p>Adhérent au Parti socialiste en 1975, devenu maire de Plénée-Jugon en 1977, je suis président du Conseil Général des Côtes d'Armor depuis 1997 ainsi que président de l'Assemblée des départements de France depuis 2004.</p>",
    contactUrl: 'mailto:contact@example.org',
  },
};

/**
 * The seed page's "Vidéos" box. The page gives only the title: the YouTube address, the date, the
 * length and the thumbnail (a local drawing) are invented.
 */
export const seedVideos: Video[] = [
  {
    id: 'ouverture-du-marche',
    title: 'Ouverture du marché avec Claudy Lebreton',
    url: 'https://www.youtube.com/watch?v=Xq3dQm7LpA0',
    published: '2013-10-12T09:00:00Z',
    durationSeconds: 154,
    thumbnailUrl: demoImage('video-ouverture-du-marche.svg'),
    provider: 'youtube',
  },
];

/** Videos of each kind the list plays: on YouTube (its thumbnail on YouTube's servers), on Vimeo, a file, and a player on another host. */
export const englishVideos: Video[] = [
  {
    id: 'market-opening',
    title: 'Opening the market',
    url: 'https://youtu.be/Xq3dQm7LpA0',
    published: '2013-10-12T09:00:00Z',
    durationSeconds: 154,
    thumbnailUrl: 'https://i.ytimg.com/vi/Xq3dQm7LpA0/hqdefault.jpg',
  },
  {
    id: 'digital-report',
    title: 'The digital territories report in three minutes',
    url: 'https://vimeo.com/76979871',
    published: '2013-10-01T12:00:00Z',
    durationSeconds: 3725,
    thumbnailUrl: demoImage('video-ouverture-du-marche.svg'),
  },
  {
    id: 'council-meeting',
    title: 'Council meeting, 30 September',
    url: '/videos/council-meeting.html',
    embedUrl: 'https://videos.example.org/embed/council-meeting',
    published: '2013-09-30T18:00:00Z',
  },
];

/** Markup a hostile backend might send, for the "hostile content" stories and tests. */
export const hostileHtml =
  '<p>Hello<script>window.__magPwned = true</script></p><img src="data:image/png;base64,AAAA" onerror="window.__magPwned = true"><a href="javascript:window.__magPwned = true">click</a><a href=" JaVaScRiPt:alert(1)">spaced</a><form action="/steal"><input name="password"></form><style>body{display:none}</style><p style="position:fixed;inset:0">overlay</p><iframe src="https://evil.example/embed"></iframe><a href="data:text/html,<script>alert(1)</script>">data</a>';
