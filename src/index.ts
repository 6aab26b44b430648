import { readFileSync } from 'node:fs';
import { knownVersions, resolveVersion } from './catalog/catalog.js';
import { rules } from './engine/ruleset.js';
import type { SeverityOptions } from './config/severity.js';
import { InputError, readInput } from './input.js';
import { lintSource, type FileLintOptions } from './lint.js';
import { HIDDEN, isSecretKey } from './model/secrets.js';
import type { FileReport, Report } from './report.js';

export type { Finding, RelatedLocation } from './engine/finding.js';
export type { Rule, Severity, Category } from './engine/rule.js';
export type { Mode } from './model/mode.js';
export type { Profile, RuleSetting, SeverityOptions } from './config/severity.js';
export type { FileReport, InputProblem, Report } from './report.js';
export { InputError } from './input.js';
export { knownVersions, resolveVersion, rules };

export interface LintOptions extends SeverityOptions {
  /** A Kafka version such as `3.9` or `3.9.1`; absent = 3.9 for ZooKeeper-mode files, else the newest. */
  kafkaVersion?: string;
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
export function lintText(source: string | Uint8Array, options: LintOptions & { file?: string } = {}): FileReport {
  const { file, kafkaVersion, mode, findings } = lintSource(options.file ?? '<text>', source, fileOptions(options));
  return { file, kafkaVersion, mode, findings };
}

/** Lints files (`-` is stdin); a file that cannot be read is reported in `inputProblems`, the rest are linted. */
export function lintFiles(paths: readonly string[], options: LintOptions = {}): Report {
  const resolved = fileOptions(options);
  const report: Report = { files: [], inputProblems: [] };
  for (const path of paths) {
    try {
      const { file, kafkaVersion, mode, findings } = lintSource(displayName(path), readInput(path, readFileSync), resolved);
      report.files.push({ file, kafkaVersion, mode, findings });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      report.inputProblems.push({ file: error.file, ...(error.line === undefined ? {} : { line: error.line }), message: error.message });
    }
  }
  return report;
}

const displayName = (path: string) => (path === '-' ? '<stdin>' : path);

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
export function effectiveConfig(path: string, options: LintOptions & { defaults?: boolean } = {}): EffectiveConfig {
  const { file, model } = lintSource(displayName(path), readInput(path, readFileSync), fileOptions(options));
  const config: Record<string, EffectiveSetting> = {};
  const shown = (key: string, value: string | null) => (value !== null && isSecretKey(key, model.catalog) ? HIDDEN : value);
  for (const [key, entry] of model.parsed.entries) {
    config[key] = { value: shown(key, entry.value), line: entry.keyRange.line, source: 'file' };
  }
  if (options.defaults) {
    for (const [key, fact] of Object.entries(model.catalog.keys)) {
      if (!(key in config)) config[key] = { value: shown(key, fact.default), source: 'default' };
    }
  }
  return { file, kafkaVersion: model.kafkaVersion, mode: model.mode, config };
}
