import { versionInRange } from '../catalog/catalog.js';
import type { Finding, RelatedLocation } from '../engine/finding.js';
import { WHOLE_FILE } from '../engine/locate.js';
import { maskSecrets } from '../engine/message.js';
import type { Rule } from '../engine/rule.js';
import { toFinding } from '../engine/run.js';
import type { RelatedNode } from './check.js';
import type { Cluster } from './grouping.js';
import type { ClusterNode } from './node.js';
import { clusterChecks } from './registry.js';

/** Keys every cluster node keeps whatever the rules say: listeners, ids, storage, retention. */
const BASE_KEYS = ['node.id', 'broker.id', 'log.dirs', 'log.dir', 'listeners', 'advertised.listeners',
  'controller.listener.names', 'log.retention.ms', 'log.retention.minutes', 'log.retention.hours'];

export const clusterRulesOf = (ruleSet: readonly Rule[]) => ruleSet.filter((rule) => rule.scope === 'cluster');

/**
 * The keys whose effective values the cluster stage keeps per file: the base keys, each cluster
 * rule's `keys`, and the keys its check params name (`keys` as a list or as an object's keys).
 */
export function keysReadByClusterRules(ruleSet: readonly Rule[]): Set<string> {
  const keys = new Set(BASE_KEYS);
  for (const rule of clusterRulesOf(ruleSet)) {
    for (const key of rule.keys ?? []) keys.add(key);
    const named = rule.check?.params?.keys;
    if (Array.isArray(named)) for (const key of named) keys.add(String(key));
    else if (named && typeof named === 'object') for (const key of Object.keys(named)) keys.add(key);
  }
  return keys;
}

/**
 * Runs every cluster rule over the run's clusters. A result lands in the file it points at,
 * if the rule applies to that file's version and mode; the other files it names become
 * `related` entries with their own file and line.
 */
export function runClusterRules(clusters: readonly Cluster[], ruleSet: readonly Rule[]): Finding[] {
  const findings: Finding[] = [];
  for (const rule of clusterRulesOf(ruleSet)) {
    const check = rule.check && clusterChecks.get(rule.check.name);
    if (!check) continue; // the rule-set test guarantees every named check exists
    const appliesTo = (node: ClusterNode) => applies(rule, node);
    for (const result of check.run(clusters, (rule.check?.params ?? {}) as never, appliesTo)) {
      if (!appliesTo(result.node)) continue;
      const finding = toFinding(rule, result.node.model, {
        ...(result.key === undefined ? {} : { key: result.key }),
        ...(result.at === undefined ? {} : { at: result.at }),
        data: result.data ?? {},
      });
      const related = (result.related ?? []).map((r) => relatedLocation(r, result.node));
      if (related.length > 0) finding.related = related;
      findings.push(finding);
    }
  }
  return findings;
}

function applies(rule: Rule, node: ClusterNode): boolean {
  const { kafkaVersion, mode } = node.model;
  return versionInRange(kafkaVersion, rule.versions?.since, rule.versions?.until) && (!rule.modes || rule.modes.includes(mode));
}

/** Another file's line; its message is masked with both files' secrets. */
function relatedLocation(related: RelatedNode, from: ClusterNode): RelatedLocation {
  const entry = related.key === undefined ? undefined : related.node.model.parsed.entries.get(related.key);
  const range = entry ? (entry.value === '' ? entry.keyRange : entry.valueRange) : WHOLE_FILE;
  const message = maskSecrets(maskSecrets(related.message, related.node.model), from.model);
  return { file: related.node.model.file, line: range.line, column: range.column, message };
}
