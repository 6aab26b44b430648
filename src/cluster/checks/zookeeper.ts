import { dirname } from 'node:path';
import { groupBy, perCluster, where, type ClusterCheck, type ClusterCheckResult } from '../check.js';
import { components, dissents } from '../consensus.js';
import type { ClusterNode } from '../node.js';

const CONNECT = 'zookeeper.connect';
const none = { type: 'object', additionalProperties: false };

const hostsOf = (node: ClusterNode) =>
  (node.zookeeper?.hosts ?? []).flatMap((h) => (h.valid && h.host !== null ? [`${h.host.toLowerCase()}:${h.port}`] : []));

/** The ensemble and chroot as ZooKeeper sees them: host order, case and the default port do not matter. */
function connectValue(node: ClusterNode): string | undefined {
  if (!node.zookeeper) return undefined;
  return [...new Set(hostsOf(node))].sort().join(',') + (node.zookeeper.chroot ?? '');
}

/**
 * Files the layout puts in one cluster (one directory, or the whole `--cluster` run) that reach
 * the same ZooKeeper ensemble (they share a server) with a different host list or chroot.
 * Files of one directory that use unrelated ensembles are left alone: they are separate clusters.
 */
export const zookeeperConnectDiffers: ClusterCheck = {
  name: 'zookeeper-connect-differs',
  params: none,
  run(clusters) {
    const results: ClusterCheckResult[] = [];
    const byUnit = groupBy(clusters.flatMap((c) => c.distinct.filter((n) => n.zookeeper)), (n) => n.unit);
    for (const unit of byUnit.values()) {
      for (const ensemble of components(unit, hostsOf)) {
        for (const { node, others } of dissents(ensemble, connectValue)) {
          results.push({
            node,
            key: CONNECT,
            data: { others: others.map((o) => `${o.value} in ${o.nodes.map((n) => where(n, CONNECT)).join(', ')}`).join('; ') },
            related: others.flatMap((o) => o.nodes.map((n) => ({ node: n, key: CONNECT, message: `${CONNECT}=${o.value}` }))),
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
    const idsOf = (unit: ClusterNode[]) => new Set(unit.flatMap((n) => (n.id === undefined ? [] : [n.id])));
    const results: ClusterCheckResult[] = [];
    for (const unit of units) {
      const ids = idsOf(unit);
      const twins = units.filter((other) => other !== unit && [...idsOf(other)].some((id) => ids.has(id)));
      if (twins.length === 0) continue;
      const elsewhere = twins.flat();
      for (const node of unit) {
        results.push({
          node,
          key: CONNECT,
          // Directories as the user named the files: the resolved unit would print this machine's paths.
          data: { others: [...new Set(elsewhere.map((n) => dirname(n.model.file)))].join(', ') },
          related: elsewhere.map((n) => ({ node: n, key: CONNECT, message: `${CONNECT} of a broker in another directory` })),
        });
      }
    }
    return results;
  }),
};
