import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, linkSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyHistory } from '../src/catalog/catalog.js';
import { InputError, knownVersions, lintText, rules, type FileReport, type LintOptions } from '../src/index.js';
import { expandInputs } from '../src/input-expand.js';
import { MAX_INPUT_BYTES, refusalOf } from '../src/input.js';
import { ALL_MODES } from '../src/model/mode.js';
import { repoRoot } from './support/fixtures.js';

/*
 * Whatever bytes it is given, klint answers: findings, or a clear refusal (InputError: a NUL byte,
 * i.e. binary or UTF-16, or more than MAX_INPUT_BYTES = 10 MiB). It never throws anything else,
 * never hangs on a large line, and never writes to its input. Every generator is seeded (SEED),
 * so a failure reproduces; fast-check prints the shrunk counterexample.
 *
 * Inputs: 2,000 random byte strings, 1,000 binary strings without NUL, 6,000 generated
 * properties files (real and misspelt keys, typed and hostile values, every separator and line
 * terminator, continuations, comments, broken escapes, non-ASCII), 1,000 of them as UTF-8 with
 * a BOM or as UTF-16 with either BOM, 500 as JavaScript strings: 10,500 through the API; 50 of
 * them, 1 MB lines and a 50 MB file through the CLI process.
 */

const SEED = 20261123;
const cli = path.join(repoRoot, 'bin/klint.js');
const ruleIds = new Set(rules.map((r) => r.id));
const versions = knownVersions();

/** Lines as Properties.load counts them: \n, \r\n and a lone \r each end one. */
const lineCount = (text: string) => (text.match(/\r\n|\r|\n/g)?.length ?? 0) + 1;

/** Lints and checks the answer; returns the report, or undefined for a refusal. */
function answerOf(input: Uint8Array | string, options: LintOptions = {}): FileReport | undefined {
  const before = typeof input === 'string' ? input : Buffer.from(input);
  const unchanged = () => (typeof input === 'string' ? input === before : Buffer.from(input).equals(before as Buffer));
  let report: FileReport;
  try {
    report = lintText(input, { ...options, file: 'fuzz.properties' });
  } catch (error) {
    // The only refusal: bytes that are binary or too large, said as one clear line.
    expect(error).toBeInstanceOf(InputError);
    expect(typeof input, 'a string input is never refused').not.toBe('string');
    const expected = refusalOf('fuzz.properties', input as Uint8Array);
    expect(expected, `refused acceptable input: ${(error as Error).message}`).toBeDefined();
    expect((error as InputError).describe()).toBe(expected?.describe());
    expect((error as Error).message).toMatch(/NUL byte|over klint's limit/);
    expect(unchanged(), 'the input was modified').toBe(true);
    return undefined;
  }
  if (typeof input !== 'string') expect(refusalOf('fuzz.properties', input), 'linted binary input').toBeUndefined();
  expect(unchanged(), 'the input was modified').toBe(true);

  const text = typeof input === 'string' ? input : Buffer.from(input).toString('latin1');
  const lines = lineCount(text);
  expect(versions).toContain(report.kafkaVersion);
  expect(ALL_MODES).toContain(report.mode);
  for (const f of report.findings) {
    expect(ruleIds.has(f.ruleId), f.ruleId).toBe(true);
    expect(['error', 'warning', 'info']).toContain(f.severity);
    expect(f.line, f.ruleId).toBeGreaterThanOrEqual(1);
    expect(f.line, f.ruleId).toBeLessThanOrEqual(lines);
    expect(f.column, f.ruleId).toBeGreaterThanOrEqual(1);
    expect(f.endLine > f.line || (f.endLine === f.line && f.endColumn >= f.column), `${f.ruleId} range`).toBe(true);
    expect(f.message.length, f.ruleId).toBeGreaterThan(0);
    if (!text.includes('undefined')) expect(f.message, f.ruleId).not.toMatch(/\bundefined\b/);
    if (!text.includes('[object')) expect(f.message, f.ruleId).not.toContain('[object');
  }
  return report;
}

/* ---------- generators ---------- */

const knownKeys = Object.keys(keyHistory()).sort();
const keyChar = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz.._-0123456789'.split(''));

const key = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...knownKeys) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...knownKeys), fc.nat(), keyChar)
    .map(([k, i, c]) => k.slice(0, i % k.length) + c + k.slice((i % k.length) + 1)) },
  { weight: 1, arbitrary: fc.constantFrom('listener.name.internal.ssl.keystore.password', 'listener.name.CLIENT.scram-sha-256.sasl.jaas.config',
    'log.cleanup.policy', 'metric.reporters', 'config.providers.file.class', 'confluent.license', 'a\\:b', 'a\\=b', 'a\\ b', '\\u0041key', 'k\\u00G1', '') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
);

