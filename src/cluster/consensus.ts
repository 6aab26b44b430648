import { groupBy } from './check.js';
import type { ClusterNode } from './node.js';

/** A file whose value differs from the rest of its cluster, with the other values and their files. */
export interface Dissent {
  node: ClusterNode;
  value: string;
  others: { value: string; nodes: ClusterNode[] }[];
}

/**
 * Where the files of a cluster disagree on a value (compared after `valueOf` normalises it;
 * undefined = the file has no say). The files holding the one most common value are taken as
 * the cluster's intent and not flagged; on a tie every file is flagged. Linear in the files.
 */
export function dissents(nodes: readonly ClusterNode[], valueOf: (node: ClusterNode) => string | undefined): Dissent[] {
  const byValue = groupBy(nodes, valueOf);
  if (byValue.size < 2) return [];
  const sizes = [...byValue.values()].map((group) => group.length);
  const largest = Math.max(...sizes);
  const majority = sizes.filter((size) => size === largest).length === 1 ? largest : Infinity;
  const result: Dissent[] = [];
  for (const [value, group] of byValue) {
    if (group.length === majority) continue;
    const others = [...byValue].filter(([other]) => other !== value).map(([other, members]) => ({ value: other, nodes: members }));
    for (const node of group) result.push({ node, value, others });
  }
  return result;
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
