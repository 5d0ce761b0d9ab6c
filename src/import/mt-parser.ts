/**
 * Reads the text of a Movable Type import / export file into entries, keeping the line of every
 * piece so that problems can name it. The format (Movable Type's "Import / Export Format"):
 *
 * - entries are separated by a line of eight dashes, `--------`;
 * - an entry starts with its header, one `KEY: value` per line (`TITLE`, `DATE`, `CATEGORY`…);
 * - then come multi-line sections, each after a line of five dashes, `-----`, and starting with its
 *   name on a line of its own: `BODY:`, `EXTENDED BODY:`, `EXCERPT:`, `KEYWORDS:`, and one `COMMENT:`
 *   or `PING:` section per comment or trackback, whose first lines are `KEY: value` lines too
 *   (`AUTHOR`, `EMAIL`, `URL`, `IP`, `DATE` for a comment; `TITLE`, `URL`, `IP`, `BLOG NAME`, `DATE`
 *   for a ping), the text following from the first line that is not one of them.
 *
 * Line ends may be LF, CRLF or CR. This module only splits the file; `movable-type.ts` gives the
 * values their meaning.
 */
import { ImportError } from './import-error.js';

/** A `KEY: value` line. */
export interface HeaderLine {
  key: string;
  value: string;
  line: number;
}

/** A multi-line section of an entry (`BODY`, `EXTENDED BODY`, `EXCERPT`, `KEYWORDS`). */
export interface TextSection {
  key: string;
  text: string;
  /** The line of the section's name (`BODY:`). */
  line: number;
}

/** A `COMMENT:` or `PING:` section. */
export interface FeedbackSection {
  kind: 'COMMENT' | 'PING';
  line: number;
  headers: HeaderLine[];
  text: string;
}

export interface ParsedEntry {
  /** The entry's first line. */
  line: number;
  headers: HeaderLine[];
  sections: TextSection[];
  /** Comments and pings, in the order of the file. */
  feedback: FeedbackSection[];
  /** The first problem that makes the entry unreadable (a broken header): the entry is skipped. */
  problem?: { line: number; message: string };
  /** Things read in a way the file may not have meant, reported as warnings. */
  notes: { line: number; message: string }[];
}

export interface ParsedExport {
  entries: ParsedEntry[];
  lineCount: number;
  /** How many lines ended with each kind of line end. */
  lineEnds: { lf: number; crlf: number; cr: number };
}

const TEXT_SECTIONS = new Set(['BODY', 'EXTENDED BODY', 'EXCERPT', 'KEYWORDS']);
const FEEDBACK_KEYS = {
  COMMENT: new Set(['AUTHOR', 'EMAIL', 'URL', 'IP', 'DATE']),
  PING: new Set(['TITLE', 'URL', 'IP', 'BLOG NAME', 'DATE']),
};
/** The header keys Movable Type and Typepad write: a file with none of them is not an export. */
export const KNOWN_HEADER_KEYS = new Set([
  'AUTHOR',
  'TITLE',
  'BASENAME',
  'STATUS',
  'ALLOW COMMENTS',
  'ALLOW PINGS',
  'CONVERT BREAKS',
  'DATE',
  'PRIMARY CATEGORY',
  'CATEGORY',
  'TAGS',
  'NO ENTRY',
]);

/** A header key: capitals, digits, spaces and underscores, from a capital (`DATE`, `ALLOW COMMENTS`). */
const HEADER_KEY = /^[A-Z][A-Z0-9 _]*$/;
/** (`[\s\S]`, not `.`: a value may hold Unicode's line and paragraph separators, at which lines are not cut.) */
const SECTION_START = /^\s*(BODY|EXTENDED BODY|EXCERPT|KEYWORDS|COMMENT|PING)\s*:([\s\S]*)$/;
const ENTRY_END = '--------';
const SECTION_END = '-----';

/**
 * A `KEY: value` line read into its key and its value, both trimmed, or `undefined` when it is not
 * one. The key is what comes before the line's first colon. (One pattern for the whole line, with
 * spaces allowed both inside the key and after it, would try every way of sharing a long run of
 * spaces between the two before giving up: quadratic.)
 */
function readHeaderLine(line: string): { key: string; value: string } | undefined {
  const colon = line.indexOf(':');
  if (colon === -1) return undefined;
  const key = line.slice(0, colon).trim();
  const value = line.slice(colon + 1);
  if (!HEADER_KEY.test(key)) return undefined;
  return { key, value: value.trim() };
}

/** A line shortened and quoted for a message. */
export const quoteLine = (text: string, max = 60): string => JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);

function countLineEnds(text: string): ParsedExport['lineEnds'] {
  let crlf = 0;
  let cr = 0;
  let lf = 0;
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) === 10) crlf++;
    else cr++;
  }
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lf++;
  return { lf: lf - crlf, crlf, cr };
}

/** A comment's or ping's `KEY: value` lines, then its text (from the first line that is not one). */
function readFeedback(kind: 'COMMENT' | 'PING', line: number, lines: string[]): FeedbackSection {
  const keys = FEEDBACK_KEYS[kind];
  const headers: HeaderLine[] = [];
  let i = 0;
  for (; i < lines.length; i++) {
    const header = readHeaderLine(lines[i]);
    if (!header || !keys.has(header.key)) break;
    headers.push({ ...header, line: line + 1 + i });
  }
  return { kind, line, headers, text: lines.slice(i).join('\n').trim() };
}

