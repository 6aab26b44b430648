import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Rule } from '../src/engine/rule.js';
import { lintText } from '../src/index.js';
import { repoRoot } from './support/fixtures.js';

const rulesDir = join(repoRoot, 'rules');
const rules = readdirSync(rulesDir).filter((f) => f.endsWith('.json') && f !== 'rule.schema.json')
  .map((f) => JSON.parse(readFileSync(join(rulesDir, f), 'utf8')) as Rule);

/** `| [`id`](rules/id.md) | production | development | why |` rows of docs/profiles.md. */
function documentedProfiles(): string[] {
  const doc = readFileSync(join(repoRoot, 'docs', 'profiles.md'), 'utf8');
  return [...doc.matchAll(/^\| \[`([a-z0-9-]+)`\]\(rules\/\1\.md\) \| (\w+) \| (\w+) \|/gm)]
    .map(([, id, production, development]) => `${id} ${production} ${development}`);
}

describe('profiles', () => {
  it('docs/profiles.md lists exactly the rules that have profiles, with both severities', () => {
    const declared = rules.filter((rule) => rule.profiles && Object.keys(rule.profiles).length > 0)
      .map((rule) => `${rule.id} ${rule.profiles?.production ?? rule.severity} ${rule.profiles?.development ?? rule.severity}`)
      .sort();
    expect(documentedProfiles().sort()).toEqual(declared);
  });

  it('relaxes a default /tmp data directory to info in development and keeps it a warning in production', () => {
    const config = 'process.roles=controller\nnode.id=1\ncontroller.quorum.voters=1@c1.example.com:9093\n'
      + 'controller.listener.names=CONTROLLER\nlisteners=CONTROLLER://c1.example.com:9093\n';
    const severityOf = (profile: 'production' | 'development') =>
      lintText(config, { kafkaVersion: '4.0', profile }).findings.find((f) => f.ruleId === 'log-dirs-in-tmp')?.severity;
    expect(severityOf('production')).toBe('warning');
    expect(severityOf('development')).toBe('info');
  });

  it('turns combined mode off in development', () => {
    const config = 'process.roles=broker,controller\nnode.id=1\ncontroller.quorum.voters=1@localhost:9093\n'
      + 'controller.listener.names=CONTROLLER\nlisteners=PLAINTEXT://localhost:9092,CONTROLLER://localhost:9093\n';
    const ids = (profile: 'production' | 'development') =>
      lintText(config, { kafkaVersion: '4.0', profile }).findings.map((f) => f.ruleId);
    expect(ids('production')).toContain('process-roles-combined');
    expect(ids('development')).not.toContain('process-roles-combined');
  });
});
