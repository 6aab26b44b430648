import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lintFiles, type Finding, type Report } from '../src/index.js';
import { expandInputs } from '../src/input-expand.js';
import { repoRoot } from './support/fixtures.js';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'klint-cluster-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function write(name: string, lines: string[]): string {
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const ZK = 'zk1.example.com:2181,zk2.example.com:2181,zk3.example.com:2181';
const VOTERS = '1@c1.example.com:9093,2@c2.example.com:9093,3@c3.example.com:9093';

/** A broker on a host named after its file, so that no two files look like variants of one node. */
const zkBroker = (name: string, id: number, connect: string, extra: string[] = []) =>
  write(name, [`broker.id=${id}`, `listeners=PLAINTEXT://${name.replace(/\W/g, '-')}.example.com:9092`, `zookeeper.connect=${connect}`, ...extra]);

const kraftBroker = (name: string, id: number, quorum: string) =>
  write(name, ['process.roles=broker', `node.id=${id}`, quorum, 'controller.listener.names=CONTROLLER',
    `listeners=PLAINTEXT://kafka${id}.example.com:9092`]);

const clusterFiles = (report: Report) => (report.clusters ?? []).map((c) => c.files.map((f) => path.relative(dir, f)).sort());
const ofRule = (report: Report, id: string): Finding[] => report.files.flatMap((f) => f.findings).filter((f) => f.ruleId === id);

