import { isServer } from 'lit';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MagErrorCode } from './errors.js';
import { en } from './translations/en.js';
import { fr } from './translations/fr.js';

/**
 * Every string the elements show, for one language. Functions take the values they interpolate
 * (and handle plurals). Hosts add a language with `registerTranslation()`; a partial table
 * overrides strings of a language already registered.
 */
export interface MagTranslation {
  /** BCP 47 language code: `fr`, `en`, `fr-CA`… */
  $code: string;
  /** Name of the language, in that language. */
  $name: string;
  $dir: 'ltr' | 'rtl';

  // Shared states
  loading: string;
  retry: string;
  errors: Record<MagErrorCode, string>;
  /** Prefix of the list of invalid-data problems. */
  invalidDataDetails: string;
  /** What separates a label from its value ("Article précédent : …", "Previous article: …"). */
  labelSeparator: string;

  // <mag-article>
  by: (name: string) => string;
  postedIn: string;
  updatedOn: (date: string) => string;
  print: string;
  printLabel: (title: string) => string;
  articleNav: string;
  previousArticle: string;
  home: string;
  nextArticle: string;
  articleNotFound: string;
  /** What an article without a title is called. */
  untitled: string;
  /** Accessible title of an embedded video frame that has none. */
  embedTitle: string;

  // <mag-comment-thread>
  /** What a commenter without a name is called. */
  anonymous: string;
  comments: string;
  commentCount: (count: number) => string;
  noComments: string;
  commentsClosed: string;
  /** With `login-url`: what replaces the form. */
  loginToComment: string;
  logIn: string;
  loadMoreComments: string;
  commentsAdded: (count: number) => string;
  inReplyTo: (name: string) => string;
  avatarOf: (name: string) => string;
  reply: string;
  replyTo: (name: string) => string;
  cancelReply: string;
  leaveComment: string;
  nameLabel: string;
  emailLabel: string;
  emailHint: string;
  websiteLabel: string;
  commentLabel: string;
  optional: string;
  postComment: string;
  posting: string;
  commentPosted: string;
  commentPending: string;
  pendingBadge: string;
  draftRestored: string;
  commentErrors: Partial<Record<MagErrorCode, string>>;
  fieldRejected: (field: string) => string;

  // <mag-comment-feed-link>
  feedSentence: string;
  feedLinkText: string;
  feedTitle: (title: string) => string;

  // <mag-recent-contributions>
  recentTitle: string;
  noRecent: string;
  currentArticle: string;

  // <mag-subscribe-form>
  subscribeTitle: string;
  subscribeEmailLabel: string;
  subscribeButton: string;
  subscribing: string;
  subscribed: string;
  confirmationSent: string;
  alreadySubscribed: string;
  subscribeUnsupported: string;
  subscribeErrors: Partial<Record<MagErrorCode, string>>;
  /** The email field left empty. */
  emailMissing: string;
  /** What the email field holds is not an address. */
  emailInvalid: string;
  honeypotLabel: string;

  // <mag-about-box>
  aboutTitle: string;
  contact: string;
  /** An about box's link to the person's website (a link of kind `website`). */
  aboutWebsite: string;
  /** An about box's link to the person's articles (a link of kind `articles`). */
  aboutArticles: (name: string | undefined) => string;

  // <mag-video-list>
  videosTitle: string;
  noVideos: string;
  /** The play button's name. */
  playVideo: (title: string) => string;
  /** The player's name (the frame's title, the `<video>`'s label). */
  videoPlayer: (title: string) => string;
  /** What the consent step says before a player from `host` loads. */
  videoConsent: (host: string) => string;
  /** The consent step's button that loads the player. */
  consentPlay: string;
  consentCancel: string;
  /** A length as it is spoken: "1 minute 35 seconds". */
  videoDuration: (hours: number, minutes: number, seconds: number) => string;
}

export type PartialTranslation = Partial<MagTranslation> & { $code: string };

const translations = new Map<string, MagTranslation>();
const connected = new Set<LocalizeController>();
let fallback: MagTranslation = en;

/**
 * Adds a language, or overrides strings of one already registered (French and English are built in):
 * `registerTranslation({ $code: 'fr', retry: 'Recommencer' })`. A new language may be partial:
 * missing strings fall back to English.
 */
export function registerTranslation(...tables: PartialTranslation[]): void {
  for (const table of tables) {
    const code = table.$code.toLowerCase();
    const base = translationFor(code);
    const merged = {
      ...base,
      ...table,
      $code: code,
      errors: { ...base.errors, ...table.errors },
      commentErrors: { ...base.commentErrors, ...table.commentErrors },
      subscribeErrors: { ...base.subscribeErrors, ...table.subscribeErrors },
    };
    translations.set(code, merged);
    if (code === 'en') fallback = merged;
  }
  for (const controller of connected) controller.host.requestUpdate();
}