const value = fc.oneof(
  fc.constantFrom('', ' ', '0', '-1', '1', '3', '2147483647', '2147483648', '-2147483649', '9223372036854775808', '1.5', '1e3', '0x10',
    'NaN', 'true', 'TRUE ', 'yes', 'false', ' 1 ', 'broker', 'controller', 'broker,controller', 'broker, controller,', ',',
    'PLAINTEXT://:9092', 'PLAINTEXT://0.0.0.0:9092,SSL://[::1]:9093', 'CONTROLLER://:9093', 'PLAINTEXT://host:99999', 'bad://',
    '://:', 'A:PLAINTEXT,B:SSL,CONTROLLER:SASL_SSL', 'A:PLAINTEXT,A:SSL', 'X:NOPE', '1@c1:9093,2@c2:9093,3@[::1]:9093', '1@:9093',
    'x@h:1', 'zk1:2181,zk2:2181/kafka', 'zk1:2181/a,zk2:2181/b', '/tmp/kafka-logs', '/data/a,/data/a', 'lz4', 'LZ4', 'zstd',
    '3.9-IV0', '4.0', '2.8', '0.10.2', 'org.apache.kafka.metadata.authorizer.StandardAuthorizer', 'SCRAM-SHA-512', 'GSSAPI',
    'PlainLoginModule required password="p";', '\\', '\\\\', '\\u00e9', '\\uZZZZ', '\\u12', 'caf\u00e9', '\u2028', '#not-a-comment', '{key}', '{value}'),
  fc.integer().map(String),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('\\', 'u', '0', 'a', 'F', 'g', ',', ':', '=', ' ', '\t', '@', '/', '['), maxLength: 30 }),
);

const separator = fc.constantFrom('=', ':', ' ', '\t', ' = ', ' : ', '\f', '  =  ', '==', ':=');
const terminator = fc.constantFrom('\n', '\r\n', '\r');

const line = fc.oneof(
  { weight: 10, arbitrary: fc.tuple(fc.constantFrom('', ' ', '\t'), key, separator, value).map(([indent, k, s, v]) => indent + k + s + v) },
  // A value continued over lines, the way long listener or JAAS values are written.
  { weight: 2, arbitrary: fc.tuple(key, value, terminator, fc.constantFrom('', '    ', '\t'), value)
    .map(([k, a, t, indent, b]) => `${k}=${a}\\${t}${indent}${b}`) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('#', '!', ' #', '# klint-disable-next-line unknown-key', '# klint-disable ', '# klint-enable'), fc.string({ maxLength: 30 }))
    .map(([mark, text]) => mark + text) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\t', '\\', '\f') },
  // Lines that put the file into each mode, so that mode-specific rules run too.
  { weight: 3, arbitrary: fc.constantFrom('process.roles=broker', 'process.roles=controller', 'process.roles=broker,controller',
    'zookeeper.connect=zk1:2181/kafka', 'node.id=1', 'broker.id=2', 'controller.listener.names=CONTROLLER',
    'controller.quorum.voters=1@localhost:9093', 'controller.quorum.bootstrap.servers=localhost:9093',
    'listeners=PLAINTEXT://:9092,CONTROLLER://:9093', 'inter.broker.listener.name=PLAINTEXT', 'zookeeper.metadata.migration.enable=true') },
);

/** A properties file as text: lines joined by mixed terminators, maybe without a final one. */
const propertiesText = fc.tuple(fc.array(fc.tuple(line, terminator), { maxLength: 40 }), fc.boolean())
  .map(([lines, final]) => lines.map(([l, t]) => l + t).join('').replace(final ? /$/ : /(\r\n|\r|\n)$/, ''));

/** Mostly Latin-1 bytes as Kafka reads them; some as UTF-8, which makes non-ASCII text multi-byte. */
const propertiesBytes = fc.tuple(propertiesText, fc.boolean())
  .map(([text, utf8]): Uint8Array => Buffer.from(text, utf8 ? 'utf8' : 'latin1'));

