import type { MessageData } from '../engine/message.js';
import type { Cluster } from './grouping.js';
import type { ClusterNode } from './node.js';

/** Another file's line a cross-file finding names: the node, the key there (absent = the whole file). */
export interface RelatedNode {
  node: ClusterNode;
  key?: string;
  message: string;
}

/**
 * What a cluster check reports: the file and key a finding sits on, the values its message
 * needs and the other files involved. As with file checks, the engine locates and words it.
 */
export interface ClusterCheckResult {
  node: ClusterNode;
  key?: string;
  at?: 'key' | 'value';
  data?: MessageData;
  related?: RelatedNode[];
}

/** Whether the rule a check runs for applies to a file (its versions and modes): a result on any other file is dropped. */
export type AppliesTo = (node: ClusterNode) => boolean;

/** Sees every cluster of the run: most checks look at one cluster at a time (`perCluster`), layout checks across them. */
export interface ClusterCheck<P = Record<string, never>> {
  name: string;
  /** JSON Schema of the `params` a rule passes; the rule-set test validates every use. */
  params: Record<string, unknown>;
  /** `applies` lets a finding about the whole cluster go to the first file the rule applies to. */
  run(clusters: readonly Cluster[], params: P, applies: AppliesTo): ClusterCheckResult[];
}

export function perCluster<P>(check: (cluster: Cluster, params: P, applies: AppliesTo) => ClusterCheckResult[]) {
  return (clusters: readonly Cluster[], params: P, applies: AppliesTo): ClusterCheckResult[] =>
    clusters.flatMap((c) => check(c, params, applies));
}

/** `file:line` of a key (or the file alone), the way messages name the other files involved. */
export function where(node: ClusterNode, key: string | undefined): string {
  const entry = key === undefined ? undefined : node.model.parsed.entries.get(key);
  return entry ? `${node.model.file}:${entry.keyRange.line}` : node.model.file;
}

/** Groups items by a key; insertion order is kept, so output follows the files' order. */
export function groupBy<T>(items: Iterable<T>, keyOf: (item: T) => string | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === undefined) continue;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/**
 * How many other files one cross-file finding names in its message, and lists as related
 * locations. A mistake many files share (every broker advertising one load-balancer name)
 * would otherwise have each file's finding name every other file: output quadratic in the
 * files, which at a thousand brokers overflowed the JSON report.
 */
export const NAMED_FILES = 3;
export const RELATED_FILES = 10;

/** The first `limit` holders of a claim other than `node`, found without walking the rest. */
export function othersThan(node: ClusterNode, holders: readonly ClusterNode[], limit = RELATED_FILES): ClusterNode[] {
  const others: ClusterNode[] = [];
  for (const holder of holders) {
    if (others.length === limit) break;
    if (holder !== node) others.push(holder);
  }
  return others;
}

/** `a:3, b:4, c:2 and 12 more`: the first files of `nodes` (of `total` in all), each at its `keyOf` line. */
export function nameFiles(nodes: readonly ClusterNode[], total: number, keyOf: (node: ClusterNode) => string | undefined): string {
  const named = nodes.slice(0, NAMED_FILES).map((node) => where(node, keyOf(node))).join(', ');
  const rest = total - Math.min(nodes.length, NAMED_FILES);
  return rest > 0 ? `${named} and ${rest} more` : named;
}
