import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, knownVersions, lintFiles, lintText } from '../src/index.js';
import { refusalOf } from '../src/input.js';
import { repoRoot } from './support/fixtures.js';

/*
 * The shared corpus (../shared/corpus, beside the repository): Kafka's own example configs must
 * lint without an error under their own release, and the configs people actually write must
 * never crash klint, whatever version they are read as.
 */

const corpusDir = path.resolve(repoRoot, '../shared/corpus');
const hasCorpus = existsSync(corpusDir);
if (!hasCorpus) console.warn(`corpus: skipped, no corpus at ${corpusDir}`);

/** The Kafka release each kafka-shipped/<dir> comes from; trunk of October 2024 became 4.0. */
const SHIPPED_VERSIONS: Record<string, string> = {
  '2.8.0': '2.8', '3.0.0': '3.0', '3.3.0': '3.3', '3.5.0': '3.5', '3.6.0': '3.6', '3.7.0': '3.7', '3.8.0': '3.8',
  '3.9': '3.9', '4.0': '4.0', '4.1': '4.1', 'trunk-2024-10': '4.0',
};

/**
 * Trunk of October 2024 still shipped the ZooKeeper example config; ZooKeeper left trunk before
 * 4.0 was released, and 4.0 refuses that file (process-roles-missing, rightly). It is read as
 * 3.9, the last release that runs it.
 */
const SHIPPED_EXCEPTIONS: Record<string, string> = { 'trunk-2024-10/config__server.properties': '3.9' };

const filesIn = (dir: string) => (existsSync(dir) ? readdirSync(dir).sort().map((name) => path.join(dir, name)) : []);
const shippedDir = path.join(corpusDir, 'kafka-shipped');
const written = [...filesIn(path.join(corpusDir, 'real-world')), ...filesIn(path.join(corpusDir, 'templated'))];
const relative = (file: string) => path.relative(corpusDir, file);

describe.skipIf(!hasCorpus)('Kafka\'s shipped configs', () => {
  it('names a Kafka version for every folder of kafka-shipped/', () => {
    expect(readdirSync(shippedDir).filter((dir) => !(dir in SHIPPED_VERSIONS))).toEqual([]);
  });

  for (const [dir, version] of Object.entries(SHIPPED_VERSIONS)) {
    for (const file of filesIn(path.join(shippedDir, dir))) {
      const kafkaVersion = SHIPPED_EXCEPTIONS[`${dir}/${path.basename(file)}`] ?? version;
      it(`${relative(file)} has no error as Kafka ${kafkaVersion}`, () => {
        const report = lintFiles([file], { kafkaVersion });
        expect(report.inputProblems).toEqual([]);
        const errors = report.files.flatMap((f) => f.findings).filter((f) => f.severity === 'error')
          .map((f) => `${f.line}:${f.column} ${f.ruleId}: ${f.message}`);
        expect(errors, 'error findings (a rule that fires on a config Kafka ships is a defect)').toEqual([]);
      });
    }

    // `klint config/` on a Kafka download: the files are alternatives (combined node or split
    // controller and broker, KRaft or ZooKeeper), and no cross-file rule may take them for nodes
    // of one cluster. The files are laid out again as the release holds them (config__kraft__x → config/kraft/x).
    it(`kafka-shipped/${dir} linted together as Kafka's config/ directory has no error as Kafka ${version}`, () => {
      const tree = mkdtempSync(path.join(tmpdir(), 'klint-shipped-'));
      try {
        const paths = filesIn(path.join(shippedDir, dir)).filter((file) => !(`${dir}/${path.basename(file)}` in SHIPPED_EXCEPTIONS))
          .map((file) => {
            const target = path.join(tree, ...path.basename(file).split('__'));
            mkdirSync(path.dirname(target), { recursive: true });
            copyFileSync(file, target);
            return target;
          });
        const report = lintFiles(paths, { kafkaVersion: version });
        const errors = report.files.flatMap((f) => f.findings.filter((x) => x.severity === 'error')
          .map((x) => `${path.relative(tree, f.file)}:${x.line} ${x.ruleId}: ${x.message}`));
        expect(errors).toEqual([]);
      } finally {
        rmSync(tree, { recursive: true, force: true });
      }
    });
  }
});

describe.skipIf(!hasCorpus)('configs people write (real-world/, templated/)', () => {
  it('holds files to lint', () => {
    expect(written.length).toBeGreaterThan(100);
  });

  it('lints every file under every known Kafka version without throwing anything but InputError', () => {
    const crashes: string[] = [];
    for (const file of written) {
      const bytes = readFileSync(file);
      for (const kafkaVersion of [undefined, ...knownVersions()]) {
        try {
          const report = lintText(bytes, { file: relative(file), ...(kafkaVersion ? { kafkaVersion } : {}) });
          for (const f of report.findings) {
            if (f.line < 1 || f.column < 1) crashes.push(`${relative(file)} (${kafkaVersion}): ${f.ruleId} at ${f.line}:${f.column}`);
          }
        } catch (error) {
          if (!(error instanceof InputError)) crashes.push(`${relative(file)} (${kafkaVersion ?? 'default'}): ${String(error)}`);
        }
      }
    }
    expect(crashes).toEqual([]);
  }, 120_000);

  it('lints all of them together through the CLI with exit 0 or 1 (2 only for files it refuses)', () => {
    const refused = written.filter((file) => refusalOf(relative(file), readFileSync(file)));
    const run = spawnSync(process.execPath, [path.join(repoRoot, 'bin/klint.js'), ...written.map(relative)],
      { cwd: corpusDir, encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(run.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(refused.length);
    expect(refused.length > 0 ? [2] : [0, 1]).toContain(run.status);
    expect(run.stdout).toMatch(new RegExp(`in ${written.length - refused.length} files\\n$`));
  }, 60_000);
});