const BOMS = { utf8: [0xef, 0xbb, 0xbf], utf16le: [0xff, 0xfe], utf16be: [0xfe, 0xff] } as const;

/** The same files saved by editors that add a BOM, or as UTF-16 (NUL bytes: refused). */
const encodedBytes = fc.tuple(propertiesText, fc.constantFrom('utf8', 'utf16le', 'utf16be') as fc.Arbitrary<keyof typeof BOMS>)
  .map(([text, encoding]): Uint8Array => {
    const body = encoding === 'utf16be' ? Buffer.from(text, 'utf16le').swap16() : Buffer.from(text, encoding);
    return Buffer.concat([Buffer.from(BOMS[encoding]), body]);
  });

const options: fc.Arbitrary<LintOptions> = fc.record({
  kafkaVersion: fc.constantFrom(undefined, '3.9.1', ...versions),
  profile: fc.constantFrom('production', 'development') as fc.Arbitrary<'production' | 'development'>,
}).map(({ kafkaVersion, profile }) => (kafkaVersion === undefined ? { profile } : { kafkaVersion, profile }));

const run = <T>(name: string, arbitrary: fc.Arbitrary<T>, numRuns: number, check: (input: T) => void) =>
  it(`${name} (${numRuns.toLocaleString('en')} inputs)`, () => {
    fc.assert(fc.property(arbitrary, check), { seed: SEED, numRuns });
  }, 120_000); // ~15 s for 6,000 inputs alone; more when every test file runs at once on two cores

describe('klint answers any input through the API', () => {
  run('random bytes', fc.uint8Array({ maxLength: 4096 }), 2_000, (bytes) => {
    answerOf(bytes);
  });

  run('binary without NUL bytes is linted, not refused', fc.uint8Array({ min: 1, maxLength: 2048 }), 1_000, (bytes) => {
    expect(answerOf(bytes)).toBeDefined();
  });

  // answerOf checks that exactly the inputs refusalOf refuses (here: a NUL from a binary string) are refused.
  run('generated properties files, every version and profile', fc.tuple(propertiesBytes, options), 6_000, ([bytes, opts]) => {
    answerOf(bytes, opts);
  });

  run('BOMs: UTF-8 is linted, UTF-16 refused as NUL bytes', encodedBytes, 1_000, (bytes) => {
    const report = answerOf(bytes);
    if (bytes[0] === 0xef) expect(report).toBeDefined();
    else if (bytes.includes(0)) expect(report).toBeUndefined();
  });

  run('text given as a string is never refused', fc.tuple(fc.oneof(propertiesText, fc.string({ unit: 'binary', maxLength: 400 })), options), 500,
    ([text, opts]) => {
      expect(answerOf(text, opts)).toBeDefined();
    });
});

describe('large input', () => {
  const MB = 1024 * 1024;

  it('lints 1 MB lines: a value, a key, a comment, backslashes, broken escapes', () => {
    const big = 'x'.repeat(MB);
    const inputs = [
      `log.dirs=/data/${big}\nnum.partitions=3\n`,
      `${big}=1\n`,
      `# ${big}\nnum.partitions=3\n`,
      `a=${'\\'.repeat(MB)}\n`,
      `a=${'\\uZZ'.repeat(MB / 4)}\n`,
      `listeners=${'PLAINTEXT://:9092,'.repeat(5_000)}\n`,
      `process.roles=controller\ncontroller.quorum.voters=${'1@h:9093,'.repeat(MB / 9)}\n`,
    ];
    for (const text of inputs) expect(answerOf(Buffer.from(text, 'latin1'))).toBeDefined();
  }, 60_000);

  it(`refuses more than ${MAX_INPUT_BYTES / MB} MiB (a 50 MB file) and accepts exactly that much`, () => {
    expect(answerOf(Buffer.alloc(50 * 1000 * 1000, 0x61))).toBeUndefined();
    expect(answerOf(Buffer.alloc(MAX_INPUT_BYTES + 1, 0x61))).toBeUndefined();
    const atLimit = Buffer.alloc(MAX_INPUT_BYTES, 0x78);
    atLimit.write('#', 0, 'latin1');
    expect(answerOf(atLimit)).toBeDefined();
  }, 60_000);
});

