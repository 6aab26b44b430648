import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import type { Log } from 'sarif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatReport, FORMATS, lintText, rules, type FormatContext, type Report, type Severity } from '../src/index.js';
import { escapeData, escapeProperty, formatGithub } from '../src/format/github.js';
import { repoRoot } from './support/fixtures.js';
import { CLEAN_BROKER, onlyRules } from './support/samples.js';

const sarifSchema = JSON.parse(readFileSync(path.join(repoRoot, 'test/data/sarif-schema-2.1.0.json'), 'utf8')) as object;
// Both packages are CommonJS whose module.exports also carries itself as .default.
const ajv = new ajvDraft04.default({ allErrors: true, strict: false });
ajvFormats.default(ajv);
const validateSarif = ajv.compile(sarifSchema);

const SECRET = 'TopSecret-9000';
// Line 9: a typo (warning); 10-11: a secret set twice (warning); 12: out of range (error).
const BROKER = [
  ...CLEAN_BROKER,
  'brocker.rack=a',
  `ssl.key.password=${SECRET}-old`,
  `ssl.key.password=${SECRET}`,
  'num.partitions=0',
].join('\n');

const RULES = onlyRules('unknown-key', 'duplicate-key', 'value-out-of-range', 'kafka-version-assumed');

/** A report as lintFiles gives it, for a file in a subfolder of a repository at /repo. */
function report(text = BROKER, file = 'brokers/server.properties'): Report {
  return {
    files: [lintText(text, { file, kafkaVersion: '3.9', rules: RULES })],
    inputProblems: [{ file: 'brokers/missing.properties', message: 'no such file' }],
  };
}

const context: FormatContext = {
  toolVersion: '0.1.0',
  rules,
  failOn: 'error',
  source: { cwd: '/repo/kafka', root: '/repo' },
  docsUrl: (id) => `https://github.com/example/klint/blob/main/docs/rules/${id}.md`,
};
/** A report of one finding at 1:1 with the given text, for what real rules never write. */
function oneFinding(file: string, severity: Severity, message: string): Report {
  const finding = { ruleId: 'unknown-key', severity, file, line: 1, column: 1, endLine: 1, endColumn: 2, message, rationale: '', fix: '' };
  return { files: [{ file, kafkaVersion: '3.9', mode: 'unknown', findings: [finding] }], inputProblems: [] };
}

const sarif = (r: Report, c: FormatContext = context) => JSON.parse(formatReport(r, 'sarif', c)) as Log;

