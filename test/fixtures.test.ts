import { describe, expect, it } from 'vitest';
import pc from 'picocolors';
import { lintFiles, lintText, rules, type Finding } from '../src/index.js';
import { formatText } from '../src/format/text.js';
import { clusterFixtureCases, fixtureCases } from './support/fixtures.js';

const plain = pc.createColors(false);

describe('fixtures: every finding of every case is expected, and nothing else', () => {
  for (const fixture of fixtureCases()) {
    it(`${fixture.file}`, () => {
      const report = lintText(fixture.bytes, { file: fixture.file, ...fixture.options });
      const found = report.findings.map((f) => `${f.ruleId}@${f.line}`).sort();
      expect(found, 'rule@line found (right) vs expected (left)').toEqual(fixture.expected);
      expect(formatText({ files: [report], inputProblems: [] }, plain)).toMatchSnapshot();
    });
  }
});

describe('cluster fixtures: each folder is linted together, every cross-file finding in every file is expected, and nothing else', () => {
  for (const fixture of clusterFixtureCases()) {
    it(`${fixture.dir}/`, () => {
      const report = lintFiles(fixture.files, fixture.options);
      expect(report.inputProblems).toEqual([]);
      // Cross-file rules only: the files' own findings are the single-file cases' business, and
      // per-file rules added later must not break these cases.
      const crossFile = (f: Finding) => rules.some((r) => r.id === f.ruleId && r.scope === 'cluster');
      const files = report.files.map((f) => ({ ...f, findings: f.findings.filter(crossFile) }));
      const findings = files.flatMap((f) => f.findings);
      const found = findings.map((f) => `${f.ruleId}@${f.file}:${f.line}`).sort();
      expect(found, 'rule@file:line found (right) vs expected (left)').toEqual(fixture.expected);
      const related = findings.flatMap((f) => (f.related ?? []).map((r) => `${f.file}:${f.line} ${f.ruleId} -> ${r.file}:${r.line}:${r.column} ${r.message}`));
      const clusters = (report.clusters ?? []).map((c) => `${c.name}: ${c.files.join(' ')} (${c.brokers} brokers) ${c.reason}`);
      expect([formatText({ ...report, files }, plain), ...clusters, ...related].join('\n')).toMatchSnapshot();
    });
  }
});