describe('through the CLI process, inputs are never modified', () => {
  let dir: string;
  const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

  beforeAll(() => {
    if (!existsSync(path.join(repoRoot, 'dist/cli.cjs'))) throw new Error('no build: run `npm run build` before this test');
    dir = mkdtempSync(path.join(tmpdir(), 'klint-fuzz-'));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Runs klint on the files; checks the exit code, stderr, and that no file changed or appeared. */
  function klint(args: string[], files: string[]) {
    const before = new Map(files.map((f) => [f, { hash: digest(f), mtime: statSync(f).mtimeMs }]));
    const listing = readdirSync(dir).sort();
    const result = spawnSync(process.execPath, [cli, ...args, ...files], { cwd: dir, encoding: 'utf8', maxBuffer: 256 << 20 });
    expect([0, 1, 2], `exit ${result.status}: ${result.stderr}`).toContain(result.status);
    expect(result.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(result.stderr).not.toContain('internal error');
    for (const [file, { hash, mtime }] of before) {
      expect(digest(file), `${file} changed`).toBe(hash);
      expect(statSync(file).mtimeMs, `${file} touched`).toBe(mtime);
    }
    expect(readdirSync(dir).sort(), 'klint wrote a file').toEqual(listing);
    return result;
  }

  it('50 generated inputs, one process each: exit 2 exactly for refused input, one line per refusal', () => {
    const inputs = fc.sample(fc.oneof(propertiesBytes, encodedBytes, fc.uint8Array({ maxLength: 2048 })), { seed: SEED, numRuns: 50 });
    const formats = [[], ['--format', 'json'], ['--print-config'], ['--print-config', '--defaults'], ['--quiet']];
    inputs.forEach((bytes, i) => {
      const file = path.join(dir, `input-${i}.properties`);
      writeFileSync(file, bytes);
      const result = klint(formats[i % formats.length] as string[], [file]);
      const refused = refusalOf(file, bytes) !== undefined;
      expect(result.status === 2, `exit ${result.status} for ${refused ? 'refused' : 'lintable'} input-${i}: ${result.stderr}`).toBe(refused);
      if (refused) expect(result.stderr).toMatch(/^klint: [^\n]+: (NUL byte|[\d.]+ MiB \(\d+ bytes\) is over)[^\n]*\n$/);
    });
  }, 60_000);

  it('1 MB lines and a 50 MB file: the large one refused in one line, the others linted, in one run', () => {
    const oneMbValue = path.join(dir, 'long-value.properties');
    writeFileSync(oneMbValue, `process.roles=broker\nnode.id=1\nlog.dirs=/${'d'.repeat(1024 * 1024)}\r\n`);
    const oneMbKey = path.join(dir, 'long-key.properties');
    writeFileSync(oneMbKey, `${'k'.repeat(1024 * 1024)}=v\rnext=1`);
    const huge = path.join(dir, 'huge.properties');
    writeFileSync(huge, Buffer.alloc(50 * 1000 * 1000, 0x61));
    const result = klint([], [oneMbValue, huge, oneMbKey]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`klint: ${huge}: 47.7 MiB (50000000 bytes) is over klint's limit of 10 MiB (10485760 bytes) for a config file\n`);
    expect(result.stdout).toContain('long-value.properties');
    expect(result.stdout).toContain('long-key.properties');
  }, 60_000);

  it('binary on standard input is refused in one line', () => {
    const result = spawnSync(process.execPath, [cli, '-'], { input: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00]), encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('klint: <stdin>:1: NUL byte: this is not a text properties file (binary, or saved as UTF-16?)\n');
  });
});

/*
 * Hostile paths and streams on the command line: whatever they name, klint answers with one
 * `klint:` line per problem on stderr, exit 2, lints the other files, and changes no file.
 */
describe('hostile paths and streams through the CLI', () => {
  let dir: string;
  /** Running as root, permission cases run klint as nobody (setpriv), since root reads every file. */
  const asRoot = process.getuid?.() === 0;
  const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => existsSync(p));

  beforeAll(() => {
    if (!existsSync(path.join(repoRoot, 'dist/cli.cjs'))) throw new Error('no build: run `npm run build` before this test');
    dir = mkdtempSync(path.join(tmpdir(), 'klint-paths-'));
    // Readable by nobody when a permission case drops root.
    chmodSync(dir, 0o755);
    writeFileSync(path.join(dir, 'ok.properties'), 'num.partitions=3\n');
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Runs klint in `dir` (or a folder below it) with the shell; every answer is one line per problem, never a defect. */
  function sh(script: string, options: { cwd?: string; unprivileged?: boolean } = {}) {
    const command = options.unprivileged && asRoot ? [setpriv as string, '--reuid=65534', '--regid=65534', '--clear-groups', 'sh'] : ['sh'];
    const result = spawnSync(command[0] as string, [...command.slice(1), '-c', script], {
      cwd: path.join(dir, options.cwd ?? ''), encoding: 'utf8', timeout: 20_000, env: { ...process.env, KLINT: `node ${cli} --no-color` },
    });
    expect(result.error, 'klint did not finish').toBeUndefined();
    expect(result.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(result.stderr).not.toContain('internal error');
    for (const line of result.stderr.split('\n').filter(Boolean)) expect(line).toMatch(/^klint: /);
    return result;
  }

  /** Permission cases need a user root is not; without setpriv they cannot run as root. */
  const unprivileged = (name: string, test: () => void) => it(name, () => {
    if (asRoot && !setpriv) {
      console.log(`skipped "${name}": running as root without setpriv, every file is readable`);
      return;
    }
    test();
  });

  it('stops reading an endless file or pipe at the size limit: /dev/zero and `yes |` are refused, the other file linted', () => {
    // Under 2 GB of address space: reading everything first would fail here instead of swapping.
    const zero = sh('ulimit -v 2000000; $KLINT /dev/zero ok.properties');
    expect(zero.status).toBe(2);
    expect(zero.stderr).toBe("klint: /dev/zero: over klint's limit of 10 MiB (10485760 bytes) for a config file: reading stopped there\n");
    expect(zero.stdout).toContain('ok.properties');
    const pipe = sh('yes a=b | (ulimit -v 2000000; $KLINT -)');
    expect(pipe.status).toBe(2);
    expect(pipe.stderr).toBe("klint: <stdin>: over klint's limit of 10 MiB (10485760 bytes) for a config file: reading stopped there\n");
  }, 60_000);

  it('passes over a .gitignore that is a folder or a named pipe, as git does, without waiting on the pipe', () => {
    mkdirSync(path.join(dir, 'gitignore-folder/.gitignore'), { recursive: true });
    writeFileSync(path.join(dir, 'gitignore-folder/a.properties'), 'num.partitions=3\n');
    mkdirSync(path.join(dir, 'gitignore-fifo'));
    execFileSync('mkfifo', [path.join(dir, 'gitignore-fifo/.gitignore')]);
    writeFileSync(path.join(dir, 'gitignore-fifo/b.properties'), 'num.partitions=3\n');
    const result = sh('$KLINT gitignore-folder gitignore-fifo');
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('gitignore-folder/a.properties');
    expect(result.stdout).toContain('gitignore-fifo/b.properties');
  });

  unprivileged('reports a .gitignore it cannot read, and lints the files beside it', () => {
    mkdirSync(path.join(dir, 'gitignore-locked'));
    writeFileSync(path.join(dir, 'gitignore-locked/a.properties'), 'num.partitions=3\n');
    writeFileSync(path.join(dir, 'gitignore-locked/.gitignore'), 'nothing\n', { mode: 0o000 });
    const result = sh('$KLINT gitignore-locked', { unprivileged: true });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('klint: gitignore-locked/.gitignore: permission denied\n');
    expect(result.stdout).toContain('gitignore-locked/a.properties');
  });

  it('refuses a config path that is a folder or a named pipe in one line, exit 2, without waiting on the pipe', () => {
    mkdirSync(path.join(dir, 'config-folder'));
    execFileSync('mkfifo', [path.join(dir, 'config-fifo')]);
    const folder = sh('$KLINT -c config-folder ok.properties');
    expect(folder.status).toBe(2);
    expect(folder.stderr).toBe('klint: config-folder: is a directory\n');
    const fifo = sh('$KLINT -c config-fifo ok.properties');
    expect(fifo.status).toBe(2);
    expect(fifo.stderr).toBe('klint: config-fifo: is not a regular file (a named pipe)\n');
    mkdirSync(path.join(dir, 'rc-folder/.klintrc.json'), { recursive: true });
    const found = sh('$KLINT ../ok.properties', { cwd: 'rc-folder' });
    expect(found.status).toBe(2);
    expect(found.stderr).toBe(`klint: ${path.join(dir, 'rc-folder/.klintrc.json')}: is a directory\n`);
  });

  unprivileged('refuses a config file it cannot read in one line, exit 2', () => {
    writeFileSync(path.join(dir, 'locked.klintrc.json'), '{}', { mode: 0o000 });
    const result = sh('$KLINT -c locked.klintrc.json ok.properties', { unprivileged: true });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('klint: locked.klintrc.json: permission denied\n');
  });

  unprivileged('reports a folder it may not enter as permission denied, named, a subfolder or on the way to a file, and lints the rest', () => {
    mkdirSync(path.join(dir, 'walked/locked'), { recursive: true });
    writeFileSync(path.join(dir, 'walked/a.properties'), 'num.partitions=3\n');
    writeFileSync(path.join(dir, 'walked/locked/b.properties'), 'num.partitions=3\n');
    chmodSync(path.join(dir, 'walked/locked'), 0o000);
    try {
      const walked = sh('$KLINT walked', { unprivileged: true });
      expect(walked.status).toBe(2);
      expect(walked.stderr).toBe('klint: walked/locked: permission denied\n');
      expect(walked.stdout).toContain('walked/a.properties');
      const named = sh('$KLINT walked/locked walked/locked/b.properties ok.properties', { unprivileged: true });
      expect(named.status).toBe(2);
      expect(named.stderr).toBe('klint: walked/locked: permission denied\nklint: walked/locked/b.properties: permission denied\n');
      expect(named.stdout).toContain('ok.properties');
    } finally {
      chmodSync(path.join(dir, 'walked/locked'), 0o755); // so that the folder can be removed
    }
  });
});

describe('control characters in names and quoted text stay escaped on one line', () => {
  const klint = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: tmpdir(), encoding: 'utf8' });

  it.each([
    ['a file --print-config cannot read', ['--print-config', 'bad\nname\x1b[2J.properties'], 'klint: bad\\nname\\x1b[2J.properties: no such file\n'],
    ['a config path', ['-c', 'bad\r\ncfg\u2028.json', 'x.properties'], 'klint: bad\\r\\ncfg\\u2028.json: no such file\n'],
    ['an output path', ['/dev/null', '-o', '/dev/null/bad\tname'], "klint: cannot write /dev/null/bad\\tname: EEXIST: file already exists, mkdir '/dev/null'\n"],
  ])('%s', (_, args, stderr) => {
    const result = klint(args);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(stderr);
  });

  it('the text report: a file name in its header and in a message, and a value a message quotes', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'klint-names-'));
    const node = 'process.roles=broker\nnode.id=1\ncontroller.quorum.voters=1@h:9093\nnum.partitions=\\u001b[2J\n';
    writeFileSync(path.join(dir, 'a\x1b[2J\nb.properties'), node);
    writeFileSync(path.join(dir, 'c.properties'), node);
    const result = spawnSync(process.execPath, [cli, 'a\x1b[2J\nb.properties', 'c.properties'], { cwd: dir, encoding: 'utf8' });
    expect(result.stdout).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f]/);
    const lines = result.stdout.split('\n');
    expect(lines.filter((line) => line.startsWith('a\\x1b[2J\\nb.properties (Kafka '))).toHaveLength(1);
    expect(lines.filter((line) => line.includes('is also the id of a\\x1b[2J\\nb.properties:2'))).toHaveLength(1);
    expect(lines.filter((line) => line.includes('num.partitions=\\x1b[2J is not'))).toHaveLength(2);
    rmSync(dir, { recursive: true });
  });

  it('a config file whose JSON error quotes its lines', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'klint-json-')), '.klintrc.json');
    writeFileSync(file, '[\n1,\nxyz]');
    const result = klint(['-c', file, '/dev/null']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`klint: ${file}: not valid JSON: Unexpected token 'x', "[\\n1,\\nxyz]" is not valid JSON\n`);
    rmSync(path.dirname(file), { recursive: true });
  });
});

