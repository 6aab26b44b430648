import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Log } from 'sarif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './support/fixtures.js';
import { CLEAN_BROKER, onlyRules } from './support/samples.js';

/*
 * action.yml's lint step, run by bash as the GitHub runner runs it: its inputs as environment
 * variables, its outputs read back from $GITHUB_OUTPUT. The YAML is read with Python's yaml
 * module (python3-yaml comes with Debian's pre-commit); without it the test is skipped.
 */

interface Step { id?: string; run?: string; env?: Record<string, string> }
const read = spawnSync('python3', ['-c', 'import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))',
  path.join(repoRoot, 'action.yml')], { encoding: 'utf8' });
const action = read.status === 0 ? JSON.parse(read.stdout) as { runs: { using: string; steps: Step[] } } : undefined;
if (!action) console.warn(`test/formats-action.test.ts skipped: python3 with yaml is needed to read action.yml (${read.stderr || read.error})`);

describe.skipIf(!action)('the GitHub Action (action.yml)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'klint-action-'));
    mkdirSync(path.join(dir, 'kafka'));
    writeFileSync(path.join(dir, '.klintrc.json'), JSON.stringify({ rules: onlyRules('value-out-of-range', 'unknown-key') }));
    writeFileSync(path.join(dir, 'kafka/server-1.properties'), [...CLEAN_BROKER, 'num.partitions=0', ''].join('\n'));
    writeFileSync(path.join(dir, 'kafka/server-2.properties'), [...CLEAN_BROKER, 'brocker.rack=a', ''].join('\n'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function lintStep(files: string, args: string) {
    const step = action!.runs.steps.find((s) => s.id === 'lint')!;
    const output = path.join(dir, 'github-output');
    writeFileSync(output, '');
    const sarif = path.join(dir, 'runner-temp', 'klint.sarif');
    // The step's env maps inputs to variables; here they are given directly, as the runner would fill them in.
    expect(Object.keys(step.env ?? {}).sort()).toEqual(['KLINT_ARGS', 'KLINT_FILES', 'KLINT_SARIF']);
    const run = spawnSync('bash', ['-e', '-c', step.run!], {
      cwd: dir,
      encoding: 'utf8',
      env: {
        ...process.env, GITHUB_ACTIONS: 'true', FORCE_COLOR: undefined,
        GITHUB_OUTPUT: output, GITHUB_ACTION_PATH: repoRoot, KLINT_FILES: files, KLINT_ARGS: args, KLINT_SARIF: sarif,
      },
    });
    const outputs = Object.fromEntries(readFileSync(output, 'utf8').trim().split('\n').map((line) => line.split('=', 2)));
    return { run, outputs, sarif };
  }

  it('is a composite action', () => {
    expect(action!.runs.using).toBe('composite');
  });

  it('annotates, writes SARIF for every file and reports the gate as its exit code', () => {
    const { run, outputs, sarif } = lintStep('kafka/server-1.properties\n  kafka/server-2.properties', '--kafka-version 3.9');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('::error file=kafka/server-1.properties,line=9,col=16,');
    expect(run.stdout).toContain('::warning file=kafka/server-2.properties,line=9,col=1,');
    expect(outputs).toEqual({ 'sarif-file': sarif, 'exit-code': '1' });
    const log = JSON.parse(readFileSync(sarif, 'utf8')) as Log;
    expect(log.runs[0]?.results?.map((r) => r.ruleId).sort()).toEqual(['unknown-key', 'value-out-of-range']);
  });

  it('passes options through and leaves globs to klint', () => {
    const { outputs } = lintStep('kafka/server-2.*', '--fail-on warning');
    expect(outputs['exit-code']).toBe('1');
    expect(lintStep('kafka/server-2.*', '--kafka-version 3.9').outputs['exit-code']).toBe('0');
  });
});
