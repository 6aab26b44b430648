import { hostKey } from '../../model/listeners.js';
import type { Voter } from '../../model/voters.js';
import { groupBy, nameFiles, perCluster, RELATED_FILES, type AppliesTo, type ClusterCheck, type ClusterCheckResult } from '../check.js';
import { describeOthers, dissentRelated, dissents } from '../consensus.js';
import type { Cluster } from '../grouping.js';
import type { ClusterNode } from '../node.js';

const VOTERS = 'controller.quorum.voters';
const BOOTSTRAP = 'controller.quorum.bootstrap.servers';
const none = { type: 'object', additionalProperties: false };

/** A voter set compared as a set: order and the way a host is written (case, trailing dot, IPv6 form) do not matter. */
function votersValue(node: ClusterNode): string | undefined {
  if (!node.voters) return undefined;
  return [...new Set(node.voters.map((v) => `${v.id}@${hostKey(v.host ?? '')}:${v.port}`))].sort().join(',');
}

/**
 * The voter set most files of the cluster give, the first file giving it that the rule applies to
 * (a ZooKeeper broker taking part in a migration gives it too, but the KRaft rules do not apply
 * to it), and its voter ids.
 */
function clusterVoters(cluster: Cluster, applies: AppliesTo): { voters: Voter[]; node: ClusterNode; ids: Set<number> } | undefined {
  let best: ClusterNode[] | undefined;
  for (const group of groupBy(cluster.distinct, votersValue).values()) if (!best || group.length > best.length) best = group;
  const node = best?.find(applies) ?? best?.[0];
  if (!node?.voters) return undefined;
  return { voters: node.voters, node, ids: new Set(node.voters.flatMap((v) => (v.id === null ? [] : [v.id]))) };
}

/** Nodes of one cluster listing different voter sets; each file off the common set is flagged. */
export const votersDiffer: ClusterCheck = {
  name: 'voters-differ',
  params: none,
  run: perCluster((cluster) => {
    return dissents(cluster.distinct, votersValue).map((dissent) => ({
      node: dissent.node,
      key: VOTERS,
      data: { others: describeOthers(dissent, () => VOTERS) },
      related: dissentRelated(dissent, () => VOTERS, (value) => `${VOTERS}=${value}`),
    }));
  }),
};

/**
 * Voters with no controller file while most voters have one: the repository looks complete,
 * so the missing file is worth a look. One finding per missing voter, where the voters are set.
 */
export const votersWithoutFile: ClusterCheck = {
  name: 'voters-without-file',
  params: none,
  run: perCluster((cluster, _params, applies) => {
    const quorum = clusterVoters(cluster, applies);
    if (!quorum) return [];
    const controllerIds = new Set(cluster.distinct.filter((n) => n.controller && n.id !== undefined).map((n) => n.id));
    const present = [...quorum.ids].filter((id) => controllerIds.has(id));
    const missing = quorum.voters.filter((v) => v.id !== null && !controllerIds.has(v.id));
    if (present.length === 0 || missing.length >= present.length) return [];
    return missing.map((voter) => ({
      node: quorum.node,
      key: VOTERS,
      data: { voter: voter.text, present: present.length, total: quorum.ids.size },
    }));
  }),
};

/**
 * A controller (or combined) node missing from the voter set most other files give, while its
 * own file does not give that set: a controller that leaves itself out of its own voters is
 * refused by Kafka, which the per-file rule controller-missing-from-voters reports.
 */
export const controllerOutsideQuorum: ClusterCheck = {
  name: 'controller-outside-quorum',
  params: none,
  run: perCluster((cluster, _params, applies) => {
    const quorum = clusterVoters(cluster, applies);
    if (!quorum) return [];
    const common = votersValue(quorum.node);
    const { ids } = quorum;
    const holders = cluster.distinct.filter((n) => votersValue(n) === common);
    const results: ClusterCheckResult[] = [];
    for (const node of cluster.distinct) {
      if (!node.controller || node.id === undefined || ids.has(node.id) || votersValue(node) === common) continue;
      results.push({
        node,
        ...(node.idKey ? { key: node.idKey } : {}),
        data: { voters: [...ids].join(', '), others: nameFiles(holders, holders.length, () => VOTERS) },
        related: holders.slice(0, RELATED_FILES).map((n) => ({ node: n, key: VOTERS, message: `${VOTERS} without id ${node.id}` })),
      });
    }
    return results;
  }),
};

/**
 * An even number of voters: one finding per cluster, where its voter set is first given. A
 * dynamic quorum (controller.quorum.bootstrap.servers, KIP-853) names no voters in any file:
 * its voters are the controllers formatted or added at run time, and the repository's
 * controller files are what it says of them.
 */
export const evenVoters: ClusterCheck = {
  name: 'even-voters',
  params: none,
  run: perCluster((cluster, _params, applies) => {
    const quorum = clusterVoters(cluster, applies);
    if (quorum) return evenCount(quorum.ids.size, quorum.node, VOTERS, 'voters');
    const controllers = cluster.distinct.filter((n) => n.controller && n.id !== undefined && n.bootstrapServers);
    const node = controllers.find(applies) ?? controllers[0];
    const ids = new Set(controllers.map((n) => n.id)).size;
    return node ? evenCount(ids, node, BOOTSTRAP, 'controllers (a dynamic quorum: each controller file taken for a voter)') : [];
  }),
};

function evenCount(count: number, node: ClusterNode, key: string, members: string): ClusterCheckResult[] {
  if (count < 2 || count % 2 !== 0) return [];
  return [{ node, key, data: { count, members, majority: count / 2 + 1, tolerated: count / 2 - 1, smaller: count - 1 } }];
}