describe('grouping files into clusters', () => {
  it('puts ZooKeeper-mode brokers with one ensemble and chroot together, whatever the host order', () => {
    const a = zkBroker('a.properties', 1, `${ZK}/kafka`);
    const b = zkBroker('b.properties', 2, 'zk3.example.com,ZK2.example.com:2181,zk1.example.com/kafka');
    const c = zkBroker('c.properties', 3, `${ZK}/other`);
    const report = lintFiles([a, b, c], { kafkaVersion: '3.9' });
    expect(clusterFiles(report)).toEqual([['a.properties', 'b.properties'], ['c.properties']]);
    expect(report.clusters?.[0]?.reason).toContain(`zookeeper.connect=${ZK}/kafka`);
  });

  it('joins KRaft nodes through shared voters, bootstrap servers and a controller\'s advertised listener', () => {
    const b1 = kraftBroker('b1.properties', 11, `controller.quorum.voters=${VOTERS}`);
    const b2 = kraftBroker('b2.properties', 12, 'controller.quorum.bootstrap.servers=c2.example.com:9093');
    const c4 = write('c4.properties', ['process.roles=controller', 'node.id=4', 'controller.listener.names=CONTROLLER',
      'controller.quorum.bootstrap.servers=c9.example.com:9093', 'listeners=CONTROLLER://c4.example.com:9093']);
    const b3 = kraftBroker('b3.properties', 13, 'controller.quorum.bootstrap.servers=c4.example.com:9093');
    const report = lintFiles([b1, b2, c4, b3], { kafkaVersion: '3.9' });
    expect(clusterFiles(report)).toEqual([['b1.properties', 'b2.properties'], ['b3.properties', 'c4.properties']]);
  });

  it('joins files through a loopback address only within one directory', () => {
    const a1 = zkBroker('demo-a/one.properties', 1, 'localhost:2181');
    const a2 = zkBroker('demo-a/two.properties', 2, 'localhost:2181');
    const b1 = zkBroker('demo-b/one.properties', 1, 'localhost:2181');
    const report = lintFiles([a1, a2, b1], { kafkaVersion: '3.9' });
    expect(clusterFiles(report)).toEqual([['demo-a/one.properties', 'demo-a/two.properties'], ['demo-b/one.properties']]);
    expect(ofRule(report, 'duplicate-node-id')).toEqual([]);
  });

  it('reads every loopback name as one local server, and a host however it is written (case, trailing dot, IPv6 form)', () => {
    const local1 = zkBroker('demo/one.properties', 1, 'localhost:2181');
    const local2 = zkBroker('demo/two.properties', 2, '127.0.0.1:2181');
    const dns1 = zkBroker('dns/one.properties', 1, 'zk1.example.com:2181,zk2.example.com:2181/kafka');
    const dns2 = zkBroker('dns/two.properties', 2, 'ZK2.example.com./kafka');
    const v6a = zkBroker('v6/one.properties', 1, '[2001:db8::10]:2181,[2001:db8::11]:2181/kafka');
    const v6b = zkBroker('v6/two.properties', 2, '[2001:DB8:0:0:0:0:0:10]/kafka');
    const report = lintFiles([local1, local2, dns1, dns2, v6a, v6b], { kafkaVersion: '3.9' });
    expect(clusterFiles(report)).toEqual([['demo/one.properties', 'demo/two.properties'],
      ['dns/one.properties', 'dns/two.properties'], ['v6/one.properties', 'v6/two.properties']]);
  });

  it('does not join clusters through a wildcard address, which names no machine', () => {
    const files = ['a', 'b'].flatMap((x) => {
      const quorum = `controller.quorum.voters=1@ctl-${x}.example.com:9093`;
      return [
        write(`${x}/controller.properties`, ['process.roles=controller', 'node.id=1', quorum, 'listeners=CONTROLLER://0.0.0.0:9093',
          'controller.listener.names=CONTROLLER', 'log.dirs=/var/lib/kafka']),
        write(`${x}/broker.properties`, ['process.roles=broker', 'node.id=2', quorum, 'listeners=PLAINTEXT://0.0.0.0:9092',
          `advertised.listeners=PLAINTEXT://broker-${x}.example.com:9092`, 'controller.listener.names=CONTROLLER', 'log.dirs=/var/lib/kafka']),
      ];
    });
    const report = lintFiles(files, { kafkaVersion: '3.9' });
    expect(clusterFiles(report)).toEqual([['a/broker.properties', 'a/controller.properties'], ['b/broker.properties', 'b/controller.properties']]);
    expect(ofRule(report, 'duplicate-node-id')).toEqual([]);
  });

  it('joins a migrating controller to its ZooKeeper brokers when no version is given (both are read as 3.9)', () => {
    const brokers = [1, 2, 3].map((id) => zkBroker(`b${id}.properties`, id, `${ZK}/kafka`));
    const controller = write('controller.properties', ['process.roles=controller', 'node.id=3', 'controller.quorum.voters=3@c1.example.com:9093',
      'controller.listener.names=CONTROLLER', 'listeners=CONTROLLER://c1.example.com:9093', 'zookeeper.metadata.migration.enable=true',
      `zookeeper.connect=${ZK}/kafka`, 'log.dirs=/var/lib/kraft']);
    const report = lintFiles([...brokers, controller]);
    expect(report.files.map((f) => f.kafkaVersion)).toEqual(['3.9', '3.9', '3.9', '3.9']);
    expect(clusterFiles(report)).toEqual([['b1.properties', 'b2.properties', 'b3.properties', 'controller.properties']]);
    // Brokers and controllers share one id space during the migration.
    expect(ofRule(report, 'duplicate-node-id').map((f) => path.basename(f.file))).toEqual(['b3.properties', 'controller.properties']);
  });

  it('reports quorum findings of a migration whatever the file order: on a controller, and on a migrating broker listing other voters', () => {
    const voters = '3000@c1.example.com:9093,3001@c2.example.com:9093';
    const migrating = (id: number, list: string) => [`broker.id=${id}`, `zookeeper.connect=${ZK}/kafka`,
      `listeners=PLAINTEXT://b${id}.example.com:9092`, 'zookeeper.metadata.migration.enable=true', `controller.quorum.voters=${list}`,
      'controller.listener.names=CONTROLLER', 'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT', 'log.dirs=/var/lib/kafka'];
    // `a…` names put the ZooKeeper brokers before the controllers, which the KRaft rules do not apply to.
    const files = [
      write('a1.properties', migrating(1, voters)),
      write('a2.properties', migrating(2, voters)),
      write('a3.properties', migrating(3, '3000@c1.example.com:9093,3001@c9.example.com:9093')),
      ...[3000, 3001].map((id, i) => write(`controller${i + 1}.properties`, ['process.roles=controller', `node.id=${id}`,
        `controller.quorum.voters=${voters}`, 'controller.listener.names=CONTROLLER', `listeners=CONTROLLER://c${i + 1}.example.com:9093`,
        'zookeeper.metadata.migration.enable=true', `zookeeper.connect=${ZK}/kafka`, 'log.dirs=/var/lib/kraft'])),
    ];
    const report = lintFiles(files, { kafkaVersion: '3.9' });
    expect(ofRule(report, 'controller-count-even').map((f) => path.basename(f.file))).toEqual(['controller1.properties']);
    expect(ofRule(report, 'quorum-voters-differ').map((f) => path.basename(f.file))).toEqual(['a3.properties']);
  });

  it('takes a node\'s files before and during the migration for one node, even on host-less listeners, but not two copies of one', () => {
    const controller = (name: string, extra: string[]) => write(name, ['process.roles=controller', 'node.id=3000',
      'controller.quorum.bootstrap.servers=kafka1.example.com:9093', 'controller.listener.names=CONTROLLER', 'listeners=CONTROLLER://:9093',
      'log.dirs=/var/lib/kraft', ...extra]);
    const before = controller('pair/controller.properties', []);
    const during = controller('pair/controller_in_migration.properties', ['zookeeper.metadata.migration.enable=true', `zookeeper.connect=${ZK}/kafka`]);
    expect(ofRule(lintFiles([before, during], { kafkaVersion: '3.9' }), 'duplicate-node-id')).toEqual([]);
    const copy = controller('pair/controller-copy.properties', []);
    expect(ofRule(lintFiles([before, during, copy], { kafkaVersion: '3.9' }), 'duplicate-node-id').map((f) => path.basename(f.file)))
      .toEqual(['controller.properties', 'controller-copy.properties']);
  });

  it('takes a broker\'s files before, during and after the migration for one node, and two brokers with other hosts for two', () => {
    const quorum = ['controller.quorum.bootstrap.servers=c1.example.com:9093', 'controller.listener.names=CONTROLLER'];
    const before = write('phases/server.properties', ['broker.id=0', `zookeeper.connect=${ZK}/kafka`]);
    const during = write('phases/broker_in_migration.properties', ['broker.id=0', `zookeeper.connect=${ZK}/kafka`, ...quorum,
      'listeners=PLAINTEXT://:9092', 'advertised.listeners=PLAINTEXT://kafka0.example.com:9092', 'zookeeper.metadata.migration.enable=true']);
    const after = write('phases/broker.properties', ['process.roles=broker', 'node.id=0', ...quorum,
      'listeners=PLAINTEXT://:9092', 'advertised.listeners=PLAINTEXT://kafka0.example.com:9092']);
    const report = lintFiles([after, during, before], { kafkaVersion: '3.9' });
    expect(clusterFiles(report)).toEqual([['phases/broker.properties', 'phases/broker_in_migration.properties', 'phases/server.properties']]);
    expect(ofRule(report, 'duplicate-node-id')).toEqual([]);
    const other = write('phases/other.properties', ['process.roles=broker', 'node.id=0', ...quorum, 'advertised.listeners=PLAINTEXT://kafka9.example.com:9092']);
    expect(ofRule(lintFiles([after, during, other], { kafkaVersion: '3.9' }), 'duplicate-node-id').map((f) => path.basename(f.file)))
      .toEqual(['broker.properties', 'other.properties']);
  });

  it('joins files through a host name without a domain only within one directory, as a docker-compose service name', () => {
    const a1 = zkBroker('demo-a/one.properties', 1, 'zookeeper:2181');
    const a2 = zkBroker('demo-a/two.properties', 2, 'zookeeper:2181');
    const b1 = zkBroker('demo-b/one.properties', 1, 'zookeeper:2181');
    const c1 = zkBroker('dc/b1/server.properties', 1, '10.0.0.110:2181');
    const c2 = zkBroker('dc/b3/server.properties', 1, '10.0.0.110:2181');
    const report = lintFiles([a1, a2, b1, c1, c2], { kafkaVersion: '3.9' });
    expect(clusterFiles(report)).toEqual([['demo-a/one.properties', 'demo-a/two.properties'], ['demo-b/one.properties'],
      ['dc/b1/server.properties', 'dc/b3/server.properties']]);
    expect(ofRule(report, 'duplicate-node-id').map((f) => path.relative(dir, f.file))).toEqual(['dc/b1/server.properties', 'dc/b3/server.properties']);
  });

  it('reads a wildcard host in a connect string as the local machine, and a trailing dot on localhost as localhost', () => {
    const wild = [1, 2].map((id) => zkBroker(`wild/b${id}.properties`, 1, '0.0.0.0:2181/kafka'));
    const dotted = [1, 2].map((id) => zkBroker(`demo${id}/server.properties`, id, 'localhost.:2181/kafka'));
    const report = lintFiles([...wild, ...dotted], { kafkaVersion: '3.9' });
    expect(clusterFiles(report)).toEqual([['wild/b1.properties', 'wild/b2.properties'], ['demo1/server.properties'], ['demo2/server.properties']]);
    expect(ofRule(report, 'duplicate-node-id')).toHaveLength(2);
  });

  it('reads an unset inter.broker.listener.name as the listener security.inter.broker.protocol names, as Kafka does', () => {
    const files = [1, 2, 3].map((id) => zkBroker(`b${id}.properties`, id, `${ZK}/kafka`, id === 3 ? ['inter.broker.listener.name=plaintext'] : []));
    expect(ofRule(lintFiles(files, { kafkaVersion: '3.9' }), 'cluster-setting-differs')).toEqual([]);
  });

  it('treats every file as one cluster with cluster: true (--cluster)', () => {
    const a = zkBroker('x/a.properties', 1, `${ZK}/a`);
    const b = zkBroker('y/b.properties', 1, `${ZK}/b`);
    const report = lintFiles([a, b], { kafkaVersion: '3.9', cluster: true });
    expect(clusterFiles(report)).toEqual([['x/a.properties', 'y/b.properties']]);
    expect(report.clusters?.[0]?.reason).toBe('declared one cluster with --cluster');
    expect(ofRule(report, 'duplicate-node-id')).toHaveLength(2);
    expect(ofRule(report, 'zookeeper-connect-differs')).toHaveLength(2);
  });
});

