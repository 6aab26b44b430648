import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { knownVersions, resolveVersion } from './catalog/catalog.js';
import { rules } from './engine/ruleset.js';
import type { SeverityOptions } from './config/severity.js';
import { findConfig, readConfig, type LoadedConfig } from './config/file.js';
import { configResolver, mergeOptions } from './config/resolve.js';
import { displayName, InputError, readInput, readLimited, readRegularText } from './input.js';
import { groupBy } from './cluster/check.js';
import { describeCluster, groupClusters } from './cluster/grouping.js';
import { directoryUnit, toClusterNode, UNIT_DECLARED, type ClusterNode } from './cluster/node.js';
import { keysReadByClusterRules, runClusterRules } from './cluster/run.js';
import type { Finding } from './engine/finding.js';
import { checkSource, filterFindings, lintSource, type FileLintOptions } from './lint.js';
import { HIDDEN, isSecretKey } from './model/secrets.js';
import type { FileReport, Report } from './report.js';

export type { Finding, RelatedLocation } from './engine/finding.js';
export type { Rule, Severity, Category } from './engine/rule.js';
export type { Mode } from './model/mode.js';
export type { Profile, RuleSetting, SeverityOptions } from './config/severity.js';
export type { ConfigOptions, ConfigOverride, KlintConfig, LoadedConfig } from './config/file.js';
export { ConfigError } from './config/file.js';
export { FORMATS, formatReport, type Format, type FormatContext } from './format/formats.js';
export type { SourceRoot } from './format/source-paths.js';
export type { ClusterReport, FileReport, InputProblem, Report } from './report.js';
export { InputError } from './input.js';
export { knownVersions, resolveVersion, rules };

export interface LintOptions extends SeverityOptions {
  /** A Kafka version such as `3.9` or `3.9.1`; absent = 3.9 for ZooKeeper-mode files, else the newest. */
  kafkaVersion?: string;
  /** The cluster's size when the repository holds one template rather than a file per node. */
  brokers?: number;
  /** lintFiles: lint every file as one cluster instead of grouping them (docs/cluster.md). */
  cluster?: boolean;
}

/** Options for linting named files: a config file's settings below the options given here. */
export interface LintFilesOptions extends LintOptions {
  /** From loadConfig(); its overrides and ignore globs match paths relative to its folder. */
  config?: LoadedConfig;
  /** The folder relative paths are taken from; default: the process's working directory. */
  cwd?: string;
}

/**
 * The config file for a run: `path` when given (it must exist), else the nearest .klintrc.json
 * or package.json with a "klint" key upward from `cwd`. Throws ConfigError for an invalid one.
 */
export function loadConfig(options: { cwd?: string; path?: string } = {}): LoadedConfig | undefined {
  const cwd = options.cwd ?? process.cwd();
  const files = { exists: existsSync, read: readRegularText };
  return options.path === undefined ? findConfig(cwd, files) : readConfig(options.path, files, cwd);
}

/** Per path: whether the config ignores it, and the options to lint it with (given options win). */
function settingsResolver(options: LintFilesOptions): (path: string) => { ignored: boolean; options: LintOptions } {
  const { config, cwd, ...given } = options;
  if (!config) return () => ({ ignored: false, options: given });
  const settingsOf = configResolver(config, cwd ?? process.cwd());
  return (path) => {
    const settings = settingsOf(path);
    return { ignored: settings.ignored, options: mergeOptions(settings.options, given) };
  };
}

/** A bad option (an unknown Kafka version); the CLI exits 2 with its message. */
export class UsageError extends Error {
  override name = 'UsageError';
}

function fileOptions(options: LintOptions): FileLintOptions {
  const { kafkaVersion, ...severity } = options;
  if (kafkaVersion === undefined) return severity;
  const resolved = resolveVersion(kafkaVersion);
  if (!resolved) {
    throw new UsageError(`unknown Kafka version "${kafkaVersion}": known versions are ${knownVersions().join(', ')}`);
  }
  return { ...severity, kafkaVersion: resolved };
}

