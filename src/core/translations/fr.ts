import type { MagTranslation } from '../localize.js';

let numbers: Intl.NumberFormat | undefined;
/** `count.toLocaleString('fr')`, one formatter reused: making one on every call is slow. */
const number = (count: number): string => (numbers ??= new Intl.NumberFormat('fr')).format(count);

/** Chaînes françaises (la langue du site d'origine). */
export const fr: MagTranslation = {
  $code: 'fr',
  $name: 'Français',
  $dir: 'ltr',

  loading: 'Chargement…',
  retry: 'Réessayer',
  errors: {
    'not-found': 'Ce contenu est introuvable.',
    network: 'Le serveur est injoignable. Vérifiez votre connexion puis réessayez.',
    'invalid-data': 'Le serveur a envoyé des données impossibles à afficher.',
    closed: 'Ceci est fermé.',
    rejected: 'Le serveur a refusé la demande.',
    duplicate: 'Ceci a déjà été envoyé.',
    'too-fast': 'Trop de demandes en peu de temps. Patientez un instant puis réessayez.',
    unsupported: "Ce site ne propose pas cette fonction.",
    timeout: 'Le serveur met trop de temps à répondre.',
    aborted: 'La demande a été annulée.',
    unknown: "Une erreur s'est produite.",
  },
  invalidDataDetails: 'Problèmes relevés :',
  labelSeparator: '\u00a0: ',

  by: (name) => `par ${name}`,
  postedIn: 'Publié dans',
  updatedOn: (date) => `Mis à jour le ${date}`,
  print: 'imprimer',
  printLabel: (title) => `Imprimer « ${title} »`,
  articleNav: 'Navigation entre les articles',
  previousArticle: 'Article précédent',
  home: 'Accueil',
  nextArticle: 'Article suivant',
  embedTitle: 'Vidéo',
  untitled: 'Sans titre',
  articleNotFound: 'Cet article est introuvable.',

  anonymous: 'Anonyme',
  comments: 'Commentaires',
  commentCount: (count) =>
    count === 0 ? 'Aucun commentaire' : count === 1 ? '1 commentaire' : `${number(count)} commentaires`,
  noComments: "Aucun commentaire pour l'instant.",
  commentsClosed: "L'utilisation des commentaires est désactivée pour cette note.",
  loginToComment: 'Vous devez être connecté pour publier un commentaire.',
  logIn: 'Se connecter',
  loadMoreComments: 'Afficher plus de commentaires',
  commentsAdded: (count) => (count === 1 ? '1 commentaire de plus affiché.' : `${count} commentaires de plus affichés.`),
  inReplyTo: (name) => `en réponse à ${name}`,
  avatarOf: (name) => `vignette pour ${name}`,
  reply: 'Répondre',
  replyTo: (name) => `Répondre à ${name}`,
  cancelReply: 'Annuler la réponse',
  leaveComment: 'Laisser un commentaire',
  nameLabel: 'Nom',
  emailLabel: 'Adresse e-mail',
  emailHint: 'Votre adresse e-mail ne sera pas publiée.',
  websiteLabel: 'Site web',
  commentLabel: 'Commentaire',
  optional: 'facultatif',
  postComment: 'Publier le commentaire',
  posting: 'Envoi…',
  commentPosted: 'Votre commentaire a été publié.',
  commentPending: 'Votre commentaire a bien été reçu et attend la validation d’un modérateur.',
  pendingBadge: 'En attente de modération',
  draftRestored: 'Votre commentaire non envoyé a été restauré.',
  commentErrors: {
    closed:
      'Les commentaires ont été fermés entre-temps sur cette note. Votre texte reste dans le formulaire pour que vous puissiez le copier.',
    duplicate: 'Vous avez déjà publié ce commentaire.',
    'too-fast': 'Vous publiez des commentaires trop rapidement. Patientez un instant puis réessayez.',
    rejected: 'Le commentaire a été refusé.',
    network: "Votre commentaire n'a pas pu être envoyé : le serveur est injoignable. Votre texte est conservé ; réessayez.",
    timeout: "Le serveur n'a pas répondu à temps. Votre texte est conservé ; réessayez.",
    unsupported: "Ce site n'accepte pas de commentaires ici.",
  },
  fieldRejected: (field) => `Vérifiez ce champ : ${field}.`,

  feedSentence: 'Vous pouvez suivre la conversation sur cet article en vous abonnant à son',
  feedLinkText: 'flux de commentaires',
  feedTitle: (title) => `Commentaires sur « ${title} »`,

  recentTitle: 'Dernières contributions',
  noRecent: "Aucun article pour l'instant.",
  currentArticle: 'article en cours',

  subscribeTitle: "S'abonner par email",
  subscribeEmailLabel: 'Adresse e-mail',
  subscribeButton: "S'abonner",
  subscribing: 'Abonnement…',
  subscribed: 'Merci ! Votre abonnement est enregistré.',
  confirmationSent: 'Presque terminé : vérifiez votre boîte de réception pour confirmer votre abonnement.',
  alreadySubscribed: 'Cette adresse est déjà abonnée.',
  subscribeUnsupported: "L'abonnement par e-mail n'est pas disponible sur ce site.",
  subscribeErrors: {
    network: "Votre abonnement n'a pas pu être envoyé : le serveur est injoignable. Réessayez.",
    'not-found': "L'abonnement n'est pas possible pour le moment.",
    rejected: "L'abonnement a été refusé.",
    timeout: "Le serveur n'a pas répondu à temps. Réessayez.",
  },
  emailMissing: 'Saisissez votre adresse e-mail.',
  emailInvalid: "Cette adresse e-mail n'est pas valide : elle s'écrit comme nom@exemple.fr.",
  honeypotLabel: 'Laissez ce champ vide',

  aboutTitle: 'A propos',
  aboutWebsite: 'Site web',
  aboutArticles: (name) => (name ? `Articles de ${name}` : 'Ses articles'),
  contact: 'Me contacter',

  videosTitle: 'Vidéos',
  noVideos: "Aucune vidéo pour l'instant.",
  playVideo: (title) => `Lire la vidéo : ${title}`,
  videoPlayer: (title) => `Lecteur vidéo : ${title}`,
  videoConsent: (host) => `Cette vidéo est hébergée par ${host}. La lire charge du contenu de ${host}, qui peut alors voir votre visite.`,
  consentPlay: 'Lire la vidéo',
  consentCancel: 'Annuler',
  videoDuration: (hours, minutes, seconds) => {
    const parts: string[] = [];
    if (hours) parts.push(hours > 1 ? `${hours} heures` : '1 heure');
    if (minutes) parts.push(minutes > 1 ? `${minutes} minutes` : '1 minute');
    if (seconds || !parts.length) parts.push(`${seconds} seconde${seconds > 1 ? 's' : ''}`);
    return parts.join(' ');
  },
};
