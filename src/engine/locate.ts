import type { SourceRange } from '../parse/positions.js';
import type { FileModel } from '../model/model.js';
import type { Rule } from './rule.js';

export const WHOLE_FILE: SourceRange = { line: 1, column: 1, endLine: 1, endColumn: 1 };

/**
 * Where a finding about `key` points: its value (or the key itself when asked, or when the
 * value is empty); for a key the file leaves at its default, the first of the rule's keys the
 * file sets; else the whole file.
 */
export function locateKey(model: FileModel, rule: Rule, key: string | undefined, at: 'key' | 'value' | undefined):
  { range: SourceRange; key?: string } {
  const entry = key === undefined ? undefined : model.parsed.entries.get(key);
  if (entry) {
    const onKey = (at ?? rule.at) === 'key' || entry.value === '';
    return { range: onKey ? entry.keyRange : entry.valueRange, key: entry.key };
  }
  const fallback = rule.keys?.map((k) => model.parsed.entries.get(k)).find((e) => e !== undefined);
  if (fallback) return { range: fallback.keyRange, key: key ?? fallback.key };
  return key === undefined ? { range: WHOLE_FILE } : { range: WHOLE_FILE, key };
}
