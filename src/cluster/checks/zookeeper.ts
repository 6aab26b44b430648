import { dirname } from 'node:path';
import { hostKey } from '../../model/listeners.js';
import { groupBy, perCluster, RELATED_FILES, type ClusterCheck, type ClusterCheckResult } from '../check.js';
import { components, describeOthers, dissentRelated, dissents } from '../consensus.js';
import { UNIT_DECLARED, type ClusterNode } from '../node.js';

const CONNECT = 'zookeeper.connect';
const NAMED_DIRECTORIES = 3;
const none = { type: 'object', additionalProperties: false };

const hostsOf = (node: ClusterNode) =>
  (node.zookeeper?.hosts ?? []).flatMap((h) => (h.valid && h.host !== null ? [`${hostKey(h.host)}:${h.port}`] : []));

/** The ensemble and chroot as ZooKeeper sees them: host order, the way a host is written and the default port do not matter. */
function connectValue(node: ClusterNode): string | undefined {
  if (!node.zookeeper) return undefined;
  return [...new Set(hostsOf(node))].sort().join(',') + (node.zookeeper.chroot ?? '');
}

/**
 * Files the layout puts in one cluster that reach ZooKeeper with a different host list or
 * chroot: in a directory, files that share a server of the ensemble (files of one directory
 * using unrelated ensembles are separate clusters); in a `--cluster` run, every file, since the
 * run says they are one cluster and a broker on another ensemble would form a cluster of its own.
 */
export const zookeeperConnectDiffers: ClusterCheck = {
  name: 'zookeeper-connect-differs',
  params: none,
  run(clusters) {
    const results: ClusterCheckResult[] = [];
    const byUnit = groupBy(clusters.flatMap((c) => c.distinct.filter((n) => n.zookeeper)), (n) => n.unit);
    for (const [name, unit] of byUnit) {
      for (const ensemble of name === UNIT_DECLARED ? [unit] : components(unit, hostsOf)) {
        for (const dissent of dissents(ensemble, connectValue)) {
          results.push({
            node: dissent.node,
            key: CONNECT,
            data: { others: describeOthers(dissent, () => CONNECT) },
            related: dissentRelated(dissent, () => CONNECT, (value) => `${CONNECT}=${value}`),
          });
        }
      }
    }
    return results;
  },
};

/**
 * Directories that each hold a cluster of their own (two or more brokers, and a broker id used
 * in both, which one cluster cannot have) yet share a ZooKeeper ensemble and chroot: their
 * brokers would register in one namespace and merge.
 */
export const zookeeperNamespaceShared: ClusterCheck = {
  name: 'zookeeper-namespace-shared',
  params: none,
  run: perCluster((cluster) => {
    if (cluster.declared) return [];
    const units = [...groupBy(cluster.distinct.filter((n) => n.broker && n.zookeeper), (n) => n.unit).values()]
      .filter((unit) => unit.length >= 2);
    if (units.length < 2) return [];
    // Which directories use each id, in one pass: comparing every directory with every other was
    // quadratic in the directories.
    const unitsById = new Map<number, Set<ClusterNode[]>>();
    for (const unit of units) {
      for (const node of unit) {
        if (node.id === undefined) continue;
        let holders = unitsById.get(node.id);
        if (!holders) unitsById.set(node.id, holders = new Set());
        holders.add(unit);
      }
    }
    const results: ClusterCheckResult[] = [];
    for (const unit of units) {
      // The first few other directories only: each stop is a few steps, so the check stays
      // linear even when every directory reuses the same ids.
      const twins = new Set<ClusterNode[]>();
      let more = false;
      search: for (const node of unit) {
        for (const other of node.id === undefined ? [] : unitsById.get(node.id) ?? []) {
          if (other === unit || twins.has(other)) continue;
          if (twins.size === NAMED_DIRECTORIES) {
            more = true;
            break search;
          }
          twins.add(other);
        }
      }
      if (twins.size === 0) continue;
      // A unit is one directory; it is shown as the user named its files, not as this machine's resolved path.
      const directories = [...twins].map((other) => dirname(other[0]!.model.file)).join(', ');
      const others = more ? `${directories} and other directories` : directories;
      const related = [...twins].flatMap((other) => other.slice(0, RELATED_FILES)).slice(0, RELATED_FILES)
        .map((n) => ({ node: n, key: CONNECT, message: `${CONNECT} of a broker in another directory` }));
      for (const node of unit) results.push({ node, key: CONNECT, data: { others }, related });
    }
    return results;
  }),
};
