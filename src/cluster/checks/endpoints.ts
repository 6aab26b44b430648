import { hostFacts, hostKey, isShortName, type Listener } from '../../model/listeners.js';
import { addressSourceKey } from '../../model/startup-facts.js';
import { nameFiles, othersThan, perCluster, type ClusterCheck, type ClusterCheckResult } from '../check.js';
import { collisions } from '../consensus.js';
import type { Cluster } from '../grouping.js';
import type { ClusterNode } from '../node.js';

const none = { type: 'object', additionalProperties: false };

/** A host names a machine unless it is empty or a wildcard; every loopback name is the local one. */
function namesMachine(host: string | null): host is string {
  return host !== null && host !== '' && !hostFacts(host).wildcard;
}

/**
 * The address a listener binds, as two nodes on one machine clash on it: `localhost` is
 * 127.0.0.1, while 127.0.0.2 or ::1 is a socket address of its own (both bind at once).
 */
function bindAddressOf(host: string): string {
  const key = hostKey(host);
  return key === 'localhost' ? '127.0.0.1' : key;
}

/**
 * A machine: a host name that is the same machine across the run, or one a cluster's own
 * network resolves (`scoped`): a name without a domain (a docker-compose service) or the local
 * machine its loopback-only nodes share, never the same as another cluster's (two demos in two
 * folders are not run side by side).
 */
interface Machine {
  name: string;
  scoped: boolean;
}

function machineOf(host: string): Machine {
  const name = hostKey(host);
  return { name, scoped: isShortName(name, hostFacts(host)) };
}

/**
 * The machines a node runs on, as far as its file says: the named hosts it binds; failing
 * those, when every host it binds or advertises is a loopback one, the local machine. A node
 * binding a wildcard, or only loopback beside a named advertised host, is on a machine no
 * name tells.
 */
function machinesOf(node: ClusterNode): Machine[] {
  const named = new Map<string, Machine>();
  let unnamed = false;
  for (const l of node.listeners) {
    if (!l.valid) continue;
    if (!namesMachine(l.host)) unnamed = true;
    else if (!hostFacts(l.host).loopback) named.set(hostKey(l.host), machineOf(l.host));
  }
  if (named.size > 0) return [...named.values()];
  const local = !unnamed && node.listeners.some((l) => l.valid)
    && node.advertised.every((l) => !l.valid || !namesMachine(l.host) || hostFacts(l.host).loopback);
  return local ? [{ name: 'localhost', scoped: true }] : [];
}

/**
 * Collisions among every cluster's nodes: a named host is one machine whatever cluster its
 * nodes are in, so two clusters sharing a host clash on it too. A claim is `scope\u0000label`,
 * the scope being the cluster's name for a scoped machine, else empty.
 */
function acrossClusters(clusters: readonly Cluster[], claimsOf: (node: ClusterNode) => { machine: Machine; label: string }[]) {
  const clusterOf = new Map<ClusterNode, Cluster>();
  for (const cluster of clusters) for (const node of cluster.distinct) clusterOf.set(node, cluster);
  return collisions([...clusterOf.keys()], (node) => claimsOf(node)
    .map(({ machine, label }) => `${machine.scoped ? (clusterOf.get(node) as Cluster).name : ''}\u0000${label}`));
}

const labelOf = (claim: string) => claim.slice(claim.indexOf('\u0000') + 1);

/** One finding per file in each collision, naming the other files that claim the same thing. */
function report(groups: Map<string, ClusterNode[]>, keyOf: (node: ClusterNode) => string, label: (claim: string) => string): ClusterCheckResult[] {
  const results: ClusterCheckResult[] = [];
  for (const [claim, holders] of groups) {
    for (const node of holders) {
      const others = othersThan(node, holders);
      results.push({
        node,
        key: keyOf(node),
        data: { claim: label(claim), others: nameFiles(others, holders.length - 1, keyOf) },
        related: others.map((o) => ({ node: o, key: keyOf(o), message: `${label(claim)} here too` })),
      });
    }
  }
  return results;
}


/**
 * Two files binding the same port on the same address: a named address is a machine of its
 * own; a loopback one is on the node's machines.
 */
export const listenerPortConflict: ClusterCheck = {
  name: 'listener-port-conflict',
  params: none,
  run: (clusters) => dedupe(report(
    acrossClusters(clusters, (node) => node.listeners.flatMap((l) => {
      if (!l.valid || !namesMachine(l.host)) return [];
      const address = bindAddressOf(l.host);
      const socket = address.includes(':') ? `[${address}]:${l.port}` : `${address}:${l.port}`;
      if (!hostFacts(l.host).loopback) return [{ machine: machineOf(l.host), label: socket }];
      return machinesOf(node).map((machine) => ({ machine, label: machine.name === 'localhost' ? socket : `${socket} on ${machine.name}` }));
    })),
    (node) => addressSourceKey(node.model.values, node.model.catalog.keys, 'bound'),
    labelOf,
  )),
};

/** Two brokers advertising one host:port to clients (controller listeners aside). */
export const advertisedEndpointShared: ClusterCheck = {
  name: 'advertised-endpoint-shared',
  params: none,
  run: perCluster((cluster) => {
    const brokers = cluster.distinct.filter((n) => n.broker);
    const key = (node: ClusterNode) => addressSourceKey(node.model.values, node.model.catalog.keys, 'advertised');
    const claims = (node: ClusterNode) => node.advertised.flatMap((l: Listener) => {
      if (!l.valid || l.host === null || l.host === '' || hostFacts(l.host).wildcard) return [];
      if (l.name !== null && node.controllerListenerNames.includes(l.name)) return [];
      return [`${hostKey(l.host)}:${l.port}`];
    });
    return report(collisions(brokers, claims), key, (claim) => claim);
  }),
};

/** Two files on one machine (see machinesOf) with a log directory in common. */
export const logDirShared: ClusterCheck = {
  name: 'log-dir-shared',
  params: none,
  run: (clusters) => {
    const key = (node: ClusterNode) => (node.model.values.has('log.dirs') || !node.model.values.has('log.dir') ? 'log.dirs' : 'log.dir');
    const groups = acrossClusters(clusters, (node) => machinesOf(node)
      .flatMap((machine) => node.logDirs.map((dir) => ({ machine, label: `${dir} on ${machine.name}` }))));
    return dedupe(report(groups, key, labelOf));
  },
};

/** A pair of files on two shared machines (two names of one host) collides once, not twice. */
function dedupe(results: ClusterCheckResult[]): ClusterCheckResult[] {
  const seen = new Set<string>();
  return results.filter((r) => {
    const id = `${r.node.model.file}\u0000${String(r.data?.claim).replace(/ on [^ ]*$/, '')}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
