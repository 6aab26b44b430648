import type { ClusterReport } from '../report.js';
import { hostFacts, hostKey, isShortName, namesHost, type Listener } from '../model/listeners.js';
import { components } from './consensus.js';
import type { ClusterNode } from './node.js';

/** Files linted together as one Kafka cluster, and why klint put them together. */
export interface Cluster {
  /** `cluster 1`, `cluster 2`, … in the order of each cluster's first file. */
  name: string;
  nodes: ClusterNode[];
  /**
   * The nodes less variants, files describing a node an earlier file describes (the same id, and
   * the same advertised addresses or another migration phase: see withoutVariants), so the checks
   * that compare nodes with each other use only the first.
   */
  distinct: ClusterNode[];
  /** The settings the files share (or the `--cluster` flag), as the report shows them. */
  reason: string;
  /**
   * Brokers the replication rules count: the declared size (`--brokers`, config file) when given,
   * else the broker files that name their node (variants aside), else all broker files.
   */
  brokers: number;
  /** The count comes from `--brokers` or the config file. */
  brokersDeclared: boolean;
  /** A size was declared, or two or more broker files name their node: a lone file, or files naming none, may be templates. */
  sizeKnown: boolean;
  /** Whether the files came as one declared cluster (`--cluster`) rather than by grouping. */
  declared: boolean;
}

export interface GroupingOptions {
  /** Every file is one cluster (`--cluster`). */
  declared?: boolean;
}

/**
 * Groups files into clusters. ZooKeeper-mode files that share a server of their ensemble and
 * the chroot are one cluster; KRaft files that share a controller address (a voter's or a
 * bootstrap server's host:port) are one; a migration file holding both joins the two. A
 * loopback address names a different server on every machine, so it only joins files of one
 * directory. Union-find over these addresses keeps grouping linear in the number of files.
 */
export function groupClusters(nodes: readonly ClusterNode[], options: GroupingOptions = {}): Cluster[] {
  if (options.declared) {
    return nodes.length === 0 ? [] : [cluster(1, [...nodes], 'declared one cluster with --cluster', true)];
  }
  // Each file's tokens once: grouping reads them, and so does the reason given for each group.
  const tokens = new Map(nodes.map((node) => [node, tokensOf(node)]));
  const tokensOfNode = (node: ClusterNode) => tokens.get(node) as string[];
  return components(nodes, tokensOfNode).map((group, i) => cluster(i + 1, group, reasonOf(group, tokensOfNode), false));
}

/** The size comes from the first file with a declared `brokers` (flag or config file), else the broker files. */
function cluster(number: number, nodes: ClusterNode[], reason: string, declared: boolean): Cluster {
  const declaredBrokers = nodes.find((n) => n.declaredBrokers !== undefined)?.declaredBrokers;
  const distinct = withoutVariants(withoutCombinedAlternatives(nodes));
  const variants = nodes.length - distinct.length;
  const brokerFiles = distinct.filter((n) => n.broker).length;
  const namedBrokers = distinct.filter((n) => n.broker && namesItsNode(n)).length;
  return {
    name: `cluster ${number}`,
    nodes,
    distinct,
    reason: variants === 0 ? reason
      : `${reason}; ${variants} file${variants === 1 ? ' describes a node another file describes' : 's describe nodes other files describe'} (the same id, and the same advertised addresses, another migration phase or a combined node beside its controller's own file), counted once`,
    brokers: declaredBrokers ?? (namedBrokers >= 2 ? namedBrokers : brokerFiles),
    brokersDeclared: declaredBrokers !== undefined,
    // One broker file may be a template for every broker, even beside the controllers' files;
    // so may several that name no node (a plaintext and a SASL template, ids filled in at deploy).
    sizeKnown: declaredBrokers !== undefined || namedBrokers >= 2,
    declared,
  };
}

/** A file for one node rather than a template: it sets an id, or advertises a host of its own. */
function namesItsNode(node: ClusterNode): boolean {
  return node.id !== undefined || node.advertised.some((l) => l.valid && namesHost(l.host));
}

