import { closest, distance } from 'fastest-levenshtein';
import type { Finding } from '../engine/finding.js';
import { fillMessage, type MessageData } from '../engine/message.js';
import type { Rule } from '../engine/rule.js';
import type { FileModel } from '../model/model.js';
import { parseDirectives, type Directive } from './directives.js';

/** One rule id of one directive and the lines it silences. */
interface Suppression {
  directive: Directive;
  id: string;
  covers: (line: number) => boolean;
  used: boolean;
  /** Why it can never suppress anything, when its position already says so. */
  idle?: string;
}

type OpenRange = Suppression & { to: number };

/** The rules this stage emits: the rules marked `"filter": true` in rules/. */
export const FILTER_RULES = ['unused-suppression', 'unknown-rule-in-directive'] as const;
type FilterRuleId = (typeof FILTER_RULES)[number];

const NOWHERE = () => false;

/**
 * Applies the file's inline directives: drops the findings they suppress, then reports
 * directives that name unknown rules or suppress nothing. Runs on the engine's findings before
 * severities are applied, so whether a directive is used does not depend on profile or config.
 */
export function applyDirectives(findings: readonly Finding[], model: FileModel,
  rulesById: ReadonlyMap<string, Rule>): Finding[] {
  const directives = parseDirectives(model.parsed.comments);
  if (directives.length === 0) return [...findings];
  const suppressions = suppressionsOf(directives, model, rulesById);
  const kept = unsuppressed(findings, suppressions);
  const problems: Finding[] = [];
  for (const s of suppressions) {
    const rule = rulesById.get(s.id);
    if (!rule) {
      problems.push(directiveFinding('unknown-rule-in-directive', s.directive, model, rulesById,
        { problem: `names "${s.id}", which is not a klint rule${suggestion(s.id, rulesById)}` }));
    } else if (!s.used && !rule.filter) {
      problems.push(directiveFinding('unused-suppression', s.directive, model, rulesById,
        { ruleName: s.id, where: s.idle ?? '' }));
    }
  }
  for (const directive of directives.filter((d) => d.ids.length === 0)) {
    problems.push(directiveFinding('unknown-rule-in-directive', directive, model, rulesById, { problem: 'names no rule id' }));
  }
  // A directive may name the filter rules themselves, e.g. `# klint-disable-file unused-suppression`.
  return [...kept, ...unsuppressed(problems, suppressions)];
}

function unsuppressed(findings: readonly Finding[], suppressions: Suppression[]): Finding[] {
  return findings.filter((finding) => {
    const by = suppressions.filter((s) => s.id === finding.ruleId && s.covers(finding.line));
    for (const s of by) s.used = true;
    return by.length === 0;
  });
}

function suppressionsOf(directives: Directive[], model: FileModel, rulesById: ReadonlyMap<string, Rule>): Suppression[] {
  const entryLines = [...model.parsed.entries.values()].flatMap((entry) => [entry, ...entry.earlier])
    .map((entry) => ({ first: entry.keyRange.line, last: entry.valueRange.endLine }))
    .sort((a, b) => a.first - b.first);
  const suppressions: Suppression[] = [];
  const open = new Map<string, OpenRange>();
  for (const directive of directives) {
    for (const id of directive.ids) {
      const base = { directive, id, used: false };
      if (directive.kind === 'disable-file') {
        suppressions.push({ ...base, covers: () => true });
      } else if (directive.kind === 'disable-next-line') {
        const entry = entryLines.find((e) => e.first > directive.line);
        suppressions.push(entry
          ? { ...base, covers: (line) => line >= entry.first && line <= entry.last }
          : { ...base, covers: NOWHERE, idle: ' (no entry follows it)' });
      } else if (directive.kind === 'disable') {
        // Open until a klint-enable of the same id closes it, else to the end of the file.
        const range: OpenRange = { ...base, to: Infinity, covers: (line) => line > directive.line && line < range.to };
        open.set(id, range);
        suppressions.push(range);
      } else {
        const opened = open.get(id);
        if (opened) {
          opened.to = directive.line;
          open.delete(id);
        } else if (rulesById.has(id)) {
          // An enable with nothing to close: reported like an unused disable.
          suppressions.push({ ...base, covers: NOWHERE, idle: ' (no klint-disable of it is open here)' });
        } else {
          suppressions.push({ ...base, covers: NOWHERE });
        }
      }
    }
  }
  return suppressions;
}

function suggestion(id: string, rulesById: ReadonlyMap<string, Rule>): string {
  const ids = [...rulesById.keys()];
  const near = closest(id, ids);
  return distance(id, near) <= Math.max(2, Math.floor(id.length / 4)) ? ` (did you mean ${near}?)` : '';
}

function directiveFinding(ruleId: FilterRuleId, directive: Directive, model: FileModel,
  rulesById: ReadonlyMap<string, Rule>, data: MessageData): Finding {
  const rule = rulesById.get(ruleId);
  if (!rule) throw new Error(`rule ${ruleId} is missing from the rule set`);
  return {
    ruleId,
    severity: rule.severity,
    file: model.file,
    line: directive.line,
    column: 1,
    endLine: directive.line,
    endColumn: directive.length + 1,
    message: fillMessage(rule.message, model, undefined, { directive: directive.name, ...data }),
    rationale: rule.rationale,
    fix: rule.fix,
  };
}
