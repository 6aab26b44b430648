import type { Rule } from '../engine/rule.js';
import { ALL_MODES, versionsOf } from './rules.js';

/** How a related rule is linked: docs/rules/ pages link each other by file name. */
export type RuleLink = (ruleId: string) => string;

const fileLink: RuleLink = (id) => `[${id}](${id}.md)`;

/** A rule's documentation page (docs/rules/<id>.md), also SARIF's help text for the rule. */
export function ruleMarkdown(rule: Rule, link: RuleLink = fileLink): string {
  const lines = [
    `# ${rule.id}`,
    '',
    `**${rule.severity}** · ${rule.category} · ${versionsOf(rule)} · ${rule.modes ? rule.modes.join(', ') : ALL_MODES}`,
    '',
    rule.summary,
    '',
    '## Why',
    '',
    rule.rationale,
    '',
    '## Fix',
    '',
    rule.fix,
  ];
  if (rule.examples) {
    lines.push('', '## Examples', '', 'Reported:', '', ...fence(rule.examples.bad), '', 'Not reported:', '', ...fence(rule.examples.good));
  }
  const details = [
    ...(rule.keys?.length ? [`- Keys: ${rule.keys.map((k) => `\`${k}\``).join(', ')}`] : []),
    ...(rule.profiles ? [`- Profiles: ${Object.entries(rule.profiles).map(([p, s]) => `${p}: ${s}`).join(', ')}`] : []),
    ...(rule.replacedBy ? [`- Replaced by ${link(rule.replacedBy)}`] : []),
    `- Turn off or re-grade: \`"rules": { "${rule.id}": "off" }\` in .klintrc.json; `
      + `silence one entry: \`# klint-disable-next-line ${rule.id} -- reason\``,
  ];
  lines.push('', '## Details', '', ...details);
  if (rule.docs?.references?.length) lines.push('', '## References', '', ...rule.docs.references.map((r) => `- <${r}>`));
  if (rule.docs?.related?.length) lines.push('', `Related rules: ${rule.docs.related.map(link).join(', ')}`);
  return lines.join('\n') + '\n';
}

/** docs/rules/README.md: every rule by category, linking its page. */
export function rulesIndexMarkdown(rules: readonly Rule[]): string {
  const sorted = [...rules].sort((a, b) => a.category.localeCompare(b.category) || a.id.localeCompare(b.id));
  return [
    '# klint rules',
    '',
    `${sorted.length} rules. \`klint --explain <rule-id>\` prints the same page in the terminal.`,
    '',
    '| rule | severity | category | expectation |',
    '| --- | --- | --- | --- |',
    ...sorted.map((r) => `| [${r.id}](${r.id}.md) | ${r.severity} | ${r.category} | ${r.summary.replace(/\|/g, '\\|')} |`),
  ].join('\n') + '\n';
}

function fence(example: string): string[] {
  return ['```properties', ...example.split('\n'), '```'];
}

/**
 * Where a rule's page is published, from package.json's `repository` (a GitHub repository);
 * undefined when it names none, and SARIF then carries the help text without a link.
 */
export function docsUrlFor(repository: unknown): RuleLink | undefined {
  const url = typeof repository === 'string' ? repository
    : typeof repository === 'object' && repository !== null && 'url' in repository ? String(repository.url) : undefined;
  const match = url && (/github\.com[/:]([^/]+)\/([^/#]+?)(?:\.git)?(?:#.*)?$/.exec(url)
    ?? /^(?:github:)?([\w.-]+)\/([\w.-]+)$/.exec(url));
  if (!match) return undefined;
  return (id) => `https://github.com/${match[1]}/${match[2]}/blob/main/docs/rules/${id}.md`;
}
