import type { Colors } from 'picocolors/types.js';
import type { Rule } from '../engine/rule.js';

export const ALL_MODES = 'all modes';

export function versionsOf(rule: Rule): string {
  const { since, until } = rule.versions ?? {};
  if (since && until) return `Kafka ${since} to before ${until}`;
  if (since) return `Kafka ${since} and later`;
  if (until) return `Kafka before ${until}`;
  return 'every Kafka version';
}

/** `--list-rules`: one line per rule, grouped by category. */
export function listRules(rules: readonly Rule[], colors: Colors): string {
  const sorted = [...rules].sort((a, b) => a.category.localeCompare(b.category) || a.id.localeCompare(b.id));
  const width = Math.max(...sorted.map((r) => r.id.length));
  const lines = sorted.map((r) =>
    `${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${colors.dim(r.category.padEnd(11))}  ${r.summary}`);
  return `${lines.join('\n')}\n\n${sorted.length} rules; klint --explain <rule-id> for details.\n`;
}

/** `--explain <id>`: everything a person needs to act on the rule. */
export function explainRule(rule: Rule, colors: Colors): string {
  const lines = [
    `${colors.bold(rule.id)}  ${rule.severity}  (${rule.category})`,
    '',
    rule.summary,
    '',
    `${colors.bold('Why')}  ${rule.rationale}`,
    `${colors.bold('Fix')}  ${rule.fix}`,
    '',
    `${colors.bold('Applies to')}  ${versionsOf(rule)}; ${rule.modes ? rule.modes.join(', ') : ALL_MODES}`,
  ];
  if (rule.keys?.length) lines.push(`${colors.bold('Keys')}  ${rule.keys.join(', ')}`);
  if (rule.profiles) {
    lines.push(`${colors.bold('Profiles')}  ${Object.entries(rule.profiles).map(([p, s]) => `${p}: ${s}`).join(', ')}`);
  }
  if (rule.examples) {
    lines.push('', colors.bold('Bad'), indent(rule.examples.bad), colors.bold('Good'), indent(rule.examples.good));
  }
  if (rule.docs?.references?.length) lines.push('', colors.bold('References'), ...rule.docs.references.map((r) => `  ${r}`));
  if (rule.docs?.related?.length) lines.push(`${colors.bold('Related rules')}  ${rule.docs.related.join(', ')}`);
  return lines.join('\n') + '\n';
}

const indent = (text: string) => text.split('\n').map((line) => `  ${line}`).join('\n');
