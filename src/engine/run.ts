import { versionInRange } from '../catalog/catalog.js';
import type { CheckResult } from '../checks/check.js';
import { fileChecks } from '../checks/registry.js';
import type { FileModel } from '../model/model.js';
import type { Mode } from '../model/mode.js';
import type { SourceRange } from '../parse/positions.js';
import type { Finding } from './finding.js';
import { locateKey } from './locate.js';
import { parsePointer } from './pointer.js';
import { fillMessage, maskSecrets, type MessageData } from './message.js';
import type { Rule } from './rule.js';
import { validators, type SchemaError } from './ruleset.js';

/** A rule's raw hit before it is located and worded. */
export interface Hit {
  key?: string;
  at?: 'key' | 'value';
  /** Already located (parser diagnostics); otherwise located from the key. */
  range?: SourceRange;
  data: MessageData;
  related?: ({ key: string; message: string } | { range: SourceRange; message: string })[];
}

/** One rule ready to run on the files of one Kafka version and mode. */
interface Runner {
  rule: Rule;
  /** Runs only when the file sets one of these keys. */
  keys?: readonly string[];
  hits(model: FileModel): Hit[];
}

const plans = new WeakMap<readonly Rule[], Map<string, Runner[]>>();

/**
 * The per-file rules that apply to a version and mode, each bound to its check or validator:
 * worked out once per rule set, version and mode rather than for every rule of every file,
 * which was a large part of linting a thousand files.
 */
function planFor(ruleSet: readonly Rule[], kafkaVersion: string, mode: Mode): Runner[] {
  let byTarget = plans.get(ruleSet);
  if (!byTarget) plans.set(ruleSet, byTarget = new Map());
  const target = `${kafkaVersion} ${mode}`;
  let plan = byTarget.get(target);
  if (!plan) {
    plan = ruleSet.filter((rule) => rule.scope !== 'cluster'
      && versionInRange(kafkaVersion, rule.versions?.since, rule.versions?.until)
      && (!rule.modes || rule.modes.includes(mode)))
      .map((rule) => ({ rule, ...(rule.keys && !rule.parser ? { keys: rule.keys } : {}), hits: hitsOf(rule) }));
    byTarget.set(target, plan);
  }
  return plan;
}

/** Runs every applicable per-file rule on one model. */
export function runFileRules(model: FileModel, ruleSet: readonly Rule[]): Finding[] {
  const findings: Finding[] = [];
  for (const { rule, keys, hits } of planFor(ruleSet, model.kafkaVersion, model.mode)) {
    if (keys && !keys.some((key) => model.values.has(key))) continue;
    for (const hit of hits(model)) findings.push(toFinding(rule, model, hit));
  }
  return findings;
}

const NO_HITS: Hit[] = [];

function hitsOf(rule: Rule): (model: FileModel) => Hit[] {
  if (rule.parser) {
    return (model) => model.parsed.diagnostics.length === 0 ? NO_HITS : model.parsed.diagnostics
      .filter((d) => d.ruleId === rule.id)
      .map((d) => ({ key: d.key, range: d.range, data: d.data, ...(d.related ? { related: d.related } : {}) }));
  }
  if (rule.check) {
    const check = fileChecks.get(rule.check.name);
    if (!check) return () => NO_HITS; // the rule-set test guarantees every named check exists
    const params = (rule.check.params ?? {}) as never;
    return (model) => check.run(model, params).map(fromCheck);
  }
  const validate = validators[rule.id];
  if (!validate) return () => NO_HITS;
  return (model) => validate(model.document) ? NO_HITS : schemaHits(validate.errors ?? []);
}

function fromCheck(result: CheckResult): Hit {
  return { ...result, data: result.data ?? {} };
}

/** One hit per key: ajv may explain one violation several ways (an `if` and its `then`). */
function schemaHits(errors: SchemaError[]): Hit[] {
  const byKey = new Map<string, Hit>();
  for (const error of errors) {
    if (error.keyword === 'if') continue;
    const key = keyOfError(error);
    const id = key ?? '';
    if (byKey.has(id)) continue;
    const data: MessageData = {};
    for (const [name, value] of Object.entries(error.params)) {
      if (['string', 'number', 'boolean'].includes(typeof value)) data[name] = value as string | number | boolean;
    }
    byKey.set(id, key === undefined ? { data } : { key, data });
  }
  return [...byKey.values()];
}

/**
 * The config key an ajv error is about: the first path segment (`/min.insync.replicas`), the
 * decoded structure's source key (`/$decoded/zookeeper.connect/hosts/1`), or a missing property.
 */
function keyOfError(error: SchemaError): string | undefined {
  const segments = parsePointer(error.instancePath);
  const missing = typeof error.params.missingProperty === 'string' ? error.params.missingProperty : undefined;
  const [first, second] = segments;
  if (first === undefined) return missing;
  if (first === '$decoded' || first === '$derived' || first === '$set') return second ?? missing;
  return first.startsWith('$') ? undefined : first;
}

export function toFinding(rule: Rule, model: FileModel, hit: Hit): Finding {
  const located = hit.range ? { range: hit.range, key: hit.key } : locateKey(model, rule, hit.key, hit.at);
  const { range } = located;
  const finding: Finding = {
    ruleId: rule.id,
    severity: rule.severity,
    file: model.file,
    line: range.line,
    column: range.column,
    endLine: range.endLine,
    endColumn: range.endColumn,
    message: fillMessage(rule.message, model, located.key, hit.data),
    rationale: rule.rationale,
    fix: rule.fix,
  };
  if (located.key !== undefined) finding.key = located.key;
  const related = hit.related?.flatMap((r) => {
    const at = 'range' in r ? r.range : model.parsed.entries.get(r.key)?.keyRange;
    return at ? [{ file: model.file, line: at.line, column: at.column, message: maskSecrets(r.message, model) }] : [];
  });
  if (related?.length) finding.related = related;
  return finding;
}
