import { applySeverities, type SeverityOptions } from './config/severity.js';
import { applyDirectives } from './config/suppressions.js';
import { rules, rulesById } from './engine/ruleset.js';
import { runFileRules } from './engine/run.js';
import type { Finding } from './engine/finding.js';
import { refusalOf } from './input.js';
import { buildModel, type FileModel } from './model/model.js';
import type { Mode } from './model/mode.js';
import { decodeLatin1, parseProperties } from './parse/properties.js';

export interface FileLintOptions extends SeverityOptions {
  /** A catalogue version as resolveVersion returns it; absent = chosen from the file's mode. */
  kafkaVersion?: string;
}

export interface FileResult {
  file: string;
  kafkaVersion: string;
  mode: Mode;
  findings: Finding[];
  model: FileModel;
}

/** Lints one file's bytes (decoded as ISO-8859-1, as Kafka does) or already decoded text. */
export function lintSource(file: string, source: string | Uint8Array, options: FileLintOptions = {}): FileResult {
  const { model, findings } = checkSource(file, source, options);
  return { file, kafkaVersion: model.kafkaVersion, mode: model.mode, findings: filterFindings(findings, model, options), model };
}

/**
 * The per-file rules' raw findings, before directives and severities: lintFiles adds the
 * cluster rules' findings to them before filtering, so a directive can silence those too.
 */
export function checkSource(file: string, source: string | Uint8Array, options: FileLintOptions = {}): { model: FileModel; findings: Finding[] } {
  if (typeof source !== 'string') {
    const refusal = refusalOf(file, source);
    if (refusal) throw refusal;
  }
  const text = typeof source === 'string' ? source : decodeLatin1(source);
  const model = buildModel(file, parseProperties(text), options);
  return { model, findings: runFileRules(model, rules) };
}

/** Inline directives, then severities (profile, config, flags), then position order. */
export function filterFindings(findings: readonly Finding[], model: FileModel, options: FileLintOptions): Finding[] {
  // Inline directives first: whether one is used must not depend on the profile or config file.
  const unsuppressed = applyDirectives(findings, model, rulesById);
  return applySeverities(unsuppressed, rulesById, options).sort(byPosition);
}

export function byPosition(a: Finding, b: Finding): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId);
}