describe('cross-file findings', () => {
  it('names every other file and line involved in related entries', () => {
    const files = [1, 2, 1].map((id, i) => zkBroker(`b${i}.properties`, id, `${ZK}/kafka`));
    const report = lintFiles(files, { kafkaVersion: '3.9' });
    const duplicates = ofRule(report, 'duplicate-node-id');
    expect(duplicates.map((f) => [path.basename(f.file), f.line, f.related?.map((r) => [path.basename(r.file), r.line])])).toEqual([
      ['b0.properties', 1, [['b2.properties', 1]]],
      ['b2.properties', 1, [['b0.properties', 1]]],
    ]);
    expect(duplicates[0]?.message).toContain('b2.properties:1');
  });

  it('keeps each finding small when many files share one mistake: three files named, ten related, the rest counted', () => {
    const broker = (name: string, id: number, host: string, voters: string, hours: number) => write(name, ['process.roles=broker',
      `node.id=${id}`, `controller.quorum.voters=${voters}`, 'controller.quorum.bootstrap.servers=c1.example.com:9093',
      'controller.listener.names=CONTROLLER', `listeners=PLAINTEXT://${host}:9092`, 'log.dirs=/data/kafka', `log.retention.hours=${hours}`]);
    const count = 300;
    // One load-balancer name advertised by every broker, two voter sets half and half, a retention per file.
    const shared = Array.from({ length: count }, (_, i) => broker(`lb/b${i}.properties`, i, 'kafka.example.com', i < count / 2 ? VOTERS : '9@c9.example.com:9093', i));
    // Two ids between all of them, each broker on its own host.
    const reused = Array.from({ length: count }, (_, i) => broker(`ids/b${i}.properties`, i % 2, `kafka${i}.example.com`, VOTERS, 168));
    const expectations = [
      [shared, 'advertised-endpoint-shared', `and ${count - 1 - 3} more`, 10],
      // The three other values shown, one file each.
      [shared, 'cluster-setting-differs', `and ${count - 1 - 3} other values`, 3],
      [shared, 'quorum-voters-differ', `and ${count / 2 - 3} more`, 10],
      [reused, 'duplicate-node-id', `and ${count / 2 - 1 - 3} more`, 10],
    ] as const;
    for (const [files, id, rest, related] of expectations) {
      const findings = ofRule(lintFiles(files, { kafkaVersion: '4.0' }), id);
      expect(findings.length, id).toBe(count);
      for (const finding of findings) {
        expect(finding.message, id).toContain(rest);
        expect(finding.related?.length, id).toBe(related);
      }
    }
  });

  it('uses the declared broker count (--brokers) for a single template, and stays silent without it', () => {
    const template = zkBroker('server.properties', 0, `${ZK}/kafka`, ['default.replication.factor=3']);
    expect(ofRule(lintFiles([template], { kafkaVersion: '3.9' }), 'replication-factor-above-broker-count')).toEqual([]);
    const declared = lintFiles([template], { kafkaVersion: '3.9', brokers: 2 });
    expect(ofRule(declared, 'replication-factor-above-broker-count').map((f) => f.key).sort())
      .toEqual(['default.replication.factor', 'offsets.topic.replication.factor', 'transaction.state.log.replication.factor']);
    expect(declared.clusters?.[0]).toMatchObject({ brokers: 2, brokersDeclared: true });
  });

  it('takes one broker file beside the controllers\' files for a template too, and counts two broker files as the cluster', () => {
    const controllers = [1, 2, 3].map((id) => write(`controller${id}.properties`, ['process.roles=controller', `node.id=${id}`,
      `controller.quorum.voters=${VOTERS}`, 'controller.listener.names=CONTROLLER', `listeners=CONTROLLER://c${id}.example.com:9093`]));
    const broker = (id: number) => write(`broker${id}.properties`, ['process.roles=broker', `node.id=${id}`, `controller.quorum.voters=${VOTERS}`,
      'controller.listener.names=CONTROLLER', `listeners=PLAINTEXT://kafka${id}.example.com:9092`, 'default.replication.factor=3']);
    const template = lintFiles([...controllers, broker(10)], { kafkaVersion: '4.0' });
    const declared = ofRule(lintFiles([...controllers, ...Array.from({ length: 15 }, (_, i) => broker(20 + i))], { kafkaVersion: '4.0', brokers: 2 }), 'cluster-too-small');
    expect(declared.map((f) => f.related?.length)).toEqual([10]);
    expect(ofRule(template, 'replication-factor-above-broker-count')).toEqual([]);
    const two = lintFiles([...controllers, broker(10), broker(11)], { kafkaVersion: '4.0' });
    expect(ofRule(two, 'replication-factor-above-broker-count').filter((f) => f.key === 'default.replication.factor')).toHaveLength(2);
  });

  it('takes broker files that name no node (no id, no advertised host) for templates, and does not count them', () => {
    const template = (name: string, listener: string) => write(name, [`zookeeper.connect=${ZK}/kafka`, `listeners=${listener}`, 'default.replication.factor=3']);
    const templates = [template('server.properties', 'PLAINTEXT://:9092'), template('server-sasl.properties', 'SASL_PLAINTEXT://:9092')];
    const report = lintFiles(templates, { kafkaVersion: '3.9' });
    expect(ofRule(report, 'replication-factor-above-broker-count')).toEqual([]);
    expect(ofRule(report, 'cluster-too-small')).toEqual([]);
    expect(report.clusters?.[0]).toMatchObject({ brokers: 2, sizeKnown: false });
    // Without ids, brokers on hosts of their own are nodes (ids generated at start-up): counted.
    const hosts = lintFiles([template('a.properties', 'PLAINTEXT://kafka1.example.com:9092'), template('b.properties', 'PLAINTEXT://kafka2.example.com:9092')], { kafkaVersion: '3.9' });
    expect(ofRule(hosts, 'replication-factor-above-broker-count').filter((f) => f.key === 'default.replication.factor')).toHaveLength(2);
    expect(hosts.clusters?.[0]).toMatchObject({ brokers: 2, sizeKnown: true });
  });

  it('counts a dynamic quorum\'s voters by controller id, not by file', () => {
    const bootstrap = 'controller.quorum.bootstrap.servers=c1.example.com:9093,c2.example.com:9093,c3.example.com:9093';
    const controllers = [1, 2, 2].map((id, i) => write(`dyn-c${i + 1}.properties`, ['process.roles=controller', `node.id=${id}`, bootstrap,
      'controller.listener.names=CONTROLLER', `listeners=CONTROLLER://c${i + 1}.example.com:9093`]));
    const even = ofRule(lintFiles(controllers, { kafkaVersion: '3.9' }), 'controller-count-even');
    expect(even.map((f) => f.message)).toEqual([expect.stringMatching(/^The quorum has 2 controllers \(a dynamic quorum/)]);
  });

  it('relaxes cluster-too-small to info in the development profile', () => {
    const files = [1, 2].map((id) => zkBroker(`b${id}.properties`, id, `${ZK}/kafka`));
    expect(ofRule(lintFiles(files, { kafkaVersion: '3.9' }), 'cluster-too-small').map((f) => f.severity)).toEqual(['warning']);
    expect(ofRule(lintFiles(files, { kafkaVersion: '3.9', profile: 'development' }), 'cluster-too-small').map((f) => f.severity))
      .toEqual(['info']);
  });

  it('lets an inline directive silence a cross-file finding without calling the directive unused', () => {
    const a = zkBroker('a.properties', 1, `${ZK}/kafka`);
    const b = write('b.properties', ['# klint-disable-next-line duplicate-node-id -- staging copy', 'broker.id=1',
      'listeners=PLAINTEXT://kafka9.example.com:9092', `zookeeper.connect=${ZK}/kafka`]);
    const report = lintFiles([a, b], { kafkaVersion: '3.9' });
    expect(ofRule(report, 'duplicate-node-id').map((f) => path.basename(f.file))).toEqual(['a.properties']);
    expect(ofRule(report, 'unused-suppression')).toEqual([]);
  });
});

describe('expanding command-line arguments', () => {
  it('finds *.properties below a directory, honouring nested .gitignore files and their negations', () => {
    write('repo/.gitignore', ['build/', '*.local.properties']);
    write('repo/cluster/b1.properties', ['broker.id=1']);
    write('repo/cluster/b1.local.properties', ['broker.id=1']);
    write('repo/cluster/notes.txt', ['not a config']);
    write('repo/build/out.properties', ['broker.id=1']);
    write('repo/keep/.gitignore', ['!*.local.properties']);
    write('repo/keep/k.local.properties', ['broker.id=1']);
    mkdirSync(path.join(dir, 'repo/.git'));
    const { paths, problems } = expandInputs(['repo'], dir);
    expect(paths).toEqual(['repo/cluster/b1.properties', 'repo/keep/k.local.properties']);
    expect(problems).toEqual([]);
  });

  it('follows symbolic links without looping and lists each file once', () => {
    write('tree/a/x.properties', ['broker.id=1']);
    symlinkSync('..', path.join(dir, 'tree/a/loop'));
    expect(expandInputs(['tree', 'tree/a/x.properties'], dir).paths).toEqual(['tree/a/x.properties']);
  });

  it('expands globs, keeps a named file even when .gitignore lists it, and keeps - as standard input', () => {
    write('.gitignore', ['ignored.properties']);
    mkdirSync(path.join(dir, '.git'));
    write('k8s/a/server.properties', ['broker.id=1']);
    write('k8s/b/server.properties', ['broker.id=2']);
    write('ignored.properties', ['broker.id=3']);
    expect(expandInputs(['k8s/**/*.properties', 'ignored.properties', '-'], dir).paths)
      .toEqual(['k8s/a/server.properties', 'k8s/b/server.properties', 'ignored.properties', '-']);
  });

  it('reports a missing path and a glob that matches nothing, one problem each', () => {
    write('a.properties', ['broker.id=1']);
    expect(expandInputs(['missing.properties', 'nothing/**/*.properties', 'a.properties'], dir)).toEqual({
      paths: ['a.properties'],
      problems: [
        { file: 'missing.properties', message: 'no such file' },
        { file: 'nothing/**/*.properties', message: 'no file matches this pattern' },
      ],
    });
  });
});

describe('the CLI', () => {
  const cli = path.join(repoRoot, 'bin/klint.js');
  const klint = (args: string[]) => spawnSync(process.execPath, [cli, '--no-config', '--no-color', ...args], { cwd: dir, encoding: 'utf8' });

  it('prints the grouping with --print-clusters, and lints the rest after a one-line error for a missing path', () => {
    if (!existsSync(path.join(repoRoot, 'dist/cli.cjs'))) throw new Error('no build: run `npm run build` before this test');
    zkBroker('brokers/b1.properties', 1, `${ZK}/kafka`);
    zkBroker('brokers/b2.properties', 2, `${ZK}/kafka`);
    const grouping = klint(['--print-clusters', '--kafka-version', '3.9', 'brokers']);
    expect(grouping.status).toBe(0);
    expect(grouping.stdout).toBe([
      'cluster 1 (2 files, 2 brokers)',
      `  why: share zookeeper.connect=${ZK}/kafka`,
      '  brokers/b1.properties',
      '  brokers/b2.properties',
      '',
    ].join('\n'));
    const run = klint(['--format', 'json', '--kafka-version', '3.9', '--brokers', '3', 'brokers', 'gone/']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('klint: gone/: no such file\n');
    const report = JSON.parse(run.stdout) as Report;
    expect(report.files).toHaveLength(2);
    expect(report.clusters).toEqual([{ name: 'cluster 1', files: ['brokers/b1.properties', 'brokers/b2.properties'],
      reason: `share zookeeper.connect=${ZK}/kafka`, brokers: 3, brokersDeclared: true, sizeKnown: true }]);
  });
});

describe('docs/cluster.md', () => {
  it('lists every cluster-wide setting cluster-setting-differs compares', () => {
    const rule = JSON.parse(readFileSync(path.join(repoRoot, 'rules/cluster-setting-differs.json'), 'utf8')) as
      { check: { params: { keys: string[] } } };
    const doc = readFileSync(path.join(repoRoot, 'docs/cluster.md'), 'utf8');
    expect(rule.check.params.keys.filter((key) => !doc.includes(`\`${key}\``))).toEqual([]);
  });
});