describe('walking directories and globs: .gitignore as git reads it, globs from their fixed folders', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'klint-walk-'));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** A repository `name` (with .git) holding files: path → text. */
  function repository(name: string, files: Record<string, string>): string {
    for (const [file, text] of Object.entries({ ...files, '.git/HEAD': 'ref: refs/heads/main\n' })) {
      mkdirSync(path.dirname(path.join(dir, name, file)), { recursive: true });
      writeFileSync(path.join(dir, name, file), text);
    }
    return path.join(dir, name);
  }

  it.runIf(process.platform === 'linux')('matches patterns case-sensitively on Linux, where git does', () => {
    const repo = repository('case', { '.gitignore': 'LOCAL.properties\nBuild/\n', 'local.properties': 'a=1\n', 'build/b.properties': 'a=1\n', 'LOCAL.properties': 'a=1\n' });
    expect(expandInputs(['.'], repo)).toEqual({ paths: ['build/b.properties', 'local.properties'], problems: [] });
  });

  it('never enters an ignored folder: a .gitignore inside it cannot re-include a file, as in git', () => {
    const repo = repository('prune', {
      '.gitignore': 'build/\n', 'a.properties': 'a=1\n', 'build/.gitignore': '!d.properties\n', 'build/d.properties': 'a=1\n',
      'linked/.gitignore': '!*\n', 'linked/l.properties': 'a=1\n',
    });
    symlinkSync('linked', path.join(repo, 'build-link'));
    writeFileSync(path.join(repo, '.gitignore'), 'build/\nlinked/\nbuild-link/\n');
    expect(expandInputs(['.'], repo)).toEqual({ paths: ['a.properties'], problems: [] });
  });

  it('walks a folder named on the command line even when .gitignore ignores it, as ripgrep does, applying the patterns inside it', () => {
    const repo = repository('named', {
      '.gitignore': 'build/\n*.local.properties\n', 'a.properties': 'a=1\n',
      'build/x.properties': 'a=1\n', 'build/y.local.properties': 'a=1\n', 'build/out/z.properties': 'a=1\n', 'build/out/.gitignore': 'z.properties\n',
      'build/deeper/w.properties': 'a=1\n',
    });
    expect(expandInputs(['build'], repo)).toEqual({ paths: ['build/deeper/w.properties', 'build/x.properties'], problems: [] });
    expect(expandInputs(['build/deeper', '.'], repo)).toEqual({ paths: ['build/deeper/w.properties', 'a.properties'], problems: [] });
  });

  it.each(['build/**', 'build/*', '/build/*', '**/build/**', '/*', 'build/*.properties'])('walks a named folder whatever spelling ignores it: %s', (pattern) => {
    const repo = repository(`spelt-${pattern.replace(/\W/g, '_')}`, {
      '.gitignore': `${pattern}\n*.local.properties\n`, 'build/x.properties': 'a=1\n', 'build/y.local.properties': 'a=1\n',
      'build/out/z.properties': 'a=1\n', 'build/out/.gitignore': 'z.properties\n', 'build/deeper/w.properties': 'a=1\n',
    });
    expect(expandInputs(['build'], repo)).toEqual({ paths: ['build/deeper/w.properties', 'build/x.properties'], problems: [] });
    expect(expandInputs(['build/deeper'], repo)).toEqual({ paths: ['build/deeper/w.properties'], problems: [] });
  });

  it('skips what .gitignore ignores in a glob\'s fixed folders, as below them: a glob names no folder', () => {
    const repo = repository('glob-ignored', {
      '.gitignore': 'build/\n', 'build/a.properties': 'a=1\n', 'build/.gitignore': '!*\n', 'build/sub/b.properties': 'a=1\n',
      'ok/a.properties': 'a=1\n', 'ok/.gitignore': 'skip/\n', 'ok/skip/c.properties': 'a=1\n',
    });
    const ignoring = (file: string, folder: string) => ({ file, message: `no file matches this pattern: .gitignore ignores ${folder}` });
    expect(expandInputs(['build/*.properties', 'build/sub/*.properties', 'b*/*.properties', '**/a.properties', 'ok/skip/*'], repo)).toEqual({
      paths: ['ok/a.properties'],
      problems: [ignoring('build/*.properties', 'build/'), ignoring('build/sub/*.properties', 'build/'), { file: 'b*/*.properties', message: 'no file matches this pattern' }, ignoring('ok/skip/*', 'ok/skip/')],
    });
    expect(expandInputs(['*.properties'], path.join(repo, 'build'))).toEqual({ paths: [], problems: [ignoring('*.properties', './')] });
  });

  it('says when .gitignore left out what a directory or glob might have found, instead of claiming there is none', () => {
    const repo = repository('left-out', {
      '.gitignore': '*.properties\nbuild/\n', 'a.properties': 'a=1\n', 'build/b.properties': 'a=1\n', 'etc/c.properties': 'a=1\n', 'etc/d.conf': 'a=1\n',
    });
    const outside = (file: string, nothing: string) => ({ file, message: `${nothing} outside what .gitignore ignores` });
    expect(expandInputs(['etc', '**/b.properties', 'e*/*.properties', 'e*/*.txt', '*.txt'], repo)).toEqual({ paths: [], problems: [
      outside('etc', 'no *.properties file in this directory'), outside('**/b.properties', 'no file matches this pattern'),
      outside('e*/*.properties', 'no file matches this pattern'),
      // A folder only passed over, that these patterns would not search, is no reason to blame .gitignore.
      { file: 'e*/*.txt', message: 'no file matches this pattern' }, { file: '*.txt', message: 'no file matches this pattern' },
    ] });
  });

  it('walks a glob from its fixed folders, so that ../** finds every file beside and below the working directory', () => {
    const repo = repository('globs', { 'g/a/x.properties': 'a=1\n', 'g/a/b/y.properties': 'a=1\n', 'g/a/b/c/z.properties': 'a=1\n' });
    expect(expandInputs(['../**/*.properties'], path.join(repo, 'g/a'))).toEqual({ paths: ['../a/b/c/z.properties', '../a/b/y.properties', '../a/x.properties'], problems: [] });
    expect(expandInputs(['../**/*.properties'], path.join(repo, 'g/a/b'))).toEqual({ paths: ['../b/c/z.properties', '../b/y.properties', '../x.properties'], problems: [] });
    expect(expandInputs([`${repo}/g/*/b/*.properties`], repo).paths).toEqual([`${repo}/g/a/b/y.properties`]);
  });
});

