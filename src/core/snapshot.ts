/**
 * The snapshot of a provider's answers: what a server render writes into the page
 * (`SharedAdapter.snapshot()`) and the browser reads back (`SharedAdapter.seed()`), each answer
 * checked against the model before it is used.
 */

import type { ResourceKind } from './events.js';
import { aboutSchema, articleSchema, commentPageSchema, recentSchema, videosSchema } from './model.js';
import { check, isRecord } from './schema.js';
import type { Schema } from './schema.js';

/** What an adapter can do besides reading. */
export interface Capabilities {
  subscribe: boolean;
  postComment: boolean;
}

/** One shared answer in a snapshot: its key (`article:<ref>`…), the ids it concerns, and the answer. */
export interface SnapshotEntry {
  key: string;
  kind: ResourceKind;
  ids: string[];
  value: unknown;
}

/** The answers a provider holds and what its adapter can do (see `SharedAdapter.snapshot()`). */
export interface SharedSnapshot {
  version: 1;
  entries: SnapshotEntry[];
  capabilities: Capabilities;
}

/** How a snapshot's answers are checked, by kind. */
const SNAPSHOT_SCHEMAS: Record<ResourceKind, Schema> = {
  article: articleSchema,
  comments: commentPageSchema,
  recent: recentSchema,
  about: aboutSchema,
  videos: videosSchema,
};

/**
 * What can be used of a snapshot read from a page: its entries whose answer is valid data (the kind
 * read from the key), and the capabilities it states; `undefined` when it is not a snapshot.
 */
export function readSnapshot(snapshot: unknown): { entries: SnapshotEntry[]; capabilities?: Capabilities } | undefined {
  if (!isRecord(snapshot) || snapshot.version !== 1 || !Array.isArray(snapshot.entries)) return undefined;
  const entries: SnapshotEntry[] = [];
  for (const item of snapshot.entries as unknown[]) {
    if (!isRecord(item) || typeof item.key !== 'string' || !Array.isArray(item.ids)) continue;
    const kind = item.key.split(':')[0] as ResourceKind;
    if (!Object.hasOwn(SNAPSHOT_SCHEMAS, kind) || !check(SNAPSHOT_SCHEMAS[kind], item.value, kind).success) continue;
    entries.push({ key: item.key, kind, ids: item.ids.filter((id): id is string => typeof id === 'string'), value: item.value });
  }
  const capabilities = snapshot.capabilities;
  return {
    entries,
    capabilities: isRecord(capabilities) ? { subscribe: capabilities.subscribe === true, postComment: capabilities.postComment === true } : undefined,
  };
}
