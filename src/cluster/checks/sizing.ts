import { perCluster, RELATED_FILES, type ClusterCheck, type ClusterCheckResult } from '../check.js';
import type { Cluster } from '../grouping.js';

interface CountParams {
  /** Per key, what fails when its value is beyond the broker count (the message's {consequence}). */
  keys: Record<string, string>;
  /** `above`: the value exceeds the broker count; `equal`: it equals it (and the cluster has 2 or more brokers). */
  compare: 'above' | 'equal';
}

/** A replication setting compared with the number of brokers, in every broker file that holds it. */
export const countAgainstBrokers: ClusterCheck<CountParams> = {
  name: 'count-against-brokers',
  params: {
    type: 'object',
    required: ['keys', 'compare'],
    properties: {
      keys: { type: 'object', minProperties: 1, additionalProperties: { type: 'string' } },
      compare: { enum: ['above', 'equal'] },
    },
    additionalProperties: false,
  },
  run: perCluster((cluster, params: CountParams) => {
    if (!cluster.sizeKnown || cluster.brokers < 1) return [];
    if (params.compare === 'equal' && cluster.brokers < 2) return [];
    const results: ClusterCheckResult[] = [];
    for (const node of cluster.nodes) {
      if (!node.broker) continue;
      for (const [key, consequence] of Object.entries(params.keys)) {
        const value = node.model.effective[key];
        if (typeof value !== 'number') continue;
        const hit = params.compare === 'above' ? value > cluster.brokers : value === cluster.brokers;
        if (!hit) continue;
        results.push({ node, key, data: { ...sizeData(cluster), consequence, origin: origin(node.model.values.has(key)) } });
      }
    }
    return results;
  }),
};

interface SizeParams {
  minimum: number;
}

/** A cluster of fewer brokers than `minimum`: one finding, in the first broker file, naming the others. */
export const brokersBelow: ClusterCheck<SizeParams> = {
  name: 'brokers-below',
  params: {
    type: 'object',
    required: ['minimum'],
    properties: { minimum: { type: 'integer', minimum: 2 } },
    additionalProperties: false,
  },
  run: perCluster((cluster, params: SizeParams) => {
    const brokers = cluster.distinct.filter((node) => node.broker);
    const [first, ...others] = brokers;
    if (!first || !cluster.sizeKnown || cluster.brokers >= params.minimum) return [];
    return [{
      node: first,
      data: { ...sizeData(cluster), minimum: params.minimum },
      related: others.slice(0, RELATED_FILES).map((node) => ({ node, message: 'another broker of this cluster' })),
    }];
  }),
};

function sizeData(cluster: Cluster) {
  return {
    brokers: cluster.brokers,
    brokerNoun: cluster.brokers === 1 ? 'broker' : 'brokers',
    sizeSource: cluster.brokersDeclared ? 'as declared by --brokers or the config file' : 'counting the broker files linted together',
  };
}

const origin = (set: boolean) => (set ? '' : ' (the default)');