describe('SARIF', () => {
  it('validates against the official SARIF 2.1.0 schema (OASIS, test/data)', () => {
    const log = sarif(report());
    const valid = validateSarif(log);
    expect(validateSarif.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(log.runs[0]?.results?.length).toBeGreaterThanOrEqual(3);
  });

  it('describes every rule once with help text and a help link, and points each result at its rule', () => {
    const run = sarif(report()).runs[0]!;
    const described = run.tool.driver.rules ?? [];
    expect(described.map((r) => r.id)).toEqual(rules.map((r) => r.id).sort());
    for (const descriptor of described) {
      expect(descriptor.help?.markdown, descriptor.id).toContain(`# ${descriptor.id}`);
      expect(descriptor.help?.text, descriptor.id).toContain('Fix: ');
      expect(descriptor.helpUri).toBe(`https://github.com/example/klint/blob/main/docs/rules/${descriptor.id}.md`);
    }
    for (const result of run.results ?? []) {
      expect(described[result.ruleIndex!]?.id).toBe(result.ruleId);
    }
    expect(run.results?.map((r) => [r.ruleId, r.level])).toEqual(expect.arrayContaining([
      ['unknown-key', 'warning'], ['duplicate-key', 'warning'], ['value-out-of-range', 'error'],
    ]));
  });

  it('names files relative to the repository root, where code scanning looks for them', () => {
    const run = sarif(report()).runs[0]!;
    const uris = new Set(run.results?.map((r) => r.locations?.[0]?.physicalLocation?.artifactLocation?.uri));
    expect([...uris]).toEqual(['kafka/brokers/server.properties']);
    expect(run.invocations?.[0]?.toolExecutionNotifications?.[0]?.locations?.[0]?.physicalLocation?.artifactLocation?.uri)
      .toBe('kafka/brokers/missing.properties');
    expect(run.invocations?.[0]?.executionSuccessful).toBe(false);
    const outside = sarif(oneFinding('../other repo/server.properties', 'error', 'x'), { ...context, source: { cwd: '/repo', root: '/repo' } });
    expect(outside.runs[0]?.results?.[0]?.locations?.[0]?.physicalLocation?.artifactLocation?.uri).toBe('file:///other%20repo/server.properties');
  });

  it('keeps fingerprints when lines move and gives every finding its own', () => {
    const before = sarif(report()).runs[0]!.results!;
    const after = sarif(report(`# a comment that moves every line\n\n${BROKER}`)).runs[0]!.results!;
    const prints = (results: typeof before) => results.map((r) => r.partialFingerprints?.['klintFindingHash/v1']);
    const lines = (results: typeof before) => results.map((r) => r.locations?.[0]?.physicalLocation?.region?.startLine);
    expect(lines(before)).toEqual([9, 11, 12]);
    expect(lines(after)).toEqual([11, 13, 14]);
    expect(prints(after)).toEqual(prints(before));
    expect(new Set(prints(before)).size).toBe(before.length);
  });

  it('carries the help text without a link when no docs URL is known', () => {
    const { docsUrl: _unused, ...withoutDocs } = context;
    const descriptor = sarif(report(), withoutDocs).runs[0]!.tool.driver.rules![0]!;
    expect(descriptor.helpUri).toBeUndefined();
    expect(descriptor.help?.markdown).toContain('## Why');
  });
});

describe('GitHub workflow commands', () => {
  it('prints one annotation per finding with its position, severity and rule', () => {
    const lines = formatGithub(report(), context.source).trimEnd().split('\n');
    expect(lines).toContain('::warning file=kafka/brokers/server.properties,line=9,col=1,endLine=9,endColumn=13,'
      + 'title=klint (unknown-key)::brocker.rack is not a broker key in Kafka 3.9, so Kafka ignores it without a word; did you mean broker.rack?');
    expect(lines.filter((l) => l.startsWith('::error file=kafka/brokers/server.properties,line=12,'))).toHaveLength(1);
    expect(lines).toHaveLength(4);
    expect(lines.at(-1)).toBe('::error file=kafka/brokers/missing.properties,title=klint::no such file');
  });

  it('escapes % CR LF in messages and also , : in properties, as @actions/core does', () => {
    expect(escapeData('50% done\r\nnext: a,b')).toBe('50%25 done%0D%0Anext: a,b');
    expect(escapeProperty('C:\\kafka,conf\n%')).toBe('C%3A\\kafka%2Cconf%0A%25');
    expect(formatGithub(oneFinding('a,b:c.properties', 'info', '100% wrong\nsecond line'))).toBe('::notice file=a%2Cb%3Ac.properties,line=1,col=1,endLine=1,endColumn=2,title=klint (unknown-key)::100%25 wrong%0Asecond line\n');
  });
});

describe('JUnit XML', () => {
  const xml = () => formatReport(report(), 'junit', context);

  it('has one test case per file × rule, failing only for findings at or above --fail-on', () => {
    const output = xml();
    const suite = output.split('<testsuite ')[1] ?? '';
    expect(suite.match(/<testcase /g)).toHaveLength(rules.length);
    expect(suite).toContain(`tests="${rules.length}" failures="1"`);
    expect(output).toMatch(/<testcase classname="brokers\/server\.properties" name="value-out-of-range" file="brokers\/server\.properties">\n\s+<failure type="error"/);
    expect(output).toMatch(/name="unknown-key"[^>]*>\n\s+<system-out>brokers\/server\.properties:9:1: warning: brocker\.rack/);
    expect(output).toContain('<error message="no such file">brokers/missing.properties: no such file</error>');
    const strict = formatReport(report(), 'junit', { ...context, failOn: 'warning' });
    expect(strict.split('<testsuite ')[1]).toContain(`tests="${rules.length}" failures="3"`);
  });

  it('escapes markup and drops characters XML cannot hold', () => {
    const output = formatReport(oneFinding('x.properties', 'error', 'a<b & "c" \u0001'), 'junit', context);
    expect(output).toContain('message="a&lt;b &amp; &quot;c&quot; \\u0001"');
    expect(output).not.toContain('\u0001');
  });
});

describe('every format', () => {
  it.each(FORMATS)('%s never shows a password-type value', (format) => {
    const output = formatReport(report(), format, context);
    expect(output).not.toContain(SECRET);
    expect(output.length).toBeGreaterThan(0);
  });
});

describe('the CLI', () => {
  let dir: string;
  const cli = path.join(repoRoot, 'bin/klint.js');
  const klint = (args: string[], env: Record<string, string | undefined> = {}) => {
    const result = spawnSync(process.execPath, [cli, ...args], {
      cwd: dir, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: undefined, FORCE_COLOR: undefined, ...env },
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'klint-formats-'));
    writeFileSync(path.join(dir, '.klintrc.json'), JSON.stringify({ rules: RULES }));
    writeFileSync(path.join(dir, 'warn.properties'), [...CLEAN_BROKER, 'brocker.rack=a', ''].join('\n'));
    // A ZooKeeper-mode file without a version: the one finding is kafka-version-assumed (info).
    writeFileSync(path.join(dir, 'info.properties'), ['broker.id=1', 'zookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka',
      'listeners=PLAINTEXT://:9092', 'advertised.listeners=PLAINTEXT://kafka1.example.com:9092', 'log.dirs=/var/lib/kafka/data', ''].join('\n'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints workflow commands by itself inside GitHub Actions, and text elsewhere', () => {
    expect(klint(['warn.properties'], { GITHUB_ACTIONS: 'true' }).stdout).toMatch(/^::warning file=warn\.properties,line=9,col=1,endLine=9,endColumn=13,title=klint \(unknown-key\)::/);
    expect(klint(['warn.properties']).stdout).toMatch(/^warn\.properties \(Kafka/);
    expect(klint(['--format', 'json', 'warn.properties'], { GITHUB_ACTIONS: 'true' }).stdout).toMatch(/^\{/);
  });

  it('--output-file writes the report there and nothing to standard output', () => {
    const run = klint(['--format', 'sarif', '--output-file', 'out/klint.sarif', 'warn.properties'], { GITHUB_ACTIONS: 'true' });
    expect(run.stdout).toBe('');
    const log = JSON.parse(readFileSync(path.join(dir, 'out/klint.sarif'), 'utf8')) as Log;
    expect(log.runs[0]?.results?.map((r) => r.ruleId)).toEqual(['unknown-key']);
    expect(validateSarif(log)).toBe(true);
  });

  it('--fail-on sets the severity that fails the run; --exit-zero reports without failing', () => {
    expect(klint(['warn.properties']).status).toBe(0);
    expect(klint(['--fail-on', 'warning', 'warn.properties']).status).toBe(1);
    expect(klint(['--fail-on', 'warning', 'info.properties']).status).toBe(0);
    expect(klint(['--fail-on', 'info', 'info.properties']).status).toBe(1);
    expect(klint(['--fail-on', 'info', '--exit-zero', 'info.properties']).status).toBe(0);
    expect(klint(['--max-warnings', '0', '--exit-zero', 'warn.properties']).status).toBe(0);
    expect(klint(['--exit-zero', 'missing.properties']).status).toBe(2);
    expect(klint(['--fail-on', 'fatal', 'warn.properties']).status).toBe(2);
  });
});