describe('-o never overwrites an input', () => {
  let dir: string;
  const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

  beforeAll(() => {
    if (!existsSync(path.join(repoRoot, 'dist/cli.cjs'))) throw new Error('no build: run `npm run build` before this test');
    dir = mkdtempSync(path.join(tmpdir(), 'klint-output-'));
    mkdirSync(path.join(dir, 'cluster'));
    writeFileSync(path.join(dir, 'cluster/b1.properties'), 'num.partitions=3\n');
    writeFileSync(path.join(dir, 'in.properties'), 'num.partitions=3\n');
    linkSync(path.join(dir, 'in.properties'), path.join(dir, 'hard-link.properties'));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['a file found by walking a directory', 'klint cluster -o cluster/b1.properties', 'cluster/b1.properties', 'it is the input cluster/b1.properties'],
    ['the file behind standard input, as /dev/stdin', 'klint - -o /dev/stdin < in.properties', 'in.properties', 'standard input reads that file'],
    ['a hard link to an input', 'klint in.properties -o hard-link.properties', 'in.properties', 'it is the input in.properties'],
  ])('refuses in one line, exit 2, before writing: %s', (_, command, input, why) => {
    const before = { hash: digest(path.join(dir, input)), mtime: statSync(path.join(dir, input)).mtimeMs };
    const result = spawnSync('sh', ['-c', command.replace(/^klint/, `"${process.execPath}" "${cli}"`)], { cwd: dir, encoding: 'utf8' });
    expect(result.status).toBe(2);
    const output = command.split(' -o ')[1]?.split(' ')[0];
    expect(result.stderr).toBe(`klint: cannot write ${output}: ${why}, and klint never overwrites its input\n`);
    expect(digest(path.join(dir, input)), `${input} changed`).toBe(before.hash);
    expect(statSync(path.join(dir, input)).mtimeMs, `${input} touched`).toBe(before.mtime);
  });

  it('still writes to /dev/null or a new file', () => {
    const result = spawnSync(process.execPath, [cli, 'in.properties', '-o', 'report.txt'], { cwd: dir, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(readFileSync(path.join(dir, 'report.txt'), 'utf8')).toContain('in.properties');
    expect(spawnSync(process.execPath, [cli, '/dev/null', '-o', '/dev/null'], { cwd: dir, encoding: 'utf8' }).stderr).toBe('');
  });
});
