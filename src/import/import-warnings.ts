/** The importer's warnings: what was read but changed or not imported, each with its line. */

export interface ImportWarning {
  line?: number;
  message: string;
}

/** Collects warnings; repeated ones (`group`) become one line with a count and the first line. */
export class Warnings {
  readonly list: ImportWarning[] = [];
  private readonly _groups = new Map<string, { line?: number; count: number; message: (count: number) => string }>();

  add(message: string, line?: number): void {
    this.list.push(line === undefined ? { message } : { line, message });
  }

  group(key: string, line: number | undefined, message: (count: number) => string): void {
    const group = this._groups.get(key);
    if (group) group.count++;
    else this._groups.set(key, { line, count: 1, message });
  }

  all(): ImportWarning[] {
    const grouped = [...this._groups.values()].map(({ line, count, message }) => (line === undefined ? { message: message(count) } : { line, message: message(count) }));
    return [...this.list, ...grouped].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  }
}

/** `1 entry`, `2 entries`. */
export const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
