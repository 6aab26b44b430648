import type { Finding } from '../engine/finding.js';
import type { Rule, Severity } from '../engine/rule.js';

export const PROFILES = ['production', 'development'] as const;
export type Profile = (typeof PROFILES)[number];
export type RuleSetting = Severity | 'off';

export interface SeverityOptions {
  /** Default production: the rules that exist for availability are relaxed in development. */
  profile?: Profile;
  /** Per-rule settings (config file, then command line): they beat the profile. */
  rules?: Readonly<Record<string, RuleSetting>>;
}

/** Precedence, lowest to highest: the rule's own severity, its profile entry, explicit settings. */
export function ruleSetting(rule: Rule, options: SeverityOptions): RuleSetting {
  return options.rules?.[rule.id] ?? rule.profiles?.[options.profile ?? 'production'] ?? rule.severity;
}

/** Re-grades findings per the options and drops those of rules turned off. */
export function applySeverities(findings: Finding[], rulesById: ReadonlyMap<string, Rule>, options: SeverityOptions): Finding[] {
  const graded: Finding[] = [];
  for (const finding of findings) {
    const rule = rulesById.get(finding.ruleId);
    const setting = rule ? ruleSetting(rule, options) : finding.severity;
    if (setting !== 'off') graded.push(setting === finding.severity ? finding : { ...finding, severity: setting });
  }
  return graded;
}
