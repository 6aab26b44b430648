import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeLatin1, parseProperties } from '../src/parse/properties.js';

/*
 * Compares parseProperties with the JDK itself: Kafka reads its config through
 * Properties.load(InputStream), so whatever that call makes of a file is the truth.
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const readerSource = path.join(repoRoot, 'test/java/ReadProperties.java');
const fixturesDir = path.join(repoRoot, 'fixtures');
const corpusDir = path.resolve(repoRoot, '../shared/corpus');
const CORPUS_PARTS = ['real-world', 'templated', 'kafka-shipped'];

const javaVersion = spawnSync('java', ['-version'], { encoding: 'utf8' });
const hasJava = javaVersion.status === 0;
if (!hasJava) console.warn('parser-differential: skipped, no `java` on PATH to compare the parser with');

/** Byte-exact inputs (as latin1 strings) at the edges of the JDK's LineReader and loadConvert. */
const TRICKY_INPUTS: Record<string, string> = {
  'crlf': 'a=1\r\nb = 2\r\n',
  'lone-cr': 'a=1\rb=2\r\rc=3',
  'mixed-terminators': 'a=1\n\rb=2\r\n\nc=3\r',
  'continuation-lf-in-value': 'a=one\\\n    two\\\n\tthree\n',
  'continuation-crlf-in-value': 'a=one\\\r\n    two\r\nb=3\r\n',
  'continuation-cr-in-value': 'a=one\\\r    two\rb=3\r',
  'continuation-cr-then-blank-cr': 'a=one\\\r\rb=2',
  'continuation-in-key-lf': 'log.\\\n   dirs=/data\n',
  'continuation-in-key-crlf': 'log.\\\r\n   dirs=/data\r\n',
  'continuation-in-key-cr': 'log.\\\r   dirs=/data\r',
  'continuation-before-separator': 'key\\\n   = value\n',
  'continuation-after-separator': 'key =\\\n   value\n',
  'continuation-between-separators': 'key \\\r\n  : \\\r\n  value\r\n',
  'continuation-to-blank-line-in-key': 'ab\\\n\ncd=e\n',
  'continuation-to-blank-line-in-value': 'a=b\\\n   \nc=d\n',
  'continuation-from-backslash-only-line': '\\\n  key=value\n',
  'continuation-into-comment-marker': '\\\n#not=comment?\nb=2\n',
  'continuation-into-bang-marker': '  \\\n  !x=y\n',
  'continuation-into-blank': '\\\n\nb=2\n',
  'continuation-into-eof': 'a=1\n\\\n',
  'continuation-into-eof-cr': 'a=1\r\\\r',
  'continuation-into-eof-crlf': 'a=1\r\n\\\r\n',
  'continuation-into-eof-after-indent': 'a=1\n\\\n  ',
  'continuation-into-comment-ending-in-backslash': '\\\n#x=y\\\nb=2\n',
  'continuation-in-key-into-comment-marker': 'a\\\n#b=c\n',
  'whitespace-only-continuation-lines': 'a=b\\\n   \\\n \t\\\n c\n',
  'unicode-escape-split-across-continuation': 'a=\\u00\\\n   41\nb\\u00\\\r\n  42=x\r\n',
  'unicode-escape-split-after-backslash': 'a=\\\\\n\\u0041\n',
  'malformed-unicode-escape-in-value': 'a=\\u00G1\n',
  'malformed-unicode-escape-in-key': 'k\\uZZZZ=v\n',
  'short-unicode-escape-at-eol': 'a=\\u12\nb=2\n',
  'short-unicode-escape-at-eof': 'a=\\u1',
  'bare-backslash-u': 'a=x\\u\n',
  'escaped-backslash-then-u': 'a=\\\\u00zz\n',
  'unicode-escapes-of-terminators-and-separators': 'k\\u000a\\u003d\\u0020x=\\u000d\\u000a\\u003a\\u0023\n',
  'unicode-escape-uppercase-hex': 'a=\\u00E9\\u00e9\\uFFFF\n',
  'simple-escapes': 'a=\\t\\n\\r\\f\\b\\q\\"\\\'\n',
  'escaped-separators-in-key': 'a\\=b\\:c\\ d=v\n',
  'trailing-backslash-at-eof-in-value': 'a=b\\',
  'trailing-backslash-at-eof-in-key': 'key\\',
  'trailing-backslash-only-at-eof': '\\',
  'even-backslash-run-at-eol': 'a=b\\\\\nc=d\n',
  'odd-backslash-run-at-eol': 'a=b\\\\\\\nc=d\n',
  'four-backslashes-at-eol': 'a=b\\\\\\\\\nc=d\n',
  'five-backslashes-at-eof': 'a=b\\\\\\\\\\',
  'backslash-run-in-key': 'a\\\\\\=b=c\n',
  'comment-ending-in-backslash': '# comment \\\na=1\n! bang \\\r\nb=2\r\n',
  'indented-comment-ending-in-backslash': '   # c \\\n   x=1\n',
  'comment-after-value-is-value': 'a=1 # not a comment\n',
  'key-alone': 'key\n',
  'key-alone-with-trailing-space': 'key   \n',
  'key-colon': 'key:\n',
  'key-equals-equals': 'key = = v\n',
  'key-colon-equals': 'key:=v\n',
  'key-space-colon-space-colon': 'key : : v\n',
  'separator-only-colon-value': ':v\n',
  'separator-only-equals-value': '=v\n',
  'separator-only-equals': '=\n',
  'utf8-bom': '\xef\xbb\xbfbroker.id=1\nlog.dirs=/x\n',
  'utf8-bom-then-comment': '\xef\xbb\xbf# hi\na=1\n',
  'latin1-high-bytes': 'caf\xe9=na\xefve\nlog.dirs=/donn\xc3\xa9es\n\xff=\x80\x9f\n',
  'form-feeds': '\fa\f=\fb\n\f\f\n\f# c\nc\fd\n',
  'tab-separators': 'a\tb\nc\t=\t d\ne\t\t:f\t\n',
  'trailing-whitespace-kept-in-value': 'a=b  \t\f\n',
  'empty-file': '',
  'only-blank-lines': '\n\r\n   \n\t\r',
  'no-final-newline': 'a=1\nb=2',
  'duplicate-keys-last-wins': 'a=1\nb=x\na=2\na=3\n',
  'duplicate-via-escape': 'a=1\n\\u0061=2\n',
  'nul-and-control-bytes': 'a=\x00\x01\x7f\nb\x00=c\n',
};

