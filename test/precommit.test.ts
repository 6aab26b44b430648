import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './support/fixtures.js';
import { CLEAN_BROKER, onlyRules } from './support/samples.js';

/*
 * The real pre-commit (Debian's package; .ci/run installs it) installs klint from a snapshot of
 * this working tree through .pre-commit-hooks.yaml, as a user's `repo:` entry would: npm install
 * (which builds, see package.json's postinstall), npm pack, npm install -g. Then commits in a
 * scratch repository go through the hook. Needs the npm registry for klint's dependencies; takes
 * about half a minute, nearly all of it npm installing.
 */

const available = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;
if (!available) console.warn('test/precommit.test.ts skipped: pre-commit is not installed (apt-get install -y pre-commit)');

// Fixed identities and dates make the snapshot's commit id depend on its content only.
const env: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: 'klint test', GIT_AUTHOR_EMAIL: 'test@klint.invalid', GIT_AUTHOR_DATE: '2024-01-01T00:00:00Z',
  GIT_COMMITTER_NAME: 'klint test', GIT_COMMITTER_EMAIL: 'test@klint.invalid', GIT_COMMITTER_DATE: '2024-01-01T00:00:00Z',
  GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1',
};
for (const name of ['FORCE_COLOR', 'NO_COLOR', 'GITHUB_ACTIONS']) delete env[name];

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 << 20 });
}

function git(args: string[], cwd: string): string {
  const result = run('git', args, cwd);
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}

const BROKEN = ['process.roles=broker', 'node.id=1', 'num.partitions=0', ''].join('\n');
const CLEAN = [...CLEAN_BROKER, ''].join('\n');

describe.skipIf(!available)('the pre-commit hook', () => {
  let scratch: string;
  let project: string;

  beforeAll(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'klint-pre-commit-'));
    env.PRE_COMMIT_HOME = path.join(scratch, 'pre-commit-home');
    const hookRepo = path.join(scratch, 'klint');
    // The working tree as it is (tracked and new files, not ignored ones), committed.
    const files = run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], repoRoot).stdout.split('\0').filter(Boolean);
    for (const file of files) {
      mkdirSync(path.dirname(path.join(hookRepo, file)), { recursive: true });
      try {
        copyFileSync(path.join(repoRoot, file), path.join(hookRepo, file));
      } catch {
        // a file deleted in the working tree but still in the index
      }
    }
    git(['init', '-q'], hookRepo);
    git(['add', '-A'], hookRepo);
    git(['commit', '-q', '-m', 'snapshot'], hookRepo);
    const rev = git(['rev-parse', 'HEAD'], hookRepo);

    project = path.join(scratch, 'project');
    mkdirSync(project);
    git(['init', '-q'], project);
    writeFileSync(path.join(project, '.pre-commit-config.yaml'),
      `repos:\n  - repo: ${hookRepo}\n    rev: ${rev}\n    hooks:\n      - id: klint\n`);
    // The hook reads the project's config file: one rule on, so rules added later cannot change the outcome.
    writeFileSync(path.join(project, '.klintrc.json'),
      JSON.stringify({ rules: onlyRules('value-out-of-range') }));
    const install = run('pre-commit', ['install'], project);
    expect(install.status, install.stderr).toBe(0);
    git(['add', '.pre-commit-config.yaml', '.klintrc.json'], project);
    // The first commit installs the hook's environment (npm install, build, pack, install -g).
    const first = run('git', ['commit', '-q', '-m', 'pre-commit config'], project);
    expect(first.status, `${first.stdout}\n${first.stderr}`).toBe(0);
  }, 600_000);

  afterAll(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('refuses a commit whose broker config klint finds an error in, with klint\'s message', () => {
    mkdirSync(path.join(project, 'kafka'), { recursive: true });
    writeFileSync(path.join(project, 'kafka/server.properties'), BROKEN);
    git(['add', 'kafka/server.properties'], project);
    const commit = run('git', ['commit', '-m', 'broken broker'], project);
    const output = commit.stdout + commit.stderr;
    expect(commit.status, output).not.toBe(0);
    expect(output).toContain('klint');
    expect(output).toContain('num.partitions=0 must be at least 1: Kafka refuses to start  value-out-of-range');
    expect(git(['rev-list', '--count', 'HEAD'], project)).toBe('1');
  }, 120_000);

  it('lets a clean config through', () => {
    writeFileSync(path.join(project, 'kafka/server.properties'), CLEAN);
    git(['add', 'kafka/server.properties'], project);
    const commit = run('git', ['commit', '-m', 'clean broker'], project);
    expect(commit.status, commit.stdout + commit.stderr).toBe(0);
    expect(commit.stdout + commit.stderr).toMatch(/klint \(Kafka config lint\)\.+Passed/);
  }, 120_000);

  it('leaves properties files the pattern does not match alone', () => {
    writeFileSync(path.join(project, 'kafka/log4j.properties'), 'num.partitions=0\n');
    git(['add', 'kafka/log4j.properties'], project);
    const commit = run('git', ['commit', '-m', 'logging'], project);
    expect(commit.status, commit.stdout + commit.stderr).toBe(0);
    expect(commit.stdout + commit.stderr).toMatch(/klint \(Kafka config lint\)\.+\(no files to check\)Skipped/);
  }, 120_000);
});
