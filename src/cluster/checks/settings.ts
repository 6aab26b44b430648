import { formatValue } from '../../engine/message.js';
import type { ConfigValue } from '../../model/convert.js';
import { perCluster, type ClusterCheck, type ClusterCheckResult } from '../check.js';
import { describeOthers, dissentRelated, dissents } from '../consensus.js';
import type { ClusterNode } from '../node.js';

interface SettingsParams {
  /** Keys every broker of a cluster should agree on; `log.retention.ms` stands for the retention Kafka derives. */
  keys: string[];
}

const RETENTION = ['log.retention.ms', 'log.retention.minutes', 'log.retention.hours'] as const;

/**
 * Brokers of one cluster that disagree on a cluster-wide setting. Values are compared as Kafka
 * reads them (defaults filled in; list order and spacing ignored), and only for keys at least
 * one broker sets. The brokers holding the most common value are not flagged.
 */
export const clusterSettingDiffers: ClusterCheck<SettingsParams> = {
  name: 'cluster-setting-differs',
  params: {
    type: 'object',
    required: ['keys'],
    properties: { keys: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string' } } },
    additionalProperties: false,
  },
  run: perCluster((cluster, params: SettingsParams) => {
    const brokers = cluster.distinct.filter((n) => n.broker);
    const results: ClusterCheckResult[] = [];
    for (const key of params.keys) {
      const sources = key === RETENTION[0] ? RETENTION : [key];
      if (!brokers.some((n) => sources.some((k) => n.model.values.has(k)))) continue;
      const valueOf = (node: ClusterNode) => (key === RETENTION[0] ? retentionMs(node) : settingOf(node, key));
      const at = (node: ClusterNode) => sources.find((k) => node.model.values.has(k)) ?? key;
      for (const dissent of dissents(brokers, valueOf)) {
        results.push({
          node: dissent.node,
          key: at(dissent.node),
          data: { setting: key, value: dissent.value, others: describeOthers(dissent, at) },
          related: dissentRelated(dissent, at, (value) => `${key}=${value}`),
        });
      }
    }
    return results;
  }),
};

/** The value as compared: undefined when the key does not exist in the file's Kafka version. */
function settingOf(node: ClusterNode, key: string): string | undefined {
  const known = node.model.catalog.keys[key] !== undefined || node.model.values.has(key);
  if (!known) return undefined;
  const value: ConfigValue | undefined = node.model.effective[key] ?? node.model.values.get(key);
  return value === undefined ? '(unset)' : normalise(value);
}

/** Kafka's precedence: log.retention.ms, else .minutes, else .hours. */
function retentionMs(node: ClusterNode): string | undefined {
  const [ms, minutes, hours] = RETENTION.map((k) => node.model.effective[k]);
  if (typeof ms === 'number') return `${ms} ms`;
  if (typeof minutes === 'number') return `${minutes * 60_000} ms`;
  return typeof hours === 'number' ? `${hours * 3_600_000} ms` : undefined;
}

/** Lists (comma or semicolon separated) compare as sets, so order and spacing do not matter. */
function normalise(value: ConfigValue): string {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/\s*[,;]\s*/) : [formatValue(value)];
  const trimmed = items.map((item) => item.trim()).filter((item) => item !== '');
  const separator = typeof value === 'string' && value.includes(';') ? ';' : ',';
  return trimmed.length === 0 ? '(empty)' : [...new Set(trimmed)].sort().join(separator);
}
