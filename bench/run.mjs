// Times klint's start-up against Node's own and its throughput on many files.
//
//   npm run bench                 one file vs `node -e 0` (15 interleaved runs each) and 1,000 files
//                                 (bin/klint.js runs the bundle dist/cli.cjs with its V8 code cache)
//   node bench/run.mjs --runs 30 --files 2000 --check
//
// --check exits 1 when one file takes more than TARGET_RATIO × `node -e 0`. Run `npm run build`
// first: this times bin/klint.js as users run it, bundle included.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const TARGET_RATIO = 1.3;
const root = fileURLToPath(new URL('..', import.meta.url));
const cli = path.join(root, 'bin/klint.js');
const examplesDir = path.join(root, 'fixtures/examples');
const oneFile = path.join(examplesDir, 'kraft-broker.properties');

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '15' },
    files: { type: 'string', default: '1000' },
    check: { type: 'boolean', default: false },
  },
});
const runs = Math.max(10, Number(args.runs));
const fileCount = Number(args.files);

if (!existsSync(path.join(root, 'dist/cli.cjs'))) {
  console.error('bench: no dist/ build; run `npm run build` first');
  process.exit(2);
}

/** Wall-clock milliseconds of one process, output captured as a pipe like CI and editors do. */
function timeProcess(argv) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, argv, { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`node ${argv.slice(0, 3).join(' ')} … exited ${result.status}: ${result.stderr}`);
  }
  return ms;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Alternates the commands run by run so that load on the machine hits them alike. */
function interleaved(commands, count) {
  const times = commands.map(() => []);
  for (const argv of commands) timeProcess(argv); // warm the file cache
  for (let i = 0; i < count; i++) commands.forEach((argv, j) => times[j].push(timeProcess(argv)));
  return times.map(median);
}

/** A deterministic PRNG (mulberry32) so every run lints the same 1,000 files. */
function random(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Variations of the shipped examples, as a fleet's configs differ: ids, hosts, ports, paths and
 * sizes change, some optional lines are dropped, some comments added.
 */
function generateConfigs(dir, count) {
  const examples = readdirSync(examplesDir).filter((f) => f.endsWith('.properties')).sort()
    .map((f) => readFileSync(path.join(examplesDir, f), 'latin1').split('\n'));
  const next = random(20261123);
  const pick = (n) => Math.floor(next() * n);
  const files = [];
  for (let i = 0; i < count; i++) {
    const lines = examples[i % examples.length].flatMap((line) => {
      if (/^(num\.partitions|log\.retention\.hours|auto\.create\.topics\.enable)=/.test(line) && next() < 0.3) return [];
      const varied = line
        .replace(/^(broker\.id|node\.id)=\d+/, `$1=${i + 1}`)
        .replace(/:9092\b/g, `:${9092 + pick(8)}`)
        .replace(/kafka(\d+)\.example\.com/g, `kafka${i + 1}.example.com`)
        .replace(/^(log\.dirs)=(.*)$/, `$1=$2-${pick(4)}`)
        .replace(/^(num\.partitions)=\d+/, `$1=${1 + pick(12)}`);
      return next() < 0.1 ? [`# host ${i + 1}, rack ${pick(3)}`, varied] : [varied];
    });
    const file = path.join(dir, `server-${String(i + 1).padStart(4, '0')}.properties`);
    writeFileSync(file, lines.join(next() < 0.2 ? '\r\n' : '\n'), 'latin1');
    files.push(file);
  }
  return files;
}

const [nodeMs, klintMs, versionMs] = interleaved([['-e', '0'], [cli, oneFile], [cli, '--version']], runs);
const ratio = klintMs / nodeMs;

const dir = mkdtempSync(path.join(tmpdir(), 'klint-bench-'));
let manyMs;
try {
  const files = generateConfigs(dir, fileCount);
  [manyMs] = interleaved([[cli, ...files]], 3);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const rows = [
  ['case', 'runs', 'median', 'vs node -e 0'],
  ['node -e 0', String(runs), `${nodeMs.toFixed(1)} ms`, '1.00×'],
  [`klint ${path.relative(root, oneFile)}`, String(runs), `${klintMs.toFixed(1)} ms`, `${ratio.toFixed(2)}× (target ≤ ${TARGET_RATIO}×)`],
  ['klint --version (loading only)', String(runs), `${versionMs.toFixed(1)} ms`, `${(versionMs / nodeMs).toFixed(2)}×`],
  [`klint ${fileCount} generated configs, one process`, '3', `${manyMs.toFixed(0)} ms`,
    `${((manyMs - nodeMs) / fileCount).toFixed(2)} ms per file above node -e 0`],
];
const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
for (const row of rows) console.log(row.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd());
console.log(`node ${process.version}, ${process.platform}/${process.arch}`);

if (args.check && ratio > TARGET_RATIO) {
  console.error(`bench: one file takes ${ratio.toFixed(2)}× node -e 0, over the ${TARGET_RATIO}× target`);
  process.exitCode = 1;
}
