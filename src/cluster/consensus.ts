import { maskSecrets } from '../engine/message.js';
import { groupBy, nameFiles, RELATED_FILES, type RelatedNode } from './check.js';
import type { ClusterNode } from './node.js';

/** A file whose value differs from the rest of its cluster, with the most common other values and their files. */
export interface Dissent {
  node: ClusterNode;
  value: string;
  /** The other values, most common first, at most OTHER_VALUES of them. */
  others: { value: string; nodes: ClusterNode[] }[];
  /** How many other values the cluster holds in all. */
  otherValues: number;
}

/** How many of the other values a finding shows: every file with a value of its own would make the report quadratic. */
const OTHER_VALUES = 3;

/**
 * Where the files of a cluster disagree on a value (compared after `valueOf` normalises it;
 * undefined = the file has no say). The files holding the one most common value are taken as
 * the cluster's intent and not flagged; on a tie every file is flagged. Linear in the files.
 */
export function dissents(nodes: readonly ClusterNode[], valueOf: (node: ClusterNode) => string | undefined): Dissent[] {
  const byValue = groupBy(nodes, valueOf);
  if (byValue.size < 2) return [];
  // Most common first (a stable sort keeps the files' order among equals).
  const groups = [...byValue].map(([value, members]) => ({ value: shownValue(value, members), nodes: members }))
    .sort((a, b) => b.nodes.length - a.nodes.length);
  const largest = groups[0]!.nodes.length;
  const majority = groups[1]!.nodes.length === largest ? Infinity : largest;
  const result: Dissent[] = [];
  for (const group of groups) {
    if (group.nodes.length === majority) continue;
    const others = groups.slice(0, OTHER_VALUES + 1).filter((other) => other !== group).slice(0, OTHER_VALUES);
    for (const node of group.nodes) result.push({ node, value: group.value, others, otherValues: groups.length - 1 });
  }
  return result;
}

/**
 * A value as findings in any file of the cluster show it: hidden where it equals a secret of a
 * file holding it (a finding's message quotes other files' values, and would otherwise print
 * a password that happens to equal, say, a super.users entry).
 */
function shownValue(value: string, holders: readonly ClusterNode[]): string {
  let shown = value;
  for (const node of holders) shown = maskSecrets(shown, node.model);
  return shown;
}

/** `v1 in a:3, b:4 and 2 more; v2 in c:1` (and how many other values are left out): a dissent's other values for its message. */
export function describeOthers({ others, otherValues }: Dissent, keyOf: (node: ClusterNode) => string | undefined): string {
  const text = others.map((o) => `${o.value} in ${nameFiles(o.nodes, o.nodes.length, keyOf)}`).join('; ');
  const rest = otherValues - others.length;
  return rest > 0 ? `${text}; and ${rest} other value${rest === 1 ? '' : 's'}` : text;
}

/** The first files of a dissent's other values as related locations, each with a message about its value. */
export function dissentRelated({ others }: Dissent, keyOf: (node: ClusterNode) => string | undefined,
  message: (value: string) => string): RelatedNode[] {
  const related: RelatedNode[] = [];
  for (const { value, nodes } of others) {
    for (const node of nodes) {
      if (related.length === RELATED_FILES) return related;
      const key = keyOf(node);
      related.push({ node, ...(key === undefined ? {} : { key }), message: message(value) });
    }
  }
  return related;
}

/**
 * Files that claim the same thing (an id, a host:port, a directory): every value held by more
 * than one distinct file, with those files. A file listing a value twice is not a collision.
 */
export function collisions(nodes: readonly ClusterNode[], claimsOf: (node: ClusterNode) => Iterable<string>): Map<string, ClusterNode[]> {
  const holders = new Map<string, ClusterNode[]>();
  for (const node of nodes) {
    for (const claim of new Set(claimsOf(node))) {
      const list = holders.get(claim);
      if (list) list.push(node);
      else holders.set(claim, [node]);
    }
  }
  return new Map([...holders].filter(([, list]) => list.length > 1));
}

/**
 * Splits items into groups joined by any shared token (union-find with path compression):
 * linear in the items and their tokens. Groups keep the items' order; items without a token
 * stand alone.
 */
export function components<T>(items: readonly T[], tokensOf: (item: T) => Iterable<string>): T[][] {
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] as number;
    for (let j = i; j !== root;) {
      const next = parent[j] as number;
      parent[j] = root;
      j = next;
    }
    return root;
  };
  const owner = new Map<string, number>();
  items.forEach((item, i) => {
    for (const token of tokensOf(item)) {
      const first = owner.get(token);
      if (first === undefined) owner.set(token, i);
      else parent[find(i)] = find(first);
    }
  });
  const groups = new Map<number, T[]>();
  items.forEach((item, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(item);
    else groups.set(root, [item]);
  });
  return [...groups.values()];
}
