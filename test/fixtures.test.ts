import { describe, expect, it } from 'vitest';
import pc from 'picocolors';
import { lintText } from '../src/index.js';
import { formatText } from '../src/format/text.js';
import { fixtureCases } from './support/fixtures.js';

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
