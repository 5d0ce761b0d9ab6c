/**
 * Bytes of an export file to text. Movable Type and Typepad wrote exports in the blog's publishing
 * charset: UTF-8 for most, Windows-1252 or ISO-8859-1 for older European blogs. The bytes are read
 * as UTF-8 when they are valid UTF-8 (an accented letter in Windows-1252 almost never is), else as
 * Windows-1252, which the Encoding Standard also uses for every `iso-8859-1` / `latin1` label.
 */
import { ImportError } from './import-error.js';

export interface DecodedText {
  text: string;
  /** The encoding the bytes were read in, as `TextDecoder` names it (`utf-8`, `windows-1252`…). */
  encoding: string;
  /** How the encoding was chosen. */
  encodingSource: 'detected' | 'forced' | 'text';
  /** Number of byte sequences that were not valid in the forced encoding (each became U+FFFD). */
  invalidSequences: number;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Decodes an export. `encoding` forces an encoding (any label `TextDecoder` knows: `utf-8`,
 * `windows-1252`, `iso-8859-1`, `latin1`, `iso-8859-15`…); without it, UTF-8 is tried first, then
 * Windows-1252. Text given as a string is used as it is (a leading byte order mark removed).
 */
export function decodeExport(input: string | Uint8Array, encoding?: string): DecodedText {
  if (typeof input === 'string') return { text: input.replace(/^\uFEFF/, ''), encoding: 'utf-16', encodingSource: 'text', invalidSequences: 0 };
  if (encoding) {
    let decoder: TextDecoder;
    try {
      decoder = new TextDecoder(encoding);
    } catch {
      throw new ImportError(`unknown encoding "${encoding}" (try utf-8, windows-1252 or iso-8859-1)`, { kind: 'option' });
    }
    const text = decoder.decode(input);
    // (TextDecoder drops a BOM of its own encoding; a UTF-8 BOM read as Windows-1252 is "ï»¿")
    return { text, encoding: decoder.encoding, encodingSource: 'forced', invalidSequences: countReplacements(text) - countReplacementsInBytes(input, decoder.encoding) };
  }
  const hasBom = UTF8_BOM.every((byte, i) => input[i] === byte);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(input), encoding: 'utf-8', encodingSource: 'detected', invalidSequences: 0 };
  } catch {
    if (hasBom) {
      // A UTF-8 byte order mark says what the file means to be: keep reading it as UTF-8.
      const text = new TextDecoder('utf-8').decode(input);
      return { text, encoding: 'utf-8', encodingSource: 'detected', invalidSequences: countReplacements(text) };
    }
    return { text: new TextDecoder('windows-1252').decode(input), encoding: 'windows-1252', encodingSource: 'detected', invalidSequences: 0 };
  }
}

const countReplacements = (text: string): number => {
  let count = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) count++;
  return count;
};

/** U+FFFD characters that were in the bytes themselves (a valid UTF-8 `EF BF BD`), not decoding failures. */
const countReplacementsInBytes = (bytes: Uint8Array, encoding: string): number => {
  if (encoding !== 'utf-8') return 0;
  let count = 0;
  for (let i = 0; i + 2 < bytes.length; i++) if (bytes[i] === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) count++;
  return count;
};
