import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knownVersions, rules } from '../src/index.js';
import { repoRoot } from './support/fixtures.js';
import { CLEAN_BROKER } from './support/samples.js';

/*
 * End to end through the built CLI, as a user runs it: `node bin/klint.js` in a folder of
 * config files. `npm test` builds first; a lone `npx vitest run` needs `npm run build` before.
 */

const cli = path.join(repoRoot, 'bin/klint.js');
const example = path.join(repoRoot, 'fixtures/examples/kraft-broker.properties');
let dir: string;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs klint in the temp folder with colour variables cleared (vitest sets FORCE_COLOR for its workers). */
function klint(args: string[], options: { input?: string | Buffer; env?: Record<string, string> } = {}): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  if (!options.env || !('FORCE_COLOR' in options.env)) delete env.FORCE_COLOR;
  if (!options.env || !('NO_COLOR' in options.env)) delete env.NO_COLOR;
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: dir, env, encoding: 'utf8', input: options.input ?? '', maxBuffer: 64 << 20,
  });
  const run = { status: result.status, stdout: result.stdout, stderr: result.stderr };
  // Whatever happens, klint answers in a line or two on stderr, never with a stack trace.
  expect(run.stderr, 'stderr').not.toMatch(/^\s+at .+[:(]\d+:\d+\)?$/m);
  expect(run.stderr, 'stderr').not.toMatch(/internal error/);
  expect(run.status, `exit code; stderr: ${run.stderr}`).not.toBe(3);
  return run;
}

function write(name: string, lines: string[] | Buffer): string {
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, Array.isArray(lines) ? `${lines.join('\n')}\n` : lines);
  return name;
}

/** Parsed CLI output: the tests below check its shape field by field. */
type Json = any;
const json = (run: Run): Json => JSON.parse(run.stdout) as Json;

