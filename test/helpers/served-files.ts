/**
 * Folders of files served over HTTP by the test runner's dev server (the `/__test/files/` route of
 * scripts/wtr-test-endpoints.mjs), with the log of the requests made for them.
 */
import type { SplitFile } from '../../src/import/split-layout.js';
import type { MagData } from '../../src/adapters/json/json-adapter.js';

/** One request for a file of a served folder. */
export interface FileRequest {
  path: string;
  status: number;
  bytes: number;
}

export interface ServedFolder {
  /** The folder's URL, ending with `/`. */
  url: string;
  /** The requests made for its files so far, in order. */
  requests(): Promise<FileRequest[]>;
  /** Serves these files instead (and starts a new log). */
  replace(files: Record<string, unknown>): Promise<void>;
  /** Forgets the folder on the server. */
  remove(): Promise<void>;
}

let folders = 0;

/** The files of a split layout as the route takes them: path → content (a string is served as it is). */
export const filesOf = (layout: SplitFile[]): Record<string, unknown> => Object.fromEntries(layout.map((file) => [file.path, file.content]));

/** Serves `files` (path → content; a string content is served as it is) at a new URL. */
export async function serveFiles(files: Record<string, unknown>): Promise<ServedFolder> {
  const key = `folder-${++folders}-${Math.random().toString(36).slice(2)}`;
  const put = async (contents: Record<string, unknown>) => {
    const response = await fetch(`/__test/files/${key}`, { method: 'PUT', body: JSON.stringify(contents) });
    if (!response.ok) throw new Error(`serving the files failed: HTTP ${response.status}`);
  };
  await put(files);
  return {
    url: `/__test/files/${key}/`,
    requests: async () => (await (await fetch(`/__test/file-log/${key}`)).json()) as FileRequest[],
    replace: put,
    remove: async () => void (await fetch(`/__test/files/${key}`, { method: 'DELETE' })),
  };
}

/**
 * The demo data with each article's id made its slug (and its comments under it), as the split layout
 * wants them: the demo's articles have short ids and longer slugs.
 */
export function withSlugsAsIds(data: MagData): MagData {
  const ids = new Map(data.articles.map((article) => [article.id, article.slug ?? article.id]));
  return {
    ...data,
    articles: data.articles.map((article) => ({ ...article, id: ids.get(article.id)! })),
    comments: Object.fromEntries(Object.entries(data.comments ?? {}).map(([id, list]) => [ids.get(id) ?? id, list])),
  };
}
