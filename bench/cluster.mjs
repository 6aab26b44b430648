// Times the cluster view: klint on one broker file, then on a directory of 1,000 and of 10,000
// generated broker and controller configs spread over 100 clusters (half ZooKeeper mode, half
// KRaft), each run as users run it (`klint <dir>`: directory walk, per-file rules, grouping,
// cross-file rules). Reports the median wall time, the ratio to one file, the time per file
// and each run's peak resident memory (maxRSS of the klint process). Beside each size, the
// floor: a bare Node process that only walks the directory and reads every file, which is the
// part of any run no linter can avoid. Then, in this process
// through the API, what the cluster stage costs: lintFiles (per-file rules, then grouping and
// cross-file rules) against lintText on every file (per-file rules only).
//
//   node bench/cluster.mjs                     1 / 1,000 / 10,000 files, 3 runs each
//   node bench/cluster.mjs --runs 5 --sizes 1000,5000
//   node bench/cluster.mjs --check             exit 1 when 1,000 files take over 2x one file,
//                                              or 10,000 files over 12x the time of 1,000
//
// Configs are generated into a temporary directory (removed afterwards), never into the
// repository. Run `npm run build` first: this times bin/klint.js and its bundle.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const CLUSTERS = 100;
const TARGET_1000_VS_1 = 2;
const TARGET_10000_VS_1000 = 12; // linear would be 10×; some headroom for noise
const root = fileURLToPath(new URL('..', import.meta.url));
const cli = path.join(root, 'bin/klint.js');

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    sizes: { type: 'string', default: '1000,10000' },
    check: { type: 'boolean', default: false },
  },
});
const runs = Math.max(1, Number(args.runs));
const sizes = args.sizes.split(',').map(Number);

if (!existsSync(cli) || !existsSync(path.join(root, 'dist'))) {
  console.error('bench: no dist/ build; run `npm run build` first');
  process.exit(2);
}

/** One node of cluster `c`: ZooKeeper brokers for even clusters; KRaft (3 controllers, then brokers) for odd ones. */
function nodeConfig(c, n) {
  const common = [
    `log.dirs=/var/lib/kafka/data`,
    'num.network.threads=8',
    'num.io.threads=16',
    'socket.send.buffer.bytes=102400',
    'socket.receive.buffer.bytes=102400',
    'socket.request.max.bytes=104857600',
    'num.partitions=6',
    'default.replication.factor=3',
    'min.insync.replicas=2',
    'offsets.topic.replication.factor=3',
    'transaction.state.log.replication.factor=3',
    'transaction.state.log.min.isr=2',
    'log.retention.hours=168',
    'log.segment.bytes=1073741824',
    'log.retention.check.interval.ms=300000',
    'unclean.leader.election.enable=false',
    'auto.create.topics.enable=false',
  ];
  const host = `kafka-${c}-${n}.example.com`;
  if (c % 2 === 0) {
    return [
      `broker.id=${n}`,
      `listeners=PLAINTEXT://${host}:9092`,
      `zookeeper.connect=zk-${c}-1.example.com:2181,zk-${c}-2.example.com:2181,zk-${c}-3.example.com:2181/kafka`,
      'zookeeper.connection.timeout.ms=18000',
      ...common,
    ];
  }
  const voters = [1, 2, 3].map((i) => `${i}@controller-${c}-${i}.example.com:9093`).join(',');
  const kraft = ['controller.listener.names=CONTROLLER', 'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT', `controller.quorum.voters=${voters}`];
  if (n <= 3) {
    return ['process.roles=controller', `node.id=${n}`, `listeners=CONTROLLER://controller-${c}-${n}.example.com:9093`, ...kraft,
      'log.dirs=/var/lib/kafka/metadata'];
  }
  return ['process.roles=broker', `node.id=${n}`, `listeners=PLAINTEXT://${host}:9092`, ...kraft, ...common];
}

/** `count` files over CLUSTERS clusters, one directory per cluster. */
function generate(dir, count) {
  for (let i = 0; i < count; i++) {
    const c = i % CLUSTERS;
    const n = Math.floor(i / CLUSTERS) + 1;
    const clusterDir = path.join(dir, `cluster-${String(c).padStart(3, '0')}`);
    if (n === 1) mkdirSync(clusterDir, { recursive: true });
    writeFileSync(path.join(clusterDir, `node-${String(n).padStart(5, '0')}.properties`), nodeConfig(c, n).join('\n') + '\n');
  }
}

/** Wall time and peak RSS of one klint run; the child reports its own maxRSS through a preloaded hook. */
function runOnce(target, hook) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--import', hook, cli, '--no-config', '--format', 'json', target],
    { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 && result.status !== 1) throw new Error(`klint exited ${result.status}: ${result.stderr}`);
  const rss = Number(/klint-bench-maxrss=(\d+)/.exec(result.stderr.toString())?.[1] ?? NaN);
  const report = JSON.parse(result.stdout.toString());
  return { ms, rssMiB: rss / 1024, files: report.summary.files, clusters: report.clusters?.length ?? 0 };
}

// The floor: start Node, walk the directory, read each file as Kafka would (ISO-8859-1).
const FLOOR_SCRIPT = `const fs = require('fs'), path = require('path'); const target = process.argv[1];
const files = fs.statSync(target).isDirectory()
  ? fs.readdirSync(target, { recursive: true }).filter((f) => f.endsWith('.properties')).map((f) => path.join(target, f))
  : [target];
for (const file of files) fs.readFileSync(file, 'latin1');
process.stdout.write(String(files.length));`;