beforeAll(() => {
  if (!existsSync(path.join(repoRoot, 'dist/cli.cjs'))) throw new Error('no build: run `npm run build` before this test');
  dir = mkdtempSync(path.join(tmpdir(), 'klint-cli-'));
  write('clean.properties', [...CLEAN_BROKER]);
  write('error.properties', ['process.roles=broker', 'node.id=1', 'num.partitions=0']);
  write('warnings.properties', [...CLEAN_BROKER, 'brocker.rack=a', 'lgo.dirs=/data']);
  write('mixed.properties', ['process.roles=broker', 'node.id=1', 'brocker.rack=a', 'num.partitions=0']);
  write('zookeeper.properties', ['broker.id=1', 'zookeeper.connect=zk1:2181', 'log.dirs=/data']);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('exit codes', () => {
  it('exits 0 for a realistic config without errors', () => {
    const run = klint([example]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
  });

  it('exits 1 when a finding is an error', () => {
    const run = klint(['error.properties']);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^\s+3:\d+\s+error\s+num\.partitions=0 .*value-out-of-range$/m);
  });

  it('exits 0 when there are warnings but no errors', () => {
    const run = klint(['warnings.properties']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('unknown-key');
  });

  it('exits 2 with a usage line for no files and for an unknown option', () => {
    const none = klint([]);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/^klint: no files given/);
    expect(klint(['--no-such-option', 'clean.properties']).status).toBe(2);
  });

  it('answers a bad option or option value in one klint: line, as every other error', () => {
    for (const args of [['--no-such-option'], ['--brokers', '0'], ['--brokers', '99999999999999999999'], ['-f', 'xml'], ['--fail-on', 'never']]) {
      const run = klint([...args, 'clean.properties']);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toMatch(/^klint: [^\n]+\(klint --help for usage\)\n$/);
    }
  });

  it('refuses --print-clusters in a format that cannot show a grouping', () => {
    for (const format of ['sarif', 'github', 'junit']) {
      const run = klint(['--print-clusters', '-f', format, 'clean.properties']);
      expect(run.status).toBe(2);
      expect(run.stderr).toBe(`klint: --print-clusters prints text or json, not ${format}\n`);
    }
  });

  it('does not end a run with an unreadable input on a clean summary', () => {
    const alone = klint(['missing-dir/']);
    expect(alone.status).toBe(2);
    expect(alone.stdout).toBe('✖ 0 files checked; 1 input could not be linted\n');
    expect(klint(['missing-dir/', 'clean.properties']).stdout).toMatch(/ 1 file(?: checked)?; 1 input could not be linted\n$/);
  });

  it('prints its version and help with exit 0', () => {
    expect(klint(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const help = klint(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--kafka-version');
  });
});

describe('input', () => {
  it('exits quietly when the reader closes the pipe early (klint … | head -1)', () => {
    const many = Array.from({ length: 400 }, (_, i) => write(`many-${i}.properties`, [`num.partitions=0`, ...Array.from({ length: 20 }, (_, j) => `unknown.key.${j}=x`)]));
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${cli}" ${many.join(' ')} | head -1`], { cwd: dir, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('reads standard input for -', () => {
    const run = klint(['-'], { input: 'process.roles=broker\nnode.id=1\nnum.partitions=0\n' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('<stdin>');
    expect(run.stdout).toContain('value-out-of-range');
  });

  it('keeps standard input out of the working directory\'s cluster: it has no directory to share a loopback address in', () => {
    const broker = ['broker.id=1', 'zookeeper.connect=localhost:2181', 'listeners=PLAINTEXT://localhost:9092'];
    write('stdin-beside/server.properties', broker);
    const run = spawnSync(process.execPath, [cli, '--format', 'json', '-', 'server.properties'],
      { cwd: path.join(dir, 'stdin-beside'), encoding: 'utf8', input: `${broker.join('\n')}\n` });
    const report = JSON.parse(run.stdout) as Json;
    expect(report.clusters.map((c: { files: string[] }) => c.files)).toEqual([['<stdin>'], ['server.properties']]);
    expect(run.status).toBe(0);
  });

  it('escapes control characters of a file name in --print-clusters, so a name cannot drive the terminal', () => {
    write('esc-dir/broker\u001b[31m.properties', ['broker.id=1', 'zookeeper.connect=zk1.example.com:2181']);
    const run = klint(['--print-clusters', 'esc-dir']);
    expect(run.stdout).toContain('broker\\x1b[31m.properties');
    expect(run.stdout).not.toContain('\u001b');
  });

  it('keeps the error for a file name holding a newline on one line', () => {
    const run = klint(['bad\nname.properties']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('klint: bad\\nname.properties: no such file\n');
  });

  it('reports a missing file in one line, lints the other files, and exits 2', () => {
    const run = klint(['missing.properties', 'error.properties']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('klint: missing.properties: no such file\n');
    expect(run.stdout).toContain('error.properties');
    expect(run.stdout).toContain('value-out-of-range');
  });

  it('refuses a binary file in one line naming the line of its first NUL byte', () => {
    write('binary.properties', Buffer.from([0x61, 0x3d, 0x31, 0x0a, 0x00, 0xff, 0xfe]));
    const run = klint(['binary.properties', 'clean.properties']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^klint: binary\.properties:2: NUL byte[^\n]*\n$/);
  });

  it('refuses a UTF-16 file (a NUL in every ASCII character) instead of linting noise', () => {
    write('utf16.properties', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('broker.id=1\n', 'utf16le')]));
    const run = klint(['utf16.properties']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^klint: utf16\.properties:1: NUL byte/);
  });
});

describe('--kafka-version', () => {
  it('rejects an unknown version with exit 2 and the list of known ones', () => {
    const run = klint(['--kafka-version', '9.9', 'clean.properties']);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('"9.9"');
    for (const version of knownVersions()) expect(run.stderr).toContain(version);
  });

  it('resolves a patch version to its minor line', () => {
    const run = klint(['--kafka-version', '3.9.1', '--format', 'json', 'clean.properties']);
    expect(json(run).files[0].kafkaVersion).toBe('3.9');
  });

  it('lints a ZooKeeper-mode file without a version as 3.9 and says so in an info finding', () => {
    const assumed = json(klint(['--format', 'json', 'zookeeper.properties'])).files[0];
    expect(assumed).toMatchObject({ kafkaVersion: '3.9', mode: 'zookeeper' });
    expect(assumed.findings).toContainEqual(expect.objectContaining({ ruleId: 'kafka-version-assumed', severity: 'info', line: 1 }));

    const given = json(klint(['--format', 'json', '--kafka-version', '3.6', 'zookeeper.properties'])).files[0];
    expect(given.kafkaVersion).toBe('3.6');
    expect(given.findings.map((f: Json) => f.ruleId)).not.toContain('kafka-version-assumed');
  });

  it('lints a KRaft file without a version against the newest known version', () => {
    const versions = knownVersions();
    expect(json(klint(['--format', 'json', 'clean.properties'])).files[0].kafkaVersion).toBe(versions[versions.length - 1]);
  });
});

describe('--format json', () => {
  it('prints one documented object whose summary counts its findings', () => {
    const run = klint(['--format', 'json', 'mixed.properties', 'clean.properties']);
    expect(run.status).toBe(1);
    const report = json(run);
    expect(report).toMatchObject({ version: 1, tool: { name: 'klint' }, inputProblems: [] });
    expect(report.tool.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(report.files.map((f: Json) => f.file)).toEqual(['mixed.properties', 'clean.properties']);
    const findings: Json[] = report.files.flatMap((f: Json) => f.findings);
    for (const file of report.files) {
      expect(file).toEqual(expect.objectContaining({ kafkaVersion: expect.any(String), mode: 'kraft-broker' }));
    }
    for (const finding of findings) {
      expect(finding).toEqual(expect.objectContaining({
        ruleId: expect.any(String), severity: expect.stringMatching(/^(error|warning|info)$/),
        message: expect.any(String), line: expect.any(Number), column: expect.any(Number),
        endLine: expect.any(Number), endColumn: expect.any(Number),
      }));
    }
    expect(findings).toContainEqual(expect.objectContaining({ ruleId: 'value-out-of-range', key: 'num.partitions', line: 4 }));
    expect(findings).toContainEqual(expect.objectContaining({ ruleId: 'unknown-key', key: 'brocker.rack', line: 3 }));
    const count = (severity: string) => findings.filter((f) => f.severity === severity).length;
    expect(report.summary).toEqual({ files: 2, errors: count('error'), warnings: count('warning'), infos: count('info') });
  });

  it('lists unreadable files under inputProblems', () => {
    const report = json(klint(['--format', 'json', 'missing.properties']));
    expect(report.inputProblems).toEqual([{ file: 'missing.properties', message: 'no such file' }]);
  });
});

describe('filtering output', () => {
  it('--quiet shows errors only and keeps the exit code', () => {
    const text = klint(['--quiet', 'mixed.properties']);
    expect(text.status).toBe(1);
    expect(text.stdout).toContain('value-out-of-range');
    expect(text.stdout).not.toContain('unknown-key');
    const report = json(klint(['--quiet', '--format', 'json', 'mixed.properties']));
    expect(report.files[0].findings.length).toBeGreaterThan(0);
    for (const finding of report.files[0].findings) expect(finding.severity).toBe('error');
  });

  it('--max-warnings fails the run only above the given number of warnings', () => {
    const warnings = json(klint(['--format', 'json', 'warnings.properties'])).summary.warnings as number;
    expect(warnings).toBeGreaterThanOrEqual(2);
    expect(klint(['--max-warnings', String(warnings), 'warnings.properties']).status).toBe(0);
    expect(klint(['--max-warnings', String(warnings - 1), 'warnings.properties']).status).toBe(1);
    expect(klint(['--max-warnings', '0', 'warnings.properties']).status).toBe(1);
  });

  it('--max-warnings refuses a value that is not a whole number', () => {
    const run = klint(['--max-warnings', 'many', 'warnings.properties']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
  });
});

describe('colour', () => {
  const ESC = '\u001b[';

  it('is off when the output is not a terminal', () => {
    expect(klint(['mixed.properties']).stdout).not.toContain(ESC);
  });

  it('is on with FORCE_COLOR, and off again with --no-color or NO_COLOR', () => {
    expect(klint(['mixed.properties'], { env: { FORCE_COLOR: '1' } }).stdout).toContain(ESC);
    expect(klint(['--no-color', 'mixed.properties'], { env: { FORCE_COLOR: '1' } }).stdout).not.toContain(ESC);
    expect(klint(['mixed.properties'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toContain(ESC);
    expect(klint(['mixed.properties'], { env: { FORCE_COLOR: '0' } }).stdout).not.toContain(ESC);
  });
});

describe('rules', () => {
  it('--list-rules lists every rule', () => {
    const run = klint(['--list-rules']);
    expect(run.status).toBe(0);
    for (const rule of rules) expect(run.stdout).toContain(rule.id);
  });

  it('--explain prints the rule; an unknown id exits 2', () => {
    const known = klint(['--explain', 'value-out-of-range']);
    expect(known.status).toBe(0);
    const rule = rules.find((r) => r.id === 'value-out-of-range');
    expect(known.stdout).toContain(rule?.summary);
    expect(known.stdout).toContain(rule?.fix);
    const unknown = klint(['--explain', 'no-such-rule']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^klint: unknown rule "no-such-rule"[^\n]*\n$/);
  });
});

describe('--print-config', () => {
  beforeAll(() => {
    write('as-kafka-reads.properties', [
      'process.roles = broker',
      'node.id: 7',
      'log.dirs=/data/a,\\',
      '    /data/b',
      'num.partitions=3',
      'num.partitions=6',
      'client.id=caf\\u00e9  ',
      'sasl.kerberos.service.name\tkafka',
    ]);
  });

  it('prints one object for one file, with values exactly as Kafka reads them', () => {
    const run = klint(['--print-config', 'as-kafka-reads.properties']);
    expect(run.status).toBe(0);
    expect(json(run)).toEqual({
      file: 'as-kafka-reads.properties',
      kafkaVersion: knownVersions()[knownVersions().length - 1],
      mode: 'kraft-broker',
      config: {
        'process.roles': { value: 'broker', line: 1, source: 'file' },
        'node.id': { value: '7', line: 2, source: 'file' },
        'log.dirs': { value: '/data/a,/data/b', line: 3, source: 'file' },
        'num.partitions': { value: '6', line: 6, source: 'file' },
        'client.id': { value: 'café  ', line: 7, source: 'file' },
        'sasl.kerberos.service.name': { value: 'kafka', line: 8, source: 'file' },
      },
    });
  });

  it('prints an array for several files', () => {
    const configs = json(klint(['--print-config', 'as-kafka-reads.properties', 'zookeeper.properties']));
    expect(Array.isArray(configs)).toBe(true);
    expect(configs.map((c: Json) => [c.file, c.mode])).toEqual([
      ['as-kafka-reads.properties', 'kraft-broker'], ['zookeeper.properties', 'zookeeper']]);
  });

  it('--defaults adds every other key of the version with source "default"', () => {
    const { config } = json(klint(['--print-config', '--defaults', '--kafka-version', '3.9', 'zookeeper.properties']));
    expect(config['broker.id']).toEqual({ value: '1', line: 1, source: 'file' });
    expect(config['num.network.threads']).toEqual({ value: '3', source: 'default' });
    expect(config['min.insync.replicas']).toEqual({ value: '1', source: 'default' });
    expect(Object.keys(config).length).toBeGreaterThan(200);
  });

  it('prints keys named like object internals (__proto__, constructor) as the entries they are', () => {
    write('proto.properties', ['broker.id=1', '__proto__=3', 'constructor=4']);
    const { config } = json(klint(['--print-config', 'proto.properties']));
    expect(Object.keys(config)).toEqual(['broker.id', '__proto__', 'constructor']);
    expect(Object.getOwnPropertyDescriptor(config, '__proto__')?.value).toEqual({ value: '3', line: 2, source: 'file' });
  });

  it('--defaults without --print-config is a usage error', () => {
    expect(klint(['--defaults', 'clean.properties']).status).toBe(2);
  });
});

describe('secrets never reach any output', () => {
  const SECRETS = ['KeystoreSecret-41', 'TruststoreSecret-42', 'JaasSecret-43', 'ListenerKeySecret-44',
    'ListenerJaasSecret-45', 'DuplicateSecret-46', 'NonAsciiSecret-47'];
  const files = ['secrets-kraft.properties', 'secrets-zk.properties'] as const;

  beforeAll(() => {
    const secretLines = [
      'ssl.keystore.password=KeystoreSecret-41',
      'ssl.truststore.password = TruststoreSecret-42',
      'sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="JaasSecret-43";',
      'listener.name.internal.ssl.key.password=ListenerKeySecret-44',
      'listener.name.internal.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required \\',
      '    username="admin" password="ListenerJaasSecret-45";',
      // Lines that draw findings onto secret values: a duplicate, non-ASCII bytes.
      'ssl.key.password=DuplicateSecret-46-old',
      'ssl.key.password=DuplicateSecret-46',
    ];
    write(files[0], Buffer.from([...['process.roles=broker', 'node.id=1', ...secretLines], 'listener.name.internal.ssl.keystore.password=NonAsciiSecret-47\xe9', ''].join('\n'), 'latin1'));
    write(files[1], Buffer.from([...['broker.id=1', 'zookeeper.connect=zk1:2181', ...secretLines], 'listener.name.internal.ssl.keystore.password=NonAsciiSecret-47\xe9', ''].join('\n'), 'latin1'));
  });

  const outputs: [string, string[]][] = [
    ['text', []], ['text with colour', ['--color']], ['json', ['--format', 'json']],
    ['print-config', ['--print-config']], ['print-config --defaults', ['--print-config', '--defaults']],
  ];
  for (const [name, args] of outputs) {
    it(`hides every password-type value in ${name} output`, () => {
      for (const file of files) {
        const run = klint([...args.filter((a) => a !== '--color'), file], args.includes('--color') ? { env: { FORCE_COLOR: '1' } } : {});
        expect(run.status, run.stderr).not.toBe(2);
        const output = run.stdout + run.stderr;
        for (const secret of SECRETS) expect(output, `${secret} in ${name} of ${file}`).not.toContain(secret);
      }
    });
  }

  it('shows [hidden] in place of each secret in --print-config', () => {
    const { config } = json(klint(['--print-config', files[0]]));
    for (const key of ['ssl.keystore.password', 'ssl.truststore.password', 'sasl.jaas.config', 'ssl.key.password',
      'listener.name.internal.ssl.key.password', 'listener.name.internal.plain.sasl.jaas.config',
      'listener.name.internal.ssl.keystore.password']) {
      expect(config[key], key).toMatchObject({ value: '[hidden]', source: 'file' });
    }
  });

  it('hides a misspelt password key, which Kafka ignores but the file still exposes', () => {
    write('typo-secret.properties', ['process.roles=broker', 'node.id=1', 'ssl.keystore.pasword=TypoSecret-48']);
    for (const args of [['--print-config'], ['--format', 'json'], []]) {
      const run = klint([...args, 'typo-secret.properties']);
      expect(run.stdout + run.stderr).not.toContain('TypoSecret-48');
    }
    expect(json(klint(['--print-config', 'typo-secret.properties'])).config['ssl.keystore.pasword'].value).toBe('[hidden]');
  });

  it('does not quote the non-ASCII characters of a secret in the non-ascii-bytes finding', () => {
    write('umlaut-secret.properties', Buffer.from('process.roles=broker\nnode.id=1\nssl.key.password=p\xc3\xa4ss\n', 'latin1'));
    const run = klint(['--format', 'json', 'umlaut-secret.properties']);
    const finding = json(run).files[0].findings.find((f: { ruleId: string }) => f.ruleId === 'non-ascii-bytes');
    expect(finding.message).toContain('[hidden]');
    expect(run.stdout).not.toContain('\u00e4');
    expect(run.stdout).not.toContain('ä');
  });

  it('hides another file\'s secret that a cross-file finding quotes as a value, in every format', () => {
    const broker = (id: number, superUsers: string) => [`broker.id=${id}`, 'zookeeper.connect=zk1.example.com:2181/kafka',
      `listeners=SSL://kafka${id}.example.com:9093`, 'security.inter.broker.protocol=SSL',
      `ssl.keystore.password=ClusterSecret-49-${id}`, `super.users=${superUsers}`];
    // broker1 differs, and its finding quotes the others' value: broker3's password.
    write('secret-cluster/broker1.properties', broker(1, 'User:admin'));
    write('secret-cluster/broker2.properties', broker(2, 'User:ClusterSecret-49-3'));
    write('secret-cluster/broker3.properties', broker(3, 'User:ClusterSecret-49-3'));
    for (const format of ['text', 'json', 'sarif', 'github', 'junit']) {
      const run = klint(['--format', format, 'secret-cluster']);
      expect(run.stdout, format).toContain('super.users');
      expect(run.stdout + run.stderr, format).not.toContain('ClusterSecret-49');
    }
  });

  it('hides secrets read from standard input too', () => {
    const input = 'process.roles=broker\nnode.id=1\nssl.keystore.password=KeystoreSecret-41\nssl.keystore.password=KeystoreSecret-41b\n';
    for (const args of [['-'], ['--format', 'json', '-'], ['--print-config', '--defaults', '-']]) {
      const run = klint(args, { input });
      expect(run.stdout + run.stderr).not.toContain('KeystoreSecret-41');
    }
  });
});
