/**
 * Characters removed from the end of a text, in linear time. A pattern such as `/\/+$/` or `/[…]+$/`
 * is retried by a backtracking engine from every character of a long run that does not reach the
 * end (quadratic): a long run of slashes in a hostile URL would freeze the page.
 */

/** `text` without the characters at its end that `isTrimmed` accepts. */
export function trimEndWhere(text: string, isTrimmed: (character: string) => boolean): string {
  let end = text.length;
  while (end > 0 && isTrimmed(text[end - 1])) end--;
  return text.slice(0, end);
}

/** `text` without the slashes that end it: `https://example.com/blog//` → `https://example.com/blog`. */
export const withoutTrailingSlashes = (text: string): string => trimEndWhere(text, (character) => character === '/');