/** Lints one config given as bytes (read as ISO-8859-1, like Kafka) or text. Throws InputError for binary input. */
export function lintText(source: string | Uint8Array, options: LintFilesOptions & { file?: string } = {}): FileReport {
  const { file: name, ...rest } = options;
  const settings = settingsResolver(rest)(name ?? '<text>');
  const { file, kafkaVersion, mode, findings } = lintSource(name ?? '<text>', source, fileOptions(settings.options));
  return { file, kafkaVersion, mode, findings };
}

/**
 * Lints files (`-` is stdin); a file that cannot be read is reported in `inputProblems`, the rest
 * are linted. Files the config's `ignore` globs match are skipped.
 */
export function lintFiles(paths: readonly string[], options: LintFilesOptions = {}): Report {
  const settingsOf = settingsResolver(options);
  const read = readerIn(options.cwd);
  const report: Report = { files: [], inputProblems: [] };
  const keep = keysReadByClusterRules(rules);
  const checked: { node: ClusterNode; findings: Finding[]; options: FileLintOptions }[] = [];
  for (const path of paths) {
    const settings = settingsOf(path);
    if (settings.ignored) continue;
    const resolved = fileOptions(settings.options);
    try {
      const file = displayName(path);
      const { model, findings } = checkSource(file, readInput(path, read), resolved);
      // Standard input has no directory (its unit is its name): only a named address joins it to the files'.
      const unit = options.cluster ? UNIT_DECLARED : path === '-' ? file : directoryUnit(path);
      checked.push({ node: toClusterNode(model, unit, keep, settings.options.brokers), findings, options: resolved });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      report.inputProblems.push({ file: error.file, ...(error.line === undefined ? {} : { line: error.line }), message: error.message });
    }
  }
  // Cross-file findings join each file's own before filtering, so directives and severities apply alike.
  const clusters = groupClusters(checked.map((c) => c.node), { declared: Boolean(options.cluster) });
  const crossFile = groupBy(runClusterRules(clusters, rules), (finding) => finding.file);
  for (const { node: { model }, findings, options: fileOpts } of checked) {
    const all = [...findings, ...(crossFile.get(model.file) ?? [])];
    report.files.push({ file: model.file, kafkaVersion: model.kafkaVersion, mode: model.mode, findings: filterFindings(all, model, fileOpts) });
  }
  report.clusters = clusters.map(describeCluster);
  return report;
}


/** Reads relative paths from `cwd` (default: the process's working directory); descriptor 0 is stdin. */
const readerIn = (cwd: string | undefined) => (path: string | number) =>
  readLimited(typeof path === 'number' || cwd === undefined ? path : resolve(cwd, path));

export interface EffectiveSetting {
  /** The string exactly as Kafka reads it; `[hidden]` for secrets; null for a default that is unset. */
  value: string | null;
  line?: number;
  source: 'file' | 'default';
}

export interface EffectiveConfig {
  file: string;
  kafkaVersion: string;
  mode: string;
  config: Record<string, EffectiveSetting>;
}

/** The configuration as Kafka would read it from the file; with `defaults`, every other key of the version too. */
export function effectiveConfig(path: string, options: LintFilesOptions & { defaults?: boolean } = {}): EffectiveConfig {
  const { defaults, ...lintOptions } = options;
  const settings = settingsResolver(lintOptions)(path);
  const { file, model } = lintSource(displayName(path), readInput(path, readerIn(options.cwd)), fileOptions(settings.options));
  // No prototype: a file may set a key named `__proto__` or `constructor`, which must print as one.
  const config: Record<string, EffectiveSetting> = Object.create(null);
  const shown = (key: string, value: string | null) => (value !== null && isSecretKey(key, model.catalog) ? HIDDEN : value);
  for (const [key, entry] of model.parsed.entries) {
    config[key] = { value: shown(key, entry.value), line: entry.keyRange.line, source: 'file' };
  }
  if (defaults) {
    for (const [key, fact] of Object.entries(model.catalog.keys)) {
      if (!Object.hasOwn(config, key)) config[key] = { value: shown(key, fact.default), source: 'default' };
    }
  }
  return { file, kafkaVersion: model.kafkaVersion, mode: model.mode, config };
}
