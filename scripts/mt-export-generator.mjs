// A realistic Movable Type / Typepad export of any size, for the importer's tests and its benchmark
// (scripts/bench-import.mjs). Deterministic (a seeded generator): the same options give the same
// text. No Node built-in, so the browser tests import it too.
//
// What it holds: French text with accents, HTML bodies (CONVERT BREAKS: 0, with images on Typepad's
// media servers) and plain-text ones (CONVERT BREAKS: 1), extended bodies, excerpts, several
// categories per entry, comments with e-mail and IP fields, "@Name" replies, trackbacks (pings),
// drafts, closed comments, comment counts from none to hundreds per entry, and links to earlier
// entries at their Typepad addresses (https://lemag.typepad.com/YYYY/MM/<basename>.html).

const WORDS = (
  'territoire département région commune élu citoyen démocratie réforme numérique proximité ' +
  'économie emploi santé école collège transport péage agriculture marché pêche littoral bocage ' +
  'solidarité services publics décentralisation fiscalité budget investissement jeunesse culture ' +
  'associations bénévoles été hiver fête réunion conseil débat projet avenir qualité énergie ' +
  'éolien forêt rivière côte bretonne île ferry gîte randonnée crêpe cidre cœur œuvre ça déjà où là'
).split(' ');
const FIRST_NAMES = ['Anne', 'Bernard', 'Cécile', 'Denis', 'Élodie', 'François', 'Gaëlle', 'Hervé', 'Inès', 'Jérôme', 'Katell', 'Loïc', 'Maëlys', 'Noël', 'Océane', 'Pierre', 'Soizic', 'Yann', 'Zoé'];
const LAST_NAMES = ['Le Gall', 'Morvan', 'Tanguy', 'Quéré', 'Le Bihan', 'Guéguen', 'Hénaff', 'Prigent', 'Riou', 'Cariou'];
const CATEGORIES = ['La République des Territoires', 'Politique', 'Vie locale', 'Économie', 'Numérique', 'Santé', 'Éducation', 'Transports', 'Agriculture', 'Culture', 'Environnement', 'Europe'];
const AUTHORS = ['Claudy Lebreton', 'Rédaction du Mag', 'Invité·e'];

