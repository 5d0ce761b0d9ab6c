import type { Comment, Person } from '../../core/model.js';

/** One comment as rendered: where it stands in the thread, and its nested replies. */
export interface ThreadNode {
  comment: Comment;
  /** Visual nesting level (0: top level). */
  depth: number;
  /** Set on a reply shown deeper than `maxDepth` allows, flattened: the author of the comment it answers. */
  inReplyTo?: Person;
  children: ThreadNode[];
  /** The blocks of `children` (see `NodeBlock`). */
  childBlocks: NodeBlock[];
  /** Position in display order (0 for the first comment shown). */
  index: number;
  /** Position in display order just after this comment's last reply (`index` + the size of its subtree). */
  end: number;
}

/**
 * A run of sibling comments rendered (and rendered again) together. A long list of siblings, such as
 * thousands of replies to one comment, is cut into blocks, so that revealing more comments re-renders
 * one block rather than the whole list.
 */
export interface NodeBlock {
  nodes: ThreadNode[];
  /** Display position of the block's first comment. */
  start: number;
  /** Display position just after the block's last comment and its replies. */
  end: number;
}

export interface ThreadPlan {
  /** The blocks of the top-level comments. */
  blocks: NodeBlock[];
  /** Every comment shown, in display order (`order[node.index] === node`). */
  order: ThreadNode[];
  /** The node of each comment shown, by comment id. */
  byId: Map<string, ThreadNode>;
}

/** The deepest nesting a thread shows, whatever `maxDepth` asks: deeper lists would only be narrower. */
export const MAX_NESTING = 10;

export interface PlanOptions {
  newestFirst?: boolean;
  /** Deepest visual nesting of replies (0: no nesting; at most `MAX_NESTING`). */
  maxDepth?: number;
  /** How many siblings a block holds. */
  blockSize?: number;
}

/** A comment waiting to be placed: the list it goes into, at what depth, and whether it is a flattened reply. */
interface Placement {
  comment: Comment;
  depth: number;
  into: ThreadNode[];
  flattened: boolean;
}

/**
 * Turns a flat list of comments into the rendered tree: replies under their parent, oldest first;
 * top-level comments oldest (or newest) first; replies deeper than `maxDepth` flattened into the
 * deepest level, each after the comment it answers and naming its author. A reply whose parent is not
 * loaded is shown at the top level; cycles of replies are broken; of comments sharing an id, the first
 * is kept. Linear in the number of comments (after sorting them by date), without recursion, whatever
 * the depth of the conversation.
 */
export function planThread(comments: readonly Comment[], options: PlanOptions = {}): ThreadPlan {
  const wanted = Math.floor(options.maxDepth ?? 3);
  const maxDepth = Number.isFinite(wanted) ? Math.min(MAX_NESTING, Math.max(0, wanted)) : 3;
  const blockSize = Math.max(1, Math.floor(options.blockSize ?? 50));

  const byId = new Map<string, Comment>();
  for (const comment of comments) if (!byId.has(comment.id)) byId.set(comment.id, comment);
  const chronological = sortByDate([...byId.values()]);

  const repliesTo = new Map<string, Comment[]>();
  const roots: Comment[] = [];
  for (const comment of chronological) {
    const parent = comment.parentId;
    if (parent !== undefined && parent !== comment.id && byId.has(parent)) {
      const replies = repliesTo.get(parent);
      if (replies) replies.push(comment);
      else repliesTo.set(parent, [comment]);
    } else {
      roots.push(comment);
    }
  }

  const rootNodes: ThreadNode[] = [];
  const placed = new Set<string>();
  const pending: Placement[] = [];
  /** Schedules `list` to be placed into `into`, in order (the stack is read from its end). */
  const schedule = (list: readonly Comment[], depth: number, into: ThreadNode[], flattened: boolean) => {
    for (let i = list.length - 1; i >= 0; i--) pending.push({ comment: list[i], depth, into, flattened });
  };
  const placeAll = () => {
    while (pending.length) {
      const { comment, depth, into, flattened } = pending.pop()!;
      if (placed.has(comment.id)) continue;
      placed.add(comment.id);
      const node: ThreadNode = { comment, depth, children: [], childBlocks: [], index: 0, end: 0 };
      if (flattened) node.inReplyTo = byId.get(comment.parentId!)?.author ?? {};
      into.push(node);
      const replies = repliesTo.get(comment.id) ?? [];
      // Below the deepest level, replies nest; at it, they follow the comment they answer, in the same list.
      if (depth < maxDepth) schedule(replies, depth + 1, node.children, false);
      else schedule(replies, depth, into, true);
    }
  };
  schedule(options.newestFirst ? [...roots].reverse() : roots, 0, rootNodes, false);
  placeAll();
  // Comments in a cycle of replies are reachable from no top-level comment: show them at the top level.
  const unplaced = chronological.filter((comment) => !placed.has(comment.id));
  if (unplaced.length) {
    schedule(options.newestFirst ? unplaced.reverse() : unplaced, 0, rootNodes, false);
    placeAll();
  }

  const order = displayOrder(rootNodes);
  // Subtree sizes, children before their parent (reverse display order).
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i];
    node.end = node.index + 1 + node.children.reduce((size, child) => size + (child.end - child.index), 0);
    node.childBlocks = blocksOf(node.children, blockSize);
  }
  return { blocks: blocksOf(rootNodes, blockSize), order, byId: new Map(order.map((node) => [node.comment.id, node])) };
}

/** Oldest first; comments without a valid date first, all ties in their given order (the sort is stable). */
function sortByDate(comments: Comment[]): Comment[] {
  const times = new Map<Comment, number>();
  for (const comment of comments) times.set(comment, Date.parse(comment.published) || 0);
  return comments.sort((a, b) => times.get(a)! - times.get(b)!);
}

/** Every node in display order (a comment, then its replies), numbering them. */
function displayOrder(rootNodes: ThreadNode[]): ThreadNode[] {
  const order: ThreadNode[] = [];
  const stack = [...rootNodes].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    node.index = order.length;
    order.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return order;
}

function blocksOf(nodes: ThreadNode[], size: number): NodeBlock[] {
  const blocks: NodeBlock[] = [];
  for (let i = 0; i < nodes.length; i += size) {
    const slice = nodes.slice(i, i + size);
    blocks.push({ nodes: slice, start: slice[0].index, end: slice[slice.length - 1].end });
  }
  return blocks;
}
