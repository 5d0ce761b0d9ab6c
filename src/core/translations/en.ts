import type { MagTranslation } from '../localize.js';

let numbers: Intl.NumberFormat | undefined;
/** `count.toLocaleString('en')`, one formatter reused: making one on every call is slow. */
const number = (count: number): string => (numbers ??= new Intl.NumberFormat('en')).format(count);

/** English strings. */
export const en: MagTranslation = {
  $code: 'en',
  $name: 'English',
  $dir: 'ltr',

  loading: 'Loading…',
  retry: 'Try again',
  errors: {
    'not-found': 'This content could not be found.',
    network: 'The server could not be reached. Check your connection and try again.',
    'invalid-data': 'The server sent data that cannot be displayed.',
    closed: 'This is closed.',
    rejected: 'The server refused the request.',
    duplicate: 'This was already sent.',
    'too-fast': 'Too many requests in a short time. Please wait a moment and try again.',
    unsupported: 'This site does not offer this feature.',
    timeout: 'The server is taking too long to answer.',
    aborted: 'The request was cancelled.',
    unknown: 'Something went wrong.',
  },
  invalidDataDetails: 'Problems found:',
  labelSeparator: ': ',

  by: (name) => `by ${name}`,
  postedIn: 'Posted in',
  updatedOn: (date) => `Updated ${date}`,
  print: 'Print',
  printLabel: (title) => `Print “${title}”`,
  articleNav: 'Article navigation',
  previousArticle: 'Previous article',
  home: 'Home',
  nextArticle: 'Next article',
  embedTitle: 'Video',
  untitled: 'Untitled',
  articleNotFound: 'This article could not be found.',

  anonymous: 'Anonymous',
  comments: 'Comments',
  commentCount: (count) => (count === 0 ? 'No comments' : count === 1 ? '1 comment' : `${number(count)} comments`),
  noComments: 'No comments yet.',
  commentsClosed: 'Comments are closed for this post.',
  loginToComment: 'You must be logged in to post a comment.',
  logIn: 'Log in',
  loadMoreComments: 'Show more comments',
  commentsAdded: (count) => (count === 1 ? '1 more comment shown.' : `${count} more comments shown.`),
  inReplyTo: (name) => `in reply to ${name}`,
  avatarOf: (name) => `Avatar of ${name}`,
  reply: 'Reply',
  replyTo: (name) => `Reply to ${name}`,
  cancelReply: 'Cancel reply',
  leaveComment: 'Leave a comment',
  nameLabel: 'Name',
  emailLabel: 'Email',
  emailHint: 'Your email address will not be published.',
  websiteLabel: 'Website',
  commentLabel: 'Comment',
  optional: 'optional',
  postComment: 'Post comment',
  posting: 'Posting…',
  commentPosted: 'Your comment was posted.',
  commentPending: 'Your comment was received and is awaiting moderation.',
  pendingBadge: 'Awaiting moderation',
  draftRestored: 'Your unsent comment was restored.',
  commentErrors: {
    closed: 'Comments were closed on this post in the meantime. Your text is kept in the form so you can copy it.',
    duplicate: 'You have already posted this comment.',
    'too-fast': 'You are posting comments too quickly. Wait a moment, then try again.',
    rejected: 'The comment was refused.',
    network: 'Your comment could not be sent: the server could not be reached. Your text is kept; try again.',
    timeout: 'The server did not answer in time. Your text is kept; try again.',
    unsupported: 'This site does not accept comments here.',
  },
  fieldRejected: (field) => `Please check this field: ${field}.`,

  feedSentence: 'You can follow this conversation by subscribing to the',
  feedLinkText: 'comment feed',
  feedTitle: (title) => `Comments on “${title}”`,

  recentTitle: 'Recent contributions',
  noRecent: 'No articles yet.',
  currentArticle: 'current article',

  subscribeTitle: 'Subscribe by email',
  subscribeEmailLabel: 'Email address',
  subscribeButton: 'Subscribe',
  subscribing: 'Subscribing…',
  subscribed: 'Thank you! You are subscribed.',
  confirmationSent: 'Almost done: check your inbox and confirm your subscription.',
  alreadySubscribed: 'This address is already subscribed.',
  subscribeUnsupported: 'Subscription by email is not available on this site.',
  subscribeErrors: {
    network: 'Your subscription could not be sent: the server could not be reached. Try again.',
    'not-found': 'Subscribing is not possible at the moment.',
    rejected: 'The subscription was refused.',
    timeout: 'The server did not answer in time. Try again.',
  },
  emailMissing: 'Enter your email address.',
  emailInvalid: 'This email address is not valid: it is written like name@example.com.',
  honeypotLabel: 'Leave this field empty',

  aboutTitle: 'About',
  aboutWebsite: 'Website',
  aboutArticles: (name) => (name ? `Articles by ${name}` : 'Articles'),
  contact: 'Contact me',

  videosTitle: 'Videos',
  noVideos: 'No videos yet.',
  playVideo: (title) => `Play video: ${title}`,
  videoPlayer: (title) => `Video player: ${title}`,
  videoConsent: (host) => `This video is hosted by ${host}. Playing it loads content from ${host}, which can then see your visit.`,
  consentPlay: 'Play the video',
  consentCancel: 'Cancel',
  videoDuration: (hours, minutes, seconds) => {
    const parts: string[] = [];
    if (hours) parts.push(hours === 1 ? '1 hour' : `${hours} hours`);
    if (minutes) parts.push(minutes === 1 ? '1 minute' : `${minutes} minutes`);
    if (seconds || !parts.length) parts.push(seconds === 1 ? '1 second' : `${seconds} seconds`);
    return parts.join(' ');
  },
};
