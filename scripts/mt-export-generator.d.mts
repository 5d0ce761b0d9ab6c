// Types of scripts/mt-export-generator.mjs (imported by test/import/*.test.ts and scripts/bench-import.mjs).
export interface GeneratedExportStats {
  entries: number;
  comments: number;
  pings: number;
  drafts: number;
  replies: number;
  closed: number;
  /** Some of the e-mail addresses written in EMAIL lines. */
  emails: string[];
  /** Some of the IP addresses written in IP lines. */
  ips: string[];
}
export function generateMovableTypeExport(options?: { entries?: number; comments?: number; seed?: number; lineEnd?: string }): {
  text: string;
  stats: GeneratedExportStats;
};