/**
 * The nodes less each combined node (broker and controller) that a controller-only file with its
 * id and controller address describes too: two layouts of one quorum member, as Kafka's own
 * config/ ships them (server.properties beside controller.properties and broker.properties),
 * deployed one or the other. The split layout is kept, so the broker file is not read as a
 * second broker advertising the combined node's address.
 */
function withoutCombinedAlternatives(nodes: readonly ClusterNode[]): readonly ClusterNode[] {
  const controllers = new Set<string>();
  for (const node of nodes) {
    const address = node.controller && !node.broker ? controllerAddressOf(node) : undefined;
    if (address !== undefined) controllers.add(address);
  }
  if (controllers.size === 0) return nodes;
  return nodes.filter((node) => {
    const address = node.controller && node.broker ? controllerAddressOf(node) : undefined;
    return address === undefined || !controllers.has(address);
  });
}

/**
 * `id@host:port` of a controller: its advertised controller listener when that names a host,
 * else its own entry in controller.quorum.voters.
 */
function controllerAddressOf(node: ClusterNode): string | undefined {
  if (node.id === undefined) return undefined;
  const advertised = node.advertised.find((l) => l.valid && l.name !== null && node.controllerListenerNames.includes(l.name)
    && namesHost(l.host));
  const own = advertised ?? node.voters?.find((v) => v.id === node.id && v.valid && namesHost(v.host));
  return own ? `${node.id}@${hostKey(own.host as string)}:${own.port}` : undefined;
}

/**
 * The nodes less the files that describe a node another file already describes:
 * - the same id and the same advertised addresses: an SSL and a SASL variant kept side by side;
 *   a file of the same directory setting every key as that other file does is no variant but
 *   a copy left unedited (broker3.properties copied from broker2's), the mistake the duplicate-id
 *   rule is there for (a copy in another directory is documentation, an example, a backup);
 * - the same id and role in another phase of the migration from ZooKeeper (ZooKeeper broker,
 *   migrating, KRaft), where the addresses do not contradict it: one node's files before, during
 *   and after the migration, which never run at once.
 * An empty or wildcard host names no machine (Kafka advertises the local host name), so two files
 * advertising only `:9092` in one phase are two nodes given one id, not one node written twice.
 * Linear: each file is compared with tallies per id, not with every earlier file.
 */
function withoutVariants(nodes: readonly ClusterNode[]): ClusterNode[] {
  /** The first file kept per id and advertised addresses. */
  const byAddresses = new Map<string, ClusterNode>();
  /** Per id and role, each phase kept so far and whether a file kept in it names no address. */
  const phases = new Map<string, Map<string, { unnamed: boolean }>>();
  return nodes.filter((node) => {
    if (node.id === undefined) return true;
    const named = node.advertised.filter((l) => l.valid && namesHost(l.host));
    const identity = `${node.id}|${endpointsOf(named)}`;
    const first = named.length > 0 ? byAddresses.get(identity) : undefined;
    if (first && !(first.unit === node.unit && sameSettings(first, node))) return false;
    const role = `${node.id}|${node.broker}|${node.controller}`;
    const phase = `${node.model.mode}|${node.migrating}`;
    const kept = phases.get(role) ?? new Map<string, { unnamed: boolean }>();
    for (const [other, { unnamed }] of kept) {
      if (other !== phase && (unnamed || named.length === 0)) return false;
    }
    const tally = kept.get(phase) ?? { unnamed: false };
    tally.unnamed ||= named.length === 0;
    kept.set(phase, tally);
    phases.set(role, kept);
    if (named.length > 0 && !first) byAddresses.set(identity, node);
    return true;
  });
}

function sameSettings(a: ClusterNode, b: ClusterNode): boolean {
  const [x, y] = [a.model.values, b.model.values];
  if (x.size !== y.size) return false;
  for (const [key, value] of x) if (y.get(key) !== value) return false;
  return true;
}