function floorOnce(target) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['-e', FLOOR_SCRIPT, target], { stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) throw new Error(`floor run exited ${result.status}: ${result.stderr}`);
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, files: Number(result.stdout.toString()) };
}

function timed(action) {
  const start = process.hrtime.bigint();
  action();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const work = mkdtempSync(path.join(tmpdir(), 'klint-cluster-bench-'));
try {
  const hook = path.join(work, 'maxrss.mjs');
  writeFileSync(hook, "process.on('exit', () => process.stderr.write(`\\nklint-bench-maxrss=${process.resourceUsage().maxRSS}\\n`));\n");
  const targets = [{ label: '1 file', target: path.join(work, 'one', 'cluster-000', 'node-00001.properties'), size: 1 }];
  generate(path.join(work, 'one'), 1);
  for (const size of sizes) {
    const dir = path.join(work, `n${size}`);
    generate(dir, size);
    targets.push({ label: `${size.toLocaleString('en')} files`, target: dir, size });
  }
  console.log(`node ${process.version}, ${runs} run(s) each, ${CLUSTERS} clusters`);
  // Rounds interleave the sizes: on a machine whose speed drifts (a shared VM), running every
  // size in turn keeps the drift out of the ratios.
  const samplesOf = targets.map(() => []);
  const floorsOf = targets.map(() => []);
  for (let round = 0; round < runs; round++) {
    targets.forEach(({ target }, i) => {
      samplesOf[i].push(runOnce(target, hook));
      floorsOf[i].push(floorOnce(target));
    });
  }
  const results = [];
  for (const [i, { label, size }] of targets.entries()) {
    const samples = samplesOf[i];
    const ms = median(samples.map((s) => s.ms));
    const floorMs = median(floorsOf[i].map((s) => s.ms));
    const rssMiB = Math.max(...samples.map((s) => s.rssMiB));
    const { files, clusters } = samples[0];
    if (files !== size || floorsOf[i][0].files !== size) throw new Error(`${label}: klint linted ${files} files, the floor read ${floorsOf[i][0].files}`);
    results.push({ label, size, ms, floorMs, rssMiB, clusters });
  }
  const { lintFiles, lintText } = await import(path.join(root, 'dist/index.js'));
  const stage = [];
  for (const { size, target } of targets.slice(1)) {
    const paths = readdirSync(target, { recursive: true }).filter((f) => f.endsWith('.properties')).sort().map((f) => path.join(target, f));
    lintFiles(paths); // warm-up, so that neither side pays for the JIT
    const perFile = median(Array.from({ length: runs }, () => timed(() => paths.forEach((p) => lintText(readFileSync(p), { file: p })))));
    const together = median(Array.from({ length: runs }, () => timed(() => lintFiles(paths))));
    stage.push({ size, perFile, together });
  }
  const base = results[0].ms;
  for (const r of results) {
    console.log(`${r.label.padEnd(13)} ${r.ms.toFixed(0).padStart(7)} ms  ${(r.ms / base).toFixed(2).padStart(6)}× one file  `
      + `${(r.ms / r.size).toFixed(3).padStart(8)} ms/file  peak RSS ${r.rssMiB.toFixed(0).padStart(5)} MiB  ${r.clusters} cluster(s)  `
      + `floor ${r.floorMs.toFixed(0)} ms`);
  }
  // What the 2× target leaves klint for its own work on 1,000 files, once Node has started and
  // read them: the target minus the floor, per file, against what klint spends beyond the floor.
  const thousand = results.find((r) => r.size === 1000);
  if (thousand) {
    const budget = TARGET_1000_VS_1 * base - thousand.floorMs;
    const perFile = (ms) => `${(ms / thousand.size * 1000).toFixed(0)} µs/file`;
    console.log(`1,000 files: the ${TARGET_1000_VS_1}× target leaves ${budget.toFixed(0)} ms (${perFile(budget)}) beyond the floor; `
      + `klint spends ${(thousand.ms - thousand.floorMs).toFixed(0)} ms (${perFile(thousand.ms - thousand.floorMs)})`);
  }
  for (const { size, perFile, together } of stage) {
    console.log(`in-process, ${size.toLocaleString('en')} files: per-file rules ${perFile.toFixed(0)} ms, with grouping and cross-file rules `
      + `${together.toFixed(0)} ms (cluster stage ≈ ${Math.max(0, together - perFile).toFixed(0)} ms, ${(Math.max(0, together - perFile) / size * 1000).toFixed(0)} µs/file)`);
  }
  if (args.check) {
    const at = (size) => results.find((r) => r.size === size);
    const failures = [];
    if (at(1000) && at(1000).ms > TARGET_1000_VS_1 * base) failures.push(`1,000 files took ${(at(1000).ms / base).toFixed(2)}× one file (target ≤ ${TARGET_1000_VS_1}×)`);
    if (at(1000) && at(10000) && at(10000).ms > TARGET_10000_VS_1000 * at(1000).ms) {
      failures.push(`10,000 files took ${(at(10000).ms / at(1000).ms).toFixed(2)}× 1,000 files (target ≤ ${TARGET_10000_VS_1000}×)`);
    }
    for (const failure of failures) console.error(`bench: ${failure}`);
    process.exitCode = failures.length > 0 ? 1 : 0;
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