/** A small seeded generator (mulberry32): the same seed, the same export. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n) => String(n).padStart(2, '0');

/** `MM/DD/YYYY hh:mm:ss AM|PM`, or 24-hour when `h24`. */
function mtDate(date, h24) {
  const day = `${pad(date.getUTCMonth() + 1)}/${pad(date.getUTCDate())}/${date.getUTCFullYear()}`;
  const h = date.getUTCHours();
  if (h24) return `${day} ${pad(h)}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  return `${day} ${pad(h % 12 || 12)}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`;
}

/**
 * Generates an export. Options: `entries` (default 3,000), `comments` (default 30,000, spread
 * unevenly; pings come on top, about one for twenty comments), `seed`, `lineEnd` (`\n` or
 * `\r\n`). Returns the text and what it holds (`stats`, with some of the e-mail addresses and IP
 * addresses it wrote, for privacy checks).
 */
export function generateMovableTypeExport({ entries = 3000, comments = 30000, seed = 19, lineEnd = '\n' } = {}) {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const words = (n) => {
    let text = pick(WORDS);
    for (let i = 1; i < n; i++) text += ` ${pick(WORDS)}`;
    return text;
  };
  const sentence = () => {
    const text = words(8 + Math.floor(next() * 14));
    return `${text[0].toUpperCase()}${text.slice(1)}.`;
  };
  /** `min` to `min + spread - 1` sentences. */
  const paragraph = (min = 2, spread = 4) => {
    let text = sentence();
    for (let i = 1, n = min + Math.floor(next() * spread); i < n; i++) text += ` ${sentence()}`;
    return text;
  };

  // Comments per entry: most entries have none or a few, one in fifty (a debated one) up to hundreds.
  const weights = Array.from({ length: entries }, () => next() ** 2 + (next() < 0.02 ? 20 * next() : 0));
  const total = weights.reduce((a, b) => a + b, 0);
  const perEntry = weights.map((w) => Math.floor((w / total) * comments));
  for (let left = comments - perEntry.reduce((a, b) => a + b, 0), i = 0; left > 0; left--, i = (i + 7) % entries) perEntry[i]++;

  const stats = { entries, comments: 0, pings: 0, drafts: 0, replies: 0, closed: 0, emails: [], ips: [] };
  const out = [];
  /** The old addresses of the entries written so far (the dates are the blog's local time). */
  const addresses = [];
  let time = Date.UTC(2004, 0, 5, 9, 0, 0);
  const span = (Date.UTC(2025, 5, 1) - time) / entries;
  for (let e = 0; e < entries; e++) {
    time += span * (0.5 + next());
    const date = new Date(Math.floor(time / 1000) * 1000);
    const title = `${sentence().slice(0, -1).split(' ').slice(0, 3 + Math.floor(next() * 5)).join(' ')} (${e + 1})`;
    const draft = next() < 0.02;
    if (draft) stats.drafts++;
    const closed = next() < 0.3;
    if (closed) stats.closed++;
    const html = next() < 0.6;
    const primary = pick(CATEGORIES);
    const others = [pick(CATEGORIES), pick(CATEGORIES)].slice(0, Math.floor(next() * 3));
    const lines = [
      `AUTHOR: ${pick(AUTHORS)}`,
      `TITLE: ${title}`,
      `BASENAME: entree-${e + 1}`,
      `STATUS: ${draft ? 'Draft' : 'Publish'}`,
      `ALLOW COMMENTS: ${closed ? 0 : 1}`,
      `CONVERT BREAKS: ${html ? 0 : 1}`,
      'ALLOW PINGS: 1',
      `PRIMARY CATEGORY: ${primary}`,
      `CATEGORY: ${primary}`,
      ...others.map((c) => `CATEGORY: ${c}`),
      `DATE: ${mtDate(date, next() < 0.2)}`,
      '-----',
      'BODY:',
    ];
    const paragraphs = Array.from({ length: 3 + Math.floor(next() * 5) }, paragraph);
    if (html) {
      const image = `<p><a href="https://lemag.typepad.com/.a/6a00d8341c${String(e).padStart(6, '0')}-pi"><img src="https://lemag.typepad.com/.a/6a00d8341c${String(e).padStart(6, '0')}-500wi" alt="${words(3)}" /></a></p>`;
      const link = addresses.length && next() < 0.3 ? `<p>Voir aussi <a href="${pick(addresses)}">${words(3)}</a>.</p>` : '';
      lines.push(`${image}${paragraphs.map((p) => `<p>${p}</p>`).join('')}${link}`);
    } else {
      lines.push(paragraphs.join(`${lineEnd}${lineEnd}`));
    }
    lines.push('-----', 'EXTENDED BODY:', next() < 0.3 ? (html ? `<p>${paragraph()}</p>` : paragraph()) : '', '-----', 'EXCERPT:', next() < 0.4 ? sentence() : '', '-----', 'KEYWORDS:', '', '-----');

    let commentTime = date.getTime();
    const names = [];
    for (let c = 0; c < perEntry[e]; c++) {
      commentTime += 60_000 * (5 + Math.floor(next() * 600));
      const when = mtDate(new Date(commentTime), next() < 0.2);
      const ip = `${10 + (c % 200)}.${(e * 7) % 250}.${c % 250}.${1 + (e % 250)}`;
      if (next() < 0.05) {
        stats.pings++;
        lines.push('PING:', `TITLE: ${sentence().slice(0, -1)}`, `URL: https://blog-${e % 97}.example.net/${e}/${c}.html`, `IP: 172.16.${e % 250}.${c % 250}`, `BLOG NAME: Le blog de ${pick(FIRST_NAMES)}`, `DATE: ${when}`, paragraph(1, 2), '-----');
      }
      stats.comments++;
      const name = `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`;
      const email = `lecteur.${e}.${c}@example.org`;
      if (stats.emails.length < 200) stats.emails.push(email);
      if (stats.ips.length < 200) stats.ips.push(ip);
      const reply = names.length && next() < 0.25 ? pick(names) : undefined;
      if (reply) stats.replies++;
      names.push(name);
      const text = Array.from({ length: 1 + Math.floor(next() * 2) }, () => paragraph(1, 3)).join(`${lineEnd}${lineEnd}`);
      lines.push('COMMENT:', `AUTHOR: ${name}`, `EMAIL: ${email}`, `IP: ${ip}`, `URL: ${next() < 0.3 ? `https://${name.toLowerCase().replace(/[^a-z]+/g, '-')}.example.net/` : ''}`, `DATE: ${when}`, `${reply ? `@${reply} ` : ''}${text}`, '-----');
    }
    lines.push('--------');
    out.push(lines.join(lineEnd));
    addresses.push(`https://lemag.typepad.com/${date.getUTCFullYear()}/${pad(date.getUTCMonth() + 1)}/entree-${e + 1}.html`);
  }
  return { text: `${out.join(lineEnd)}${lineEnd}`, stats };
}
