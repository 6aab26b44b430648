import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { knownVersions, loadCatalog, versionInRange } from '../src/catalog/catalog.js';
import { fileChecks } from '../src/checks/registry.js';
import { FILTER_RULES } from '../src/config/suppressions.js';
import { clusterChecks } from '../src/cluster/registry.js';
import type { Rule } from '../src/engine/rule.js';
import { rules as builtRules } from '../src/engine/ruleset.js';
import { ruleMarkdown, rulesIndexMarkdown } from '../src/format/rule-docs.js';
import { clusterFixtureCases, fixtureCases, repoRoot } from './support/fixtures.js';

const rulesDir = join(repoRoot, 'rules');
const ruleFiles = readdirSync(rulesDir).filter((f) => f.endsWith('.json') && f !== 'rule.schema.json').sort();
const ruleSources = ruleFiles.map((file) => ({
  file,
  rule: JSON.parse(readFileSync(join(rulesDir, file), 'utf8')) as Rule & { schema?: object },
}));
const ajv = new Ajv({ allErrors: true, strict: false });
const validateRule = ajv.compile(JSON.parse(readFileSync(join(rulesDir, 'rule.schema.json'), 'utf8')) as object);
const unknownKeyParams = ruleSources.find((s) => s.rule.id === 'unknown-key')?.rule.check?.params as
  { passThroughKeys: string[] } | undefined;

describe('the rule set', () => {
  it.each(ruleSources)('$file passes the meta-schema and is named after its id', ({ file, rule }) => {
    const valid = validateRule(rule);
    expect(validateRule.errors ?? [], file).toEqual([]);
    expect(valid).toBe(true);
    expect(file).toBe(`${rule.id}.json`);
  });

  it('names only checks that exist, with params their schema accepts, and uses every check', () => {
    const used = new Set<string>();
    for (const { rule } of ruleSources) {
      if (!rule.check) continue;
      const check = (rule.scope === 'cluster' ? clusterChecks : fileChecks).get(rule.check.name);
      expect(check, `${rule.id}: check ${rule.check.name}`).toBeDefined();
      used.add(rule.check.name);
      const validateParams = ajv.compile(check!.params);
      validateParams(rule.check.params ?? {});
      expect(validateParams.errors ?? [], `${rule.id} params`).toEqual([]);
    }
    expect([...fileChecks.keys(), ...clusterChecks.keys()].filter((name) => !used.has(name))).toEqual([]);
  });

  it('names only keys that exist in the catalogue of every version the rule applies to', () => {
    const missing: string[] = [];
    for (const { rule } of ruleSources) {
      for (const version of knownVersions()) {
        if (!versionInRange(version, rule.versions?.since, rule.versions?.until)) continue;
        const catalog = loadCatalog(version);
        for (const key of rule.keys ?? []) {
          if (!catalog.keys[key] && !unknownKeyParams?.passThroughKeys.includes(key)) {
            missing.push(`${rule.id}: ${key} (Kafka ${version})`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('has, for every rule, a fixture that triggers it and one that stays silent', () => {
    const cases = [...fixtureCases(), ...clusterFixtureCases()];
    const gaps: string[] = [];
    for (const { rule } of ruleSources) {
      const own = cases.filter((c) => c.rule === rule.id);
      if (!own.some((c) => c.expected.some((e) => e.startsWith(`${rule.id}@`)))) gaps.push(`${rule.id}: no triggering case`);
      if (!own.some((c) => !c.expected.some((e) => e.startsWith(`${rule.id}@`)))) gaps.push(`${rule.id}: no silent case`);
    }
    expect(gaps).toEqual([]);
  });

  it('marks as filter rules exactly those the filter stage emits', () => {
    expect(ruleSources.filter(({ rule }) => rule.filter).map(({ rule }) => rule.id).sort()).toEqual([...FILTER_RULES].sort());
  });

  it('gives every rule a bad and a good example (its own, else taken from its fixtures at build time)', () => {
    const missing = builtRules.filter((rule) => !rule.examples?.bad || !rule.examples.good).map((rule) => rule.id);
    expect(missing).toEqual([]);
  });

  it('has current generated pages in docs/rules/ (else run: npm run build && node scripts/gen-docs.mjs)', () => {
    const docsDir = join(repoRoot, 'docs', 'rules');
    const expected = new Map(builtRules.map((rule) => [`${rule.id}.md`, ruleMarkdown(rule)]));
    expected.set('README.md', rulesIndexMarkdown(builtRules));
    const present = existsSync(docsDir) ? readdirSync(docsDir).filter((f) => f.endsWith('.md')) : [];
    const stale = [...expected].filter(([name, text]) => !existsSync(join(docsDir, name)) || readFileSync(join(docsDir, name), 'utf8') !== text)
      .map(([name]) => name);
    const orphaned = present.filter((name) => !expected.has(name));
    expect({ stale, orphaned }).toEqual({ stale: [], orphaned: [] });
  });
});