function endpointsOf(listeners: readonly Listener[]): string {
  return [...new Set(listeners.map((l) => `${hostKey(l.host as string)}:${l.port}`))].sort().join(',');
}

/** What ZooKeeper hosts, quorum addresses and listeners have in common. */
type Address = Pick<Listener, 'valid' | 'host' | 'port'>;

/**
 * The addresses that identify the cluster a file belongs to. Every loopback name (localhost,
 * 127.x, ::1) is the same local server, which files share only within one directory; so is a
 * wildcard or empty host a client connects to (0.0.0.0 reaches the local machine). A host name
 * without a domain (`zookeeper`, `kafka1`) is resolved by each deployment's own network (a
 * docker-compose service, a Kubernetes namespace, /etc/hosts), so it too joins files of one
 * directory only. A controller's own listener on a wildcard or empty host is bound on every
 * interface and names no server.
 */
function tokensOf(node: ClusterNode): string[] {
  const tokens: string[] = [];
  const add = (kind: string, addresses: readonly Address[], bound: boolean, suffix = '') => {
    for (const { valid, host, port } of addresses) {
      if (!valid || host === null) continue;
      const facts = hostFacts(host);
      const unnamed = host === '' || facts.wildcard;
      if (unnamed && bound) continue;
      const name = hostKey(host);
      const server = facts.loopback || unnamed ? `${node.unit}|loopback:${port}`
        : isShortName(name, facts) ? `${node.unit}|${name}:${port}` : `${name}:${port}`;
      tokens.push(`${kind} ${server}${suffix}`);
    }
  };
  add('zk', node.zookeeper?.hosts ?? [], false, node.zookeeper?.chroot ?? '/');
  add('quorum', [...(node.voters ?? []), ...(node.bootstrapServers ?? [])], false);
  add('quorum', controllerEndpoints(node), true);
  return tokens;
}

/** Where a controller says it can be reached: its advertised (else bound) controller listeners. */
function controllerEndpoints(node: ClusterNode): Listener[] {
  if (!node.controller) return [];
  return node.advertised.filter((l) => l.name !== null && node.controllerListenerNames.includes(l.name));
}

/** What the files of a cluster share, for the report: each distinct connect string or voter set once. */
function reasonOf(nodes: readonly ClusterNode[], tokensOfNode: (node: ClusterNode) => string[]): string {
  const shared = new Set<string>();
  for (const node of nodes) {
    const connect = node.model.values.get('zookeeper.connect')?.trim();
    if (node.zookeeper && connect) shared.add(`zookeeper.connect=${connect}`);
    const voters = node.model.values.get('controller.quorum.voters')?.trim();
    if (node.voters && voters) shared.add(`controller.quorum.voters=${voters}`);
    const bootstrap = node.model.values.get('controller.quorum.bootstrap.servers')?.trim();
    if (node.bootstrapServers && bootstrap) shared.add(`controller.quorum.bootstrap.servers=${bootstrap}`);
  }
  if (shared.size === 0) return 'no zookeeper.connect or controller quorum setting to group by: a cluster of its own';
  const listed = [...shared];
  const shown = listed.slice(0, 3).join('; ') + (listed.length > 3 ? `; and ${listed.length - 3} more` : '');
  const local = nodes.some((n) => tokensOfNode(n).some((t) => t.includes('|')));
  return `${nodes.length === 1 ? 'alone with' : 'share'} ${shown}${local ? ' (loopback addresses and host names without a domain: files of one directory only)' : ''}`;
}

/** The cluster as the report shows it. */
export function describeCluster(cluster: Cluster): ClusterReport {
  return {
    name: cluster.name,
    files: cluster.nodes.map((n) => n.model.file),
    reason: cluster.reason,
    brokers: cluster.brokers,
    brokersDeclared: cluster.brokersDeclared,
    sizeKnown: cluster.sizeKnown,
  };
}
