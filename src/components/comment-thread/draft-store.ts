/** The fields of the comment form, as the reader typed them. */
export interface DraftFields {
  authorName: string;
  authorEmail: string;
  authorUrl: string;
  bodyText: string;
}

export type DraftField = keyof DraftFields;

/** What the reader is writing: the fields, and the comment answered, if any. */
export interface Draft extends DraftFields {
  parentId?: string;
}

export const DRAFT_FIELDS: readonly DraftField[] = ['authorName', 'authorEmail', 'authorUrl', 'bodyText'];

export const emptyDraft = (): Draft => ({ authorName: '', authorEmail: '', authorUrl: '', bodyText: '' });

const KEY_PREFIX = 'mag-comment-draft:';

/**
 * Keeps a reader's unsent comment per article in `sessionStorage`, so that it survives an error, a
 * reload of the page or a closed tab restored. Storage may be missing (private browsing, a sandboxed
 * frame) or full: the draft then lives only in the form.
 */
export const draftStore = {
  /** The saved draft of an article (fields that are not strings are ignored), or undefined. */
  load(articleId: string): Draft | undefined {
    try {
      const saved: unknown = JSON.parse(sessionStorage.getItem(KEY_PREFIX + articleId) ?? 'null');
      if (!saved || typeof saved !== 'object') return undefined;
      const record = saved as Record<string, unknown>;
      const draft = emptyDraft();
      for (const field of DRAFT_FIELDS) if (typeof record[field] === 'string') draft[field] = record[field];
      if (typeof record.parentId === 'string') draft.parentId = record.parentId;
      return draft;
    } catch {
      return undefined;
    }
  },

  /** Saves a draft; one with no text in any field is removed instead. */
  save(articleId: string, draft: Draft): void {
    try {
      if (DRAFT_FIELDS.some((field) => draft[field])) sessionStorage.setItem(KEY_PREFIX + articleId, JSON.stringify(draft));
      else sessionStorage.removeItem(KEY_PREFIX + articleId);
    } catch {
      // Storage full or unavailable: the text still stays in the form.
    }
  },

  clear(articleId: string): void {
    try {
      sessionStorage.removeItem(KEY_PREFIX + articleId);
    } catch {
      // Nothing to clear.
    }
  },
};
