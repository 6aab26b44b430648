import { nameFiles, othersThan, perCluster, type ClusterCheck, type ClusterCheckResult } from '../check.js';
import { collisions } from '../consensus.js';

/** Two files of one cluster with the same node.id / broker.id: one finding in each, naming the others. */
export const duplicateIds: ClusterCheck = {
  name: 'duplicate-ids',
  params: { type: 'object', additionalProperties: false },
  run: perCluster((cluster) => {
    const results: ClusterCheckResult[] = [];
    for (const [, holders] of collisions(cluster.distinct, (node) => (node.id === undefined ? [] : [String(node.id)]))) {
      for (const node of holders) {
        const others = othersThan(node, holders);
        results.push({
          node,
          ...(node.idKey ? { key: node.idKey } : {}),
          data: { others: nameFiles(others, holders.length - 1, (o) => o.idKey) },
          related: others.map((o) => ({ node: o, ...(o.idKey ? { key: o.idKey } : {}), message: `${o.idKey}=${o.id} here too` })),
        });
      }
    }
    return results;
  }),
};
