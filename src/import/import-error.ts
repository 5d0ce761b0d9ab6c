/**
 * Why an import could not run at all: the file is not a Movable Type export (`malformed`, with the
 * line where reading stopped), or an option is wrong (`option`). A broken entry is not an error: it
 * is skipped and listed in the report.
 */
export class ImportError extends Error {
  readonly kind: 'malformed' | 'option';
  /** The 1-based line of the export the problem was found on. */
  readonly line?: number;

  constructor(message: string, { kind, line }: { kind: 'malformed' | 'option'; line?: number }) {
    super(line === undefined ? message : `line ${line}: ${message}`);
    this.name = 'ImportError';
    this.kind = kind;
    this.line = line;
  }
}
