import { hostFacts, hostKey, namesHost, type Listener } from '../../model/listeners.js';
import { addressSourceKey } from '../../model/startup-facts.js';
import { nameFiles, othersThan, perCluster, type ClusterCheck, type ClusterCheckResult } from '../check.js';
import { collisions } from '../consensus.js';
import type { ClusterNode } from '../node.js';

const none = { type: 'object', additionalProperties: false };

/**
 * The address a listener binds, as two nodes on one machine clash on it: `localhost` is
 * 127.0.0.1, while 127.0.0.2 or ::1 is a socket address of its own (both bind at once).
 */
function bindAddressOf(host: string): string {
  const key = hostKey(host);
  return key === 'localhost' ? '127.0.0.1' : key;
}

const LOCAL_MACHINE = 'localhost';

/**
 * The machines a node runs on, as far as its file says: the named hosts it binds; failing
 * those, when every host it binds or advertises is a loopback one, the local machine that the
 * cluster's loopback-only nodes share (a demo run side by side). A node binding a wildcard, or
 * only loopback beside a named advertised host, is on a machine no name tells.
 */
function machinesOf(node: ClusterNode): string[] {
  const named = new Set<string>();
  let unnamed = false;
  for (const l of node.listeners) {
    if (!l.valid) continue;
    if (!namesHost(l.host)) unnamed = true;
    else if (!hostFacts(l.host).loopback) named.add(hostKey(l.host));
  }
  if (named.size > 0) return [...named];
  const local = !unnamed && node.listeners.some((l) => l.valid)
    && node.advertised.every((l) => !l.valid || !namesHost(l.host) || hostFacts(l.host).loopback);
  return local ? [LOCAL_MACHINE] : [];
}

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
 * Two files of a cluster binding the same port on the same address: a named address is a
 * machine of its own; a loopback one is on the node's machines (see machinesOf). Clusters are
 * not compared with each other: files of two clusters on one host name are as often the same
 * nodes before and after a migration, or two deployments resolving one in-cluster DNS name.
 */
export const listenerPortConflict: ClusterCheck = {
  name: 'listener-port-conflict',
  params: none,
  run: perCluster((cluster) => dedupe(report(
    collisions(cluster.distinct, (node) => node.listeners.flatMap((l) => {
      if (!l.valid || !namesHost(l.host)) return [];
      const address = bindAddressOf(l.host);
      const socket = address.includes(':') ? `[${address}]:${l.port}` : `${address}:${l.port}`;
      if (!hostFacts(l.host).loopback) return [socket];
      return machinesOf(node).map((machine) => (machine === LOCAL_MACHINE ? socket : `${socket} on ${machine}`));
    })),
    (node) => addressSourceKey(node.model.values, node.model.catalog.keys, 'bound'),
    (claim) => claim,
  ))),
};

/** Two brokers advertising one host:port to clients (controller listeners aside). */
export const advertisedEndpointShared: ClusterCheck = {
  name: 'advertised-endpoint-shared',
  params: none,
  run: perCluster((cluster) => {
    const brokers = cluster.distinct.filter((n) => n.broker);
    const key = (node: ClusterNode) => addressSourceKey(node.model.values, node.model.catalog.keys, 'advertised');
    const claims = (node: ClusterNode) => node.advertised.flatMap((l: Listener) => {
      if (!l.valid || !namesHost(l.host)) return [];
      if (l.name !== null && node.controllerListenerNames.includes(l.name)) return [];
      return [`${hostKey(l.host)}:${l.port}`];
    });
    return report(collisions(brokers, claims), key, (claim) => claim);
  }),
};

/** Two files of a cluster on one machine (see machinesOf) with a log directory in common. */
export const logDirShared: ClusterCheck = {
  name: 'log-dir-shared',
  params: none,
  run: perCluster((cluster) => {
    const key = (node: ClusterNode) => (node.model.values.has('log.dirs') || !node.model.values.has('log.dir') ? 'log.dirs' : 'log.dir');
    const groups = collisions(cluster.distinct, (node) => machinesOf(node).flatMap((machine) => node.logDirs.map((dir) => `${dir} on ${machine}`)));
    return dedupe(report(groups, key, (claim) => claim));
  }),
};

/**
 * Files that collide on two shared machines (two names of one host) get one finding, not two;
 * a file colliding with other files on each machine keeps one finding per set of them.
 */
function dedupe(results: ClusterCheckResult[]): ClusterCheckResult[] {
  const seen = new Set<string>();
  return results.filter((r) => {
    const others = (r.related ?? []).map((o) => o.node.model.file).join('\u0000');
    const id = `${r.node.model.file}\u0000${String(r.data?.claim).replace(/ on [^ ]*$/, '')}\u0000${others}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
