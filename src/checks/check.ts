import type { FileModel } from '../model/model.js';

/**
 * What a check reports: the key a finding concerns and the values its message needs. The
 * engine turns it into a finding (location, severity, wording); a check never does.
 */
export interface CheckResult {
  key?: string;
  /** Point at the key itself (e.g. a misspelt key) rather than its value. */
  at?: 'key' | 'value';
  data?: Record<string, string | number | boolean>;
  related?: { key: string; message: string }[];
}

export interface FileCheck<P = Record<string, never>> {
  name: string;
  /** JSON Schema of the `params` a rule passes; the rule-set test validates every use. */
  params: Record<string, unknown>;
  run(model: FileModel, params: P): CheckResult[];
}

/** `table[key]` for a rule's data table looked up by a file's key or value: never an inherited `constructor`. */
export function ownEntry<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
