import { formatValue } from '../../engine/message.js';
import { javaTrim, metadataVersionOf, type ConfigValue } from '../../model/convert.js';
import { decodeProtocolMap } from '../../model/protocol-map.js';
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
  const fact = node.model.catalog.keys[key];
  if (fact === undefined && !node.model.values.has(key)) return undefined;
  const value: ConfigValue | undefined = node.model.effective[key] ?? node.model.values.get(key) ?? derivedDefault(node, key);
  if (value === undefined) return '(unset)';
  const read = typeof value === 'string' ? READ_AS[key]?.(value.trim(), fact?.enum ?? []) : undefined;
  return read ?? normalise(value);
}

/** Unset, the inter-broker listener is the one named after security.inter.broker.protocol (KafkaConfig). */
function derivedDefault(node: ClusterNode, key: string): ConfigValue | undefined {
  return key === 'inter.broker.listener.name' ? node.model.effective['security.inter.broker.protocol'] : undefined;
}

/**
 * Values Kafka does not take as written: listener names and protocols are upper-cased
 * (ListenerName.normalised, SecurityProtocol.forName), `super.users` is a `;` list (a principal
 * may hold commas: `User:CN=admin,OU=ops`), and a protocol or message format version reads as
 * the metadata version it names (`3.6`, `3.6.1` and `3.6-IV2` are one).
 */
const READ_AS: Readonly<Record<string, (value: string, versions: readonly string[]) => string>> = {
  'listener.security.protocol.map': (value) => asSet([...protocolMap(value)].map(([name, protocol]) => `${name}:${protocol}`), ','),
  'inter.broker.listener.name': (value) => value.toUpperCase(),
  'security.inter.broker.protocol': (value) => value.toUpperCase(),
  'super.users': (value) => asSet(value.split(';').map((user) => user.trim()), ';'),
  'inter.broker.protocol.version': (value, versions) => metadataVersionOf(value, versions) ?? value,
  'log.message.format.version': (value, versions) => metadataVersionOf(value, versions) ?? value,
};

/** Kafka's precedence: log.retention.ms, else .minutes, else .hours. */
function retentionMs(node: ClusterNode): string | undefined {
  const [ms, minutes, hours] = RETENTION.map((k) => node.model.effective[k]);
  if (typeof ms === 'number') return `${ms} ms`;
  if (typeof minutes === 'number') return `${minutes * 60_000} ms`;
  return typeof hours === 'number' ? `${hours * 3_600_000} ms` : undefined;
}

/** A list compares as a set, so order, spacing and repeats do not matter. */
function normalise(value: ConfigValue): string {
  if (Array.isArray(value)) return asSet(value.map((item) => item.trim()), ',');
  if (typeof value === 'string') return value.trim() || '(empty)';
  return formatValue(value);
}

/**
 * The map as KafkaConfig.getMap reads it (the model's decodeProtocolMap), a repeated name keeping
 * its last protocol. An entry Kafka cannot read still compares by what it says (`FOO` apart from
 * `BAR`); a blank one says nothing.
 */
function protocolMap(value: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const { text, name, protocol } of decodeProtocolMap(value).entries) {
    if (javaTrim(text) === '') continue;
    map.set(name ?? (protocol === null ? javaTrim(text).toUpperCase() : ''), protocol ?? '');
  }
  return map;
}

function asSet(items: readonly string[], separator: string): string {
  const kept = items.filter((item) => item !== '');
  return kept.length === 0 ? '(empty)' : [...new Set(kept)].sort().join(separator);
}
