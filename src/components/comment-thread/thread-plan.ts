import type { Comment } from '../../core/model.js';

/** One comment as rendered: its visual depth, its nested replies, and for flattened replies the name replied to. */
export interface ThreadNode {
  comment: Comment;
  depth: number;
  /** Set on a reply shown deeper than `maxDepth` allows, flattened: the name of the author it answers. */
  inReplyTo?: string;
  children: ThreadNode[];
}

/** A run of top-level comments (with their replies) rendered, and re-rendered, together. */
export interface ThreadGroup {
  nodes: ThreadNode[];
  /** Comments in the group, replies included. */
  size: number;
  ids: Set<string>;
}

export interface ThreadPlan {
  groups: ThreadGroup[];
  /** Every comment id, in display order. */
  order: string[];
}

export interface PlanOptions {
  newestFirst?: boolean;
  /** Deepest visual nesting of replies (0: no nesting). */
  maxDepth?: number;
  /** About how many comments a group holds. */
  groupSize?: number;
}

const time = (iso: string): number => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? 0 : t;
};

/**
 * Turns a flat list of comments into the rendered tree: replies under their parent, oldest first;
 * top-level comments oldest (or newest) first; replies deeper than `maxDepth` flattened into the
 * deepest level (each naming the author it answers). A reply whose parent is not loaded is shown at
 * the top level; cycles are broken.
 */
export function planThread(comments: readonly Comment[], options: PlanOptions = {}): ThreadPlan {
  const maxDepth = Math.max(0, Math.floor(options.maxDepth ?? 3));
  const groupSize = Math.max(1, options.groupSize ?? 25);
  const times = new Map<Comment, number>();
  for (const c of comments) times.set(c, time(c.published));
  const chronological = (a: Comment, b: Comment) => (times.get(a) ?? 0) - (times.get(b) ?? 0);
  const sorted = [...comments].sort(chronological);

  const byId = new Map<string, Comment>();
  for (const c of sorted) if (!byId.has(c.id)) byId.set(c.id, c);
  const kids = new Map<string, Comment[]>();
  const roots: Comment[] = [];
  const seen = new Set<string>();
  for (const c of sorted) {
    if (seen.has(c.id)) continue; // duplicate ids: keep the first
    seen.add(c.id);
    if (c.parentId !== undefined && c.parentId !== c.id && byId.has(c.parentId)) {
      let list = kids.get(c.parentId);
      if (!list) kids.set(c.parentId, (list = []));
      list.push(c);
    } else {
      roots.push(c);
    }
  }

  const placed = new Set<string>();
  const order: string[] = [];
  const place = (c: Comment): boolean => {
    if (placed.has(c.id)) return false;
    placed.add(c.id);
    order.push(c.id);
    return true;
  };
  // Replies of `parent`, flattened in conversation order (each after the comment it answers).
  const flattenInto = (parent: Comment, depth: number, out: ThreadNode[]): void => {
    const stack: Comment[] = [...(kids.get(parent.id) ?? [])].reverse();
    while (stack.length) {
      const c = stack.pop()!;
      if (!place(c)) continue;
      const answered = byId.get(c.parentId!);
      out.push({ comment: c, depth, inReplyTo: answered?.author.name, children: [] });
      const next = kids.get(c.id);
      if (next) for (let i = next.length - 1; i >= 0; i--) stack.push(next[i]);
    }
  };
  const nodesFor = (list: readonly Comment[], depth: number): ThreadNode[] => {
    const out: ThreadNode[] = [];
    for (const c of list) {
      if (!place(c)) continue;
      const node: ThreadNode = { comment: c, depth, children: [] };
      out.push(node);
      if (depth < maxDepth) node.children = nodesFor(kids.get(c.id) ?? [], depth + 1);
      else flattenInto(c, depth, out);
    }
    return out;
  };

  const count = (node: ThreadNode): number => node.children.reduce((n, child) => n + count(child), 1);
  const collect = (node: ThreadNode, ids: Set<string>): void => {
    ids.add(node.comment.id);
    for (const child of node.children) collect(child, ids);
  };

  const top = options.newestFirst ? [...roots].reverse() : roots;
  let rootNodes = nodesFor(top, 0);
  // Comments in a cycle of replies are reachable from no root: show them at the top level.
  const left = sorted.filter((c) => !placed.has(c.id) && byId.get(c.id) === c);
  if (left.length) rootNodes = rootNodes.concat(nodesFor(options.newestFirst ? left.reverse() : left, 0));

  const groups: ThreadGroup[] = [];
  let current: ThreadGroup | undefined;
  for (const node of rootNodes) {
    if (!current || current.size >= groupSize) {
      current = { nodes: [], size: 0, ids: new Set() };
      groups.push(current);
    }
    current.nodes.push(node);
    current.size += count(node);
    collect(node, current.ids);
  }
  // Display order: walk the groups (the `order` above is placement order, which differs when flattened).
  order.length = 0;
  const walk = (node: ThreadNode) => {
    order.push(node.comment.id);
    for (const child of node.children) walk(child);
  };
  for (const group of groups) for (const node of group.nodes) walk(node);
  return { groups, order };
}
