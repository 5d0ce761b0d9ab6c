/** Helpers of the importer's tests. */

/** The Windows-1252 bytes of characters that are not at their Unicode code point (0x80–0x9F). */
const WINDOWS_1252: Record<string, number> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89, 'Š': 0x8a, '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e,
  '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
};

/** Text as Windows-1252 bytes, as an old export would be written; throws on a character it cannot hold. */
export function encodeWindows1252(text: string): Uint8Array {
  return Uint8Array.from(text, (char) => {
    const code = char.charCodeAt(0);
    const byte = WINDOWS_1252[char] ?? (code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : undefined);
    if (byte === undefined) throw new Error(`${char} is not in Windows-1252`);
    return byte;
  });
}

/** The text of a fixture of test/fixtures/import/. */
export async function fixtureText(name: string): Promise<string> {
  const response = await fetch(`/test/fixtures/import/${name}`);
  if (!response.ok) throw new Error(`fixture ${name}: HTTP ${response.status}`);
  return response.text();
}

/** One entry of an export, from its header lines and sections, for tests of single fields. */
export function mtEntry(header: Record<string, string | string[]>, sections: Record<string, string> = { BODY: 'Le texte.' }, feedback: string[] = []): string {
  const lines = Object.entries(header).flatMap(([key, value]) => (Array.isArray(value) ? value.map((v) => `${key}: ${v}`) : [`${key}: ${value}`]));
  const parts = [lines.join('\n'), ...Object.entries(sections).map(([key, text]) => `${key}:\n${text}`), ...feedback];
  return `${parts.join('\n-----\n')}\n-----\n--------\n`;
}