/** The translation for a language code: exact, then the base language (`fr-CA` → `fr`), then English. */
export function translationFor(lang: string | undefined): MagTranslation {
  const code = (lang || '').toLowerCase();
  return translations.get(code) ?? translations.get(code.split('-')[0]) ?? fallback;
}

registerTranslation(en, fr);

/** The language of each element a server render renders, read from the page by the renderer. */
const serverLanguages = new WeakMap<Element, string>();

/** For a server render: the language of `element` (its closest `[lang]` in the page being rendered). */
export function setServerLanguage(element: Element, lang: string): void {
  serverLanguages.set(element, lang);
}

/** The language of an element: its closest `[lang]`, crossing shadow roots, then `<html lang>`. */
export function languageOf(element: Element): string {
  if (isServer) return serverLanguages.get(element) ?? 'en';
  let node: Element | null = element;
  while (node) {
    const found: Element | null = node.closest('[lang]');
    if (found) return found.getAttribute('lang') || 'en';
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return document.documentElement.lang || 'en';
}

let observer: MutationObserver | undefined;
function observeLangChanges(): void {
  if (observer) return;
  observer = new MutationObserver(() => {
    for (const controller of connected) controller.host.requestUpdate();
  });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

const DATE_FORMATS = {
  long: { day: 'numeric', month: 'long', year: 'numeric' },
  short: { day: 'numeric', month: 'short' },
  shortWithYear: { day: 'numeric', month: 'short', year: 'numeric' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

// Formatters are costly to make and dates are formatted once per comment: one per language and format.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(lang: string, format: keyof typeof DATE_FORMATS): Intl.DateTimeFormat {
  const key = `${lang}|${format}`;
  let dateFormat = formatters.get(key);
  if (!dateFormat) {
    dateFormat = new Intl.DateTimeFormat(lang, DATE_FORMATS[format]);
    formatters.set(key, dateFormat);
  }
  return dateFormat;
}
const numberFormats = new Map<string, Intl.NumberFormat>();

// These formats show the day, month and year in the local time zone only: the text depends on the
// local calendar day alone, so it is formatted once per language, format and day (long threads
// have many comments a day; formatting is the costly part).
const formattedDays = new Map<string, string>();

/**
 * `date` of `LocalizeController`, for a language already known (a long list resolves it once, not
 * once per item). `now` decides whether the year is shown.
 */
export function formatDate(lang: string, iso: string, style: 'short' | 'long' = 'short', now: Date = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const year = date.getFullYear();
  const format = style === 'long' ? 'long' : year !== now.getFullYear() ? 'shortWithYear' : 'short';
  const key = `${lang}|${format}|${year}-${date.getMonth()}-${date.getDate()}`;
  let text = formattedDays.get(key);
  if (text === undefined) {
    text = formatter(lang, format).format(date);
    // A bound on memory for pages that stay open long: forget everything once in a while.
    if (formattedDays.size >= 5000) formattedDays.clear();
    formattedDays.set(key, text);
  }
  return text;
}

/**
 * Gives an element its strings and date formats, in the language of its closest `[lang]`.
 * The host re-renders when a `lang` attribute changes anywhere in the document or a translation
 * is registered.
 */
export class LocalizeController implements ReactiveController {
  readonly host: ReactiveControllerHost & HTMLElement;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {
    connected.add(this);
    observeLangChanges();
    // Moved into another subtree: its language may have changed.
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    connected.delete(this);
  }

  /** The language code in force for the host (`fr`, `en`, `fr-CA`…). */
  get lang(): string {
    return languageOf(this.host);
  }

  /** The strings for the host's language. */
  get t(): MagTranslation {
    return translationFor(this.lang);
  }

  /** The writing direction of the host's language. */
  get dir(): 'ltr' | 'rtl' {
    return this.t.$dir;
  }

  /**
   * A short date: "16 oct." / "Oct 16", with the year when it is not the current year.
   * `long` gives the full date ("16 octobre 2013" / "October 16, 2013").
   */
  date(iso: string, style: 'short' | 'long' = 'short', now: Date = new Date()): string {
    return formatDate(this.lang, iso, style, now);
  }

  /** A number formatted for the language. */
  number(value: number): string {
    const lang = this.lang;
    let numberFormat = numberFormats.get(lang);
    if (!numberFormat) {
      numberFormat = new Intl.NumberFormat(lang);
      numberFormats.set(lang, numberFormat);
    }
    return numberFormat.format(value);
  }
}