/**
 * Splits an export into entries. Throws `ImportError` (`malformed`, with a line) when the text is
 * not an export at all: empty, binary, or without a single entry header.
 */
export function parseExport(text: string): ParsedExport {
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    const line = text.slice(0, nul).split(/\r\n|\r|\n/).length;
    throw new ImportError('binary data (a NUL byte): this is not a text export', { kind: 'malformed', line });
  }
  const lines = text.split(/\r\n|\r|\n/);
  const entries: ParsedEntry[] = [];

  let entry: ParsedEntry = { line: 1, headers: [], sections: [], feedback: [], notes: [] };
  /** Where the reader is: the header, between sections, or inside one (named `key`). */
  let state: 'header' | 'between' | 'section' = 'header';
  let sectionKey = '';
  let sectionLine = 0;
  let sectionLines: string[] = [];
  /** The last line of five dashes. */
  let dashLine = 0;

  const closeSection = () => {
    if (state !== 'section') return;
    if (sectionKey === 'COMMENT' || sectionKey === 'PING') entry.feedback.push(readFeedback(sectionKey, sectionLine, sectionLines));
    else if (sectionKey) entry.sections.push({ key: sectionKey, text: sectionLines.join('\n').trim(), line: sectionLine });
    sectionLines = [];
    state = 'between';
  };
  const closeEntry = (nextLine: number) => {
    closeSection();
    if (entry.headers.length || entry.sections.length || entry.feedback.length || entry.problem) entries.push(entry);
    entry = { line: nextLine, headers: [], sections: [], feedback: [], notes: [] };
    state = 'header';
  };
  const brokenHeader = (line: number, message: string) => {
    entry.problem ??= { line, message };
  };

  for (let i = 0; i < lines.length; i++) {
    const number = i + 1;
    const raw = lines[i];
    const trimmed = raw.trim();
    if (trimmed === ENTRY_END) {
      closeEntry(number + 1);
      continue;
    }
    if (trimmed === SECTION_END) {
      closeSection();
      dashLine = number;
      state = 'between';
      continue;
    }
    if (state === 'header') {
      if (!trimmed) continue;
      const start = SECTION_START.exec(raw);
      if (start) {
        brokenHeader(number, `${start[1]}: in the entry's header: the line of five dashes (-----) that must come before it is missing`);
        continue;
      }
      const header = readHeaderLine(raw);
      if (!header) {
        brokenHeader(number, `expected a "KEY: value" line in the entry's header, got ${quoteLine(trimmed)}`);
        continue;
      }
      entry.headers.push({ ...header, line: number });
      continue;
    }
    if (state === 'between') {
      if (!trimmed) continue;
      const start = SECTION_START.exec(raw);
      if (start) {
        state = 'section';
        sectionKey = start[1];
        sectionLine = number;
        sectionLines = start[2].trim() ? [start[2].trim()] : [];
        continue;
      }
      // `KEY:` alone on its line: a section this reader does not know (Movable Type ignores them too).
      const unknown = readHeaderLine(raw);
      if (unknown && !unknown.value) {
        entry.notes.push({ line: number, message: `unknown section ${quoteLine(`${unknown.key}:`)}: ignored` });
        state = 'section';
        sectionKey = '';
        sectionLines = [];
        continue;
      }
      const previous = lastSection(entry);
      if (previous) {
        // A line of five dashes inside a text: Movable Type would lose what follows; keep it in the text.
        entry.notes.push({ line: dashLine, message: `a line of five dashes (-----) inside ${previous.name} is kept as text` });
        state = 'section';
        sectionKey = previous.name;
        sectionLine = previous.line;
        sectionLines = [...previous.lines, SECTION_END, raw];
        previous.remove();
        continue;
      }
      entry.notes.push({ line: number, message: 'text after a line of five dashes (-----) without a section name (BODY:, COMMENT:…): ignored' });
      state = 'section';
      sectionKey = '';
      sectionLines = [];
      continue;
    }
    sectionLines.push(raw);
  }
  closeEntry(lines.length + 1);

  if (!entries.some((e) => e.headers.some((h) => KNOWN_HEADER_KEYS.has(h.key)) || e.sections.some((s) => TEXT_SECTIONS.has(s.key)))) {
    const first = lines.findIndex((l) => l.trim());
    if (first === -1) throw new ImportError('the file is empty', { kind: 'malformed', line: 1 });
    throw new ImportError(
      `this is not a Movable Type export: no entry has a header line such as "TITLE:" or "DATE:" (the file starts with ${quoteLine(lines[first].trim())})`,
      { kind: 'malformed', line: first + 1 },
    );
  }
  // (a file that ends with a line end has no line after it)
  return { entries, lineCount: lines.at(-1) === '' ? lines.length - 1 : lines.length, lineEnds: countLineEnds(text) };
}

/** The entry's last section (text, comment or ping), to reopen when a `-----` line turns out to be text. */
function lastSection(entry: ParsedEntry): { name: string; line: number; lines: string[]; remove: () => void } | undefined {
  const feedback = entry.feedback.at(-1);
  const section = entry.sections.at(-1);
  if (feedback && (!section || feedback.line > section.line)) {
    const headerLines = feedback.headers.map((h) => `${h.key}: ${h.value}`);
    return { name: feedback.kind, line: feedback.line, lines: [...headerLines, ...(feedback.text ? [feedback.text] : [])], remove: () => entry.feedback.pop() };
  }
  if (section) return { name: section.key, line: section.line, lines: section.text ? [section.text] : [], remove: () => entry.sections.pop() };
  return undefined;
}