/**
 * Random inputs from the characters the JDK treats specially, with a fixed seed so a failure
 * reproduces: hand-picked cases cannot cover every combination of escapes and terminators.
 * The backslash is listed twice because it drives most of the JDK's special cases.
 */
const FUZZ_TOKENS = ['a', 'b', 'k', '=', ':', ' ', '\t', '\f', '\\', '\\', '\n', '\r', '\r\n', '#', '!',
  'u', '0', '4', 'F', 'g', '\xe9', '\\u0041', '\\u00', '\\\n  ', '\\\r\n'];
const FUZZ_INPUTS = fc.sample(
  fc.array(fc.constantFrom(...FUZZ_TOKENS), { maxLength: 24 }).map((tokens) => tokens.join('')),
  { seed: 20240611, numRuns: 400 },
);

interface JavaResult {
  file: string;
  ok: boolean;
  entries?: Record<string, string>;
  error?: string;
}

interface Mismatch {
  file: string;
  key: string;
  ours: string;
  java: string;
}

function filesUnder(dir: string, accept: (file: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((relative) => path.join(dir, relative))
    .filter((file) => statSync(file).isFile() && accept(file))
    .sort();
}

function readWithJava(files: string[]): Map<string, JavaResult> {
  const run = spawnSync('java', [readerSource, ...files], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (run.status !== 0) throw new Error(`java ${readerSource} failed (${run.status}): ${run.stderr}`);
  const results = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as JavaResult);
  return new Map(results.map((result) => [result.file, result]));
}

function compareWithJava(file: string, label: string, java: JavaResult | undefined): Mismatch[] {
  if (!java) return [{ file: label, key: '(file)', ours: 'read', java: 'no result from ReadProperties.java' }];
  const parsed = parseProperties(decodeLatin1(readFileSync(file)));
  const malformed = parsed.diagnostics.filter((d) => d.ruleId === 'malformed-unicode-escape');
  if (!java.ok) {
    return malformed.length > 0 ? [] : [{ file: label, key: '(file)',
      ours: `${parsed.entries.size} entries, no malformed-unicode-escape`, java: `throws: ${java.error}` }];
  }
  const mismatches: Mismatch[] = malformed.map((d) => ({ file: label, key: JSON.stringify(d.key),
    ours: `malformed-unicode-escape ${JSON.stringify(d.data.escape)}`, java: 'loads the file' }));
  const javaEntries = new Map(Object.entries(java.entries ?? {}));
  for (const key of new Set([...parsed.entries.keys(), ...javaEntries.keys()])) {
    const ours = parsed.entries.get(key)?.value;
    const theirs = javaEntries.get(key);
    if (ours !== theirs) {
      mismatches.push({ file: label, key: JSON.stringify(key),
        ours: ours === undefined ? '(absent)' : JSON.stringify(ours),
        java: theirs === undefined ? '(absent)' : JSON.stringify(theirs) });
    }
  }
  return mismatches;
}

describe.skipIf(!hasJava)('parser agrees with java.util.Properties.load', () => {
  const fixtures = filesUnder(fixturesDir, (file) => file.endsWith('.properties'));
  const corpus = CORPUS_PARTS.flatMap((part) => filesUnder(path.join(corpusDir, part), () => true));
  if (corpus.length === 0) console.warn(`parser-differential: corpus skipped, nothing found at ${corpusDir}`);

  let generatedDir = '';
  const generated = new Map<string, string>();
  let java = new Map<string, JavaResult>();

  beforeAll(() => {
    generatedDir = mkdtempSync(path.join(tmpdir(), 'klint-differential-'));
    const inputs = [...Object.entries(TRICKY_INPUTS),
      ...FUZZ_INPUTS.map((text, i) => [`fuzz-${String(i).padStart(3, '0')}`, text] as const)];
    for (const [name, text] of inputs) {
      const file = path.join(generatedDir, `${name}.properties`);
      writeFileSync(file, Buffer.from(text, 'latin1'));
      generated.set(file, text);
    }
    java = readWithJava([...fixtures, ...corpus, ...generated.keys()]);
    console.info(`parser-differential: comparing ${fixtures.length} fixtures, ${corpus.length} corpus files, `
      + `${generated.size} generated inputs with ${javaVersion.stderr.split('\n')[0]}`);
  });

  afterAll(() => {
    if (generatedDir) rmSync(generatedDir, { recursive: true, force: true });
  });

  it('reads every fixture to the same entries as the JDK', () => {
    expect(fixtures.flatMap((file) => compareWithJava(file, path.relative(repoRoot, file), java.get(file))))
      .toEqual([]);
  });

  it.skipIf(corpus.length === 0)('reads every corpus file to the same entries as the JDK', () => {
    expect(corpus.flatMap((file) => compareWithJava(file, path.relative(corpusDir, file), java.get(file))))
      .toEqual([]);
  });

  it('reads every tricky and random input to the same entries as the JDK', () => {
    const mismatches = [...generated].flatMap(([file, text]) =>
      compareWithJava(file, `${path.basename(file)} ${JSON.stringify(text)}`, java.get(file)));
    expect(mismatches).toEqual([]);
  });
});
