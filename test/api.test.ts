import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from './support/fixtures.js';

/*
 * The package as a user imports it: `import … from 'klint'` resolves through package.json's
 * "exports" to the built dist/index.js and dist/types (npm test builds first). Node and tsc
 * resolve the package's own name from inside it, so no install is needed.
 */

const scratch = path.join(repoRoot, 'node_modules/.cache/klint-api-test');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function node(script: string) {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: repoRoot, encoding: 'utf8' });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

describe("import { lintText, lintFiles } from 'klint'", () => {
  it('resolves to the built bundle', () => {
    expect(existsSync(path.join(repoRoot, 'dist/index.js')), 'run npm run build first').toBe(true);
    const { resolved } = node("console.log(JSON.stringify({ resolved: import.meta.resolve('klint') }))");
    expect(resolved).toBe(`file://${path.join(repoRoot, 'dist/index.js')}`);
  });

  it('lints a string and files, with the options and config file the CLI uses', () => {
    const result = node(`
      import { lintText, lintFiles, loadConfig, formatReport, rules } from 'klint';
      const text = lintText('process.roles=broker\\nnode.id=1\\nbrocker.rack=a\\nnum.partitions=0\\n', {
        file: 'server.properties', kafkaVersion: '3.9', rules: { 'unknown-key': 'error' } });
      const report = lintFiles(['fixtures/duplicate-key/repeated.properties', 'missing.properties'], { kafkaVersion: '3.9' });
      console.log(JSON.stringify({
        text: text.findings.filter((f) => ['unknown-key', 'value-out-of-range'].includes(f.ruleId))
          .map(({ ruleId, severity, line, column, key }) => ({ ruleId, severity, line, column, key })),
        kafkaVersion: text.kafkaVersion,
        files: report.files.map((f) => f.findings.filter((x) => x.ruleId === 'duplicate-key').length),
        inputProblems: report.inputProblems,
        noConfig: loadConfig({ cwd: '/' }) ?? null,
        sarif: JSON.parse(formatReport({ files: [text], inputProblems: [] }, 'sarif', { toolVersion: '0', rules, failOn: 'error' })).version,
      }));
    `);
    expect(result).toEqual({
      text: [
        { ruleId: 'unknown-key', severity: 'error', line: 3, column: 1, key: 'brocker.rack' },
        { ruleId: 'value-out-of-range', severity: 'error', line: 4, column: 16, key: 'num.partitions' },
      ],
      kafkaVersion: '3.9',
      files: [2],
      inputProblems: [{ file: 'missing.properties', message: 'no such file' }],
      noConfig: null,
      sarif: '2.1.0',
    });
  });

  it('exports types for findings and options that a strict TypeScript consumer compiles against', () => {
    expect(existsSync(path.join(repoRoot, 'dist/types/index.d.ts')), 'run npm run build (with types) first').toBe(true);
    mkdirSync(scratch, { recursive: true });
    writeFileSync(path.join(scratch, 'consumer.ts'), `
      import { lintFiles, lintText, type Finding, type LintFilesOptions, type LintOptions, type Report, type Severity } from 'klint';
      const options: LintOptions = { kafkaVersion: '3.9', profile: 'development', rules: { 'unknown-key': 'error' } };
      const findings: Finding[] = lintText('num.partitions=0', options).findings;
      const severities: Severity[] = findings.map((f) => f.severity);
      const filesOptions: LintFilesOptions = { ...options, cwd: '/srv/kafka' };
      const report: Report = lintFiles(['server.properties'], filesOptions);
      // @ts-expect-error klint has no such severity
      const wrong: LintOptions = { rules: { 'unknown-key': 'fatal' } };
      export { severities, report, wrong };
    `);
    writeFileSync(path.join(scratch, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, types: ['node'] },
      files: ['consumer.ts'],
    }));
    const tsc = spawnSync(process.execPath, [path.join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', scratch],
      { cwd: scratch, encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });
});
